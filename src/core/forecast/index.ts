/**
 * Forecast: SALES.FORECAST (least-squares line, as FORECAST.LINEAR) and SALES.MOVINGAVG.
 */
import { isFiniteNumber } from "../_lib/domain";
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
 * >= 1 (else NUM for the whole call).
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
  for (let i = 0; i < n; i++) {
    if (i < w - 1) {
      out[i] = notYet;
      continue;
    }
    // Summed afresh per window (not a running sum) so cancellation never drifts from AVERAGE.
    let sum = 0;
    let count = 0;
    for (let j = i - w + 1; j <= i; j++) {
      const v = values[j];
      if (v !== null) {
        sum += v;
        count++;
      }
    }
    if (count === 0) out[i] = empty;
    else {
      const mean = sum / count;
      out[i] = isFiniteNumber(mean) ? mean : coreError("NUM", "The average is too large to represent.");
    }
  }
  return out;
}
