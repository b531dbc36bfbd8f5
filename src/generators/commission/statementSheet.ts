/** The Statement sheet: the engine's audit trail, eight lines per rep and period. */
import type { CommissionKey } from "../../i18n/commission.en-US";
import { AuditComponent } from "../../core/commission/types";
import { PlanCell, SheetPlan } from "../../workbook/plan";
import type { SheetFormats } from "../common";
import { CALC_COLUMNS, CLAWBACK_COLUMNS, CommissionLayout, f, FIRST_ROW, HEADER_ROW, REPS_COLUMNS } from "./layout";
import type { CommissionText } from "./text";

/**
 * Lays out the Statement sheet (`CommissionStatement`): for each Calc row the lines of
 * `layout.lines` (tier, SPIF, bonus, gate, cap, [earlier in year-to-date plans,] clawback, draw, payout) with their
 * basis, rate and amount, read from Calc, Reps and Plan.
 */
export function statementSheet(layout: CommissionLayout, t: CommissionText, formats: SheetFormats): SheetPlan {
  const rows: PlanCell[][] = [];
  layout.rows.forEach((_, i) => {
    const lines = statementLines(layout, FIRST_ROW + i);
    const c = (col: string) => layout.calc(`${col}${FIRST_ROW + i}`);
    for (const component of layout.lines) {
      rows.push([f(c(CALC_COLUMNS.rep)), f(c(CALC_COLUMNS.period)), t(`line.${component}` as CommissionKey), ...lines[component]]);
    }
  });
  const last = FIRST_ROW + rows.length - 1;
  const headers: CommissionKey[] = ["statement.rep", "statement.period", "statement.component", "statement.basis", "statement.rate", "statement.amount"];
  return {
    name: layout.names.statement,
    tabColor: "#EF6C00",
    blocks: [
      { at: "A1", cells: [[t("statement.title")]], style: { bold: true, fontSize: 14 } },
      { at: `A${HEADER_ROW}`, cells: [headers.map(t)], style: { bold: true } },
      { at: `A${FIRST_ROW}`, cells: rows, numberFormat: [null, null, null, "#,##0.00##", "0.00##", formats.money] },
    ],
    columnWidths: { A: 18, B: 12, C: 20, D: 16, E: 12, F: 16 },
    freeze: { rows: HEADER_ROW, columns: 0 },
    tables: [{ name: "CommissionStatement", range: `A${HEADER_ROW}:F${last}`, showBandedRows: true }],
  };
}

/** Basis, rate and amount of each statement line for Calc row `r`, as the engine's audit lines. */
function statementLines(layout: CommissionLayout, r: number): Record<AuditComponent, [PlanCell, PlanCell, PlanCell]> {
  const K = CALC_COLUMNS;
  const { gate, cap } = layout.input;
  const c = (col: string) => layout.calc(`${col}${r}`);
  const claw = layout.clawColumn;
  // the cap applies per period: times the periods of the fiscal year so far in year-to-date plans
  const capPeriods = layout.cumulative
    ? `SUMPRODUCT((${layout.calcColumn(K.rep)}=${c(K.rep)})*(${layout.calcColumn(K.fiscalYear)}=${c(K.fiscalYear)})*(ROW(${layout.calcColumn(K.rep)})<=ROW(${c(K.rep)})))`
    : "1";
  const reversed = `SUMPRODUCT((${claw(CLAWBACK_COLUMNS.rep)}=${c(K.rep)})*(${claw(CLAWBACK_COLUMNS.period)}=${c(K.period)})*${claw(CLAWBACK_COLUMNS.amount)})`;
  return {
    tier: [
      f(`${c(K.tierScale)}*${c(K.tierInput)}`),
      f(`IF(${c(K.tierScale)}*${c(K.tierInput)}>0,${c(K.tier)}/(${c(K.tierScale)}*${c(K.tierInput)}),0)`),
      f(c(K.tier)),
    ],
    spif: [f(layout.reps(`${REPS_COLUMNS.spifDeals}${r}`)), f(layout.spifAmount), f(c(K.spif))],
    bonus: [f(c(K.attainment)), null, f(c(K.bonus))],
    gate: [f(c(K.attainment)), f(`IF(${gate}="","",${gate})`), f(`${c(K.earned)}-(${c(K.tier)}+${c(K.spif)}+${c(K.bonus)})`)],
    cap: [f(c(K.earned)), f(`IF(${cap}="","",${cap}*${capPeriods})`), f(`${c(K.capped)}-${c(K.earned)}`)],
    earlier: [f(c(K.earlier)), null, f(`${c(K.trueUp)}-${c(K.capped)}`)],
    clawback: [f(reversed), f(`IF(${reversed}>0,${c(K.clawback)}/${reversed},0)`), f(`-${c(K.clawback)}`)],
    draw: [f(c(K.opening)), f(layout.drawAmount), f(`${c(K.payout)}-${c(K.net)}`)],
    payout: [null, null, f(c(K.payout))],
  };
}
