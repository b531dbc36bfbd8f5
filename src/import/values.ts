import { isCalendarDate as isRealDate } from "../core/dates";
import { dateFromSerial } from "../core/dates";
import type { RawCell } from "./records";
import { importText, ValueProblem } from "../i18n/import";

export type { ValueProblem };

/**
 * Why a cell is not a value: the problem (a `value.*` key of the import catalog), the text
 * as it stands in the message, and the message in English.
 */
export interface ParseFailure {
  ok: false;
  problem: ValueProblem;
  value: string;
  message: string;
}

/** A parsed value, or why the text is not one. `null` means the cell is blank. */
export type Parsed<T> = { ok: true; value: T | null } | ParseFailure;

function fail(problem: ValueProblem, value: string): ParseFailure {
  return { ok: false, problem, value, message: importText("en-US", `value.${problem}`, { value }) };
}

const BLANK = /^[\s\u00a0\u3000]*$/;

const WIDE_SPACES = /[\u00a0\u3000]/g;

function cellText(raw: RawCell): string {
  if (typeof raw === "number") return String(raw);
  return (raw.indexOf("\u00a0") >= 0 || raw.indexOf("\u3000") >= 0 ? raw.replace(WIDE_SPACES, " ") : raw).trim();
}

/** Fast path shared by amounts and probabilities: digits with an optional decimal part. */
const SIMPLE_DECIMAL = /^\d{1,15}(?:\.\d{1,15})?$/;
/** Fast path of dates: "YYYY-MM-DD" with an optional " HH:MM[:SS]" or "THH:MM:SS[.sss][Z]". */
const SIMPLE_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,6})?)?Z?)?$/;

// ---------------------------------------------------------------- amounts

/** The decimal mark of a file's numbers: "." (1,234.5) or "," (1.234,5, German and French re-saves). */
export type DecimalMark = "." | ",";

export interface ParsedAmount {
  amount: number;
  /** ISO code implied by a currency mark in the cell, or null. */
  currency: string | null;
}

const CURRENCY_MARKS: [RegExp, string][] = [
  [/^(?:US\$|USD)/i, "USD"],
  [/^(?:CNY|RMB)/i, "CNY"],
  [/^EUR/i, "EUR"],
  [/^GBP/i, "GBP"],
  [/^JPY/i, "JPY"],
  [/^HK\$|^HKD/i, "HKD"],
  [/^\$/, "USD"],
  [/^[¥￥]/, "CNY"],
  [/^€/, "EUR"],
  [/^£/, "GBP"],
];
const TRAILING_MARKS: [RegExp, string][] = [
  [/(?:USD)$/i, "USD"],
  [/(?:CNY|RMB)$/i, "CNY"],
  [/EUR$/i, "EUR"],
  [/GBP$/i, "GBP"],
  [/元$/, "CNY"],
  [/€$/, "EUR"],
];
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Reads a money amount as CRMs export it.
 *
 * Rules: an optional currency mark before ($, ¥, ￥, €, £, US$, HK$, USD, CNY, RMB, EUR, GBP)
 * or after (元, USD, CNY, RMB, EUR, GBP, €), a "万" multiplier (×10,000) before 元, thousands
 * separators only in groups of three ("1,234,567.5"), a minus sign or parentheses for a
 * negative. Anything else ("1.234,50", "12abc", "1,23") is not an amount: never guessed.
 * A blank cell is `null` (the caller decides what blank means).
 *
 * @example
 * parseAmount("¥1,200.50") // { ok: true, value: { amount: 1200.5, currency: "CNY" } }
 * parseAmount("(1,000)")   // { ok: true, value: { amount: -1000, currency: null } }
 * parseAmount("3.5万元")    // { ok: true, value: { amount: 35000, currency: "CNY" } }
 */
export function parseAmount(raw: RawCell): Parsed<ParsedAmount> {
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? { ok: true, value: { amount: raw, currency: null } } : notAmount(String(raw));
  }
  if (SIMPLE_DECIMAL.test(raw)) return { ok: true, value: { amount: Number(raw), currency: null } };
  if (BLANK.test(raw)) return { ok: true, value: null };
  let text = cellText(raw).replace(/\s+/g, "");
  if ((text.match(/-/g) ?? []).length + (text.startsWith("(") ? 1 : 0) > 1) return notAmount(raw);
  let negative = false;
  if (text.startsWith("(") && text.endsWith(")")) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  }
  let currency: string | null = null;
  const first = text.charCodeAt(0);
  const startsWithDigit = first >= 48 && first <= 57;
  for (const [mark, code] of startsWithDigit ? [] : CURRENCY_MARKS) {
    const match = mark.exec(text);
    if (match) {
      currency = code;
      text = text.slice(match[0].length);
      break;
    }
  }
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  }
  let multiplier = 1;
  const last = text.charCodeAt(text.length - 1);
  const endsWithDigit = last >= 48 && last <= 57;
  for (const [mark, code] of endsWithDigit ? [] : TRAILING_MARKS) {
    const match = mark.exec(text);
    if (match) {
      if (currency && currency !== code) return notAmount(raw);
      currency = code;
      text = text.slice(0, text.length - match[0].length);
      break;
    }
  }
  if (text.endsWith("万")) {
    multiplier = 10000;
    text = text.slice(0, -1);
  }
  if (!PLAIN_NUMBER.test(text) && !GROUPED_NUMBER.test(text)) return notAmount(raw);
  const amount = Number(text.replace(/,/g, "")) * multiplier;
  if (!Number.isFinite(amount)) return notAmount(raw);
  return { ok: true, value: { amount: negative ? -amount : amount, currency } };
}

