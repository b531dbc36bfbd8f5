/**
 * Every SALES.* function as data for the runner: its parameters (in the catalogue's
 * order) and the core function it calls. No Office here; `functions.ts` binds these to
 * the `@customfunction` declarations.
 */
import { CoreError, Result } from "../core/errors";
import { conversion, funnelRates, FUNNEL_MODES, FunnelMode, winRate } from "../core/funnel";
import { attainment, pace, projection, runRate } from "../core/goals";
import { cagr, growth } from "../core/growth";
import { averageCycle, coverage, velocity, weightedPipeline } from "../core/pipeline";
import { cac, churn, csatOver, grr, ltv, nps, nrr, retention } from "../core/customers";
import { costRatio, hhi, share } from "../core/market";
import { fitLine, LinearFit, lineAt, movingAverage } from "../core/forecast";
import { weightedScoreOver } from "../core/incentives";
import {
  commissionForDeal,
  drawStep,
  TierMethod,
  TierTable,
  tierCommission,
  tierCommissionDetail,
  validateTierTable,
} from "../core/commission/tiers";
import { CellValue, FunctionDef, ParamSpec } from "./adapter";

const num = (name: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, kind: "number", ...extra });

/** An element-wise function of two numbers. */
function binary(id: string, a: string, b: string, fn: (x: number, y: number) => Result): FunctionDef {
  return { id, params: [num(a), num(b)], cell: (_ctx, n) => fn(n[0]!, n[1]!), pair: fn };
}

const TIER_METHODS: readonly TierMethod[] = ["marginal", "retroactive"];
const tierParams: ParamSpec[] = [
  { name: "thresholds", kind: "list", group: "tiers" },
  { name: "rates", kind: "list", group: "tiers" },
];
const tierGroups = { tiers: { skip: "tiers", mismatch: "countVALUE" } } as const;

function tierTableOf(fixed: { lists: Record<string, number[]> }): TierTable | CoreError {
  return validateTierTable(fixed.lists.thresholds, fixed.lists.rates);
}

const CONVERSION = binary("CONVERSION", "converted", "total", conversion);
const ATTAINMENT = binary("ATTAINMENT", "actual", "target", attainment);
const WINRATE = binary("WINRATE", "won", "lost", winRate);

const FUNNEL: FunctionDef = {
  id: "FUNNEL",
  params: [
    { name: "stage_counts", kind: "cells" },
    { name: "mode", kind: "option", optional: true, default: "step", options: FUNNEL_MODES },
  ],
  grid: (fixed) => {
    const { values, rows, cols } = fixed.cells.stage_counts;
    // A blank stage counts as 0, as a blank number does everywhere.
    const rates = funnelRates(
      values.map((v) => (v === null ? 0 : v)),
      fixed.options.mode as FunnelMode,
    );
    return reshape(rates, rows, cols);
  },
};

const PACE: FunctionDef = {
  id: "PACE",
  params: [num("actual"), num("target"), num("elapsed"), num("period_length")],
  cell: (_c, n) => pace(n[0]!, n[1]!, n[2]!, n[3]!),
};
const PROJECTION: FunctionDef = {
  id: "PROJECTION",
  params: [num("actual"), num("elapsed"), num("period_length")],
  cell: (_c, n) => projection(n[0]!, n[1]!, n[2]!),
};
const RUNRATE = binary("RUNRATE", "period_value", "periods_per_year", runRate);
const GROWTH = binary("GROWTH", "current", "previous", growth);
const CAGR: FunctionDef = {
  id: "CAGR",
  params: [num("start_value"), num("end_value"), num("periods")],
  cell: (_c, n) => cagr(n[0]!, n[1]!, n[2]!),
};

