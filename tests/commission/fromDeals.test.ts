/**
 * Credited amounts as live formulas over the Deals sheet: the commission sheets and the
 * Deals sheet in one plan, computed by HyperFormula, pay what the engine pays for the same
 * deals, before and after a deal is edited in the Deals sheet.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { BuildDependencies, CliIO, EXIT, loadBuildDependencies, runCli } from "../../src/cli/run";
import { CommissionCredits, CommissionPlan, creditWonDeals, parseCommissionPlan, runCommissionPlan } from "../../src/core/commission";
import { Deal, DealStatus, Pipeline } from "../../src/core/deal";
import { CALC_COLUMNS, FIRST_ROW, planCommissionWorkbook } from "../../src/generators/commission";
import { isInvalid } from "../../src/generators/common";
import { DEALS_COLUMN_LETTERS, dealsLayout, planDealsSheet } from "../../src/generators/deals";
import { commissionEnUS } from "../../src/i18n/commission.en-US";
import { commissionZhCN } from "../../src/i18n/commission.zh-CN";
import { sheetsEnUS } from "../../src/i18n/sheets.en-US";
import { parseCrmExport } from "../../src/import/normalize";
import { isFormulaCell, WorkbookPlan } from "../../src/workbook/plan";
import type { Locale } from "../../src/core/locale";
import { evaluatePlan, PlanEvaluation } from "../../src/workbook/preview/evaluate";
import { resolvedPlan } from "../../src/workbook/prepare";
import { oneStageDeal, oneStagePipeline } from "../support/oneStageDeal";

const root = path.join(__dirname, "..", "..");
const pipeline: Pipeline = oneStagePipeline(0.1);
const deal = (id: string, owner: string, amount: number, status: DealStatus, closeDate: string | null): Deal =>
  oneStageDeal(id, owner, amount, status, closeDate, { name: `Deal ${id}`, openProbability: 0.1 });

// Names that SUMIFS would read as operators or wildcards ("A*" would match Ann), and a
// case variant of Ann ("ann") that the sheet's "=" treats as Ann.
const DEALS: Deal[] = [
  deal("D1", "Ann", 12000, "won", "2025-01-15"),
  deal("D2", "ann", 3000, "won", "2025-01-20"),
  deal("D3", "=x", 8000, "won", "2025-01-05"),
  deal("D4", ">5", 6000, "won", "2025-02-10"),
  deal("D5", "A*", 4000, "won", "2025-02-11"),
  deal("D6", "Ann", 20000, "open", "2025-02-01"),
  deal("D7", "=x", 9000, "lost", "2025-02-03"),
  deal("D8", "A*", 7000, "won", null),
  deal("D9", "Ann", 25000, "won", "2025-02-28"),
];

const PLAN: CommissionPlan = {
  basis: "amount",
  method: "marginal",
  tiers: [
    { from: 0, rate: 0.05 },
    { from: 10000, rate: 0.1 },
  ],
  quota: { Ann: 25000 },
  defaultQuota: 20000,
  spif: { amount: 100, minDealAmount: 5000 },
  bonusBands: [{ from: 1, amount: 250 }],
};

const dealRow = (id: string) => 2 + DEALS.findIndex((d) => d.id === id);

function credits(deals: readonly Deal[]): CommissionCredits {
  const c = creditWonDeals(deals, PLAN);
  if ("errors" in c) throw new Error(JSON.stringify(c.errors));
  return c;
}

function enginePayouts(deals: readonly Deal[]): number[] {
  const run = runCommissionPlan(PLAN, credits(deals));
  if ("errors" in run) throw new Error(JSON.stringify(run.errors));
  return run.rows.map((r) => r.payout);
}

function dealsAndCommission(deals: readonly Deal[], locale: Locale = "en-US"): WorkbookPlan {
  const dealsPlan = planDealsSheet(deals, pipeline, { locale });
  if (isInvalid(dealsPlan)) throw new Error(JSON.stringify(dealsPlan.errors));
  const commission = planCommissionWorkbook(PLAN, credits(deals), { locale, creditsFromDeals: dealsLayout(deals, pipeline, locale) });
  if (isInvalid(commission)) throw new Error(JSON.stringify(commission.errors));
  return { sheets: [...dealsPlan.sheets, ...commission.sheets] };
}

function column(ev: PlanEvaluation, sheet: string, col: string, count: number): number[] {
  return ev.values(sheet, `${col}${FIRST_ROW}:${col}${FIRST_ROW + count - 1}`).map((r) => r[0] as number);
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => {
    expect(typeof v).toBe("number");
    expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected[i])));
  });
}

const REPS = commissionEnUS["sheet.reps"];
const CALC = commissionEnUS["sheet.calc"];
const DEALS_SHEET = sheetsEnUS["sheet.deals"];

describe("creditWonDeals", () => {
  it("credits won deals with a close date by owner (ignoring case) and close month", () => {
    const c = credits(DEALS);
    expect(c.periods).toEqual(["2025-01", "2025-02"]);
    expect(c.reps).toEqual(["Ann", "=x", ">5", "A*"]);
    // Ann: D1 12,000 + D2 ("ann") 3,000 in January, D9 25,000 in February; D6 is open.
    // =x: D3 8,000 in January; D7 is lost. A*: D5 4,000; D8 has no close date.
    const sum = (rep: string, period: number, field: "amount" | "spifDeals") =>
      c.credits.filter((x) => x.rep === rep && x.period === period).reduce((a, x) => a + (x[field] ?? 0), 0);
    expect([0, 1].flatMap((p) => c.reps.map((rep) => sum(rep, p, "amount")))).toEqual([15000, 8000, 0, 0, 25000, 0, 6000, 4000]);
    // SPIF deals are those of 5,000 or more: D1, D3, D4, D9 (D2 3,000 and D5 4,000 are not)
    expect([0, 1].flatMap((p) => c.reps.map((rep) => sum(rep, p, "spifDeals")))).toEqual([1, 1, 0, 0, 1, 0, 1, 0]);
  });

  it("gives reps the plan does not name the default quota", () => {
    const run = runCommissionPlan(PLAN, credits(DEALS));
    if ("errors" in run) throw new Error(JSON.stringify(run.errors));
    expect(run.rows.map((r) => r.quota)).toEqual([25000, 25000, 20000, 20000, 20000, 20000, 20000, 20000]);
    const { defaultQuota: _none, ...withoutDefault } = PLAN;
    const refused = runCommissionPlan(withoutDefault, credits(DEALS));
    expect("errors" in refused && refused.errors.map((e) => e.field)).toEqual(["quota.=x", "quota.>5", "quota.A*"]);
    const zero = parseCommissionPlan({ ...PLAN, defaultQuota: 0 });
    expect("errors" in zero && zero.errors[0].field).toBe("defaultQuota");
  });
});

describe("credited amounts as formulas over the Deals sheet (HyperFormula)", () => {
  it("writes SUMPRODUCT over the Deals sheet, comparing names with =", () => {
    const wb = resolvedPlan(dealsAndCommission(DEALS));
    const reps = wb.sheets.find((s) => s.name === REPS)!;
    const block = reps.blocks.find((b) => b.at === `A${FIRST_ROW}`)!;
    const [credited, spifDeals] = [block.cells[0][5], block.cells[0][6]];
    expect(isFormulaCell(credited) && credited.f).toBe(
      `=SUMPRODUCT(('Deals'!$D$2:$D$10=$A4)*('Deals'!$J$2:$J$10="Won")*('Deals'!$O$2:$O$10>=$H4)*('Deals'!$O$2:$O$10<=$I4)*('Deals'!$E$2:$E$10>=0)*'Deals'!$E$2:$E$10)`,
    );
    expect(isFormulaCell(spifDeals)).toBe(true);
    expect(JSON.stringify(wb)).not.toMatch(/SUMIFS|COUNTIFS/);
  });

  it("computes the hand-derived credits and the engine's payouts", () => {
    const ev = evaluatePlan(dealsAndCommission(DEALS));
    // rep by rep, period by period: Ann Jan/Feb, =x Jan/Feb, >5 Jan/Feb, A* Jan/Feb
    expectClose(column(ev, REPS, "F", 8), [15000, 25000, 8000, 0, 0, 6000, 0, 4000]);
    expectClose(column(ev, REPS, "G", 8), [1, 1, 1, 0, 0, 1, 0, 0]);
    // Marginal 5% to 10,000, 10% above; SPIF 100 per deal >= 5,000; 250 bonus at 100% of quota.
    // Ann Jan 15,000: 500 + 500 + 100 = 1,100. Ann Feb 25,000 (= her 25,000 quota):
    // 500 + 1,500 + 100 + 250 = 2,350. =x Jan 8,000: 400 + 100 = 500. >5 Feb 6,000: 300 + 100 = 400.
    // A* Feb 4,000: 200 (no SPIF).
    const hand = [1100, 2350, 500, 0, 0, 400, 0, 200];
    expectClose(column(ev, CALC, CALC_COLUMNS.payout, 8), hand);
    expectClose(enginePayouts(DEALS), hand);
  });

  it("moves the payout when a deal's amount or status is edited in the Deals sheet", () => {
    const ev = evaluatePlan(dealsAndCommission(DEALS));
    const edited = DEALS.map((d) => ({ ...d }));
    const edit = (id: string, change: Partial<Deal>) => Object.assign(edited.find((d) => d.id === id)!, change);
    const payouts = () => column(ev, CALC, CALC_COLUMNS.payout, 8);

    // =x's January deal goes from 8,000 to 12,000: 500 + 200 + 100 = 800
    ev.set(DEALS_SHEET, `${DEALS_COLUMN_LETTERS.amount}${dealRow("D3")}`, 12000);
    edit("D3", { amount: 12000 });
    expectClose(payouts(), enginePayouts(edited));
    expect(payouts()[2]).toBeCloseTo(800, 9);

    // A*'s 4,000 becomes 5,000 and now qualifies for the SPIF: 250 + 100 = 350
    ev.set(DEALS_SHEET, `${DEALS_COLUMN_LETTERS.amount}${dealRow("D5")}`, 5000);
    edit("D5", { amount: 5000 });
    expectClose(payouts(), enginePayouts(edited));
    expect(payouts()[7]).toBeCloseTo(350, 9);

    // D1 (Ann, January, 12,000) turns out lost: Ann keeps "ann"'s 3,000 -> 150, no SPIF
    ev.set(DEALS_SHEET, `${DEALS_COLUMN_LETTERS.status}${dealRow("D1")}`, "Lost");
    edit("D1", { status: "lost" });
    expectClose(payouts(), enginePayouts(edited));
    expect(payouts()[0]).toBeCloseTo(150, 9);

    // the open D6 (Ann, February, 20,000) is won: 45,000 -> 500 + 3,500 + 2 x 100 + 250 = 4,450
    ev.set(DEALS_SHEET, `${DEALS_COLUMN_LETTERS.status}${dealRow("D6")}`, "Won");
    edit("D6", { status: "won" });
    expectClose(payouts(), enginePayouts(edited));
    expect(payouts()[1]).toBeCloseTo(4450, 9);
  });

  it("computes the same in zh-CN, where the Status column says 赢单", () => {
    const ev = evaluatePlan(dealsAndCommission(DEALS, "zh-CN"));
    expectClose(column(ev, commissionZhCN["sheet.calc"], CALC_COLUMNS.payout, 8), enginePayouts(DEALS));
  });

  it("refuses periods that are not close months and reps differing only in case", () => {
    const source = dealsLayout(DEALS, pipeline);
    const quarter = planCommissionWorkbook(PLAN, { periods: ["Q1"], reps: ["Ann"], credits: [] }, { creditsFromDeals: source });
    expect(isInvalid(quarter) && quarter.errors.map((e) => e.field)).toEqual(["periods[0]"]);
    const twice = planCommissionWorkbook(PLAN, { periods: ["2025-01"], reps: ["Ann", "ANN"], credits: [] }, { creditsFromDeals: source });
    expect(isInvalid(twice) && twice.errors.map((e) => e.field)).toEqual(["reps"]);
  });
});

describe("names compared exactly in clawbacks and the summary (typed credits)", () => {
  it("reverses A*'s clawback from A* only, not from Ann (a SUMIFS criterion A* would match Ann)", () => {
    const typed: CommissionCredits = {
      periods: ["2025-01", "2025-02"],
      reps: ["Ann", "A*"],
      credits: [
        { rep: "Ann", period: 0, amount: 20000 },
        { rep: "A*", period: 0, amount: 20000 },
      ],
      clawbacks: [{ rep: "A*", period: 1, originalPeriod: 0, amount: 5000 }],
    };
    const plan: CommissionPlan = { basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.1 }], quota: 20000 };
    const wb = planCommissionWorkbook(plan, typed);
    if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
    const ev = evaluatePlan(wb);
    // January: both earn 20,000 x 10% = 2,000. February: A* has 5,000 x 10% = 500 clawed
    // back, a negative net that is carried, not paid: payout 0, closing balance 500. Ann: 0, 0.
    expectClose(column(ev, CALC, CALC_COLUMNS.clawback, 4), [0, 0, 0, 500]);
    expectClose(column(ev, CALC, CALC_COLUMNS.closing, 4), [0, 0, 0, 500]);
    expectClose(column(ev, CALC, CALC_COLUMNS.payout, 4), [2000, 0, 2000, 0]);
    expectClose(
      ev.values(commissionEnUS["sheet.summary"], "B8:B9").map((r) => r[0] as number),
      [2000, 2000],
    );
    const run = runCommissionPlan(plan, typed);
    if ("errors" in run) throw new Error(JSON.stringify(run.errors));
    expectClose(run.rows.map((r) => r.payout), [2000, 0, 2000, 0]);
  });
});

describe("the CLI with the shipped samples", () => {
  it("builds the Zoho sample with the sample plan; the payouts are the engine's over the same deals", async () => {
    const files: Record<string, string> = {
      "deals.csv": path.join(root, "samples", "zoho-deals-sample.csv"),
      "plan.json": path.join(root, "samples", "commission-plan.json"),
    };
    const err: string[] = [];
    const io: CliIO = {
      stdout: () => undefined,
      stderr: (line) => err.push(line),
      readFile: async (file) => new Uint8Array(readFileSync(files[file] ?? file)),
      writeFile: async () => undefined,
    };
    const plans: WorkbookPlan[] = [];
    const { planWorkbook } = loadBuildDependencies();
    const deps: BuildDependencies = {
      planWorkbook,
      writeXlsx: async (plan) => {
        plans.push(plan);
        return new Uint8Array([1]);
      },
    };
    const code = await runCli(["build", "--input", "deals.csv", "--commission-plan", "plan.json", "--out", "x.xlsx", "--quiet"], io, deps);
    expect(err).toEqual([]);
    expect(code).toBe(EXIT.done);

    const parsed = parseCommissionPlan(JSON.parse(readFileSync(files["plan.json"], "utf8")));
    if (!("plan" in parsed)) throw new Error(JSON.stringify(parsed.errors));
    const imported = await parseCrmExport(new Uint8Array(readFileSync(files["deals.csv"])));
    const c = creditWonDeals(imported.deals, parsed.plan);
    if ("errors" in c) throw new Error(JSON.stringify(c.errors));
    expect(c.reps.length).toBeGreaterThanOrEqual(4);
    const run = runCommissionPlan(parsed.plan, c);
    if ("errors" in run) throw new Error(JSON.stringify(run.errors));

    const ev = evaluatePlan(plans[0]);
    const n = run.rows.length;
    // the credited amounts are formulas over the Deals sheet, and they compute the engine's credits
    const reps = resolvedPlan(plans[0]).sheets.find((s) => s.name === REPS)!;
    const first = reps.blocks.find((b) => b.at === `A${FIRST_ROW}`)!.cells[0][5];
    expect(isFormulaCell(first) && first.f).toMatch(/^=SUMPRODUCT\(\('Deals'!\$D\$2:/);
    expectClose(column(ev, REPS, "F", n), run.rows.map((r) => r.credited));
    expectClose(column(ev, CALC, CALC_COLUMNS.payout, n), run.rows.map((r) => r.payout));
  });
});
