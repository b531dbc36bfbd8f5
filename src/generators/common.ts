/**
 * What every sheet generator shares: options (language, currency, number formats), the
 * validation result returned instead of a plan when an input is wrong, localized sheet text,
 * and small builders (title, header row, table over a block) so no generator repeats them.
 *
 * A generator is a pure function `(data, options) -> WorkbookPlan | InvalidInput`: it checks
 * its inputs first and makes no plan at all when one is wrong.
 */
import type { SheetCatalog, SheetKey } from "../i18n/sheets.en-US";
import { SHEETS_CATALOG, sheetsText } from "../i18n/sheets";
import { blockRange, cellAddress, columnLetter, parseCell } from "../workbook/address";
import { parseIsoDay } from "../core/dates";
import { itemReader } from "../core/computedArray";
import { Block, CellStyle, PlanCell, TablePlan, WorkbookPlan } from "../workbook/plan";
import { dateFromSerial, excelSerial } from "../core/dates";
import type { Locale } from "../core/locale";
import type { Deal } from "../core/deal";

/** Options every generator accepts. */
export interface GeneratorOptions {
  /** Language of labels, headers and sheet names. Default "en-US". */
  locale?: Locale;
  /**
   * Currency symbol ("$", "¥", "€") or ISO code ("USD", "CNY", "EUR"). Default by locale:
   * "$" for en-US, "¥" for zh-CN.
   */
  currency?: string;
  /** Sheet name to use instead of the localized default. */
  sheetName?: string;
}

/** One wrong input: the field it concerns ("stages[2].name") and a message a user can act on. */
export interface FieldError {
  field: string;
  message: string;
}

/** Returned instead of a plan when an input is wrong: nothing is written. */
export interface InvalidInput {
  ok: false;
  errors: FieldError[];
}

/** What a generator returns. */
export type PlanResult = WorkbookPlan | InvalidInput;

/** True when a generator refused its input. */
export function isInvalid(result: PlanResult | InvalidInput | unknown): result is InvalidInput {
  return typeof result === "object" && result !== null && (result as InvalidInput).ok === false;
}

export function invalid(errors: FieldError[]): InvalidInput {
  return { ok: false, errors };
}

/** Number formats of generated sheets. */
export interface SheetFormats {
  /** Money with two decimals and the chosen currency symbol. */
  money: string;
  /** Money without decimals (charts, summaries). */
  moneyWhole: string;
  /** "0.0%": percentages with one decimal. */
  percent: string;
  /** Whole numbers with thousands separators. */
  count: string;
  /** One decimal. */
  decimal: string;
  /** ISO-looking dates. */
  date: string;
}

const CURRENCY_SYMBOLS: Record<string, string> = {
  USD: "$",
  CNY: "¥",
  RMB: "¥",
  JPY: "¥",
  EUR: "€",
  GBP: "£",
  HKD: "HK$",
};

/** Symbols a currency option may be written as (the values of CURRENCY_SYMBOLS, and ￥). */
const KNOWN_SYMBOLS = new Set([...Object.values(CURRENCY_SYMBOLS), "￥"]);

/**
 * The symbol a currency option stands for. It goes into a number format, so only two shapes
 * are accepted: a known ISO code becomes its symbol ("eur" too), any other three uppercase
 * letters (the ISO 4217 shape, "CHF") are used as written, and a known symbol ($, ¥, ￥, €,
 * £, HK$) is itself. Anything else (quotes, brackets, semicolons, `[Red]`, control
 * characters, words, long strings) and no option give the locale's default: "$" for en-US,
 * "¥" for zh-CN.
 *
 * @example
 * currencySymbol(undefined, "zh-CN") // "¥"
 * currencySymbol("EUR", "en-US") // "€"
 * currencySymbol('"$";[Red]', "en-US") // "$"
 */
export function currencySymbol(currency: string | undefined, locale: Locale): string {
  const fallback = locale === "zh-CN" ? "¥" : "$";
  const wanted = (currency ?? "").trim();
  if (wanted === "" || wanted.length > 3) return fallback;
  const code = wanted.toUpperCase();
  if (Object.prototype.hasOwnProperty.call(CURRENCY_SYMBOLS, code)) return CURRENCY_SYMBOLS[code];
  if (/^[A-Z]{3}$/.test(wanted) || KNOWN_SYMBOLS.has(wanted)) return wanted;
  return fallback;
}

