/**
 * The period review: a weekly, monthly or quarterly roll-up over the Deals sheet of won
 * revenue, deals won and lost, win rate, average deal, new deals and how many of them are
 * won, with the change vs the previous period and vs the same period a year before (when
 * the data reaches back that far), a trend line chart and a revenue mix pie by source.
 *
 * Layout: title A1, kind A2, header row 4, one row per period from row 5 (table `Review`,
 * A:L): `Period | Start | End | Won revenue | Deals won | Deals lost | Win rate |
 * Average deal | New deals | New deals won | Revenue vs previous | Revenue vs year before`.
 * Mix (when any deal has a source) at N4: `Source | Won revenue | Share`, one row per source and,
 * when some deals have none, a last "(no source)" row (the won amounts whose source is blank), so the
 * shares add up to all won revenue.
 *
 * Rules: a deal belongs to the period holding its close date (won/lost) or its created date
 * (new deals). Win rate = won / (won + lost) by count. "New deals won" = deals created in the
 * period that are won now, divided by the deals created in it. Growth = (this - base) /
 * ABS(base), blank when the base is 0. A year before = 12 months, 4 quarters or 52 weeks back.
 * Weeks start on Monday.
 *
 * Partial periods: the data is as of `asOf` (default the latest created date or won/lost close
 * date; an open deal's close date is only expected, so it does not count). By default the
 * review ends on that day (or on the latest date of the deals, if earlier). A period that ends
 * after it is not over yet: its label says so ("2025-04 (partial)", "2025-04（部分）"), a note
 * in A3 gives the as-of date, both growth columns are left blank for it (a part of a period
 * compared with a whole one would read as a fall; no like-for-like comparison is attempted),
 * and the trend chart stops at the last complete period (it keeps every period when none is
 * complete). Its counts and sums are the deals so far.
 */
