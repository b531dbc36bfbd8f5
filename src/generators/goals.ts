/**
 * SMART goals / KPI scorecard: one row per goal with what makes it SMART (specific
 * description, measure and unit, baseline and target with the growth the target requires,
 * the strategic objective it serves, start and deadline) and how it is going (actual,
 * attainment, time elapsed against an as-of cell, pace, status, weight, weighted score).
 *
 * Layout: title A1; inputs B3 as-of date (default =TODAY()), B4 on-track threshold (100%),
 * B5 at-risk threshold (95%); header row 7, one row per goal from row 8 (table `Goals`, A:S):
 * `KPI | Owner | Specific goal | Measure and unit | Strategic objective | Baseline | Target |
 *  Growth required | Better when | Accumulates | Start | Deadline | Actual | Attainment |
 *  Time elapsed | Pace | Status | Weight | Weighted score`; the total weighted score two rows
 * below the table in S.
 *
 * Rules:
 * - Growth required = (target - baseline) / ABS(baseline), blank when the baseline is 0/blank.
 * - Attainment = actual / target, or target / actual when lower is better; blank while the
 *   actual is blank.
 * - Time elapsed = (as-of - start) / (deadline - start), clipped to 0..1.
 * - Pace = attainment / time elapsed for goals that accumulate (revenue, new customers);
 *   = attainment for levels (rates, satisfaction). Blank at time 0.
 * - Status: pace >= on-track threshold -> on track; >= at-risk threshold -> at risk; else behind.
 * - Weighted score = weight x attainment; total = SUM(weighted) / SUM(weights).
 * - From deals: a goal marked `fromDeals: "wonRevenue"`, planned with `dealsRef`, reads the
 *   Deals sheet instead of typed numbers. Its actual = SUMIFS of the won amounts closed from
 *   its start to MIN(deadline, as-of); its baseline = the won amounts closed in the period just
 *   before, of the same length (the same number of whole months when the goal runs from a
 *   1st to a month end, e.g. the previous calendar year; else the same number of days), blank
 *   when nothing was won then (the data does not reach back: no base to grow from).
 * - While no goal has an actual (COUNT of the Actual column is 0), a note two rows below the
 *   table (A) says why the chart is empty; it goes away as soon as one actual is typed.
 */
import { PlanCell, WorkbookPlan, Block } from "../workbook/plan";
import type { Locale } from "../core/locale";
import {
  FieldError,
  fitHeaderWidths,
  fitWidth,
  formulaText,
  GeneratorOptions,
  bodyBlocks,
  headerRow,
  INPUT_STYLE,
  invalid,
  isoToSerial,
  LABEL_STYLE,
  NOTE_STYLE,
  PlanResult,
  sheetFormats,
  sheetText,
  tableOver,
  textFor,
  titleBlock,
} from "./common";
import { dealsRange, DealsLayout, statusLiteral } from "./deals";

export const GOALS_TABLE_NAME = "Goals";
export const GOALS_HEADER_ROW = 7;
export const GOALS_FIRST_ROW = 8;

export type GoalUnit = "money" | "count" | "percent";

export interface GoalInput {
  kpi: string;
  owner?: string;
  specific?: string;
  measure?: string;
  objective?: string;
  baseline?: number | null;
  target: number;
  /** Default "higher". */
  better?: "higher" | "lower";
  /** True for totals that build up over time (revenue, customers). Default true for money and count. */
  accumulates?: boolean;
  /** ISO dates. */
  start: string;
  deadline: string;
  actual?: number | null;
  /** Default 1. */
  weight?: number;
  /** Number format of baseline, target and actual. Default "count". */
  unit?: GoalUnit;
  /**
   * Read baseline and actual from the Deals sheet (live formulas) when the options carry
   * `dealsRef`: "wonRevenue" = won amounts by close date. The typed baseline and actual are
   * then not used.
   */
  fromDeals?: "wonRevenue";
}

export interface GoalsOptions extends GeneratorOptions {
  /** As-of date (ISO); default the formula =TODAY(). */
  asOf?: string;
  /** Default 1 (100%). */
  onTrackAt?: number;
  /** Default 0.95. */
  atRiskAt?: number;
  /** Where the Deals sheet is: goals marked `fromDeals` read it. Without it every goal is typed. */
  dealsRef?: DealsLayout;
}

/**
 * Formulas of a goal read from the Deals sheet, in row `r` (start in K, deadline in L, as-of
 * in $B$3): the won amounts of the previous period of the same length, and of the goal's
 * period up to the as-of date.
 */
