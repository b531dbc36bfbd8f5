/** The Calc sheet: the engine's steps as native formulas, column by column. */
import type { CommissionKey } from "../../i18n/commission.en-US";
import { PlanCell, SheetPlan } from "../../workbook/plan";
import type { SheetFormats } from "../common";
import { CALC_COLUMNS, CLAWBACK_COLUMNS, CommissionLayout, f, FIRST_ROW, HEADER_ROW, OK, REPS_COLUMNS } from "./layout";
import { CommissionText, optionIs } from "./text";

type CalcColumn = keyof typeof CALC_COLUMNS;

/** The Calc columns left to right. */
const CALC_ORDER = (Object.keys(CALC_COLUMNS) as CalcColumn[]).sort(
  (a, b) => CALC_COLUMNS[a].length - CALC_COLUMNS[b].length || (CALC_COLUMNS[a] < CALC_COLUMNS[b] ? -1 : 1),
);

/**
 * Lays out the Calc sheet (`CommissionCalc`): one row per rep and period, from effective
 * quota to closing balance; the tier commission marginal by the SUMPRODUCT
 * differential-rate formula, retroactive by INDEX/MATCH, #N/A while the Plan check is red.
 */
export function calcSheet(layout: CommissionLayout, t: CommissionText, formats: SheetFormats): SheetPlan {
  const m = formats.money;
  const numberFormat: Record<CalcColumn, string | null> = {
    rep: null,
    period: null,
    effectiveQuota: m,
    credited: m,
    attainment: formats.percent,
    tierInput: "#,##0.00##",
    tierScale: "#,##0.00",
    tier: m,
    gateMet: "0",
    spif: m,
    bonus: m,
    earned: m,
    capped: m,
    paidRate: "0.00%",
    clawback: m,
    net: m,
    opening: m,
    payout: m,
    closing: m,
    fiscalYear: "@",
    ytdQuota: m,
    ytdCredited: m,
    earlier: m,
    trueUp: m,
    paidBack: m,
  };
  const { basis, method, drawType, negativeTrueUp } = layout.input;
  // The Plan sheet's options as conditions (its word in the workbook's language, or English).
  const options: OptionTests = {
    amount: optionIs(t, basis, "amount"),
    marginal: optionIs(t, method, "marginal"),
    retroactive: optionIs(t, method, "retroactive"),
    recoverable: optionIs(t, drawType, "recoverable"),
    clawback: optionIs(t, negativeTrueUp, "clawback"),
  };
  const first = CALC_COLUMNS[CALC_ORDER[0]];
  const lastColumn = CALC_COLUMNS[CALC_ORDER[CALC_ORDER.length - 1]];
  return {
    name: layout.names.calc,
    tabColor: "#6A1B9A",
    blocks: [
      { at: "A1", cells: [[t("calc.title")]], style: { bold: true, fontSize: 14 } },
      { at: `${first}${HEADER_ROW}`, cells: [CALC_ORDER.map((c) => t(`calc.${c}` as CommissionKey))], style: { bold: true, wrap: true } },
      {
        at: `${first}${FIRST_ROW}`,
        cells: layout.rows.map((_, i) => {
          const row = calcRow(layout, FIRST_ROW + i, options);
          return CALC_ORDER.map((c) => row[c]);
        }),
        numberFormat: CALC_ORDER.map((c) => numberFormat[c]),
      },
    ],
    columnWidths: { A: 18, B: 12, T: 10 },
    freeze: { rows: HEADER_ROW, columns: 2 },
    tables: [{ name: "CommissionCalc", range: `${first}${HEADER_ROW}:${lastColumn}${layout.last}`, showBandedRows: true }],
    conditionalFormats: [{ type: "dataBar", range: `${CALC_COLUMNS.payout}${FIRST_ROW}:${CALC_COLUMNS.payout}${layout.last}`, color: "#4472C4" }],
  };
}

/**
 * The formulas of Calc row `r` (the engine's order of computation, see core/commission/engine).
 *
 * Year-to-date plans sum over the rows above of the same rep and fiscal year, the Calc rows
 * and the Reps rows being the same rep and period row by row:
 * `SUMPRODUCT(($A$4:$A9=$A9)*($T$4:$T9=$T9)*$C$4:$C9)`; names compared with "=".
 */
type OptionTests = Record<"amount" | "marginal" | "retroactive" | "recoverable" | "clawback", string>;

