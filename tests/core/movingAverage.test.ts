/**
 * SALES.MOVINGAVG's O(n) running total against the definition, the mean of each window
 * computed directly:
 * - exactly (BigInt over each window afresh): within 2^-52 relative (plus 2^-1075 absolute
 *   for a mean below the normal range), whatever the magnitudes and cancellations;
 * - in plain floating point (AVERAGE's left-to-right sum) where that sum is itself
 *   accurate (values of one sign): within 1e-12 relative.
 * The exact property is also run against a plain running sum, which must fail it: the
 * property is strict enough to catch drift.
 */
import fc from "fast-check";
import { movingAverage } from "../../src/core/forecast";
import { isCoreError, Result } from "../../src/core/errors";

type Values = (number | null)[];
type Impl = (values: Values, window: number) => Result<Result[]>;

const bits = new DataView(new ArrayBuffer(8));

/** x * 2^1074 as an exact integer. */
function scaled(x: number): bigint {
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  const exp = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << BigInt(32)) | BigInt(bits.getUint32(4));
  const m = exp === 0 ? fraction : (fraction + (BigInt(1) << BigInt(52))) * BigInt(2) ** BigInt(exp - 1);
  return high >>> 31 ? -m : m;
}

const abs = (x: bigint) => (x < BigInt(0) ? -x : x);
/** The exact sum at and above which a total rounds to ±Infinity: 2^1024 - 2^970, scaled. */
const OVERFLOW = (BigInt(2) ** BigInt(1024) - BigInt(2) ** BigInt(970)) * BigInt(2) ** BigInt(1074);

/**
 * The definition, exactly: NA before the first full window; DIV0 for a window without
 * numbers; NUM when the window's exact total rounds beyond the number range; else the
 * result is within 2^-52 relative of the exact mean.
 */
function checkExact(impl: Impl, xs: Values, w: number): void {
  const out = impl(xs, w) as Result[];
  if (!Array.isArray(out)) throw new Error("expected an array");
  for (let i = 0; i < xs.length; i++) {
    const got = out[i];
    const where = `position ${i}, window ${w}`;
    if (i < w - 1) {
      if (!isCoreError(got) || got.code !== "NA") throw new Error(`${where}: expected NA`);
      continue;
    }
    let total = BigInt(0);
    let count = 0;
    for (let j = i - w + 1; j <= i; j++) {
      const v = xs[j];
      if (v !== null) {
        total += scaled(v);
        count++;
      }
    }
    if (count === 0) {
      if (!isCoreError(got) || got.code !== "DIV0") throw new Error(`${where}: expected DIV0`);
      continue;
    }
    if (abs(total) >= OVERFLOW) {
      if (!isCoreError(got) || got.code !== "NUM") throw new Error(`${where}: expected NUM, got ${String(got)}`);
      continue;
    }
    if (typeof got !== "number") throw new Error(`${where}: expected a number, got ${got.code}`);
    // |got - total/count| <= 2^-52 |total/count| + 2^-1075 (a mean below the normal range
    // rounds to a multiple of 2^-1074), i.e. in units of 2^-1074:
    // 2^52 |got*count - total| <= |total| + count * 2^51
    const error = abs(scaled(got) * BigInt(count) - total) * BigInt(2) ** BigInt(52);
    if (error > abs(total) + BigInt(count) * BigInt(2) ** BigInt(51)) throw new Error(`${where}: ${got} is not the exact mean of the window`);
  }
}

/** The definition in plain floating point, as AVERAGE sums: left to right, per window. */
function directMeans(xs: Values, w: number): (number | null)[] {
  return xs.map((_x, i) => {
    if (i < w - 1) return null;
    let sum = 0;
    let count = 0;
    for (let j = i - w + 1; j <= i; j++) {
      const v = xs[j];
      if (v !== null) {
        sum += v;
        count++;
      }
    }
    return count ? sum / count : null;
  });
}

/** A deliberately drifting implementation: one plain running sum. */
const plainRunningSum: Impl = (xs, w) => {
  let sum = 0;
  let count = 0;
  return xs.map((v, i) => {
    if (v !== null) {
      sum += v;
      count++;
    }
    const leaving = i >= w ? xs[i - w] : null;
    if (leaving !== null) {
      sum -= leaving;
      count--;
    }
    if (i < w - 1) return { kind: "error", code: "NA", message: "" } as const;
    if (count === 0) return { kind: "error", code: "DIV0", message: "" } as const;
    return sum / count;
  });
};

