/** The Plan sheet: every input of the plan, the tier table, the bonus bands, the check cell and the names to check. */
import type { CommissionKey } from "../../i18n/commission.en-US";
import { CommissionPlan } from "../../core/commission/types";
import { Block, PlanCell, SheetPlan } from "../../workbook/plan";
import type { SheetFormats } from "../common";
import { BAND_COLUMNS, columnOf, columnRange, CommissionLayout, f, OK, PLAN_CELLS, PlanInput, rowOf, TIER_COLUMNS } from "./layout";
import { CommissionText, optionIs, optionWord, PlanOption } from "./text";

/** Column of the inputs' values, and of their labels just left of it. */
const VALUE_COLUMN = columnOf(PLAN_CELLS.basis);
const LABEL_COLUMN = String.fromCharCode(VALUE_COLUMN.charCodeAt(0) - 1);
/** Header row of the settings, the tier table and the bonus bands; their titles above the last two. */
const SETTINGS_HEADER_ROW = rowOf(PLAN_CELLS.basis) - 1;
const TIERS_HEADER_ROW = PLAN_CELLS.tiersTop - 1;
const BANDS_HEADER_ROW = PLAN_CELLS.bandsTop - 1;

/**
 * Lays out the Plan sheet: the settings (`CommissionPlan`), the tier table with its rate
 * steps (`CommissionTiers`), the bonus bands (`CommissionBonusBands`) and the check cell,
 * red while the thresholds are not strictly ascending.
 */
