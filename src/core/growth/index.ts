/**
 * Growth: SALES.GROWTH and SALES.CAGR.
 */
import { coreError, Result } from "../errors";
import { isFiniteNumber, safeRatio } from "../_lib/domain";

/**
 * Period-over-period growth: `(current - previous) / ABS(previous)`.
 *
 * Rules: previous 0 is DIV0. The ABS keeps the sign honest on a negative base: going from
 * -100 to -50 is +50% (an improvement), where `current/previous - 1` would say -50%.
 *
 * @example growth(110, 100) // 0.1
 * @example growth(-50, -100) // 0.5
 */
export function growth(current: number, previous: number): Result {
  return safeRatio(current - previous, Math.abs(previous), "previous");
}

/**
 * Compound annual growth rate: `(end / start)^(1 / periods) - 1`, Excel's RRI(periods, start, end).
 *
 * Rules: start <= 0, end < 0 or periods <= 0 is NUM. Periods may be fractional (2.5 years),
 * as RRI allows.
 *
 * @example cagr(100, 121, 2) // 0.1
 */
export function cagr(startValue: number, endValue: number, periods: number): Result {
  if (startValue <= 0) return coreError("NUM", `start_value must be more than 0 (got ${startValue}).`);
  if (endValue < 0) return coreError("NUM", `end_value must not be negative (got ${endValue}).`);
  if (periods <= 0) return coreError("NUM", `periods must be more than 0 (got ${periods}).`);
  const v = Math.pow(endValue / startValue, 1 / periods) - 1;
  return isFiniteNumber(v) ? v : coreError("NUM", "The result is too large to represent.");
}

