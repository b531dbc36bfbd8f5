/**
 * Incentives and appraisal: SALES.SCORE (the weighted KPI scorecard).
 */
import { isFiniteNumber } from "../_lib/domain";
import { coreError, Result } from "../errors";

/**
 * Weighted score: sum of w * MIN(ratio, cap) / sum of w, where ratio = actual / target, or
 * target / actual where lower is better (costs, cycle days, complaints).
 *
 * Rules:
 * - Arrays aligned (same length, else VALUE); `lowerIsBetter` is one flag for all or one per item.
 * - A weight must be >= 0 (NUM); the weights adding up to 0 (or no items) is DIV0.
 * - The denominator of a ratio (target, or actual where lower is better) must be > 0:
 *   negative is NUM, 0 is DIV0.
 * - cap undefined means no cap; a cap applies to each ratio before weighting; a negative cap is NUM.
 * - NUM anywhere wins over DIV0 anywhere.
 *
 * @example score([120, 80], [100, 100], [0.6, 0.4], 1.1) // (0.6*1.1 + 0.4*0.8) / 1 = 0.98
 */
export function weightedScore(
  actuals: readonly number[],
  targets: readonly number[],
  weights: readonly number[],
  cap?: number,
  lowerIsBetter: boolean | readonly boolean[] = false,
): Result {
  const n = actuals.length;
  if (targets.length !== n || weights.length !== n || (typeof lowerIsBetter !== "boolean" && lowerIsBetter.length !== n)) {
    return coreError("VALUE", "actuals, targets and weights must have the same shape.");
  }
  if (cap !== undefined && cap < 0) return coreError("NUM", `cap must not be negative (got ${cap}).`);
  // Domain errors (NUM) anywhere win over a zero denominator (DIV0) anywhere.
  for (let i = 0; i < n; i++) {
    if (weights[i] < 0) return coreError("NUM", `weights must not be negative (got ${weights[i]}).`);
    const lower = typeof lowerIsBetter === "boolean" ? lowerIsBetter : lowerIsBetter[i];
    const den = lower ? actuals[i] : targets[i];
    if (den < 0) {
      return coreError("NUM", `Item ${i + 1}: the ${lower ? "actual (lower is better)" : "target"} must not be negative (got ${den}).`);
    }
  }
  let weighted = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    const lower = typeof lowerIsBetter === "boolean" ? lowerIsBetter : lowerIsBetter[i];
    const num = lower ? targets[i] : actuals[i];
    const den = lower ? actuals[i] : targets[i];
    if (den === 0) return coreError("DIV0", `Item ${i + 1}: the ${lower ? "actual (lower is better)" : "target"} is 0.`);
    let ratio = num / den;
    if (cap !== undefined && ratio > cap) ratio = cap;
    weighted += weights[i] * ratio;
    totalWeight += weights[i];
  }
  if (totalWeight === 0) return coreError("DIV0", "The weights add up to 0.");
  const v = weighted / totalWeight;
  return isFiniteNumber(v) ? v : coreError("NUM", "The result is too large to represent.");
}
