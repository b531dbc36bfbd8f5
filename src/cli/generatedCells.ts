/**
 * A refresh reads the old workbook with ExcelJS, which builds an object for every cell it
 * parses; of a tracked sheet it then keeps only the inputs, the keys and what lies outside
 * the generated range (book.ts). For the Deals sheet of a 100,000-deal workbook that is 1.9
 * million cells parsed to be passed over: three quarters of the refresh. Before ExcelJS reads
 * the package, the cells it would pass over are taken out of the tracked sheets' XML: a cell
 * goes when its address is one the refresh passes over and it holds no formula, or only
 * shares one whose whole range the refresh passes over (the Deals sheet's helper columns: a
 * shared formula per 1,024 rows). A cell sharing a formula whose range reaches a kept cell
 * stays: the reader (book.ts) takes a shared formula's text from the cell above or to the
 * left, cell by cell from the range's first. Whatever is not recognised with certainty stays.
 */
import { Readable, Transform } from "stream";
import { pipeline } from "stream/promises";
import { createDeflateRaw, createInflateRaw, inflateRawSync } from "zlib";
import { columnNumber, parseRange } from "../workbook/address";
import { unescapeXml } from "../workbook/xlsx/chartXml";
import { centralRecord, crc32, endRecord, localHeader, ZIP_SIZE_LIMIT } from "../workbook/xlsx/zipWriter";
import { entryData, ZipEntryInfo } from "../import/zipBounds";

/** Whether the refresh passes over the cell at row, column (1-based). */
export type PassedOver = (row: number, column: number) => boolean;

/** A cell element: its attributes, and its content unless it is empty (`<c .../>`). */
const CELL = /<c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const CELL_REF = /\sr="([A-Z]{1,3})(\d+)"/;
/** The attributes of a shared formula's first cell: `<f t="shared" ref="N2:N1025" si="0">`. */
const SHARED_FIRST = /<f\s([^>]*?\bt="shared"[^>]*)>/;
/** A cell that only shares a formula: `<f t="shared" si="0"/>`, without text. */
const SHARED_FOLLOWER = /^<f\s[^>]*?\bt="shared"[^>]*?\bsi="(\d+)"[^>]*?(?:\/>|><\/f>)/;

/**
 * Of each shared formula (by `si`) met so far in a part, whether the refresh passes over every
 * cell of its range: its cells without text can then all go. A part's shared formulas are met
 * in the order of their first cells, before any cell sharing them.
 */
export class SharedRanges {
  private readonly covered = new Map<string, boolean>();
  /** Cells left to look at: a range is looked at cell by cell, and a file may claim huge ones. */
  private budget = SHARED_RANGE_CELLS;

  /** Notes a shared formula's first cell (its formula's attributes). */
  noteFirst(attributes: string, passedOver: PassedOver): void {
    const si = /\bsi="(\d+)"/.exec(attributes)?.[1];
    if (si === undefined) return;
    const ref = /\bref="([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)"/.exec(attributes)?.[1];
    let all = false;
    if (ref !== undefined) {
      const { top, left, bottom, right } = parseRange(ref);
      const cells = (bottom - top + 1) * (right - left + 1);
      all = cells <= this.budget;
      if (all) this.budget -= cells;
      for (let r = top; all && r <= bottom; r++) for (let c = left; all && c <= right; c++) all = passedOver(r, c);
    }
    this.covered.set(si, all);
  }

  /** Whether the refresh passes over every cell of shared formula `si`'s range. */
  passedOver(si: string): boolean {
    return this.covered.get(si) === true;
  }
}

/**
 * Cells of shared ranges a part's cell dropper looks at, at most (16 Mi: a million-row Deals
 * sheet's helper columns are 3 Mi); past it, a range's cells stay.
 */
const SHARED_RANGE_CELLS = 1 << 24;

/**
 * `xml` (a complete run of a worksheet's cells, read byte for byte as latin1) without the
 * cells `passedOver` names that hold no formula, or only share one whose range `passedOver`
 * covers (`shared` carries what the part's earlier runs said about its shared formulas).
 *
 * @example
 * dropCells('<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><f>A2</f></c></row>', () => true)
 * // '<row r="2"><c r="B2"><f>A2</f></c></row>'
 */
export function dropCells(xml: string, passedOver: PassedOver, shared = new SharedRanges()): string {
  return xml.replace(CELL, (cell: string, attributes: string, content: string | undefined) => {
    if (content !== undefined && content.includes("<f")) {
      const first = SHARED_FIRST.exec(content);
      if (first && /\bref="/.test(first[1])) {
        shared.noteFirst(first[1], passedOver);
        return cell;
      }
      const si = SHARED_FOLLOWER.exec(content)?.[1];
      if (si === undefined || !shared.passedOver(si)) return cell;
    }
    const ref = CELL_REF.exec(attributes);
    if (!ref) return cell;
    return passedOver(Number(ref[2]), columnNumber(ref[1])) ? "" : cell;
  });
}

/**
 * A stream transform of a worksheet part's bytes that drops cells (see {@link dropCells}),
 * chunk by chunk, and keeps the CRC and size of what it lets through: the text after the last cell start of a chunk waits for the next one. From
 * a CDATA section or a comment on (where `</c>` could be text), the rest passes unchanged.
 */
