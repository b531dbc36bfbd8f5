/**
 * Quarterly and year-to-date commission workbooks recalculated by LibreOffice equal the
 * engine: payouts, the year-to-date columns and every statement line.
 *
 * Written by the product's writer (`writeXlsxFile`), formulas without cached results, so
 * LibreOffice computes every number itself.
 */
import { promises as fs } from "fs";
import { CommissionCredits, CommissionPlan, creditWonDeals, RepPeriodPayout, runCommissionPlan } from "../../../src/core/commission";
import { Deal } from "../../../src/core/deal";
import { isInvalid } from "../../../src/generators/common";
import { CALC_COLUMNS, periodHeaderRow, planCommissionWorkbook, statementLinesOf } from "../../../src/generators/commission";
import { dealsLayout, planDealsSheet } from "../../../src/generators/deals";
import { commissionEnUS } from "../../../src/i18n/commission.en-US";
import { WorkbookPlan } from "../../../src/workbook/plan";
import { readValues } from "../../support/libreoffice";
import { column, expectNumberClose, recalculated } from "./support";
import { oneStageDeal, oneStagePipeline } from "../../support/oneStageDeal";

/** Recalculates the workbook and checks Calc (payout and the year-to-date columns) and every statement line against the engine. */
async function expectEngine(wb: WorkbookPlan, plan: CommissionPlan, credits: CommissionCredits, name: string): Promise<void> {
  const run = runCommissionPlan(plan, credits);
  if ("errors" in run) throw new Error(JSON.stringify(run.errors));
  const { file, dir } = await recalculated(wb, name);
  const n = run.rows.length;
  const calc = commissionEnUS["sheet.calc"];
  const checks: [string, (r: RepPeriodPayout) => number][] = [
    [CALC_COLUMNS.credited, (r) => r.credited],
    [CALC_COLUMNS.ytdQuota, (r) => r.ytdQuota],
    [CALC_COLUMNS.ytdCredited, (r) => r.ytdCredited],
    [CALC_COLUMNS.attainment, (r) => r.attainment],
    [CALC_COLUMNS.capped, (r) => r.capped],
    [CALC_COLUMNS.earlier, (r) => r.earlier],
    [CALC_COLUMNS.trueUp, (r) => r.trueUp],
    [CALC_COLUMNS.paidBack, (r) => r.paidBack],
    [CALC_COLUMNS.closing, (r) => r.closingBalance],
    [CALC_COLUMNS.payout, (r) => r.payout],
  ];
  for (const [col, value] of checks) {
    const read = await column(file, calc, col, n);
    run.rows.forEach((row, i) => expectNumberClose(read[i], value(row), `${name} ${col} ${row.rep} ${credits.periods[row.period]}`));
  }
  const lines = statementLinesOf(plan);
  const amounts = await column(file, commissionEnUS["sheet.statement"], "F", n * lines.length);
  const expected = run.rows.flatMap((r) => lines.map((c) => ({ c, r, amount: r.lines.find((l) => l.component === c)!.amount })));
  expected.forEach(({ c, r, amount }, i) => expectNumberClose(amounts[i], amount, `${name} statement ${r.rep} ${credits.periods[r.period]} ${c}`));
  const total = await readValues(file, commissionEnUS["sheet.summary"], "B3");
  expectNumberClose(total[0][0], run.rows.reduce((a, r) => a + r.payout, 0), `${name} summary total`);
  // the Summary per period: each period's payout over every rep
  const top = periodHeaderRow(credits.reps.length) + 1;
  const perPeriod = await readValues(file, commissionEnUS["sheet.summary"], `C${top}:C${top + credits.periods.length - 1}`);
  credits.periods.forEach((label, p) => {
    const expected = run.rows.filter((r) => r.period === p).reduce((a, r) => a + r.payout, 0);
    expectNumberClose(perPeriod[p][0], expected, `${name} summary ${label}`);
  });
  await fs.rm(dir, { recursive: true, force: true });
}

describe("period and year-to-date commission workbooks in LibreOffice", () => {
  it("a quarterly plan in a fiscal year from April, credited from the Deals sheet", async () => {
    const pipeline = oneStagePipeline(0.2);
    const deals: Deal[] = [
      oneStageDeal("D1", "Ann", 20000, "won", "2025-03-31"),
      oneStageDeal("D2", "Ann", 10000, "won", "2025-04-01"),
      oneStageDeal("D3", "=x", 45000, "won", "2025-06-30"),
      oneStageDeal("D4", "Ann", 40000, "won", "2025-10-01"),
      oneStageDeal("D5", "A*", 12000, "won", "2025-05-15"),
      oneStageDeal("D6", "A*", 30000, "lost", "2025-05-16"),
      oneStageDeal("D7", "=x", 8000, "won", null),
    ];
    const plan: CommissionPlan = {
      period: "quarter",
      fiscalYearStart: 4,
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
      spif: { amount: 100, minDealAmount: 15000 },
    };
    const credits = creditWonDeals(deals, plan);
    if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
    expect(credits.periods).toEqual(["FY2025-Q4", "FY2026-Q1", "FY2026-Q2", "FY2026-Q3"]);
    const dealsPlan = planDealsSheet(deals, pipeline, { locale: "en-US" });
    if (isInvalid(dealsPlan)) throw new Error(JSON.stringify(dealsPlan.errors));
    const wb = planCommissionWorkbook(plan, credits, { locale: "en-US", creditsFromDeals: dealsLayout(deals, pipeline, "en-US") });
    if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
    await expectEngine({ sheets: [...dealsPlan.sheets, ...wb.sheets] }, plan, credits, "quarterly");
  });

  for (const negativeTrueUp of ["carry", "clawback"] as const) {
    it(`a year-to-date plan across two fiscal years (${negativeTrueUp})`, async () => {
      const plan: CommissionPlan = {
        period: "quarter",
        fiscalYearStart: 4,
        cumulative: true,
        negativeTrueUp,
        basis: "attainment",
        method: "hybrid",
        marginalFrom: 1,
        tiers: [
          { from: 0, rate: 0.05 },
          { from: 0.5, rate: 0.1 },
          { from: 1, rate: 0.2 },
        ],
        quota: { Ann: 100000, Bo: 80000 },
        ramp: { Bo: [0.5] },
        gate: 0.3,
        cap: 15000,
        bonusBands: [{ from: 1.1, amount: 1000 }],
        spif: { amount: 150 },
        draw: { amount: 1500, recoverable: true },
      };
      const periods = ["FY2025-Q4", "FY2026-Q1", "FY2026-Q2", "FY2026-Q3", "FY2026-Q4"];
      const amounts: Record<string, number[]> = { Ann: [130000, 40000, 190000, 20000, 150000], Bo: [20000, 90000, 10000, 120000, 0] };
      const credits: CommissionCredits = {
        periods,
        reps: ["Ann", "Bo"],
        credits: Object.entries(amounts).flatMap(([rep, list]) => list.map((amount, period) => ({ rep, period, amount, spifDeals: amount > 50000 ? 1 : 0 }))),
        clawbacks: [{ rep: "Ann", period: 3, originalPeriod: 2, amount: 30000 }],
      };
      const wb = planCommissionWorkbook(plan, credits, { locale: "en-US" });
      if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
      await expectEngine(wb, plan, credits, `ytd-${negativeTrueUp}`);
    });
  }
});
