/**
 * Reading a workbook the command line built before (`build --update BOOK.xlsx`): which sheets
 * it generated (found by their hidden names, whatever they are called now), what was typed
 * into their input cells, and what the user added: whole sheets, and cells outside a
 * generated sheet's generated range.
 *
 * The .xlsx is read with ExcelJS after the same package bounds as an import (zipBounds.ts).
 * A sheet the user added is carried into the refreshed workbook as its values, formulas and
 * number formats; its other formatting (fonts, fills, widths), charts and pictures are not:
 * the command line writes a new package. (In Excel, the task pane's "Update deals" leaves the
 * user's sheets untouched.)
 */
import type ExcelJS from "exceljs";
import { Readable } from "stream";
import { excelSerial } from "../core/dates";
import { boxContains, parseRange, rangeAddress, RangeBox, shiftFormula } from "../workbook/address";
import { Markers, WorkbookName, readMarkers, savedBook } from "../workbook/inputs";
import { unescapeXml } from "../workbook/xlsx/chartXml";
import type { Block, PlanCell, SheetPlan } from "../workbook/plan";
import type { ExistingBook } from "../workbook/refresh";
import { DEFAULT_IMPORT_LIMITS, ImportLimits } from "../import/limits";
import { checkInflatedSizes, checkZipBounds, ZipEntryInfo } from "../import/zipBounds";
import { inReadingOrder, partText, PassedOver, withoutPassedOverCells, worksheetParts } from "./generatedCells";

/** An ExcelJS cell as a plan cell: a formula as `{ f }`, a date as its serial, rich text as text. */
function planCell(cell: ExcelJS.Cell): PlanCell {
  const formula = cell.formula;
  if (typeof formula === "string" && formula !== "") return { f: `=${formula}` };
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  if (value instanceof Date) return excelSerial(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
    if ("result" in value) {
      const result = value.result;
      return typeof result === "number" || typeof result === "string" || typeof result === "boolean" ? result : null;
    }
  }
  return null;
}

/** A kept cell: its plan value and number format. */
interface KeptCell {
  value: PlanCell;
  numFmt: string | null;
}

/** A sheet as streamed: the cells kept, by row then column. */
interface StreamedSheet {
  name: string;
  rows: Map<number, Map<number, KeptCell>>;
}

/** Which cells of a sheet to keep, once the markers are known (all of them while they are not). */
function cellFilter(name: string, markers: Markers | null): (row: number, column: number) => boolean {
  if (!markers) return () => true;
  const role = Array.from(markers.sheets).find(([, target]) => target.sheet === name)?.[0];
  if (role === undefined) return () => true;
  const generated = parseRange(markers.sheets.get(role)!.range);
  const inputs = Array.from(markers.inputs.get(role)?.values() ?? []).flatMap((i) => [i.cells, ...(i.keys ? [i.keys] : [])]).map((t) => parseRange(t.range));
  // A tracked sheet: its inputs and keys, and what lies outside its generated range.
  return (r, c) => !boxContains(generated, r, c) || inputs.some((box) => boxContains(box, r, c));
}

function reader(sheets: ReadonlyMap<string, StreamedSheet>): (sheet: string, range: string) => PlanCell[][] {
  return (sheet, range) => {
    const rows = sheets.get(sheet)?.rows;
    const box = parseRange(range);
    return Array.from({ length: box.bottom - box.top + 1 }, (_, r) =>
      Array.from({ length: box.right - box.left + 1 }, (_, c) => rows?.get(box.top + r)?.get(box.left + c)?.value ?? null),
    );
  };
}

/** The kept cells of a sheet outside `skip`, as one block per run of cells in a row. */
function cellRuns(sheet: StreamedSheet | undefined, skip?: RangeBox): { box: RangeBox; block: Block }[] {
  const runs: { box: RangeBox; block: Block }[] = [];
  if (!sheet) return runs;
  for (const r of [...sheet.rows.keys()].sort((a, b) => a - b)) {
    let run: { left: number; cells: PlanCell[]; formats: (string | null)[] } | null = null;
    const flush = (): void => {
      if (!run) return;
      const box = { top: r, bottom: r, left: run.left, right: run.left + run.cells.length - 1 };
      const block: Block = { at: rangeAddress({ ...box, right: box.left }), cells: [run.cells] };
      if (run.formats.some((f) => f !== null)) block.numberFormat = run.formats;
      runs.push({ box, block });
      run = null;
    };
    const cells = sheet.rows.get(r)!;
    for (const c of [...cells.keys()].sort((a, b) => a - b)) {
      const cell = cells.get(c)!;
      const inside = skip !== undefined && boxContains(skip, r, c);
      if (cell.value === null || cell.value === "" || inside) {
        flush();
        continue;
      }
      if (run && run.left + run.cells.length !== c) flush();
      if (!run) run = { left: c, cells: [], formats: [] };
      run.cells.push(cell.value);
      run.formats.push(cell.numFmt);
    }
    flush();
  }
  return runs;
}