const WEIGHTED: FunctionDef<number> = {
  id: "WEIGHTED",
  params: [
    { name: "amounts", kind: "list", group: "pairs" },
    { name: "probabilities", kind: "list", group: "pairs" },
  ],
  groups: { pairs: { skip: "allBlank", mismatch: "shape" } },
  prepare: (f) => weightedPipeline(f.lists.amounts, f.lists.probabilities),
  cell: (value) => value,
};
const COVERAGE = binary("COVERAGE", "pipeline", "remaining_target", coverage);
const VELOCITY: FunctionDef = {
  id: "VELOCITY",
  params: [num("opportunities"), num("avg_deal_size"), num("win_rate"), num("cycle_days")],
  cell: (_c, n) => velocity(n[0]!, n[1]!, n[2]!, n[3]!),
};
const CYCLE: FunctionDef<number> = {
  id: "CYCLE",
  params: [
    { name: "start_dates", kind: "list", group: "dates" },
    { name: "end_dates", kind: "list", group: "dates" },
  ],
  groups: { dates: { skip: "anyBlank", mismatch: "shape" } },
  prepare: (f) => averageCycle(f.lists.start_dates, f.lists.end_dates),
  cell: (value) => value,
};

const CHURN = binary("CHURN", "lost", "start_count", churn);
const RETENTION: FunctionDef = {
  id: "RETENTION",
  params: [num("start_count"), num("end_count"), num("new_count")],
  cell: (_c, n) => retention(n[0]!, n[1]!, n[2]!),
};
const NRR: FunctionDef = {
  id: "NRR",
  params: [num("start_revenue"), num("expansion"), num("contraction"), num("churned")],
  cell: (_c, n) => nrr(n[0]!, n[1]!, n[2]!, n[3]!),
};
const GRR: FunctionDef = {
  id: "GRR",
  params: [num("start_revenue"), num("contraction"), num("churned")],
  cell: (_c, n) => grr(n[0]!, n[1]!, n[2]!),
};
const LTV: FunctionDef = {
  id: "LTV",
  params: [
    num("arpu"),
    num("gross_margin"),
    num("churn_rate"),
    num("discount_rate", { optional: true }),
    num("acquisition_cost", { optional: true, default: 0 }),
  ],
  cell: (_c, n) => ltv(n[0]!, n[1]!, n[2]!, n[3], n[4]),
};
const CAC = binary("CAC", "cost", "new_customers", cac);
const NPS: FunctionDef<number> = {
  id: "NPS",
  params: [{ name: "scores", kind: "list" }],
  prepare: (f) => nps(f.lists.scores),
  cell: (value) => value,
};
const CSAT: FunctionDef<(satisfiedMin?: number) => Result> = {
  id: "CSAT",
  params: [{ name: "ratings", kind: "list" }, num("satisfied_min", { optional: true, default: 4 })],
  // Sorted once, so a spilled range of thresholds is a binary search each.
  prepare: (f) => csatOver(f.lists.ratings),
  cell: (csatAt, n) => csatAt(n[0]),
};

const SHARE = binary("SHARE", "part", "total", share);
const COSTRATIO = binary("COSTRATIO", "cost", "revenue", costRatio);
const HHI: FunctionDef<number> = {
  id: "HHI",
  params: [{ name: "values", kind: "list" }],
  prepare: (f) => hhi(f.lists.values),
  cell: (value) => value,
};

const FORECAST: FunctionDef<LinearFit> = {
  id: "FORECAST",
  params: [
    num("x"),
    { name: "known_values", kind: "list", group: "known" },
    { name: "known_periods", kind: "list", group: "known", optional: true, positionWhenOmitted: true },
  ],
  groups: { known: { skip: "allBlank", mismatch: "countNA" } },
  prepare: (f) => fitLine(f.lists.known_values, f.lists.known_periods),
  cell: (fit, n) => lineAt(fit, n[0]!),
};
const MOVINGAVG: FunctionDef = {
  id: "MOVINGAVG",
  params: [
    { name: "values", kind: "cells", textIsBlank: true },
    { name: "window", kind: "scalar" },
  ],
  grid: (fixed) => {
    const { values, rows, cols } = fixed.cells.values;
    const averages = movingAverage(values, fixed.scalars.window!);
    if (!Array.isArray(averages)) return averages as CoreError;
    return reshape(averages, rows, cols);
  },
};