function notAmount(raw: RawCell): ParseFailure {
  return fail("notAmount", String(raw));
}

// ---------------------------------------------------------------- dates

/** How a date with slashes and the year last is read: 3/5/2025 is 5 March (MDY) or 3 May (DMY). */
export type DateOrder = "MDY" | "DMY";

export interface DateParseOptions {
  /** Default "MDY" (US exports). */
  dateOrder?: DateOrder;
  /** Numbers are Excel serial dates (cells of an .xlsx). Default false: a number in CSV is not a date. */
  serials?: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(AM|PM|上午|下午)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?`;
const ISO_LIKE = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})` + TIME + "$", "i");
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})` + TIME + "$", "i");
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]` + TIME + "$", "i");
const MONTH_NAME_FIRST = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})` + TIME + "$", "i");
const DAY_FIRST_NAME = new RegExp(String.raw`^(\d{1,2})[\s-]([A-Za-z]{3,9})[\s-](\d{4})` + TIME + "$", "i");

/** True when year-month-day is a real calendar date Excel can hold (years 1900..9999). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 9999 && isRealDate(year, month, day);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

function timeIsValid(hours?: string, minutes?: string, seconds?: string, meridiem?: string): boolean {
  if (hours === undefined) return true;
  const h = Number(hours);
  const m = Number(minutes);
  const s = seconds === undefined ? 0 : Number(seconds);
  if (m > 59 || s > 59) return false;
  return meridiem ? h >= 1 && h <= 12 : h <= 23;
}

/**
 * Reads a date as CRMs export it, to ISO "YYYY-MM-DD" (the time of day is dropped; a time
 * zone suffix is ignored: the date is taken as written).
 *
 * Accepted: ISO "2025-03-05" (with "T10:00:00Z" or " 10:00"), "2025/03/05", "2025.3.5",
 * M/D/YYYY ("3/5/2025 10:00 AM", or D/M/YYYY with `dateOrder: "DMY"`; a two-digit year is
 * 20YY), "2025年3月5日" (optionally with a time), "Mar 5, 2025", "5-Mar-2025", and Excel
 * serial numbers from .xlsx cells. The calendar is checked: "2025-02-30" is an error,
 * never 2 March. A blank cell is `null`.
 *
 * @example
 * parseDate("2025年3月5日") // { ok: true, value: "2025-03-05" }
 * parseDate("2/29/2023")    // { ok: false, message: '"2/29/2023" is not a calendar date' }
 */
export function parseDate(raw: RawCell, options: DateParseOptions = {}): Parsed<string> {
  if (typeof raw === "number") {
    if (!options.serials || !Number.isFinite(raw) || raw < 1 || raw >= 2958466) {
      return fail("serialNotDate", String(raw));
    }
    const date = dateFromSerial(Math.floor(raw));
    return { ok: true, value: isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) };
  }
  const simple = SIMPLE_ISO.exec(raw);
  if (simple) {
    const [y, m, d] = [Number(simple[1]), Number(simple[2]), Number(simple[3])];
    return isCalendarDate(y, m, d) ? { ok: true, value: raw.slice(0, 10) } : fail("notCalendarDate", raw);
  }
  if (BLANK.test(raw)) return { ok: true, value: null };
  const text = cellText(raw);
  let year: number;
  let month: number;
  let day: number;
  let time: (string | undefined)[];
  let match: RegExpExecArray | null;
  if ((match = ISO_LIKE.exec(text)) || (match = CHINESE.exec(text))) {
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
    time = match.slice(4, 8);
  } else if ((match = YEAR_LAST.exec(text))) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    [month, day] = options.dateOrder === "DMY" ? [second, first] : [first, second];
    year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    time = match.slice(4, 8);
  } else if ((match = MONTH_NAME_FIRST.exec(text))) {
    month = MONTHS[match[1].toLowerCase()] ?? MONTHS[match[1].slice(0, 3).toLowerCase()] ?? 0;
    day = Number(match[2]);
    year = Number(match[3]);
    time = match.slice(4, 8);
  } else if ((match = DAY_FIRST_NAME.exec(text))) {
    day = Number(match[1]);
    month = MONTHS[match[2].toLowerCase()] ?? MONTHS[match[2].slice(0, 3).toLowerCase()] ?? 0;
    year = Number(match[3]);
    time = match.slice(4, 8);
  } else {
    return fail("notDate", text);
  }
  if (!isCalendarDate(year, month, day) || !timeIsValid(time[0], time[1], time[2], time[3])) {
    return fail("notCalendarDate", text);
  }
  return { ok: true, value: isoDate(year, month, day) };
}

// ---------------------------------------------------------------- probabilities

/**
 * How a column writes probabilities: "percent" (60 means 60%), "fraction" (0.6 means 60%),
 * or "auto" (a number above 1 is a percentage, otherwise a fraction).
 */
export type ProbabilityScale = "percent" | "fraction" | "auto";

/**
 * Reads a win probability to a decimal in [0, 1].
 *
 * Rules: "60%" is 0.6 in any column; a bare number follows the column's scale; the result
 * must lie in [0, 1]. A blank cell is `null` (the stage default applies).
 *
 * @example
 * parseProbability("60%", "fraction") // { ok: true, value: 0.6 }
 * parseProbability("60", "percent")   // { ok: true, value: 0.6 }
 * parseProbability(0.6, "fraction")   // { ok: true, value: 0.6 }
 */
export function parseProbability(raw: RawCell, scale: ProbabilityScale = "auto"): Parsed<number> {
  if (typeof raw === "string" && BLANK.test(raw)) return { ok: true, value: null };
  if (typeof raw === "string" && scale === "percent" && SIMPLE_DECIMAL.test(raw)) {
    const value = Number(raw) / 100;
    return value <= 1 ? { ok: true, value } : fail("probabilityRange", raw);
  }
  let text = cellText(raw).replace(/\s+/g, "");
  let percent = false;
  if (text.endsWith("%") || text.endsWith("％")) {
    percent = true;
    text = text.slice(0, -1);
  }
  if (!/^\d+(?:\.\d+)?$/.test(text)) return fail("notProbability", String(raw));
  let value = Number(text);
  if (percent || scale === "percent" || (scale === "auto" && value > 1)) value /= 100;
  if (value < 0 || value > 1) return fail("probabilityRange", String(raw));
  return { ok: true, value };
}

// ---------------------------------------------------------------- flags

/** Reads a yes/no cell ("true", "1", "yes", "是", "TRUE"...); blank is null, anything else an error. */
export function parseFlag(raw: RawCell): Parsed<boolean> {
  const text = cellText(raw).toLowerCase();
  if (text === "") return { ok: true, value: null };
  if (["true", "1", "yes", "y", "是", "√"].includes(text)) return { ok: true, value: true };
  if (["false", "0", "no", "n", "否"].includes(text)) return { ok: true, value: false };
  return fail("notFlag", String(raw));
}

// ---------------------------------------------------------------- currency codes

/** Currency symbols a currency cell may hold instead of a code, and the code each stands for. */
const CURRENCY_SYMBOL_CODES: Record<string, string> = {
  $: "USD",
  US$: "USD",
  "¥": "CNY",
  "￥": "CNY",
  元: "CNY",
  "€": "EUR",
  "£": "GBP",
  HK$: "HKD",
};

/**
 * The ISO 4217 code a currency cell (or option) stands for, or null when it is not one.
 *
 * Rules: three ASCII letters are a code (upper-cased: "usd" is USD; an unlisted code such
 * as "CHF" is kept); a symbol $, US$, ¥, ￥, 元, €, £ or HK$ is its code (¥ is CNY, as in
 * amounts); spaces around are ignored. Anything else (quotes, brackets, semicolons, control
 * characters, words, long strings) is not a currency: it must never reach a number format.
 *
 * @example
 * parseCurrencyCode(" eur ") // "EUR"
 * parseCurrencyCode("￥")    // "CNY"
 * parseCurrencyCode('"$";[Red]') // null
 */
export function parseCurrencyCode(raw: RawCell): string | null {
  if (typeof raw !== "string" || raw.length > 16) return null;
  const text = raw.trim();
  if (/^[A-Za-z]{3}$/.test(text)) return text.toUpperCase();
  return Object.prototype.hasOwnProperty.call(CURRENCY_SYMBOL_CODES, text) ? CURRENCY_SYMBOL_CODES[text] : null;
}