export function planSheet(
  plan: CommissionPlan,
  layout: CommissionLayout,
  t: CommissionText,
  formats: SheetFormats,
  warnings: readonly string[] = [],
): SheetPlan {
  const { tierLast, bands, bandLast } = layout;
  const word = (option: PlanOption): string => optionWord(t, option);
  const thresholdFormat = plan.basis === "attainment" ? "0.00%" : formats.money;
  const rateFormat = plan.targetPay !== undefined ? "0.00" : "0.00%";
  const setting = (input: PlanInput, key: CommissionKey, value: PlanCell, format: string | null): Block => ({
    at: `${LABEL_COLUMN}${rowOf(PLAN_CELLS[input])}`,
    cells: [[t(key), value]],
    numberFormat: [null, format],
  });
  const { from, rate, step } = TIER_COLUMNS;
  const blocks: Block[] = [
    { at: "A1", cells: [[t("plan.title")]], style: { bold: true, fontSize: 14 } },
    { at: `${LABEL_COLUMN}${SETTINGS_HEADER_ROW}`, cells: [[t("plan.setting"), t("plan.value")]], style: { bold: true } },
    setting("basis", "plan.basis", word(plan.basis), null),
    setting("method", "plan.method", word(plan.method), null),
    setting("marginalFrom", "plan.marginalFrom", plan.marginalFrom ?? null, thresholdFormat),
    setting("targetPay", "plan.targetPay", plan.targetPay ?? null, formats.money),
    setting("gate", "plan.gate", plan.gate ?? null, formats.percent),
    setting("cap", "plan.cap", plan.cap ?? null, formats.money),
    setting("draw", "plan.draw", plan.draw?.amount ?? null, formats.money),
    setting("drawType", "plan.drawType", word(plan.draw?.recoverable ? "recoverable" : "nonRecoverable"), null),
    setting("spif", "plan.spif", plan.spif?.amount ?? null, formats.money),
    setting("spifMinDeal", "plan.spifMinDeal", plan.spif?.minDealAmount ?? null, formats.money),
    setting("period", "plan.period", word(plan.period ?? "month"), null),
    setting("fiscalYearStart", "plan.fiscalYearStart", plan.fiscalYearStart ?? 1, "0"),
    setting("cumulative", "plan.cumulative", word(plan.cumulative === true ? "yes" : "no"), null),
    setting("negativeTrueUp", "plan.negativeTrueUp", word(plan.negativeTrueUp ?? "carry"), null),
    {
      at: `${LABEL_COLUMN}${rowOf(PLAN_CELLS.check)}`,
      cells: [[t("plan.check"), f(checkFormula(plan.tiers.length, t("plan.checkBad"), optionIs(t, PLAN_CELLS.method, "hybrid")))]],
      style: { bold: true },
    },
    { at: `${from}${TIERS_HEADER_ROW - 1}`, cells: [[t("plan.tiers")]], style: { bold: true } },
    { at: `${from}${TIERS_HEADER_ROW}`, cells: [[t("plan.from"), t("plan.rate"), t("plan.step")]], style: { bold: true } },
    {
      at: `${from}${PLAN_CELLS.tiersTop}`,
      cells: plan.tiers.map((tier, i) => {
        const row = PLAN_CELLS.tiersTop + i;
        return [tier.from, tier.rate, f(i === 0 ? `${rate}${row}` : `${rate}${row}-${rate}${row - 1}`)];
      }),
      numberFormat: [thresholdFormat, rateFormat, rateFormat],
    },
    { at: `${BAND_COLUMNS.from}${BANDS_HEADER_ROW - 1}`, cells: [[t("plan.bands")]], style: { bold: true } },
    { at: `${BAND_COLUMNS.from}${BANDS_HEADER_ROW}`, cells: [[t("plan.bandFrom"), t("plan.bandAmount")]], style: { bold: true } },
    { at: `${BAND_COLUMNS.from}${PLAN_CELLS.bandsTop}`, cells: bands.map((b) => [b.from, b.amount]), numberFormat: [formats.percent, formats.money] },
  ];
  if (warnings.length > 0) {
    blocks.push(
      { at: `A${PLAN_CELLS.warningsTop}`, cells: [[t("plan.warnings")]], style: { bold: true, fontColor: "#9C5700" } },
      { at: `A${PLAN_CELLS.warningsTop + 1}`, cells: warnings.map((w) => [w]), style: { fontColor: "#9C5700" } },
    );
  }
  const settingRows = (["basis", "method", "marginalFrom", "targetPay", "gate", "cap", "draw", "drawType", "spif", "spifMinDeal"] as const);
  return {
    name: layout.names.plan,
    role: "commissionPlan",
    inputs: [
      { id: "settings", range: `${PLAN_CELLS.basis}:${PLAN_CELLS.spifMinDeal}`, keys: [...settingRows] },
      { id: "negativeTrueUp", range: PLAN_CELLS.negativeTrueUp, keys: ["negativeTrueUp"] },
      { id: "tiers", range: `${from}${PLAN_CELLS.tiersTop}:${rate}${tierLast}`, keys: plan.tiers.map((_, i) => `tier${i + 1}`) },
      ...(bands.length > 0
        ? [{ id: "bands", range: `${BAND_COLUMNS.from}${PLAN_CELLS.bandsTop}:${BAND_COLUMNS.amount}${bandLast}`, keys: bands.map((_, i) => `band${i + 1}`) }]
        : []),
    ],
    tabColor: "#2E7D32",
    blocks,
    columnWidths: { A: 40, B: 18, D: 14, E: 12, F: 12, H: 16, I: 14 },
    tables: [
      { name: "CommissionPlan", range: `${LABEL_COLUMN}${SETTINGS_HEADER_ROW}:${PLAN_CELLS.spifMinDeal}`, showBandedRows: true },
      { name: "CommissionTiers", range: `${from}${TIERS_HEADER_ROW}:${step}${tierLast}` },
      { name: "CommissionBonusBands", range: `${BAND_COLUMNS.from}${BANDS_HEADER_ROW}:${BAND_COLUMNS.amount}${bandLast}` },
    ],
    validations: [
      { type: "list", range: PLAN_CELLS.basis, source: [word("amount"), word("attainment")] },
      { type: "list", range: PLAN_CELLS.method, source: [word("marginal"), word("retroactive"), word("hybrid")] },
      { type: "list", range: PLAN_CELLS.drawType, source: [word("recoverable"), word("nonRecoverable")] },
      { type: "list", range: PLAN_CELLS.negativeTrueUp, source: [word("carry"), word("clawback")] },
      { type: "decimal", range: `${rate}${PLAN_CELLS.tiersTop}:${rate}${tierLast}`, min: 0 },
      { type: "decimal", range: `${PLAN_CELLS.targetPay}:${PLAN_CELLS.draw}`, min: 0, allowBlank: true },
      { type: "decimal", range: `${PLAN_CELLS.spif}:${PLAN_CELLS.spifMinDeal}`, min: 0, allowBlank: true },
    ],
    conditionalFormats: [
      { type: "formula", range: PLAN_CELLS.check, formula: `=${PLAN_CELLS.check}<>"${OK}"`, style: { fill: "#F8D7DA", fontColor: "#9C0006", bold: true } },
      { type: "formula", range: PLAN_CELLS.check, formula: `=${PLAN_CELLS.check}="${OK}"`, style: { fill: "#D4EDDA", fontColor: "#155724" } },
    ],
  };
}

/** The Plan sheet's check: thresholds strictly ascending, rates numbers >= 0, a valid hybrid start. */
function checkFormula(tierCount: number, message: string, isHybrid: string): string {
  const top = PLAN_CELLS.tiersTop;
  const last = top + tierCount - 1;
  const T = columnRange(TIER_COLUMNS.from, top, last);
  const rates = columnRange(TIER_COLUMNS.rate, top, last);
  const conditions = [`COUNT(${T})=${tierCount}`, `COUNT(${rates})=${tierCount}`, `COUNTIF(${rates},"<0")=0`];
  if (tierCount > 1) {
    conditions.push(`SUMPRODUCT(--(${columnRange(TIER_COLUMNS.from, top + 1, last)}<=${columnRange(TIER_COLUMNS.from, top, last - 1)}))=0`);
  }
  conditions.push(`OR(NOT(${isHybrid}),IFERROR(MATCH(${PLAN_CELLS.marginalFrom},${T},0),0)>1)`);
  return `=IF(AND(${conditions.join(",")}),"${OK}","${message.replace(/"/g, '""')}")`;
}
