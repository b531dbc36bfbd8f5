/**
 * What each generated sheet asks of its caller: its options (fields with limits and labels in
 * both languages), their defaults, checks across fields, and the data it needs. This half of
 * a sheet's spec is light (no generator code), so the task pane renders every form at once;
 * the other half, how the sheet is planned, is in `planners.ts` and loads on demand.
 *
 * The same declaration is read by the task pane's form, the command line's flags
 * (`--review-period quarterly`) and compose's validation.
 */
import type { CommissionCredits, CommissionPlan, PlanFieldError } from "../core/commission/types";
import { validateCommissionPlan } from "../core/commission/validate";
import { DEFAULT_STAGES_EN, DEFAULT_STAGES_ZH } from "../core/deal";
import type { UiKey } from "../i18n/uiLocale";
import type { GivenInput } from "../workbook/inputs";
import { todayIso, type FieldErrors, type FieldSpec, type FormValues, type ValuesOf } from "./fields";

/** Data a sheet is planned from, besides its options. */
export type SheetNeed = "deals" | "charts";

/** Values the defaults may depend on (the pane knows today; the command line leaves dates live). */
export interface DefaultsEnv {
  /** Today as YYYY-MM-DD; unset where a date should stay live (=TODAY()). */
  today?: string;
  /** First month of the fiscal year, 1..12 (default 1). */
  fiscalYearStart?: number;
  /** Settings' status thresholds (decimals). */
  onTrack?: number;
  atRisk?: number;
  locale?: "en-US" | "zh-CN";
  /** Deals were imported. */
  hasDeals?: boolean;
  /**
   * Fill example inputs a person overwrites (the task pane: a quota of 250,000); without it
   * those inputs stay blank for the user to type on the sheet (the command line).
   */
  examples?: boolean;
}

export interface SheetDeclaration<Fs extends readonly FieldSpec[] = readonly FieldSpec[]> {
  /** Heading and one-line description (UI keys, both languages). */
  heading: UiKey;
  intro: UiKey;
  /** Name of the sheet's command-line flags: `--<flag>-<field>` (kebab case). */
  flag: string;
  fields: Fs;
  /** Typed strings to start from. */
  defaults(env: DefaultsEnv): FormValues;
  /** Checks across fields, on parsed values (a deadline after its start...). */
  validate?(values: ValuesOf<Fs>): FieldErrors;
  /** What it is planned from, for these values. */
  needs(values: ValuesOf<Fs>): readonly SheetNeed[];
}

function declare<const Fs extends readonly FieldSpec[]>(declaration: SheetDeclaration<Fs>): SheetDeclaration<Fs> {
  return declaration;
}

const pct = (x: number) => String(Math.round(x * 1000) / 10);
const DEALS: readonly SheetNeed[] = ["deals"];
const NOTHING: readonly SheetNeed[] = [];

/** A target line that sets no target for its stage (the first stage has no conversion to aim at). */
export const NO_TARGET = "-";

/** Counts must match the stages one to one and be whole numbers of 0 or more; targets are rates. */
function validateFunnel(values: { source: string; stages: string[] | null; counts: string[] | null; targets: string[] }): FieldErrors {
  const errors: FieldErrors = {};
  const targets = values.targets;
  const isRate = (x: string) => x === NO_TARGET || (/^(\d+(\.\d+)?)%?$/.test(x) && Number(x.replace("%", "")) <= 100);
  if (!targets.every(isRate)) errors.targets = { key: "common.mustBeRate" };
  if (values.source !== "typed") return errors;
  const stages = values.stages ?? [];
  const counts = values.counts ?? [];
  if (new Set(stages.map((s) => s.toLowerCase())).size !== stages.length) errors.stages = { key: "data.duplicateStage" };
  if (counts.length !== stages.length) errors.counts = { key: "funnel.countsMismatch" };
  else if (counts.some((c) => !/^\d[\d,]*$/.test(c))) errors.counts = { key: "common.mustBeNonNegative" };
  return errors;
}