type DefinedNameModel = { name: string; ranges: string[] }[];

function markersOf(model: { definedNames?: DefinedNameModel } | undefined): Markers | null {
  if (!model?.definedNames) return null;
  const names: WorkbookName[] = [];
  for (const n of model.definedNames) if (n.ranges.length === 1) names.push({ name: n.name, refersTo: n.ranges[0] });
  return readMarkers(names);
}

/**
 * The workbook's bookkeeping names, read from its workbook part (xl/workbook.xml) before any
 * sheet is streamed. ExcelJS's streaming reader learns the defined names only when it reaches
 * that part, which a package may store after its sheets (this product's writer does): read
 * from the start, the generated range of a tracked sheet (a 100,000-row Deals sheet) is passed
 * over from its first row instead of being held until the names arrive. Null when the package
 * has no such part (the reader's own names are used then). The part was bounded by the
 * package checks before.
 */
function markersFromPackage(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): Markers | null {
  const xml = partText(bytes, entries, "xl/workbook.xml");
  if (xml === undefined) return null;
  const names: WorkbookName[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[1])?.[1];
    if (name === undefined || /\slocalSheetId="/.test(m[1])) continue;
    names.push({ name: unescapeXml(name), refersTo: unescapeXml(m[2]) });
  }
  return readMarkers(names);
}

/**
 * The bounds of the workbook to refresh before its generated cells are taken out. A tracked
 * sheet's part is only streamed through the filter (generatedCells.ts), a chunk at a time, so
 * one part may inflate to what a zip without ZIP64 allows (4 GB; the Deals sheet of a
 * 1,048,575-deal workbook is about 650 MB of XML, past the import's 512 MiB for one part); the
 * ratio bound still holds. The package then read, with those cells out, is held to the
 * import's bounds, so no part ExcelJS parses is larger than an import's.
 */
function filteredLimits(limits: ImportLimits): ImportLimits {
  return { ...limits, maxXlsxEntryBytes: 0xfffffffe, maxXlsxBytes: 8 * 1024 * 1024 * 1024 };
}

/**
 * The package without the generated cells of its tracked sheets that the refresh would pass
 * over (generatedCells.ts), so that ExcelJS does not parse them; undefined when there is
 * nothing to take out or the package cannot be copied (it is then read as it is).
 */
async function withoutGeneratedCells(bytes: Uint8Array, entries: readonly ZipEntryInfo[], markers: Markers): Promise<Uint8Array | undefined> {
  const parts = worksheetParts(bytes, entries);
  const drop = new Map<string, PassedOver>();
  for (const target of markers.sheets.values()) {
    const part = parts.get(target.sheet);
    if (part === undefined) continue;
    const keep = cellFilter(target.sheet, markers);
    drop.set(part, (row, column) => !keep(row, column));
  }
  return drop.size > 0 ? withoutPassedOverCells(bytes, entries, drop) : undefined;
}

/** The package with its parts in the order ExcelJS's reader needs, copied only when they are not. */
async function inReaderOrder(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): Promise<Uint8Array> {
  return inReadingOrder(entries) === entries ? bytes : ((await withoutPassedOverCells(bytes, entries, new Map())) ?? bytes);
}

/**
 * Reads a workbook for a refresh, streaming its sheets: of a tracked sheet only the input and
 * key cells and the cells outside its generated range are kept (a 100,000-row Deals sheet is
 * read past, not held), of the user's sheets every cell.
 *
 * @throws ImportError when the package is past the import bounds (`limits`, which a tracked
 * sheet's generated cells do not count against); Error when it is not an .xlsx.
 */