const blank = fc.constant(null);
/** Magnitudes far apart and exact cancellations: 1e16 swallows 1 in a plain sum. */
const hostile = fc.constantFrom(1e16, -1e16, 1, -1, 0.1, -0.1, 3, 1e-8, 2 ** 53, -(2 ** 53), 1e300, -1e300, 1.7e308, -1.7e308, 5e-324, 0, -0);
const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
const wide = fc.oneof(
  { arbitrary: hostile, weight: 4 },
  { arbitrary: anyFinite, weight: 2 },
  { arbitrary: fc.integer({ min: -1000, max: 1000 }), weight: 2 },
  { arbitrary: blank, weight: 1 },
);
const series = (item: fc.Arbitrary<number | null>) => fc.array(item, { minLength: 0, maxLength: 60 });
const windows = fc.integer({ min: 1, max: 12 });

describe("movingAverage equals the mean of each window", () => {
  it("within 2^-52 relative of the exact mean, whatever the magnitudes and cancellations", () => {
    fc.assert(
      fc.property(series(wide), windows, (xs, w) => checkExact(movingAverage, xs, w)),
      { numRuns: 1000 },
    );
  });

  it("keeps cancelling windows exact: [1e16, 1, -1e16, ...] with window 3", () => {
    const xs = [1e16, 1, -1e16, 1e16, 1, -1e16];
    expect(movingAverage(xs, 3)).toEqual([expect.anything(), expect.anything(), 1 / 3, 1 / 3, 1 / 3, 1 / 3]);
    // where AVERAGE's left-to-right sum loses the 1: (1e16 + 1) - 1e16 = 0
    expect(directMeans(xs, 3)[2]).toBe(0);
  });

  it("within 1e-12 relative of AVERAGE's direct sum where that sum is accurate (one sign)", () => {
    const positive = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 1e9 }), blank);
    fc.assert(
      fc.property(series(positive), windows, fc.boolean(), (xs, w, negate) => {
        const values = negate ? xs.map((x) => (x === null ? null : -x)) : xs;
        const out = movingAverage(values, w) as Result[];
        directMeans(values, w).forEach((expected, i) => {
          if (expected === null) return void expect(isCoreError(out[i])).toBe(true);
          const got = out[i] as number;
          expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("the exact property catches a plain running sum's drift", () => {
    const result = fc.check(fc.property(series(wide), windows, (xs, w) => checkExact(plainRunningSum, xs, w)), { numRuns: 1000 });
    expect(result.failed).toBe(true);
    // and the simplest case: 1e16 enters and leaves, the 1 that came with it is lost
    expect(() => checkExact(plainRunningSum, [1e16, 1, 0, 0], 2)).toThrow();
    expect(() => checkExact(movingAverage, [1e16, 1, 0, 0], 2)).not.toThrow();
  });

  it("keeps the blank, window and error rules", () => {
    const err = (r: Result) => (isCoreError(r) ? r.code : r);
    expect((movingAverage([10, 20, null, 40], 2) as Result[]).map(err)).toEqual(["NA", 15, 20, 40]);
    expect((movingAverage([1, null, null], 2) as Result[]).map(err)).toEqual(["NA", 1, "DIV0"]);
    expect((movingAverage([2, 4], 2.9) as Result[]).map(err)).toEqual(["NA", 3]);
    expect(err(movingAverage([2, 4], 0) as Result)).toBe("NUM");
    expect(err(movingAverage([2, 4], NaN) as Result)).toBe("NUM");
    expect((movingAverage([1, 2], 5) as Result[]).map(err)).toEqual(["NA", "NA"]);
    // a total beyond the range is NUM in that cell only; the window moves on past it
    expect((movingAverage([1e308, 1e308, 1, 3], 2) as Result[]).map(err)).toEqual(["NA", "NUM", 5e307, 2]);
    // NaN or an infinity (never from Excel) is NUM while it is in the window
    expect((movingAverage([1, NaN, 3, 5], 2) as Result[]).map(err)).toEqual(["NA", "NUM", "NUM", 4]);
    expect((movingAverage([Infinity, 1, 3], 2) as Result[]).map(err)).toEqual(["NA", "NUM", 2]);
    // never -0
    expect(Object.is((movingAverage([-0, -0], 1) as Result[])[1], 0)).toBe(true);
  });
});
