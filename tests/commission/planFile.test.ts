import { readFileSync } from "fs";
import * as path from "path";
import { parseCommissionPlan, runCommissionPlan } from "../../src/core/commission";

const root = path.join(__dirname, "..", "..");
const sample = JSON.parse(readFileSync(path.join(root, "samples", "commission-plan.json"), "utf8"));
const schema = JSON.parse(readFileSync(path.join(root, "docs", "commission-plan.schema.json"), "utf8"));

describe("the plan file format", () => {
  it("reads the sample plan", () => {
    const parsed = parseCommissionPlan(sample);
    expect("plan" in parsed).toBe(true);
  });
  it("documents exactly the fields the parser accepts", () => {
    // an unknown field is refused: every schema property must be accepted, and a made-up one refused
    for (const field of Object.keys(schema.properties)) {
      const parsed = parseCommissionPlan({ ...sample, [field]: sample[field] });
      expect("errors" in parsed ? parsed.errors.filter((e) => e.field === field && /Unknown/.test(e.message)) : []).toEqual([]);
    }
    const typo = parseCommissionPlan({ ...sample, gates: 0.5 });
    expect("errors" in typo && typo.errors[0].field).toBe("gates");
    expect(schema.required).toEqual(["basis", "method", "tiers", "quota"]);
  });
  it("pays the sample plan's worked example from docs/commission.md", () => {
    const parsed = parseCommissionPlan(sample);
    if (!("plan" in parsed)) throw new Error("sample invalid");
    const run = runCommissionPlan(parsed.plan, {
      periods: ["2025-01", "2025-02", "2025-03"],
      reps: ["Ann"],
      credits: [
        { rep: "Ann", period: 0, amount: 130000, spifDeals: 2 },
        { rep: "Ann", period: 1, amount: 20000 },
        { rep: "Ann", period: 2, amount: 60000 },
      ],
      clawbacks: [{ rep: "Ann", period: 2, originalPeriod: 0, amount: 25000 }],
    });
    if ("errors" in run) throw new Error(JSON.stringify(run.errors));
    // January: 130% of 100,000 -> 100,000 x 10% + 30,000 x 20% = 16,000; SPIF 2 x 200 = 400;
    //   bonus (>= 120%) 1,000 -> 17,400 (under the 30,000 cap). Rate paid = 16,000 / 130,000.
    // February: 20% < 25% gate -> 0 earned; the draw pays 2,000, balance 2,000.
    // March: 60% -> 60,000 x 10% = 6,000; clawback 25,000 x 16,000/130,000 = 3,076.92...;
    //   net 2,923.08 - balance 2,000 = 923.08 < draw -> paid 2,000, balance 1,076.92
    const clawback = (25000 * 16000) / 130000;
    expect(run.rows.map((r) => r.payout)).toEqual([17400, 2000, 2000].map((v) => expect.closeTo(v, 6)));
    expect(run.rows[2].clawback).toBeCloseTo(clawback, 6);
    expect(run.rows[2].closingBalance).toBeCloseTo(2000 - (6000 - clawback - 2000), 6);
  });
});
