/**
 * The Funnel sheet: deals and amount per stage, conversion from the previous and from the
 * first stage, drop-off, a target conversion per stage (input) and the gap to it, with a
 * flag and a red fill where conversion is below target, and a funnel chart.
 *
 * Two sources:
 * - `planFunnelFromDeals`: counts are COUNTIFS over the Deals sheet's "stage reached #"
 *   column (a deal counts in every stage <= its stage reached; won deals also in "Won").
 * - `planFunnelSheet`: typed stage counts (inputs); everything else follows them.
 *
 * Layout: title A1, note A2, header row 4, one row per stage from row 5:
 * `# | Stage | Deals | Amount | Conversion from previous | Conversion from first |
 *  Drop-off | Target conversion | Gap to target | Flag`. Table name `Funnel`.
 */
import { Deal, Pipeline } from "../core/deal";
import { Block, ConditionalFormatPlan, PlanCell, SheetPlan, ValidationPlan, WorkbookPlan } from "../workbook/plan";
import {
  bodyBlocks,
  columnRange,
  FieldError,
  fitHeaderWidths,
  formulaText,
  GeneratorOptions,
  headerRow,
  invalid,
  noteBlock,
  PlanResult,
  sheetFormats,
  sheetText,
  tableOver,
  textFor,
  titleBlock,
  validateStageNames,
} from "./common";
import { dealsRange, dealsRefFor, DealsSourceOptions } from "./deals";

export const FUNNEL_TABLE_NAME = "Funnel";
export const FUNNEL_HEADER_ROW = 4;
export const FUNNEL_FIRST_ROW = 5;
export interface FunnelOptions extends GeneratorOptions {
  /**
   * Target conversion from the previous stage, one per funnel row (decimal, 0.5 = 50%);
   * the first row has none. Missing or null entries stay blank for the user to fill.
   */
  targetConversions?: (number | null)[];
}

/** A typed stage: its name, the number of deals in it and optionally their amount. */
export interface TypedStage {
  name: string;
  count: number;
  amount?: number | null;
  target?: number | null;
}

interface FunnelRowSource {
  name: string;
  count: PlanCell;
  amount: PlanCell;
  target: number | null;
}

function validateTargets(targets: (number | null | undefined)[], locale: FunnelOptions["locale"]): FieldError[] {
  const errors: FieldError[] = [];
  targets.forEach((target, i) => {
    if (target === null || target === undefined) return;
    if (!Number.isFinite(target) || target < 0 || target > 1) {
      errors.push({ field: `targetConversions[${i}]`, message: sheetText(locale, "error.targetRange") });
    }
  });
  return errors;
}

function funnelSheet(rows: FunnelRowSource[], options: FunnelOptions, note: string, typed: boolean): SheetPlan {
  const t = textFor(options.locale);
  const formats = sheetFormats(options);
  const first = FUNNEL_FIRST_ROW;
  const last = first + rows.length - 1;
  const cells: PlanCell[][] = rows.map((row, i) => {
    const r = first + i;
    const step = i === 0 ? `=IF(C${r}=0,"",1)` : `=IF(C${r - 1}=0,"",C${r}/C${r - 1})`;
    return [
      i + 1,
      row.name,
      row.count,
      row.amount,
      { f: step },
      { f: `=IF(C$${first}=0,"",C${r}/C$${first})` },
      { f: `=IF(E${r}="","",1-E${r})` },
      i === 0 ? null : row.target,
      { f: `=IF(OR(E${r}="",H${r}=""),"",E${r}-H${r})` },
      { f: `=IF(I${r}="","",IF(I${r}<0,${formulaText(t("funnel.flag.below"))},""))` },
    ];
  });
  const headers = [
    t("funnel.header.number"),
    t("funnel.header.stage"),
    t("funnel.header.deals"),
    t("funnel.header.amount"),
    t("funnel.header.stepConversion"),
    t("funnel.header.cumulativeConversion"),
    t("funnel.header.dropOff"),
    t("funnel.header.target"),
    t("funnel.header.gap"),
    t("funnel.header.flag"),
  ];
  const blocks: Block[] = [
    titleBlock("A1", t("funnel.title")),
    noteBlock("A2", note),
    headerRow(`A${FUNNEL_HEADER_ROW}`, headers),
    // Input cells (typed counts, targets) are shaded so a user sees what to type.
    ...bodyBlocks(
      `A${first}`,
      cells,
      ["0", null, formats.count, formats.money, formats.percent, formats.percent, formats.percent, formats.percent, formats.percent, null],
      typed ? [2, 7] : [7],
    ),
  ];

  const conditionalFormats: ConditionalFormatPlan[] = [
    {
      type: "formula",
      range: `E${first}:E${last}`,
      formula: `=AND($H${first}<>"",$E${first}<>"",$E${first}<$H${first})`,
      style: { fill: "#F8CBAD", fontColor: "#9C0006" },
    },
    { type: "dataBar", range: columnRange(3, first, last), color: "#5B9BD5" },
  ];
  const validations: ValidationPlan[] = [
    { type: "decimal", range: `H${first}:H${last}`, min: 0, max: 1, allowBlank: true },
  ];
  if (typed) validations.push({ type: "whole", range: `C${first}:C${last}`, min: 0, allowBlank: false });

  return {
    name: options.sheetName ?? t("sheet.funnel"),
    tabColor: "#5B9BD5",
    blocks,
    tables: [tableOver(FUNNEL_TABLE_NAME, `A${FUNNEL_HEADER_ROW}`, headers.length, rows.length)],
    conditionalFormats,
    validations,
    charts: [
      {
        type: "funnel",
        title: t("funnel.chart"),
        categories: `B${first}:B${last}`,
        series: [{ name: t("funnel.header.deals"), values: `C${first}:C${last}` }],
        anchor: "L4",
        width: 480,
        height: 320,
        dataLabels: true,
        showLegend: false,
      },
    ],
    columnWidths: fitHeaderWidths({ A: 5, B: 24, C: 10, D: 16, E: 14, F: 14, G: 11, H: 12, I: 12, J: 14 }, `A${FUNNEL_HEADER_ROW}`, headers),
    freeze: { rows: FUNNEL_HEADER_ROW, columns: 0 },
    inputs: [
      { id: "target", range: `H${first}:H${last}`, keys: `B${first}:B${last}` },
      ...(typed ? [{ id: "count", range: `C${first}:C${last}`, keys: `B${first}:B${last}` }] : []),
    ],
  };
}