/**
 * Number formats for a locale and currency. Rules: money is `"<symbol>"#,##0.00` with the
 * symbol of {@link currencySymbol} (a code or a known symbol, never text from elsewhere, so
 * nothing can close the quotes or add a section or a color), percentages "0.0%", dates
 * "yyyy-mm-dd".
 *
 * @example
 * sheetFormats({ locale: "zh-CN" }).money // '"¥"#,##0.00;-"¥"#,##0.00'
 */
export function sheetFormats(options: GeneratorOptions = {}): SheetFormats {
  const symbol = currencySymbol(options.currency, options.locale ?? "en-US");
  return {
    money: `"${symbol}"#,##0.00;-"${symbol}"#,##0.00`,
    moneyWhole: `"${symbol}"#,##0;-"${symbol}"#,##0`,
    percent: "0.0%",
    count: "#,##0",
    decimal: "0.0",
    date: "yyyy-mm-dd",
  };
}

/** The sheet-text catalog of a locale. */
export function sheetCatalog(locale: Locale = "en-US"): SheetCatalog {
  return SHEETS_CATALOG[locale] ?? SHEETS_CATALOG["en-US"];
}

/**
 * Localized sheet text with `{name}` placeholders filled.
 *
 * @example
 * sheetText("en-US", "error.stageBlank", { n: 2 }) // "Stage 2 has no name."
 */
export function sheetText(locale: Locale | undefined, key: SheetKey, values: Record<string, string | number> = {}): string {
  return sheetsText(locale, key, values);
}

/** A text function bound to one locale: `t("funnel.title")`. */
export function textFor(locale: Locale | undefined): (key: SheetKey, values?: Record<string, string | number>) => string {
  return (key, values) => sheetsText(locale, key, values);
}

/** Excel serial of an ISO date ("2025-03-31"), null when blank or not a real calendar date. */
export function isoToSerial(iso: string | null | undefined): number | null {
  const day = parseIsoDay(iso);
  return day === null ? null : excelSerial(new Date(Date.UTC(day.year, day.month - 1, day.day)));
}

/** Escapes a text for use inside a formula string literal ("say ""hi"""). */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------

export const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14, fontColor: "#1F3864" };
export const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", wrap: true, verticalAlignment: "center" };
export const INPUT_STYLE: CellStyle = { fill: "#FFF2CC" };
export const LABEL_STYLE: CellStyle = { bold: true };
export const NOTE_STYLE: CellStyle = { italic: true, fontColor: "#595959" };

/** A one-cell title block. */
export function titleBlock(at: string, title: string): Block {
  return { at, cells: [[title]], style: TITLE_STYLE };
}

/** A one-cell note in grey italics. */
export function noteBlock(at: string, text: string): Block {
  return { at, cells: [[text]], style: NOTE_STYLE };
}

/** A header row of text cells starting at `at`. */
export function headerRow(at: string, headers: string[]): Block {
  return { at, cells: [headers.slice()], style: HEADER_STYLE };
}

/**
 * A table over a header row at `at` with `headers` columns and `rows` data rows (at least
 * one row: Excel tables cannot be empty).
 *
 * @example
 * tableOver("Funnel", "A4", 10, 5) // { name: "Funnel", range: "A4:J9", ... }
 */
export function tableOver(name: string, at: string, columns: number, rows: number, style = "TableStyleMedium2"): TablePlan {
  return { name, range: blockRange(at, Math.max(rows, 1) + 1, columns), style, showBandedRows: true };
}

/** Label/value pairs going down from `at` (label in the first column, value in the next). */
export function labelledInputs(
  at: string,
  rows: { label: string; value: PlanCell; numberFormat?: string; input?: boolean }[],
): Block[] {
  const p = parseCell(at);
  const blocks: Block[] = [];
  rows.forEach((row, i) => {
    blocks.push({ at: cellAddress(p.row + i, p.column), cells: [[row.label]], style: LABEL_STYLE });
    const value: Block = { at: cellAddress(p.row + i, p.column + 1), cells: [[row.value]] };
    if (row.numberFormat) value.numberFormat = row.numberFormat;
    if (row.input) value.style = INPUT_STYLE;
    blocks.push(value);
  });
  return blocks;
}

/** Absolute address "$C$5" of a row/column. */
export function abs(row: number, column: number): string {
  return cellAddress(row, column, true);
}