export async function readExistingBook(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ExistingBook> {
  const entries = checkZipBounds(bytes, filteredLimits(limits));
  await checkInflatedSizes(bytes, entries);
  const early = markersFromPackage(bytes, entries);
  const read = (early && (await withoutGeneratedCells(bytes, entries, early))) ?? (await inReaderOrder(bytes, entries));
  // What ExcelJS reads is held to the import's bounds.
  checkZipBounds(read, limits);
  const stream = Readable.from([Buffer.from(read.buffer, read.byteOffset, read.byteLength)]);
  // Loaded here, not with the module: a build without --update never pays for ExcelJS's reader.
  const { WorkbookReader } = (await import("exceljs")).default.stream.xlsx;
  const workbook = new WorkbookReader(stream, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  const model = (): { definedNames?: DefinedNameModel } | undefined => (workbook as unknown as { model?: { definedNames?: DefinedNameModel } }).model;
  const sheets = new Map<string, StreamedSheet>();
  const order: string[] = [];
  for await (const ws of workbook as unknown as AsyncIterable<ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>>) {
    const keep = cellFilter(ws.name, early ?? markersOf(model()));
    const sheet: StreamedSheet = { name: ws.name, rows: new Map() };
    const formulas = new RecentFormulas();
    for await (const row of ws) {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const shared = sharedFormulaOf(cell, row.number, c, formulas);
        if (!keep(row.number, c)) return;
        const value = shared ? { f: `=${shiftFormula(shared.text, shared.rows, shared.columns)}` } : planCell(cell);
        if (value === null) return;
        if (!sheet.rows.has(row.number)) sheet.rows.set(row.number, new Map());
        sheet.rows.get(row.number)!.set(c, { value, numFmt: cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null });
      });
    }
    sheets.set(ws.name, sheet);
    order.push(ws.name);
  }
  const markers = markersOf(model()) ?? { sheets: new Map(), inputs: new Map() };
  // A marker naming a sheet the workbook no longer has is stale (Excel turns it into #REF!,
  // other tools may leave the old name): that role is not in the workbook.
  for (const [role, target] of markers.sheets) if (!sheets.has(target.sheet)) markers.sheets.delete(role);
  const saved = savedBook(markers, reader(sheets));
  const tracked = new Map(Array.from(saved.values(), (s) => [s.name, s] as const));
  const userSheets: SheetPlan[] = [];
  const extraCells = new Map<string, { box: RangeBox; block: Block }[]>();
  for (const name of order) {
    const mine = tracked.get(name);
    if (mine) {
      const extra = cellRuns(sheets.get(name), parseRange(mine.generated));
      if (extra.length > 0) extraCells.set(mine.role, extra);
      continue;
    }
    userSheets.push({ name, blocks: cellRuns(sheets.get(name)).map((run) => run.block) });
  }
  // Of a tracked sheet only some cells were kept: read back as it was, it is those outside its range.
  const readSheet = (name: string): SheetPlan => ({ name, blocks: cellRuns(sheets.get(name), tracked.has(name) ? parseRange(tracked.get(name)!.generated) : undefined).map((run) => run.block) });
  return { order, saved, userSheets, extraCells, readSheet };
}

/**
 * A formula as read: the text written on a cell, moved down `rows` and right `columns` (a cell
 * sharing the formula of one above or to the left). The moved text is made only for a cell
 * that is kept: a tracked sheet's generated cells (a 100,000-row Deals sheet's helper columns)
 * are passed over without it.
 */
interface ReadFormula {
  text: string;
  rows: number;
  columns: number;
}

/**
 * The formula of a cell that shares one written on an earlier cell (Excel's fill-down and
 * fill-right store the text once, on the first cell of the range; so does this product's
 * writer): undefined for any other cell. The streamed cell says only that it has a formula
 * without text, so it is taken from the cell above, else the one to the left, moved by one row
 * or column: exact for a range filled down or right, the ranges Excel writes; a shared range
 * beside an unrelated formula could be read wrong.
 */
function sharedFormulaOf(cell: ExcelJS.Cell, row: number, column: number, formulas: RecentFormulas): ReadFormula | undefined {
  const value = cell.value as { formula?: string } | null;
  if (!value || typeof value !== "object" || typeof value.formula !== "string") return undefined;
  if (value.formula !== "") {
    formulas.set(row, column, { text: value.formula, rows: 0, columns: 0 });
    return undefined;
  }
  const above = formulas.get(row - 1, column);
  const left = formulas.get(row, column - 1);
  const read = above !== undefined ? { ...above, rows: above.rows + 1 } : left !== undefined ? { ...left, columns: left.columns + 1 } : undefined;
  if (read === undefined) return undefined;
  formulas.set(row, column, read);
  return read;
}

/**
 * The formulas of the row being read and the row before it, by column: all a filled-down
 * or filled-right formula needs (see sharedFormulaOf), whatever the number of rows.
 */
class RecentFormulas {
  private row = 0;
  private current = new Map<number, ReadFormula>();
  private previous = new Map<number, ReadFormula>();

  set(row: number, column: number, formula: ReadFormula): void {
    this.moveTo(row);
    this.current.set(column, formula);
  }

  get(row: number, column: number): ReadFormula | undefined {
    if (row === this.row) return this.current.get(column);
    return row === this.row - 1 ? this.previous.get(column) : undefined;
  }

  private moveTo(row: number): void {
    if (row === this.row) return;
    this.previous = row === this.row + 1 ? this.current : new Map();
    this.current = new Map();
    this.row = row;
  }
}
