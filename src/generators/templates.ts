/**
 * The planning templates of the article, each a ready table with validation lists and
 * formulas: action plan (`ActionPlan`), customer care and feedback with NPS and CSAT
 * (`Feedback`), risk register (`Risks`), competitor analysis (`Competitors`), training and
 * development plan (`Training`).
 *
 * Common layout: title A1, as-of date in B3 where a template needs one (default =TODAY()),
 * header row 5, rows from 6: the given rows (or a few examples), then blank rows up to
 * `rows` (default 20) already carrying the formulas, lists and formats.
 */
import { Block, ConditionalFormatPlan, ChartPlan, PlanCell, sheetRef, ValidationPlan, WorkbookPlan } from "../workbook/plan";
import type { Locale } from "../core/locale";
import {
  FieldError,
  fitHeaderWidths,
  formulaText,
  GeneratorOptions,
  headerRow,
  INPUT_STYLE,
  invalid,
  isoToSerial,
  LABEL_STYLE,
  PlanResult,
  sheetFormats,
  sheetText,
  tableOver,
  textFor,
  titleBlock,
} from "./common";
import { REPS_FIRST_ROW } from "./reps";

export const TEMPLATE_HEADER_ROW = 5;
export const TEMPLATE_FIRST_ROW = 6;

export interface TemplateOptions extends GeneratorOptions {
  /** Rows the table offers (given rows plus blank ones), default 20. */
  rows?: number;
  /** As-of date (ISO) where the template has one; default =TODAY(). */
  asOf?: string;
}

interface TemplateSpec {
  sheetName: string;
  title: string;
  table: string;
  headers: string[];
  rows: number;
  /** Cells of data row `r` (1-based sheet row) for item index i (beyond the items: blanks). */
  row: (r: number, i: number) => PlanCell[];
  numberFormat: (string | null)[];
  validations: (first: number, last: number) => ValidationPlan[];
  conditionalFormats: (first: number, last: number) => ConditionalFormatPlan[];
  charts?: (first: number, last: number) => ChartPlan[];
  extraBlocks?: (first: number, last: number) => Block[];
  asOf?: PlanCell;
  asOfLabel?: string;
  widths: Record<string, number>;
  tabColor: string;
}

function templatePlan(spec: TemplateSpec, options: TemplateOptions): WorkbookPlan {
  const formats = sheetFormats(options);
  const first = TEMPLATE_FIRST_ROW;
  const last = first + spec.rows - 1;
  const cells: PlanCell[][] = [];
  for (let i = 0; i < spec.rows; i++) cells.push(spec.row(first + i, i));
  const blocks: Block[] = [titleBlock("A1", spec.title)];
  if (spec.asOf !== undefined) {
    blocks.push({ at: "A3", cells: [[spec.asOfLabel ?? ""]], style: LABEL_STYLE });
    blocks.push({ at: "B3", cells: [[spec.asOf]], numberFormat: formats.date, style: INPUT_STYLE });
  }
  blocks.push(headerRow(`A${TEMPLATE_HEADER_ROW}`, spec.headers));
  blocks.push({ at: `A${first}`, cells, numberFormat: spec.numberFormat });
  blocks.push(...(spec.extraBlocks?.(first, last) ?? []));
  return {
    sheets: [
      {
        name: options.sheetName ?? spec.sheetName,
        tabColor: spec.tabColor,
        blocks,
        tables: [tableOver(spec.table, `A${TEMPLATE_HEADER_ROW}`, spec.headers.length, spec.rows, "TableStyleMedium9")],
        validations: spec.validations(first, last),
        conditionalFormats: spec.conditionalFormats(first, last),
        charts: spec.charts?.(first, last) ?? [],
        columnWidths: fitHeaderWidths(spec.widths, `A${TEMPLATE_HEADER_ROW}`, spec.headers),
        freeze: { rows: TEMPLATE_HEADER_ROW, columns: 0 },
      },
    ],
    activeSheet: options.sheetName ?? spec.sheetName,
  };
}

function rowsFor(given: number, options: TemplateOptions): number {
  return Math.max(given, options.rows ?? 20, 1);
}

