/**
 * The `Deals` sheet: one row per normalized deal, the single source every deal-based sheet
 * (funnel, reps, monthly, review, forecast, customers, commission) computes from with
 * COUNTIFS / SUMIFS / SUMPRODUCT, so editing a deal moves every number.
 *
 * Layout (exported as constants so formulas elsewhere can point at it):
 *
 * | col | A  | B    | C        | D     | E      | F        | G       | H          | I     | J      |
 * |-----|----|------|----------|-------|--------|----------|---------|------------|-------|--------|
 * |     | ID | Deal | Customer | Owner | Amount | Currency | Created | Close date | Stage | Status |
 *
 * | K           | L      | M               | N                 | O            | P               |
 * |-------------|--------|-----------------|-------------------|--------------|-----------------|
 * | Probability | Source | Lost at stage # | Stage reached #   | Close month  | Weighted amount |
 *
 * - Header in row 1, deals from row 2. Table name `Deals` in every language.
 * - Status holds the localized word (Open/Won/Lost, 进行中/赢单/输单): formulas compare with it.
 * - N "stage reached" (1-based) is a formula: won -> stages+1, lost -> M (or 1 when blank),
 *   open -> the position of the stage in the pipeline list (column R, compared exactly with
 *   SUMPRODUCT rather than MATCH, whose wildcards would misread "Proposal*"; 1 when the stage
 *   is not in the list). It is the funnel's
 *   counting rule (Deal.furthestStage + 1): a deal counts in every stage <= N.
 * - O "close month" is text "YYYY-MM" (formula over H); P is amount x probability for open
 *   deals, else 0.
 * - The pipeline (stage names and default probabilities) sits in R:S beside the table.
 */
import { Deal, Pipeline } from "../core/deal";
import { itemReader } from "../core/computedArray";
import { columnLetter } from "../workbook/address";
import { Block, computedRows, PlanCell, SheetPlan, sheetRef, WorkbookPlan } from "../workbook/plan";
import type { Locale } from "../core/locale";
import {
  fitHeaderWidths,
  formulaText,
  GeneratorOptions,
  headerRow,
  invalid,
  isoToSerial,
  noteBlock,
  PlanResult,
  sheetFormats,
  tableOver,
  textFor,
  validateStageNames,
} from "./common";

/** 1-based column numbers of the Deals table. */
export const DEALS_COLUMNS = {
  id: 1,
  name: 2,
  customer: 3,
  owner: 4,
  amount: 5,
  currency: 6,
  created: 7,
  close: 8,
  stage: 9,
  status: 10,
  probability: 11,
  source: 12,
  lostAt: 13,
  reached: 14,
  closeMonth: 15,
  weighted: 16,
} as const;

export type DealsColumn = keyof typeof DEALS_COLUMNS;

/** Column letters of the Deals table ("E" for amount). */
export const DEALS_COLUMN_LETTERS: Record<DealsColumn, string> = Object.fromEntries(
  Object.entries(DEALS_COLUMNS).map(([key, column]) => [key, columnLetter(column)]),
) as Record<DealsColumn, string>;

export const DEALS_TABLE_NAME = "Deals";
export const DEALS_FIRST_ROW = 2;
/** Column of the pipeline stage list beside the table (R), probabilities in the next (S). */
export const DEALS_PIPELINE_COLUMN = 18;

/** Where the Deals rows are and which words the Status column uses. */
export interface DealsLayout {
  sheetName: string;
  firstRow: number;
  /** Last data row (>= firstRow even with no deals: the table keeps one blank row). */
  lastRow: number;
  /** Number of open stages in the pipeline; "Won" is stage number stageCount + 1. */
  stageCount: number;
  words: { open: string; won: string; lost: string };
}

/** Options of deal-based generators. */
export interface DealsSourceOptions extends GeneratorOptions {
  /**
   * Where the Deals sheet is, computed once by whoever assembles the workbook (src/compose).
   * Without it the generator assumes the default Deals sheet of these deals in this language;
   * a generator never adds the Deals sheet itself.
   */
  dealsRef?: DealsLayout;
}

/**
 * Where `dealsSheetPlan(deals, pipeline, { locale })` puts the deals: the sheet (its default
 * localized name, or `sheetName` when the sheet already exists under another), the data rows
 * and the status words.
 */
