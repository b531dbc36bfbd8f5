/**
 * The rep scorecard (performance appraisal): per rep, won revenue, quota (input) and
 * attainment, deals won and lost, win rate, average deal, cycle days, an optional
 * satisfaction input, a weighted score over a weights table, and a rank.
 *
 * Layout: title A1, header row 4, one row per rep from row 5 (table `Reps`, columns A:L):
 * `Rep | Won revenue | Quota | Attainment | Deals won | Deals lost | Win rate | Average deal |
 *  Cycle days | Satisfaction (0-5) | Weighted score | Rank`.
 * Weights at N4 (table `Scorecard`, N4:P8): criterion, weight, benchmark for attainment,
 * win rate, deals won (benchmark: the team average, a formula you may overwrite) and
 * satisfaction; the score cap per criterion in O9.
 *
 * Score rule: each criterion scores MIN(value / benchmark, cap); the weighted score is the
 * weighted mean over the criteria that have a value (a blank quota, win rate or satisfaction
 * drops that criterion and its weight for that rep). Rank 1 is the highest score
 * (COUNTIF of higher scores + 1, ties share a rank).
 */
import { Deal, Pipeline } from "../core/deal";
import { PlanCell, WorkbookPlan } from "../workbook/plan";
import {
  bodyBlocks,
  distinctTexts,
  FieldError,
  fitHeaderWidths,
  fitWidth,
  headerRow,
  INPUT_STYLE,
  invalid,
  LABEL_STYLE,
  PlanResult,
  sheetFormats,
  sheetText,
  tableOver,
  textFor,
  titleBlock,
  validateStageNames,
} from "./common";
import { dealsRange, dealsRefFor, DealsSourceOptions, statusLiteral } from "./deals";

export const REPS_TABLE_NAME = "Reps";
export const SCORECARD_TABLE_NAME = "Scorecard";
export const REPS_HEADER_ROW = 4;
export const REPS_FIRST_ROW = 5;

export interface RepWeights {
  attainment: number;
  winRate: number;
  won: number;
  satisfaction: number;
}

export interface RepsOptions extends DealsSourceOptions {
  /** Quota per rep, or one quota for everybody. Blank (not given) leaves the input empty. */
  quotas?: Record<string, number> | number;
  /** Satisfaction per rep, 0..5 (optional input). */
  satisfaction?: Record<string, number>;
  /** Default 0.5 / 0.2 / 0.15 / 0.15. */
  weights?: Partial<RepWeights>;
  /** Benchmarks: attainment (default 1), win rate (default 0.3), satisfaction (default 5). */
  benchmarks?: { attainment?: number; winRate?: number; won?: number; satisfaction?: number };
  /** Highest score one criterion can give, default 1.5. */
  cap?: number;
}

/**
 * Reps in the order the scorecard lists them: by name, blank owners left out, names that
 * differ only in case counted once (the sheet's "=" comparison ignores case).
 */
export function repNames(deals: readonly Deal[]): string[] {
  return distinctTexts(deals.map((d) => d.owner));
}

/**
 * Plans the rep scorecard over the Deals sheet.
 *
 * Rules: win rate = won / (won + lost) by count, blank when neither; average deal = won
 * revenue / deals won; cycle days = mean of (close - created) over the rep's won deals that
 * have both dates. A quota given as 0 or less is refused (attainment divides by it).
 *
 * @example
 * planRepsSheet(deals, pipeline, { quotas: { Alice: 5000 } }) // D5 "=IF(OR(C5="",C5=0),"",B5/C5)"
 */