import { Deal, Pipeline } from "../core/deal";
import type { Locale } from "../core/locale";
import { PlanCell, WorkbookPlan } from "../workbook/plan";
import { dateFromSerial, excelSerial } from "../core/dates";
import {
  dataAsOf,
  distinctTexts,
  FieldError,
  fitHeaderWidths,
  fitWidth,
  headerRow,
  invalid,
  isPartialPeriod,
  dealSpan,
  isoToSerial,
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

export const REVIEW_TABLE_NAME = "Review";
export const REVIEW_HEADER_ROW = 4;
export const REVIEW_FIRST_ROW = 5;
export const REVIEW_MAX_PERIODS = 520;

export type ReviewPeriod = "weekly" | "monthly" | "quarterly";

export interface ReviewOptions extends DealsSourceOptions {
  /** Default "monthly". */
  period?: ReviewPeriod;
  /** First day covered (ISO); default the earliest close or created date. */
  from?: string;
  /** Last day covered (ISO); default the as-of date, or the latest close or created date if earlier. */
  to?: string;
  /**
   * The day the data is as of (ISO): a period ending after it is partial. Default the latest
   * created date or won/lost close date.
   */
  asOf?: string;
}

export interface PeriodSpan {
  label: string;
  /** Serial of the first day. */
  start: number;
  /** Serial of the last day (inclusive). */
  end: number;
}

const LAG: Record<ReviewPeriod, number> = { weekly: 52, monthly: 12, quarterly: 4 };

/**
 * The periods covering [fromIso, toIso]: whole weeks (Monday first), months or quarters. A
 * quarter is labelled in `locale` ("2025 Q1", "2025年第1季度"); weeks and months by their dates.
 *
 * @example
 * reviewPeriods("2025-01-15", "2025-04-02", "quarterly").map(p => p.label) // ["2025 Q1", "2025 Q2"]
 */
export function reviewPeriods(fromIso: string, toIso: string, period: ReviewPeriod, locale?: Locale): PeriodSpan[] {
  const from = isoToSerial(fromIso)!;
  const to = isoToSerial(toIso)!;
  const out: PeriodSpan[] = [];
  if (period === "weekly") {
    const weekday = (dateFromSerial(from).getUTCDay() + 6) % 7; // Monday 0
    for (let start = from - weekday; start <= to && out.length <= REVIEW_MAX_PERIODS; start += 7) {
      const d = dateFromSerial(start);
      const label = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
      out.push({ label, start, end: start + 6 });
    }
    return out;
  }
  const step = period === "monthly" ? 1 : 3;
  const f = dateFromSerial(from);
  let y = f.getUTCFullYear();
  let m = f.getUTCMonth() - (f.getUTCMonth() % step);
  for (;;) {
    const start = excelSerial(new Date(Date.UTC(y, m, 1)));
    if (start > to || out.length > REVIEW_MAX_PERIODS) break;
    const end = excelSerial(new Date(Date.UTC(y, m + step, 1))) - 1;
    const label = period === "monthly" ? `${y}-${String(m + 1).padStart(2, "0")}` : sheetText(locale, "review.quarter", { year: y, quarter: m / 3 + 1 });
    out.push({ label, start, end });
    m += step;
    if (m >= 12) {
      m -= 12;
      y += 1;
    }
  }
  return out;
}

/**
 * Plans the period review over the Deals sheet.
 *
 * @example
 * planReviewSheet(deals, pipeline, { period: "quarterly" }) // one row per quarter
 */
export function planReviewSheet(deals: readonly Deal[], pipeline: Pipeline, options: ReviewOptions = {}): PlanResult {
  const locale = options.locale;
  const errors: FieldError[] = validateStageNames(pipeline.stages.map((s) => s.name), locale, "pipeline.stages");
  for (const key of ["from", "to", "asOf"] as const) {
    const value = options[key];
    if (value !== undefined && isoToSerial(value) === null) errors.push({ field: key, message: sheetText(locale, "error.dateInvalid", { value }) });
  }
  const span = dealSpan(deals, () => true, true);
  const fallback = new Date().toISOString().slice(0, 10);
  const asOfIso = options.asOf ?? dataAsOf(deals);
  const fromIso = options.from ?? span?.first ?? fallback;
  const lastIso = span?.last ?? fallback;
  const upToAsOf = isoToSerial(asOfIso) !== null && asOfIso < lastIso && asOfIso >= fromIso ? asOfIso : lastIso;
  const toIso = options.to ?? upToAsOf;
  if (errors.length === 0 && isoToSerial(fromIso)! > isoToSerial(toIso)!) errors.push({ field: "from", message: sheetText(locale, "error.periodRange") });
  const period = options.period ?? "monthly";
  const periods = errors.length === 0 ? reviewPeriods(fromIso, toIso, period, locale) : [];
  if (periods.length > REVIEW_MAX_PERIODS) {
    errors.push({ field: "period", message: sheetText(locale, "error.tooManyPeriods", { n: periods.length, max: REVIEW_MAX_PERIODS }) });
  }
  if (errors.length > 0) return invalid(errors);

  const t = textFor(locale);
  const formats = sheetFormats(options);
  const layout = dealsRefFor(deals, pipeline, options);
  const amount = dealsRange(layout, "amount");
  const status = dealsRange(layout, "status");
  const close = dealsRange(layout, "close");
  const created = dealsRange(layout, "created");
  const source = dealsRange(layout, "source");
  const won = statusLiteral(layout, "won");
  const lost = statusLiteral(layout, "lost");
  const first = REVIEW_FIRST_ROW;
  const last = first + periods.length - 1;
  const lag = LAG[period];
  const partial = periods.map((p) => isPartialPeriod(p.end, asOfIso));
  const complete = partial.filter((x) => !x).length;
  const chartLast = complete > 0 ? first + complete - 1 : last;

  const cells: PlanCell[][] = periods.map((p, i) => {
    const r = first + i;
    const closed = `${close},">="&$B${r},${close},"<="&$C${r}`;
    const opened = `${created},">="&$B${r},${created},"<="&$C${r}`;
    return [
      partial[i] ? t("review.partial", { period: p.label }) : p.label,
      p.start,
      p.end,
      { f: `=SUMIFS(${amount},${status},${won},${closed})` },
      { f: `=COUNTIFS(${status},${won},${closed})` },
      { f: `=COUNTIFS(${status},${lost},${closed})` },
      { f: `=IF(E${r}+F${r}=0,"",E${r}/(E${r}+F${r}))` },
      { f: `=IF(E${r}=0,"",D${r}/E${r})` },
      { f: `=COUNTIFS(${opened})` },
      { f: `=IF(I${r}=0,"",COUNTIFS(${opened},${status},${won})/I${r})` },
      i === 0 || partial[i] ? null : { f: `=IF(D${r - 1}=0,"",(D${r}-D${r - 1})/ABS(D${r - 1}))` },
      i < lag || partial[i] ? null : { f: `=IF(D${r - lag}=0,"",(D${r}-D${r - lag})/ABS(D${r - lag}))` },
    ];
  });

  const headers = [
    t("review.header.period"),
    t("review.header.start"),
    t("review.header.end"),
    t("review.header.revenue"),
    t("review.header.won"),
    t("review.header.lost"),
    t("review.header.winRate"),
    t("review.header.averageDeal"),
    t("review.header.newDeals"),
    t("review.header.conversion"),
    t("review.header.vsPrevious"),
    t("review.header.vsYearBefore"),
  ];
  const kindKey = period === "weekly" ? "review.kind.weekly" : period === "quarterly" ? "review.kind.quarterly" : "review.kind.monthly";
  const sheetName = options.sheetName ?? t("sheet.review");
  const sheet: WorkbookPlan["sheets"][number] = {
    name: sheetName,
    tabColor: "#A5A5A5",
    blocks: [
      titleBlock("A1", t("review.title")),
      noteBlock("A2", t(kindKey)),
      ...(complete < periods.length ? [noteBlock("A3", t("review.note.partial", { date: asOfIso }))] : []),
      headerRow(`A${REVIEW_HEADER_ROW}`, headers),
      {
        at: `A${first}`,
        cells,
        numberFormat: [null, formats.date, formats.date, formats.money, formats.count, formats.count, formats.percent, formats.money, formats.count, formats.percent, formats.percent, formats.percent],
      },
    ],
    tables: [tableOver(REVIEW_TABLE_NAME, `A${REVIEW_HEADER_ROW}`, headers.length, cells.length)],
    conditionalFormats: [
      { type: "cellValue", range: `K${first}:L${last}`, operator: "lessThan", formula1: "0", style: { fontColor: "#C00000" } },
      { type: "cellValue", range: `K${first}:L${last}`, operator: "greaterThan", formula1: "0", style: { fontColor: "#006100" } },
    ],
    charts: [
      {
        type: "line",
        title: t("review.chart.trend"),
        categories: `A${first}:A${chartLast}`,
        series: [{ name: t("review.header.revenue"), values: `D${first}:D${chartLast}` }],
        anchor: `A${last + 3}`,
        width: 560,
        height: 300,
        showLegend: false,
        numberFormat: formats.moneyWhole,
      },
    ],
    // Column A as wide as its longest label ("2025-05 (partial)", "2025年第2季度（部分）"); every
    // header on one line.
    columnWidths: fitHeaderWidths(
      { A: fitWidth(cells.map((row) => row[0]), { min: 10 }), B: 11, C: 11, D: 15, E: 10, F: 10, G: 10, H: 14, I: 10, J: 12, K: 14, L: 14 },
      `A${REVIEW_HEADER_ROW}`,
      headers,
    ),
    freeze: { rows: REVIEW_HEADER_ROW, columns: 1 },
  };

  // Named sources, then one row for the deals without a source (when any deal has none), so
  // the shares and the pie are of all won revenue, not of the sourced part only.
  const sources = distinctTexts(deals.map((d) => d.source));
  if (sources.length > 0) {
    const unsourced = deals.some((d) => d.source.trim() === "");
    const mixFirst = 5;
    const mixLast = mixFirst + sources.length - 1 + (unsourced ? 1 : 0);
    const share = (r: number): PlanCell => ({ f: `=IF(SUM($O$${mixFirst}:$O$${mixLast})=0,"",O${r}/SUM($O$${mixFirst}:$O$${mixLast}))` });
    const mixRows: PlanCell[][] = sources.map((s, i) => {
      const r = mixFirst + i;
      return [s, { f: `=SUMPRODUCT((${source}=$N${r})*(${status}=${won})*${amount})` }, share(r)];
    });
    if (unsourced) mixRows.push([t("review.mix.noSource"), { f: `=SUMPRODUCT((${source}="")*(${status}=${won})*${amount})` }, share(mixLast)]);
    const mixHeaders = [t("review.mix.source"), t("review.mix.revenue"), t("review.mix.share")];
    sheet.blocks.push(headerRow("N4", mixHeaders));
    sheet.columnWidths = fitHeaderWidths({ ...sheet.columnWidths, N: fitWidth(mixRows.map((row) => row[0]), { min: 16, max: 40 }), O: 15, P: 10 }, "N4", mixHeaders);
    sheet.blocks.push({ at: `N${mixFirst}`, cells: mixRows, numberFormat: [null, formats.money, formats.percent] });
    sheet.charts!.push({
      type: "pie",
      title: t("review.chart.mix"),
      categories: `N${mixFirst}:N${mixLast}`,
      series: [{ name: t("review.mix.revenue"), values: `O${mixFirst}:O${mixLast}` }],
      anchor: `N${mixLast + 3}`,
      width: 380,
      height: 300,
      showLegend: true,
      dataLabels: true,
      // Whole money on the slices' labels: cents only lengthen them (and make them wrap).
      numberFormat: formats.moneyWhole,
    });
  }
  const plan: WorkbookPlan = { sheets: [sheet], activeSheet: sheetName };
  return plan;
}
