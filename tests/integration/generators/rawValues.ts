/**
 * Reads the cached values of a recalculated .xlsx straight from its XML. ExcelJS drops a
 * formula's cached result when it is 0 (it reads back as "no result"), which would hide the
 * difference between 0 and blank; this reader keeps it.
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import { cellAddress, parseCell } from "../../../src/workbook/address";

export type RawValue = number | string | boolean | null;

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join("");
}

/** All cell values of every sheet, by sheet name then A1 address. */
export async function readAllValues(file: string): Promise<Map<string, Map<string, RawValue>>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sharedXml = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const targets = new Map([...rels.matchAll(/<Relationship\s[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = new Map<string, Map<string, RawValue>>();
  for (const m of workbook.matchAll(/<sheet\s[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const name = unescapeXml(m[1]);
    const target = targets.get(m[2])!.replace(/^\/?(xl\/)?/, "");
    const xml = await zip.file(`xl/${target}`)!.async("string");
    const cells = new Map<string, RawValue>();
    for (const c of xml.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const body = c[2] ?? "";
      const address = /r="([A-Z]+\d+)"/.exec(attrs)![1];
      const type = /\st="([^"]+)"/.exec(` ${attrs}`)?.[1] ?? "n";
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: RawValue = null;
      if (type === "s" && v !== undefined) value = shared[Number(v)];
      else if (type === "inlineStr") value = texts(body);
      else if (type === "str" || type === "e") value = v === undefined ? "" : unescapeXml(v);
      else if (type === "b") value = v === "1";
      else if (v !== undefined && v !== "") value = Number(v);
      cells.set(address, value);
    }
    out.set(name, cells);
  }
  return out;
}

/** One value from `readAllValues`' result ("Funnel", "C5"); null when the cell is absent. */
export function rawValue(all: Map<string, Map<string, RawValue>>, sheet: string, address: string): RawValue {
  return all.get(sheet)?.get(address) ?? null;
}

/** A rectangle of values ("B4:C9"), row by row. */
export function rawRange(all: Map<string, Map<string, RawValue>>, sheet: string, range: string): RawValue[][] {
  const [a, b] = range.split(":");
  const p = parseCell(a);
  const q = parseCell(b ?? a);
  const rows: RawValue[][] = [];
  for (let r = p.row; r <= q.row; r++) {
    const row: RawValue[] = [];
    for (let c = p.column; c <= q.column; c++) row.push(rawValue(all, sheet, cellAddress(r, c)));
    rows.push(row);
  }
  return rows;
}