function asOfCell(options: TemplateOptions, errors: FieldError[]): PlanCell {
  if (options.asOf === undefined) return { f: "=TODAY()" };
  const serial = isoToSerial(options.asOf);
  if (serial === null) errors.push({ field: "asOf", message: sheetText(options.locale, "error.dateInvalid", { value: options.asOf }) });
  return serial;
}

function dateOrError(value: string | undefined, field: string, locale: Locale | undefined, errors: FieldError[]): number | null {
  if (value === undefined || value === "") return null;
  const serial = isoToSerial(value);
  if (serial === null) errors.push({ field, message: sheetText(locale, "error.dateInvalid", { value }) });
  return serial;
}

// ---------------------------------------------------------------------------------------
// Action plan
// ---------------------------------------------------------------------------------------

export type TaskStatus = "notStarted" | "inProgress" | "done" | "blocked";

export interface ActionItem {
  task: string;
  owner?: string;
  start?: string;
  due?: string;
  status?: TaskStatus;
  /** 0..1 */
  done?: number;
}

/**
 * Action plan: task, owner, start, due date, status (list), % done, and an overdue flag
 * (due before the as-of date and not done).
 *
 * @example
 * planActionPlanSheet([{ task: "Call Acme", due: "2025-05-01" }], { asOf: "2025-06-01" }) // G6 "Overdue"
 */
export function planActionPlanSheet(items?: readonly ActionItem[], options: TemplateOptions = {}): PlanResult {
  const t = textFor(options.locale);
  const errors: FieldError[] = [];
  const asOf = asOfCell(options, errors);
  const list: readonly ActionItem[] =
    items ??
    [1, 2, 3].map((n) => ({ task: t(`actionPlan.sample.${n}` as never), status: "notStarted" as TaskStatus, done: 0 }));
  const parsed = list.map((item, i) => ({
    ...item,
    startSerial: dateOrError(item.start, `items[${i}].start`, options.locale, errors),
    dueSerial: dateOrError(item.due, `items[${i}].due`, options.locale, errors),
  }));
  parsed.forEach((item, i) => {
    if (item.startSerial !== null && item.dueSerial !== null && item.dueSerial < item.startSerial) {
      errors.push({ field: `items[${i}].due`, message: sheetText(options.locale, "error.deadlineBeforeStart", { name: item.task }) });
    }
  });
  if (errors.length > 0) return invalid(errors);
  const formats = sheetFormats(options);
  const statusWords: Record<TaskStatus, string> = {
    notStarted: t("actionPlan.status.notStarted"),
    inProgress: t("actionPlan.status.inProgress"),
    done: t("actionPlan.status.done"),
    blocked: t("actionPlan.status.blocked"),
  };
  const overdue = t("actionPlan.overdue");
  return templatePlan(
    {
      sheetName: t("sheet.actionPlan"),
      title: t("actionPlan.title"),
      table: "ActionPlan",
      headers: ["task", "owner", "start", "due", "status", "done", "overdue"].map((k) => t(`actionPlan.header.${k}` as never)),
      rows: rowsFor(parsed.length, options),
      row: (r, i) => {
        const item = parsed[i];
        return [
          item?.task ?? null,
          item?.owner ?? null,
          item?.startSerial ?? null,
          item?.dueSerial ?? null,
          item ? statusWords[item.status ?? "notStarted"] : null,
          item?.done ?? null,
          { f: `=IF(AND(D${r}<>"",D${r}<$B$3,E${r}<>${formulaText(statusWords.done)}),${formulaText(overdue)},"")` },
        ];
      },
      numberFormat: [null, null, formats.date, formats.date, null, "0%", null],
      validations: (f, l) => [
        { type: "list", range: `E${f}:E${l}`, source: Object.values(statusWords), allowBlank: true },
        { type: "decimal", range: `F${f}:F${l}`, min: 0, max: 1, allowBlank: true },
        { type: "date", range: `C${f}:D${l}`, allowBlank: true },
      ],
      conditionalFormats: (f, l) => [
        { type: "formula", range: `A${f}:G${l}`, formula: `=$G${f}=${formulaText(overdue)}`, style: { fill: "#FFC7CE", fontColor: "#9C0006" } },
        { type: "dataBar", range: `F${f}:F${l}`, color: "#63BE7B" },
      ],
      asOf,
      asOfLabel: t("word.asOf"),
      widths: { A: 40, B: 14, C: 12, D: 12, E: 13, F: 9, G: 10 },
      tabColor: "#4472C4",
    },
    options,
  );
}