/** Relative address "C5". */
export function rel(row: number, column: number): string {
  return cellAddress(row, column);
}

/** "C5:C9": one relative column range (charts and conditional formats). */
export function columnRange(column: number, firstRow: number, lastRow: number): string {
  return `${cellAddress(firstRow, column)}:${cellAddress(lastRow, column)}`;
}

/** Validates a list of stage names: not empty, none blank, no duplicates (case-insensitive). */
export function validateStageNames(names: string[], locale: Locale | undefined, field = "stages"): FieldError[] {
  const errors: FieldError[] = [];
  if (names.length === 0) {
    errors.push({ field, message: sheetText(locale, "error.stagesEmpty") });
    return errors;
  }
  const seen = new Set<string>();
  names.forEach((raw, i) => {
    const name = (raw ?? "").trim();
    if (name === "") {
      errors.push({ field: `${field}[${i}].name`, message: sheetText(locale, "error.stageBlank", { n: i + 1 }) });
      return;
    }
    const key = name.toLowerCase();
    if (seen.has(key)) errors.push({ field: `${field}[${i}].name`, message: sheetText(locale, "error.stageDuplicate", { name }) });
    seen.add(key);
  });
  return errors;
}

// ---------------------------------------------------------------------------------------
// Calendar helpers (UTC, Excel serials)
// ---------------------------------------------------------------------------------------

/** The UTC date of an ISO string (assumed valid). */
function isoDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * Serials of the first day of every month from the month of `firstIso` to the month of
 * `lastIso`, inclusive.
 *
 * @example
 * monthStarts("2024-11-15", "2025-01-10").length // 3 (Nov, Dec, Jan)
 */
