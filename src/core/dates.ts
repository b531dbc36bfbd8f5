/** Calendar checks shared by import, the generators and the commission engine (UTC, no time zones). */

/**
 * True when year-month-day is a real calendar date (proleptic Gregorian): 2024-02-29 is,
 * 2025-02-29 and 2025-06-31 are not.
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1];
}

/**
 * Year, month and day of an ISO date ("2025-03-31", anything after the day ignored), or
 * null when it is blank, not ISO, or not a real calendar date.
 *
 * @example parseIsoDay("2025-02-30") // null
 */
export function parseIsoDay(iso: string | null | undefined): { year: number; month: number; day: number } | null {
  if (iso === null || iso === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel serial number (1900 date system) of a UTC calendar date. */
export function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/** The UTC date of an Excel serial number. */
export function dateFromSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * MS_PER_DAY));
}