// ---------------------------------------------------------------------------------------
// Customer care and feedback
// ---------------------------------------------------------------------------------------

export interface FeedbackEntry {
  customer: string;
  lastContact?: string;
  nextFollowUp?: string;
  /** 0..10 "how likely to recommend". */
  nps?: number | null;
  /** 1..5 satisfaction rating. */
  csat?: number | null;
  comment?: string;
}

/**
 * Customer care and feedback: customer, last contact, next follow-up (red when before the
 * as-of date), survey scores, and NPS / CSAT summaries as native formulas in I6:I8:
 * NPS = (COUNTIF(>=9) - COUNTIF(<=6)) / COUNT x 100; CSAT = COUNTIF(>=4) / COUNT.
 *
 * @example
 * planFeedbackSheet([{ customer: "Acme", nps: 10, csat: 5 }, { customer: "Beta", nps: 3, csat: 2 }]) // NPS 0, CSAT 50%
 */
export function planFeedbackSheet(entries: readonly FeedbackEntry[] = [], options: TemplateOptions = {}): PlanResult {
  const t = textFor(options.locale);
  const errors: FieldError[] = [];
  const asOf = asOfCell(options, errors);
  const parsed = entries.map((e, i) => {
    if (e.nps !== undefined && e.nps !== null && !(Number.isInteger(e.nps) && e.nps >= 0 && e.nps <= 10)) {
      errors.push({ field: `entries[${i}].nps`, message: sheetText(options.locale, "error.scoreRange", { min: 0, max: 10 }) });
    }
    if (e.csat !== undefined && e.csat !== null && !(Number.isInteger(e.csat) && e.csat >= 1 && e.csat <= 5)) {
      errors.push({ field: `entries[${i}].csat`, message: sheetText(options.locale, "error.scoreRange", { min: 1, max: 5 }) });
    }
    return {
      ...e,
      last: dateOrError(e.lastContact, `entries[${i}].lastContact`, options.locale, errors),
      next: dateOrError(e.nextFollowUp, `entries[${i}].nextFollowUp`, options.locale, errors),
    };
  });
  if (errors.length > 0) return invalid(errors);
  const formats = sheetFormats(options);
  return templatePlan(
    {
      sheetName: t("sheet.feedback"),
      title: t("feedback.title"),
      table: "Feedback",
      headers: ["customer", "lastContact", "nextFollowUp", "nps", "csat", "comment"].map((k) => t(`feedback.header.${k}` as never)),
      rows: rowsFor(parsed.length, options),
      row: (_r, i) => {
        const e = parsed[i];
        return [e?.customer ?? null, e?.last ?? null, e?.next ?? null, e?.nps ?? null, e?.csat ?? null, e?.comment ?? null];
      },
      numberFormat: [null, formats.date, formats.date, "0", "0", null],
      validations: (f, l) => [
        { type: "whole", range: `D${f}:D${l}`, min: 0, max: 10, allowBlank: true },
        { type: "whole", range: `E${f}:E${l}`, min: 1, max: 5, allowBlank: true },
        { type: "date", range: `B${f}:C${l}`, allowBlank: true },
      ],
      conditionalFormats: (f, l) => [
        { type: "formula", range: `C${f}:C${l}`, formula: `=AND(C${f}<>"",C${f}<$B$3)`, style: { fill: "#FFC7CE", fontColor: "#9C0006" } },
        { type: "colorScale", range: `D${f}:D${l}`, colors: ["#F8696B", "#FFEB84", "#63BE7B"] },
      ],
      extraBlocks: (f, l) => [
        { at: "H6", cells: [[t("feedback.summary.responses")], [t("feedback.summary.nps")], [t("feedback.summary.csat")]], style: LABEL_STYLE },
        { at: "I6", cells: [[{ f: `=COUNT(D${f}:D${l})` }]], numberFormat: "0" },
        {
          at: "I7",
          cells: [[{ f: `=IF(COUNT(D${f}:D${l})=0,"",(COUNTIF(D${f}:D${l},">=9")-COUNTIF(D${f}:D${l},"<=6"))/COUNT(D${f}:D${l})*100)` }]],
          numberFormat: "0.0",
        },
        { at: "I8", cells: [[{ f: `=IF(COUNT(E${f}:E${l})=0,"",COUNTIF(E${f}:E${l},">=4")/COUNT(E${f}:E${l}))` }]], numberFormat: formats.percent },
      ],
      asOf,
      asOfLabel: t("word.asOf"),
      widths: { A: 24, B: 12, C: 13, D: 12, E: 12, F: 36, H: 26, I: 10 },
      tabColor: "#00B0F0",
    },
    options,
  );
}

