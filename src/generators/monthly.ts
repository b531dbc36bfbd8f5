/**
 * The Monthly sheet: won revenue and deals won by close month, with month-on-month growth,
 * all SUMIFS / COUNTIFS over the Deals sheet (close date between the first and the last day
 * of the month), and a column chart.
 *
 * Layout: title A1, header row 3, one row per month from row 4:
 * `Month | Won revenue | Deals won | Growth vs previous month | Month start`. Table name
 * `Monthly`. Months run from the first to the last close month of the won deals, gaps
 * included (a month with no win shows 0). "Month" is the text "YYYY-MM" (chart labels);
 * "Month start" is the real date of the first day, which the formulas use.
 *
 * A last month that is not over on the data's as-of date (the rule of the Review, `dataAsOf`:
 * the latest created date or won/lost close date) is partial: its label says so
 * ("2025-05 (partial)", "2025-05（部分）"), a note in A2 gives the as-of date, its numbers are
 * those so far and its growth is left blank (part of a month against a whole one would read
 * as a fall); the chart stops at the last complete month.
 */
import { Deal, Pipeline } from "../core/deal";
import { PlanCell, WorkbookPlan } from "../workbook/plan";
import {
  dataAsOf,
  fitHeaderWidths,
  fitWidth,
  headerRow,
  invalid,
  dealSpan,
  isPartialPeriod,
  monthEnd,
  monthLabel,
  monthStarts,
  noteBlock,
  PlanResult,
  sheetFormats,
  tableOver,
  textFor,
  titleBlock,
  validateStageNames,
} from "./common";
import { dealsRange, dealsRefFor, DealsSourceOptions, statusLiteral } from "./deals";

export const MONTHLY_TABLE_NAME = "Monthly";
export const MONTHLY_HEADER_ROW = 3;
export const MONTHLY_FIRST_ROW = 4;

/**
 * The month starts (Excel serials) a deal-based monthly sheet covers: the close months of the
 * won deals, first to last; when nothing is won, the close months of all deals; when no
 * deal has a close date, none.
 */
export function wonMonthStarts(deals: readonly Deal[]): number[] {
  const span = dealSpan(deals, (d) => d.status === "won", false) ?? dealSpan(deals, () => true, false);
  return span ? monthStarts(span.first, span.last) : [];
}

/**
 * SUMIFS criteria "close date within the month starting in cell `monthCell`".
 *
 * @example
 * closeMonthCriteria(closeRange, "E4") // `'Deals'!$H$2:$H$13,">="&E4,'Deals'!$H$2:$H$13,"<="&EOMONTH(E4,0)`
 */
export function closeMonthCriteria(closeRange: string, monthCell: string): string {
  return `${closeRange},">="&${monthCell},${closeRange},"<="&EOMONTH(${monthCell},0)`;
}

/**
 * Plans the Monthly sheet over the Deals sheet.
 *
 * Rules: growth = (this month - previous) / ABS(previous), blank for the first month and when
 * the previous month is 0 (no honest growth from nothing).
 *
 * @example
 * planMonthlySheet(deals, pipeline) // B4 "=SUMIFS('Deals'!$E$2:$E$13,'Deals'!$J$2:$J$13,"Won",...)"
 */
export function planMonthlySheet(deals: readonly Deal[], pipeline: Pipeline, options: DealsSourceOptions = {}): PlanResult {
  const errors = validateStageNames(pipeline.stages.map((s) => s.name), options.locale, "pipeline.stages");
  if (errors.length > 0) return invalid(errors);
  const t = textFor(options.locale);
  const formats = sheetFormats(options);
  const layout = dealsRefFor(deals, pipeline, options);
  const amount = dealsRange(layout, "amount");
  const status = dealsRange(layout, "status");
  const close = dealsRange(layout, "close");
  const won = statusLiteral(layout, "won");
  const months = wonMonthStarts(deals);
  const asOfIso = dataAsOf(deals);
  const partial = months.map((month) => isPartialPeriod(monthEnd(month), asOfIso));
  const first = MONTHLY_FIRST_ROW;
  const cells: PlanCell[][] = months.map((month, i) => {
    const r = first + i;
    const inMonth = closeMonthCriteria(close, `$E${r}`);
    return [
      partial[i] ? t("common.partialMonth", { month: monthLabel(month) }) : monthLabel(month),
      { f: `=SUMIFS(${amount},${status},${won},${inMonth})` },
      { f: `=COUNTIFS(${status},${won},${inMonth})` },
      i === 0 || partial[i] ? null : { f: `=IF(B${r - 1}=0,"",(B${r}-B${r - 1})/ABS(B${r - 1}))` },
      month,
    ];
  });
  if (cells.length === 0) cells.push([null, null, null, null, null]);
  const last = first + cells.length - 1;
  // The chart stops at the last complete month, as the Review's does (all months when none is).
  const complete = partial.filter((x) => !x).length;
  const chartLast = complete > 0 ? first + complete - 1 : last;
  const headers = [t("monthly.header.month"), t("monthly.header.revenue"), t("monthly.header.won"), t("monthly.header.growth"), t("monthly.header.start")];
  const plan: WorkbookPlan = {
    sheets: [
      {
        name: options.sheetName ?? t("sheet.monthly"),
        tabColor: "#70AD47",
        blocks: [
          titleBlock("A1", t("monthly.title")),
          ...(partial.includes(true) ? [noteBlock("A2", t("review.note.partial", { date: asOfIso }))] : []),
          headerRow(`A${MONTHLY_HEADER_ROW}`, headers),
          { at: `A${first}`, cells, numberFormat: [null, formats.money, formats.count, formats.percent, formats.date] },
        ],
        tables: [tableOver(MONTHLY_TABLE_NAME, `A${MONTHLY_HEADER_ROW}`, headers.length, cells.length)],
        charts: [
          {
            type: "column",
            title: t("monthly.chart"),
            categories: `A${first}:A${chartLast}`,
            series: [{ name: t("monthly.header.revenue"), values: `B${first}:B${chartLast}` }],
            anchor: "G3",
            width: 520,
            height: 300,
            showLegend: false,
            numberFormat: formats.moneyWhole,
          },
        ],
        conditionalFormats: [
          { type: "cellValue", range: `D${first}:D${last}`, operator: "lessThan", formula1: "0", style: { fontColor: "#C00000" } },
        ],
        columnWidths: fitHeaderWidths({ A: fitWidth(cells.map((row) => row[0]), { min: 10 }), B: 16, C: 11, D: 12, E: 12 }, `A${MONTHLY_HEADER_ROW}`, headers),
        freeze: { rows: MONTHLY_HEADER_ROW, columns: 0 },
      },
    ],
  };
  plan.activeSheet = plan.sheets[plan.sheets.length - 1].name;
  return plan;
}