function wonRevenueFormulas(layout: DealsLayout, r: number): { baseline: string; actual: string } {
  const amount = dealsRange(layout, "amount");
  const status = dealsRange(layout, "status");
  const close = dealsRange(layout, "close");
  const won = statusLiteral(layout, "won");
  // Whole months (start on a 1st, deadline on a month end): the first day `months` months back.
  const months = `((YEAR(L${r})-YEAR(K${r}))*12+MONTH(L${r})-MONTH(K${r})+1)`;
  const wholeMonths = `AND(K${r}=EOMONTH(K${r},-1)+1,L${r}=EOMONTH(L${r},0))`;
  const previousStart = `IF(${wholeMonths},EOMONTH(K${r},-1-${months})+1,2*K${r}-L${r}-1)`;
  const previous = `${status},${won},${close},">="&${previousStart},${close},"<"&K${r}`;
  return {
    baseline: `=IF(COUNTIFS(${previous})=0,"",SUMIFS(${amount},${previous}))`,
    actual: `=SUMIFS(${amount},${status},${won},${close},">="&K${r},${close},"<="&MIN(L${r},$B$3))`,
  };
}

/**
 * The article's KPIs as ready goals for a calendar year: revenue, new customers, conversion
 * rate, customer satisfaction, sales growth rate, channel coverage and sales cost ratio.
 * Baselines and targets are examples to overwrite; actuals are left blank.
 *
 * @example
 * defaultGoals("en-US", 2025)[0] // { kpi: "Revenue", target: 1200000, start: "2025-01-01", ... }
 */
export function defaultGoals(locale: Locale = "en-US", year = 2025, currency?: string): GoalInput[] {
  const t = textFor(locale);
  const start = `${year}-01-01`;
  const deadline = `${year}-12-31`;
  const team = t("goals.owner.team");
  const symbol = currency ?? (locale === "zh-CN" ? "¥" : "$");
  const goal = (key: string, g: Partial<GoalInput>): GoalInput => ({
    kpi: t(`goals.kpi.${key}` as never),
    specific: t(`goals.specific.${key}` as never),
    owner: team,
    start,
    deadline,
    target: 1,
    actual: null,
    weight: 1,
    ...g,
  });
  const percent = t("goals.measure.percent");
  return [
    goal("revenue", { measure: t("goals.measure.money", { currency: symbol }), objective: t("goals.objective.growth"), baseline: 1_000_000, target: 1_200_000, unit: "money", accumulates: true, weight: 0.3 }),
    goal("newCustomers", { measure: t("goals.measure.count"), objective: t("goals.objective.customers"), baseline: 40, target: 50, unit: "count", accumulates: true, weight: 0.15 }),
    goal("conversion", { measure: percent, objective: t("goals.objective.growth"), baseline: 0.2, target: 0.25, unit: "percent", accumulates: false, weight: 0.15 }),
    goal("satisfaction", { measure: percent, objective: t("goals.objective.quality"), baseline: 0.85, target: 0.9, unit: "percent", accumulates: false, weight: 0.1 }),
    goal("growth", { measure: percent, objective: t("goals.objective.growth"), baseline: 0.1, target: 0.2, unit: "percent", accumulates: false, weight: 0.1 }),
    goal("coverage", { measure: percent, objective: t("goals.objective.market"), baseline: 0.6, target: 0.7, unit: "percent", accumulates: false, weight: 0.1 }),
    goal("costRatio", { measure: percent, objective: t("goals.objective.efficiency"), baseline: 0.15, target: 0.12, unit: "percent", accumulates: false, better: "lower", weight: 0.1 }),
  ];
}

/** Checks goals before planning: dates real and in order, targets not 0, weights >= 0. */
export function validateGoals(goals: readonly GoalInput[], options: GoalsOptions = {}): FieldError[] {
  const locale = options.locale;
  const errors: FieldError[] = [];
  if (goals.length === 0) errors.push({ field: "goals", message: sheetText(locale, "error.goalsEmpty") });
  goals.forEach((g, i) => {
    const name = g.kpi;
    const start = isoToSerial(g.start);
    const deadline = isoToSerial(g.deadline);
    if (start === null) errors.push({ field: `goals[${i}].start`, message: sheetText(locale, "error.dateInvalid", { value: g.start }) });
    if (deadline === null) errors.push({ field: `goals[${i}].deadline`, message: sheetText(locale, "error.dateInvalid", { value: g.deadline }) });
    if (start !== null && deadline !== null && deadline < start) {
      errors.push({ field: `goals[${i}].deadline`, message: sheetText(locale, "error.deadlineBeforeStart", { name }) });
    }
    if (!Number.isFinite(g.target) || g.target === 0) errors.push({ field: `goals[${i}].target`, message: sheetText(locale, "error.targetZero", { name }) });
    if (g.weight !== undefined && !(Number.isFinite(g.weight) && g.weight >= 0)) {
      errors.push({ field: `goals[${i}].weight`, message: sheetText(locale, "error.weightNegative", { name }) });
    }
  });
  if (options.asOf !== undefined && isoToSerial(options.asOf) === null) {
    errors.push({ field: "asOf", message: sheetText(locale, "error.dateInvalid", { value: options.asOf }) });
  }
  return errors;
}

