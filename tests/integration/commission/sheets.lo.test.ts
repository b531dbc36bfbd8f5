/**
 * The commission sheets recalculated by LibreOffice equal the engine's payouts.
 *
 * The workbook is written by the product's own writer (`writeXlsxFile`, the path the CLI
 * takes: styles, tables, validations, conditional formats and the Summary chart included,
 * formulas without cached results), so what LibreOffice recalculates is what a user opens.
 */
import { promises as fs } from "fs";
import { CommissionCredits, CommissionPlan, creditWonDeals, runCommissionPlan } from "../../../src/core/commission";
import { Deal, DealStatus, Pipeline } from "../../../src/core/deal";
import { isInvalid } from "../../../src/generators/common";
import { CALC_COLUMNS, planCommissionWorkbook, STATEMENT_LINES } from "../../../src/generators/commission";
import { DEALS_COLUMNS, dealsLayout, planDealsSheet } from "../../../src/generators/deals";
import { commissionEnUS } from "../../../src/i18n/commission.en-US";
import { WorkbookPlan } from "../../../src/workbook/plan";
import { readValues } from "../../support/libreoffice";
import { column, expectNumberClose, recalculated } from "./support";
import { oneStageDeal, oneStagePipeline } from "../../support/oneStageDeal";

function scenario(method: CommissionPlan["method"]): { plan: CommissionPlan; credits: CommissionCredits } {
  return {
    plan: {
      basis: method === "hybrid" ? "attainment" : "amount",
      method,
      tiers:
        method === "hybrid"
          ? [
              { from: 0, rate: 0.05 },
              { from: 0.5, rate: 0.1 },
              { from: 1, rate: 0.2 },
            ]
          : [
              { from: 0, rate: 0.05 },
              { from: 10000, rate: 0.1 },
              { from: 20000, rate: 0.2 },
            ],
      marginalFrom: method === "hybrid" ? 1 : undefined,
      quota: { Ann: 20000, Bo: 15000, Chen: 30000 },
      gate: 0.25,
      cap: 7000,
      draw: { amount: 1000, recoverable: true },
      spif: { amount: 100 },
      bonusBands: [
        { from: 1, amount: 300 },
        { from: 1.3, amount: 800 },
      ],
      ramp: { Chen: [0.5, 0.75, 1] },
      proration: { Bo: [1, 0.5, 1] },
    },
    credits: {
      periods: ["2025-01", "2025-02", "2025-03"],
      reps: ["Ann", "Bo", "Chen"],
      credits: [
        { rep: "Ann", period: 0, amount: 26000, spifDeals: 2 },
        { rep: "Ann", period: 1, amount: 2000 },
        { rep: "Ann", period: 2, amount: 14000, spifDeals: 1 },
        { rep: "Bo", period: 0, amount: 9000 },
        { rep: "Bo", period: 1, amount: 16000, spifDeals: 0.5 },
        { rep: "Bo", period: 2, amount: 31000 },
        { rep: "Chen", period: 0, amount: 12000 },
        { rep: "Chen", period: 2, amount: 45000 },
      ],
      clawbacks: [
        { rep: "Ann", period: 2, originalPeriod: 0, amount: 6000 },
        { rep: "Bo", period: 2, originalPeriod: 1, amount: 4000 },
      ],
    },
  };
}