function cellDropper(passedOver: PassedOver): Transform & { crc: () => number; size: () => number } {
  const shared = new SharedRanges();
  let carry = "";
  let verbatim = false;
  let crc = 0;
  let size = 0;
  const out = (text: string, push: (chunk: Buffer) => void): void => {
    if (text === "") return;
    const bytes = Buffer.from(text, "latin1");
    crc = crc32(bytes, crc);
    size += bytes.length;
    push(bytes);
  };
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = carry + chunk.toString("latin1");
      carry = "";
      if (!verbatim && (text.includes("<![CDATA[") || text.includes("<!--"))) verbatim = true;
      if (verbatim) {
        out(text, (b) => this.push(b));
        return done();
      }
      const cut = text.lastIndexOf("<c");
      carry = cut < 0 ? "" : text.slice(cut);
      out(dropCells(cut < 0 ? text : text.slice(0, cut), passedOver, shared), (b) => this.push(b));
      done();
    },
    flush(done) {
      out(verbatim ? carry : dropCells(carry, passedOver, shared), (b) => this.push(b));
      done();
    },
  });
  return Object.assign(transform, { crc: () => crc, size: () => size });
}

/**
 * The text (UTF-8) of the small part `name` (xl/workbook.xml, a relationships part), inflated
 * at once; undefined when the package has no such part, or it is neither stored nor deflated,
 * or it does not inflate. The part is expected to be within the package checks already.
 */
export function partText(bytes: Uint8Array, entries: readonly ZipEntryInfo[], name: string): string | undefined {
  const entry = entries.find((e) => e.name === name);
  if (!entry || (entry.method !== 0 && entry.method !== 8)) return undefined;
  try {
    const data = entryData(bytes, entry);
    return new TextDecoder("utf-8").decode(entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 }));
  } catch {
    return undefined;
  }
}

/** The worksheet part of each sheet of the package, by sheet name (from xl/workbook.xml and its relationships). */
export function worksheetParts(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): Map<string, string> {
  const parts = new Map<string, string>();
  const workbook = partText(bytes, entries, "xl/workbook.xml");
  const rels = partText(bytes, entries, "xl/_rels/workbook.xml.rels");
  if (workbook === undefined || rels === undefined) return parts;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = /\sId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\sTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id === undefined || target === undefined) continue;
    const path = unescapeXml(target);
    targets.set(id, path.startsWith("/") ? path.slice(1) : `xl/${path}`);
  }
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[1])?.[1];
    const id = /\sr:id="([^"]*)"/.exec(m[1])?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) parts.set(unescapeXml(name), part);
  }
  return parts;
}

/**
 * The parts ExcelJS's streaming reader must have read before a worksheet, in this order: it
 * reads a package's parts in the order they are stored and looks each sheet up in the
 * workbook part. Stored after the sheets (ExcelJS's own writer and the product's store it
 * last), that part was sometimes not read yet and the reader threw "Cannot read properties of
 * undefined (reading 'sheets')": every time when the shared strings came before the sheets,
 * and about one read in twelve of an ExcelJS-written package on a busy machine (exceljs
 * issue 3064). Stored first, as Excel stores it, 300 reads of 300 read every sheet.
 */
const READ_FIRST = ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];

/**
 * `entries` in the order ExcelJS's streaming reader needs (READ_FIRST, then the rest as they
 * were), the same array when they already are.
 */
export function inReadingOrder(entries: readonly ZipEntryInfo[]): readonly ZipEntryInfo[] {
  const first = READ_FIRST.map((name) => entries.find((e) => e.name === name)).filter((e): e is ZipEntryInfo => e !== undefined);
  const ordered = [...first, ...entries.filter((e) => !first.includes(e))];
  return ordered.every((e, i) => e === entries[i]) ? entries : ordered;
}

/**
 * The package `bytes` with the cells the refresh passes over taken out of the parts `drop`
 * names (part path -> cells passed over), each such part deflated again; every other part is
 * copied as it is stored. The parts are stored in reading order ({@link inReadingOrder}).
 * Undefined when the package is not one this can copy (a part neither stored nor deflated, a
 * size past 4 GB): the caller reads the package as it is.
 */
export async function withoutPassedOverCells(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  drop: ReadonlyMap<string, PassedOver>,
): Promise<Uint8Array | undefined> {
  if (entries.some((e) => (e.method !== 0 && e.method !== 8) || e.uncompressedSize >= ZIP_SIZE_LIMIT || e.compressedSize >= ZIP_SIZE_LIMIT)) return undefined;
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of inReadingOrder(entries)) {
    const name = Buffer.from(entry.name, "utf8");
    let method = entry.method;
    let crc = entry.crc32;
    let size = entry.uncompressedSize;
    let data: Uint8Array[] = [entryData(bytes, entry)];
    const passedOver = drop.get(entry.name);
    if (passedOver) {
      const dropper = cellDropper(passedOver);
      const deflated: Buffer[] = [];
      const collect = async (stream: AsyncIterable<Buffer>): Promise<void> => {
        for await (const chunk of stream) deflated.push(chunk);
      };
      const stored = entryData(bytes, entry);
      const source = Readable.from([Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength)]);
      if (entry.method === 8) await pipeline(source, createInflateRaw(), dropper, createDeflateRaw({ level: 1 }), collect);
      else await pipeline(source, dropper, createDeflateRaw({ level: 1 }), collect);
      method = 8;
      crc = dropper.crc();
      size = dropper.size();
      data = deflated;
    }
    const compressed = data.reduce((n, d) => n + d.length, 0);
    if (offset + compressed >= ZIP_SIZE_LIMIT) return undefined;
    chunks.push(localHeader(name, crc, compressed, size, method), name, ...data.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength)));
    central.push(centralRecord(name, crc, compressed, size, offset, method), name);
    offset += 30 + name.length + compressed;
  }
  const directory = Buffer.concat(central);
  if (offset + directory.length >= ZIP_SIZE_LIMIT) return undefined;
  return Buffer.concat([...chunks, directory, endRecord(entries.length, directory.length, offset)]);
}
