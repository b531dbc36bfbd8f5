/**
 * Pipeline metrics: SALES.WEIGHTED, SALES.COVERAGE, SALES.VELOCITY, SALES.CYCLE.
 */
import { coreError, Result } from "../errors";
import { isFiniteNumber, negativeCount, outsideUnit, safeRatio } from "../_lib/domain";

/**
 * Probability-weighted pipeline: the sum of amount * probability over aligned pairs.
 *
 * Rules: probabilities are decimals in [0, 1] (60 is not 60%: NUM); amounts may be
 * negative; no pairs sum to 0; arrays of different lengths are VALUE.
 *
 * @example weightedPipeline([1000, 500], [0.5, 0.2]) // 600
 */
export function weightedPipeline(amounts: readonly number[], probabilities: readonly number[]): Result {
  if (amounts.length !== probabilities.length) {
    return coreError("VALUE", "amounts and probabilities must have the same number of cells.");
  }
  let sum = 0;
  for (let i = 0; i < amounts.length; i++) {
    const bad = outsideUnit(probabilities[i], "probability");
    if (bad) return bad;
    sum += amounts[i] * probabilities[i];
  }
  return isFiniteNumber(sum) ? sum : coreError("NUM", "The result is too large to represent.");
}

/**
 * Pipeline coverage of the target still to win: `pipeline / remaining_target`.
 *
 * Rules: remaining_target < 0 is NUM, 0 is DIV0 (the target is already met).
 *
 * @example coverage(300000, 100000) // 3
 */
export function coverage(pipeline: number, remainingTarget: number): Result {
  if (remainingTarget < 0) {
    return coreError("NUM", `remaining_target must not be negative (got ${remainingTarget}).`);
  }
  return safeRatio(pipeline, remainingTarget, "remaining_target");
}

/**
 * Sales velocity, money per day: `opportunities * avg_deal_size * win_rate / cycle_days`.
 *
 * Rules: opportunities and cycle_days are counts (>= 0, else NUM); win_rate in [0, 1];
 * cycle_days 0 is DIV0.
 *
 * @example velocity(50, 10000, 0.2, 40) // 2500
 */
export function velocity(opportunities: number, avgDealSize: number, winRate: number, cycleDays: number): Result {
  const bad =
    negativeCount(opportunities, "opportunities") ||
    outsideUnit(winRate, "win_rate") ||
    negativeCount(cycleDays, "cycle_days");
  if (bad) return bad;
  return safeRatio(opportunities * avgDealSize * winRate, cycleDays, "cycle_days");
}

/**
 * Average sales cycle in days: the mean of end - start over aligned date pairs (Excel
 * date serials).
 *
 * Rules: an end before its start is NUM; no pair is DIV0.
 *
 * @example averageCycle([45000, 45010], [45030, 45020]) // (30 + 10) / 2 = 20
 */
export function averageCycle(startDates: readonly number[], endDates: readonly number[]): Result {
  if (startDates.length !== endDates.length) {
    return coreError("VALUE", "start_dates and end_dates must have the same number of cells.");
  }
  let total = 0;
  for (let i = 0; i < startDates.length; i++) {
    const days = endDates[i] - startDates[i];
    if (days < 0) {
      return coreError("NUM", `Pair ${i + 1} ends (${endDates[i]}) before it starts (${startDates[i]}).`);
    }
    total += days;
  }
  if (startDates.length === 0) return coreError("DIV0", "There is no pair with both a start and an end date.");
  return safeRatio(total, startDates.length, "the number of pairs");
}