/** The funnel, from the imported deals or from typed stage counts. */
export const FUNNEL = declare({
  heading: "funnel.heading",
  intro: "home.funnel",
  flag: "funnel",
  fields: [
    { kind: "select", name: "source", label: "common.source", options: [
      { value: "deals", label: "common.sourceDeals" },
      { value: "typed", label: "common.sourceTyped" },
    ] },
    { kind: "lines", name: "stages", label: "funnel.stages", when: { field: "source", equals: "typed" } },
    { kind: "lines", name: "counts", label: "funnel.counts", when: { field: "source", equals: "typed" } },
    { kind: "lines", name: "targets", label: "funnel.targetConversion", optional: true, input: "target" },
  ],
  defaults: (env) => ({
    source: env.hasDeals === false ? "typed" : "deals",
    stages: (env.locale === "zh-CN" ? DEFAULT_STAGES_ZH : DEFAULT_STAGES_EN).join("\n"),
    counts: "200\n120\n60\n30",
    targets: "",
  }),
  validate: validateFunnel,
  needs: (v) => (v.source === "typed" ? NOTHING : DEALS),
});

/** The four scorecard weights add up to 100%. */
function validateReps(values: { weightAttainment: number; weightWinRate: number; weightWon: number; weightSatisfaction: number }): FieldErrors {
  const sum = values.weightAttainment + values.weightWinRate + values.weightWon + values.weightSatisfaction;
  return Math.abs(sum - 1) > 1e-9 ? { weightSatisfaction: { key: "scorecard.weightsSum" } } : {};
}

/** The reps' KPI scorecard over the deals. */
export const REPS = declare({
  heading: "scorecard.heading",
  intro: "home.scorecard",
  flag: "reps",
  fields: [
    { kind: "number", name: "quota", label: "scorecard.quota", min: 0, minExclusive: true, optional: true, input: "quota" },
    { kind: "number", name: "weightAttainment", label: "scorecard.weightRevenue", percent: true, min: 0, max: 100 },
    { kind: "number", name: "weightWinRate", label: "scorecard.weightWinRate", percent: true, min: 0, max: 100 },
    { kind: "number", name: "weightWon", label: "scorecard.weightWon", percent: true, min: 0, max: 100 },
    { kind: "number", name: "weightSatisfaction", label: "scorecard.weightSatisfaction", percent: true, min: 0, max: 100 },
  ],
  // No example quota: the reps are real, and a made-up quota would make up their attainment.
  defaults: () => ({ quota: "", weightAttainment: "50", weightWinRate: "20", weightWon: "15", weightSatisfaction: "15" }),
  validate: validateReps,
  needs: () => DEALS,
});

/** Won revenue by close month. */
export const MONTHLY = declare({
  heading: "monthly.heading",
  intro: "home.monthly",
  flag: "monthly",
  fields: [],
  defaults: () => ({}),
  needs: () => DEALS,
});

/** The period review. */
export const REVIEW = declare({
  heading: "review.heading",
  intro: "home.review",
  flag: "review",
  fields: [
    { kind: "select", name: "period", label: "review.period", options: [
      { value: "monthly", label: "review.monthly" },
      { value: "weekly", label: "review.weekly" },
      { value: "quarterly", label: "review.quarterly" },
    ] },
  ],
  defaults: () => ({ period: "monthly" }),
  needs: () => DEALS,
});

/** The revenue forecast. */
export const FORECAST = declare({
  heading: "forecast.heading",
  intro: "home.forecast",
  flag: "forecast",
  fields: [
    { kind: "number", name: "horizon", label: "forecast.horizon", integer: true, min: 1, max: 36 },
    { kind: "number", name: "window", label: "forecast.window", integer: true, min: 1, max: 24 },
  ],
  defaults: () => ({ horizon: "3", window: "3" }),
  needs: () => DEALS,
});

/** Customer profiles. Without a date the recency stays live (=TODAY()). */
export const CUSTOMERS = declare({
  heading: "customers.heading",
  intro: "home.customers",
  flag: "customers",
  fields: [
    { kind: "date", name: "asOf", label: "common.asOf", optional: true, blank: "common.blankToday" },
    { kind: "number", name: "maxCustomers", label: "customers.maxCustomers", integer: true, min: 1, max: 100000 },
  ],
  defaults: (env) => ({ asOf: env.today ?? "", maxCustomers: "200" }),
  needs: () => DEALS,
});

/**
 * The dashboard: KPI tiles over the deals (the month or quarter of the as-of date up to it,
 * against the one before up to the same day; without deals, only tiles of the charted sheets)
 * above charts of the sheets generated so far. Without a date it is the deals' last day, a
 * formula that follows the Deals sheet (as the Review's partial periods do).
 */
