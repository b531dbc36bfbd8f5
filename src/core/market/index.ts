/**
 * Market, mix and cost: SALES.SHARE, SALES.COSTRATIO, SALES.HHI.
 */
import { coreError, Result } from "../errors";
import { isFiniteNumber, safeRatio } from "../_lib/domain";

/**
 * Share of a total: `part / total` (market share, channel coverage 铺货率, share of revenue).
 *
 * Rules: total 0 is DIV0; signs are not checked (a share of a net figure may be negative).
 *
 * @example share(30, 120) // 0.25
 */
export function share(part: number, total: number): Result {
  return safeRatio(part, total, "total");
}

/**
 * Sales cost ratio (销售费用率): `cost / revenue`.
 *
 * Rules: revenue 0 is DIV0.
 *
 * @example costRatio(15000, 100000) // 0.15
 */
export function costRatio(cost: number, revenue: number): Result {
  return safeRatio(cost, revenue, "revenue");
}

/**
 * Herfindahl-Hirschman index of concentration: the sum of (100 * value / total)^2,
 * from near 0 (spread out) to 10000 (one holder).
 *
 * Rules: values are raw amounts (revenue per customer), not shares; a negative value is
 * NUM; a total of 0 (or no values) is DIV0.
 *
 * @example hhi([50, 30, 20]) // 2500 + 900 + 400 = 3800
 */
export function hhi(values: readonly number[]): Result {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) return coreError("NUM", `values must not be negative (got ${values[i]}).`);
    total += values[i];
  }
  if (total === 0) return coreError("DIV0", "The values add up to 0, so there are no shares.");
  if (!isFiniteNumber(total)) return coreError("NUM", "The values add up to more than can be represented.");
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const s = (100 * values[i]) / total;
    sum += s * s;
  }
  return isFiniteNumber(sum) ? sum : coreError("NUM", "The result is too large to represent.");
}