// ---------------------------------------------------------------------------------------
// Risk register
// ---------------------------------------------------------------------------------------

export type RiskCategory = "market" | "customer" | "competition";
export type RiskResponse = "warn" | "control" | "transfer";

export interface RiskItem {
  risk: string;
  category?: RiskCategory;
  /** 1..5 */
  probability?: number | null;
  /** 1..5 */
  impact?: number | null;
  response?: RiskResponse;
  owner?: string;
  closed?: boolean;
}

/**
 * Risk register: risk, category (market / customer / competition), probability 1-5,
 * impact 1-5, score = probability x impact (heat colouring: 15+ red, 8-14 amber, 1-7 green), response
 * (warn / control / transfer), owner, status.
 *
 * @example
 * planRisksSheet([{ risk: "Price war", probability: 4, impact: 5 }]) // E6 = 20
 */
export function planRisksSheet(items?: readonly RiskItem[], options: TemplateOptions = {}): PlanResult {
  const t = textFor(options.locale);
  const errors: FieldError[] = [];
  const list: RiskItem[] = items
    ? [...items]
    : [
        { risk: t("risks.sample.1"), category: "market", probability: 3, impact: 4, response: "warn" },
        { risk: t("risks.sample.2"), category: "customer", probability: 2, impact: 5, response: "control" },
        { risk: t("risks.sample.3"), category: "competition", probability: 4, impact: 3, response: "transfer" },
      ];
  list.forEach((item, i) => {
    for (const key of ["probability", "impact"] as const) {
      const v = item[key];
      if (v !== undefined && v !== null && !(Number.isInteger(v) && v >= 1 && v <= 5)) {
        errors.push({ field: `items[${i}].${key}`, message: sheetText(options.locale, "error.scoreRange", { min: 1, max: 5 }) });
      }
    }
  });
  if (errors.length > 0) return invalid(errors);
  const categories = { market: t("risks.category.market"), customer: t("risks.category.customer"), competition: t("risks.category.competition") };
  const responses = { warn: t("risks.response.warn"), control: t("risks.response.control"), transfer: t("risks.response.transfer") };
  const statuses = [t("risks.status.open"), t("risks.status.closed")];
  return templatePlan(
    {
      sheetName: t("sheet.risks"),
      title: t("risks.title"),
      table: "Risks",
      headers: ["risk", "category", "probability", "impact", "score", "response", "owner", "status"].map((k) => t(`risks.header.${k}` as never)),
      rows: rowsFor(list.length, options),
      row: (r, i) => {
        const item = list[i];
        return [
          item?.risk ?? null,
          item?.category ? categories[item.category] : null,
          item?.probability ?? null,
          item?.impact ?? null,
          { f: `=IF(OR(C${r}="",D${r}=""),"",C${r}*D${r})` },
          item?.response ? responses[item.response] : null,
          item?.owner ?? null,
          item ? statuses[item.closed ? 1 : 0] : null,
        ];
      },
      numberFormat: [null, null, "0", "0", "0", null, null, null],
      validations: (f, l) => [
        { type: "list", range: `B${f}:B${l}`, source: Object.values(categories), allowBlank: true },
        { type: "whole", range: `C${f}:D${l}`, min: 1, max: 5, allowBlank: true },
        { type: "list", range: `F${f}:F${l}`, source: Object.values(responses), allowBlank: true },
        { type: "list", range: `H${f}:H${l}`, source: statuses, allowBlank: true },
      ],
      // Heat colouring on the 1..25 scale: 15+ high (red), 8..14 medium (amber), 1..7 low (green).
      conditionalFormats: (f, l) => [
        { type: "cellValue", range: `E${f}:E${l}`, operator: "greaterThanOrEqual", formula1: "15", style: { fill: "#F8696B", fontColor: "#FFFFFF", bold: true } },
        { type: "cellValue", range: `E${f}:E${l}`, operator: "between", formula1: "8", formula2: "14", style: { fill: "#FFEB84" } },
        { type: "cellValue", range: `E${f}:E${l}`, operator: "between", formula1: "1", formula2: "7", style: { fill: "#C6EFCE" } },
      ],
      widths: { A: 36, B: 13, C: 13, D: 11, E: 8, F: 11, G: 14, H: 10 },
      tabColor: "#C00000",
    },
    options,
  );
}

