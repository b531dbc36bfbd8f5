/**
 * The Forecast sheet: monthly won revenue (history, SUMIFS over the Deals sheet), a linear
 * trend through it extended `horizon` months ahead, a moving average, the annual run-rate,
 * and the open and weighted open pipeline; an actual vs forecast line chart.
 *
 * Layout: title A1, summary A3:B7, header row 9, one row per month from row 10 (table
 * `Forecast`, A:F): `Month | Period # | Actual | Linear trend | Moving average | Month start`
 * ("Month" is the text "YYYY-MM" for the chart, "Month start" the date the formulas use).
 *
 * Rules:
 * - Trend at period x = AVERAGE(actual) + SLOPE(actual, period) * (x - AVERAGE(period)): the
 *   least-squares line, the same number as FORECAST/TREND (written with SLOPE and AVERAGE so
 *   every engine computes it); blank with fewer than two months of history.
 * - Moving average at month i = AVERAGE of the `window` actuals ending at i (blank before
 *   there are `window`); future months carry the last one forward.
 * - Run-rate = AVERAGE of the last `window` actuals x 12.
 * - Weighted open pipeline = sum over open deals of amount x probability.
 * - A last month not over on the data's as-of date (the Review's rule, `dataAsOf`) is partial:
 *   its label says so and its actual is the revenue so far, but it is left out of the fitted
 *   history (trend, moving average and run-rate use the complete months only; from it on the
 *   moving average carries the last one), the chart's actual line ends before it, and a note
 *   in A2 says so. With no complete month at all, every month is fitted.
 */
import { Deal, Pipeline } from "../core/deal";
import { PlanCell, WorkbookPlan } from "../workbook/plan";
import { dateFromSerial } from "../core/dates";
import {
  dataAsOf,
  FieldError,
  fitHeaderWidths,
  fitWidth,
  headerRow,
  invalid,
  isPartialPeriod,
  isoToSerial,
  labelledInputs,
  monthEnd,
  monthLabel,
  noteBlock,
  PlanResult,
  sheetFormats,
  sheetText,
  tableOver,
  textFor,
  titleBlock,
  validateStageNames,
} from "./common";
import { dealsRange, dealsRefFor, DealsSourceOptions, statusLiteral } from "./deals";
import { closeMonthCriteria, wonMonthStarts } from "./monthly";

export const FORECAST_TABLE_NAME = "Forecast";
export const FORECAST_HEADER_ROW = 9;
export const FORECAST_FIRST_ROW = 10;

export interface ForecastOptions extends DealsSourceOptions {
  /** Months to forecast after the last month of history, default 3 (1..36). */
  horizon?: number;
  /** Moving-average and run-rate window in months, default 3 (1..24). */
  window?: number;
}

function addMonths(serial: number, months: number): number {
  const d = dateFromSerial(serial);
  return isoToSerial(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)).toISOString())!;
}

/**
 * Plans the Forecast sheet over the Deals sheet.
 *
 * @example
 * planForecastSheet(deals, pipeline, { horizon: 6, window: 3 })
 */
