/**
 * The commission sheets: a plan and credits -> five live sheets a finance team can audit.
 *
 * - Plan: every input (basis, method, hybrid start, target pay, gate, cap, draw, SPIF), the
 *   tier table (`CommissionTiers`) with its rate steps, bonus bands, and a check cell that
 *   turns red when the thresholds are not strictly ascending. While it is red every tier
 *   commission is #N/A: an unsorted table never gives a silently wrong payout.
 * - Reps: one row per rep and period (`CommissionReps`): quota, ramp factor, share of the
 *   period, credited amount and SPIF deals (typed, or with `creditsFromDeals` live formulas
 *   over the Deals sheet of the same workbook); and the clawbacks (`CommissionClawbacks`).
 * - Calc: one row per rep and period (`CommissionCalc`), the engine's steps column by column:
 *   marginal by the SUMPRODUCT differential-rate formula, retroactive by INDEX/MATCH.
 * - Statement: eight lines per rep and period as in the engine's audit trail (`CommissionStatement`).
 * - Summary: total payout, payout share of credited revenue, payout per rep with a chart.
 *
 * Classic native formulas only, A1 references across sheets via `sheetRef`. Rep names and
 * period labels are compared with "=" inside SUMPRODUCT, never as SUMIFS criteria, where a
 * name such as "=x", ">5" or "A*" would act as an operator or a wildcard. Option words
 * in cells ("amount", "marginal", "recoverable") stay English in every language.
 */
import { commissionEnUS, CommissionCatalog, CommissionKey } from "../../i18n/commission.en-US";
import { commissionZhCN } from "../../i18n/commission.zh-CN";
import { prorationFactor, rampFactor, repQuota, runCommissionPlan } from "../../core/commission/engine";
import { AuditComponent, CommissionCredits, CommissionPlan } from "../../core/commission/types";
import { Block, PlanCell, SheetPlan, WorkbookPlan, sheetRef } from "../../workbook/plan";
import type { Locale } from "../../core/locale";
import { FieldError, formulaText, invalid, InvalidInput, sheetFormats } from "../common";
import { DealsLayout, dealsRange } from "../deals";

/**
 * Where the Deals sheet is (`dealsLayout(deals, pipeline, { locale })` gives it): the sheet
 * name, its data rows and the word its Status column writes for a won deal.
 */
export type CommissionDealsSource = Pick<DealsLayout, "sheetName" | "firstRow" | "lastRow"> & { words: Pick<DealsLayout["words"], "won"> };

export interface CommissionWorkbookOptions {
  locale?: Locale;
  currency?: string;
  /** Write the Statement sheet (default true). */
  statement?: boolean;
  /**
   * The workbook also holds the Deals sheet: write each rep's credited amount and SPIF deals
   * per period as live formulas over it (won deals of that owner whose close month is the
   * period label), so editing a deal's owner, amount, status or close date moves the payout.
   * The period labels must then be close months ("YYYY-MM") and no two reps may differ only
   * in case (the sheet's `=` ignores case). The credits passed along should be
   * `creditWonDeals(deals, plan)` of the same deals: they name the reps and periods, and they
   * are what the engine pays, so the sheets and the engine agree until a deal is edited.
   */
  creditsFromDeals?: CommissionDealsSource;
}

const CATALOGS: Record<Locale, CommissionCatalog> = { "en-US": commissionEnUS, "zh-CN": commissionZhCN };

/** Localized commission sheet text. */
export function commissionText(locale: Locale | undefined, key: CommissionKey): string {
  return (CATALOGS[locale ?? "en-US"] ?? commissionEnUS)[key];
}

/** Statement lines per rep and period, in order (the engine's audit components). */
export const STATEMENT_LINES: AuditComponent[] = ["tier", "spif", "bonus", "gate", "cap", "clawback", "draw", "payout"];

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
  /** Tier table: From in D, Rate in E, Step in F, from row 4. */
  tiersTop: 4,
  /** Bonus bands: From in H, Bonus in I, from row 4. */
  bandsTop: 4,
} as const;

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
} as const;

