/**
 * Forecast: SALES.FORECAST (least-squares line, as FORECAST.LINEAR) and SALES.MOVINGAVG.
 */
import { isFiniteNumber } from "../_lib/domain";
import { RunningSum } from "../_lib/exactSum";
import { coreError, CoreError, Result } from "../errors";

/** A fitted straight line `value = intercept + slope * period`. */
export interface LinearFit {
  readonly intercept: number;
  readonly slope: number;
}

/**
 * Fits the least-squares line through (period, value) points, as FORECAST.LINEAR does.
 *
 * Rules: lists of different lengths are NA; fewer than one point or periods all equal
 * (zero variance) is DIV0.
 *
 * @example fitLine([10, 20, 30], [1, 2, 3]) // { intercept: 0, slope: 10 }
 */
export function fitLine(values: readonly number[], periods: readonly number[]): LinearFit | CoreError {
  if (values.length !== periods.length) {
    return coreError("NA", "known_values and known_periods must have the same number of points.");
  }
  const n = values.length;
  if (n === 0) return coreError("DIV0", "There are no known points to fit a line through.");
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    sumX += periods[i];
    sumY += values[i];
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = periods[i] - meanX;
    sxy += dx * (values[i] - meanY);
    sxx += dx * dx;
  }
  if (sxx === 0) return coreError("DIV0", "All known periods are equal, so no line can be fitted.");
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  if (!isFiniteNumber(slope) || !isFiniteNumber(intercept)) {
    return coreError("NUM", "The known points are too large to fit a line through.");
  }
  return { intercept, slope };
}

/** Evaluates a fitted line at x. */
export function lineAt(fit: LinearFit, x: number): Result {
  const v = fit.intercept + fit.slope * x;
  return isFiniteNumber(v) ? v : coreError("NUM", "The forecast is too large to represent.");
}

/**
 * Moving average over positions in reading order: at position i, the mean of the numbers
 * among positions i-window+1..i.
 *
 * Rules: `null` marks a blank, skipped as AVERAGE skips it; a window with no numbers is
 * DIV0; the first window-1 positions are NA; window is truncated to an integer and must be
 * >= 1 (else NUM for the whole call); a window whose total is beyond the number range
 * (about ±1.8e308), or that holds NaN or an infinity, is NUM in that cell.
 *
 * Accuracy: each average is the window's exact total rounded once to the nearest number,
 * then divided by its count, so it is within 2^-52 (about 2.2e-16) relative of the exact
 * mean of the window (and within 2.5e-324 of a mean below 2.2e-308), whatever the
 * magnitudes and cancellations (the window [1e16, 1, -1e16] averages 1/3). A plain left-to-right sum, as AVERAGE does, can only be less
 * accurate: where it is itself accurate (values of one sign) the two agree within 1e-12
 * relative. (A host without BigInt rounds a window holding a value of 2^969, about 2.5e291,
 * or more in two parts instead.)
 *
 * Cost: O(n) whatever the window: one exact running total (see `RunningSum`) takes each
 * value in as the window reaches it and takes it out as the window leaves it, so the total
 * never drifts the way a plain running sum does.
 *
 * @example movingAverage([10, 20, null, 40], 2) // [NA, 15, 20, 40]
 */
export function movingAverage(values: readonly (number | null)[], window: number): Result<Result[]> {
  const w = Math.trunc(window);
  if (!(w >= 1)) return coreError("NUM", `window must be 1 or more (got ${window}).`);
  const n = values.length;
  const out: Result[] = new Array(n);
  const notYet = coreError("NA", `A moving average needs ${w} positions before it starts.`);
  const empty = coreError("DIV0", "This window holds no numbers.");
  const tooLarge = coreError("NUM", "The average is too large to represent.");
  const sum = new RunningSum();
  let count = 0; // numbers in the window
  let notFinite = 0; // of which NaN or infinite (never in the running sum)
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null) {
      count++;
      if (isFiniteNumber(v)) sum.add(v);
      else notFinite++;
    }
    if (i >= w) {
      const leaving = values[i - w];
      if (leaving !== null) {
        count--;
        if (isFiniteNumber(leaving)) sum.remove(leaving);
        else notFinite--;
      }
    }
    if (i < w - 1) out[i] = notYet;
    else if (count === 0) out[i] = empty;
    else if (notFinite > 0) out[i] = tooLarge;
    else {
      const total = sum.value();
      out[i] = isFiniteNumber(total) ? total / count : tooLarge;
    }
  }
  return out;
}