describe("commission sheets in LibreOffice", () => {
  for (const method of ["marginal", "retroactive", "hybrid"] as const) {
    it(`computes the engine's payouts and statement (${method})`, async () => {
      const { plan, credits } = scenario(method);
      const wb = planCommissionWorkbook(plan, credits, { locale: "en-US" });
      if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
      const run = runCommissionPlan(plan, credits);
      if ("errors" in run) throw new Error(JSON.stringify(run.errors));
      const { file, dir } = await recalculated(wb, `commission-${method}`);
      const n = run.rows.length;
      const payouts = await column(file, commissionEnUS["sheet.calc"], CALC_COLUMNS.payout, n);
      run.rows.forEach((row, i) => expectNumberClose(payouts[i], row.payout, `payout ${row.rep} ${row.period}`));
      const amounts = await column(file, commissionEnUS["sheet.statement"], "F", n * 8);
      const expected = run.rows.flatMap((r) => STATEMENT_LINES.map((c) => ({ c, r, amount: r.lines.find((l) => l.component === c)!.amount })));
      expected.forEach(({ c, r, amount }, i) => expectNumberClose(amounts[i], amount, `statement ${r.rep} ${r.period} ${c}`));
      const total = await readValues(file, commissionEnUS["sheet.summary"], "B3");
      expectNumberClose(total[0][0], run.rows.reduce((a, r) => a + r.payout, 0), "summary total");
      const check = await readValues(file, commissionEnUS["sheet.plan"], "B14");
      expect(check[0][0]).toBe("OK");
      await fs.rm(dir, { recursive: true, force: true });
    });
  }

  it("reads the credited amounts from the Deals sheet, hostile names included, before and after a deal is edited", async () => {
    const pipeline: Pipeline = oneStagePipeline(0.2);
    const deal = (id: string, owner: string, amount: number, status: DealStatus, closeDate: string | null): Deal =>
      oneStageDeal(id, owner, amount, status, closeDate, { openProbability: 0.2 });
    const deals: Deal[] = [
      deal("D1", "Ann", 26000, "won", "2025-01-15"),
      deal("D2", "A*", 9000, "won", "2025-01-20"),
      deal("D3", "=x", 16000, "won", "2025-02-05"),
      deal("D4", ">5", 31000, "won", "2025-02-10"),
      deal("D5", "ann", 14000, "won", "2025-02-11"),
      deal("D6", "A*", 20000, "open", "2025-02-01"),
      deal("D7", "=x", 5000, "lost", "2025-01-03"),
    ];
    const { plan } = scenario("marginal");
    const commissionPlan: CommissionPlan = { ...plan, quota: { Ann: 20000 }, defaultQuota: 15000, ramp: undefined, proration: undefined, spif: { amount: 100, minDealAmount: 10000 } };
    const payoutsFor = (list: Deal[]) => {
      const credits = creditWonDeals(list, commissionPlan);
      if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
      const run = runCommissionPlan(commissionPlan, credits);
      if ("errors" in run) throw new Error(JSON.stringify(run.errors));
      return { credits, rows: run.rows };
    };
    const build = (list: Deal[]): WorkbookPlan => {
      const dealsPlan = planDealsSheet(list, pipeline, { locale: "en-US" });
      if (isInvalid(dealsPlan)) throw new Error(JSON.stringify(dealsPlan.errors));
      const wb = planCommissionWorkbook(commissionPlan, payoutsFor(list).credits, {
        locale: "en-US",
        creditsFromDeals: dealsLayout(list, pipeline, "en-US"),
      });
      if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
      return { sheets: [...dealsPlan.sheets, ...wb.sheets] };
    };
    const original = build(deals);
    // The same workbook with D6 (A*'s open 20,000 deal) turned to won in the Deals sheet: the
    // commission sheets are unchanged, only the Deals cell is edited, as a user would.
    const edited: WorkbookPlan = {
      sheets: original.sheets.map((sheet, s) =>
        s !== 0
          ? sheet
          : {
              ...sheet,
              blocks: sheet.blocks.map((block) =>
                block.at !== "A2"
                  ? block
                  : { ...block, cells: block.cells.map((row, r) => (r === 5 ? row.map((cell, c) => (c === DEALS_COLUMNS.status - 1 ? "Won" : cell)) : row)) },
              ),
            },
      ),
    };
    const editedDeals = deals.map((d) => (d.id === "D6" ? { ...d, status: "won" as const } : d));
    const cases: [string, WorkbookPlan, ReturnType<typeof payoutsFor>][] = [
      ["original", original, payoutsFor(deals)],
      ["edited", edited, payoutsFor(editedDeals)],
    ];
    for (const [name, wb, expected] of cases) {
      const { file, dir } = await recalculated(wb, `commission-deals-${name}`);
      const n = expected.rows.length;
      const credited = await column(file, commissionEnUS["sheet.reps"], "F", n);
      const payouts = await column(file, commissionEnUS["sheet.calc"], CALC_COLUMNS.payout, n);
      expected.rows.forEach((row, i) => {
        expectNumberClose(credited[i], row.credited, `${name} credited ${row.rep} ${row.period}`);
        expectNumberClose(payouts[i], row.payout, `${name} payout ${row.rep} ${row.period}`);
      });
      await fs.rm(dir, { recursive: true, force: true });
    }
    // the edit did move a payout (A* in February: 0 credited before, 20,000 after)
    const before = payoutsFor(deals).rows;
    const after = payoutsFor(editedDeals).rows;
    expect(before.map((r) => [r.rep, r.period])).toEqual(after.map((r) => [r.rep, r.period]));
    expect(after.some((r, i) => Math.abs(r.payout - before[i].payout) > 1)).toBe(true);
  });
});
