/**
 * SALES.CSAT over a spilled range of thresholds sorts the ratings once: csatOver(r)(m)
 * must be exactly the share a direct count gives, for every threshold.
 */
import fc from "fast-check";
import { csat, csatOver } from "../../src/core/customers";
import { isCoreError, Result } from "../../src/core/errors";

/** The definition: the share of ratings >= min, counted one by one. */
function direct(ratings: number[], min: number): Result {
  if (ratings.length === 0) return { kind: "error", code: "DIV0", message: "" };
  let satisfied = 0;
  for (const r of ratings) if (r >= min) satisfied++;
  return satisfied / ratings.length;
}

const same = (a: Result, b: Result) => (isCoreError(a) ? isCoreError(b) && a.code === b.code : Object.is(a, b));

const rating = fc.oneof(
  fc.integer({ min: 0, max: 6 }),
  fc.constantFrom(-0, 0, 2.5, 4, NaN, Infinity, -Infinity),
  fc.double({ noNaN: true }),
);
const threshold = fc.oneof(rating, fc.constantFrom(NaN, Infinity, -Infinity, -0));

describe("csatOver equals CSAT counted directly", () => {
  it("for every threshold, exactly", () => {
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 40 }), fc.array(threshold, { minLength: 1, maxLength: 10 }), (ratings, mins) => {
        const at = csatOver(ratings);
        for (const m of mins) {
          expect(same(at(m), direct(ratings, m))).toBe(true);
          expect(same(at(m), csat(ratings, m))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("defaults to 4 and is DIV0 without ratings", () => {
    expect(csatOver([5, 4, 3, 2])()).toBe(0.5);
    expect(csatOver([5, 4, 3, 2])(4)).toBe(0.5);
    const none = csatOver([])(4);
    expect(isCoreError(none) && none.code).toBe("DIV0");
  });

  it("does not reorder the caller's ratings", () => {
    const ratings = [5, 1, 4];
    csatOver(ratings)(3);
    expect(ratings).toEqual([5, 1, 4]);
  });
});