export function planRepsSheet(deals: readonly Deal[], pipeline: Pipeline, options: RepsOptions = {}): PlanResult {
  const errors: FieldError[] = validateStageNames(pipeline.stages.map((s) => s.name), options.locale, "pipeline.stages");
  const reps = repNames(deals);
  const quotaOf = (rep: string): number | null =>
    typeof options.quotas === "number" ? options.quotas : options.quotas?.[rep] ?? null;
  const quotaEntries = typeof options.quotas === "number" ? [["*", options.quotas] as const] : Object.entries(options.quotas ?? {});
  for (const [rep, quota] of quotaEntries) {
    if (!(Number.isFinite(quota) && quota > 0)) {
      errors.push({ field: `quotas.${rep}`, message: sheetText(options.locale, "error.quotaZero", { name: rep }) });
    }
  }
  for (const [rep, score] of Object.entries(options.satisfaction ?? {})) {
    if (!(Number.isFinite(score) && score >= 0 && score <= 5)) {
      errors.push({ field: `satisfaction.${rep}`, message: sheetText(options.locale, "error.scoreRange", { min: 0, max: 5 }) });
    }
  }
  const weights: RepWeights = { attainment: 0.5, winRate: 0.2, won: 0.15, satisfaction: 0.15, ...options.weights };
  for (const [key, w] of Object.entries(weights)) {
    if (!(Number.isFinite(w) && w >= 0)) errors.push({ field: `weights.${key}`, message: sheetText(options.locale, "error.weightNegative", { name: key }) });
  }
  if (errors.length > 0) return invalid(errors);

  const t = textFor(options.locale);
  const formats = sheetFormats(options);
  const layout = dealsRefFor(deals, pipeline, options);
  const owner = dealsRange(layout, "owner");
  const amount = dealsRange(layout, "amount");
  const status = dealsRange(layout, "status");
  const created = dealsRange(layout, "created");
  const close = dealsRange(layout, "close");
  const won = statusLiteral(layout, "won");
  const lost = statusLiteral(layout, "lost");
  const first = REPS_FIRST_ROW;
  const last = first + Math.max(reps.length, 1) - 1;
  const cap = "$O$9";

  const cells: PlanCell[][] = reps.map((rep, i) => {
    const r = first + i;
    const wonWithDates = `(${owner}=$A${r})*(${status}=${won})*ISNUMBER(${created})*ISNUMBER(${close})`;
    const numerator = [
      `IF(D${r}="",0,$O$5*MIN(D${r}/$P$5,${cap}))`,
      `IF(G${r}="",0,$O$6*MIN(G${r}/$P$6,${cap}))`,
      `$O$7*MIN(E${r}/$P$7,${cap})`,
      `IF(J${r}="",0,$O$8*MIN(J${r}/$P$8,${cap}))`,
    ].join("+");
    const denominator = `IF(D${r}="",0,$O$5)+IF(G${r}="",0,$O$6)+$O$7+IF(J${r}="",0,$O$8)`;
    return [
      rep,
      // Text keys are compared with "=" inside SUMPRODUCT, never as SUMIFS criteria: a rep
      // named "=x", ">5" or "A*" would be read as an operator or a wildcard there.
      { f: `=SUMPRODUCT((${owner}=$A${r})*(${status}=${won})*${amount})` },
      quotaOf(rep),
      { f: `=IF(OR(C${r}="",C${r}=0),"",B${r}/C${r})` },
      { f: `=SUMPRODUCT((${owner}=$A${r})*(${status}=${won}))` },
      { f: `=SUMPRODUCT((${owner}=$A${r})*(${status}=${lost}))` },
      { f: `=IF(E${r}+F${r}=0,"",E${r}/(E${r}+F${r}))` },
      { f: `=IF(E${r}=0,"",B${r}/E${r})` },
      { f: `=IFERROR(SUMPRODUCT(${wonWithDates}*(${close}-${created}))/SUMPRODUCT(${wonWithDates}),"")` },
      options.satisfaction?.[rep] ?? null,
      { f: `=IFERROR(IF((${denominator})=0,"",(${numerator})/(${denominator})),"")` },
      { f: `=IF(K${r}="","",COUNTIF($K$${first}:$K$${last},">"&K${r})+1)` },
    ];
  });
  if (cells.length === 0) cells.push(new Array(12).fill(null));

  const weightHeaders = [t("reps.weights.criterion"), t("reps.weights.weight"), t("reps.weights.benchmark")];
  const headers = [
    t("reps.header.rep"),
    t("reps.header.revenue"),
    t("reps.header.quota"),
    t("reps.header.attainment"),
    t("reps.header.won"),
    t("reps.header.lost"),
    t("reps.header.winRate"),
    t("reps.header.averageDeal"),
    t("reps.header.cycle"),
    t("reps.header.satisfaction"),
    t("reps.header.score"),
    t("reps.header.rank"),
  ];
  const bench = options.benchmarks ?? {};
  const weightRows: PlanCell[][] = [
    [t("reps.criterion.attainment"), weights.attainment, bench.attainment ?? 1],
    [t("reps.criterion.winRate"), weights.winRate, bench.winRate ?? 0.3],
    [t("reps.criterion.won"), weights.won, bench.won ?? { f: `=IF(AVERAGE(E${first}:E${last})=0,1,AVERAGE(E${first}:E${last}))` }],
    [t("reps.criterion.satisfaction"), weights.satisfaction, bench.satisfaction ?? 5],
  ];

  const sheetName = options.sheetName ?? t("sheet.reps");
  const plan: WorkbookPlan = {
    sheets: [
      {
        name: sheetName,
        tabColor: "#ED7D31",
        blocks: [
          titleBlock("A1", t("reps.title")),
          headerRow(`A${REPS_HEADER_ROW}`, headers),
          ...bodyBlocks(
            `A${first}`,
            cells,
            [null, formats.money, formats.money, formats.percent, formats.count, formats.count, formats.percent, formats.money, formats.decimal, formats.decimal, formats.percent, "0"],
            [2, 9],
          ),
          headerRow("N4", weightHeaders),
          { at: "N5", cells: weightRows.map((row) => [row[0]]) },
          { at: "O5", cells: weightRows.map((row) => [row[1]]), numberFormat: formats.percent, style: INPUT_STYLE },
          { at: "P5", cells: [[weightRows[0][2]], [weightRows[1][2]]], numberFormat: formats.percent, style: INPUT_STYLE },
          { at: "P7", cells: [[weightRows[2][2]], [weightRows[3][2]]], numberFormat: "0.00", style: INPUT_STYLE },
          { at: "N9", cells: [[t("reps.weights.cap")]], style: LABEL_STYLE },
          { at: "O9", cells: [[options.cap ?? 1.5]], numberFormat: formats.percent, style: INPUT_STYLE },
        ],
        tables: [
          tableOver(REPS_TABLE_NAME, `A${REPS_HEADER_ROW}`, headers.length, cells.length),
          tableOver(SCORECARD_TABLE_NAME, "N4", 3, 4, "TableStyleLight9"),
        ],
        conditionalFormats: [
          { type: "dataBar", range: `K${first}:K${last}`, color: "#ED7D31" },
          { type: "iconSet", range: `D${first}:D${last}`, icons: "3TrafficLights", thresholds: [0.8, 1] },
        ],
        validations: [
          { type: "decimal", range: `C${first}:C${last}`, min: 0, allowBlank: true },
          { type: "decimal", range: `J${first}:J${last}`, min: 0, max: 5, allowBlank: true },
          { type: "decimal", range: "O5:O8", min: 0, allowBlank: false },
        ],
        charts: [
          {
            type: "bar",
            title: t("reps.chart"),
            categories: `A${first}:A${last}`,
            series: [
              { name: t("reps.header.revenue"), values: `B${first}:B${last}` },
              { name: t("reps.header.quota"), values: `C${first}:C${last}` },
            ],
            anchor: `A${last + 3}`,
            width: 560,
            height: 300,
            showLegend: true,
            numberFormat: formats.moneyWhole,
          },
        ],
        // Every header on one line; N holds the criteria and, bold, the cap's label in N9.
        columnWidths: fitHeaderWidths(
          fitHeaderWidths(
            { A: 18, B: 15, C: 15, D: 11, E: 10, F: 10, G: 10, H: 14, I: 10, J: 12, K: 12, L: 7, N: fitWidth([t("reps.weights.cap")], { min: 22, bold: true }), O: 10, P: 11 },
            `A${REPS_HEADER_ROW}`,
            headers,
          ),
          "N4",
          weightHeaders,
        ),
        freeze: { rows: REPS_HEADER_ROW, columns: 1 },
        inputs: [
          { id: "quota", range: `C${first}:C${last}`, keys: `A${first}:A${last}` },
          { id: "satisfaction", range: `J${first}:J${last}`, keys: `A${first}:A${last}` },
          { id: "weights", range: "O5:P8", keys: ["attainment", "winRate", "won", "satisfaction"] },
          { id: "cap", range: "O9", keys: ["cap"] },
        ],
      },
    ],
  };
  plan.activeSheet = sheetName;
  return plan;
}
