/**
 * The bounds of an import: what an Excel sheet can hold (cell text, rows) and how large an
 * .xlsx package may grow when it is inflated. Every bound has a default here; a host (or a
 * test) may lower one through `ImportOptions.limits`.
 */

/**
 * Characters an Excel cell holds (Excel specifications and limits: "Total number of
 * characters that a cell can contain: 32,767"). Excel counts UTF-16 code units, as
 * JavaScript's `length` does.
 */
export const EXCEL_CELL_CHARS = 32767;

/** Rows of an Excel worksheet (1,048,576); the Deals sheet's header takes one of them. */
export const EXCEL_SHEET_ROWS = 1048576;

/** What ends a text cut to fit a cell: an ellipsis and the word "cut", visible in the sheet. */
export const CUT_MARKER = "…[cut]";

const MIB = 1024 * 1024;

export interface ImportLimits {
  /** Data records (deals and left-out rows) an import accepts: the Deals sheet's rows minus its header. */
  maxRecords: number;
  /** Characters of one text value of a deal; a longer one is cut to this length, marker included. */
  cellChars: number;
  /** Uncompressed bytes of all the entries of an .xlsx package together. */
  maxXlsxBytes: number;
  /** Uncompressed bytes of any one entry of an .xlsx package. */
  maxXlsxEntryBytes: number;
  /** Largest ratio uncompressed : compressed of an entry bigger than `xlsxRatioFloorBytes`. */
  maxXlsxRatio: number;
  /** Entries up to this many uncompressed bytes are not held to `maxXlsxRatio`. */
  xlsxRatioFloorBytes: number;
  /** Entries of an .xlsx package (a workbook of a few sheets has a few dozen). */
  maxXlsxEntries: number;
}

/**
 * The default bounds.
 *
 * - maxRecords 1,048,575: Excel's 1,048,576 rows minus the Deals header.
 * - cellChars 32,767: Excel's cell limit.
 * - maxXlsxBytes 1 GiB, maxXlsxEntryBytes 512 MiB: an entry is read into one string, and a
 *   JavaScript string holds at most about 512 Mi characters; an export ExcelJS can hold in
 *   memory is far below both.
 * - maxXlsxRatio 100 for entries above 1 MiB: sheet XML compresses 5:1 to 30:1; a zip bomb
 *   (a run of zeros deflated) reaches 1,000:1.
 * - maxXlsxEntries 10,000.
 */
export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxRecords: EXCEL_SHEET_ROWS - 1,
  cellChars: EXCEL_CELL_CHARS,
  maxXlsxBytes: 1024 * MIB,
  maxXlsxEntryBytes: 512 * MIB,
  maxXlsxRatio: 100,
  xlsxRatioFloorBytes: MIB,
  maxXlsxEntries: 10000,
});

/** The default bounds with some replaced. */
export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS };
  for (const key of Object.keys(limits) as (keyof ImportLimits)[]) {
    const value = overrides[key];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) limits[key] = value;
  }
  return limits;
}

/**
 * A text cut to fit in `limit` characters, or null when it fits already.
 *
 * Rules: the first `limit - CUT_MARKER.length` characters are kept and {@link CUT_MARKER}
 * follows, so the result is exactly `limit` characters long (one less when the cut would
 * split a surrogate pair: the lone high surrogate is dropped too).
 *
 * @example
 * cutText("x".repeat(40000))?.length // 32767, ending in "…[cut]"
 * cutText("short") // null
 */
export function cutText(text: string, limit: number = EXCEL_CELL_CHARS): string | null {
  if (text.length <= limit) return null;
  let keep = Math.max(0, limit - CUT_MARKER.length);
  const last = text.charCodeAt(keep - 1);
  if (keep > 0 && last >= 0xd800 && last <= 0xdbff) keep--;
  return text.slice(0, keep) + CUT_MARKER;
}

/** A text no longer than `limit` characters: cut with the marker when it is longer. */
export function fitText(text: string, limit: number = EXCEL_CELL_CHARS): string {
  return cutText(text, limit) ?? text;
}