/**
 * Plans a funnel from deal data: one row per open stage of the pipeline, then "Won".
 *
 * Rules: stage n (1-based, Won = stages + 1) counts the deals whose "stage reached #" on the
 * Deals sheet is >= n, i.e. open deals in every stage up to their current one, won deals in
 * every stage and in Won, lost deals up to their loss stage (first stage when unknown).
 * Amount sums the same deals. Conversion from previous = deals / previous deals (first row
 * 1, blank when the denominator is 0); drop-off = 1 - conversion.
 *
 * @example
 * planFunnelFromDeals(deals, pipeline, { locale: "zh-CN" })
 * // sheets: 商机 (Deals), 销售漏斗 with C5 "=COUNTIFS('商机'!$N$2:$N$41,">="&A5)"
 */
export function planFunnelFromDeals(deals: readonly Deal[], pipeline: Pipeline, options: FunnelOptions & DealsSourceOptions = {}): PlanResult {
  const errors = [
    ...validateStageNames(pipeline.stages.map((s) => s.name), options.locale, "pipeline.stages"),
    ...validateTargets(options.targetConversions ?? [], options.locale),
  ];
  if (errors.length > 0) return invalid(errors);
  const t = textFor(options.locale);
  const layout = dealsRefFor(deals, pipeline, options);
  const reached = dealsRange(layout, "reached");
  const amount = dealsRange(layout, "amount");
  const names = [...pipeline.stages.map((s) => s.name), t("funnel.stage.won")];
  const rows: FunnelRowSource[] = names.map((name, i) => {
    const r = FUNNEL_FIRST_ROW + i;
    return {
      name,
      count: { f: `=COUNTIFS(${reached},">="&A${r})` },
      amount: { f: `=SUMIFS(${amount},${reached},">="&A${r})` },
      target: options.targetConversions?.[i] ?? null,
    };
  });
  const plan: WorkbookPlan = {
    sheets: [funnelSheet(rows, options, t("funnel.note.deals"), false)],
  };
  plan.activeSheet = plan.sheets[plan.sheets.length - 1].name;
  return plan;
}

/**
 * Plans a funnel from typed stage counts (the counts are input cells).
 *
 * Rules: at least one stage, unique non-blank names, counts whole numbers >= 0, targets
 * between 0 and 1; otherwise nothing is planned and each error names its field.
 *
 * @example
 * planFunnelSheet([{ name: "Initial contact", count: 200 }, { name: "Needs analysis", count: 120 }])
 * // E6 = C6/C5 -> 60%
 */
export function planFunnelSheet(stages: readonly TypedStage[], options: FunnelOptions = {}): PlanResult {
  const errors: FieldError[] = validateStageNames(stages.map((s) => s.name), options.locale, "stages");
  stages.forEach((stage, i) => {
    if (!Number.isInteger(stage.count) || stage.count < 0) {
      errors.push({ field: `stages[${i}].count`, message: sheetText(options.locale, "error.countNegative", { name: stage.name }) });
    }
  });
  const targets = stages.map((s, i) => s.target ?? options.targetConversions?.[i] ?? null);
  errors.push(...validateTargets(targets, options.locale));
  if (errors.length > 0) return invalid(errors);
  const t = textFor(options.locale);
  const rows: FunnelRowSource[] = stages.map((stage, i) => ({
    name: stage.name.trim(),
    count: stage.count,
    amount: stage.amount ?? null,
    target: targets[i],
  }));
  return { sheets: [funnelSheet(rows, options, t("funnel.note.typed"), true)] };
}