/** First data row of the Reps, Calc and Statement tables. */
export const FIRST_ROW = 4;

const OK = "OK";

function f(text: string): PlanCell {
  return { f: text.startsWith("=") ? text : `=${text}` };
}

/**
 * Plans the commission workbook. Refuses (nothing planned) when the plan or the credits
 * are invalid, with the engine's field errors.
 *
 * @example
 * const plan = planCommissionWorkbook(
 *   { basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.05 }, { from: 10000, rate: 0.1 }], quota: 20000 },
 *   { periods: ["2025-01"], reps: ["Ann"], credits: [{ rep: "Ann", period: 0, amount: 15000 }] },
 *   { locale: "en-US" },
 * );
 * // 'Commission calc'!R4 = 10,000 x 5% + 5,000 x 10% = 1,000
 */
export function planCommissionWorkbook(
  plan: CommissionPlan,
  credits: CommissionCredits,
  options: CommissionWorkbookOptions = {},
): WorkbookPlan | InvalidInput {
  const checked = runCommissionPlan(plan, credits);
  if ("errors" in checked) return invalid(checked.errors as FieldError[]);
  const deals = options.creditsFromDeals;
  if (deals) {
    const sourceErrors = dealsSourceErrors(credits);
    if (sourceErrors.length > 0) return invalid(sourceErrors);
  }
  const locale = options.locale ?? "en-US";
  const t = (key: CommissionKey) => commissionText(locale, key);
  const formats = sheetFormats({ locale, currency: options.currency });
  const names = {
    plan: t("sheet.plan"),
    reps: t("sheet.reps"),
    calc: t("sheet.calc"),
    statement: t("sheet.statement"),
    summary: t("sheet.summary"),
  };
  const P = (a: string) => sheetRef(names.plan, a);
  const R = (a: string) => sheetRef(names.reps, a);
  const C = (a: string) => sheetRef(names.calc, a);

  // ---- Plan ----
  const tierCount = plan.tiers.length;
  const tierLast = PLAN_CELLS.tiersTop + tierCount - 1;
  const bands = plan.bonusBands && plan.bonusBands.length > 0 ? plan.bonusBands : [{ from: 0, amount: 0 }];
  const bandLast = PLAN_CELLS.bandsTop + bands.length - 1;
  const T = P(`$D$${PLAN_CELLS.tiersTop}:$D$${tierLast}`);
  const RATES = P(`$E$${PLAN_CELLS.tiersTop}:$E$${tierLast}`);
  const STEPS = P(`$F$${PLAN_CELLS.tiersTop}:$F$${tierLast}`);
  const abs = (cell: string) => P(cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"));
  const [basis, method, marginalFrom, targetPay, gate, cap, draw, drawType, spif, spifMinDeal, check] = [
    abs(PLAN_CELLS.basis),
    abs(PLAN_CELLS.method),
    abs(PLAN_CELLS.marginalFrom),
    abs(PLAN_CELLS.targetPay),
    abs(PLAN_CELLS.gate),
    abs(PLAN_CELLS.cap),
    abs(PLAN_CELLS.draw),
    abs(PLAN_CELLS.drawType),
    abs(PLAN_CELLS.spif),
    abs(PLAN_CELLS.spifMinDeal),
    abs(PLAN_CELLS.check),
  ];
  const attainmentBasis = plan.basis === "attainment";
  const thresholdFormat = attainmentBasis ? "0.00%" : formats.money;
  const rateFormat = plan.targetPay !== undefined ? "0.00" : "0.00%";
  const setting = (row: number, key: CommissionKey, value: PlanCell, format: string | null): Block => ({
    at: `A${row}`,
    cells: [[t(key), value]],
    numberFormat: [null, format],
  });
  const planBlocks: Block[] = [
    { at: "A1", cells: [[t("plan.title")]], style: { bold: true, fontSize: 14 } },
    { at: "A3", cells: [[t("plan.setting"), t("plan.value")]], style: { bold: true } },
    setting(4, "plan.basis", plan.basis, null),
    setting(5, "plan.method", plan.method, null),
    setting(6, "plan.marginalFrom", plan.marginalFrom ?? null, thresholdFormat),
    setting(7, "plan.targetPay", plan.targetPay ?? null, formats.money),
    setting(8, "plan.gate", plan.gate ?? null, formats.percent),
    setting(9, "plan.cap", plan.cap ?? null, formats.money),
    setting(10, "plan.draw", plan.draw?.amount ?? null, formats.money),
    setting(11, "plan.drawType", plan.draw?.recoverable ? "recoverable" : "non-recoverable", null),
    setting(12, "plan.spif", plan.spif?.amount ?? null, formats.money),
    setting(13, "plan.spifMinDeal", plan.spif?.minDealAmount ?? null, formats.money),
    { at: "A14", cells: [[t("plan.check"), f(checkFormula(tierCount, t("plan.checkBad")))]], style: { bold: true } },
    { at: "D2", cells: [[t("plan.tiers")]], style: { bold: true } },
    { at: "D3", cells: [[t("plan.from"), t("plan.rate"), t("plan.step")]], style: { bold: true } },
    {
      at: `D${PLAN_CELLS.tiersTop}`,
      cells: plan.tiers.map((tier, i) => {
        const row = PLAN_CELLS.tiersTop + i;
        return [tier.from, tier.rate, f(i === 0 ? `E${row}` : `E${row}-E${row - 1}`)];
      }),
      numberFormat: [thresholdFormat, rateFormat, rateFormat],
    },
    { at: "H2", cells: [[t("plan.bands")]], style: { bold: true } },
    { at: "H3", cells: [[t("plan.bandFrom"), t("plan.bandAmount")]], style: { bold: true } },
    { at: `H${PLAN_CELLS.bandsTop}`, cells: bands.map((b) => [b.from, b.amount]), numberFormat: [formats.percent, formats.money] },
  ];
  const planSheet: SheetPlan = {
    name: names.plan,
    tabColor: "#2E7D32",
    blocks: planBlocks,
    columnWidths: { A: 40, B: 18, D: 14, E: 12, F: 12, H: 16, I: 14 },
    tables: [
      { name: "CommissionPlan", range: "A3:B13", showBandedRows: true },
      { name: "CommissionTiers", range: `D3:F${tierLast}` },
      { name: "CommissionBonusBands", range: `H3:I${bandLast}` },
    ],
    validations: [
      { type: "list", range: PLAN_CELLS.basis, source: ["amount", "attainment"] },
      { type: "list", range: PLAN_CELLS.method, source: ["marginal", "retroactive", "hybrid"] },
      { type: "list", range: PLAN_CELLS.drawType, source: ["recoverable", "non-recoverable"] },
      { type: "decimal", range: `E${PLAN_CELLS.tiersTop}:E${tierLast}`, min: 0 },
      { type: "decimal", range: "B7:B10", min: 0, allowBlank: true },
      { type: "decimal", range: "B12:B13", min: 0, allowBlank: true },
    ],
    conditionalFormats: [
      { type: "formula", range: PLAN_CELLS.check, formula: `=${PLAN_CELLS.check}<>"${OK}"`, style: { fill: "#F8D7DA", fontColor: "#9C0006", bold: true } },
      { type: "formula", range: PLAN_CELLS.check, formula: `=${PLAN_CELLS.check}="${OK}"`, style: { fill: "#D4EDDA", fontColor: "#155724" } },
    ],
  };

  // ---- Reps ----
  const rows: { rep: string; period: number }[] = [];
  for (const rep of credits.reps) for (let p = 0; p < credits.periods.length; p++) rows.push({ rep, period: p });
  const n = rows.length;
  const last = FIRST_ROW + n - 1;
  const creditedBy = new Map<string, number>();
  const spifBy = new Map<string, number>();
  const key = (rep: string, period: number) => `${period}\u0000${rep}`;
  for (const c of credits.credits) {
    creditedBy.set(key(c.rep, c.period), (creditedBy.get(key(c.rep, c.period)) ?? 0) + c.amount);
    spifBy.set(key(c.rep, c.period), (spifBy.get(key(c.rep, c.period)) ?? 0) + (c.spifDeals ?? 0));
  }
  const claws = credits.clawbacks ?? [];
  const clawCount = Math.max(1, claws.length);
  const clawLast = FIRST_ROW + clawCount - 1;
  const calcRange = (col: string) => C(`$${col}$${FIRST_ROW}:$${col}$${last}`);
  const clawRange = (col: string) => R(`$${col}$${FIRST_ROW}:$${col}$${clawLast}`);
  // Credited amount and SPIF deals: typed, or SUMPRODUCT over the Deals sheet (names
  // compared with "=", never as SUMIFS criteria where "=x", ">5" or "A*" would be operators).
  const creditCells = (rep: string, period: number, r: number): [PlanCell, PlanCell] => {
    if (!deals) return [creditedBy.get(key(rep, period)) ?? 0, spifBy.get(key(rep, period)) ?? 0];
    const layout = { ...deals, stageCount: 0, words: { open: "", lost: "", won: deals.words.won } };
    const amount = dealsRange(layout, "amount");
    const credited = [
      `(${dealsRange(layout, "owner")}=$A${r})`,
      `(${dealsRange(layout, "status")}=${formulaText(deals.words.won)})`,
      `(${dealsRange(layout, "closeMonth")}=$B${r})`,
      `(${amount}>=0)`,
    ].join("*");
    return [
      f(`SUMPRODUCT(${credited}*${amount})`),
      f(`IF(${spif}="",0,SUMPRODUCT(${credited}*(${amount}>=IF(${spifMinDeal}="",0,${spifMinDeal}))))`),
    ];
  };
  const repsSheet: SheetPlan = {
    name: names.reps,
    tabColor: "#1565C0",
    blocks: [
      { at: "A1", cells: [[t("reps.title")]], style: { bold: true, fontSize: 14 } },
      {
        at: "A3",
        cells: [[t("reps.rep"), t("reps.period"), t("reps.quota"), t("reps.ramp"), t("reps.proration"), t("reps.credited"), t("reps.spifDeals")]],
        style: { bold: true },
      },
      {
        at: `A${FIRST_ROW}`,
        cells: rows.map(({ rep, period }, i) => [
          rep,
          credits.periods[period],
          repQuota(plan, rep)!,
          rampFactor(plan, rep, period),
          prorationFactor(plan, rep, period),
          ...creditCells(rep, period, FIRST_ROW + i),
        ]),
        numberFormat: [null, null, formats.money, "0.00", "0.00", formats.money, "0.00"],
      },
      { at: "I2", cells: [[t("reps.clawbacks")]], style: { bold: true } },
      {
        at: "I3",
        cells: [[t("reps.rep"), t("reps.clawPeriod"), t("reps.clawOriginal"), t("reps.clawAmount"), t("reps.clawRate"), t("reps.clawReversal")]],
        style: { bold: true },
      },
      {
        at: `I${FIRST_ROW}`,
        cells: Array.from({ length: clawCount }, (_, i) => {
          const row = FIRST_ROW + i;
          const c = claws[i];
          const rate = f(`IF(I${row}="",0,SUMPRODUCT((${calcRange("A")}=I${row})*(${calcRange("B")}=K${row})*${calcRange(CALC_COLUMNS.paidRate)}))`);
          const reversal = f(`IF(L${row}="",0,L${row}*M${row})`);
          return c
            ? [c.rep, credits.periods[c.period], credits.periods[c.originalPeriod], c.amount, rate, reversal]
            : [null, null, null, null, rate, reversal];
        }),
        numberFormat: [null, null, null, formats.money, "0.00%", formats.money],
      },
    ],
    columnWidths: { A: 18, B: 12, C: 14, D: 12, E: 14, F: 16, G: 12, I: 18, J: 16, K: 16, L: 16, M: 12, N: 18 },
    freeze: { rows: 3, columns: 1 },
    tables: [
      { name: "CommissionReps", range: `A3:G${last}`, showBandedRows: true },
      { name: "CommissionClawbacks", range: `I3:N${clawLast}` },
    ],
    validations: [
      { type: "decimal", range: `C${FIRST_ROW}:C${last}`, min: 0 },
      { type: "decimal", range: `D${FIRST_ROW}:E${last}`, min: 0 },
      { type: "decimal", range: `F${FIRST_ROW}:G${last}`, min: 0 },
    ],
  };

  // ---- Calc ----
  const K = CALC_COLUMNS;
  const marginal = (x: string) => `SUMPRODUCT((${x}>${T})*(${x}-${T})*${STEPS})`;
  const retro = (x: string) => `IF(${x}<INDEX(${T},1),0,INDEX(${RATES},MATCH(${x},${T},1))*${x})`;
  const hybrid = (x: string) =>
    `IF(${x}<${marginalFrom},${retro(x)},INDEX(${RATES},MATCH(${marginalFrom},${T},0)-1)*${x}+SUMPRODUCT((${x}>${T})*(${T}>=${marginalFrom})*(${x}-${T})*${STEPS}))`;
  const drawAmount = `IF(${draw}="",0,${draw})`;
  const calcRows: PlanCell[][] = rows.map((_, i) => {
    const r = FIRST_ROW + i;
    const x = `${K.tierInput}${r}`;
    return [
      f(R(`A${r}`)),
      f(R(`B${r}`)),
      f(`${R(`C${r}`)}*${R(`D${r}`)}*${R(`E${r}`)}`),
      f(R(`F${r}`)),
      f(`${K.credited}${r}/${K.effectiveQuota}${r}`),
      f(`IF(${basis}="amount",${K.credited}${r},${K.attainment}${r})`),
      f(`IF(${basis}="amount",1,IF(${targetPay}="",${K.effectiveQuota}${r},${targetPay}*${R(`E${r}`)}))`),
      f(
        `IF(${check}="${OK}",${K.tierScale}${r}*IF(${method}="marginal",${marginal(x)},IF(${method}="retroactive",${retro(x)},${hybrid(x)})),NA())`,
      ),
      f(`IF(${gate}="",1,IF(${K.attainment}${r}>=${gate},1,0))`),
      f(`${R(`G${r}`)}*IF(${spif}="",0,${spif})`),
      f(`IFERROR(INDEX(${P(`$I$${PLAN_CELLS.bandsTop}:$I$${bandLast}`)},MATCH(${K.attainment}${r},${P(`$H$${PLAN_CELLS.bandsTop}:$H$${bandLast}`)},1)),0)`),
      f(`${K.gateMet}${r}*(${K.tier}${r}+${K.spif}${r}+${K.bonus}${r})`),
      f(`IF(${cap}="",${K.earned}${r},MIN(${K.earned}${r},${cap}))`),
      f(`IF(AND(${K.credited}${r}>0,${K.earned}${r}>0),${K.gateMet}${r}*${K.tier}${r}/${K.credited}${r}*${K.capped}${r}/${K.earned}${r},0)`),
      f(`SUMPRODUCT((${clawRange("I")}=${K.rep}${r})*(${clawRange("J")}=${K.period}${r})*${clawRange("N")})`),
      f(`${K.capped}${r}-${K.clawback}${r}`),
      i === 0 ? 0 : f(`IF(${K.rep}${r}=${K.rep}${r - 1},${K.closing}${r - 1},0)`),
      f(`MAX(${K.net}${r}-${K.opening}${r},${drawAmount})`),
      f(`MAX(0,IF(${drawType}="recoverable",${drawAmount},0)-(${K.net}${r}-${K.opening}${r}))`),
    ];
  });
  const m = formats.money;
  const calcSheet: SheetPlan = {
    name: names.calc,
    tabColor: "#6A1B9A",
    blocks: [
      { at: "A1", cells: [[t("calc.title")]], style: { bold: true, fontSize: 14 } },
      {
        at: "A3",
        cells: [
          (
            [
              "calc.rep",
              "calc.period",
              "calc.effectiveQuota",
              "calc.credited",
              "calc.attainment",
              "calc.tierInput",
              "calc.tierScale",
              "calc.tier",
              "calc.gateMet",
              "calc.spif",
              "calc.bonus",
              "calc.earned",
              "calc.capped",
              "calc.paidRate",
              "calc.clawback",
              "calc.net",
              "calc.opening",
              "calc.payout",
              "calc.closing",
            ] as CommissionKey[]
          ).map(t),
        ],
        style: { bold: true, wrap: true },
      },
      {
        at: `A${FIRST_ROW}`,
        cells: calcRows,
        numberFormat: [null, null, m, m, formats.percent, "#,##0.00##", "#,##0.00", m, "0", m, m, m, m, "0.00%", m, m, m, m, m],
      },
    ],
    columnWidths: { A: 18, B: 12 },
    freeze: { rows: 3, columns: 2 },
    tables: [{ name: "CommissionCalc", range: `A3:S${last}`, showBandedRows: true }],
    conditionalFormats: [{ type: "dataBar", range: `R${FIRST_ROW}:R${last}`, color: "#4472C4" }],
  };

  const sheets: SheetPlan[] = [planSheet, repsSheet, calcSheet];

  // ---- Statement ----
  if (options.statement !== false) {
    const statementRows: PlanCell[][] = [];
    rows.forEach((_, i) => {
      const r = FIRST_ROW + i;
      const c = (col: string) => C(`${col}${r}`);
      const reversed = `SUMPRODUCT((${clawRange("I")}=${c(K.rep)})*(${clawRange("J")}=${c(K.period)})*${clawRange("L")})`;
      const lines: Record<AuditComponent, [PlanCell, PlanCell, PlanCell]> = {
        tier: [
          f(`${c(K.tierScale)}*${c(K.tierInput)}`),
          f(`IF(${c(K.tierScale)}*${c(K.tierInput)}>0,${c(K.tier)}/(${c(K.tierScale)}*${c(K.tierInput)}),0)`),
          f(c(K.tier)),
        ],
        spif: [f(R(`G${r}`)), f(`IF(${spif}="",0,${spif})`), f(c(K.spif))],
        bonus: [f(c(K.attainment)), null, f(c(K.bonus))],
        gate: [f(c(K.attainment)), f(`IF(${gate}="","",${gate})`), f(`${c(K.earned)}-(${c(K.tier)}+${c(K.spif)}+${c(K.bonus)})`)],
        cap: [f(c(K.earned)), f(`IF(${cap}="","",${cap})`), f(`${c(K.capped)}-${c(K.earned)}`)],
        clawback: [f(reversed), f(`IF(${reversed}>0,${c(K.clawback)}/${reversed},0)`), f(`-${c(K.clawback)}`)],
        draw: [f(c(K.opening)), f(drawAmount), f(`${c(K.payout)}-${c(K.net)}`)],
        payout: [null, null, f(c(K.payout))],
      };
      for (const component of STATEMENT_LINES) {
        statementRows.push([f(c(K.rep)), f(c(K.period)), t(`line.${component}` as CommissionKey), ...lines[component]]);
      }
    });
    const statementLast = FIRST_ROW + statementRows.length - 1;
    sheets.push({
      name: names.statement,
      tabColor: "#EF6C00",
      blocks: [
        { at: "A1", cells: [[t("statement.title")]], style: { bold: true, fontSize: 14 } },
        {
          at: "A3",
          cells: [
            (
              ["statement.rep", "statement.period", "statement.component", "statement.basis", "statement.rate", "statement.amount"] as CommissionKey[]
            ).map(t),
          ],
          style: { bold: true },
        },
        { at: `A${FIRST_ROW}`, cells: statementRows, numberFormat: [null, null, null, "#,##0.00##", "0.00##", m] },
      ],
      columnWidths: { A: 18, B: 12, C: 20, D: 16, E: 12, F: 16 },
      freeze: { rows: 3, columns: 0 },
      tables: [{ name: "CommissionStatement", range: `A3:F${statementLast}`, showBandedRows: true }],
    });
  }

  // ---- Summary ----
  const repsLast = 8 + credits.reps.length - 1;
  sheets.push({
    name: names.summary,
    tabColor: "#00838F",
    blocks: [
      { at: "A1", cells: [[t("summary.title")]], style: { bold: true, fontSize: 14 } },
      {
        at: "A3",
        cells: [[t("summary.totalPayout")], [t("summary.revenue")], [t("summary.share")]],
      },
      { at: "B3", cells: [[f(`SUM(${calcRange(K.payout)})`)], [f(`SUM(${calcRange(K.credited)})`)]], numberFormat: m },
      { at: "B5", cells: [[f(`IF(B4=0,0,B3/B4)`)]], numberFormat: formats.percent },
      { at: "A7", cells: [[t("summary.rep"), t("summary.payout")]], style: { bold: true } },
      {
        at: "A8",
        cells: credits.reps.map((rep, i) => [rep, f(`SUMPRODUCT((${calcRange(K.rep)}=A${8 + i})*${calcRange(K.payout)})`)]),
        numberFormat: [null, m],
      },
    ],
    columnWidths: { A: 26, B: 18 },
    tables: [{ name: "CommissionSummary", range: `A7:B${repsLast}` }],
    charts: [
      {
        type: "column",
        title: t("summary.chart"),
        categories: `A8:A${repsLast}`,
        series: [{ name: t("summary.payout"), values: `B8:B${repsLast}` }],
        anchor: "D3",
        width: 560,
        height: 320,
        showLegend: false,
        numberFormat: formats.moneyWhole,
      },
    ],
  });

  return { sheets, activeSheet: names.summary };
}

/** Credits whose sheet formulas read the Deals sheet: close-month periods, reps distinct ignoring case. */
function dealsSourceErrors(credits: CommissionCredits): FieldError[] {
  const errors: FieldError[] = [];
  credits.periods.forEach((label, i) => {
    if (!/^\d{4}-\d{2}$/.test(label)) {
      errors.push({ field: `periods[${i}]`, message: `periods[${i}] (${label}) must be a close month "YYYY-MM" to be read from the Deals sheet.` });
    }
  });
  const seen = new Map<string, string>();
  for (const rep of credits.reps) {
    const other = seen.get(rep.toLowerCase());
    if (other !== undefined) {
      errors.push({ field: "reps", message: `${other} and ${rep} differ only in case: the Deals sheet's comparison ignores case, so they are one rep.` });
    }
    seen.set(rep.toLowerCase(), rep);
  }
  return errors;
}

/** The Plan sheet's check: thresholds strictly ascending, rates numbers >= 0, a valid hybrid start. */
function checkFormula(tierCount: number, message: string): string {
  const top = PLAN_CELLS.tiersTop;
  const last = top + tierCount - 1;
  const T = `$D$${top}:$D$${last}`;
  const conditions = [`COUNT(${T})=${tierCount}`, `COUNT($E$${top}:$E$${last})=${tierCount}`, `COUNTIF($E$${top}:$E$${last},"<0")=0`];
  if (tierCount > 1) conditions.push(`SUMPRODUCT(--($D$${top + 1}:$D$${last}<=$D$${top}:$D$${last - 1}))=0`);
  conditions.push(`OR(${PLAN_CELLS.method}<>"hybrid",IFERROR(MATCH(${PLAN_CELLS.marginalFrom},${T},0),0)>1)`);
  return `=IF(AND(${conditions.join(",")}),"${OK}","${message.replace(/"/g, '""')}")`;
}
