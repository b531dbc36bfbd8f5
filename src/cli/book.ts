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
import ExcelJS from "exceljs";
import { parseRange, rangeAddress, RangeBox } from "../workbook/address";
import { WorkbookName, readMarkers, savedBook } from "../workbook/inputs";
import type { Block, PlanCell, SheetPlan } from "../workbook/plan";
import type { ExistingBook } from "../workbook/refresh";
import { DEFAULT_IMPORT_LIMITS } from "../import/limits";
import { checkInflatedSizes, checkZipBounds } from "../import/zipBounds";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An ExcelJS cell as a plan cell: a formula as `{ f }`, a date as its serial, rich text as text. */
function planCell(cell: ExcelJS.Cell): PlanCell {
  const formula = cell.formula;
  if (typeof formula === "string" && formula !== "") return { f: `=${formula}` };
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86400000;
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

function reader(workbook: ExcelJS.Workbook): (sheet: string, range: string) => PlanCell[][] {
  return (sheet, range) => {
    const ws = workbook.getWorksheet(sheet);
    const box = parseRange(range);
    return Array.from({ length: box.bottom - box.top + 1 }, (_, r) =>
      Array.from({ length: box.right - box.left + 1 }, (_, c) => (ws ? planCell(ws.getCell(box.top + r, box.left + c)) : null)),
    );
  };
}

/** The non-empty cells of a sheet outside `skip`, as one block per run of cells in a row. */
function cellRuns(ws: ExcelJS.Worksheet, skip?: RangeBox): { box: RangeBox; block: Block }[] {
  const runs: { box: RangeBox; block: Block }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    let run: { left: number; cells: PlanCell[]; formats: (string | null)[] } | null = null;
    const flush = (): void => {
      if (!run) return;
      const box = { top: r, bottom: r, left: run.left, right: run.left + run.cells.length - 1 };
      const block: Block = { at: rangeAddress({ ...box, right: box.left }), cells: [run.cells] };
      if (run.formats.some((f) => f !== null)) block.numberFormat = run.formats;
      runs.push({ box, block });
      run = null;
    };
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = planCell(cell);
      const inside = skip !== undefined && r >= skip.top && r <= skip.bottom && c >= skip.left && c <= skip.right;
      if (value === null || value === "" || inside) return flush();
      if (run && run.left + run.cells.length !== c) flush();
      if (!run) run = { left: c, cells: [], formats: [] };
      run.cells.push(value);
      run.formats.push(cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null);
    });
    flush();
  });
  return runs;
}

/**
 * Reads a workbook for a refresh.
 *
 * @throws ImportError when the package is past the import bounds; Error when it is not an .xlsx.
 */
export async function readExistingBook(bytes: Uint8Array): Promise<ExistingBook> {
  const entries = checkZipBounds(bytes, DEFAULT_IMPORT_LIMITS);
  await checkInflatedSizes(bytes, entries);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  const names: WorkbookName[] = [];
  for (const n of workbook.definedNames.model as { name: string; ranges: string[] }[])
    if (n.ranges.length === 1) names.push({ name: n.name, refersTo: n.ranges[0] });
  const markers = readMarkers(names);
  // A marker naming a sheet the workbook no longer has is stale (Excel turns it into #REF!,
  // other tools may leave the old name): that role is not in the workbook.
  for (const [role, target] of markers.sheets) if (!workbook.getWorksheet(target.sheet)) markers.sheets.delete(role);
  const saved = savedBook(markers, reader(workbook));
  const tracked = new Map(Array.from(saved.values(), (s) => [s.name, s] as const));
  const userSheets: SheetPlan[] = [];
  const extraCells = new Map<string, { box: RangeBox; block: Block }[]>();
  for (const ws of workbook.worksheets) {
    const mine = tracked.get(ws.name);
    if (mine) {
      const extra = cellRuns(ws, parseRange(mine.generated));
      if (extra.length > 0) extraCells.set(mine.role, extra);
      continue;
    }
    userSheets.push({ name: ws.name, blocks: cellRuns(ws).map((run) => run.block) });
  }
  const readSheet = (name: string): SheetPlan => {
    const ws = workbook.getWorksheet(name);
    return { name, blocks: ws ? cellRuns(ws).map((run) => run.block) : [] };
  };
  return { order: workbook.worksheets.map((ws) => ws.name), saved, userSheets, extraCells, readSheet };
}