export function planForecastSheet(deals: readonly Deal[], pipeline: Pipeline, options: ForecastOptions = {}): PlanResult {
  const locale = options.locale;
  const horizon = options.horizon ?? 3;
  const window = options.window ?? 3;
  const errors: FieldError[] = validateStageNames(pipeline.stages.map((s) => s.name), locale, "pipeline.stages");
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 36) errors.push({ field: "horizon", message: sheetText(locale, "error.horizonRange") });
  if (!Number.isInteger(window) || window < 1 || window > 24) errors.push({ field: "window", message: sheetText(locale, "error.windowRange") });
  if (errors.length > 0) return invalid(errors);

  const t = textFor(locale);
  const formats = sheetFormats(options);
  const layout = dealsRefFor(deals, pipeline, options);
  const amount = dealsRange(layout, "amount");
  const status = dealsRange(layout, "status");
  const close = dealsRange(layout, "close");
  const probability = dealsRange(layout, "probability");
  const won = statusLiteral(layout, "won");
  const open = statusLiteral(layout, "open");

  let history = wonMonthStarts(deals);
  if (history.length === 0) history = [isoToSerial(new Date().toISOString().slice(0, 7) + "-01")!];
  const n = history.length;
  const asOfIso = dataAsOf(deals);
  const partial = history.map((month) => isPartialPeriod(monthEnd(month), asOfIso));
  // The fitted history: the complete months (all of them when none is complete).
  const complete = partial.filter((x) => !x).length;
  const fitted = complete > 0 ? complete : n;
  const first = FORECAST_FIRST_ROW;
  const lastHistory = first + n - 1;
  const lastFitted = first + fitted - 1;
  const last = lastHistory + horizon;
  const actualRange = `$C$${first}:$C$${lastFitted}`;
  const periodRange = `$B$${first}:$B$${lastFitted}`;
  const tail = Math.min(window, fitted);
  const tailRange = `C${lastFitted - tail + 1}:C${lastFitted}`;

  const cells: PlanCell[][] = [];
  for (let i = 0; i < n + horizon; i++) {
    const r = first + i;
    const isHistory = i < n;
    const month = isHistory ? history[i] : addMonths(history[n - 1], i - n + 1);
    const movingAverage: PlanCell =
      i < fitted
        ? i + 1 >= window
          ? { f: `=AVERAGE(C${r - window + 1}:C${r})` }
          : null
        : { f: `=AVERAGE(${tailRange})` };
    cells.push([
      isHistory && partial[i] ? t("common.partialMonth", { month: monthLabel(month) }) : monthLabel(month),
      i + 1,
      isHistory ? { f: `=SUMIFS(${amount},${status},${won},${closeMonthCriteria(close, `$F${r}`)})` } : null,
      { f: `=IFERROR(AVERAGE(${actualRange})+SLOPE(${actualRange},${periodRange})*(B${r}-AVERAGE(${periodRange})),"")` },
      movingAverage,
      month,
    ]);
  }
  const headers = [
    t("forecast.header.month"),
    t("forecast.header.period"),
    t("forecast.header.actual"),
    t("forecast.header.trend"),
    t("forecast.header.movingAverage"),
    t("forecast.header.start"),
  ];
  const nextRow = lastHistory + 1;
  const summary = [
    { label: t("forecast.summary.nextTrend"), value: { f: `=D${nextRow}` }, numberFormat: formats.money },
    { label: t("forecast.summary.movingAverage", { window }), value: { f: `=E${nextRow}` }, numberFormat: formats.money },
    { label: t("forecast.summary.runRate", { window: tail }), value: { f: `=AVERAGE(${tailRange})*12` }, numberFormat: formats.money },
    { label: t("forecast.summary.openPipeline"), value: { f: `=SUMIFS(${amount},${status},${open})` }, numberFormat: formats.money },
    { label: t("forecast.summary.weightedPipeline"), value: { f: `=SUMPRODUCT((${status}=${open})*${amount}*${probability})` }, numberFormat: formats.money },
  ];
  const sheetName = options.sheetName ?? t("sheet.forecast");
  const plan: WorkbookPlan = {
    sheets: [
      {
        name: sheetName,
        tabColor: "#7030A0",
        blocks: [
          titleBlock("A1", t("forecast.title")),
          ...(fitted < n
            ? [noteBlock("A2", t("forecast.note.partial", { date: asOfIso, month: monthLabel(history[fitted]), last: monthLabel(history[fitted - 1]) }))]
            : []),
          ...labelledInputs("A3", summary),
          headerRow(`A${FORECAST_HEADER_ROW}`, headers),
          { at: `A${first}`, cells, numberFormat: [null, "0", formats.money, formats.money, formats.money, formats.date] },
        ],
        tables: [tableOver(FORECAST_TABLE_NAME, `A${FORECAST_HEADER_ROW}`, headers.length, cells.length)],
        charts: [
          {
            type: "line",
            title: t("forecast.chart"),
            categories: `A${first}:A${last}`,
            series: [
              // The actual line ends with the fitted history: a partial month's revenue so far is in the table only.
              { name: t("forecast.header.actual"), values: `C${first}:C${fitted < n ? lastFitted : last}` },
              { name: t("forecast.header.trend"), values: `D${first}:D${last}` },
              { name: t("forecast.header.movingAverage"), values: `E${first}:E${last}` },
            ],
            anchor: "H3",
            width: 560,
            height: 320,
            showLegend: true,
            numberFormat: formats.moneyWhole,
          },
        ],
        conditionalFormats: [{ type: "formula", range: `A${nextRow}:F${last}`, formula: `=$C${nextRow}=""`, style: { fill: "#EDE7F6" } }],
        // Column A holds the summary labels (bold) and the month labels.
        columnWidths: fitHeaderWidths(
          { A: Math.max(fitWidth(summary.map((row) => row.label), { bold: true }), fitWidth(cells.map((row) => row[0]), { min: 10 })), B: 16, C: 15, D: 15, E: 15, F: 12 },
          `A${FORECAST_HEADER_ROW}`,
          headers,
        ),
        freeze: { rows: FORECAST_HEADER_ROW, columns: 0 },
      },
    ],
    activeSheet: sheetName,
  };
  return plan;
}
