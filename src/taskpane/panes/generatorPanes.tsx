/**
 * The generator panes made of a plain form: each is its fields, its defaults, its checks
 * and its wiring. (Data, Funnel, Commission and Settings have their own files.)
 */
import * as React from "react";
import { useAppState } from "../appContext";
import { GeneratorPane } from "../components/GeneratorPane";
import { DashboardLayoutId, LayoutChooser } from "../components/LayoutChooser";
import { FieldErrors, FieldSpec, ParsedValues, todayIso } from "../form";
import { planCustomers } from "../wiring/customers";
import { planDashboard } from "../wiring/dashboard";
import { planForecast } from "../wiring/forecast";
import { planGoals } from "../wiring/goals";
import { planReview } from "../wiring/review";
import { planScorecard } from "../wiring/scorecard";
import { planTemplates } from "../wiring/templates";
import type { PaneId } from "./paneIds";

const pct = (x: number) => String(Math.round(x * 1000) / 10);

const GOALS_FIELDS: FieldSpec[] = [
  { kind: "date", name: "start", label: "goals.start" },
  { kind: "date", name: "deadline", label: "goals.deadline" },
  { kind: "date", name: "asOf", label: "common.asOf" },
  { kind: "number", name: "revenueTarget", label: "goals.revenueTarget", min: 0, minExclusive: true },
  { kind: "text", name: "owner", label: "goals.owner", optional: true },
  { kind: "number", name: "onTrack", label: "goals.onTrack", percent: true, min: 0 },
  { kind: "number", name: "atRisk", label: "goals.atRisk", percent: true, min: 0 },
];

/** The deadline after the start; "at risk" below "on track". */
export function validateGoals(values: ParsedValues): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof values.start === "string" && typeof values.deadline === "string" && values.deadline <= values.start) {
    errors.deadline = { key: "goals.deadlineBeforeStart" };
  }
  if (typeof values.onTrack === "number" && typeof values.atRisk === "number" && values.atRisk > values.onTrack) {
    errors.atRisk = { key: "goals.thresholdOrder" };
  }
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

function GoalsPane(): JSX.Element {
  const { settings } = useAppState();
  const span = fiscalYearSpan(settings.fiscalYearStart);
  const initial = {
    start: span.start,
    deadline: span.end,
    asOf: todayIso(),
    revenueTarget: "1000000",
    owner: "",
    onTrack: pct(settings.onTrackThreshold),
    atRisk: pct(settings.atRiskThreshold),
  };
  return <GeneratorPane id="goals" heading="goals.heading" intro="home.goals" fields={GOALS_FIELDS} initial={initial} validate={validateGoals} plan={planGoals} />;
}

function ReviewPane(): JSX.Element {
  const fields: FieldSpec[] = [
    { kind: "select", name: "period", label: "review.period", options: [
      { value: "monthly", label: "review.monthly" },
      { value: "weekly", label: "review.weekly" },
      { value: "quarterly", label: "review.quarterly" },
    ] },
  ];
  return <GeneratorPane id="review" heading="review.heading" intro="home.review" fields={fields} initial={{ period: "monthly" }} plan={planReview} needsDeals />;
}

const SCORECARD_FIELDS: FieldSpec[] = [
  { kind: "number", name: "quota", label: "scorecard.quota", min: 0, minExclusive: true },
  { kind: "number", name: "weightAttainment", label: "scorecard.weightRevenue", percent: true, min: 0, max: 100 },
  { kind: "number", name: "weightWinRate", label: "scorecard.weightWinRate", percent: true, min: 0, max: 100 },
  { kind: "number", name: "weightWon", label: "scorecard.weightWon", percent: true, min: 0, max: 100 },
  { kind: "number", name: "weightSatisfaction", label: "scorecard.weightSatisfaction", percent: true, min: 0, max: 100 },
];

/** The four weights add up to 100%. */
export function validateScorecard(values: ParsedValues): FieldErrors {
  const sum = ["weightAttainment", "weightWinRate", "weightWon", "weightSatisfaction"].reduce((s, k) => s + ((values[k] as number) ?? 0), 0);
  return Math.abs(sum - 1) > 1e-9 ? { weightSatisfaction: { key: "scorecard.weightsSum" } } : {};
}

function ScorecardPane(): JSX.Element {
  const initial = { quota: "250000", weightAttainment: "50", weightWinRate: "20", weightWon: "15", weightSatisfaction: "15" };
  return <GeneratorPane id="scorecard" heading="scorecard.heading" intro="home.scorecard" fields={SCORECARD_FIELDS} initial={initial} validate={validateScorecard} plan={planScorecard} needsDeals />;
}

function ForecastPane(): JSX.Element {
  const fields: FieldSpec[] = [
    { kind: "number", name: "horizon", label: "forecast.horizon", integer: true, min: 1, max: 36 },
    { kind: "number", name: "window", label: "forecast.window", integer: true, min: 1, max: 24 },
  ];
  return <GeneratorPane id="forecast" heading="forecast.heading" intro="home.forecast" fields={fields} initial={{ horizon: "3", window: "3" }} plan={planForecast} needsDeals />;
}

function CustomersPane(): JSX.Element {
  const fields: FieldSpec[] = [{ kind: "date", name: "asOf", label: "common.asOf" }];
  return <GeneratorPane id="customers" heading="customers.heading" intro="home.customers" fields={fields} initial={{ asOf: todayIso() }} plan={planCustomers} needsDeals />;
}

function DashboardPane(): JSX.Element {
  const [layout, setLayout] = React.useState<DashboardLayoutId>("grid");
  return (
    <GeneratorPane id="dashboard" heading="dashboard.heading" intro="home.dashboard" fields={[]} initial={{}} plan={planDashboard} extra={{ layout }}>
      <LayoutChooser value={layout} onChange={setLayout} />
    </GeneratorPane>
  );
}

function TemplatesPane(): JSX.Element {
  const fields: FieldSpec[] = [
    { kind: "select", name: "kind", label: "templates.kind", options: [
      { value: "actionPlan", label: "templates.actionPlan" },
      { value: "feedback", label: "templates.feedback" },
      { value: "risks", label: "templates.risks" },
      { value: "competitors", label: "templates.competitors" },
      { value: "training", label: "templates.training" },
    ] },
    { kind: "number", name: "rows", label: "templates.rows", integer: true, min: 1, max: 500 },
    { kind: "date", name: "asOf", label: "common.asOf" },
  ];
  return <GeneratorPane id="templates" heading="templates.heading" intro="home.templates" fields={fields} initial={{ kind: "actionPlan", rows: "10", asOf: todayIso() }} plan={planTemplates} />;
}

export const GENERATOR_PANES: Partial<Record<PaneId, () => JSX.Element>> & Record<"goals" | "review" | "scorecard" | "forecast" | "customers" | "dashboard" | "templates", () => JSX.Element> = {
  goals: GoalsPane,
  review: ReviewPane,
  scorecard: ScorecardPane,
  forecast: ForecastPane,
  customers: CustomersPane,
  dashboard: DashboardPane,
  templates: TemplatesPane,
};
