/**
 * Small readers the task pane needs: the data under the selection, a named table, the
 * list of table names, and what the workbook remembers of its generated sheets. Each is one `Excel.run` with one or two syncs.
 */
import { markerReads, readMarkers, SavedSheet, savedBook } from "../inputs";
import type { PlanCell } from "../plan";
import { nameProperties, nameReference } from "./replace";
import { ExcelRun } from "./writePlan";

export type ReadCell = string | number | boolean | null;

export interface ReadTable {
  /** Address of what was read, e.g. "Data!A1:D20". */
  address: string;
  /** The first row as text (blank headers become "Column N"). */
  headers: string[];
  /** The rows under the headers; empty cells are null. */
  rows: ReadCell[][];
}

export type WorkbookReadErrorCode = "NOTHING_SELECTED" | "TABLE_NOT_FOUND";

/** A read that found nothing to read, with a message the user can act on. */
export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  constructor(code: WorkbookReadErrorCode, message: string) {
    super(message);
    this.name = "WorkbookReadError";
    this.code = code;
  }
}

function defaultRun(): ExcelRun {
  return (batch) => Excel.run(batch);
}

const cellOf = (v: unknown): ReadCell =>
  v === "" || v === undefined || v === null
    ? null
    : typeof v === "number" || typeof v === "boolean"
      ? v
      : String(v);

/**
 * Splits a 2D array of values into text headers and rows.
 *
 * @example toReadTable("A1:B2", [["Stage", ""], ["Lead", 3]])
 * // { address: "A1:B2", headers: ["Stage", "Column 2"], rows: [["Lead", 3]] }
 */
export function toReadTable(address: string, values: unknown[][]): ReadTable {
  const [first = [], ...rest] = values;
  return {
    address,
    headers: first.map((h, i) =>
      h === "" || h === null || h === undefined ? `Column ${i + 1}` : String(h),
    ),
    rows: rest.map((row) => row.map(cellOf)),
  };
}

/**
 * Reads the used part of the selection (a whole-column selection reads only the used rows).
 * Rejects with `NOTHING_SELECTED` when the selection holds no values.
 */
export async function readSelection(run: ExcelRun = defaultRun()): Promise<ReadTable> {
  return run(async (context) => {
    const used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
    used.load(["values", "address"]);
    await context.sync();
    if (used.isNullObject) {
      throw new WorkbookReadError(
        "NOTHING_SELECTED",
        "The selection is empty. Select the cells with your data, headers included.",
      );
    }
    return toReadTable(used.address, used.values);
  });
}

/** Reads a table by name: its header row and its data rows (not the totals row). */
export async function readTable(name: string, run: ExcelRun = defaultRun()): Promise<ReadTable> {
  return run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    await context.sync();
    if (table.isNullObject) {
      throw new WorkbookReadError(
        "TABLE_NOT_FOUND",
        `There is no table named "${name}". Pick a table from the list, or format your data as a table first.`,
      );
    }
    const header = table.getHeaderRowRange();
    header.load(["values", "address"]);
    const body = table.getDataBodyRange();
    body.load("values");
    await context.sync();
    return {
      ...toReadTable(header.address, header.values),
      rows: body.values.map((row) => row.map(cellOf)),
    };
  });
}

/** Names of the workbook's tables, in workbook order. */
export async function listTableNames(run: ExcelRun = defaultRun()): Promise<string[]> {
  return run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    return tables.items.map((t) => t.name);
  });
}

/** A cell as `savedBook` wants it: a formula as `{ f }`, blank as null, else the value. */
function savedCell(formula: unknown, value: unknown): PlanCell {
  if (typeof formula === "string" && formula.startsWith("=")) return { f: formula };
  return cellOf(value);
}

/**
 * What the workbook remembers of its generated sheets (workbook/inputs.ts): each tracked
 * sheet's current name and its typed inputs by row key. Two syncs: the defined names (their
 * references through `formula` from ExcelApi 1.7, `value` below), then every input range.
 *
 * @example (await readSavedWorkbook(run, api)).get("reps")?.inputs.get("quota") // [{ key: "Ann", values: [120000] }]
 */
export async function readSavedWorkbook(
  run: ExcelRun = defaultRun(),
  excelApi: (version: string) => boolean = (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
): Promise<Map<string, SavedSheet>> {
  return run(async (context) => {
    const names = context.workbook.names;
    names.load(nameProperties(excelApi));
    await context.sync();
    const markers = readMarkers(names.items.map((n) => ({ name: n.name, refersTo: nameReference(n, excelApi) })));
    const reads = markerReads(markers);
    const ranges = reads.map((r) => {
      const range = context.workbook.worksheets.getItem(r.sheet).getRange(r.range);
      range.load(["values", "formulas"]);
      return range;
    });
    if (ranges.length > 0) await context.sync();
    const loaded = new Map(reads.map((r, i) => [`${r.sheet}\u0000${r.range}`, ranges[i]]));
    return savedBook(markers, (sheet, address) => {
      const range = loaded.get(`${sheet}\u0000${address}`);
      if (!range) return [];
      return range.values.map((row, i) => row.map((value, j) => savedCell(range.formulas[i]?.[j], value)));
    });
  });
}
