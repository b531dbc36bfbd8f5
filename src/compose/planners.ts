/**
 * How each sheet is planned: the other half of a sheet's spec (the first half, its options,
 * is in `sheets.ts`). A planner reads the context compose built once (locale, currency, the
 * deals reference, charts so far) and its typed values, and calls one generator.
 */
import { creditWonDeals } from "../core/commission/wonDeals";
import type { CommissionCredits, CommissionPlan } from "../core/commission/types";
import type { Deal, Pipeline } from "../core/deal";
import type { Locale } from "../core/locale";
import { planCommissionWorkbook } from "../generators/commission";
import type { PlanResult } from "../generators/common";
import { planCustomersSheet } from "../generators/customers";
import { DashboardLayout, DashboardPanel, dashboardPanelsFrom, dashboardQuotasFrom, planDashboardSheet } from "../generators/dashboard";
import { DealsLayout, planDealsSheet } from "../generators/deals";
import { planForecastSheet } from "../generators/forecast";
import { planFunnelFromDeals, planFunnelSheet } from "../generators/funnel";
import { defaultGoals, planGoalsSheet } from "../generators/goals";
import { planImportIssuesSheet } from "../generators/importIssues";
import type { ImportNote } from "../import/notes";
import { planMonthlySheet } from "../generators/monthly";
import { planRepsSheet } from "../generators/reps";
import { planReviewSheet } from "../generators/review";
import {
  planActionPlanSheet,
  planCompetitorsSheet,
  planFeedbackSheet,
  planRisksSheet,
  planTrainingSheet,
} from "../generators/templates";
import type { ImportIssue } from "../import/errors";
import { localizeCommissionMessages } from "../i18n/commission";
import { formatUi } from "../i18n/uiLocale";
import type { WorkbookPlan } from "../workbook/plan";
import type {
  CustomersValues,
  DashboardValues,
  ForecastValues,
  FunnelValues,
  GoalsValues,
  MonthlyValues,
  RepsValues,
  ReviewValues,
  TemplatesValues,
} from "./sheets";
import { NO_TARGET } from "./sheets";

/** The imported deals and where the workbook's formulas read them. */
export interface DealsContext {
  deals: readonly Deal[];
  pipeline: Pipeline;
  /** The Deals sheet every deal-based formula reads (computed once by compose). */
  ref: DealsLayout;
  issues: readonly ImportIssue[];
  /** Sentences about the whole file, for ImportIssues. */
  notes: readonly ImportNote[];
}

/** What compose hands every planner. */
export interface PlanContext {
  locale: Locale;
  currency: string;
  deals: DealsContext | null;
  /** Charts already in the workbook and those planned earlier in this composition. */
  charts(): DashboardPanel[];
}

/** Commission sheets: a plan, and where the credits come from. */
export interface CommissionRequest {
  plan: CommissionPlan;
  /** Won deals per owner and close month (live formulas over Deals), or typed lines "rep, amount" in one period. */
  credits: { from: "deals" } | { from: "typed"; credits: CommissionCredits };
}

/** The values each sheet is planned from, by sheet id. */
export interface SheetValues {
  deals: Record<string, never>;
  importIssues: Record<string, never>;
  funnel: FunnelValues;
  /** The form's values, and optionally a quota per rep (the command line's --quotas), which wins over the form's one quota. */
  reps: RepsValues & { quotaByRep?: Record<string, number> };
  monthly: MonthlyValues;
  review: ReviewValues;
  forecast: ForecastValues;
  customers: CustomersValues;
  dashboard: DashboardValues;
  goals: GoalsValues;
  templates: TemplatesValues;
  commission: CommissionRequest;
}

export type SheetId = keyof SheetValues;

type Planner<K extends SheetId> = (ctx: PlanContext, values: SheetValues[K]) => PlanResult;

const base = (ctx: PlanContext) => ({ locale: ctx.locale, currency: ctx.currency });

/** The deals of a deal-based sheet (compose refuses before planning when there are none). */
function dealsOf(ctx: PlanContext): DealsContext {
  if (!ctx.deals) throw new Error("A deal-based sheet was planned without deals.");
  return ctx.deals;
}

/** Deal-based generators' shared arguments: the deals, the pipeline and the deals reference. */
function overDeals(ctx: PlanContext): [readonly Deal[], Pipeline, { locale: Locale; currency: string; dealsRef: DealsLayout }] {
  const d = dealsOf(ctx);
  return [d.deals, d.pipeline, { ...base(ctx), dealsRef: d.ref }];
}

const DASHBOARD_LAYOUTS: Record<DashboardValues["layout"], DashboardLayout> = { grid: "grid", focus: "oneLargeThreeSmall", column: "singleColumn" };

function planFunnel(ctx: PlanContext, v: FunnelValues): PlanResult {
  const targets = v.targets.map((s) => (s === NO_TARGET ? null : Number(s.replace(/%$/, "").trim()) / 100));
  const options = { ...base(ctx), targetConversions: targets.length > 0 ? targets : undefined };
  if (v.source === "typed") {
    const counts = v.counts ?? [];
    const stages = (v.stages ?? []).map((name, i) => ({ name, count: counts[i] === undefined ? NaN : Number(counts[i].replace(/,/g, "")) }));
    return planFunnelSheet(stages, options);
  }
  const [deals, pipeline, source] = overDeals(ctx);
  return planFunnelFromDeals(deals, pipeline, { ...source, ...options });
}

