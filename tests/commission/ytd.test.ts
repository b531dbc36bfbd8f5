/**
 * Year-to-date plans (`cumulative`): attainment and tiers on fiscal year-to-date credit and
 * quota, each period paying the true-up; negative true-ups carried or clawed back. Worked
 * examples derived by hand, properties with fast-check, and the sheets (HyperFormula) paying
 * what the engine pays.
 */
import fc from "fast-check";
import { CommissionCredits, CommissionPlan, RepPeriodPayout, runCommissionPlan } from "../../src/core/commission";
import { isInvalid } from "../../src/generators/common";
import { CALC_COLUMNS, FIRST_ROW, planCommissionWorkbook, statementLinesOf } from "../../src/generators/commission";
import { commissionEnUS } from "../../src/i18n/commission.en-US";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { validatePlan } from "../../src/workbook/validatePlan";

const QUARTERS = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"];

function run(plan: CommissionPlan, credits: CommissionCredits): RepPeriodPayout[] {
  const result = runCommissionPlan(plan, credits);
  if ("errors" in result) throw new Error(JSON.stringify(result.errors));
  return result.rows;
}

function quarterly(amounts: number[], rep = "Ann"): CommissionCredits {
  return { periods: QUARTERS.slice(0, amounts.length), reps: [rep], credits: amounts.map((amount, period) => ({ rep, period, amount })) };
}

/** The sheets' payouts and statement amounts, computed by HyperFormula. */
function sheetNumbers(plan: CommissionPlan, credits: CommissionCredits): { payouts: number[]; statement: number[] } {
  const wb = planCommissionWorkbook(plan, credits, { locale: "en-US" });
  if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
  const ev = evaluatePlan(wb);
  const n = credits.reps.length * credits.periods.length;
  const col = CALC_COLUMNS.payout;
  const payouts = ev.values(commissionEnUS["sheet.calc"], `${col}${FIRST_ROW}:${col}${FIRST_ROW + n - 1}`).map((r) => r[0] as number);
  const lines = n * statementLinesOf(plan).length;
  const statement = ev.values(commissionEnUS["sheet.statement"], `F${FIRST_ROW}:F${FIRST_ROW + lines - 1}`).map((r) => r[0] as number);
  return { payouts, statement };
}

function expectSheetsEqualEngine(plan: CommissionPlan, credits: CommissionCredits): void {
  const rows = run(plan, credits);
  const { payouts, statement } = sheetNumbers(plan, credits);
  payouts.forEach((v, i) => expect(Math.abs(v - rows[i].payout)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(rows[i].payout))));
  const lines = rows.flatMap((r) => statementLinesOf(plan).map((c) => r.lines.find((l) => l.component === c)!.amount));
  statement.forEach((v, i) => expect(Math.abs((v ?? 0) - lines[i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(lines[i]))));
}

// An accelerator measured year to date: 5% up to 100% of quota, 10% above it (marginal, on
// attainment, scaled by the year-to-date quota), quota 100,000 a quarter.
const ACCELERATOR: CommissionPlan = {
  period: "quarter",
  cumulative: true,
  basis: "attainment",
  method: "marginal",
  tiers: [
    { from: 0, rate: 0.05 },
    { from: 1, rate: 0.1 },
  ],
  quota: 100000,
};

