/**
 * Incentives and appraisal: SALES.SCORE (the weighted KPI scorecard).
 */
import { isFiniteNumber } from "../_lib/domain";
import { coreError, Result } from "../errors";

const TOO_LARGE = "The result is too large to represent.";

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
  return isFiniteNumber(v) ? v : coreError("NUM", TOO_LARGE);
}

/**
 * `weightedScore` of the same items under many caps (a spilled range of caps), in
 * O((n + m) log n) instead of O(n x m).
 *
 * Rules: the first cap is scored by `weightedScore` itself, so a single cap gives exactly
 * the definition's result. From the second cap on, the ratios are sorted once with prefix
 * sums of w * ratio (compensated) and suffix sums of w, and each cap is a binary search:
 * sum of w * MIN(ratio, cap) = (w * ratio over ratios <= cap) + cap * (w over ratios > cap).
 * Those results equal the definition's within about 1e-12 relative (the sums are added in
 * another order); errors are the same codes in the same precedence.
 *
 * @example
 * const score = weightedScoreOver([120, 80], [100, 100], [0.6, 0.4]);
 * [1, 1.1, 1.5].map((cap) => score(cap)) // [0.92, 0.98, 1.04]
 */
export function weightedScoreOver(
  actuals: readonly number[],
  targets: readonly number[],
  weights: readonly number[],
  lowerIsBetter: boolean | readonly boolean[] = false,
): (cap?: number) => Result {
  let calls = 0;
  let sorted: { ratios: Float64Array; weightedBelow: Float64Array; weightAbove: Float64Array; total: number } | null = null;
  let uncapped: Result | null = null;
  let probe: Result | null = null;
  return (cap) => {
    calls++;
    if (calls === 1 || cap === undefined || (cap !== undefined && cap < 0)) {
      if (cap === undefined) return (uncapped ??= weightedScore(actuals, targets, weights, undefined, lowerIsBetter));
      return weightedScore(actuals, targets, weights, cap, lowerIsBetter);
    }
    // The item errors (shapes, negative weights or denominators, a zero denominator or total
    // weight) do not depend on a non-negative cap: found once, with cap 0. Only "too large"
    // depends on the cap, and is decided below.
    probe ??= weightedScore(actuals, targets, weights, 0, lowerIsBetter);
    if (typeof probe !== "number" && probe.message !== TOO_LARGE) return probe;
    sorted ??= sortRatios(actuals, targets, weights, lowerIsBetter);
    const { ratios, weightedBelow, weightAbove, total } = sorted;
    // k = how many ratios are <= cap (they keep their value); the rest count as the cap.
    let lo = 0;
    let hi = ratios.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ratios[mid] <= cap) lo = mid + 1;
      else hi = mid;
    }
    const weighted = weightedBelow[lo] + (weightAbove[lo] === 0 ? 0 : cap * weightAbove[lo]);
    const v = weighted / total;
    return isFiniteNumber(v) ? v : coreError("NUM", TOO_LARGE);
  };
}

/** The items' ratios ascending, with compensated prefix sums of w * ratio and suffix sums of w. */
function sortRatios(
  actuals: readonly number[],
  targets: readonly number[],
  weights: readonly number[],
  lowerIsBetter: boolean | readonly boolean[],
): { ratios: Float64Array; weightedBelow: Float64Array; weightAbove: Float64Array; total: number } {
  const n = actuals.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const ratioOf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lower = typeof lowerIsBetter === "boolean" ? lowerIsBetter : lowerIsBetter[i];
    ratioOf[i] = lower ? targets[i] / actuals[i] : actuals[i] / targets[i];
  }
  order.sort((a, b) => ratioOf[a] - ratioOf[b]);
  const ratios = new Float64Array(n);
  const weightedBelow = new Float64Array(n + 1);
  const weightAbove = new Float64Array(n + 1);
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    ratios[k] = ratioOf[i];
    // Neumaier's compensated sum, so the prefix sums stay as exact as one rounding.
    const term = weights[i] * ratioOf[i];
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    weightedBelow[k + 1] = sum + compensation;
  }
  let above = 0;
  let aboveCompensation = 0;
  for (let k = n - 1; k >= 0; k--) {
    const term = weights[order[k]];
    const t = above + term;
    aboveCompensation += Math.abs(above) >= Math.abs(term) ? above - t + term : term - t + above;
    above = t;
    weightAbove[k] = above + aboveCompensation;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  return { ratios, weightedBelow, weightAbove, total };
}
