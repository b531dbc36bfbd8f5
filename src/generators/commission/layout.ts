/**
 * Where everything is on the commission sheets: the fixed cells and columns, and per
 * workbook the sheet names, the data rows and the cross-sheet references. Every sheet
 * reads its addresses from here, so the sheet that writes a cell and the formulas that
 * read it agree by construction. Cross-sheet references are built with `sheetRef` only.
 */
import type { CommissionKey } from "../../i18n/commission.en-US";
import { AuditComponent, BonusBand, CommissionCredits, CommissionPlan } from "../../core/commission/types";
import { periodSpan, planPeriod } from "../../core/commission/periods";
import { PlanCell, sheetRef } from "../../workbook/plan";

/** Where the inputs live on the Plan sheet (row numbers and columns), for formulas and tests. */
export const PLAN_CELLS = {
  basis: "B4",
  method: "B5",
  marginalFrom: "B6",
  targetPay: "B7",
  gate: "B8",
  cap: "B9",
  draw: "B10",
  drawType: "B11",
  spif: "B12",
  spifMinDeal: "B13",
  check: "B14",
  /** The plan's period and fiscal year start (shown; the rows follow them, so a change needs a rebuild). */
  period: "B16",
  fiscalYearStart: "B17",
  /** Year-to-date plan: "yes" or "no" (shown; the formulas follow the plan, so a change needs a rebuild). */
  cumulative: "B18",
  /** What a negative net does: "carry" or "clawback" (live: the payout formulas read it). */
  negativeTrueUp: "B19",
  /** Tier table: From in D, Rate in E, Step in F, from row 4. */
  tiersTop: 4,
  /** Bonus bands: From in H, Bonus in I, from row 4. */
  bandsTop: 4,
  /** Names to check (the plan's names that own no credited deal): a title in A, one message a row below it. */
  warningsTop: 21,
} as const;

/** The Plan sheet's input cells (every `PLAN_CELLS` entry that is a cell). */
export type PlanInput = Exclude<keyof typeof PLAN_CELLS, "tiersTop" | "bandsTop" | "warningsTop">;

/** Columns of the Plan sheet's tier table (from row `PLAN_CELLS.tiersTop`). */
export const TIER_COLUMNS = { from: "D", rate: "E", step: "F" } as const;

/** Columns of the Plan sheet's bonus bands (from row `PLAN_CELLS.bandsTop`). */
export const BAND_COLUMNS = { from: "H", amount: "I" } as const;

/** Columns of the Calc sheet (data from row 4). */
export const CALC_COLUMNS = {
  rep: "A",
  period: "B",
  effectiveQuota: "C",
  credited: "D",
  attainment: "E",
  tierInput: "F",
  tierScale: "G",
  tier: "H",
  gateMet: "I",
  spif: "J",
  bonus: "K",
  earned: "L",
  capped: "M",
  paidRate: "N",
  clawback: "O",
  net: "P",
  opening: "Q",
  payout: "R",
  closing: "S",
  /** The period's fiscal year label (from the Reps sheet). */
  fiscalYear: "T",
  /** Quota and credit attainment is measured on: the fiscal year's sums so far in year-to-date plans, else the period's. */
  ytdQuota: "U",
  ytdCredited: "V",
  /** Year-to-date plans: what the earlier periods of the fiscal year earned (else 0). */
  earlier: "W",
  /** After cap - earlier: the period's due. */
  trueUp: "X",
  /** A negative net paid back at once ("clawback"), else 0. */
  paidBack: "Y",
} as const;

/** Columns of the Reps table (`CommissionReps`). */
export const REPS_COLUMNS = {
  rep: "A",
  period: "B",
  quota: "C",
  ramp: "D",
  proration: "E",
  credited: "F",
  spifDeals: "G",
  /** The period's first and last calendar months, "YYYY-MM" (blank for a label that is not a plan period). */
  firstMonth: "H",
  lastMonth: "I",
  /** The period's fiscal year label ("2025", "FY2026"; blank for a label that is not a plan period). */
  fiscalYear: "J",
} as const;

/** Columns of the clawbacks table beside it on the Reps sheet (`CommissionClawbacks`). */
export const CLAWBACK_COLUMNS = { rep: "K", period: "L", originalPeriod: "M", amount: "N", rate: "O", reversal: "P" } as const;

/** First data row of the Reps, Calc and Statement tables. */
export const FIRST_ROW = 4;

/** Header row of the Reps, Calc and Statement tables. */
export const HEADER_ROW = FIRST_ROW - 1;

/** Statement lines per rep and period, in order (the engine's audit components), of a plan that is not year-to-date. */
export const STATEMENT_LINES: AuditComponent[] = ["tier", "spif", "bonus", "gate", "cap", "clawback", "draw", "payout"];

/** Statement lines of a year-to-date plan: "earlier" (what the fiscal year's earlier periods earned) after the cap. */
export const YTD_STATEMENT_LINES: AuditComponent[] = ["tier", "spif", "bonus", "gate", "cap", "earlier", "clawback", "draw", "payout"];

/** The statement lines of a plan: nine for a year-to-date plan, else eight. */
export function statementLinesOf(plan: Pick<CommissionPlan, "cumulative">): AuditComponent[] {
  return plan.cumulative === true ? YTD_STATEMENT_LINES : STATEMENT_LINES;
}

/** What the Plan sheet's check cell says when the tier table is usable. */
export const OK = "OK";

/** A formula cell (the leading "=" added when missing). */
export function f(text: string): PlanCell {
  return { f: text.startsWith("=") ? text : `=${text}` };
}

/** Row number of an A1 cell: `rowOf("B12")` is 12. */
export function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)![0]);
}

