/**
 * Plan periods: months, quarters and years, fiscal years starting in any month, labels,
 * credits bucketed into the plan's periods, and the sheets (HyperFormula) paying the same.
 */
import {
  CommissionPlan,
  creditWonDeals,
  parseCommissionPlan,
  periodLabel,
  periodOfDate,
  periodSpan,
  runCommissionPlan,
} from "../../src/core/commission";
import { periodsBetween } from "../../src/core/commission/wonDeals";
import { Deal } from "../../src/core/deal";
import { isInvalid } from "../../src/generators/common";
import { CALC_COLUMNS, FIRST_ROW, periodHeaderRow, planCommissionWorkbook } from "../../src/generators/commission";
import { dealsLayout, planDealsSheet } from "../../src/generators/deals";
import { commissionEnUS } from "../../src/i18n/commission.en-US";
import { WorkbookPlan } from "../../src/workbook/plan";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { oneStageDeal, oneStagePipeline } from "../support/oneStageDeal";

const pipeline = oneStagePipeline(0.1);

describe("period labels", () => {
  it("names months by the calendar, quarters and years by the fiscal year, FY named for the year it ends in", () => {
    expect(periodOfDate("2025-03-31", "month", 4)).toBe("2025-03");
    expect(periodOfDate("2025-03-31", "quarter", 1)).toBe("2025-Q1");
    expect(periodOfDate("2025-12-01", "year", 1)).toBe("2025");
    // fiscal year from April: April 2025 to March 2026 is FY2026
    expect(periodOfDate("2025-03-31", "quarter", 4)).toBe("FY2025-Q4");
    expect(periodOfDate("2025-04-01", "quarter", 4)).toBe("FY2026-Q1");
    expect(periodOfDate("2025-09-30", "quarter", 4)).toBe("FY2026-Q2");
    expect(periodOfDate("2026-03-15", "quarter", 4)).toBe("FY2026-Q4");
    expect(periodOfDate("2026-03-15", "year", 4)).toBe("FY2026");
    expect(periodOfDate("2026-04-01", "year", 4)).toBe("FY2027");
    // a fiscal year from February: February 2025 to January 2026 is FY2026; its Q4 is Nov-Jan
    expect(periodLabel(2026, 1, "quarter", 2)).toBe("FY2026-Q4");
    expect(periodOfDate("2025-02-30", "quarter", 1)).toBeNull();
  });
  it("gives each label's months and fiscal year", () => {
    expect(periodSpan("FY2026-Q1", "quarter", 4)).toEqual({ first: "2025-04", last: "2025-06", fiscalYear: "FY2026" });
    expect(periodSpan("FY2026-Q4", "quarter", 4)).toEqual({ first: "2026-01", last: "2026-03", fiscalYear: "FY2026" });
    expect(periodSpan("FY2026", "year", 4)).toEqual({ first: "2025-04", last: "2026-03", fiscalYear: "FY2026" });
    expect(periodSpan("2025-Q3", "quarter", 1)).toEqual({ first: "2025-07", last: "2025-09", fiscalYear: "2025" });
    expect(periodSpan("2025-05", "month", 4)).toEqual({ first: "2025-05", last: "2025-05", fiscalYear: "FY2026" });
    expect(periodSpan("2025-Q3", "quarter", 4)).toBeNull();
    expect(periodSpan("FY2025", "year", 1)).toBeNull();
    expect(periodSpan("2025-13", "month", 1)).toBeNull();
  });
  it("fills the periods between the first and the last", () => {
    expect(periodsBetween(["FY2025-Q4", "FY2026-Q2"], "quarter", 4)).toEqual(["FY2025-Q4", "FY2026-Q1", "FY2026-Q2"]);
    expect(periodsBetween(["2024-11", "2025-02"], "month", 1)).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
  });
});

