/** The Reps sheet: per rep and period the quota, ramp, proration and credits; and the clawbacks. */
import { prorationFactor, rampFactor, repQuota } from "../../core/commission/engine";
import { periodSpan, planPeriod } from "../../core/commission/periods";
import { CommissionCredits, CommissionPlan } from "../../core/commission/types";
import { PlanCell, SheetPlan } from "../../workbook/plan";
import { formulaText, SheetFormats } from "../common";
import { dealsRange } from "../deals";
import { CALC_COLUMNS, CLAWBACK_COLUMNS, CommissionLayout, f, FIRST_ROW, HEADER_ROW, REPS_COLUMNS } from "./layout";
import type { CommissionDealsSource, CommissionText } from "./text";

/**
 * Lays out the Reps sheet: one row per rep and period (`CommissionReps`) with the credited
 * amount and SPIF deals typed, or live over the Deals sheet; beside it the clawbacks
 * (`CommissionClawbacks`) with the rate paid in the original period, read from Calc.
 */
export function repsSheet(
  plan: CommissionPlan,
  credits: CommissionCredits,
  layout: CommissionLayout,
  t: CommissionText,
  formats: SheetFormats,
  deals: CommissionDealsSource | undefined,
): SheetPlan {
  const { rows, last, clawCount, clawLast } = layout;
  const { period: length, start } = planPeriod(plan);
  const spans = credits.periods.map((label) => periodSpan(label, length, start));
  const creditCells = deals ? dealsCreditCells(deals, layout) : typedCreditCells(credits);
  const claws = credits.clawbacks ?? [];
  const K = CLAWBACK_COLUMNS;
  return {
    name: layout.names.reps,
    role: "commissionReps",
    inputs:
      rows.length > 0
        ? [{ id: "quota", range: `${REPS_COLUMNS.quota}${FIRST_ROW}:${REPS_COLUMNS.proration}${last}`, keys: `${REPS_COLUMNS.rep}${FIRST_ROW}:${REPS_COLUMNS.period}${last}` }]
        : [],
    tabColor: "#1565C0",
    blocks: [
      { at: "A1", cells: [[t("reps.title")]], style: { bold: true, fontSize: 14 } },
      {
        at: `${REPS_COLUMNS.rep}${HEADER_ROW}`,
        cells: [
          [
            t("reps.rep"),
            t("reps.period"),
            t("reps.quota"),
            t("reps.ramp"),
            t("reps.proration"),
            t("reps.credited"),
            t("reps.spifDeals"),
            t("reps.firstMonth"),
            t("reps.lastMonth"),
            t("reps.fiscalYear"),
          ],
        ],
        style: { bold: true },
      },
      {
        at: `${REPS_COLUMNS.rep}${FIRST_ROW}`,
        cells: rows.map(({ rep, period }, i) => [
          rep,
          credits.periods[period],
          repQuota(plan, rep)!,
          rampFactor(plan, rep, period),
          prorationFactor(plan, rep, period),
          ...creditCells(rep, period, FIRST_ROW + i),
          spans[period]?.first ?? null,
          spans[period]?.last ?? null,
          spans[period]?.fiscalYear ?? null,
        ]),
        numberFormat: [null, null, formats.money, "0.00", "0.00", formats.money, "0.00", "@", "@", "@"],
      },
      { at: `${K.rep}${HEADER_ROW - 1}`, cells: [[t("reps.clawbacks")]], style: { bold: true } },
      {
        at: `${K.rep}${HEADER_ROW}`,
        cells: [[t("reps.rep"), t("reps.clawPeriod"), t("reps.clawOriginal"), t("reps.clawAmount"), t("reps.clawRate"), t("reps.clawReversal")]],
        style: { bold: true },
      },
      {
        at: `${K.rep}${FIRST_ROW}`,
        cells: Array.from({ length: clawCount }, (_, i) => {
          const row = FIRST_ROW + i;
          const c = claws[i];
          const calc = layout.calcColumn;
          const rate = f(
            `IF(${K.rep}${row}="",0,SUMPRODUCT((${calc(CALC_COLUMNS.rep)}=${K.rep}${row})*(${calc(CALC_COLUMNS.period)}=${K.originalPeriod}${row})*${calc(CALC_COLUMNS.paidRate)}))`,
          );
          const reversal = f(`IF(${K.amount}${row}="",0,${K.amount}${row}*${K.rate}${row})`);
          return c
            ? [c.rep, credits.periods[c.period], credits.periods[c.originalPeriod], c.amount, rate, reversal]
            : [null, null, null, null, rate, reversal];
        }),
        numberFormat: [null, null, null, formats.money, "0.00%", formats.money],
      },
    ],
    columnWidths: { A: 18, B: 12, C: 14, D: 12, E: 14, F: 16, G: 12, H: 12, I: 12, J: 12, K: 18, L: 16, M: 16, N: 16, O: 12, P: 18 },
    freeze: { rows: HEADER_ROW, columns: 1 },
    tables: [
      { name: "CommissionReps", range: `${REPS_COLUMNS.rep}${HEADER_ROW}:${REPS_COLUMNS.fiscalYear}${last}`, showBandedRows: true },
      { name: "CommissionClawbacks", range: `${K.rep}${HEADER_ROW}:${K.reversal}${clawLast}` },
    ],
    validations: [
      { type: "decimal", range: `${REPS_COLUMNS.quota}${FIRST_ROW}:${REPS_COLUMNS.quota}${last}`, min: 0 },
      { type: "decimal", range: `${REPS_COLUMNS.ramp}${FIRST_ROW}:${REPS_COLUMNS.proration}${last}`, min: 0 },
      { type: "decimal", range: `${REPS_COLUMNS.credited}${FIRST_ROW}:${REPS_COLUMNS.spifDeals}${last}`, min: 0 },
    ],
  };
}