/**
 * Plans the SMART goals / KPI scorecard sheet.
 *
 * @example
 * planGoalsSheet(defaultGoals("zh-CN", 2025), { locale: "zh-CN", asOf: "2025-06-30" })
 */
export function planGoalsSheet(goals: readonly GoalInput[], options: GoalsOptions = {}): PlanResult {
  const errors = validateGoals(goals, options);
  if (errors.length > 0) return invalid(errors);
  const t = textFor(options.locale);
  const formats = sheetFormats(options);
  const unitFormat: Record<GoalUnit, string> = { money: formats.money, count: formats.count, percent: formats.percent };
  const higher = t("word.higher");
  const lower = t("word.lower");
  const yes = t("word.yes");
  const no = t("word.no");
  const first = GOALS_FIRST_ROW;
  const last = first + goals.length - 1;
  const asOf = options.asOf === undefined ? { f: "=TODAY()" } : isoToSerial(options.asOf)!;

  const headers = [
    t("goals.header.kpi"),
    t("goals.header.owner"),
    t("goals.header.specific"),
    t("goals.header.measure"),
    t("goals.header.objective"),
    t("goals.header.baseline"),
    t("goals.header.target"),
    t("goals.header.requiredGrowth"),
    t("goals.header.better"),
    t("goals.header.accumulates"),
    t("goals.header.start"),
    t("goals.header.deadline"),
    t("goals.header.actual"),
    t("goals.header.attainment"),
    t("goals.header.elapsed"),
    t("goals.header.pace"),
    t("goals.header.status"),
    t("goals.header.weight"),
    t("goals.header.weightedScore"),
  ];
  const labels = [t("goals.input.asOf"), t("goals.input.onTrack"), t("goals.input.atRisk")];
  const blocks: Block[] = [
    titleBlock("A1", t("goals.title")),
    { at: "A3", cells: labels.map((label) => [label]), style: LABEL_STYLE },
    { at: "B3", cells: [[asOf]], numberFormat: formats.date, style: INPUT_STYLE },
    { at: "B4", cells: [[options.onTrackAt ?? 1], [options.atRiskAt ?? 0.95]], numberFormat: formats.percent, style: INPUT_STYLE },
    headerRow(`A${GOALS_HEADER_ROW}`, headers),
  ];
  goals.forEach((g, i) => {
    const r = first + i;
    const unit = g.unit ?? "count";
    const accumulates = g.accumulates ?? unit !== "percent";
    const fromDeals = g.fromDeals === "wonRevenue" && options.dealsRef ? wonRevenueFormulas(options.dealsRef, r) : null;
    const cells: PlanCell[] = [
      g.kpi,
      g.owner ?? "",
      g.specific ?? "",
      g.measure ?? "",
      g.objective ?? "",
      fromDeals ? { f: fromDeals.baseline } : g.baseline ?? null,
      g.target,
      { f: `=IF(OR(F${r}="",F${r}=0),"",(G${r}-F${r})/ABS(F${r}))` },
      g.better === "lower" ? lower : higher,
      accumulates ? yes : no,
      isoToSerial(g.start),
      isoToSerial(g.deadline),
      fromDeals ? { f: fromDeals.actual } : g.actual ?? null,
      { f: `=IF(M${r}="","",IF(I${r}=${formulaText(lower)},IF(M${r}=0,"",G${r}/M${r}),IF(G${r}=0,"",M${r}/G${r})))` },
      { f: `=IF(L${r}<=K${r},"",MIN(1,MAX(0,($B$3-K${r})/(L${r}-K${r}))))` },
      { f: `=IF(OR(N${r}="",O${r}=""),"",IF(I${r}=${formulaText(lower)},N${r},IF(J${r}=${formulaText(no)},N${r},IF(O${r}=0,"",N${r}/O${r}))))` },
      {
        f: `=IF(P${r}="","",IF(P${r}>=$B$4,${formulaText(t("goals.status.onTrack"))},IF(P${r}>=$B$5,${formulaText(t("goals.status.atRisk"))},${formulaText(t("goals.status.behind"))})))`,
      },
      g.weight ?? 1,
      { f: `=IF(N${r}="","",R${r}*N${r})` },
    ];
    const u = unitFormat[unit];
    blocks.push(
      ...bodyBlocks(
        `A${r}`,
        [cells],
        [null, null, null, null, null, u, u, formats.percent, null, null, formats.date, formats.date, u, formats.percent, formats.percent, formats.percent, null, formats.percent, formats.percent],
        [12],
      ),
    );
  });
  blocks.push({ at: `A${last + 2}`, cells: [[{ f: `=IF(COUNT(M${first}:M${last})=0,${formulaText(t("goals.note.noActuals"))},"")` }]], style: NOTE_STYLE });
  // The total's label ends beside its value: merged over O:R, right-aligned, so it shows whole.
  blocks.push({ at: `O${last + 2}`, cells: [[t("goals.total"), null, null, null]], style: { ...LABEL_STYLE, horizontalAlignment: "right" } });
  blocks.push({ at: `S${last + 2}`, cells: [[{ f: `=IF(SUM(R${first}:R${last})=0,"",SUM(S${first}:S${last})/SUM(R${first}:R${last}))` }]], numberFormat: formats.percent, style: LABEL_STYLE });

  const status = (word: string, fill: string, fontColor: string) => ({
    type: "formula" as const,
    range: `Q${first}:Q${last}`,
    formula: `=$Q${first}=${formulaText(word)}`,
    style: { fill, fontColor },
  });
  const sheetName = options.sheetName ?? t("sheet.goals");
  const plan: WorkbookPlan = {
    sheets: [
      {
        name: sheetName,
        tabColor: "#00B050",
        blocks,
        // What a manager types, kept through a refresh by KPI (the as-of date moves on by itself).
        inputs: [
          { id: "goal", range: `B${first}:G${last}`, keys: `A${first}:A${last}` },
          { id: "rule", range: `I${first}:L${last}`, keys: `A${first}:A${last}` },
          { id: "actual", range: `M${first}:M${last}`, keys: `A${first}:A${last}` },
          { id: "weight", range: `R${first}:R${last}`, keys: `A${first}:A${last}` },
          { id: "thresholds", range: "B4:B5", keys: ["onTrack", "atRisk"] },
        ],
        tables: [tableOver(GOALS_TABLE_NAME, `A${GOALS_HEADER_ROW}`, headers.length, goals.length)],
        conditionalFormats: [
          status(t("goals.status.onTrack"), "#C6EFCE", "#006100"),
          status(t("goals.status.atRisk"), "#FFEB9C", "#9C5700"),
          status(t("goals.status.behind"), "#FFC7CE", "#9C0006"),
          { type: "iconSet", range: `P${first}:P${last}`, icons: "3TrafficLights", thresholds: [options.atRiskAt ?? 0.95, options.onTrackAt ?? 1] },
        ],
        validations: [
          { type: "list", range: `I${first}:I${last}`, source: [higher, lower], allowBlank: false },
          { type: "list", range: `J${first}:J${last}`, source: [yes, no], allowBlank: false },
          { type: "date", range: `K${first}:L${last}`, allowBlank: false },
          { type: "decimal", range: `R${first}:R${last}`, min: 0, allowBlank: false },
        ],
        charts: [
          {
            type: "column",
            title: t("goals.chart"),
            categories: `A${first}:A${last}`,
            series: [{ name: t("goals.header.attainment"), values: `N${first}:N${last}` }],
            anchor: `A${last + 4}`,
            width: 560,
            height: 300,
            showLegend: false,
            numberFormat: "0%",
          },
        ],
        merges: [`O${last + 2}:R${last + 2}`],
        // Every header on one line; the texts of A:E (KPI, owner, goal, measure, objective) and
        // the labels of A3:A5 shown whole, up to 60 characters.
        columnWidths: fitHeaderWidths(
          {
            A: Math.max(fitWidth(goals.map((g) => g.kpi), { min: 20, max: 60 }), fitWidth(labels, { bold: true })),
            B: fitWidth(goals.map((g) => g.owner ?? ""), { min: 14, max: 60 }),
            C: fitWidth(goals.map((g) => g.specific ?? ""), { min: 36, max: 60 }),
            D: fitWidth(goals.map((g) => g.measure ?? ""), { min: 18, max: 60 }),
            E: fitWidth(goals.map((g) => g.objective ?? ""), { min: 20, max: 60 }),
            F: 13,
            G: 13,
            H: 11,
            I: 11,
            J: 11,
            K: 11,
            L: 11,
            M: 13,
            N: 11,
            O: 11,
            P: 9,
            Q: 11,
            R: 8,
            S: 12,
          },
          `A${GOALS_HEADER_ROW}`,
          headers,
        ),
        freeze: { rows: GOALS_HEADER_ROW, columns: 1 },
      },
    ],
    activeSheet: sheetName,
  };
  return plan;
}