describe("a year-to-date accelerator", () => {
  it("trues up each quarter, crossing the 100% tier in Q2 and falling back under it in Q3", () => {
    const credits = quarterly([80000, 150000, 40000, 170000]);
    const rows = run(ACCELERATOR, credits);
    // Q1: 80,000 / 100,000 = 80%: 100,000 x (0.8 x 5%) = 4,000 earned to date; paid 4,000.
    // Q2: 230,000 / 200,000 = 115%: 200,000 x (1 x 5% + 0.15 x 10%) = 10,000 + 3,000 = 13,000;
    //     paid 13,000 - 4,000 = 9,000.
    // Q3: 270,000 / 300,000 = 90%: 300,000 x 0.9 x 5% = 13,500; paid 13,500 - 13,000 = 500.
    // Q4: 440,000 / 400,000 = 110%: 400,000 x (5% + 0.1 x 10%) = 20,000 + 4,000 = 24,000;
    //     paid 24,000 - 13,500 = 10,500.
    // The year pays 4,000 + 9,000 + 500 + 10,500 = 24,000: the annual plan on 440,000 against 400,000.
    expect(rows.map((r) => [r.ytdCredited, r.ytdQuota, r.capped, r.earlier, r.payout])).toEqual([
      [80000, 100000, 4000, 0, 4000],
      [230000, 200000, 13000, 4000, 9000],
      [270000, 300000, 13500, 13000, 500],
      [440000, 400000, 24000, 13500, 10500],
    ].map((row) => row.map((v) => expect.closeTo(v, 6))));
    expect(rows[1].attainment).toBeCloseTo(1.15, 12);
    // nine statement lines: ..., cap, earned earlier this year, clawbacks, draw, payout
    expect(rows[1].lines.map((l) => [l.component, l.amount])).toEqual([
      ["tier", expect.closeTo(13000, 6)],
      ["spif", 0],
      ["bonus", 0],
      ["gate", 0],
      ["cap", 0],
      ["earlier", expect.closeTo(-4000, 6)],
      ["clawback", -0],
      ["draw", 0],
      ["payout", expect.closeTo(9000, 6)],
    ]);
    expectSheetsEqualEngine(ACCELERATOR, credits);
  });

  it("restarts at each fiscal year (April here)", () => {
    const plan: CommissionPlan = { ...ACCELERATOR, fiscalYearStart: 4 };
    const credits: CommissionCredits = {
      periods: ["FY2025-Q4", "FY2026-Q1", "FY2026-Q2"],
      reps: ["Ann"],
      credits: [
        { rep: "Ann", period: 0, amount: 120000 },
        { rep: "Ann", period: 1, amount: 50000 },
        { rep: "Ann", period: 2, amount: 100000 },
      ],
    };
    const rows = run(plan, credits);
    // FY2025-Q4 alone in FY2025: 120%: 100,000 x 5% + 20,000 x 10% = 7,000.
    // FY2026-Q1 starts FY2026: 50,000 / 100,000 = 50%: 2,500, nothing subtracted for FY2025.
    // FY2026-Q2: 150,000 / 200,000 = 75%: 7,500 to date; paid 7,500 - 2,500 = 5,000.
    expect(rows.map((r) => [r.fiscalYear, r.earlier, r.payout])).toEqual([
      ["FY2025", 0, expect.closeTo(7000, 6)],
      ["FY2026", 0, expect.closeTo(2500, 6)],
      ["FY2026", expect.closeTo(2500, 6), expect.closeTo(5000, 6)],
    ]);
    expectSheetsEqualEngine(plan, credits);
  });
});

// Retroactive on attainment: the whole year-to-date credit at 5%, or at 10% from 100% of
// quota, so year-to-date earnings fall when attainment drops back under 100%.
const RETRO: CommissionPlan = { ...ACCELERATOR, method: "retroactive" };

describe("a negative true-up", () => {
  const credits = quarterly([120000, 50000, 130000]);
  // Q1: 120,000 / 100,000 = 120%: 10% x 120,000 = 12,000 to date; paid 12,000.
  // Q2: 170,000 / 200,000 = 85%: 5% x 170,000 = 8,500 to date: true-up 8,500 - 12,000 = -3,500.
  // Q3: 300,000 / 300,000 = 100%: 10% x 300,000 = 30,000 to date: true-up 30,000 - 8,500 = 21,500.
  it("is carried by default: nothing paid, then recovered from the next true-up", () => {
    const rows = run(RETRO, credits);
    // Q2 pays 0 and carries 3,500; Q3 pays 21,500 - 3,500 = 18,000. Total 30,000.
    expect(rows.map((r) => [r.trueUp, r.payout, r.closingBalance])).toEqual([
      [12000, 12000, 0],
      [-3500, 0, 3500],
      [21500, 18000, 0],
    ].map((row) => row.map((v) => expect.closeTo(v, 6))));
    expectSheetsEqualEngine(RETRO, credits);
  });
  it("is paid back at once when the plan says clawback", () => {
    const plan: CommissionPlan = { ...RETRO, negativeTrueUp: "clawback" };
    const rows = run(plan, credits);
    // Q2 pays -3,500 (paid back) and carries nothing; Q3 pays 21,500. Total 30,000.
    expect(rows.map((r) => [r.paidBack, r.payout, r.closingBalance])).toEqual([
      [0, 12000, 0],
      [-3500, -3500, 0],
      [0, 21500, 0],
    ].map((row) => row.map((v) => expect.closeTo(v, 6))));
    expectSheetsEqualEngine(plan, credits);
  });
  it("under a draw: the draw is still paid, and clawback deducts the negative from it", () => {
    const plan: CommissionPlan = { ...RETRO, negativeTrueUp: "clawback", draw: { amount: 1000, recoverable: false } };
    const rows = run(plan, credits);
    // Q2: paid back -3,500, then MAX(0 - 0, 1,000) = 1,000: payout -2,500; the non-recoverable
    // draw leaves no balance. Q1 and Q3 are above the draw.
    expect(rows.map((r) => r.payout)).toEqual([12000, -2500, 21500].map((v) => expect.closeTo(v, 6)));
    expectSheetsEqualEngine(plan, credits);
  });
});