export const DASHBOARD = declare({
  heading: "dashboard.heading",
  intro: "home.dashboard",
  flag: "dashboard",
  fields: [
    { kind: "select", name: "source", label: "common.source", options: [
      { value: "deals", label: "common.sourceDeals" },
      { value: "typed", label: "common.sourceTyped" },
    ] },
    { kind: "select", name: "layout", label: "dashboard.layout", options: [
      { value: "grid", label: "dashboard.grid" },
      { value: "focus", label: "dashboard.focus" },
      { value: "column", label: "dashboard.column" },
    ] },
    { kind: "select", name: "period", label: "review.period", when: { field: "source", equals: "deals" }, options: [
      { value: "monthly", label: "review.monthly" },
      { value: "quarterly", label: "review.quarterly" },
    ] },
    { kind: "date", name: "asOf", label: "common.asOf", optional: true, blank: "common.blankDataAsOf", when: { field: "source", equals: "deals" }, input: "asOf" },
    { kind: "number", name: "target", label: "goals.revenueTarget", min: 0, minExclusive: true, optional: true, when: { field: "source", equals: "deals" }, input: "target" },
  ],
  defaults: (env) => ({ source: env.hasDeals === false ? "typed" : "deals", layout: "grid", period: "monthly", asOf: "", target: "" }),
  needs: (v) => (v.source === "deals" ? ["charts", "deals"] : ["charts"]),
});

/** The deadline after the start; "at risk" below "on track". */
function validateGoals(values: { start: string; deadline: string; onTrack: number; atRisk: number }): FieldErrors {
  const errors: FieldErrors = {};
  if (values.deadline <= values.start) errors.deadline = { key: "goals.deadlineBeforeStart" };
  if (values.atRisk > values.onTrack) errors.atRisk = { key: "goals.thresholdOrder" };
  return errors;
}

