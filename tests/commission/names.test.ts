/**
 * Names of the plan that match no deal owner: still listed with no credit (a draw may be
 * owed), reported with the closest owner's name by the engine, on the Plan sheet, and by
 * `commissionNameWarnings` for the command line.
 */
import {
  CommissionPlan,
  commissionNameWarnings,
  creditDeals,
  creditWonDeals,
  nameWarnings,
  runCommissionPlan,
} from "../../src/core/commission";
import { Deal } from "../../src/core/deal";
import { composeWorkbook } from "../../src/compose";
import { isInvalid } from "../../src/generators/common";
import { PLAN_CELLS, planCommissionWorkbook } from "../../src/generators/commission";
import { commissionMessage } from "../../src/i18n/commission";
import { commissionEnUS } from "../../src/i18n/commission.en-US";
import { oneStageDeal, oneStagePipeline } from "../support/oneStageDeal";

const deals: Deal[] = [
  oneStageDeal("D1", "Tom Brennan", 30000, "won", "2025-01-10"),
  oneStageDeal("D2", "Ann Lee", 10000, "won", "2025-01-20"),
  oneStageDeal("D3", "Tom Brennan", 5000, "won", "2025-02-03"),
];

const plan: CommissionPlan = {
  basis: "amount",
  method: "marginal",
  tiers: [{ from: 0, rate: 0.1 }],
  quota: { Tom: 50000, "Ann Lee": 40000 },
  defaultQuota: 30000,
  draw: { amount: 500, recoverable: false },
  ramp: { Bo: [0.5] },
  proration: { "ann lee": [0.5] },
};

describe("names of the plan that own no deal", () => {
  it("lists them with no credit when the plan gives them a quota, and reports each with the closest owner", () => {
    const credits = creditWonDeals(deals, plan);
    if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
    // owners first (in deal order), then the plan's names: "Tom" (quota), "Bo" (ramp, default quota);
    // "ann lee" is Ann Lee spelt differently (the sheets compare ignoring case): not a second rep
    expect(credits.reps).toEqual(["Tom Brennan", "Ann Lee", "Tom", "Bo"]);
    const run = runCommissionPlan(plan, credits);
    if ("errors" in run) throw new Error(JSON.stringify(run.errors));
    expect(run.warnings.map((w) => [w.field, w.message])).toEqual([
      ["quota.Tom", 'quota names "Tom", who owns no deal; did you mean "Tom Brennan"?'],
      ["ramp.Bo", 'ramp names "Bo", who owns no deal.'],
      ["proration.ann lee", 'proration names "ann lee", who owns no deal; did you mean "Ann Lee"?'],
    ]);
    // Tom and Bo are credited nothing and paid the non-recoverable draw, 500 a month:
    // January and February, max(0 earned, 500) = 500 each.
    // Tom Brennan (default quota 30,000): January 30,000 x 10% = 3,000; February 5,000 x 10% = 500.
    // Ann Lee: January 10,000 x 10% = 1,000; February nothing earned, the draw pays 500.
    expect(run.rows.map((r) => [r.rep, r.period, r.credited, r.payout])).toEqual([
      ["Tom Brennan", 0, 30000, 3000],
      ["Tom Brennan", 1, 5000, 500],
      ["Ann Lee", 0, 10000, 1000],
      ["Ann Lee", 1, 0, 500],
      ["Tom", 0, 0, 500],
      ["Tom", 1, 0, 500],
      ["Bo", 0, 0, 500],
      ["Bo", 1, 0, 500],
    ]);
  });

  it("does not list a name the plan gives no quota (it is only reported)", () => {
    const noDefault: CommissionPlan = { ...plan, defaultQuota: undefined, quota: { "Tom Brennan": 50000, "Ann Lee": 40000 } };
    const credits = creditWonDeals(deals, noDefault);
    if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
    expect(credits.reps).toEqual(["Tom Brennan", "Ann Lee"]);
    expect(nameWarnings(noDefault, credits).map((w) => w.field)).toEqual(["ramp.Bo", "proration.ann lee"]);
  });

  it("reports a split rep who is credited nothing", () => {
    const splitPlan: CommissionPlan = { basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.1 }], quota: 1000 };
    const splitDeals = [{ id: "X", amount: 100, period: 0, splits: [{ rep: "Ann Lee", share: 1 }, { rep: "Anne Le", share: 0 }] }];
    const credits = creditDeals(splitDeals, splitPlan, ["2025-01"]);
    if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
    expect(nameWarnings(splitPlan, credits, splitDeals).map((w) => w.message)).toEqual([
      'deals[0].splits[1] names "Anne Le", who owns no deal; did you mean "Ann Lee"?',
    ]);
  });

  it("gives the command line the same warnings, in both languages", () => {
    const warnings = commissionNameWarnings(plan, deals);
    expect(warnings.map((w) => w.field)).toEqual(["quota.Tom", "ramp.Bo", "proration.ann lee"]);
    expect(commissionMessage("zh-CN", warnings[0])).toBe("quota 中写了“Tom”，但此人没有任何交易；是否指“Tom Brennan”？");
  });

  it("writes them on the Plan sheet, below the settings", () => {
    const credits = creditWonDeals(deals, plan);
    if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
    const wb = planCommissionWorkbook(plan, credits, { locale: "en-US" });
    if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
    const sheet = wb.sheets.find((s) => s.name === commissionEnUS["sheet.plan"])!;
    const title = sheet.blocks.find((b) => b.at === `A${PLAN_CELLS.warningsTop}`)!;
    expect(title.cells).toEqual([[commissionEnUS["plan.warnings"]]]);
    const lines = sheet.blocks.find((b) => b.at === `A${PLAN_CELLS.warningsTop + 1}`)!;
    expect(lines.cells.map((r) => r[0])).toEqual([
      'quota names "Tom", who owns no deal; did you mean "Tom Brennan"?',
      'ramp names "Bo", who owns no deal.',
      'proration names "ann lee", who owns no deal; did you mean "Ann Lee"?',
    ]);
  });

  it("builds through compose with the listed reps, and no warning block when every name owns a deal", () => {
    const composed = composeWorkbook([{ id: "commission", values: { plan, credits: { from: "deals" } } }], { deals: { deals, pipeline: oneStagePipeline(0.2) } }, { locale: "en-US", currency: "USD" });
    if (!composed.ok) throw new Error(JSON.stringify(composed.errors));
    const clean: CommissionPlan = { ...plan, quota: { "Tom Brennan": 50000 }, ramp: undefined, proration: undefined };
    const credits = creditWonDeals(deals, clean);
    if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
    const wb = planCommissionWorkbook(clean, credits, { locale: "en-US" });
    if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
    expect(wb.sheets[0].blocks.some((b) => b.at === `A${PLAN_CELLS.warningsTop}`)).toBe(false);
  });
});
