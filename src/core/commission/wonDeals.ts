/**
 * Commission credits from normalized deals, by the same rule the commission sheets apply
 * when their credited amounts are formulas over the Deals sheet, so the engine and the
 * workbook pay the same.
 */
import { parseIsoDay } from "../dates";
import type { Deal } from "../deal";
import { creditDeals } from "./engine";
import { nameWarnings } from "./names";
import { periodLabel, periodOfDate, periodSpan, planPeriod } from "./periods";
import type { CommissionCredits, CommissionDeal, CommissionPeriod, CommissionPlan, PlanFieldError } from "./types";

/** "YYYY-MM" of an ISO date that exists (2025-02-30 does not), else null. */
export function closeMonthOf(isoDate: string | null): string | null {
  return parseIsoDay(isoDate) === null ? null : isoDate!.trim().slice(0, 7);
}

/**
 * Every label of the plan's period from the first of `sorted` to its last, in order.
 *
 * @example
 * periodsBetween(["2025-Q1", "2025-Q3"], "quarter", 1) // ["2025-Q1", "2025-Q2", "2025-Q3"]
 */
export function periodsBetween(sorted: readonly string[], period: CommissionPeriod, start: number): string[] {
  if (sorted.length === 0) return [];
  const first = periodSpan(sorted[0], period, start);
  const last = periodSpan(sorted[sorted.length - 1], period, start);
  if (first === null || last === null) return [...sorted];
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const labels: string[] = [];
  for (let m = index(first.first); m <= index(last.last); m++) {
    const label = periodLabel(Math.floor(m / 12), (m % 12) + 1, period, start);
    if (labels[labels.length - 1] !== label) labels.push(label);
  }
  return labels;
}

/**
 * Credits the won deals to their owners, one period per close month, quarter or year (the
 * plan's `period`, with its `fiscalYearStart`: see periods.ts for the labels).
 *
 * Rules (the Deals-sheet formulas follow them exactly):
 * - a deal is credited when it is won, has a close date, an amount of 0 or more and an owner
 *   that is not blank; the owner gets the whole amount in the period of the close date;
 * - periods are every period from the first close date's to the last one's ("2025-03",
 *   "2025-Q1", "FY2026-Q1", "2025", "FY2026"), a period without a deal included (quota,
 *   draws and ramp steps count it);
 * - owners are compared as a spreadsheet's `=` compares text, ignoring case: "ann lee" and
 *   "Ann Lee" are one rep, listed with the spelling seen first; reps are listed in the order
 *   their first credited deal appears;
 * - a deal counts for the SPIF when the plan has one and the amount is at least
 *   `spif.minDealAmount`.
 *
 * The plan must give every credited owner a quota (named, a single quota, or `defaultQuota`);
 * the engine reports `quota.<rep>` otherwise.
 *
 * @example
 * creditWonDeals([wonDeal("Ann", 500, "2025-01-10"), wonDeal("ann", 300, "2025-02-03")], plan)
 * // { periods: ["2025-01", "2025-02"], reps: ["Ann"], credits: [{ rep: "Ann", period: 0, amount: 500, ... }, { rep: "Ann", period: 1, amount: 300, ... }] }
 */
export function creditWonDeals(deals: readonly Deal[], plan: CommissionPlan): CommissionCredits | { errors: PlanFieldError[] } {
  const { period, start } = planPeriod(plan);
  const spelling = new Map<string, string>();
  const credited: { deal: Deal; month: string; rep: string }[] = [];
  for (const deal of deals) {
    const month = periodOfDate(deal.closeDate, period, start);
    if (deal.status !== "won" || month === null || !(deal.amount >= 0) || deal.owner.trim() === "") continue;
    const key = deal.owner.toLowerCase();
    if (!spelling.has(key)) spelling.set(key, deal.owner);
    credited.push({ deal, month, rep: spelling.get(key) as string });
  }
  const periods = periodsBetween([...new Set(credited.map((c) => c.month))].sort(), period, start);
  const periodIndex = new Map(periods.map((period, index) => [period, index]));
  const commissionDeals: CommissionDeal[] = credited.map(({ deal, month, rep }) => ({
    id: deal.id,
    amount: deal.amount,
    period: periodIndex.get(month) as number,
    splits: [{ rep, share: 1 }],
  }));
  return creditDeals(commissionDeals, plan, periods);
}

/**
 * The name warnings of a plan over won deals (`nameWarnings` of `creditWonDeals`): every rep
 * named in quota, ramp or proration who owns no credited deal, with the closest owner's name.
 * Empty when the credits cannot be made (their errors are reported when the sheets are planned).
 *
 * @example
 * commissionNameWarnings({ ...plan, quota: { Tom: 50000 }, defaultQuota: 40000 }, deals)
 * // [{ field: "quota.Tom", key: "warning.unmatchedName", message: 'quota names "Tom", who owns no deal; did you mean "Tom Brennan"?', ... }]
 */
export function commissionNameWarnings(plan: CommissionPlan, deals: readonly Deal[]): PlanFieldError[] {
  const credits = creditWonDeals(deals, plan);
  return "errors" in credits ? [] : nameWarnings(plan, credits);
}