export function dealsLayout(deals: readonly Deal[], pipeline: Pipeline, locale?: Locale, sheetName?: string): DealsLayout {
  const t = textFor(locale);
  return {
    sheetName: sheetName ?? t("sheet.deals"),
    firstRow: DEALS_FIRST_ROW,
    lastRow: DEALS_FIRST_ROW + Math.max(deals.length, 1) - 1,
    stageCount: pipeline.stages.length,
    words: { open: t("status.open"), won: t("status.won"), lost: t("status.lost") },
  };
}

/** The deals reference a deal-based generator reads: the one it was given, else the default. */
export function dealsRefFor(deals: readonly Deal[], pipeline: Pipeline, options: DealsSourceOptions): DealsLayout {
  return options.dealsRef ?? dealsLayout(deals, pipeline, options.locale);
}

/**
 * Absolute cross-sheet range of one Deals column, e.g. `'Deals'!$E$2:$E$41`.
 *
 * @example
 * dealsRange(layout, "amount") // "'Deals'!$E$2:$E$41"
 */
export function dealsRange(layout: DealsLayout, column: DealsColumn): string {
  const letter = DEALS_COLUMN_LETTERS[column];
  return sheetRef(layout.sheetName, `$${letter}$${layout.firstRow}:$${letter}$${layout.lastRow}`);
}

/** The formula-quoted status word: `"Won"`. */
export function statusLiteral(layout: DealsLayout, status: "open" | "won" | "lost"): string {
  return formulaText(layout.words[status]);
}

/** Stands for the row number in a `perRow` formula text (a character no formula holds). */
const ROW_MARK = "\u0000";

/**
 * The formula of each data row from one text with the row number left open: the text is
 * split once and joined per row, so every cell's formula is one flat string. (A template
 * literal per row keeps its pieces as a chain of string parts: on a 100,000-row export the
 * Deals sheet's three helper formulas took about three times the memory.)
 *
 * @example
 * perRow((r) => `=E${r}*K${r}`)(7) // "=E7*K7"
 */
function perRow(formula: (row: string) => string): (row: number) => string {
  const parts = formula(ROW_MARK).split(ROW_MARK);
  return (row) => parts.join(String(row));
}

function statusWord(deal: Deal, layout: DealsLayout): string {
  return layout.words[deal.status];
}

/**
 * The Deals sheet plan alone (no validation): used by `planDealsSheet` and by every
 * deal-based generator that bundles it.
 */
