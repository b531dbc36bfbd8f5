/**
 * The commission plan as data, the credits it pays on, and the payouts it returns.
 *
 * Periods are 0-based indexes into `CommissionCredits.periods` (their labels, such as
 * "2024-01"). Amounts are money, attainment and rates are decimals (25% = 0.25).
 */

/** What the tier thresholds are measured in. */
export type CommissionBasis = "amount" | "attainment";

/**
 * - marginal: each rate on its own band;
 * - retroactive: the highest tier reached pays on everything;
 * - hybrid: retroactive below `marginalFrom`, marginal from it upwards.
 */
export type CommissionMethod = "marginal" | "retroactive" | "hybrid";

export interface CommissionTier {
  /** Threshold, inclusive: an amount, or an attainment (1 = 100% of quota). */
  from: number;
  /** A commission rate (0.1 = 10%), or with `targetPay` a multiplier of target pay. */
  rate: number;
}

/** A bonus paid once in a period when attainment reaches `from` (the highest band reached pays). */
export interface BonusBand {
  from: number;
  amount: number;
}

export interface CommissionDraw {
  /** Paid at least this much each period. */
  amount: number;
  /** true: shortfalls are carried as a balance and recovered from later earnings. */
  recoverable: boolean;
}

export interface SpifRule {
  /** Fixed bonus per qualifying deal (split deals pay by the rep's share). */
  amount: number;
  /** A deal qualifies when its amount is at least this (default 0: every won deal). */
  minDealAmount?: number;
}

/** The length of a plan period. */
export type CommissionPeriod = "month" | "quarter" | "year";

/** What a year-to-date plan does with a period whose true-up is negative. */
export type NegativeTrueUp = "carry" | "clawback";

export interface CommissionPlan {
  /**
   * The length of a period (default "month"): credits, quota, gate, cap, SPIFs, bonus bands
   * and draws apply per period, and ramp and proration lists count periods of this length.
   */
  period?: CommissionPeriod;
  /** First month of the fiscal year, 1..12 (default 1, January): names quarters and years, and starts year-to-date sums. */
  fiscalYearStart?: number;
  /**
   * Year-to-date plan: attainment, tiers, gate, bonus bands and cap measured on the fiscal
   * year's credit and quota so far; each period pays the year-to-date earning minus what the
   * earlier periods of that fiscal year earned (a true-up).
   */
  cumulative?: boolean;
  /** Year-to-date plans: a negative true-up is carried and recovered from later earnings ("carry", default) or paid back ("clawback"). */
  negativeTrueUp?: NegativeTrueUp;
  basis: CommissionBasis;
  method: CommissionMethod;
  tiers: CommissionTier[];
  /** Hybrid only: the `from` of the first tier paid marginally (not the first tier). */
  marginalFrom?: number;
  /** Quota per period: one for every rep, or per rep name. Must be > 0. */
  quota: number | Record<string, number>;
  /**
   * Quota per period of a rep the per-rep `quota` map does not name (> 0). Without it, every
   * credited rep must be named in the map.
   */
  defaultQuota?: number;
  /**
   * Attainment basis only: the rates are multipliers of target pay
   * (payout = targetPay x curve(attainment)), accelerators above 1, decelerators below.
   * Without it, attainment-based rates apply to the credited amount.
   */
  targetPay?: number;
  /** Minimum attainment for any payout in a period (1 = 100%). */
  gate?: number;
  /** Maximum earned payout per period (before draws). */
  cap?: number;
  draw?: CommissionDraw;
  /** New-hire ramp: rep -> quota factor per period (0.5 = half quota); missing periods are 1. */
  ramp?: Record<string, number[]>;
  /** Partial periods: rep -> share of the period worked, in (0, 1]; missing periods are 1. */
  proration?: Record<string, number[]>;
  spif?: SpifRule;
  /** Attainment bonus bands, strictly ascending `from`. */
  bonusBands?: BonusBand[];
  /** Split deals may credit overlay reps on top of 100%. */
  allowOverlay?: boolean;
}

/** A validation problem, naming the field as a path ("tiers[2].from", "quota.Alice"). */
export interface PlanFieldError {
  field: string;
  /** The en-US message. */
  message: string;
  /** Its key in the commission catalog ("error.unknownField"), to translate it with `values`. */
  key?: string;
  values?: Record<string, string | number>;
}

