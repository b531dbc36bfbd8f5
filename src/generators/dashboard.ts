/**
 * The Dashboard sheet: charts over the other generated sheets laid out in a chosen layout —
 * a 2x2 grid, one large chart and three small ones, or a single column for narrow screens.
 * The charts read the other sheets' cells (`'Funnel'!C5:C9`), so they stay live.
 *
 * Panels are usually taken from a plan with `dashboardPanelsFrom(plan)`, which picks, in
 * this order, the funnel, the revenue trend, actual vs target and the mix.
 */
import { splitSheetRef } from "../workbook/address";
import { Block, ChartPlan, ChartType, SheetPlan, sheetRef, WorkbookPlan } from "../workbook/plan";
import { GeneratorOptions, noteBlock, PlanResult, textFor, titleBlock } from "./common";

export type DashboardLayout = "grid" | "oneLargeThreeSmall" | "singleColumn";

export const DASHBOARD_LAYOUTS: DashboardLayout[] = ["grid", "oneLargeThreeSmall", "singleColumn"];

/** A chart of another sheet, to show on the dashboard. */
export interface DashboardPanel {
  /** The sheet the chart's ranges are on (as planned). */
  sheet: string;
  chart: ChartPlan;
}

export interface DashboardOptions extends GeneratorOptions {
  /** Default "grid". */
  layout?: DashboardLayout;
}

interface Slot {
  anchor: string;
  width: number;
  height: number;
}

/** Where each chart goes, by layout (columns ~64 px, rows ~20 px wide/high). */
export const DASHBOARD_SLOTS: Record<DashboardLayout, Slot[]> = {
  grid: [
    { anchor: "A3", width: 480, height: 300 },
    { anchor: "I3", width: 480, height: 300 },
    { anchor: "A19", width: 480, height: 300 },
    { anchor: "I19", width: 480, height: 300 },
  ],
  oneLargeThreeSmall: [
    { anchor: "A3", width: 960, height: 360 },
    { anchor: "A22", width: 310, height: 240 },
    { anchor: "F22", width: 310, height: 240 },
    { anchor: "K22", width: 310, height: 240 },
  ],
  singleColumn: [
    { anchor: "A3", width: 400, height: 280 },
    { anchor: "A18", width: 400, height: 280 },
    { anchor: "A33", width: 400, height: 280 },
    { anchor: "A48", width: 400, height: 280 },
  ],
};

function qualify(sheet: string, range: string): string {
  return splitSheetRef(range).sheet !== undefined ? range : sheetRef(sheet, range);
}

const ROLE_ORDER: ChartType[][] = [["funnel"], ["line"], ["bar", "column"], ["pie", "doughnut"]];

/**
 * Picks up to four charts from a plan: the first funnel chart, the first line chart (revenue
 * trend), the first bar/column chart (actual vs target) and the first pie (mix); charts of
 * the dashboard itself are skipped. A missing role is left out.
 *
 * @example
 * dashboardPanelsFrom(planWorkbookWithoutDashboard).map(p => p.sheet) // ["Funnel", "Review", "Reps", "Review"]
 */
export function dashboardPanelsFrom(plan: WorkbookPlan, skipSheet?: string): DashboardPanel[] {
  const all: DashboardPanel[] = [];
  for (const sheet of plan.sheets) {
    if (sheet.name === skipSheet) continue;
    for (const chart of sheet.charts ?? []) all.push({ sheet: sheet.name, chart });
  }
  const panels: DashboardPanel[] = [];
  for (const types of ROLE_ORDER) {
    const found = all.find((p) => types.includes(p.chart.type) && !panels.includes(p));
    if (found) panels.push(found);
  }
  return panels;
}

/**
 * Plans the Dashboard sheet: the panels' charts, ranges qualified with their sheet, at the
 * layout's slots (the first panel takes the large slot). More than four panels: the rest
 * are left out.
 *
 * @example
 * planDashboardSheet(dashboardPanelsFrom(plan), { layout: "singleColumn" })
 */
export function planDashboardSheet(panels: readonly DashboardPanel[], options: DashboardOptions = {}): PlanResult {
  const t = textFor(options.locale);
  const slots = DASHBOARD_SLOTS[options.layout ?? "grid"] ?? DASHBOARD_SLOTS.grid;
  const charts: ChartPlan[] = panels.slice(0, slots.length).map((panel, i) => ({
    ...panel.chart,
    categories: qualify(panel.sheet, panel.chart.categories),
    series: panel.chart.series.map((s) => ({ ...s, values: qualify(panel.sheet, s.values) })),
    anchor: slots[i].anchor,
    width: slots[i].width,
    height: slots[i].height,
  }));
  const blocks: Block[] = [titleBlock("A1", t("dashboard.title"))];
  if (charts.length === 0) blocks.push(noteBlock("A3", t("dashboard.empty")));
  const sheet: SheetPlan = { name: options.sheetName ?? t("sheet.dashboard"), tabColor: "#203864", blocks, charts };
  return { sheets: [sheet], activeSheet: sheet.name };
}