function calcRow(layout: CommissionLayout, r: number, options: OptionTests): Record<CalcColumn, PlanCell> {
  const K = CALC_COLUMNS;
  const { marginalFrom, targetPay, gate, cap, check } = layout.input;
  const { from: T, rate: RATES, step: STEPS } = layout.tiers;
  const R = (col: string) => layout.reps(`${col}${r}`);
  const claw = layout.clawColumn;
  const marginal = (x: string) => `SUMPRODUCT((${x}>${T})*(${x}-${T})*${STEPS})`;
  const retro = (x: string) => `IF(${x}<INDEX(${T},1),0,INDEX(${RATES},MATCH(${x},${T},1))*${x})`;
  const hybrid = (x: string) =>
    `IF(${x}<${marginalFrom},${retro(x)},INDEX(${RATES},MATCH(${marginalFrom},${T},0)-1)*${x}+SUMPRODUCT((${x}>${T})*(${T}>=${marginalFrom})*(${x}-${T})*${STEPS}))`;
  const x = `${K.tierInput}${r}`;
  const drawAmount = layout.drawAmount;
  // the rows from the first to this one of the same rep and fiscal year
  const sameYear = `($${K.rep}$${FIRST_ROW}:$${K.rep}${r}=$${K.rep}${r})*($${K.fiscalYear}$${FIRST_ROW}:$${K.fiscalYear}${r}=$${K.fiscalYear}${r})`;
  const toDate = (range: string) => `SUMPRODUCT(${sameYear}*${range})`;
  const calcToDate = (col: string) => toDate(`$${col}$${FIRST_ROW}:$${col}${r}`);
  const repsToDate = (col: string) => toDate(layout.reps(`$${col}$${FIRST_ROW}:$${col}${r}`));
  const ytd = layout.cumulative;
  const share = ytd ? repsToDate(REPS_COLUMNS.proration) : R(REPS_COLUMNS.proration);
  const spifDeals = ytd ? repsToDate(REPS_COLUMNS.spifDeals) : R(REPS_COLUMNS.spifDeals);
  const capLimit = ytd ? `${cap}*SUMPRODUCT(${sameYear})` : cap;
  const sameAsAbove = `AND(${K.rep}${r}=${K.rep}${r - 1},${K.fiscalYear}${r}=${K.fiscalYear}${r - 1})`;
  const earlier: PlanCell = ytd && r > FIRST_ROW ? f(`IF(${sameAsAbove},${K.capped}${r - 1},0)`) : 0;
  const available = `(${K.net}${r}-${K.paidBack}${r}-${K.opening}${r})`;
  return {
    rep: f(R(REPS_COLUMNS.rep)),
    period: f(R(REPS_COLUMNS.period)),
    effectiveQuota: f(`${R(REPS_COLUMNS.quota)}*${R(REPS_COLUMNS.ramp)}*${R(REPS_COLUMNS.proration)}`),
    credited: f(R(REPS_COLUMNS.credited)),
    attainment: f(`${K.ytdCredited}${r}/${K.ytdQuota}${r}`),
    tierInput: f(`IF(${options.amount},${K.ytdCredited}${r},${K.attainment}${r})`),
    tierScale: f(`IF(${options.amount},1,IF(${targetPay}="",${K.ytdQuota}${r},${targetPay}*${share}))`),
    tier: f(`IF(${check}="${OK}",${K.tierScale}${r}*IF(${options.marginal},${marginal(x)},IF(${options.retroactive},${retro(x)},${hybrid(x)})),NA())`),
    gateMet: f(`IF(${gate}="",1,IF(${K.attainment}${r}>=${gate},1,0))`),
    spif: f(`${spifDeals}*${layout.spifAmount}`),
    bonus: f(`IFERROR(INDEX(${layout.bandRanges.amount},MATCH(${K.attainment}${r},${layout.bandRanges.from},1)),0)`),
    earned: f(`${K.gateMet}${r}*(${K.tier}${r}+${K.spif}${r}+${K.bonus}${r})`),
    capped: f(`IF(${cap}="",${K.earned}${r},MIN(${K.earned}${r},${capLimit}))`),
    paidRate: f(`IF(AND(${K.ytdCredited}${r}>0,${K.earned}${r}>0),${K.gateMet}${r}*${K.tier}${r}/${K.ytdCredited}${r}*${K.capped}${r}/${K.earned}${r},0)`),
    clawback: f(
      `SUMPRODUCT((${claw(CLAWBACK_COLUMNS.rep)}=${K.rep}${r})*(${claw(CLAWBACK_COLUMNS.period)}=${K.period}${r})*${claw(CLAWBACK_COLUMNS.reversal)})`,
    ),
    net: f(`${K.trueUp}${r}-${K.clawback}${r}`),
    opening: r === FIRST_ROW ? 0 : f(`IF(${K.rep}${r}=${K.rep}${r - 1},${K.closing}${r - 1},0)`),
    payout: f(`${K.paidBack}${r}+MAX(${available},${drawAmount})`),
    closing: f(`MAX(0,IF(${options.recoverable},${drawAmount},0)-${available})`),
    fiscalYear: f(R(REPS_COLUMNS.fiscalYear)),
    ytdQuota: f(ytd ? calcToDate(K.effectiveQuota) : `${K.effectiveQuota}${r}`),
    ytdCredited: f(ytd ? calcToDate(K.credited) : `${K.credited}${r}`),
    earlier,
    trueUp: f(`${K.capped}${r}-${K.earlier}${r}`),
    paidBack: f(`IF(${options.clawback},MIN(0,${K.net}${r}),0)`),
  };
}
