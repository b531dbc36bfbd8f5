/**
 * The whole workbook for the headless build: Deals, Funnel, Reps, Monthly, Review, Forecast,
 * Customers and Dashboard in one plan, every sheet reading the one Deals sheet.
 */
import { Deal, Pipeline } from "../core/deal";
import { SheetPlan, WorkbookPlan } from "../workbook/plan";
import { FieldError, GeneratorOptions, invalid, isInvalid, PlanResult } from "./common";
import { planCustomersSheet } from "./customers";
import { dashboardPanelsFrom, DashboardLayout, planDashboardSheet } from "./dashboard";
import { planDealsSheet } from "./deals";
import { planForecastSheet } from "./forecast";
import { planFunnelFromDeals } from "./funnel";
import { planMonthlySheet } from "./monthly";
import { planRepsSheet } from "./reps";
import { planReviewSheet, ReviewPeriod } from "./review";

export interface WorkbookOptions extends GeneratorOptions {
  /** Target conversion per funnel row (see FunnelOptions). */
  targetConversions?: (number | null)[];
  /** Quotas per rep or one for all (see RepsOptions). */
  quotas?: Record<string, number> | number;
  /** Review period, default "monthly". */
  reviewPeriod?: ReviewPeriod;
  /** As-of date for customer recency (ISO); default =TODAY(). */
  asOf?: string;
  /** Customers listed one per row (default 200, see CustomersOptions). */
  maxCustomers?: number;
  /** Forecast horizon and window (months). */
  horizon?: number;
  window?: number;
  /** Dashboard layout, default "grid". */
  dashboardLayout?: DashboardLayout;
}

/**
 * Plans the whole workbook from normalized deals. Every part is validated first; when any
 * part refuses its input, nothing is planned and all the errors come back together.
 *
 * Sheet names are unique (localized defaults) and cross-sheet references use `sheetRef`, so a
 * writer that renames a sheet can rewrite them.
 *
 * @example
 * const plan = planWorkbook(deals, pipeline, { locale: "zh-CN", currency: "CNY" });
 * // sheets: 商机, 销售漏斗, 销售绩效, 月度收入, 复盘, 预测, 客户档案, 仪表板
 */
export function planWorkbook(deals: readonly Deal[], pipeline: Pipeline, options: WorkbookOptions = {}): PlanResult {
  const base = { locale: options.locale, currency: options.currency };
  const shared = { ...base, includeDeals: false };
  const parts: PlanResult[] = [
    planDealsSheet(deals, pipeline, base),
    planFunnelFromDeals(deals, pipeline, { ...shared, targetConversions: options.targetConversions }),
    planRepsSheet(deals, pipeline, { ...shared, quotas: options.quotas }),
    planMonthlySheet(deals, pipeline, shared),
    planReviewSheet(deals, pipeline, { ...shared, period: options.reviewPeriod }),
    planForecastSheet(deals, pipeline, { ...shared, horizon: options.horizon, window: options.window }),
    planCustomersSheet(deals, pipeline, { ...shared, asOf: options.asOf, maxCustomers: options.maxCustomers }),
  ];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    if (!isInvalid(part)) continue;
    for (const e of part.errors) {
      const key = `${e.field}\u0000${e.message}`;
      if (!seen.has(key)) errors.push(e);
      seen.add(key);
    }
  }
  if (errors.length > 0) return invalid(errors);
  const sheets: SheetPlan[] = parts.flatMap((p) => (p as WorkbookPlan).sheets);
  const body: WorkbookPlan = { sheets };
  const dashboard = planDashboardSheet(dashboardPanelsFrom(body), { ...base, layout: options.dashboardLayout }) as WorkbookPlan;
  sheets.push(...dashboard.sheets);
  return { sheets, activeSheet: dashboard.sheets[0].name };
}
