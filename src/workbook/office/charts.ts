/**
 * Charts through Office.js (ExcelApi 1.7), each named so a failed write can find it again.
 * A funnel chart is drawn as a bar chart with stages top to bottom where the host lacks the
 * funnel type (below ExcelApi 1.9) or rejects it: then the charts of the batch are removed
 * and drawn again.
 */
import { parseCell, rangeAddress, splitSheetRef } from "../address";
import type { ChartPlan, SheetPlan, WorkbookPlan } from "../plan";
import type { WriteSession } from "./rollback";

/** Pixels to points (96 dpi). */
function pixelsToPoints(pixels: number): number {
  return pixels * 0.75;
}

const CHART_TYPES: Record<Exclude<ChartPlan["type"], "funnel">, Excel.ChartType> = {
  column: "ColumnClustered" as Excel.ChartType,
  bar: "BarClustered" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
  doughnut: "Doughnut" as Excel.ChartType,
};

const funnelFallbackNotice =
  "The funnel chart is shown as a bar chart (stages top to bottom): this Excel has no funnel chart type.";

/** Name given to the n-th chart of a sheet, so a failed write can find and remove it. */
function chartName(index: number): string {
  return `SalesQuantChart${index + 1}`;
}

function rangeOf(
  context: Excel.RequestContext,
  proxies: Map<string, Excel.Worksheet>,
  home: Excel.Worksheet,
  ref: string,
): Excel.Range {
  const { sheet, address } = splitSheetRef(ref.replace(/^=/, ""));
  if (sheet === undefined) return home.getRange(address);
  const proxy = proxies.get(sheet) ?? context.workbook.worksheets.getItem(sheet);
  return proxy.getRange(address);
}

function addCharts(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  proxies: Map<string, Excel.Worksheet>,
  funnelSupported: boolean,
  /** Axis and data-label number formats need ExcelApi 1.8. */
  numberFormatsSupported: boolean,
): void {
  for (const sheet of plan.sheets) {
    const home = proxies.get(sheet.name)!;
    (sheet.charts ?? []).forEach((chart, index) => {
      const asFunnel = chart.type === "funnel" && funnelSupported;
      const type =
        chart.type === "funnel"
          ? asFunnel
            ? ("Funnel" as Excel.ChartType)
            : CHART_TYPES.bar
          : CHART_TYPES[chart.type];
      const first = rangeOf(context, proxies, home, chart.series[0].values);
      const added = home.charts.add(type, first, "Columns" as Excel.ChartSeriesBy);
      added.name = chartName(index);
      added.title.text = chart.title;
      added.legend.visible = chart.showLegend ?? chart.series.length > 1;
      const categories = rangeOf(context, proxies, home, chart.categories);
      chart.series.forEach((series, i) => {
        const s = i === 0 ? added.series.getItemAt(0) : added.series.add(series.name);
        s.name = series.name;
        s.setValues(rangeOf(context, proxies, home, series.values));
        s.setXAxisValues(categories);
      });
      if (chart.dataLabels) {
        added.dataLabels.showValue = true;
        if (chart.numberFormat && numberFormatsSupported)
          added.dataLabels.numberFormat = chart.numberFormat;
      }
      if (chart.type === "funnel" && !asFunnel) added.axes.categoryAxis.reversePlotOrder = true;
      if (
        chart.numberFormat &&
        numberFormatsSupported &&
        (chart.type === "column" || chart.type === "bar" || chart.type === "line")
      )
        added.axes.valueAxis.numberFormat = chart.numberFormat;
      const anchor = parseCell(chart.anchor);
      added.setPosition(
        home.getRange(
          rangeAddress({
            top: anchor.row,
            left: anchor.column,
            bottom: anchor.row,
            right: anchor.column,
          }),
        ),
      );
      added.width = pixelsToPoints(chart.width);
      added.height = pixelsToPoints(chart.height);
    });
  }
}

async function removeOurCharts(
  sheets: SheetPlan[],
  proxies: Map<string, Excel.Worksheet>,
  sync: () => Promise<void>,
): Promise<void> {
  const collections = sheets.map((s) => {
    const charts = proxies.get(s.name)!.charts;
    charts.load("items/name");
    return charts;
  });
  await sync();
  for (const charts of collections)
    for (const chart of charts.items) if (/^SalesQuantChart\d+$/.test(chart.name)) chart.delete();
}

/** Error codes with which Excel refuses an argument or an operation (not a transient failure). */
const REJECTION_CODES = new Set([
  "InvalidArgument",
  "NotImplemented",
  "ApiNotFound",
  "UnsupportedOperation",
  "InvalidOperation",
]);

function isRejection(error: unknown): boolean {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && REJECTION_CODES.has(code);
}

/**
 * Queues the charts of every sheet and sends them (one sync); if the host rejects the funnel
 * type, removes this batch's charts and sends them again with bars (two more syncs).
 */
export async function writeCharts(
  session: WriteSession,
  plan: WorkbookPlan,
  proxies: Map<string, Excel.Worksheet>,
): Promise<void> {
  const { context, excelApi, sync, notices } = session;
  const chartSheets = plan.sheets.filter((s) => (s.charts ?? []).length > 0);
  if (chartSheets.length === 0) return;
  if (!excelApi("1.7")) {
    notices.push(
      "Charts were skipped: this Excel cannot build charts from add-ins (ExcelApi 1.7).",
    );
    return;
  }
  const funnelSupported = excelApi("1.9");
  const anyFunnel = chartSheets.some((s) => s.charts!.some((c) => c.type === "funnel"));
  if (anyFunnel && !funnelSupported) notices.push(funnelFallbackNotice);
  addCharts(context, plan, proxies, funnelSupported, excelApi("1.8"));
  try {
    await sync();
  } catch (error) {
    if (!(anyFunnel && funnelSupported && isRejection(error))) throw error;
    // The host rejected the funnel type: remove the charts of this batch and draw bars instead.
    await removeOurCharts(chartSheets, proxies, sync);
    notices.push(funnelFallbackNotice);
    addCharts(context, plan, proxies, false, excelApi("1.8"));
    await sync();
  }
}