/** Goals; from deals, the revenue goal's baseline and actual are live formulas over Deals. */
function planGoals(ctx: PlanContext, v: GoalsValues): PlanResult {
  const owner = v.owner?.trim() ? v.owner.trim() : undefined;
  const dealsRef = v.source === "deals" ? dealsOf(ctx).ref : undefined;
  const goals = defaultGoals(ctx.locale, Number(v.start.slice(0, 4)), undefined).map((goal, i) => ({
    ...goal,
    start: v.start,
    deadline: v.deadline,
    ...(owner ? { owner } : {}),
    ...(i === 0 ? { target: v.revenueTarget, ...(dealsRef ? { fromDeals: "wonRevenue" as const } : {}) } : {}),
  }));
  return planGoalsSheet(goals, { ...base(ctx), asOf: v.asOf, onTrackAt: v.onTrack, atRiskAt: v.atRisk, dealsRef });
}

function planTemplates(ctx: PlanContext, v: TemplatesValues): PlanResult {
  const options = { ...base(ctx), rows: v.rows, asOf: v.asOf };
  switch (v.kind) {
    case "feedback":
      return planFeedbackSheet([], options);
    case "risks":
      return planRisksSheet(undefined, options);
    case "competitors":
      return planCompetitorsSheet(undefined, options);
    case "training":
      return planTrainingSheet([], options);
    default:
      return planActionPlanSheet(undefined, options);
  }
}

/**
 * Commission sheets. Credits from deals are the won deals per owner and close month
 * (`creditWonDeals`, the one rule the sheets' formulas follow too), written as live formulas
 * over the Deals sheet; typed credits stay typed.
 */
function planCommission(ctx: PlanContext, request: CommissionRequest): PlanResult {
  if (request.credits.from === "typed") return planCommissionWorkbook(request.plan, request.credits.credits, base(ctx));
  const d = dealsOf(ctx);
  const credits = creditWonDeals(d.deals, request.plan);
  if ("errors" in credits) return { ok: false, errors: localizeCommissionMessages(ctx.locale, credits.errors) };
  if (credits.periods.length === 0) return { ok: false, errors: [{ field: "", message: formatUi(ctx.locale, "commission.noWonDeals") }] };
  return planCommissionWorkbook(request.plan, credits, { ...base(ctx), creditsFromDeals: d.ref });
}

/** The dashboard: tiles over the deals (when read from them) and the rep scorecard, charts of the sheets so far. */
function planDashboard(ctx: PlanContext, v: DashboardValues): PlanResult {
  const charts = ctx.charts();
  const charted: WorkbookPlan = { sheets: charts.map((c) => ({ name: c.sheet, blocks: [], charts: [c.chart] })) };
  const panels = dashboardPanelsFrom(charted);
  const dealsRef = v.source === "deals" ? dealsOf(ctx).ref : undefined;
  const quotas = dashboardQuotasFrom(charts);
  if (panels.length === 0 && !dealsRef && !quotas) return { ok: false, errors: [{ field: "", message: formatUi(ctx.locale, "dashboard.needsSheets") }] };
  return planDashboardSheet(panels, {
    ...base(ctx),
    layout: DASHBOARD_LAYOUTS[v.layout],
    dealsRef,
    quotas,
    period: v.period ?? undefined,
    asOf: v.asOf ?? undefined,
    target: v.target ?? undefined,
  });
}

/** Every sheet's planner, by id. */
export const PLANNERS: { [K in SheetId]: Planner<K> } = {
  deals: (ctx) => {
    const d = dealsOf(ctx);
    return planDealsSheet(d.deals, d.pipeline, { ...base(ctx), sheetName: d.ref.sheetName });
  },
  importIssues: (ctx) => ({ sheets: [planImportIssuesSheet(dealsOf(ctx).issues, ctx.locale, { notes: dealsOf(ctx).notes })] }),
  funnel: planFunnel,
  reps: (ctx, v) => {
    const [deals, pipeline, source] = overDeals(ctx);
    const weights = { attainment: v.weightAttainment, winRate: v.weightWinRate, won: v.weightWon, satisfaction: v.weightSatisfaction };
    return planRepsSheet(deals, pipeline, { ...source, quotas: v.quotaByRep ?? v.quota ?? undefined, weights });
  },
  monthly: (ctx) => planMonthlySheet(...overDeals(ctx)),
  review: (ctx, v) => {
    const [deals, pipeline, source] = overDeals(ctx);
    return planReviewSheet(deals, pipeline, { ...source, period: v.period });
  },
  forecast: (ctx, v) => {
    const [deals, pipeline, source] = overDeals(ctx);
    return planForecastSheet(deals, pipeline, { ...source, horizon: v.horizon, window: v.window });
  },
  customers: (ctx, v) => {
    const [deals, pipeline, source] = overDeals(ctx);
    return planCustomersSheet(deals, pipeline, { ...source, asOf: v.asOf ?? undefined, maxCustomers: v.maxCustomers });
  },
  dashboard: planDashboard,
  goals: planGoals,
  templates: planTemplates,
  commission: planCommission,
};