type CreditCells = (rep: string, period: number, row: number) => [PlanCell, PlanCell];

/** Credited amount and SPIF deals as typed numbers, summed over the credits. */
function typedCreditCells(credits: CommissionCredits): CreditCells {
  const creditedBy = new Map<string, number>();
  const spifBy = new Map<string, number>();
  const key = (rep: string, period: number) => `${period}\u0000${rep}`;
  for (const c of credits.credits) {
    creditedBy.set(key(c.rep, c.period), (creditedBy.get(key(c.rep, c.period)) ?? 0) + c.amount);
    spifBy.set(key(c.rep, c.period), (spifBy.get(key(c.rep, c.period)) ?? 0) + (c.spifDeals ?? 0));
  }
  return (rep, period) => [creditedBy.get(key(rep, period)) ?? 0, spifBy.get(key(rep, period)) ?? 0];
}

/**
 * Credited amount and SPIF deals as SUMPRODUCT over the Deals sheet: won deals of the row's
 * rep whose close month ("YYYY-MM" text) is within the row's first and last months (text
 * comparison; a blank close month is below every month). Names are compared with "=", never as SUMIFS criteria
 * where "=x", ">5" or "A*" would be operators or wildcards.
 */
function dealsCreditCells(deals: CommissionDealsSource, layout: CommissionLayout): CreditCells {
  const source = { ...deals, stageCount: 0, words: { open: "", lost: "", won: deals.words.won } };
  const amount = dealsRange(source, "amount");
  const { spif, spifMinDeal } = layout.input;
  return (_rep, _period, r) => {
    const credited = [
      `(${dealsRange(source, "owner")}=$${REPS_COLUMNS.rep}${r})`,
      `(${dealsRange(source, "status")}=${formulaText(deals.words.won)})`,
      `(${dealsRange(source, "closeMonth")}>=$${REPS_COLUMNS.firstMonth}${r})`,
      `(${dealsRange(source, "closeMonth")}<=$${REPS_COLUMNS.lastMonth}${r})`,
      `(${amount}>=0)`,
    ].join("*");
    return [
      f(`SUMPRODUCT(${credited}*${amount})`),
      f(`IF(${spif}="",0,SUMPRODUCT(${credited}*(${amount}>=IF(${spifMinDeal}="",0,${spifMinDeal}))))`),
    ];
  };
}
