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
  [/^(?:₹|Rs\.?|INR)/, "INR"],
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
/** The number part of an amount, per decimal mark: plain digits, or groups of three. */
const NUMBER_SHAPES: Record<DecimalMark, { plain: RegExp; grouped: RegExp; separators: RegExp }> = {
  ".": {
    plain: /^\d+(?:\.\d+)?$/,
    // Groups of three, or India's lakh and crore grouping (12,34,567.50).
    grouped: /^(?:\d{1,3}([, '])\d{3}(?:\1\d{3})*|\d{1,2}(?:,\d{2})+,\d{3})(?:\.\d+)?$/,
    separators: /[, ']/g,
  },
  ",": {
    plain: /^\d+(?:,\d+)?$/,
    grouped: /^\d{1,3}([. '])\d{3}(?:\1\d{3})*(?:,\d+)?$/,
    separators: /[. ']/g,
  },
};
/** Fast path of amounts under a decimal comma: digits with an optional ",decimals" part. */
const SIMPLE_DECIMAL_COMMA = /^\d{1,15}(?:,\d{1,15})?$/;
/** Digits only: an amount under either decimal mark, the same number under both. */
const SIMPLE_DIGITS = /^\d{1,15}$/;
/** Digits, a point, three digits: 1.5 thousandths under ".", a thousand and more under ",". */
const POINT_THOUSANDS = /^\d{1,3}\.\d{3}$/;
/** Any space of a cell (\s covers no-break spaces, U+202F and the ideographic space). */
const SPACES = /\s+/g;
const HAS_SPACE = /\s/;
/** Digits, a comma, three digits: a thousand and more under ".", 1.5 thousandths under ",". */
const COMMA_THOUSANDS = /^\d{1,3},\d{3}$/;
const NOT_AMOUNT: unique symbol = Symbol("notAmount");

/**
 * Reads a money amount as CRMs and spreadsheet re-saves export it.
 *
 * Rules, under both decimal marks: an optional currency mark before ($, ¥, ￥, €, £, ₹, Rs.,
 * US$, HK$, USD, CNY, RMB, EUR, GBP, INR) or after (元, USD, CNY, RMB, EUR, GBP, €), with or
 * without a space, or a listed ISO code with a space (SPACED_CODES: "CHF 1'234.50",
 * "1 234,50 PLN"); a "万" multiplier (×10,000) before 元; a minus sign or parentheses for a
 * negative, before or after the currency mark ("$(1,200.00)", Excel's Accounting format); a
 * dash alone is zero (the Accounting format's "$ -"); spaces around the number are ignored.
 *
 * - `decimalMark: "."` (default): the decimal mark is a point; thousands separators are a
 *   comma, a space (also no-break and narrow no-break) or an apostrophe, in groups of three,
 *   the same separator throughout: "1,234,567.5", "1'234.50", "1 234.50"; or commas in
 *   India's lakh grouping: "12,34,567.50".
 * - `decimalMark: ","` (German and French re-saves): the decimal mark is a comma; thousands
 *   separators are a point, a space (also no-break and narrow no-break) or an apostrophe,
 *   in groups of three: "1.234.567,89", "1 234,50 €", "210833,37"; "1.234" is 1234.
 *
 * Anything else ("12abc", "1,23" under ".", "1.23" under ",", "1,2345", "1 2 3") is not an
 * amount: never guessed. A blank cell is `null` (the caller decides what blank means).
 *
 * @example
 * parseAmount("¥1,200.50")          // { ok: true, value: { amount: 1200.5, currency: "CNY" } }
 * parseAmount("(1,000)")            // { ok: true, value: { amount: -1000, currency: null } }
 * parseAmount("3.5万元")             // { ok: true, value: { amount: 35000, currency: "CNY" } }
 * parseAmount("1'234.50")           // { ok: true, value: { amount: 1234.5, currency: null } }
 * parseAmount(" $(1,200.00)")       // { ok: true, value: { amount: -1200, currency: "USD" } }
 * parseAmount(" $-   ")             // { ok: true, value: { amount: 0, currency: "USD" } }
 * parseAmount("€ 1.234,56", ",")    // { ok: true, value: { amount: 1234.56, currency: "EUR" } }
 * parseAmount("1.234", ",")         // { ok: true, value: { amount: 1234, currency: null } }
 * parseAmount("1,23")               // { ok: false, problem: "notAmount", ... }
 */
export function parseAmount(raw: RawCell, decimalMark: DecimalMark = "."): Parsed<ParsedAmount> {
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? { ok: true, value: { amount: raw, currency: null } } : notAmount(String(raw));
  }
  if (decimalMark === ".") {
    if (SIMPLE_DECIMAL.test(raw)) return { ok: true, value: { amount: Number(raw), currency: null } };
  } else if (SIMPLE_DECIMAL_COMMA.test(raw)) {
    return { ok: true, value: { amount: Number(raw.replace(",", ".")), currency: null } };
  }
  if (BLANK.test(raw)) return { ok: true, value: null };
  const read = readAmount(raw, decimalMark);
  return read === NOT_AMOUNT ? notAmount(raw) : { ok: true, value: read };
}

/** A non-blank amount cell with its marks read: what is left is the number, in either convention. */
interface AmountParts {
  negative: boolean;
  currency: string | null;
  multiplier: number;
  /** The number as written ("1,234.50", "1.234,50", "12"). */
  number: string;
}

/**
 * ISO 4217 codes read as an amount's currency when written before or after its number with a
 * space between ("CHF 1'234.50", "1 234,50 PLN"): the currencies of the world's larger
 * economies. A list, not any three capitals: "100 TSD" (German thousands) or "5 MIO" is no
 * currency, and is not an amount.
 */
const SPACED_CODES = new Set(
  ("AED ARS AUD BDT BGN BRL CAD CHF CLP CNY COP CZK DKK EGP EUR GBP HKD HUF IDR ILS INR ISK JPY KES KRW KWD " +
    "LKR MAD MXN MYR NGN NOK NZD PEN PHP PKR PLN QAR RON RUB SAR SEK SGD THB TRY TWD UAH USD VND ZAR").split(" "),
);
const CODE_BEFORE = /^([A-Z]{3}) (?=[\d(-])/;
/** Names of the yuan a header's unit may use besides its code and symbols. */
const YUAN_WORDS = /^(?:rmb|人民币)$/iu;

/**
 * The currency a mark standing alone names (a header's unit: `USD`, `$`, `€`, `元`, `RMB`,
 * `₹`): a listed ISO code in any case (SPACED_CODES), a currency symbol (as a currency cell
 * reads it), or null.
 *
 * @example
 * currencyOfMark("usd") // "USD"
 * currencyOfMark("€")   // "EUR"
 * currencyOfMark("Exp") // null
 */
export function currencyOfMark(text: string): string | null {
  const mark = text.trim();
  if (YUAN_WORDS.test(mark)) return "CNY";
  if (mark === "₹") return "INR";
  if (SPACED_CODES.has(mark.toUpperCase())) return mark.toUpperCase();
  return Object.prototype.hasOwnProperty.call(CURRENCY_SYMBOL_CODES, mark) ? CURRENCY_SYMBOL_CODES[mark] : null;
}
const CODE_AFTER = / ([A-Z]{3})$/;

/** The currency mark at the start of `text` (not a digit): its code and its length, or null. */
function leadingMark(text: string): [string, number] | null {
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return null;
  for (const [mark, code] of CURRENCY_MARKS) {
    const match = mark.exec(text);
    if (match) return [code, match[0].length];
  }
  const code = CODE_BEFORE.exec(text);
  return code && SPACED_CODES.has(code[1]) ? [code[1], code[1].length] : null;
}

/** The currency mark at the end of `text` (not a digit): its code and its length, or null. */
function trailingMark(text: string): [string, number] | null {
  const last = text.charCodeAt(text.length - 1);
  if (last >= 48 && last <= 57) return null;
  for (const [mark, code] of TRAILING_MARKS) {
    const match = mark.exec(text);
    if (match) return [code, match[0].length];
  }
  const code = CODE_AFTER.exec(text);
  return code && SPACED_CODES.has(code[1]) ? [code[1], code[1].length] : null;
}

/**
 * The marks around the number of a non-blank text cell (sign, currency, 万), or NOT_AMOUNT.
 * A sign (a minus, or parentheses) and a currency mark may come in either order, as the
 * currency, accounting and locale formats of Excel write them: "-$1,234", "$-1,234",
 * "$(1,234.00)", "(1,234.00) USD", "-1.234,56 €". A dash alone is Excel's accounting zero
 * ("$ -", "-   €").
 */
function amountParts(raw: string): AmountParts | typeof NOT_AMOUNT {
  let text = HAS_SPACE.test(raw) ? raw.replace(SPACES, " ").trim() : raw;
  let negative = false;
  let signs = 0;
  let dash = false;
  let currency: string | null = null;
  const takeCurrency = (mark: [string, number] | null, atStart: boolean): boolean => {
    if (mark === null) return false;
    if (currency !== null && currency !== mark[0]) return false;
    currency = mark[0];
    text = atStart ? text.slice(mark[1]).trimStart() : text.slice(0, text.length - mark[1]).trimEnd();
    return true;
  };
  for (let marks = 0; marks < 4 && text !== ""; marks++) {
    if (text.startsWith("(") && text.endsWith(")")) {
      if (signs++ > 0) return NOT_AMOUNT;
      negative = true;
      text = text.slice(1, -1).trim();
    } else if (text.startsWith("-")) {
      if (signs++ > 0) return NOT_AMOUNT;
      negative = true;
      dash = true;
      text = text.slice(1).trimStart();
    } else if (!takeCurrency(leadingMark(text), true) && !takeCurrency(trailingMark(text), false)) {
      break;
    }
  }
  if (text.includes("-") || text.includes("(")) return NOT_AMOUNT;
  // Excel's accounting format writes zero as a dash: "$ -", " -   ".
  if (text === "") return dash ? { negative: false, currency, multiplier: 1, number: "0" } : NOT_AMOUNT;
  let multiplier = 1;
  if (text.endsWith("万")) {
    multiplier = 10000;
    text = text.slice(0, -1).trimEnd();
  }
  return { negative, currency, multiplier, number: text };
}

/**
 * `value` times a unit's `multiplier` (万 is 10,000; a header's `$K` 1,000), to the 15
 * significant digits a double holds: 0.57万 is 5700, where 0.57 × 10000 is 5699.999999999999.
 *
 * @example
 * scaledAmount(0.57, 10000) // 5700
 */
export function scaledAmount(value: number, multiplier: number): number {
  return multiplier === 1 ? value : Number((value * multiplier).toPrecision(15));
}

/** The value of an amount's number under one decimal mark, or NaN when it is not one. */
function numberUnder(number: string, decimalMark: DecimalMark): number {
  const shape = NUMBER_SHAPES[decimalMark];
  let digits: string;
  if (shape.plain.test(number)) digits = number;
  else if (shape.grouped.test(number)) digits = number.replace(shape.separators, "");
  else return NaN;
  return Number(decimalMark === "," ? digits.replace(",", ".") : digits);
}

/** The amount of a non-blank text cell under one decimal mark, or NOT_AMOUNT. */
function readAmount(raw: string, decimalMark: DecimalMark): ParsedAmount | typeof NOT_AMOUNT {
  const parts = amountParts(raw);
  if (parts === NOT_AMOUNT) return NOT_AMOUNT;
  const amount = scaledAmount(numberUnder(parts.number, decimalMark), parts.multiplier);
  if (!Number.isFinite(amount)) return NOT_AMOUNT;
  return { amount: parts.negative ? -amount : amount, currency: parts.currency };
}

/** An amount read under one decimal mark, with what the cell says about the file's decimal mark. */
export interface AmountReading {
  parsed: Parsed<ParsedAmount>;
  /** As {@link amountEvidence}. */
  evidence: "." | "," | "both" | "neither";
  /** As {@link amountIsAmbiguous}. */
  ambiguous: boolean;
}

/**
 * {@link parseAmount}, {@link amountEvidence} and {@link amountIsAmbiguous} of one cell at
 * once, reading its marks a single time (an importer reads every amount of a file this way).
 *
 * @example
 * readAmountWithEvidence("$1,234.50", ".") // { parsed: { ok: true, value: { amount: 1234.5, currency: "USD" } }, evidence: ".", ambiguous: false }
 */
export function readAmountWithEvidence(raw: RawCell, decimalMark: DecimalMark): AmountReading {
  if (typeof raw === "number" || SIMPLE_DIGITS.test(raw) || BLANK.test(raw)) {
    return { parsed: parseAmount(raw, decimalMark), evidence: typeof raw === "number" && !Number.isFinite(raw) ? "neither" : "both", ambiguous: false };
  }
  const parts = amountParts(raw);
  if (parts === NOT_AMOUNT) return { parsed: notAmount(raw), evidence: "neither", ambiguous: false };
  const lastPoint = parts.number.lastIndexOf(".");
  const lastComma = parts.number.lastIndexOf(",");
  const bothMarks = lastPoint >= 0 && lastComma >= 0;
  const point = !bothMarks || lastPoint > lastComma ? scaledAmount(numberUnder(parts.number, "."), parts.multiplier) : NaN;
  const comma = !bothMarks || lastComma > lastPoint ? scaledAmount(numberUnder(parts.number, ","), parts.multiplier) : NaN;
  const pointOk = Number.isFinite(point);
  const commaOk = Number.isFinite(comma);
  const amount = decimalMark === "." ? point : comma;
  return {
    parsed: Number.isFinite(amount) ? { ok: true, value: { amount: parts.negative ? -amount : amount, currency: parts.currency } } : notAmount(raw),
    evidence: pointOk ? (commaOk ? "both" : ".") : commaOk ? "," : "neither",
    ambiguous: pointOk && commaOk && point !== comma,
  };
}

/**
 * Which decimal marks read a cell as an amount, for deciding a whole file's mark before
 * parsing it: "." or "," when only that mark does, "both" when either does (plain digits,
 * "1.234", "1,234", a blank cell, a number from an .xlsx cell), "neither" when no mark does.
 * Under "both" the two readings may differ: see {@link amountIsAmbiguous}.
 *
 * @example
 * amountEvidence("1,234.5")   // "."
 * amountEvidence("210833,37") // ","
 * amountEvidence("1.234")     // "both"
 * amountEvidence("abc")       // "neither"
 */
export function amountEvidence(raw: RawCell): "." | "," | "both" | "neither" {
  if (typeof raw === "number") return Number.isFinite(raw) ? "both" : "neither";
  if (SIMPLE_DIGITS.test(raw)) return "both";
  if (SIMPLE_DECIMAL.test(raw)) return POINT_THOUSANDS.test(raw) ? "both" : ".";
  if (SIMPLE_DECIMAL_COMMA.test(raw)) return COMMA_THOUSANDS.test(raw) ? "both" : ",";
  if (BLANK.test(raw)) return "both";
  const parts = amountParts(raw);
  if (parts === NOT_AMOUNT) return "neither";
  // The marks around the number are read once; only the number depends on the decimal mark.
  // With both a point and a comma, only the last can be the decimal mark ("1,234.50").
  const lastPoint = parts.number.lastIndexOf(".");
  const lastComma = parts.number.lastIndexOf(",");
  if (lastPoint >= 0 && lastComma >= 0) {
    const mark: DecimalMark = lastPoint > lastComma ? "." : ",";
    return Number.isFinite(scaledAmount(numberUnder(parts.number, mark), parts.multiplier)) ? mark : "neither";
  }
  const point = Number.isFinite(scaledAmount(numberUnder(parts.number, "."), parts.multiplier));
  const comma = Number.isFinite(scaledAmount(numberUnder(parts.number, ","), parts.multiplier));
  return point ? (comma ? "both" : ".") : comma ? "," : "neither";
}

/**
 * True when both decimal marks read the cell as an amount but as different numbers:
 * "1,234" is 1234 under "." and 1.234 under ","; "1.234" the other way round. Plain digits
 * and "1 234" are not ambiguous.
 *
 * @example
 * amountIsAmbiguous("1,234") // true
 * amountIsAmbiguous("1234")  // false
 */
export function amountIsAmbiguous(raw: RawCell): boolean {
  if (typeof raw === "number" || SIMPLE_DIGITS.test(raw)) return false;
  const point = parseAmount(raw, ".");
  const comma = parseAmount(raw, ",");
  return point.ok && comma.ok && point.value !== null && comma.value !== null && point.value.amount !== comma.value.amount;
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
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};
const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(AM|PM|上午|下午)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?`;
const ISO_LIKE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})` + TIME + "$", "i");
/** Year last with slashes or dashes: the order of the two numbers is the file's date order. */
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})` + TIME + "$", "i");
/** Year last with points: always day first (17.06.2025), see parseDate. */
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})` + TIME + "$", "i");
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]` + TIME + "$", "i");
const MONTH_NAME_FIRST = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})` + TIME + "$", "i");
const DAY_FIRST_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:\s+|-)([A-Za-z]{3,9})\.?(?:,?\s+|-)(\d{4}|\d{2})` + TIME + "$",
  "i",
);
const EIGHT_DIGITS = /^(\d{4})(\d{2})(\d{2})$/;

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

/** A month name, full or three letters ("Sept" too), in any case; 0 when it is not one (never a prefix guess). */
function monthNumber(name: string): number {
  const key = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(MONTHS, key) ? MONTHS[key] : 0;
}

function twoDigitYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/**
 * The parts of a date written as text. `swappable` marks the year-last slash or dash form,
 * whose `month` and `day` are the first and second numbers as written (the MDY reading).
 */
interface DateParts {
  year: number;
  month: number;
  day: number;
  timeOk: boolean;
  swappable: boolean;
}

function dateParts(text: string): DateParts | null {
  let match: RegExpExecArray | null;
  let year: number;
  let month: number;
  let day: number;
  let time: RegExpExecArray | string[];
  let swappable = false;
  if ((match = YEAR_LAST.exec(text))) {
    month = Number(match[1]);
    day = Number(match[3]);
    year = twoDigitYear(match[4]);
    time = match.slice(5, 9);
    swappable = true;
  } else if ((match = ISO_LIKE.exec(text))) {
    year = Number(match[1]);
    month = Number(match[3]);
    day = Number(match[4]);
    time = match.slice(5, 9);
  } else if ((match = CHINESE.exec(text))) {
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
    time = match.slice(4, 8);
  } else if ((match = DOTTED.exec(text))) {
    day = Number(match[1]);
    month = Number(match[2]);
    year = twoDigitYear(match[3]);
    time = match.slice(4, 8);
  } else if ((match = MONTH_NAME_FIRST.exec(text))) {
    month = monthNumber(match[1]);
    day = Number(match[2]);
    year = Number(match[3]);
    time = match.slice(4, 8);
  } else if ((match = DAY_FIRST_NAME.exec(text))) {
    day = Number(match[1]);
    month = monthNumber(match[2]);
    year = twoDigitYear(match[3]);
    time = match.slice(4, 8);
  } else if ((match = EIGHT_DIGITS.exec(text))) {
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
    // Eight digits are a date only when they are a real one; otherwise they are a number.
    if (!isCalendarDate(year, month, day)) return null;
    time = [];
  } else {
    return null;
  }
  if (month === 0) return null;
  return { year, month, day, swappable, timeOk: timeIsValid(time[0], time[1], time[2], time[3]) };
}

/**
 * Reads a date as CRMs and spreadsheet re-saves export it, to ISO "YYYY-MM-DD" (the time of
 * day is checked then dropped; a time zone suffix is ignored: the date is taken as written).
 *
 * Accepted:
 * - ISO "2025-03-05", with " 10:00" or "T10:00:00.000Z" / "+02:00"; "2025/6/17 10:00",
 *   "2025.3.5" (one separator throughout);
 * - "2025年6月17日" (or 号), optionally with a time;
 * - eight digits "20250617", only when they are a calendar date of 1900..9999;
 * - year last with slashes or dashes, "3/5/2025", "3-5-25" (a two-digit year is 20YY): M/D
 *   under `dateOrder: "MDY"` (the default), D/M under "DMY";
 * - year last with points, "17.06.2025": always day first, whatever `dateOrder` says,
 *   because every locale that writes dates with points and the year last (German, Russian,
 *   Polish, Czech, Turkish, Norwegian...) writes the day first;
 * - English month names, full or three letters ("Sept" too), in any case: "Mar 5, 2025",
 *   "April 15, 2021", "Apr 15 2021 3:04 PM", "15 Apr 2021", "15 Apr, 2021 00:02:00",
 *   "01-Jan-2015", "01-Jan-15";
 * - Excel serial numbers, from .xlsx cells only (`serials: true`).
 *
 * The calendar and the time of day are checked: "2025-02-30" is an error, never 2 March,
 * and so is "2025-03-05 25:00". A blank cell is `null`.
 *
 * @example
 * parseDate("2025年3月5日")                       // { ok: true, value: "2025-03-05" }
 * parseDate("17.06.2025")                         // { ok: true, value: "2025-06-17" }
 * parseDate("29/03/2023", { dateOrder: "DMY" })   // { ok: true, value: "2023-03-29" }
 * parseDate("15 Apr, 2021 00:02:00")              // { ok: true, value: "2021-04-15" }
 * parseDate("2/29/2023")                          // { ok: false, problem: "notCalendarDate", ... }
 */
export function parseDate(raw: RawCell, options: DateParseOptions = {}): Parsed<string> {
  if (typeof raw === "number") {
    if (!options.serials || !isSerial(raw)) return fail("serialNotDate", String(raw));
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
  const parts = dateParts(text);
  if (!parts) return fail("notDate", text);
  const { year } = parts;
  const [month, day] = parts.swappable && options.dateOrder === "DMY" ? [parts.day, parts.month] : [parts.month, parts.day];
  if (!isCalendarDate(year, month, day) || !parts.timeOk) return fail("notCalendarDate", text);
  return { ok: true, value: isoDate(year, month, day) };
}

function isSerial(value: number): boolean {
  return Number.isFinite(value) && value >= 1 && value < 2958466;
}

/**
 * Which date orders read a cell as a date, for deciding a whole file's order before parsing
 * it. For the year-last slash or dash form ("3/5/2025", "29/03/2023", "3-5-25"): "MDY" or
 * "DMY" when only that order gives a calendar date, "both" when either does, "neither" when
 * none does. "fixed" for a date whose reading does not depend on the order (ISO, "2025/6/17",
 * Chinese, "17.06.2025", month names, eight digits, an Excel serial number). "neither" for
 * what is not a date under any order; "both" for a blank cell (no evidence either way).
 *
 * @example
 * dateOrderEvidence("29/03/2023") // "DMY"
 * dateOrderEvidence("3/29/2023")  // "MDY"
 * dateOrderEvidence("3/5/2025")   // "both"
 * dateOrderEvidence("2025-03-05") // "fixed"
 * dateOrderEvidence("tomorrow")   // "neither"
 */
export function dateOrderEvidence(raw: RawCell): "MDY" | "DMY" | "both" | "neither" | "fixed" {
  if (typeof raw === "number") return isSerial(raw) ? "fixed" : "neither";
  const simple = SIMPLE_ISO.exec(raw);
  if (simple) return isCalendarDate(Number(simple[1]), Number(simple[2]), Number(simple[3])) ? "fixed" : "neither";
  if (BLANK.test(raw)) return "both";
  const parts = dateParts(cellText(raw));
  if (!parts || !parts.timeOk) return "neither";
  const { year, month, day } = parts;
  if (!parts.swappable) return isCalendarDate(year, month, day) ? "fixed" : "neither";
  const mdy = isCalendarDate(year, month, day);
  const dmy = isCalendarDate(year, day, month);
  return mdy ? (dmy ? "both" : "MDY") : dmy ? "DMY" : "neither";
}

// ---------------------------------------------------------------- probabilities

/**
 * How a column writes probabilities: "percent" (60 means 60%), "fraction" (0.6 means 60%),
 * or "auto" (a number above 1 is a percentage, otherwise a fraction).
 */
export type ProbabilityScale = "percent" | "fraction" | "auto";

const PROBABILITY_NUMBER: Record<DecimalMark, RegExp> = { ".": /^\d+(?:\.\d+)?$/, ",": /^\d+(?:,\d+)?$/ };

/**
 * Reads a win probability to a decimal in [0, 1].
 *
 * Rules: "60%" (or "60 %", "60％") is 0.6 in any column; a bare number follows the column's
 * scale; the result must lie in [0, 1]. The number is digits with an optional decimal part
 * after the file's decimal mark: "65.0%" and "0.65" under "." (the default), "65,0 %" and
 * "0,65" under ","; the other mark is refused ("0,65" under "." is an error, never 0.65 or
 * 65). No thousands separators, no sign. A blank cell is `null` (the stage default applies).
 *
 * @example
 * parseProbability("60%", "fraction")    // { ok: true, value: 0.6 }
 * parseProbability("60", "percent")      // { ok: true, value: 0.6 }
 * parseProbability(0.6, "fraction")      // { ok: true, value: 0.6 }
 * parseProbability("65,0 %", "auto", ",") // { ok: true, value: 0.65 }
 * parseProbability("0,65", "auto", ",")   // { ok: true, value: 0.65 }
 */
export function parseProbability(
  raw: RawCell,
  scale: ProbabilityScale = "auto",
  decimalMark: DecimalMark = ".",
): Parsed<number> {
  if (typeof raw === "string" && BLANK.test(raw)) return { ok: true, value: null };
  if (typeof raw === "string" && scale === "percent" && decimalMark === "." && SIMPLE_DECIMAL.test(raw)) {
    const value = Number(raw) / 100;
    return value <= 1 ? { ok: true, value } : fail("probabilityRange", raw);
  }
  let text = typeof raw === "number" ? String(raw) : cellText(raw).replace(SPACES, "");
  let percent = false;
  if (text.endsWith("%") || text.endsWith("％")) {
    percent = true;
    text = text.slice(0, -1);
  }
  const mark = typeof raw === "number" ? "." : decimalMark;
  if (!PROBABILITY_NUMBER[mark].test(text)) return fail("notProbability", String(raw));
  let value = Number(mark === "," ? text.replace(",", ".") : text);
  if (percent || scale === "percent" || (scale === "auto" && value > 1)) value /= 100;
  if (value < 0 || value > 1) return fail("probabilityRange", String(raw));
  return { ok: true, value };
}

// ---------------------------------------------------------------- flags

const FLAG_WORDS = new Map<string, boolean>([
  ["true", true], ["1", true], ["yes", true], ["y", true], ["是", true], ["√", true], ["wahr", true], ["vrai", true],
  ["false", false], ["0", false], ["no", false], ["n", false], ["否", false], ["falsch", false], ["faux", false],
]);

/**
 * Reads a yes/no cell, in any case: TRUE/FALSE (also Excel's German WAHR/FALSCH and French
 * VRAI/FAUX), 1/0, yes/no, Y/N, 是/否, √. A blank cell is null; anything else is an error.
 *
 * @example
 * parseFlag("WAHR")  // { ok: true, value: true }
 * parseFlag("n")     // { ok: true, value: false }
 * parseFlag("maybe") // { ok: false, problem: "notFlag", ... }
 */
export function parseFlag(raw: RawCell): Parsed<boolean> {
  const text = cellText(raw).toLowerCase();
  if (text === "") return { ok: true, value: null };
  const flag = FLAG_WORDS.get(text);
  return flag === undefined ? fail("notFlag", String(raw)) : { ok: true, value: flag };
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