describe("period fields", () => {
  const base = { basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.1 }], quota: 1000 };
  const fields = (json: unknown) => {
    const parsed = parseCommissionPlan(json);
    return "errors" in parsed ? parsed.errors.map((e) => [e.field, e.message]) : [];
  };
  it("accepts month, quarter and year and a fiscal start from 1 to 12", () => {
    expect(fields({ ...base, period: "quarter", fiscalYearStart: 12 })).toEqual([]);
    expect(fields({ ...base, period: "week", fiscalYearStart: 13 })).toEqual([
      ["period", 'period must be "month", "quarter" or "year" (got "week").'],
      ["fiscalYearStart", "fiscalYearStart must be a whole month number from 1 to 12 (got 13)."],
    ]);
    expect(fields({ ...base, fiscalYearStart: 1.5 }).map((e) => e[0])).toEqual(["fiscalYearStart"]);
    expect(fields({ ...base, periods: "month" })).toEqual([["periods", "periods is not a field of the plan; did you mean period?"]]);
  });
  it("refuses credits whose labels are not periods of a plan that names its period", () => {
    const plan = { ...base, period: "quarter", fiscalYearStart: 4 } as CommissionPlan;
    const run = runCommissionPlan(plan, { periods: ["FY2026-Q1", "2025-Q2"], reps: ["Ann"], credits: [] });
    expect("errors" in run && run.errors.map((e) => e.message)).toEqual([
      "periods[1] (2025-Q2) is not a quarter label of this plan (such as FY2026-Q1).",
    ]);
  });
});

// A quarterly plan: quota 30,000 a quarter, 5% up to 30,000 and 10% above (marginal), a gate
// at 50% of quota, a cap of 3,000 a quarter, a 500 bonus from 150%, a recoverable draw of 1,000.
const QUARTERLY: CommissionPlan = {
  period: "quarter",
  basis: "amount",
  method: "marginal",
  tiers: [
    { from: 0, rate: 0.05 },
    { from: 30000, rate: 0.1 },
  ],
  quota: 30000,
  gate: 0.5,
  cap: 3000,
  bonusBands: [{ from: 1.5, amount: 500 }],
  draw: { amount: 1000, recoverable: true },
};

const QUARTERLY_DEALS: Deal[] = [
  oneStageDeal("Q1a", "Ann", 10000, "won", "2025-01-10"),
  oneStageDeal("Q1b", "Ann", 5000, "won", "2025-03-31"),
  oneStageDeal("Q2a", "Ann", 8000, "won", "2025-04-01"),
  oneStageDeal("Q2b", "Ann", 4000, "won", "2025-06-30"),
  oneStageDeal("Q3a", "Ann", 50000, "won", "2025-07-03"),
  oneStageDeal("Q3x", "Ann", 9000, "lost", "2025-08-03"),
];

function withDeals(plan: CommissionPlan, deals: Deal[]): { wb: WorkbookPlan; rows: { credited: number; payout: number }[] } {
  const credits = creditWonDeals(deals, plan);
  if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
  const run = runCommissionPlan(plan, credits);
  if ("errors" in run) throw new Error(JSON.stringify(run.errors));
  const dealsPlan = planDealsSheet(deals, pipeline, { locale: "en-US" });
  if (isInvalid(dealsPlan)) throw new Error(JSON.stringify(dealsPlan.errors));
  const commission = planCommissionWorkbook(plan, credits, { locale: "en-US", creditsFromDeals: dealsLayout(deals, pipeline, "en-US") });
  if (isInvalid(commission)) throw new Error(JSON.stringify(commission.errors));
  return { wb: { sheets: [...dealsPlan.sheets, ...commission.sheets] }, rows: run.rows };
}

function sheetColumn(wb: WorkbookPlan, sheet: string, col: string, count: number): number[] {
  return evaluatePlan(wb)
    .values(sheet, `${col}${FIRST_ROW}:${col}${FIRST_ROW + count - 1}`)
    .map((r) => r[0] as number);
}