/** Credit booked to one rep in one period (typed, or from deals with `creditDeals`). */
export interface CommissionCredit {
  rep: string;
  period: number;
  amount: number;
  /** Qualifying SPIF deals in this credit (a split deal counts by share). */
  spifDeals?: number;
}

/** A cancelled or returned deal: its credit is reversed at the rate it was paid. */
export interface CommissionClawback {
  rep: string;
  /** Period in which the reversal is booked. */
  period: number;
  /** Period in which the credit was paid. Must be before `period`. */
  originalPeriod: number;
  /** Credit reversed (positive). */
  amount: number;
  dealId?: string;
}

export interface CommissionCredits {
  /** Period labels, in order ("2024-01", "Q1"...). */
  periods: string[];
  /** Reps, in the order statements are listed. */
  reps: string[];
  credits: CommissionCredit[];
  clawbacks?: CommissionClawback[];
}

export interface DealSplit {
  rep: string;
  /** Share of the deal, decimal. */
  share: number;
  /** Overlay credit, on top of the 100% the other splits add up to. */
  overlay?: boolean;
}

/** A won deal to credit, possibly split, possibly cancelled later. */
export interface CommissionDeal {
  id: string;
  amount: number;
  period: number;
  splits: DealSplit[];
  /** Period in which the deal was cancelled or returned (after `period`). */
  cancelledPeriod?: number;
}

/** "earlier": in year-to-date plans, what the earlier periods of the fiscal year earned (subtracted). */
export type AuditComponent = "tier" | "spif" | "bonus" | "gate" | "cap" | "earlier" | "clawback" | "draw" | "payout";

/**
 * One line of a rep's statement. The amounts of every line but "payout" add up to the
 * payout. `basis` is what the rate applies to (money; attainment for bonus and gate; the
 * count of qualifying deals for spif; the opening balance for draw).
 */
export interface AuditLine {
  component: AuditComponent;
  basis: number | null;
  rate: number | null;
  amount: number;
}

/** The tier part of a statement, one row per tier (money basis, so basis x rate = amount). */
export interface TierAuditRow {
  from: number;
  rate: number;
  basis: number;
  amount: number;
}

export interface RepPeriodPayout {
  rep: string;
  period: number;
  quota: number;
  /** quota x ramp x proration. */
  effectiveQuota: number;
  credited: number;
  /** The period's fiscal year label ("2025", "FY2026"); "" for a label that is not a plan period. */
  fiscalYear: string;
  /** The quota and credit attainment is measured on: the fiscal year's sums so far (year-to-date plans), else the period's. */
  ytdQuota: number;
  ytdCredited: number;
  attainment: number;
  /** The number the tier table is read at: credited amount or attainment. */
  tierInput: number;
  /** Money per unit of `tierInput`: 1, the effective quota, or the prorated target pay. */
  tierScale: number;
  tierCommission: number;
  tiers: TierAuditRow[];
  gateMet: boolean;
  spif: number;
  bonus: number;
  /** (tier + spif + bonus) when the gate is met, else 0. */
  earned: number;
  /** `earned` after the cap (the cap times the periods so far in year-to-date plans). */
  capped: number;
  /** Year-to-date plans: what the earlier periods of the fiscal year earned (the previous `capped`); else 0. */
  earlier: number;
  /** capped - earlier: the period's due. */
  trueUp: number;
  /** Rate a clawback of this period's credit reverses: tier pay kept after gate and cap, per unit credited. */
  paidRate: number;
  clawback: number;
  /** trueUp - clawback. */
  net: number;
  openingBalance: number;
  /** A negative net paid back at once (negativeTrueUp "clawback"): MIN(0, net); else 0. */
  paidBack: number;
  payout: number;
  closingBalance: number;
  lines: AuditLine[];
}

export interface CommissionRun {
  /** Rep by rep (in `credits.reps` order), period by period. */
  rows: RepPeriodPayout[];
  /** Names of the plan that own no credited deal (`nameWarnings`): the rows are computed, but a name may be misspelt. */
  warnings: PlanFieldError[];
}
