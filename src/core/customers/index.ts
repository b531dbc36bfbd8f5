/**
 * Customers and satisfaction: SALES.CHURN, RETENTION, NRR, GRR, LTV, CAC, NPS, CSAT.
 */
import { coreError, Result } from "../errors";
import { isFiniteNumber, negativeAmount, negativeCount, outsideUnit, safeRatio } from "../_lib/domain";

/**
 * Churn rate: `lost / start_count`.
 *
 * Rules: counts (>= 0, else NUM); start_count 0 is DIV0.
 *
 * @example churn(5, 100) // 0.05
 */
export function churn(lost: number, startCount: number): Result {
  const bad = negativeCount(lost, "lost") || negativeCount(startCount, "start_count");
  if (bad) return bad;
  return safeRatio(lost, startCount, "start_count");
}

/**
 * Customer retention rate: `(end_count - new_count) / start_count`.
 *
 * Rules: counts (>= 0, else NUM); start_count 0 is DIV0.
 *
 * @example retention(100, 110, 20) // 0.9
 */
export function retention(startCount: number, endCount: number, newCount: number): Result {
  const bad =
    negativeCount(startCount, "start_count") ||
    negativeCount(endCount, "end_count") ||
    negativeCount(newCount, "new_count");
  if (bad) return bad;
  return safeRatio(endCount - newCount, startCount, "start_count");
}

function revenueBase(startRevenue: number) {
  return startRevenue < 0 ? coreError("NUM", `start_revenue must not be negative (got ${startRevenue}).`) : undefined;
}

/**
 * Net revenue retention: `(start + expansion - contraction - churned) / start`.
 *
 * Rules: every argument is a magnitude (>= 0, else NUM); start_revenue 0 is DIV0.
 *
 * @example nrr(1000, 200, 50, 100) // 1.05
 */
export function nrr(startRevenue: number, expansion: number, contraction: number, churned: number): Result {
  const bad =
    revenueBase(startRevenue) ||
    negativeAmount(expansion, "expansion") ||
    negativeAmount(contraction, "contraction") ||
    negativeAmount(churned, "churned");
  if (bad) return bad;
  return safeRatio(startRevenue + expansion - contraction - churned, startRevenue, "start_revenue");
}

/**
 * Gross revenue retention: `(start - contraction - churned) / start`, never above 1.
 *
 * Rules: every argument >= 0 (a negative contraction or churned would lift GRR above 1:
 * NUM); start_revenue 0 is DIV0.
 *
 * @example grr(1000, 50, 100) // 0.85
 */
export function grr(startRevenue: number, contraction: number, churned: number): Result {
  const bad =
    revenueBase(startRevenue) || negativeAmount(contraction, "contraction") || negativeAmount(churned, "churned");
  if (bad) return bad;
  return safeRatio(startRevenue - contraction - churned, startRevenue, "start_revenue");
}

/**
 * Customer lifetime value.
 *
 * Rules:
 * - Without discount_rate (undefined): `arpu * gross_margin / churn_rate - acquisition_cost`;
 *   churn_rate 0 is DIV0.
 * - With discount_rate i: `m * r / (1 + i - r) - acquisition_cost`, m = arpu * gross_margin,
 *   r = 1 - churn_rate (Gupta-Lehmann; the first margin arrives at the end of period 1, so at
 *   i = 0 this is m(1-c)/c, one period's margin less than m/c). i + churn 0 is DIV0.
 * - gross_margin and churn_rate in [0, 1]; discount_rate >= 0; else NUM.
 * - acquisition_cost defaults to 0.
 *
 * @example ltv(100, 0.8, 0.05) // 1600
 * @example ltv(100, 0.8, 0.2, 0.1) // 80 * 0.8 / 0.3 = 213.33...
 */
export function ltv(
  arpu: number,
  grossMargin: number,
  churnRate: number,
  discountRate?: number,
  acquisitionCost = 0,
): Result {
  const bad = outsideUnit(grossMargin, "gross_margin") || outsideUnit(churnRate, "churn_rate");
  if (bad) return bad;
  const margin = arpu * grossMargin;
  let value: Result;
  if (discountRate === undefined) {
    value = safeRatio(margin, churnRate, "churn_rate");
  } else {
    if (discountRate < 0) return coreError("NUM", `discount_rate must not be negative (got ${discountRate}).`);
    const kept = 1 - churnRate;
    value = safeRatio(margin * kept, discountRate + churnRate, "discount_rate + churn_rate");
  }
  if (typeof value !== "number") return value;
  const net = value - acquisitionCost;
  return isFiniteNumber(net) ? net : coreError("NUM", "The result is too large to represent.");
}

/**
 * Customer acquisition cost: `cost / new_customers`.
 *
 * Rules: new_customers is a count (>= 0, else NUM); 0 is DIV0.
 *
 * @example cac(50000, 25) // 2000
 */
export function cac(cost: number, newCustomers: number): Result {
  const bad = negativeCount(newCustomers, "new_customers");
  if (bad) return bad;
  return safeRatio(cost, newCustomers, "new_customers");
}

/**
 * Net promoter score: % of scores 9-10 minus % of scores 0-6, from -100 to 100.
 *
 * Rules: a score outside 0..10 is NUM; no scores is DIV0. A fractional score between 6
 * and 9 is passive, as COUNTIF(">=9") and COUNTIF("<=6") count it.
 *
 * @example nps([10, 9, 8, 3]) // (2 - 1) / 4 * 100 = 25
 */
export function nps(scores: readonly number[]): Result {
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s < 0 || s > 10) return coreError("NUM", `A score must be between 0 and 10 (got ${s}).`);
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  if (scores.length === 0) return coreError("DIV0", "There are no scores.");
  return ((promoters - detractors) / scores.length) * 100;
}

/**
 * Customer satisfaction: the share of ratings >= satisfied_min (default 4, on a 1-5 scale).
 *
 * Rules: no ratings is DIV0.
 *
 * @example csat([5, 4, 3, 2], 4) // 0.5
 */
export function csat(ratings: readonly number[], satisfiedMin = 4): Result {
  if (ratings.length === 0) return coreError("DIV0", "There are no ratings.");
  let satisfied = 0;
  for (let i = 0; i < ratings.length; i++) if (ratings[i] >= satisfiedMin) satisfied++;
  return satisfied / ratings.length;
}

/**
 * CSAT of one list of ratings at any number of satisfied_min values: `csatOver(r)(m)` is
 * `csat(r, m)`, the same number, for every m.
 *
 * Cost: the ratings are sorted once (O(n log n)); each satisfied_min is then a binary
 * search (O(log n)) where `csat` counts all n ratings again, so a spilled range of m
 * thresholds costs O((n + m) log n) instead of O(n * m).
 *
 * @example csatOver([5, 4, 3, 2])(4) // 0.5
 */
export function csatOver(ratings: readonly number[]): (satisfiedMin?: number) => Result {
  const n = ratings.length;
  // NaN is never >= anything: it stays out of the sorted list but counts in n, as in csat.
  const sorted = Float64Array.from(ratings.filter((r) => r === r)).sort();
  return (satisfiedMin = 4) => {
    if (n === 0) return coreError("DIV0", "There are no ratings.");
    // The first sorted rating >= satisfiedMin (none when satisfiedMin is NaN).
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] >= satisfiedMin) hi = mid;
      else lo = mid + 1;
    }
    return (sorted.length - lo) / n;
  };
}