export function monthStarts(firstIso: string, lastIso: string): number[] {
  const a = isoDate(firstIso);
  const b = isoDate(lastIso);
  const out: number[] = [];
  let y = a.getUTCFullYear();
  let m = a.getUTCMonth();
  while (y < b.getUTCFullYear() || (y === b.getUTCFullYear() && m <= b.getUTCMonth())) {
    out.push(excelSerial(new Date(Date.UTC(y, m, 1))));
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

/** "YYYY-MM" of a serial. */
export function monthLabel(serial: number): string {
  const d = dateFromSerial(serial);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Serial of the last day of the month holding `serial`. */
export function monthEnd(serial: number): number {
  const d = dateFromSerial(serial);
  return excelSerial(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) - 1;
}

/**
 * Earliest and latest of the deals' dates (ISO days; nulls and texts that are not dates
 * skipped), or null when there is none: `close` picks whose close date counts (all, won, not
 * open...), and created dates count too when `created` is true. One pass, each distinct text
 * checked once (a large export repeats its dates).
 *
 * @example
 * dealSpan(deals, (d) => d.status === "won", false) // { first: "2024-11-03", last: "2025-04-28" }
 */
export function dealSpan(deals: readonly Deal[], close: (deal: Deal) => boolean, created: boolean): { first: string; last: string } | null {
  const valid = new Map<string, boolean>();
  let first: string | null = null;
  let last: string | null = null;
  const take = (d: string | null): void => {
    if (!d) return;
    let ok = valid.get(d);
    if (ok === undefined) {
      ok = isoToSerial(d) !== null;
      valid.set(d, ok);
    }
    if (!ok) return;
    const day = d.length > 10 ? d.slice(0, 10) : d;
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
  };
  const dealAt = itemReader(deals);
  for (let i = 0; i < deals.length; i++) {
    const deal = dealAt(i);
    if (close(deal)) take(deal.closeDate);
    if (created) take(deal.createdDate);
  }
  return first === null || last === null ? null : { first, last };
}

/**
 * A rectangle of cells as blocks that do not overlap: runs of adjacent columns that are
 * inputs get INPUT_STYLE (shaded), the other runs no style. Number formats follow their
 * columns.
 *
 * @example
 * bodyBlocks("A5", rows, ["0", null, "#,##0"], [2]) // blocks at A5 (A:B) and C5 (C, shaded)
 */
export function bodyBlocks(at: string, cells: PlanCell[][], numberFormat: (string | null)[], inputColumns: readonly number[] = []): Block[] {
  if (cells.length === 0) return [];
  const p = parseCell(at);
  const width = cells[0].length;
  const inputs = new Set(inputColumns);
  const blocks: Block[] = [];
  let start = 0;
  for (let c = 1; c <= width; c++) {
    if (c < width && inputs.has(c) === inputs.has(start)) continue;
    const block: Block = {
      at: cellAddress(p.row, p.column + start),
      cells: cells.map((row) => row.slice(start, c)),
      numberFormat: numberFormat.slice(start, c),
    };
    if (inputs.has(start)) block.style = INPUT_STYLE;
    blocks.push(block);
    start = c;
  }
  return blocks;
}

/**
 * Distinct non-blank texts in first-seen spelling, compared as Excel's "=" compares them
 * (ignoring case), sorted by name.
 *
 * @example
 * distinctTexts(["bob", "Alice", "Bob", " "]) // ["Alice", "bob"]
 */
export function distinctTexts(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    if (v.trim() === "") continue;
    const key = v.toLowerCase();
    if (!seen.has(key)) seen.set(key, v);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * The day deal data is as of (ISO): the latest created date or won/lost close date (an open
 * deal's close date is only expected, so it does not count), else the latest date of any
 * kind, else today. A period (month, quarter, week) ending after it is not over yet: it is
 * partial ({@link isPartialPeriod}). Review, Monthly and Forecast share this rule.
 *
 * @example
 * dataAsOf([{ status: "won", closeDate: "2025-05-27", createdDate: "2025-05-02", ... }]) // "2025-05-27"
 */
export function dataAsOf(deals: readonly Deal[]): string {
  const happened = dealSpan(deals, (d) => d.status !== "open", true);
  const span = happened ? null : dealSpan(deals, () => true, true);
  return happened?.last ?? span?.last ?? new Date().toISOString().slice(0, 10);
}

/** True when a period whose last day is the serial `end` is not over on the as-of day (ISO). */
export function isPartialPeriod(end: number, asOfIso: string): boolean {
  return end > isoToSerial(asOfIso)!;
}

// ---------------------------------------------------------------------------------------
// Column widths from the texts a column shows
// ---------------------------------------------------------------------------------------

/** East Asian wide and full-width characters: about two "0" digits wide each. */
const WIDE_CHARACTER = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/**
 * How many column-width units (the width of "0" in the default font) a text takes: a
 * Chinese, Japanese or Korean or full-width character counts 2, any other 1; bold text 10%
 * more. A slight overestimate for lower-case letters, so what fits by it fits on screen.
 *
 * @example
 * textUnits("Impact (1-5)") // 12
 * textUnits("影响（1-5）") // 11
 */
export function textUnits(text: string, bold = false): number {
  let units = 0;
  for (const ch of text) units += WIDE_CHARACTER.test(ch) ? 2 : 1;
  return bold ? units * 1.1 : units;
}

/** Units a column keeps free beside its text (cell padding and the table's filter button). */
export const WIDTH_MARGIN = 2;

/**
 * A column width that shows the widest of `texts` on one line (non-text cells ignored), never
 * less than `min`, nor more than `max` (a longer text is cut or wraps).
 *
 * @example
 * fitWidth(["Period", "2025-05 (partial)"], { min: 10 }) // 19
 */
export function fitWidth(texts: readonly PlanCell[], options: { min?: number; max?: number; bold?: boolean } = {}): number {
  let widest = 0;
  for (const text of texts) if (typeof text === "string") widest = Math.max(widest, textUnits(text, options.bold));
  const width = Math.max(options.min ?? 0, Math.ceil(widest + WIDTH_MARGIN));
  return options.max !== undefined ? Math.min(options.max, width) : width;
}

/**
 * Planned widths raised so that every header of the row starting at `at` shows on one line
 * (headers are bold): `widths` holds the widths wanted for the data; a column the header needs
 * more for gets more.
 *
 * @example
 * fitHeaderWidths({ A: 10, B: 8 }, "A5", ["Risk", "Impact (1-5)"]) // { A: 10, B: 16 }
 */
export function fitHeaderWidths(widths: Readonly<Record<string, number>>, at: string, headers: readonly string[]): Record<string, number> {
  const p = parseCell(at);
  const out: Record<string, number> = { ...widths };
  headers.forEach((header, i) => {
    const letter = columnLetter(p.column + i);
    out[letter] = fitWidth([header], { min: out[letter] ?? 0, bold: true });
  });
  return out;
}
