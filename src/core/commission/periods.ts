/**
 * Plan periods: months, quarters or years, with a fiscal year that may start in any month.
 *
 * Labels:
 * - a month is always its calendar month, "2025-03";
 * - with a fiscal year starting in January: "2025-Q1" and "2025";
 * - with a fiscal year starting in another month: "FY2026-Q1" and "FY2026", named for the
 *   calendar year in which the fiscal year ends (a year starting in April 2025 ends in March
 *   2026: FY2026, whose Q1 is April to June 2025).
 *
 * Labels sort as text in time order within one plan.
 */
import { parseIsoDay } from "../dates";
import type { CommissionPeriod, CommissionPlan } from "./types";

export const PERIODS: readonly CommissionPeriod[] = ["month", "quarter", "year"];

/** The plan's period length and fiscal year start, with their defaults (month, January). */
export function planPeriod(plan: Pick<CommissionPlan, "period" | "fiscalYearStart">): { period: CommissionPeriod; start: number } {
  return { period: plan.period ?? "month", start: plan.fiscalYearStart ?? 1 };
}

const pad = (m: number) => String(m).padStart(2, "0");

/** The calendar year in which the fiscal year holding (year, month) ends. */
function fiscalYearEnd(year: number, month: number, start: number): number {
  return start === 1 || month < start ? year : year + 1;
}

/**
 * The label of the period holding a calendar month (1..12).
 *
 * @example
 * periodLabel(2025, 4, "quarter", 4) // "FY2026-Q1"
 * periodLabel(2025, 3, "quarter", 1) // "2025-Q1"
 * periodLabel(2025, 3, "year", 4)    // "FY2025"
 */
export function periodLabel(year: number, month: number, period: CommissionPeriod, start = 1): string {
  if (period === "month") return `${year}-${pad(month)}`;
  const fy = fiscalYearEnd(year, month, start);
  const name = start === 1 ? `${fy}` : `FY${fy}`;
  if (period === "year") return name;
  const quarter = Math.floor(((month - start + 12) % 12) / 3) + 1;
  return `${name}-Q${quarter}`;
}

/** The label of the period holding an ISO date ("2025-04-15"), or null when the date does not exist. */
export function periodOfDate(isoDate: string | null, period: CommissionPeriod, start = 1): string | null {
  if (parseIsoDay(isoDate) === null) return null;
  const text = isoDate!.trim();
  return periodLabel(Number(text.slice(0, 4)), Number(text.slice(5, 7)), period, start);
}

/** A calendar month as "YYYY-MM", `offset` months after (year, month). */
function monthAfter(year: number, month: number, offset: number): string {
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** What a period label covers: its first and last calendar months ("YYYY-MM") and the label of its fiscal year. */
export interface PeriodSpan {
  first: string;
  last: string;
  fiscalYear: string;
}

/**
 * The months a label of the plan's period covers, and its fiscal year; null when the label is
 * not of that form (a quarter label for a monthly plan, "FY2026" for a calendar-year plan).
 *
 * @example
 * periodSpan("FY2026-Q1", "quarter", 4) // { first: "2025-04", last: "2025-06", fiscalYear: "FY2026" }
 * periodSpan("2025-02", "month", 4)     // { first: "2025-02", last: "2025-02", fiscalYear: "FY2025" }
 */
export function periodSpan(label: string, period: CommissionPeriod, start = 1): PeriodSpan | null {
  const fy = (y: number) => (start === 1 ? `${y}` : `FY${y}`);
  if (period === "month") {
    const m = /^(\d{4})-(\d{2})$/.exec(label);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
    return { first: label, last: label, fiscalYear: fy(fiscalYearEnd(Number(m[1]), Number(m[2]), start)) };
  }
  const prefix = start === 1 ? "" : "FY";
  const m = period === "quarter" ? new RegExp(`^${prefix}(\\d{4})-Q([1-4])$`).exec(label) : new RegExp(`^${prefix}(\\d{4})$`).exec(label);
  if (!m) return null;
  const end = Number(m[1]);
  // The fiscal year ending in calendar year `end` starts in month `start` of end - 1 (of end itself for January).
  const firstYear = start === 1 ? end : end - 1;
  const offset = period === "quarter" ? (Number(m[2]) - 1) * 3 : 0;
  const length = period === "quarter" ? 3 : 12;
  return { first: monthAfter(firstYear, start, offset), last: monthAfter(firstYear, start, offset + length - 1), fiscalYear: fy(end) };
}

/** An example label of the plan's period, for messages. */
export function exampleLabel(period: CommissionPeriod, start = 1): string {
  return periodLabel(2025, start, period, start);
}
