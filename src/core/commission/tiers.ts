/**
 * Tier tables: the arithmetic under every commission plan.
 *
 * A tier table is two same-length lists: `thresholds` (strictly ascending) and `rates`
 * (decimals, never negative). A tier applies from its threshold inclusive, as VLOOKUP's
 * approximate match does; an amount below the first threshold earns 0.
 *
 * - marginal: each rate is paid on its own band, [threshold, next threshold).
 * - retroactive: the rate of the highest tier reached is paid on the whole amount.
 *
 * The same table read as attainment -> multiplier is an accelerator curve:
 * `targetPay * tierCommission(attainment, table, "marginal")`.
 *
 * Errors are values (`CoreError`), never thrown.
 */
import { coreError, CoreError, isCoreError } from "../errors";

/** A validated tier table. Build it with `validateTierTable`; treat it as read-only. */
export interface TierTable {
  readonly thresholds: readonly number[];
  readonly rates: readonly number[];
  /**
   * Marginal commission earned exactly at each threshold (0 at the first): lets
   * `tierCommission` pay a marginal plan with one lookup and one multiplication.
   */
  readonly cumulative: readonly number[];
}

export type TierMethod = "marginal" | "retroactive";

export interface TierDetailRow {
  threshold: number;
  rate: number;
  /** Part of the amount credited in this tier. */
  credited: number;
  /** Commission earned in this tier. */
  commission: number;
}

export interface DrawStep {
  /** What the rep is paid this period. */
  payout: number;
  /** Recoverable balance carried to the next period. */
  balance: number;
}

/**
 * Checks a tier table and precomputes what `tierCommission` needs.
 *
 * Rules: both lists non-empty (`VALUE`), same length (`VALUE`), every number finite
 * (`VALUE`), thresholds strictly ascending (`VALUE`, the message names the first
 * offending position: an unsorted table must never give a silently wrong payout), rates
 * not negative (`NUM`).
 *
 * @example
 * validateTierTable([0, 100, 200], [0.05, 0.1, 0.2]) // a TierTable
 * validateTierTable([0, 200, 100], [0.05, 0.1, 0.2]) // VALUE: "threshold 3 (100) is not above threshold 2 (200)..."
 */
export function validateTierTable(thresholds: readonly number[], rates: readonly number[]): TierTable | CoreError {
  if (thresholds.length === 0 || rates.length === 0) {
    return coreError("VALUE", "The tier table is empty: give at least one threshold and one rate.");
  }
  if (thresholds.length !== rates.length) {
    return coreError(
      "VALUE",
      `The tier table has ${thresholds.length} thresholds but ${rates.length} rates: give one rate per threshold.`,
    );
  }
  for (let i = 0; i < thresholds.length; i++) {
    if (!Number.isFinite(thresholds[i])) return coreError("VALUE", `Threshold ${i + 1} is not a finite number.`);
    if (!Number.isFinite(rates[i])) return coreError("VALUE", `Rate ${i + 1} is not a finite number.`);
  }
  for (let i = 1; i < thresholds.length; i++) {
    if (!(thresholds[i] > thresholds[i - 1])) {
      return coreError(
        "VALUE",
        `Thresholds must be strictly ascending: threshold ${i + 1} (${thresholds[i]}) is not above threshold ${i} (${thresholds[i - 1]}).`,
      );
    }
  }
  for (let i = 0; i < rates.length; i++) {
    if (rates[i] < 0) return coreError("NUM", `Rate ${i + 1} (${rates[i]}) is negative: rates must be 0 or more.`);
  }
  const cumulative = new Array<number>(thresholds.length);
  cumulative[0] = 0;
  for (let i = 1; i < thresholds.length; i++) {
    cumulative[i] = cumulative[i - 1] + rates[i - 1] * (thresholds[i] - thresholds[i - 1]);
  }
  return { thresholds: thresholds.slice(), rates: rates.slice(), cumulative };
}

/**
 * Index of the highest tier reached by `amount` (threshold <= amount), or -1 below the
 * first threshold. Binary search: no allocation.
 */
export function tierIndex(amount: number, table: TierTable): number {
  const t = table.thresholds;
  let lo = 0;
  let hi = t.length - 1;
  if (amount < t[0]) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t[mid] <= amount) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Marginal commission without checks (amount >= 0, table valid). */
export function marginalCommission(amount: number, table: TierTable): number {
  const i = tierIndex(amount, table);
  if (i < 0) return 0;
  return table.cumulative[i] + table.rates[i] * (amount - table.thresholds[i]);
}

/** Retroactive commission without checks (amount >= 0, table valid). */
export function retroactiveCommission(amount: number, table: TierTable): number {
  const i = tierIndex(amount, table);
  return i < 0 ? 0 : table.rates[i] * amount;
}

/**
 * Commission on `amount` under a tier table.
 *
 * Rules: amount below the first threshold earns 0; a tier applies from its threshold
 * inclusive; marginal pays each rate on its band; retroactive pays the highest reached
 * tier's rate on the whole amount; `cap` (optional) is the maximum payout. A negative or
 * non-finite amount, or a negative cap, is `NUM`. No allocation per call.
 *
 * @example
 * const table = validateTierTable([0, 100, 200], [0.05, 0.1, 0.2]) as TierTable;
 * tierCommission(250, table, "marginal")    // 100*0.05 + 100*0.1 + 50*0.2 = 25
 * tierCommission(250, table, "retroactive") // 250*0.2 = 50
 * tierCommission(250, table, "retroactive", 40) // 40
 */