/** The fiscal year around today: its first day and its last day (ISO). */
export function fiscalYearSpan(fiscalYearStart: number, today: Date = new Date()): { start: string; end: string } {
  const y = today.getUTCFullYear();
  const startYear = today.getUTCMonth() + 1 >= fiscalYearStart ? y : y - 1;
  const start = new Date(Date.UTC(startYear, fiscalYearStart - 1, 1));
  const end = new Date(Date.UTC(startYear + 1, fiscalYearStart - 1, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/**
 * SMART goals with the article's KPIs. With deals, the revenue goal's baseline (last period)
 * and actual are read from them; without, every number is typed.
 */
export const GOALS = declare({
  heading: "goals.heading",
  intro: "home.goals",
  flag: "goals",
  fields: [
    { kind: "select", name: "source", label: "common.source", options: [
      { value: "deals", label: "common.sourceDeals" },
      { value: "typed", label: "common.sourceTyped" },
    ] },
    { kind: "date", name: "start", label: "goals.start" },
    { kind: "date", name: "deadline", label: "goals.deadline" },
    { kind: "date", name: "asOf", label: "common.asOf" },
    { kind: "number", name: "revenueTarget", label: "goals.revenueTarget", min: 0, minExclusive: true },
    { kind: "text", name: "owner", label: "goals.owner", optional: true },
    { kind: "number", name: "onTrack", label: "goals.onTrack", percent: true, min: 0 },
    { kind: "number", name: "atRisk", label: "goals.atRisk", percent: true, min: 0 },
  ],
  defaults: (env) => {
    const today = env.today ?? todayIso();
    const span = fiscalYearSpan(env.fiscalYearStart ?? 1, new Date(`${today}T00:00:00Z`));
    return {
      source: env.hasDeals === true ? "deals" : "typed",
      start: span.start,
      deadline: span.end,
      asOf: today,
      revenueTarget: "1000000",
      owner: "",
      onTrack: pct(env.onTrack ?? 0.95),
      atRisk: pct(env.atRisk ?? 0.8),
    };
  },
  validate: validateGoals,
  needs: (v) => (v.source === "deals" ? DEALS : NOTHING),
});

/** Planning templates (action plan, feedback, risks, competitors, training). */
export const TEMPLATES = declare({
  heading: "templates.heading",
  intro: "home.templates",
  flag: "templates",
  fields: [
    { kind: "select", name: "kind", label: "templates.kind", options: [
      { value: "actionPlan", label: "templates.actionPlan" },
      { value: "feedback", label: "templates.feedback" },
      { value: "risks", label: "templates.risks" },
      { value: "competitors", label: "templates.competitors" },
      { value: "training", label: "templates.training" },
    ] },
    { kind: "number", name: "rows", label: "templates.rows", integer: true, min: 1, max: 500 },
    { kind: "date", name: "asOf", label: "common.asOf" },
  ],
  defaults: (env) => ({ kind: "actionPlan", rows: "10", asOf: env.today ?? todayIso() }),
  needs: () => NOTHING,
});

/** One "rep, amount" line of typed commission credits. */
export const CREDIT_LINE = /^(.+?)[,，\t]\s*(-?[\d,]*\.?\d+)\s*$/;

function validateCommissionForm(values: { credits: string; creditLines: string[] | null }): FieldErrors {
  if (values.credits !== "typed") return {};
  return (values.creditLines ?? []).every((l) => CREDIT_LINE.test(l)) ? {} : { creditLines: { key: "commission.creditsInvalid" } };
}

/**
 * The commission sheets' form (the pane's plan editor; the command line reads a plan file
 * instead). The tier table is its own editor beside these fields.
 */
export const COMMISSION = declare({
  heading: "commission.heading",
  intro: "home.commission",
  flag: "commission",
  fields: [
    { kind: "select", name: "method", label: "commission.method", options: [
      { value: "marginal", label: "commission.marginal" },
      { value: "retroactive", label: "commission.retroactive" },
    ] },
    { kind: "select", name: "basis", label: "commission.basis", options: [
      { value: "amount", label: "commission.basisAmount" },
      { value: "attainment", label: "commission.basisAttainment" },
    ] },
    { kind: "number", name: "quota", label: "commission.quota", min: 0, minExclusive: true },
    { kind: "number", name: "gate", label: "commission.gate", percent: true, min: 0, optional: true },
    { kind: "number", name: "cap", label: "commission.cap", min: 0, optional: true },
    { kind: "select", name: "credits", label: "commission.credits", options: [
      { value: "deals", label: "commission.creditsFromDeals" },
      { value: "typed", label: "commission.creditsTyped" },
    ] },
    { kind: "lines", name: "creditLines", label: "commission.creditsTyped", when: { field: "credits", equals: "typed" } },
  ],
  defaults: (env) => ({
    method: "marginal",
    basis: "amount",
    quota: "250000",
    gate: "",
    cap: "",
    credits: env.hasDeals === false ? "typed" : "deals",
    creditLines: env.examples ? "Alice, 180000\nBob, 320000" : "",
  }),
  validate: validateCommissionForm,
  needs: (v) => (v.credits === "typed" ? NOTHING : DEALS),
});

/** Typed values of each form-backed sheet. */
export type FunnelValues = ValuesOf<typeof FUNNEL.fields>;
export type RepsValues = ValuesOf<typeof REPS.fields>;
export type MonthlyValues = ValuesOf<typeof MONTHLY.fields>;
export type ReviewValues = ValuesOf<typeof REVIEW.fields>;
export type ForecastValues = ValuesOf<typeof FORECAST.fields>;
export type CustomersValues = ValuesOf<typeof CUSTOMERS.fields>;
export type DashboardValues = ValuesOf<typeof DASHBOARD.fields>;
export type GoalsValues = ValuesOf<typeof GOALS.fields>;
export type TemplatesValues = ValuesOf<typeof TEMPLATES.fields>;
export type CommissionFormValues = ValuesOf<typeof COMMISSION.fields>;

/** Every form-backed sheet by id, in the order the command line builds them. */
export const SHEETS = {
  funnel: FUNNEL,
  reps: REPS,
  monthly: MONTHLY,
  review: REVIEW,
  forecast: FORECAST,
  customers: CUSTOMERS,
  dashboard: DASHBOARD,
  goals: GOALS,
  templates: TEMPLATES,
  commission: COMMISSION,
} as const;

export type FormSheetId = keyof typeof SHEETS;

/**
 * The inputs given a value in `values` (a sheet's form values or flags, typed or parsed): each
 * field that fills an input (`input`) and is not blank, as `carryInputs` takes them (the
 * sheet's role is its id). On a refresh these beat what the workbook's cells hold.
 *
 * @example givenInputs("dashboard", { asOf: "2025-06-30", target: "" }) // [{ role: "dashboard", input: "asOf" }]
 */
export function givenInputs(id: FormSheetId, values: Readonly<Record<string, unknown>> | undefined): GivenInput[] {
  const blank = (value: unknown) =>
    value === null || value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
  const fields: readonly FieldSpec[] = SHEETS[id].fields;
  return fields.filter((f) => f.input !== undefined && values !== undefined && !blank(values[f.name])).map((f) => ({ role: id, input: f.input! }));
}

/**
 * Typed "rep, amount" lines as one period of credits (a rep on several lines is summed), or
 * null when a line is not of that shape.
 *
 * @example
 * creditsFromLines(["Ann, 100", "Bob，1,200"], "2025-03") // { periods: ["2025-03"], reps: ["Ann", "Bob"], credits: [...] }
 */
export function creditsFromLines(lines: readonly string[], periodLabel: string): CommissionCredits | null {
  const byRep = new Map<string, number>();
  for (const line of lines) {
    const m = CREDIT_LINE.exec(line.trim());
    if (!m) return null;
    const rep = m[1].trim();
    byRep.set(rep, (byRep.get(rep) ?? 0) + Number(m[2].replace(/,/g, "")));
  }
  const reps = [...byRep.keys()];
  return { periods: [periodLabel], reps, credits: reps.map((rep) => ({ rep, period: 0, amount: byRep.get(rep) ?? 0 })) };
}

/** The pane's period settings as typed: period, fiscal year start, year to date, negative true-up. */
export interface CommissionPeriodInput {
  period: string;
  fiscalYearStart: string;
  cumulative: boolean;
  negativeTrueUp: string;
}

/** The period settings of a plan, as the plan file writes them. */
export type CommissionPeriodSettings = Pick<CommissionPlan, "period" | "fiscalYearStart" | "cumulative" | "negativeTrueUp">;

/** The fields the period settings check (problems of the plan's other fields are the form's). */
const PERIOD_FIELDS = ["period", "fiscalYearStart", "cumulative", "negativeTrueUp"];

/**
 * Reads the pane's period settings and checks them with the plan validation itself, so the
 * pane shows, as you type, the messages the command line gives for the same plan file
 * (translate them with `localizeCommissionMessages`). A fiscal start that is not a number is
 * checked as typed text ("fiscalYearStart must be a whole month number from 1 to 12 (got "x")").
 *
 * @example
 * commissionPeriodSettings({ period: "quarter", fiscalYearStart: "4", cumulative: true, negativeTrueUp: "carry" })
 * // { settings: { period: "quarter", fiscalYearStart: 4, cumulative: true, negativeTrueUp: "carry" }, errors: [] }
 * commissionPeriodSettings({ period: "month", fiscalYearStart: "13", cumulative: false, negativeTrueUp: "carry" }).errors[0].field
 * // "fiscalYearStart"
 */
export function commissionPeriodSettings(input: CommissionPeriodInput): { settings: CommissionPeriodSettings; errors: PlanFieldError[] } {
  const typed = input.fiscalYearStart.trim();
  const start = typed === "" ? 1 : /^[+-]?\d+(\.\d+)?$/.test(typed) ? Number(typed) : typed;
  const settings = {
    period: input.period,
    fiscalYearStart: start,
    ...(input.cumulative ? { cumulative: true, negativeTrueUp: input.negativeTrueUp } : {}),
  } as CommissionPeriodSettings;
  const probe = { basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0 }], quota: 1, ...settings } as CommissionPlan;
  return { settings, errors: validateCommissionPlan(probe).filter((e) => PERIOD_FIELDS.includes(e.field)) };
}

/** The commission plan the pane's form, tier table and period settings describe. */
export function commissionPlanFromForm(
  values: CommissionFormValues,
  tiers: { from: number; rate: number }[],
  periods: CommissionPeriodSettings = {},
): CommissionPlan {
  const plan: CommissionPlan = { ...periods, basis: values.basis, method: values.method, tiers, quota: values.quota };
  if (values.cap !== null) plan.cap = values.cap;
  if (values.gate !== null) plan.gate = values.gate;
  return plan;
}
