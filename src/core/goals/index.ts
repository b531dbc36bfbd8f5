/**
 * Goals and pace: SALES.ATTAINMENT, SALES.PACE, SALES.PROJECTION, SALES.RUNRATE.
 */
import { coreError, Result } from "../errors";
import { isFiniteNumber, safeRatio } from "../_lib/domain";

/**
 * Attainment of a target: `actual / target`.
 *
 * Rules: target < 0 is NUM (a negative target has no meaning), target 0 is DIV0; actual
 * may be any number (a negative actual is a net credit).
 *
 * @example attainment(120, 100) // 1.2
 */
export function attainment(actual: number, target: number): Result {
  if (target < 0) return coreError("NUM", `target must not be negative (got ${target}).`);
  return safeRatio(actual, target, "target");
}

/**
 * Checks the time arguments of PACE and PROJECTION and returns the elapsed share of the
 * period in (0, 1]: elapsed beyond the period counts as the whole period.
 */
function elapsedShare(elapsed: number, periodLength: number): Result {
  if (elapsed <= 0) return coreError("NUM", `elapsed must be more than 0 (got ${elapsed}).`);
  if (periodLength <= 0) return coreError("NUM", `period_length must be more than 0 (got ${periodLength}).`);
  return elapsed >= periodLength ? 1 : elapsed / periodLength;
}

/**
 * Pace against a target prorated to the time elapsed:
 * `actual / (target * elapsed / period_length)`.
 *
 * Rules: any consistent unit (days, weeks); elapsed > period_length counts as
 * period_length; elapsed <= 0 or period_length <= 0 is NUM; target < 0 is NUM; target 0 is DIV0.
 *
 * @example pace(50, 100, 10, 20) // 50 / (100 * 0.5) = 1
 */
export function pace(actual: number, target: number, elapsed: number, periodLength: number): Result {
  if (target < 0) return coreError("NUM", `target must not be negative (got ${target}).`);
  const share = elapsedShare(elapsed, periodLength);
  if (typeof share !== "number") return share;
  return safeRatio(actual, target * share, "target");
}

/**
 * Straight-line projection of the period's total: `actual * period_length / elapsed`.
 *
 * Rules: as PACE (elapsed beyond the period counts as the period, so the projection is
 * then the actual itself).
 *
 * @example projection(30, 10, 30) // 90
 */
export function projection(actual: number, elapsed: number, periodLength: number): Result {
  const share = elapsedShare(elapsed, periodLength);
  if (typeof share !== "number") return share;
  return safeRatio(actual, share, "elapsed");
}

/**
 * Annual run rate: `period_value * periods_per_year`.
 *
 * Rules: periods_per_year <= 0 is NUM.
 *
 * @example runRate(10000, 12) // 120000
 */
export function runRate(periodValue: number, periodsPerYear: number): Result {
  if (periodsPerYear <= 0) return coreError("NUM", `periods_per_year must be more than 0 (got ${periodsPerYear}).`);
  const v = periodValue * periodsPerYear;
  return isFiniteNumber(v) ? v : coreError("NUM", "The result is too large to represent.");
}