describe("a quarterly plan: gate and cap per quarter", () => {
  it("credits each won deal in its quarter and pays by hand-derived numbers, in the engine and the sheets", () => {
    const credits = creditWonDeals(QUARTERLY_DEALS, QUARTERLY);
    if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
    expect(credits.periods).toEqual(["2025-Q1", "2025-Q2", "2025-Q3"]);
    const { wb, rows } = withDeals(QUARTERLY, QUARTERLY_DEALS);
    // Q1: 10,000 + 5,000 = 15,000 = 50% of 30,000, at the gate (inclusive): 15,000 x 5% = 750.
    //     The draw pays 1,000; balance 1,000 - 750 = 250.
    // Q2: 8,000 + 4,000 = 12,000 = 40% < 50%: nothing earned (600 removed by the gate).
    //     available 0 - 250 = -250; paid the draw 1,000; balance 1,000 + 250 = 1,250.
    // Q3: 50,000 (the lost 9,000 is not credited) = 166.7%: 30,000 x 5% + 20,000 x 10% = 3,500,
    //     bonus 500 (>= 150%): 4,000, capped at 3,000; available 3,000 - 1,250 = 1,750 paid, balance 0.
    // Paid 1,000 + 1,000 + 1,750 = 3,750 = earned 750 + 0 + 3,000.
    expect(rows.map((r) => r.credited)).toEqual([15000, 12000, 50000]);
    expect(rows.map((r) => r.payout)).toEqual([1000, 1000, 1750]);
    expect(sheetColumn(wb, commissionEnUS["sheet.reps"], "F", 3)).toEqual([15000, 12000, 50000]);
    const payouts = sheetColumn(wb, commissionEnUS["sheet.calc"], CALC_COLUMNS.payout, 3);
    payouts.forEach((v, i) => expect(v).toBeCloseTo([1000, 1000, 1750][i], 6));
    // the Summary per quarter: one rep, so the same credited amounts and payouts
    const top = periodHeaderRow(1) + 1;
    const summary = evaluatePlan(wb).values(commissionEnUS["sheet.summary"], `A${top}:C${top + 2}`);
    expect(summary.map((r) => r[0])).toEqual(["2025-Q1", "2025-Q2", "2025-Q3"]);
    expect(summary.map((r) => r[1])).toEqual([15000, 12000, 50000]);
    summary.forEach((r, i) => expect(r[2] as number).toBeCloseTo([1000, 1000, 1750][i], 6));
  });
  it("reads ramp factors per quarter", () => {
    const plan: CommissionPlan = { ...QUARTERLY, gate: undefined, cap: undefined, draw: undefined, bonusBands: undefined, quota: { Ann: 30000 }, ramp: { Ann: [0.5] } };
    const run = runCommissionPlan(plan, creditWonDeals(QUARTERLY_DEALS, plan) as never);
    if ("errors" in run) throw new Error(JSON.stringify(run.errors));
    // Q1 quota 30,000 x 0.5 = 15,000 (the first quarter), then 30,000
    expect(run.rows.map((r) => r.effectiveQuota)).toEqual([15000, 30000, 30000]);
  });
});

describe("a fiscal year starting in April", () => {
  it("buckets deals into FY quarters, fills a quarter without deals, and the sheets read the same months", () => {
    const plan: CommissionPlan = { ...QUARTERLY, fiscalYearStart: 4, gate: undefined, cap: undefined, bonusBands: undefined, draw: { amount: 800, recoverable: false } };
    const deals: Deal[] = [
      oneStageDeal("A", "Ann", 20000, "won", "2025-03-31"),
      oneStageDeal("B", "Ann", 10000, "won", "2025-04-01"),
      oneStageDeal("C", "Ann", 30000, "won", "2025-06-30"),
      oneStageDeal("D", "Ann", 40000, "won", "2025-10-01"),
    ];
    const credits = creditWonDeals(deals, plan);
    if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
    expect(credits.periods).toEqual(["FY2025-Q4", "FY2026-Q1", "FY2026-Q2", "FY2026-Q3"]);
    const { wb, rows } = withDeals(plan, deals);
    // FY2025-Q4 (Jan-Mar 2025): 20,000 x 5% = 1,000.
    // FY2026-Q1 (Apr-Jun 2025): 10,000 + 30,000 = 40,000: 30,000 x 5% + 10,000 x 10% = 2,500.
    // FY2026-Q2 (Jul-Sep 2025): no deal: the non-recoverable draw pays 800.
    // FY2026-Q3 (Oct-Dec 2025): 40,000: 2,500.
    expect(rows.map((r) => [r.credited, r.payout])).toEqual([
      [20000, 1000],
      [40000, 2500],
      [0, 800],
      [40000, 2500],
    ]);
    const payouts = sheetColumn(wb, commissionEnUS["sheet.calc"], CALC_COLUMNS.payout, 4);
    payouts.forEach((v, i) => expect(v).toBeCloseTo([1000, 2500, 800, 2500][i], 6));
    expect(evaluatePlan(wb).values(commissionEnUS["sheet.reps"], `H${FIRST_ROW}:I${FIRST_ROW + 3}`)).toEqual([
      ["2025-01", "2025-03"],
      ["2025-04", "2025-06"],
      ["2025-07", "2025-09"],
      ["2025-10", "2025-12"],
    ]);
  });
});