export function tierCommission(
  amount: number,
  table: TierTable,
  method: TierMethod,
  cap?: number,
): number | CoreError {
  if (!Number.isFinite(amount) || amount < 0) {
    return coreError("NUM", `The amount (${amount}) must be a number of 0 or more.`);
  }
  if (cap !== undefined && (!Number.isFinite(cap) || cap < 0)) {
    return coreError("NUM", `The cap (${cap}) must be a number of 0 or more.`);
  }
  const raw = method === "retroactive" ? retroactiveCommission(amount, table) : marginalCommission(amount, table);
  if (!Number.isFinite(raw)) return coreError("NUM", "The commission is not a finite number.");
  return cap !== undefined && raw > cap ? cap : raw;
}

/**
 * The audit view of `tierCommission`: one row per tier, in table order.
 *
 * Marginal: each tier is credited the part of the amount inside its band. Retroactive:
 * the whole amount is credited to the highest tier reached, 0 to the others. The
 * commissions add up to `tierCommission` (no cap here). A negative amount is `NUM`.
 *
 * @example
 * tierCommissionDetail(150, table([0, 100, 200], [0.05, 0.1, 0.2]), "marginal")
 * // [{threshold:0, rate:0.05, credited:100, commission:5},
 * //  {threshold:100, rate:0.1, credited:50, commission:5},
 * //  {threshold:200, rate:0.2, credited:0, commission:0}]
 */
export function tierCommissionDetail(
  amount: number,
  table: TierTable,
  method: TierMethod,
): TierDetailRow[] | CoreError {
  if (!Number.isFinite(amount) || amount < 0) {
    return coreError("NUM", `The amount (${amount}) must be a number of 0 or more.`);
  }
  const { thresholds, rates } = table;
  const reached = tierIndex(amount, table);
  const rows: TierDetailRow[] = [];
  for (let i = 0; i < thresholds.length; i++) {
    let credited = 0;
    if (method === "retroactive") {
      credited = i === reached ? amount : 0;
    } else if (i <= reached) {
      const top = i + 1 < thresholds.length ? Math.min(amount, thresholds[i + 1]) : amount;
      credited = top - thresholds[i];
    }
    rows.push({ threshold: thresholds[i], rate: rates[i], credited, commission: credited * rates[i] });
  }
  return rows;
}

/**
 * Marginal commission earned by one deal on top of what is already booked:
 * C(prior + deal) - C(prior), always marginal.
 *
 * Rules: `prior` must be 0 or more; a negative deal (a credit note) is allowed while
 * prior + deal >= 0; otherwise `NUM`.
 *
 * @example
 * // table [0, 100, 200] / [0.05, 0.1, 0.2]: a deal of 50 on top of 80 booked
 * commissionForDeal(50, 80, table) // C(130) - C(80) = 8 - 4 = 4
 */
export function commissionForDeal(deal: number, prior: number, table: TierTable): number | CoreError {
  if (!Number.isFinite(deal) || !Number.isFinite(prior)) return coreError("NUM", "The amounts must be finite numbers.");
  if (prior < 0) return coreError("NUM", `The prior amount (${prior}) must be 0 or more.`);
  const after = prior + deal;
  if (after < 0) {
    return coreError("NUM", `The deal (${deal}) takes the booked amount below 0 (prior ${prior}).`);
  }
  const withDeal = tierCommission(after, table, "marginal");
  const without = tierCommission(prior, table, "marginal");
  if (isCoreError(withDeal)) return withDeal;
  if (isCoreError(without)) return without;
  return withDeal - without;
}

/**
 * One period of a draw against commission (SALES.DRAW).
 *
 * Recoverable: available = earned - balance; payout = MAX(available, draw); new balance =
 * MAX(0, draw - available). Non-recoverable (a guaranteed minimum): payout =
 * MAX(earned, draw), balance 0. Negative or non-finite inputs are `NUM`.
 * Over any sequence of recoverable periods starting from balance 0:
 * total paid = total earned + the balance left.
 *
 * @example
 * drawStep(300, 1000, true, 0)   // { payout: 1000, balance: 700 }
 * drawStep(2000, 1000, true, 700) // { payout: 1300, balance: 0 }
 * drawStep(300, 1000, false, 0)  // { payout: 1000, balance: 0 }
 */
export function drawStep(earned: number, draw: number, recoverable: boolean, balance: number): DrawStep | CoreError {
  const inputs: [string, number][] = [
    ["earned", earned],
    ["draw", draw],
    ["balance", balance],
  ];
  for (const [name, value] of inputs) {
    if (!Number.isFinite(value) || value < 0) {
      return coreError("NUM", `The ${name} (${value}) must be a number of 0 or more.`);
    }
  }
  if (!recoverable) return { payout: Math.max(earned, draw), balance: 0 };
  const available = earned - balance;
  return { payout: Math.max(available, draw), balance: Math.max(0, draw - available) };
}
