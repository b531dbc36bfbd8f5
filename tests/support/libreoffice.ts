/**
 * LibreOffice as the outside referee for generated workbooks (integration tests only).
 *
 * - `recalculateWithLibreOffice` opens an .xlsx in a headless LibreOffice whose fresh profile
 *   forces a full recalculation on load (OOXMLRecalcMode 0), and saves it back as .xlsx, so
 *   every formula carries the value LibreOffice computed.
 * - `readValues` reads a rectangle of computed values back from the sheet's XML.
 * - `renderToPng` prints the workbook to PDF and turns each page into a PNG for a person to look at.
 *
 * Every call uses its own profile directory, so several tests (or processes) may run at once.
 *
 * @example
 * const recalculated = await recalculateWithLibreOffice("out/example.xlsx", "out/lo");
 * const values = await readValues(recalculated, "Funnel", "C4:C8"); // [[120], [60], ...]
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import JSZip from "jszip";
import { parseCell } from "../../src/workbook/address";
import { unescapeXstring } from "../../src/workbook/xlsx/xstring";

export type ReadValue = number | string | boolean | null;

const SOFFICE_TIMEOUT_MS = 240_000;

const RECALC_ALWAYS_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

function run(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: SOFFICE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** A fresh LibreOffice profile that recalculates every formula on load; returns its directory. */
async function freshProfile(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-lo-profile-"));
  await fs.mkdir(path.join(dir, "user"), { recursive: true });
  await fs.writeFile(
    path.join(dir, "user", "registrymodifications.xcu"),
    RECALC_ALWAYS_PROFILE,
    "utf8",
  );
  return dir;
}

async function convertWithSoffice(
  input: string,
  outDir: string,
  convertTo: string,
  outExtension: string,
  outName: string,
): Promise<string> {
  const profile = await freshProfile();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-lo-out-"));
  try {
    await run("soffice", [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      convertTo,
      "--outdir",
      work,
      path.resolve(input),
    ]);
    const produced = path.join(
      work,
      `${path.basename(input, path.extname(input))}.${outExtension}`,
    );
    await fs.access(produced).catch(() => {
      throw new Error(`LibreOffice did not produce ${produced} from ${input}`);
    });
    await fs.mkdir(outDir, { recursive: true });
    const target = path.join(path.resolve(outDir), outName);
    await fs.copyFile(produced, target);
    return target;
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * Recalculates an .xlsx in headless LibreOffice (full recalculation on load) and saves the
 * result as `<name>.recalculated.xlsx` in `outDir`. Resolves with that file's path.
 */
export async function recalculateWithLibreOffice(
  xlsxPath: string,
  outDir: string,
): Promise<string> {
  const base = path.basename(xlsxPath, path.extname(xlsxPath));
  return convertWithSoffice(
    xlsxPath,
    outDir,
    "xlsx:Calc MS Excel 2007 XML",
    "xlsx",
    `${base}.recalculated.xlsx`,
  );
}

/** XML text content as a parser gives it: line ends normalised, references resolved. */
function xmlText(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);/g, (_whole, ref: string) => {
      if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith("#")) return String.fromCodePoint(Number(ref.slice(1)));
      return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[ref]!;
    });
}

/** Cell text (ST_Xstring): XML text, then `_xHHHH_` escapes decoded. */
const cellText = (raw: string): string => unescapeXstring(xmlText(raw));

function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes);
  return m ? xmlText(m[1]) : undefined;
}

/** The text of a string item (`<si>` or `<is>`): its runs, without phonetic (rPh) runs. */
function stringItemText(xml: string): string {
  return Array.from(
    xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g),
    (m) => cellText(m[1]),
  ).join("");
}

/** The worksheet part and the shared strings part of `sheet`, by the workbook's relationships. */
async function sheetAndSharedStrings(
  zip: JSZip,
  sheet: string,
  xlsxPath: string,
): Promise<{ sheetXml: string; shared: string[] }> {
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const relsXml = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, { type: string; part: string }>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const target = attribute(m[1], "Target")!;
    const part = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    targets.set(attribute(m[1], "Id")!, { type: attribute(m[1], "Type") ?? "", part });
  }
  let sheetPart: string | undefined;
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)>/g))
    if (attribute(m[1], "name") === sheet) sheetPart = targets.get(attribute(m[1], "r:id")!)?.part;
  if (!sheetPart) throw new Error(`No sheet named ${sheet} in ${xlsxPath}`);
  const sharedPart =
    Array.from(targets.values()).find((t) => t.type.endsWith("/sharedStrings"))?.part ??
    "xl/sharedStrings.xml";
  const sharedXml = (await zip.file(sharedPart)?.async("string")) ?? "";
  const shared = Array.from(sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g), (m) =>
    stringItemText(m[1] ?? ""),
  );
  return { sheetXml: await zip.file(sheetPart)!.async("string"), shared };
}

