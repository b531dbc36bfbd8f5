import type ExcelJS from "exceljs";
import { ImportError } from "./errors";
import { DEFAULT_IMPORT_LIMITS, ImportLimits } from "./limits";
import { checkInflatedSizes, checkZipBounds } from "./zipBounds";
import { isBlankRecord, RawCell, ReadSummary, RecordVisitor } from "./records";

export interface XlsxReadOptions {
  /** Worksheet name; default the first worksheet. */
  sheet?: string;
  onProgress?: (fraction: number) => void;
  /** Bounds of the package (default {@link DEFAULT_IMPORT_LIMITS}). */
  limits?: ImportLimits;
}

/** True when the bytes start like a ZIP package (an .xlsx file). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads the records of an .xlsx export with ExcelJS.
 *
 * Rules:
 * - The first worksheet, or the one named by `sheet`.
 * - Rows before the header that are blank are skipped; the first non-blank row is the header.
 * - Blank rows after the header are skipped and counted (same rule as CSV); the row after a
 *   gap is marked `afterBlank`.
 * - Cells become text or numbers: a date cell becomes "YYYY-MM-DD" (with "THH:MM:SS" when
 *   it has a time), a formula its cached result, rich text its plain text, a hyperlink its
 *   text, a boolean TRUE/FALSE, an error its code ("#N/A"). A bare number stays a number,
 *   so a date column holding Excel serials is read as serials.
 * - A record's line is its sheet row number.
 * - Before ExcelJS inflates anything, the package's central directory is checked against the
 *   bounds (`limits`: total and per-entry uncompressed size, compression ratio, entry count),
 *   then every deflated entry is inflated as a stream, counted and dropped, to check it does
 *   not unpack past the size its directory declares. A package past a bound is refused with
 *   an {@link ImportError}; memory stays bounded throughout.
 *
 * @example
 * await readXlsxRecords(bytes, visitor, { sheet: "Deals" })
 */
export async function readXlsxRecords(
  bytes: Uint8Array,
  visitor: RecordVisitor,
  options: XlsxReadOptions = {},
): Promise<ReadSummary> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const entries = checkZipBounds(bytes, limits);
  await checkInflatedSizes(bytes, entries);
  // Loaded only when an .xlsx is read: a CSV import (and the pane's import chunk) goes without it.
  const { Workbook } = (await import(/* webpackChunkName: "exceljs" */ "exceljs")).default;
  const workbook = new Workbook();
  try {
    // The bytes as they are: its zip reader takes a Uint8Array, and the task pane has no Buffer.
    await workbook.xlsx.load(bytes as never);
  } catch (error) {
    throw new ImportError("error.xlsxUnreadable", { detail: (error as Error).message });
  }
  const worksheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!worksheet) {
    const names = workbook.worksheets.map((sheet) => sheet.name).join(", ");
    if (!options.sheet) throw new ImportError("error.noWorksheet");
    throw names
      ? new ImportError("error.noSheetNamed", { sheet: options.sheet, names })
      : new ImportError("error.noSheetNamedNone", { sheet: options.sheet });
  }
  const lastRow = worksheet.rowCount;
  let width = 0;
  let headerSeen = false;
  let records = 0;
  let blankLines = 0;
  let pendingBlanks = 0;
  let afterBlank = false;
  for (let rowNumber = 1; rowNumber <= lastRow; rowNumber++) {
    const row = worksheet.getRow(rowNumber);
    const cells: RawCell[] = [];
    const count = headerSeen ? Math.max(width, row.cellCount) : row.cellCount;
    for (let column = 1; column <= count; column++) cells.push(cellToRaw(row.getCell(column).value));
    if (!headerSeen) {
      if (isBlankRecord(cells)) continue;
      headerSeen = visitor.header(cells.map((cell) => String(cell)), rowNumber);
      width = cells.length;
      continue;
    }
    if (isBlankRecord(cells)) {
      pendingBlanks++;
      afterBlank = true;
      continue;
    }
    // Blank rows count once a record follows them: trailing ones just end the sheet.
    blankLines += pendingBlanks;
    pendingBlanks = 0;
    records++;
    // Trailing empty cells are not a wrong field count in a sheet: trim to the header's width.
    while (cells.length > width && cells[cells.length - 1] === "") cells.pop();
    while (cells.length < width) cells.push("");
    visitor.record(afterBlank ? { record: records, line: rowNumber, cells, afterBlank } : { record: records, line: rowNumber, cells });
    afterBlank = false;
    if (options.onProgress && records % 2000 === 0) options.onProgress(rowNumber / lastRow);
  }
  if (!headerSeen) {
    visitor.headerMissing?.();
    throw new ImportError("error.emptySheet", { sheet: worksheet.name });
  }
  options.onProgress?.(1);
  return { records, blankLines };
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function dateToText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  if (seconds === 0) return day;
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function cellToRaw(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateToText(value);
  if (typeof value === "object") {
    const object = value as unknown as Record<string, unknown>;
    if (Array.isArray(object.richText)) {
      return (object.richText as { text: string }[]).map((run) => run.text).join("");
    }
    if ("error" in object) return String(object.error);
    if ("formula" in object || "sharedFormula" in object) {
      return cellToRaw((object.result ?? "") as ExcelJS.CellValue);
    }
    if ("text" in object) return cellToRaw(object.text as ExcelJS.CellValue);
  }
  return String(value);
}
