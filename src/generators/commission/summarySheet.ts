/** The Summary sheet: total payout, payout share of credited revenue, payout per rep. */
import { SheetPlan } from "../../workbook/plan";
import type { SheetFormats } from "../common";
import { CALC_COLUMNS, CommissionLayout, f } from "./layout";
import type { CommissionText } from "./text";

/** Rows of the totals (payout, credited revenue, their ratio) and of the per-rep table. */
const TOTAL_ROW = 3;
const REVENUE_ROW = TOTAL_ROW + 1;
const SHARE_ROW = TOTAL_ROW + 2;
const REP_HEADER_ROW = 7;
const REP_FIRST_ROW = REP_HEADER_ROW + 1;

/** Header row of the payout per period, two rows below the payout per rep. */
export function periodHeaderRow(repCount: number): number {
  return REP_FIRST_ROW + repCount + 1;
}

/**
 * Lays out the Summary sheet: the totals over Calc, the payout per rep
 * (`CommissionSummary`) with a column chart of it, and the credited revenue and payout per
 * period (`CommissionSummaryPeriods`), all SUMPRODUCT over Calc comparing names and period
 * labels with "=".
 */
export function summarySheet(
  reps: readonly string[],
  periods: readonly string[],
  layout: CommissionLayout,
  t: CommissionText,
  formats: SheetFormats,
): SheetPlan {
  const m = formats.money;
  const calc = layout.calcColumn;
  const repsLast = REP_FIRST_ROW + reps.length - 1;
  const periodHeader = periodHeaderRow(reps.length);
  const periodFirst = periodHeader + 1;
  const periodsLast = periodFirst + periods.length - 1;
  const byPeriod = (col: string, row: number) => f(`SUMPRODUCT((${calc(CALC_COLUMNS.period)}=$A${row})*${calc(col)})`);
  return {
    name: layout.names.summary,
    tabColor: "#00838F",
    blocks: [
      { at: "A1", cells: [[t("summary.title")]], style: { bold: true, fontSize: 14 } },
      { at: `A${TOTAL_ROW}`, cells: [[t("summary.totalPayout")], [t("summary.revenue")], [t("summary.share")]] },
      { at: `B${TOTAL_ROW}`, cells: [[f(`SUM(${calc(CALC_COLUMNS.payout)})`)], [f(`SUM(${calc(CALC_COLUMNS.credited)})`)]], numberFormat: m },
      { at: `B${SHARE_ROW}`, cells: [[f(`IF(B${REVENUE_ROW}=0,0,B${TOTAL_ROW}/B${REVENUE_ROW})`)]], numberFormat: formats.percent },
      { at: `A${REP_HEADER_ROW}`, cells: [[t("summary.rep"), t("summary.payout")]], style: { bold: true } },
      {
        at: `A${REP_FIRST_ROW}`,
        cells: reps.map((rep, i) => [rep, f(`SUMPRODUCT((${calc(CALC_COLUMNS.rep)}=A${REP_FIRST_ROW + i})*${calc(CALC_COLUMNS.payout)})`)]),
        numberFormat: [null, m],
      },
      { at: `A${periodHeader}`, cells: [[t("summary.period"), t("summary.periodRevenue"), t("summary.payout")]], style: { bold: true } },
      {
        at: `A${periodFirst}`,
        cells: periods.map((label, i) => [label, byPeriod(CALC_COLUMNS.credited, periodFirst + i), byPeriod(CALC_COLUMNS.payout, periodFirst + i)]),
        numberFormat: ["@", m, m],
      },
    ],
    columnWidths: { A: 26, B: 18, C: 18 },
    tables: [
      { name: "CommissionSummary", range: `A${REP_HEADER_ROW}:B${repsLast}` },
      { name: "CommissionSummaryPeriods", range: `A${periodHeader}:C${periodsLast}` },
    ],
    charts: [
      {
        type: "column",
        title: t("summary.chart"),
        categories: `A${REP_FIRST_ROW}:A${repsLast}`,
        series: [{ name: t("summary.payout"), values: `B${REP_FIRST_ROW}:B${repsLast}` }],
        anchor: "D3",
        width: 560,
        height: 320,
        showLegend: false,
        numberFormat: formats.moneyWhole,
      },
    ],
  };
}
