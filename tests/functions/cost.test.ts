/**
 * The linear-cost paths through the runner: a spilled range of CSAT thresholds gives what
 * one call per threshold gives, and MOVINGAVG keeps its blank and text rules.
 */
import fc from "fast-check";
import { call, callGrid, code, codes } from "./support";

describe("linear-cost paths through the runner", () => {
  it("CSAT over a range of thresholds equals one call per threshold", () => {
    const rating = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(null), fc.constant("n/a"));
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 60 }).map((x) => x / 10), { minLength: 1, maxLength: 8 }), (ratings, mins) => {
        const column = ratings.map((r) => [r]);
        const spilled = callGrid("CSAT", column, mins.map((m) => [m]));
        mins.forEach((m, i) => expect(code(spilled[i][0])).toEqual(code(call("CSAT", column, [[m]]))));
      }),
      { numRuns: 200 },
    );
  });

  it("MOVINGAVG skips blanks and text, and averages cancelling windows exactly", () => {
    expect(codes(callGrid("MOVINGAVG", [[10], ["x"], [null], [40]], 2))).toEqual([["#N/A"], [10], ["#DIV/0!"], [40]]);
    expect(codes(callGrid("MOVINGAVG", [[1e16, 1, -1e16, 1e16]], 3))).toEqual([["#N/A", "#N/A", 1 / 3, 1 / 3]]);
  });
});