describe("year-to-date plan fields", () => {
  it("refuses negativeTrueUp without cumulative, an unknown choice, and periods out of order", () => {
    const base: CommissionPlan = { ...RETRO, cumulative: undefined, negativeTrueUp: "clawback" };
    const fields = (plan: CommissionPlan, credits = quarterly([1])) => {
      const r = runCommissionPlan(plan, credits);
      return "errors" in r ? r.errors.map((e) => e.field) : [];
    };
    expect(fields(base)).toEqual(["negativeTrueUp"]);
    expect(fields({ ...RETRO, negativeTrueUp: "forgive" as never })).toEqual(["negativeTrueUp"]);
    const backwards: CommissionCredits = { periods: ["2025-Q2", "2025-Q1"], reps: ["Ann"], credits: [] };
    expect(fields(RETRO, backwards)).toEqual(["periods[1]"]);
  });
});

/** A random plan without cap, draw or clawbacks, measured year to date over one fiscal year. */
const ytdCase = fc.record({
  months: fc.boolean(),
  method: fc.constantFrom("marginal" as const, "retroactive" as const, "hybrid" as const),
  basis: fc.constantFrom("amount" as const, "attainment" as const),
  targetPay: fc.option(fc.integer({ min: 1000, max: 20000 }), { nil: undefined }),
  gate: fc.option(fc.constantFrom(0.25, 0.5, 0.8), { nil: undefined }),
  rates: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 3, maxLength: 3 }),
  steps: fc.array(fc.integer({ min: 1, max: 45 }), { minLength: 2, maxLength: 2 }),
  spif: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  bonus: fc.boolean(),
  quota: fc.integer({ min: 5000, max: 100000 }),
  amounts: fc.array(fc.integer({ min: 0, max: 200000 }), { minLength: 12, maxLength: 12 }),
  spifDeals: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }),
  negativeTrueUp: fc.constantFrom("carry" as const, "clawback" as const),
});

type YtdCase = typeof ytdCase extends fc.Arbitrary<infer T> ? T : never;

