/**
 * weightedScoreOver (SALES.SCORE over a spilled range of caps) against the definition,
 * weightedScore called once per cap: the first cap exactly, every later one within 1e-12
 * relative (its sums are added in another order), errors with the same code.
 */
import fc from "fast-check";
import { weightedScore, weightedScoreOver } from "../../src/core/incentives";

const item = fc.record({
  actual: fc.oneof(fc.double({ min: -1e6, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 1000 })),
  target: fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constantFrom(0, -1, 1, 100)),
  weight: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, 1, -1)),
  lower: fc.boolean(),
});
const cap = fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(0, 1, 1.2, -1, 1e308));

function close(a: unknown, b: unknown): boolean {
  if (typeof a !== "number" || typeof b !== "number") {
    return typeof a === "object" && typeof b === "object" && (a as { code: string }).code === (b as { code: string }).code;
  }
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe("weightedScoreOver", () => {
  it("scores every cap of a range as the definition does (first cap exactly)", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 0, maxLength: 40 }), fc.array(cap, { minLength: 1, maxLength: 12 }), fc.boolean(), (items, caps, perItem) => {
        const actuals = items.map((i) => i.actual);
        const targets = items.map((i) => i.target);
        const weights = items.map((i) => i.weight);
        const lower = perItem ? items.map((i) => i.lower) : items[0]?.lower ?? false;
        const score = weightedScoreOver(actuals, targets, weights, lower);
        caps.forEach((c, k) => {
          const expected = weightedScore(actuals, targets, weights, c, lower);
          const got = score(c);
          if (k === 0) expect(got).toEqual(expected);
          else if (!close(got, expected)) throw new Error(`cap ${c}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("by hand: [120, 80] against 100 with weights 0.6 and 0.4", () => {
    const score = weightedScoreOver([120, 80], [100, 100], [0.6, 0.4]);
    // cap 1: 0.6*1 + 0.4*0.8 = 0.92; cap 1.1: 0.6*1.1 + 0.32 = 0.98; cap 1.5: 0.6*1.2 + 0.32 = 1.04
    expect(score(1)).toBeCloseTo(0.92, 12);
    expect(score(1.1)).toBeCloseTo(0.98, 12);
    expect(score(1.5)).toBeCloseTo(1.04, 12);
    expect(score(undefined)).toBeCloseTo(1.04, 12);
    expect(score(-1)).toEqual(expect.objectContaining({ code: "NUM" }));
  });
});