/** The value a cell element stores (its cached result for a formula). */
function storedValue(attributes: string, body: string, shared: string[]): ReadValue {
  const type = attribute(attributes, "t") ?? "n";
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body)?.[1];
  switch (type) {
    case "s":
      return v === undefined ? null : shared[Number(v)];
    case "inlineStr":
      return stringItemText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "");
    case "str": // a formula's text result: "" is a value, not a blank
      return v === undefined ? "" : cellText(v);
    case "e":
      return v === undefined ? null : xmlText(v);
    case "b":
      return v === undefined ? null : v.trim() === "1" || v.trim() === "true";
    case "d": // ISO 8601 date: its Excel serial number
      return v === undefined
        ? null
        : (Date.parse(/Z|[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`) - Date.UTC(1899, 11, 30)) /
            86_400_000;
    default:
      return v === undefined || v.trim() === "" ? null : Number(v);
  }
}

/**
 * Reads stored values of `range` ("B2:D5" or "B2") on `sheet` of an .xlsx, row by row,
 * straight from the sheet's XML (ExcelJS drops a formula's cached result when it is 0,
 * false or "", which would hide the difference between 0 and blank).
 *
 * Rules: formula cells give their cached result (0 as 0, false as false, "" as ""); errors
 * their text ("#DIV/0!"); empty or absent cells null; numbers as stored, so date-formatted
 * cells give their Excel serial number (2024-03-15 -> 45366); text as a spreadsheet reads it
 * (XML line ends normalised, character references and `_xHHHH_` escapes decoded).
 *
 * @example await readValues(recalculated, "Funnel", "B4:C5") // [[120, 1], [60, 0.5]]
 */
export async function readValues(
  xlsxPath: string,
  sheet: string,
  range: string,
): Promise<ReadValue[][]> {
  const zip = await JSZip.loadAsync(await fs.readFile(xlsxPath));
  const { sheetXml, shared } = await sheetAndSharedStrings(zip, sheet, xlsxPath);
  const [a, b] = range.replace(/\$/g, "").split(":");
  const first = parseCell(a);
  const last = parseCell(b ?? a);
  const rows: ReadValue[][] = [];
  for (let r = first.row; r <= last.row; r++)
    rows.push(new Array<ReadValue>(last.column - first.column + 1).fill(null));
  let row = 0;
  let column = 0;
  const elements = /<row\b([^>]*?)\/?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (const m of sheetXml.matchAll(elements)) {
    if (m[1] !== undefined) {
      const r = attribute(m[1], "r");
      row = r !== undefined ? Number(r) : row + 1;
      column = 0;
      continue;
    }
    const address = attribute(m[2], "r");
    if (address !== undefined) ({ row, column } = parseCell(address));
    else column += 1;
    if (row < first.row || row > last.row || column < first.column || column > last.column)
      continue;
    rows[row - first.row][column - first.column] = storedValue(m[2], m[3] ?? "", shared);
  }
  return rows;
}

/**
 * Prints the workbook to PDF with LibreOffice, one page per sheet whatever its size
 * (SinglePageSheets), then each page to PNG with pdftoppm.
 * Resolves with the PNG paths (`<name>-1.png`, `<name>-2.png`, ...) in `outDir`.
 */
export async function renderToPng(
  xlsxPath: string,
  outDir: string,
  resolutionDpi = 70,
): Promise<string[]> {
  const base = path.basename(xlsxPath, path.extname(xlsxPath));
  const pdf = await convertWithSoffice(
    xlsxPath,
    outDir,
    'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
    "pdf",
    `${base}.pdf`,
  );
  const prefix = path.join(path.resolve(outDir), base);
  await run("pdftoppm", ["-png", "-r", String(resolutionDpi), pdf, prefix]);
  const files = await fs.readdir(path.resolve(outDir));
  return files
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".png"))
    .sort((x, y) => Number(/-(\d+)\.png$/.exec(x)?.[1]) - Number(/-(\d+)\.png$/.exec(y)?.[1]))
    .map((f) => path.join(path.resolve(outDir), f));
}