/** Column letters of an A1 cell: `columnOf("B12")` is "B". */
export function columnOf(cell: string): string {
  return /^[A-Z]+/.exec(cell)![0];
}

/** `$D$4:$D$9`: an absolute range down one column. */
export function columnRange(col: string, top: number, last: number): string {
  return `$${col}$${top}:$${col}$${last}`;
}

/** The five sheet names of one workbook (localized). */
export interface CommissionSheetNames {
  plan: string;
  reps: string;
  calc: string;
  statement: string;
  summary: string;
}

/** The layout of one commission workbook: its names, rows and cross-sheet references. */
export interface CommissionLayout {
  names: CommissionSheetNames;
  /** One row per rep and period (rep by rep), from `FIRST_ROW` on the Reps and Calc sheets. */
  rows: { rep: string; period: number }[];
  /** The plan measures year to date (`cumulative`). */
  cumulative: boolean;
  /** Each period's fiscal year label ("" for a label that is not a plan period). */
  fiscalYears: string[];
  /** The statement lines per rep and period. */
  lines: AuditComponent[];
  /** Last data row of the Reps and Calc tables. */
  last: number;
  /** Last row of the tier table on the Plan sheet. */
  tierLast: number;
  /** The bonus bands written on the Plan sheet (one zero band when the plan has none). */
  bands: BonusBand[];
  bandLast: number;
  /** Rows of the clawbacks table (at least one, blank when there is none). */
  clawCount: number;
  clawLast: number;
  /** Each Plan input as an absolute reference from another sheet: `'Commission plan'!$B$4`. */
  input: Record<PlanInput, string>;
  /** The tier table's columns, absolute, from another sheet. */
  tiers: Record<keyof typeof TIER_COLUMNS, string>;
  /** The bonus bands' columns, absolute, from another sheet. */
  bandRanges: Record<keyof typeof BAND_COLUMNS, string>;
  /** The draw amount, a blank cell read as 0. */
  drawAmount: string;
  /** The SPIF amount per deal, a blank cell read as 0. */
  spifAmount: string;
  /** A Reps sheet cell from another sheet: `'Commission reps'!F4`. */
  reps(address: string): string;
  /** A Calc sheet cell from another sheet. */
  calc(address: string): string;
  /** A whole Calc column over the data rows, absolute, from another sheet. */
  calcColumn(col: string): string;
  /** A whole clawbacks column over its rows, absolute, from another sheet. */
  clawColumn(col: string): string;
}

const SHEET_KEYS: Record<keyof CommissionSheetNames, CommissionKey> = {
  plan: "sheet.plan",
  reps: "sheet.reps",
  calc: "sheet.calc",
  statement: "sheet.statement",
  summary: "sheet.summary",
};

/** Lays out one workbook for a (valid) plan and credits, with the localized text `t`. */
export function commissionLayout(plan: CommissionPlan, credits: CommissionCredits, t: (key: CommissionKey) => string): CommissionLayout {
  const names = Object.fromEntries(Object.entries(SHEET_KEYS).map(([k, key]) => [k, t(key)])) as unknown as CommissionSheetNames;
  const P = (a: string) => sheetRef(names.plan, a);
  const R = (a: string) => sheetRef(names.reps, a);
  const C = (a: string) => sheetRef(names.calc, a);

  const rows: { rep: string; period: number }[] = [];
  for (const rep of credits.reps) for (let p = 0; p < credits.periods.length; p++) rows.push({ rep, period: p });
  const last = FIRST_ROW + rows.length - 1;
  const tierLast = PLAN_CELLS.tiersTop + plan.tiers.length - 1;
  const bands = plan.bonusBands && plan.bonusBands.length > 0 ? plan.bonusBands : [{ from: 0, amount: 0 }];
  const bandLast = PLAN_CELLS.bandsTop + bands.length - 1;
  const clawCount = Math.max(1, (credits.clawbacks ?? []).length);
  const clawLast = FIRST_ROW + clawCount - 1;

  const absolute = (cell: string) => P(`$${columnOf(cell)}$${rowOf(cell)}`);
  const inputKeys = Object.keys(PLAN_CELLS).filter((k) => typeof PLAN_CELLS[k as keyof typeof PLAN_CELLS] === "string") as PlanInput[];
  const input = Object.fromEntries(inputKeys.map((k) => [k, absolute(PLAN_CELLS[k])])) as Record<PlanInput, string>;
  const tierRange = (col: string) => P(columnRange(col, PLAN_CELLS.tiersTop, tierLast));
  const bandRange = (col: string) => P(columnRange(col, PLAN_CELLS.bandsTop, bandLast));

  const { period, start } = planPeriod(plan);
  return {
    names,
    rows,
    cumulative: plan.cumulative === true,
    fiscalYears: credits.periods.map((label) => periodSpan(label, period, start)?.fiscalYear ?? ""),
    lines: statementLinesOf(plan),
    last,
    tierLast,
    bands,
    bandLast,
    clawCount,
    clawLast,
    input,
    tiers: { from: tierRange(TIER_COLUMNS.from), rate: tierRange(TIER_COLUMNS.rate), step: tierRange(TIER_COLUMNS.step) },
    bandRanges: { from: bandRange(BAND_COLUMNS.from), amount: bandRange(BAND_COLUMNS.amount) },
    drawAmount: `IF(${input.draw}="",0,${input.draw})`,
    spifAmount: `IF(${input.spif}="",0,${input.spif})`,
    reps: R,
    calc: C,
    calcColumn: (col) => C(columnRange(col, FIRST_ROW, last)),
    clawColumn: (col) => R(columnRange(col, FIRST_ROW, clawLast)),
  };
}