function ytdPlan(c: YtdCase): { plan: CommissionPlan; credits: CommissionCredits; n: number } {
  const n = c.months ? 12 : 4;
  const periods = c.months ? Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`) : QUARTERS;
  // thresholds 0 < a < b: attainment steps of 0.1 to 4.5 (b at most 9), amount steps of 1,000 to 45,000 (year to date)
  const unit = c.basis === "attainment" ? 0.1 : 1000;
  const from = [0, c.steps[0] * unit, (c.steps[0] + c.steps[1]) * unit];
  const plan: CommissionPlan = {
    period: c.months ? "month" : "quarter",
    cumulative: true,
    negativeTrueUp: c.negativeTrueUp,
    basis: c.basis,
    method: c.method,
    tiers: from.map((f, i) => ({ from: f, rate: c.rates[i] / 1000 })),
    quota: c.quota,
  };
  if (c.method === "hybrid") plan.marginalFrom = from[1];
  if (c.basis === "attainment" && c.targetPay !== undefined) plan.targetPay = c.targetPay;
  if (c.gate !== undefined) plan.gate = c.gate;
  if (c.spif !== undefined) plan.spif = { amount: c.spif };
  if (c.bonus) plan.bonusBands = [{ from: 0.9, amount: 400 }, { from: 1.2, amount: 1500 }];
  const credits: CommissionCredits = {
    periods,
    reps: ["Ann"],
    credits: periods.map((_, p) => ({ rep: "Ann", period: p, amount: c.amounts[p], spifDeals: c.spifDeals[p] })),
  };
  return { plan, credits, n };
}

describe("properties of year-to-date plans", () => {
  it("pay over a fiscal year what the annual plan pays on the year's credit (no cap or draw)", () => {
    fc.assert(
      fc.property(ytdCase, (c) => {
        const { plan, credits, n } = ytdPlan(c);
        const rows = run(plan, credits);
        // The annual plan: one period, the quota and target pay of the n periods together,
        // the year's credit and SPIF deals, not year-to-date.
        const annual: CommissionPlan = { ...plan, period: "year", cumulative: undefined, negativeTrueUp: undefined, quota: c.quota * n };
        if (plan.targetPay !== undefined) annual.targetPay = plan.targetPay * n;
        const year = run(annual, {
          periods: ["2025"],
          reps: ["Ann"],
          credits: [{ rep: "Ann", period: 0, amount: c.amounts.slice(0, n).reduce((a, b) => a + b, 0), spifDeals: c.spifDeals.slice(0, n).reduce((a, b) => a + b, 0) }],
        })[0].payout;
        const paid = rows.reduce((a, r) => a + r.payout, 0);
        const tolerance = 1e-7 * Math.max(1, year);
        if (c.negativeTrueUp === "clawback") expect(Math.abs(paid - year)).toBeLessThanOrEqual(tolerance);
        else {
          // carried: what is still owed back at the year's end is not paid back, so the year
          // pays the annual amount plus that balance
          const owed = rows[rows.length - 1].closingBalance;
          expect(Math.abs(paid - owed - year)).toBeLessThanOrEqual(tolerance);
          expect(paid).toBeGreaterThanOrEqual(year - tolerance);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never pay a negative amount unless the plan claws back, with caps, draws and cancelled deals", () => {
    fc.assert(
      fc.property(
        ytdCase,
        fc.option(fc.integer({ min: 500, max: 50000 }), { nil: undefined }),
        fc.option(fc.record({ amount: fc.integer({ min: 0, max: 5000 }), recoverable: fc.boolean() }), { nil: undefined }),
        fc.array(fc.record({ period: fc.integer({ min: 1, max: 3 }), amount: fc.integer({ min: 0, max: 100000 }) }), { maxLength: 3 }),
        fc.boolean(),
        (c, cap, draw, cancelled, cumulative) => {
          const { plan, credits } = ytdPlan(c);
          const p: CommissionPlan = { ...plan, cumulative, negativeTrueUp: cumulative ? "carry" : undefined, gate: undefined };
          if (cap !== undefined) p.cap = cap;
          if (draw !== undefined) p.draw = draw;
          const withClawbacks: CommissionCredits = {
            ...credits,
            clawbacks: cancelled.map((x) => ({ rep: "Ann", period: x.period, originalPeriod: x.period - 1, amount: x.amount })),
          };
          for (const row of run(p, withClawbacks)) expect(row.payout).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("are paid the same by the sheets as by the engine (HyperFormula)", () => {
    fc.assert(
      fc.property(ytdCase, fc.option(fc.integer({ min: 500, max: 50000 }), { nil: undefined }), (c, cap) => {
        const { plan, credits } = ytdPlan({ ...c, months: false });
        const p: CommissionPlan = { ...plan, gate: undefined, draw: { amount: 700, recoverable: true } };
        if (cap !== undefined) p.cap = cap;
        expectSheetsEqualEngine(p, { ...credits, clawbacks: [{ rep: "Ann", period: 2, originalPeriod: 1, amount: 5000 }] });
      }),
      { numRuns: 25 },
    );
  });
});

describe("year-to-date sheets in every language", () => {
  it("plan valid workbooks in en-US and zh-CN (every table's headers distinct, as Excel requires)", () => {
    const plan: CommissionPlan = {
      basis: "attainment",
      method: "retroactive",
      tiers: [{ from: 0, rate: 0.05 }, { from: 1, rate: 0.1 }],
      quota: 100,
      period: "quarter",
      cumulative: true,
      negativeTrueUp: "clawback",
    };
    for (const locale of ["en-US", "zh-CN"] as const) {
      const wb = planCommissionWorkbook(plan, quarterly([120, 10, 50]), { locale });
      if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
      expect([locale, validatePlan(wb)]).toEqual([locale, []]);
    }
  });
});