// ---------------------------------------------------------------------------------------
// Competitor analysis
// ---------------------------------------------------------------------------------------

export interface CompetitorItem {
  competitor: string;
  offer?: string;
  price?: "lower" | "similar" | "higher";
  /** Market share 0..1. */
  share?: number | null;
  strengths?: string;
  weaknesses?: string;
  response?: string;
}

/**
 * Competitor analysis: competitor, offer, price position (list), market share, strengths,
 * weaknesses, our response; the total share in I6 and a market-share pie chart.
 *
 * @example
 * planCompetitorsSheet([{ competitor: "Us", share: 0.3 }, { competitor: "Rival", share: 0.5 }]) // I6 = 80%
 */
export function planCompetitorsSheet(items?: readonly CompetitorItem[], options: TemplateOptions = {}): PlanResult {
  const t = textFor(options.locale);
  const errors: FieldError[] = [];
  const list: CompetitorItem[] = items
    ? [...items]
    : [
        { competitor: t("competitors.us"), price: "similar", share: 0.25 },
        { competitor: t("competitors.sample", { n: 1 }), price: "lower", share: 0.3 },
        { competitor: t("competitors.sample", { n: 2 }), price: "higher", share: 0.2 },
        { competitor: t("competitors.sample", { n: 3 }), price: "similar", share: 0.15 },
      ];
  list.forEach((item, i) => {
    if (item.share !== undefined && item.share !== null && !(item.share >= 0 && item.share <= 1)) {
      errors.push({ field: `items[${i}].share`, message: sheetText(options.locale, "error.scoreRange", { min: "0%", max: "100%" }) });
    }
  });
  if (errors.length > 0) return invalid(errors);
  const formats = sheetFormats(options);
  const prices = { lower: t("competitors.price.lower"), similar: t("competitors.price.similar"), higher: t("competitors.price.higher") };
  const rows = Math.max(list.length, options.rows ?? 10, 1);
  return templatePlan(
    {
      sheetName: t("sheet.competitors"),
      title: t("competitors.title"),
      table: "Competitors",
      headers: ["competitor", "offer", "price", "share", "strengths", "weaknesses", "response"].map((k) => t(`competitors.header.${k}` as never)),
      rows,
      row: (_r, i) => {
        const c = list[i];
        return [c?.competitor ?? null, c?.offer ?? null, c?.price ? prices[c.price] : null, c?.share ?? null, c?.strengths ?? null, c?.weaknesses ?? null, c?.response ?? null];
      },
      numberFormat: [null, null, null, formats.percent, null, null, null],
      validations: (f, l) => [
        { type: "list", range: `C${f}:C${l}`, source: Object.values(prices), allowBlank: true },
        { type: "decimal", range: `D${f}:D${l}`, min: 0, max: 1, allowBlank: true },
      ],
      conditionalFormats: (f, l) => [{ type: "dataBar", range: `D${f}:D${l}`, color: "#5B9BD5" }],
      extraBlocks: (f, l) => [
        { at: "I5", cells: [[t("word.total")]], style: LABEL_STYLE },
        { at: "I6", cells: [[{ f: `=SUM(D${f}:D${l})` }]], numberFormat: formats.percent },
      ],
      charts: (f) => [
        {
          type: "pie",
          title: t("competitors.chart"),
          categories: `A${f}:A${f + list.length - 1}`,
          series: [{ name: t("competitors.header.share"), values: `D${f}:D${f + list.length - 1}` }],
          anchor: "I9",
          width: 420,
          height: 300,
          showLegend: true,
          dataLabels: true,
        },
      ],
      widths: { A: 20, B: 24, C: 13, D: 12, E: 28, F: 28, G: 30, I: 10 },
      tabColor: "#7030A0",
    },
    options,
  );
}

