/**
 * Displays a computed value the way Excel would under a number format, for the preview
 * grid. Covers the formats generated sheets use: percentages, currency and thousands
 * separators, fixed decimals and dates; anything else falls back to a general display.
 */
import { dateFromSerial } from "../../core/dates";

function generalNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const rounded = Number(value.toPrecision(10));
  return String(rounded);
}

function group(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Literal text of a format section: quoted text, escaped chars, [$¥-804] currency blocks. */
function literal(part: string): string {
  return part
    .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/_./g, "")
    .replace(/\*./g, "");
}

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[yd]/i.test(bare) || /m{1,4}[^0#]*[yd]/i.test(bare) || /^\s*mmm/i.test(bare);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function formatDate(serial: number, section: string): string {
  const d = dateFromSerial(serial);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const bare = section.replace(/\[[^\]]*\]/g, "").replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  return bare
    .replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d/gi, (token) => {
      switch (token.toLowerCase()) {
        case "yyyy":
          return String(y);
        case "yy":
          return pad(y % 100);
        case "mmmm":
        case "mmm":
          return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1];
        case "mm":
          return pad(m);
        case "m":
          return String(m);
        case "dd":
          return pad(day);
        default:
          return String(day);
      }
    });
}

function formatNumberSection(value: number, section: string, withSign: boolean): string {
  const percent = section.includes("%");
  const scaled = percent ? value * 100 : value;
  const digitsMatch = /[0#?][0#?,]*(\.[0#?]+)?/.exec(section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, (q) => "x".repeat(q.length)));
  if (!digitsMatch) return literal(section) || generalNumber(value);
  const decimals = digitsMatch[1] ? digitsMatch[1].length - 1 : 0;
  const grouping = digitsMatch[0].includes(",");
  const abs = Math.abs(scaled);
  const fixed = abs.toFixed(decimals);
  const [intPart, fracPart] = fixed.split(".");
  const body = (grouping ? group(intPart) : intPart) + (fracPart ? `.${fracPart}` : "");
  const prefix = literal(section.slice(0, digitsMatch.index));
  const suffix = literal(section.slice(digitsMatch.index + digitsMatch[0].length));
  const negative = withSign && scaled < 0 && Number(fixed) !== 0;
  return `${negative ? "-" : ""}${prefix}${body}${suffix}`;
}

/**
 * The text Excel shows for `value` under `numberFormat`.
 *
 * Rules: text and booleans show as they are (TRUE/FALSE upper case); errors are text
 * already; "General" or no format shows up to 10 significant digits; a second format
 * section is used for negative numbers; date formats read the value as an Excel serial.
 *
 * @example
 * formatCellValue(0.256, "0.0%") // "25.6%"
 * formatCellValue(-1234.5, "$#,##0.00") // "-$1,234.50"
 * formatCellValue(45658, "yyyy-mm-dd") // "2025-01-01"
 */
export function formatCellValue(value: string | number | boolean | null, numberFormat?: string | null): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  const format = (numberFormat ?? "").trim();
  if (format === "" || /^general$/i.test(format) || format === "@") return generalNumber(value);
  const sections = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (isDateFormat(sections[0])) return formatDate(value, sections[0]);
  if (value < 0 && sections.length > 1) return formatNumberSection(-value, sections[1], false);
  if (value === 0 && sections.length > 2) return formatNumberSection(value, sections[2], false);
  return formatNumberSection(value, sections[0], true);
}
