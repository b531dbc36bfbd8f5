/**
 * Dashboard pane -> src/generators/dashboard.ts: charts of the sheets written so far.
 */
import type { WorkbookPlan } from "../../workbook/plan";
import type { DashboardLayout } from "../../generators/dashboard";
import type { GenerateContext } from "../appContext";
import type { DashboardLayoutId } from "../components/LayoutChooser";
import type { ParsedValues } from "../form";
import { formatUi } from "../../i18n/uiLocale";
import { generatorOptions } from "./common";
import { fromGenerator, WiringResult } from "./result";

const LAYOUTS: Record<DashboardLayoutId, DashboardLayout> = { grid: "grid", focus: "oneLargeThreeSmall", column: "singleColumn" };

export async function planDashboard(_values: ParsedValues, context: GenerateContext, extra: unknown): Promise<WiringResult> {
  const { dashboardPanelsFrom, planDashboardSheet } = await import(/* webpackChunkName: "generators" */ "../../generators/dashboard");
  const layout = LAYOUTS[(extra as { layout?: DashboardLayoutId })?.layout ?? "grid"] ?? "grid";
  const written: WorkbookPlan = {
    sheets: [...context.writtenCharts].reverse().map((c) => ({ name: c.sheet, blocks: [], charts: [c.chart] })),
  };
  const panels = dashboardPanelsFrom(written);
  if (panels.length === 0) {
    return { ok: false, errors: [{ field: "", message: formatUi(context.locale, "dashboard.needsSheets") }] };
  }
  return fromGenerator(planDashboardSheet(panels, { ...generatorOptions(context), layout }));
}
