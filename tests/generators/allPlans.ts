/**
 * One plan of every generator (both languages), for the checks that apply to all of them
 * (validatePlan, integration: xlsx + LibreOffice).
 */
import { WorkbookPlan } from "../../src/workbook/plan";
import type { Locale } from "../../src/core/locale";
import { isInvalid, PlanResult } from "../../src/generators/common";
import { planFunnelFromDeals, planFunnelSheet } from "../../src/generators/funnel";
import { defaultGoals, planGoalsSheet } from "../../src/generators/goals";
import { dealsLayout } from "../../src/generators/deals";
import { planReviewSheet } from "../../src/generators/review";
import { planRepsSheet } from "../../src/generators/reps";
import { planForecastSheet } from "../../src/generators/forecast";
import { planCustomersSheet } from "../../src/generators/customers";
import { planMonthlySheet } from "../../src/generators/monthly";
import { planDashboardSheet, dashboardPanelsFrom } from "../../src/generators/dashboard";
import { planActionPlanSheet, planCompetitorsSheet, planFeedbackSheet, planRisksSheet, planTrainingSheet } from "../../src/generators/templates";
import { planWorkbook } from "../../src/compose/workbook";
import type { ComposeResult } from "../../src/compose/result";
import { buildDeals, PIPELINE, PIPELINE_ZH, withDeals } from "./sampleDeals";

export function must(result: PlanResult): WorkbookPlan {
  if (isInvalid(result)) throw new Error(JSON.stringify(result.errors));
  return result;
}

/** The plan of a composed workbook, or a thrown error naming what was refused. */
export function composed(result: ComposeResult): WorkbookPlan {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

export function everyGeneratorPlan(locale: Locale): Record<string, WorkbookPlan> {
  const pipeline = locale === "zh-CN" ? PIPELINE_ZH : PIPELINE;
  const deals = buildDeals(pipeline);
  const o = { locale, asOf: "2025-06-30" };
  const workbook = composed(planWorkbook(deals, pipeline, { locale, sheets: { reps: { quota: "5000" }, customers: { asOf: o.asOf } } }));
  return {
    funnel: must(withDeals(planFunnelFromDeals, deals, pipeline, { locale, targetConversions: [null, 0.8, 0.9, 0.8, 0.9] })),
    typedFunnel: must(planFunnelSheet([{ name: pipeline.stages[0].name, count: 200 }, { name: pipeline.stages[1].name, count: 120, target: 0.5 }], { locale })),
    goals: must(
      planGoalsSheet(
        defaultGoals(locale, 2025).map((g, i) => ({ ...g, actual: [640_000, 21, 0.24, 0.86, 0.12, 0.64, 0.13][i] })),
        o,
      ),
    ),
    goalsFromDeals: must(
      withDeals(
        (d, p, opt) =>
          planGoalsSheet(
            defaultGoals(locale, 2025).map((g, i) => (i === 0 ? { ...g, fromDeals: "wonRevenue" as const } : g)),
            { ...opt, asOf: o.asOf, dealsRef: dealsLayout(d, p, locale) },
          ),
        deals,
        pipeline,
        { locale },
      ),
    ),
    review: must(withDeals(planReviewSheet, deals, pipeline, { locale, period: "quarterly" })),
    reps: must(withDeals(planRepsSheet, deals, pipeline, { locale, quotas: { Alice: 5000, Bob: 4000, Carol: 5000 } })),
    monthly: must(withDeals(planMonthlySheet, deals, pipeline, { locale })),
    forecast: must(withDeals(planForecastSheet, deals, pipeline, { locale })),
    customers: must(withDeals(planCustomersSheet, deals, pipeline, o)),
    dashboard: {
      sheets: [...workbook.sheets.filter((s) => s.charts?.length && s !== workbook.sheets[workbook.sheets.length - 1]), ...must(planDashboardSheet(dashboardPanelsFrom(workbook, workbook.sheets[workbook.sheets.length - 1].name), { locale, layout: "oneLargeThreeSmall" })).sheets, workbook.sheets[0]],
    },
    actionPlan: must(planActionPlanSheet(undefined, o)),
    feedback: must(
      planFeedbackSheet(
        [
          { customer: "Acme", lastContact: "2025-06-02", nextFollowUp: "2025-06-20", nps: 9, csat: 5, comment: "Renewal on track" },
          { customer: "Beta", lastContact: "2025-05-15", nextFollowUp: "2025-07-15", nps: 7, csat: 4 },
          { customer: "Cora", lastContact: "2025-04-30", nextFollowUp: "2025-06-01", nps: 4, csat: 2, comment: "Late delivery" },
          { customer: "Dyna", lastContact: "2025-06-10", nextFollowUp: "2025-07-10", nps: 10, csat: 5 },
        ],
        o,
      ),
    ),
    risks: must(planRisksSheet(undefined, o)),
    competitors: must(planCompetitorsSheet(undefined, o)),
    training: must(planTrainingSheet([{ rep: "Bob", skill: "negotiation" }], o)),
    workbook,
  };
}
