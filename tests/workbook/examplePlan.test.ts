import { examplePlan, EXAMPLE_RISKY_TEXTS } from "../fixtures/examplePlan";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { validatePlan } from "../../src/workbook/validatePlan";

/**
 * Hand derivation of the example's numbers (deals per stage 120, 60, 30, 12):
 * - conversion from the previous stage: 120/120 = 1, 60/120 = 0.5, 30/60 = 0.5, 12/30 = 0.4
 * - total deals 120 + 60 + 30 + 12 = 222; overall win rate 12/120 = 0.1
 * - gap to the 8% target: 0.1 - 0.08 = 0.02; average per stage 222/4 = 55.5
 * - status: 0.1 >= 0.08, so "On track"; target deals won ROUND(0.08 * 120) = ROUND(9.6) = 10
 * - review date 2024-03-15: 2024-01-01 is serial 45292, plus 31 (Jan) + 29 (Feb) + 14 = 45366
 */
describe("the example plan", () => {
  const plan = examplePlan();
  const evaluation = evaluatePlan(plan);

  it("is a valid plan", () => {
    expect(validatePlan(plan)).toEqual([]);
  });

  it("computes the conversion of each stage", () => {
    const conversion = evaluation.values("Funnel", "C4:C7").map((r) => r[0] as number);
    [1, 0.5, 0.5, 0.4].forEach((expected, i) => expect(conversion[i]).toBeCloseTo(expected, 12));
  });

  it("sums the deals and the overall win rate in the totals row", () => {
    expect(evaluation.value("Funnel", "B8")).toBe(222);
    expect(evaluation.value("Funnel", "C8")).toBeCloseTo(0.1, 12);
  });

  it("reads across sheets and through defined names on the summary", () => {
    expect(evaluation.value("Stage Summary", "B3")).toBeCloseTo(0.1, 12);
    expect(evaluation.value("Stage Summary", "B4")).toBeCloseTo(0.02, 12);
    expect(evaluation.value("Stage Summary", "B5")).toBe(222);
    expect(evaluation.value("Stage Summary", "B6")).toBeCloseTo(55.5, 12);
    expect(evaluation.value("Stage Summary", "B7")).toBe("On track");
    expect(evaluation.value("Stage Summary", "B8")).toBe(10);
    expect(evaluation.value("Stage Summary", "B10")).toBe(45366);
  });

  it("keeps the data strings that look like formulas as text", () => {
    expect(evaluation.values("Funnel", "D4:D7").map((r) => r[0])).toEqual(EXAMPLE_RISKY_TEXTS);
  });

  it("stays live: a new target flips the status", () => {
    evaluation.set("Stage Summary", "B2", 0.15);
    expect(evaluation.value("Stage Summary", "B7")).toBe("Behind");
    expect(evaluation.value("Stage Summary", "B8")).toBe(18); // ROUND(0.15 * 120) = 18
  });
});