// ---------------------------------------------------------------------------------------
// Training and development
// ---------------------------------------------------------------------------------------

export type SkillArea = "prospecting" | "needs" | "proposal" | "negotiation" | "product";

export interface TrainingItem {
  rep: string;
  skill?: SkillArea;
  training?: string;
  date?: string;
  done?: boolean;
  nextStep?: string;
}

export interface TrainingOptions extends TemplateOptions {
  /**
   * The rep scorecard sheet (see reps.ts) and its number of reps: the gap column then shows
   * MAX(0, 1 - weighted score) looked up by rep with INDEX/MATCH; without it the gap is text
   * to type.
   */
  scorecard?: { sheet: string; reps: number };
}

/**
 * Training and development plan: rep, skill area (list), the gap shown by the scorecard,
 * training, date, status (list), next career step.
 *
 * @example
 * planTrainingSheet([{ rep: "Bob", skill: "negotiation" }], { scorecard: { sheet: "Reps", reps: 3 } })
 * // C6 = MAX(0, 1 - Bob's weighted score on 'Reps'), blank for a rep not on the scorecard
 */
export function planTrainingSheet(items: readonly TrainingItem[] = [], options: TrainingOptions = {}): PlanResult {
  const t = textFor(options.locale);
  const errors: FieldError[] = [];
  const parsed = items.map((item, i) => ({ ...item, serial: dateOrError(item.date, `items[${i}].date`, options.locale, errors) }));
  if (errors.length > 0) return invalid(errors);
  const formats = sheetFormats(options);
  const skills: Record<SkillArea, string> = {
    prospecting: t("training.skill.prospecting"),
    needs: t("training.skill.needs"),
    proposal: t("training.skill.proposal"),
    negotiation: t("training.skill.negotiation"),
    product: t("training.skill.product"),
  };
  const statuses = [t("training.status.planned"), t("training.status.done")];
  const card = options.scorecard;
  const gap = (r: number): PlanCell => {
    if (!card) return null;
    const lastRep = REPS_FIRST_ROW + Math.max(card.reps, 1) - 1;
    const scores = sheetRef(card.sheet, `$K$${REPS_FIRST_ROW}:$K$${lastRep}`);
    const names = sheetRef(card.sheet, `$A$${REPS_FIRST_ROW}:$A$${lastRep}`);
    // The rep's position by exact comparison (MATCH would read "*" and "?" in a name as wildcards).
    const positions = `{${Array.from({ length: Math.max(card.reps, 1) }, (_, i) => i + 1).join(";")}}`;
    const position = `SUMPRODUCT((${names}=A${r})*${positions})`;
    return { f: `=IFERROR(IF(${position}=0,"",MAX(0,1-INDEX(${scores},${position}))),"")` };
  };
  return templatePlan(
    {
      sheetName: t("sheet.training"),
      title: t("training.title"),
      table: "Training",
      headers: ["rep", "skill", "gap", "training", "date", "status", "nextStep"].map((k) => t(`training.header.${k}` as never)),
      rows: rowsFor(parsed.length, options),
      row: (r, i) => {
        const item = parsed[i];
        return [
          item?.rep ?? null,
          item?.skill ? skills[item.skill] : null,
          gap(r),
          item?.training ?? null,
          item?.serial ?? null,
          item ? statuses[item.done ? 1 : 0] : null,
          item?.nextStep ?? null,
        ];
      },
      numberFormat: [null, null, card ? formats.percent : null, null, formats.date, null, null],
      validations: (f, l) => [
        { type: "list", range: `B${f}:B${l}`, source: Object.values(skills), allowBlank: true },
        { type: "list", range: `F${f}:F${l}`, source: statuses, allowBlank: true },
        { type: "date", range: `E${f}:E${l}`, allowBlank: true },
      ],
      conditionalFormats: (f, l) => (card ? [{ type: "dataBar", range: `C${f}:C${l}`, color: "#F4B183" }] : []),
      widths: { A: 16, B: 18, C: 16, D: 30, E: 12, F: 10, G: 26 },
      tabColor: "#00B050",
    },
    options,
  );
}