export function dealsSheetPlan(deals: readonly Deal[], pipeline: Pipeline, options: GeneratorOptions = {}): SheetPlan {
  const t = textFor(options.locale);
  const formats = sheetFormats(options);
  const layout = dealsLayout(deals, pipeline, options.locale, options.sheetName);
  const c = DEALS_COLUMN_LETTERS;
  const k = pipeline.stages.length;
  const stageList = `$${columnLetter(DEALS_PIPELINE_COLUMN)}$2:$${columnLetter(DEALS_PIPELINE_COLUMN)}$${Math.max(k, 1) + 1}`;
  const won = statusLiteral(layout, "won");
  const lost = statusLiteral(layout, "lost");
  const open = statusLiteral(layout, "open");
  // {1;2;3;4}: the position of each pipeline stage, as an array constant (classic Excel).
  const stageNumbers = `{${Array.from({ length: Math.max(k, 1) }, (_, i) => i + 1).join(";")}}`;

  const headers = [
    t("deals.header.id"),
    t("deals.header.name"),
    t("deals.header.customer"),
    t("deals.header.owner"),
    t("deals.header.amount"),
    t("deals.header.currency"),
    t("deals.header.created"),
    t("deals.header.close"),
    t("deals.header.stage"),
    t("deals.header.status"),
    t("deals.header.probability"),
    t("deals.header.source"),
    t("deals.header.lostAt"),
    t("deals.header.reached"),
    t("deals.header.closeMonth"),
    t("deals.header.weighted"),
  ];

  const reached = perRow(
    (r) =>
      `=IF(${c.status}${r}=${won},${k + 1},IF(${c.status}${r}=${lost},IF(${c.lostAt}${r}="",1,${c.lostAt}${r}),MAX(1,SUMPRODUCT((${stageList}=${c.stage}${r})*${stageNumbers}))))`,
  );
  const closeMonth = perRow(
    (r) => `=IF(ISNUMBER(${c.close}${r}),YEAR(${c.close}${r})&"-"&IF(MONTH(${c.close}${r})<10,"0","")&MONTH(${c.close}${r}),"")`,
  );
  const weighted = perRow((r) => `=IF(${c.status}${r}=${open},${c.amount}${r}*${c.probability}${r},0)`);

  // The serial of each distinct date, worked out once: rows are made each time they are read,
  // and a large export repeats a few thousand dates over its deals.
  const serials = new Map<string, number | null>();
  const serial = (iso: string | null): number | null => {
    if (iso === null) return null;
    let known = serials.get(iso);
    if (known === undefined) serials.set(iso, (known = isoToSerial(iso)));
    return known;
  };
  // One row per deal, made when it is read (computedRows): a large export's Deals sheet is
  // planned without holding its cells, and the .xlsx writer makes each row as it writes it.
  const dealAt = itemReader(deals);
  const dealRow = (i: number): PlanCell[] => {
    const deal = dealAt(i);
    const r = DEALS_FIRST_ROW + i;
    return [
      deal.id,
      deal.name,
      deal.customer,
      deal.owner,
      deal.amount,
      deal.currency,
      serial(deal.createdDate),
      serial(deal.closeDate),
      deal.stage,
      statusWord(deal, layout),
      deal.probability,
      deal.source,
      deal.status === "lost" && deal.lostAtStage !== null ? deal.lostAtStage + 1 : null,
      { f: reached(r) },
      { f: closeMonth(r) },
      { f: weighted(r) },
    ];
  };
  const rows: PlanCell[][] = deals.length > 0 ? computedRows(deals.length, dealRow) : [headers.map(() => null)];

  const blocks: Block[] = [
    headerRow("A1", headers),
    {
      at: `A${DEALS_FIRST_ROW}`,
      cells: rows,
      numberFormat: [
        null,
        null,
        null,
        null,
        formats.money,
        null,
        formats.date,
        formats.date,
        null,
        null,
        formats.percent,
        null,
        "0",
        "0",
        null,
        formats.money,
      ],
    },
  ];

  const pipelineColumn = columnLetter(DEALS_PIPELINE_COLUMN);
  blocks.push(headerRow(`${pipelineColumn}1`, [t("deals.pipeline.stage"), t("deals.pipeline.probability")]));
  if (k > 0) {
    blocks.push({
      at: `${pipelineColumn}2`,
      cells: pipeline.stages.map((s) => [s.name, s.probability]),
      numberFormat: [null, formats.percent],
    });
  }
  blocks.push(noteBlock(`${pipelineColumn}${k + 3}`, t("deals.pipeline.note", { won: k + 1 })));

  return {
    name: layout.sheetName,
    tabColor: "#4472C4",
    blocks,
    tables: [tableOver(DEALS_TABLE_NAME, "A1", headers.length, rows.length)],
    freeze: { rows: 1, columns: 2 },
    // Every header on one line, the pipeline's beside the table too.
    columnWidths: fitHeaderWidths(
      fitHeaderWidths(
        { A: 12, B: 28, C: 22, D: 16, E: 14, F: 9, G: 12, H: 12, I: 20, J: 10, K: 11, L: 14, M: 10, N: 10, O: 11, P: 14, [pipelineColumn]: 24, [columnLetter(DEALS_PIPELINE_COLUMN + 1)]: 12 },
        "A1",
        headers,
      ),
      `${pipelineColumn}1`,
      [t("deals.pipeline.stage"), t("deals.pipeline.probability")],
    ),
  };
}

/**
 * Plans the `Deals` sheet: the normalized deals as a table with live helper columns.
 *
 * Rules: the pipeline must have at least one stage and unique stage names (else nothing is
 * planned and the errors name the field). Strings from the CRM stay text.
 *
 * @example
 * const plan = planDealsSheet(deals, pipeline, { locale: "en-US" });
 * // plan.sheets[0].tables[0] -> { name: "Deals", range: "A1:P41" } for 40 deals
 */
export function planDealsSheet(deals: readonly Deal[], pipeline: Pipeline, options: GeneratorOptions = {}): PlanResult {
  const errors = validateStageNames(
    pipeline.stages.map((s) => s.name),
    options.locale,
    "pipeline.stages",
  );
  if (errors.length > 0) return invalid(errors);
  const plan: WorkbookPlan = { sheets: [dealsSheetPlan(deals, pipeline, options)] };
  return plan;
}