const COMMISSION: FunctionDef<{ table: TierTable; method: TierMethod }> = {
  id: "COMMISSION",
  params: [
    num("amount"),
    ...tierParams,
    { name: "method", kind: "option", optional: true, default: "marginal", options: TIER_METHODS },
    num("cap", { optional: true }),
  ],
  groups: tierGroups,
  prepare: (f) => {
    const table = tierTableOf(f);
    return "kind" in table ? table : { table, method: f.options.method as TierMethod };
  },
  cell: (ctx, n) => tierCommission(n[0]!, ctx.table, ctx.method, n[1]),
};
const COMMISSION_DEAL: FunctionDef<TierTable> = {
  id: "COMMISSION.DEAL",
  params: [num("deal_amount"), num("prior_amount"), ...tierParams],
  groups: tierGroups,
  prepare: tierTableOf,
  cell: (table, n) => commissionForDeal(n[0]!, n[1]!, table),
};
const COMMISSION_DETAIL: FunctionDef<TierTable> = {
  id: "COMMISSION.DETAIL",
  params: [
    { name: "amount", kind: "scalar" },
    ...tierParams,
    { name: "method", kind: "option", optional: true, default: "marginal", options: TIER_METHODS },
  ],
  groups: tierGroups,
  prepare: tierTableOf,
  grid: (fixed, table) => {
    const rows = tierCommissionDetail(fixed.scalars.amount!, table, fixed.options.method as TierMethod);
    if (!Array.isArray(rows)) return rows;
    return rows.map((r) => [r.threshold, r.rate, r.credited, r.commission]);
  },
};
const DRAW: FunctionDef = {
  id: "DRAW",
  params: [
    { name: "earned", kind: "scalar" },
    { name: "draw", kind: "scalar" },
    { name: "recoverable", kind: "flag", optional: true, default: true },
    { name: "balance", kind: "scalar", optional: true, default: 0 },
  ],
  grid: (fixed) => {
    const step = drawStep(
      fixed.scalars.earned!,
      fixed.scalars.draw!,
      fixed.flags.recoverable as boolean,
      fixed.scalars.balance!,
    );
    return "kind" in step ? step : [[step.payout, step.balance]];
  },
};
const SCORE: FunctionDef<{ score: (cap?: number) => Result }> = {
  id: "SCORE",
  params: [
    { name: "actuals", kind: "list", group: "items" },
    { name: "targets", kind: "list", group: "items" },
    { name: "weights", kind: "list", group: "items" },
    num("cap", { optional: true }),
    { name: "lower_is_better", kind: "flag", group: "items", optional: true, default: false },
  ],
  groups: { items: { skip: "allBlank", mismatch: "shape" } },
  // One scorer for every cap of a spilled range: O((n + m) log n), not O(n x m).
  prepare: (f) => ({ score: weightedScoreOver(f.lists.actuals, f.lists.targets, f.lists.weights, f.flags.lower_is_better ?? false) }),
  cell: (items, n) => items.score(n[0]),
};

/** Lays values read row by row back into the shape of their range. */
function reshape(values: readonly Result[], rows: number, cols: number): CellValue[][] {
  const out: CellValue[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = values[r * cols + c];
    out[r] = row;
  }
  return out;
}

/** Every function of the catalogue, in catalogue order. */
export const FUNCTION_DEFS: readonly FunctionDef<any>[] = [
  CONVERSION,
  FUNNEL,
  WINRATE,
  ATTAINMENT,
  PACE,
  PROJECTION,
  RUNRATE,
  GROWTH,
  CAGR,
  WEIGHTED,
  COVERAGE,
  VELOCITY,
  CYCLE,
  CHURN,
  RETENTION,
  NRR,
  GRR,
  LTV,
  CAC,
  NPS,
  CSAT,
  SHARE,
  COSTRATIO,
  HHI,
  FORECAST,
  MOVINGAVG,
  COMMISSION,
  COMMISSION_DEAL,
  COMMISSION_DETAIL,
  DRAW,
  SCORE,
];

export const DEFS_BY_ID: Readonly<Record<string, FunctionDef<any>>> = Object.fromEntries(
  FUNCTION_DEFS.map((d) => [d.id, d]),
);

