/**
 * The Dashboard sheet: a row of KPI tiles (headline numbers, each against the previous
 * period) above charts of the other generated sheets, laid out in a chosen layout — a 2x2
 * grid, one large chart and three small ones, or a single column for narrow screens. The
 * tiles are formulas over the Deals sheet and the rep scorecard; the charts read the other
 * sheets' cells (`'Funnel'!C5:C9`). Both stay live.
 *
 * Layout: title A1; with deal tiles, the as-of date B2 (input, default the deals' last day,
 * {@link dataAsOfFormula}), the period up to it D2:E2 and the previous period up to the same
 * day D3:E3 (formulas), the revenue target B3 (input); tiles from row 5, each three columns
 * by five rows; then the charts. Every column and row the sheet uses has a planned width and height, and each chart
 * fills a box of whole cells, so the layout is the same in Excel, LibreOffice and the .xlsx
 * writer whatever the default font.
 *
 * Panels are usually taken from a plan with `dashboardPanelsFrom(plan)`, which picks, in
 * this order, the funnel, the revenue trend, actual vs target and the mix.
 */
import { cellAddress, columnLetter, splitSheetRef } from "../workbook/address";
import {
  Block,
  CellStyle,
  ChartPlan,
  ChartType,
  ConditionalFormatPlan,
  formula,
  PlanCell,
  SheetPlan,
  sheetRef,
  WorkbookPlan,
} from "../workbook/plan";
import type { SheetKey } from "../i18n/sheets.en-US";
import {
  GeneratorOptions,
  INPUT_STYLE,
  isoToSerial,
  LABEL_STYLE,
  noteBlock,
  PlanResult,
  sheetFormats,
  sheetText,
  textFor,
  titleBlock,
} from "./common";
import { dealsRange, DealsLayout, statusLiteral } from "./deals";

export type DashboardLayout = "grid" | "oneLargeThreeSmall" | "singleColumn";

export const DASHBOARD_LAYOUTS: DashboardLayout[] = ["grid", "oneLargeThreeSmall", "singleColumn"];

/** The period the deal tiles measure: the month or quarter of the as-of date. */
export type DashboardPeriod = "monthly" | "quarterly";

/** Months in a period. */
const PERIOD_MONTHS: Record<DashboardPeriod, number> = { monthly: 1, quarterly: 3 };

/** A chart of another sheet, to show on the dashboard. */
export interface DashboardPanel {
  /** The sheet the chart's ranges are on (as planned). */
  sheet: string;
  chart: ChartPlan;
}

/** The rep scorecard's rows: won revenue in column B, quota in column C (see reps.ts). */
export interface DashboardQuotas {
  sheet: string;
  firstRow: number;
  lastRow: number;
}

export interface DashboardOptions extends GeneratorOptions {
  /** Default "grid". */
  layout?: DashboardLayout;
  /** The Deals sheet; without it the deal tiles (revenue, win rate, pipeline, deal size, cycle) are left out. */
  dealsRef?: DealsLayout;
  /** The rep scorecard; without it the attainment tile is left out. */
  quotas?: DashboardQuotas;
  /** Default "monthly". */
  period?: DashboardPeriod;
  /**
   * As-of date (YYYY-MM-DD) whose period the tiles show; default the day the deals are as of,
   * a live formula over the Deals sheet ({@link dataAsOfFormula}).
   */
  asOf?: string;
  /** Won-revenue target for the period (an input cell; blank when not given). */
  target?: number;
}

/** Width of every dashboard column in characters (82 px) and height of its rows in points (20 px). */
export const DASHBOARD_COLUMN_CHARS = 11;
export const DASHBOARD_ROW_POINTS = 15;
/** Points of the title row and of a tile's headline number row. */
const TITLE_ROW_POINTS = 21;
const VALUE_ROW_POINTS = 27;
/** Pixels left free at the right and bottom of each chart's box. */
export const DASHBOARD_CHART_GAP = 10;

/** A chart's box in whole cells: offset from the charts' first column and row, and its span. */
export interface DashboardSlot {
  column: number;
  row: number;
  columns: number;
  rows: number;
}

/** Columns the charts of a layout span (the tiles wrap to the same width). */
export const DASHBOARD_COLUMNS: Record<DashboardLayout, number> = { grid: 12, oneLargeThreeSmall: 12, singleColumn: 6 };

/** Where each chart goes, by layout, in cells from the charts' top-left cell. */
export const DASHBOARD_SLOTS: Record<DashboardLayout, DashboardSlot[]> = {
  grid: [
    { column: 0, row: 0, columns: 6, rows: 15 },
    { column: 6, row: 0, columns: 6, rows: 15 },
    { column: 0, row: 15, columns: 6, rows: 15 },
    { column: 6, row: 15, columns: 6, rows: 15 },
  ],
  oneLargeThreeSmall: [
    { column: 0, row: 0, columns: 12, rows: 18 },
    { column: 0, row: 18, columns: 4, rows: 12 },
    { column: 4, row: 18, columns: 4, rows: 12 },
    { column: 8, row: 18, columns: 4, rows: 12 },
  ],
  singleColumn: [
    { column: 0, row: 0, columns: 6, rows: 14 },
    { column: 0, row: 14, columns: 6, rows: 14 },
    { column: 0, row: 28, columns: 6, rows: 14 },
    { column: 0, row: 42, columns: 6, rows: 14 },
  ],
};

function qualify(sheet: string, range: string): string {
  return splitSheetRef(range).sheet !== undefined ? range : sheetRef(sheet, range);
}

const ROLE_ORDER: ChartType[][] = [["funnel"], ["line"], ["bar", "column"], ["pie", "doughnut"]];

/**
 * Picks up to four charts from a plan: the first funnel chart, the first line chart (revenue
 * trend), the first bar/column chart (actual vs target) and the first pie (mix); charts of
 * the dashboard itself are skipped. A missing role is left out.
 *
 * @example
 * dashboardPanelsFrom(planWorkbookWithoutDashboard).map(p => p.sheet) // ["Funnel", "Review", "Reps", "Review"]
 */
export function dashboardPanelsFrom(plan: WorkbookPlan, skipSheet?: string): DashboardPanel[] {
  const all: DashboardPanel[] = [];
  for (const sheet of plan.sheets) {
    if (sheet.name === skipSheet) continue;
    for (const chart of sheet.charts ?? []) all.push({ sheet: sheet.name, chart });
  }
  const panels: DashboardPanel[] = [];
  for (const types of ROLE_ORDER) {
    const found = all.find((p) => types.includes(p.chart.type) && !panels.includes(p));
    if (found) panels.push(found);
  }
  return panels;
}

/**
 * The rep scorecard among charted sheets, found by its chart (revenue and quota by rep, in
 * either language, over columns B and C of its own sheet), or undefined when there is none.
 */
export function dashboardQuotasFrom(panels: readonly DashboardPanel[]): DashboardQuotas | undefined {
  const titles = new Set([sheetText("en-US", "reps.chart"), sheetText("zh-CN", "reps.chart")]);
  for (const { sheet, chart } of panels) {
    if (!titles.has(chart.title) || chart.series.length !== 2) continue;
    const [revenue, quota] = chart.series.map((s) => s.values);
    if (splitSheetRef(revenue).sheet !== undefined || splitSheetRef(quota).sheet !== undefined) continue;
    const r = /^B(\d+):B(\d+)$/.exec(revenue);
    const q = /^C(\d+):C(\d+)$/.exec(quota);
    if (!r || !q || r[1] !== q[1] || r[2] !== q[2]) continue;
    return { sheet, firstRow: Number(r[1]), lastRow: Number(r[2]) };
  }
  return undefined;
}

/** A formula of a tile's value cell and base cell. */
type Compare = (value: string, base: string) => string;

/** One KPI tile: its headline number and the line comparing it. */
interface Tile {
  label: SheetKey;
  value: string;
  format: string;
  /** Caption and formula of the comparison base (previous period, or the quota). */
  base: { caption: SheetKey; formula: string; format: string };
  /**
   * Caption and formula (of the value and base cells) of the change; higher is better unless
   * `lower`. A change within `level` of 0 (half the shown precision) counts as level.
   */
  change: { caption: SheetKey; formula: Compare; format: string; level: number; lower?: boolean };
  /**
   * An optional fifth line (the revenue tile's share of target), a formula of the value cell;
   * with `pace` (a formula of the share of the period gone by), green when at or above it and
   * red when below.
   */
  extra?: { caption: SheetKey; formula: Compare; format: string; pace?: string };
}

/** Cells of the period and inputs block (rows 2 and 3). */
const AS_OF = "$B$2";
const TARGET = "$B$3";
const START = "$D$2";
const END = "$E$2";
const PREVIOUS_START = "$D$3";
const PREVIOUS_END = "$E$3";

const CHANGE_FORMAT = "+0.0%;-0.0%;0.0%";
/** A change in days or in percentage points, its unit in the caption ("Change (points)"). */
const TENTHS_CHANGE_FORMAT = "+0.0;-0.0;0.0";
/** Half the shown precision: 0.0% of a ratio, 0.0 of days or points. */
const PERCENT_LEVEL = 0.0005;
const TENTHS_LEVEL = 0.05;

/**
 * The day the deals are as of, as a live formula over the Deals sheet: the latest created date
 * or won/lost close date (an open deal's close date is only expected), else the latest close
 * date of any deal, else today. The rule of `dataAsOf`, which the Review, Monthly and Forecast
 * sheets use, kept live: a refreshed or edited Deals sheet moves it, and an export of last year
 * shows its own last month rather than an empty current one. Whole days (a created date may
 * carry a time). Classic functions only (no MAXIFS).
 *
 * @example
 * formula(dataAsOfFormula(dealsRef)) // in B2: 2025-04-25 when the last won deal closed that day
 */
export function dataAsOfFormula(ref: DealsLayout): string {
  const close = dealsRange(ref, "close");
  const happened = `MAX(MAX(${dealsRange(ref, "created")}),SUMPRODUCT(MAX((${dealsRange(ref, "status")}<>${statusLiteral(ref, "open")})*${close})))`;
  return `IF(${happened}>0,INT(${happened}),IF(MAX(${close})>0,INT(MAX(${close})),TODAY()))`;
}

/**
 * The share of the period gone by on the as-of day, whole days: (E2 - D2 + 1) / the period's
 * days. As of 27 May, 27/31; quarterly as of 30 May, 60/91.
 */
function elapsedShare(period: DashboardPeriod): string {
  const months = PERIOD_MONTHS[period];
  return `(${END}-${START}+1)/(EOMONTH(${START},${months - 1})-${START}+1)`;
}

/** The tiles over the Deals sheet, over `period`. */
function dealTiles(ref: DealsLayout, money: string, period: DashboardPeriod): Tile[] {
  const amount = dealsRange(ref, "amount");
  const status = dealsRange(ref, "status");
  const close = dealsRange(ref, "close");
  const created = dealsRange(ref, "created");
  const probability = dealsRange(ref, "probability");
  const won = statusLiteral(ref, "won");
  const lost = statusLiteral(ref, "lost");
  const open = statusLiteral(ref, "open");
  const closedIn = (from: string, to: string) => `${close},">="&${from},${close},"<="&${to}`;
  const wonRevenue = (from: string, to: string) => `SUMIFS(${amount},${status},${won},${closedIn(from, to)})`;
  const count = (word: string, from: string, to: string) => `COUNTIFS(${status},${word},${closedIn(from, to)})`;
  const winRate = (from: string, to: string) => {
    const w = count(won, from, to);
    return `IF(${w}+${count(lost, from, to)}=0,"",${w}/(${w}+${count(lost, from, to)}))`;
  };
  const averageDeal = (from: string, to: string) => `IF(${count(won, from, to)}=0,"",${wonRevenue(from, to)}/${count(won, from, to)})`;
  // Won deals closed in the period with both dates: mean of close - created.
  const cycle = (from: string, to: string) => {
    const mask = `(${status}=${won})*(${close}>=${from})*(${close}<=${to})*ISNUMBER(${created})*ISNUMBER(${close})`;
    return `IFERROR(SUMPRODUCT(${mask}*(${close}-${created}))/SUMPRODUCT(${mask}),"")`;
  };
  // Open at the end of a day: created by then (or undated) and still open, or closed after it.
  const openAt = (day: string, weight = "") =>
    `SUMPRODUCT(${amount}${weight}*(${created}<=${day})*((${status}=${open})+(${status}<>${open})*(${close}>${day})))`;
  const relative: Compare = (value, base) => `IF(OR(${value}="",${base}="",${base}=0),"",(${value}-${base})/ABS(${base}))`;
  const difference: Compare = (value, base) => `IF(OR(${value}="",${base}=""),"",${value}-${base})`;
  // Two percentages apart by percentage points: 50% -> 100% is +50.0 points.
  const pointsApart: Compare = (value, base) => `IF(OR(${value}="",${base}=""),"",(${value}-${base})*100)`;
  return [
    {
      label: "dashboard.tile.wonRevenue",
      value: wonRevenue(START, END),
      format: money,
      base: { caption: "dashboard.previous", formula: wonRevenue(PREVIOUS_START, PREVIOUS_END), format: money },
      change: { caption: "dashboard.change", formula: relative, format: CHANGE_FORMAT, level: PERCENT_LEVEL },
      // Against a straight line through the period: on the 27th of a 31-day month, 87.1%.
      extra: { caption: "dashboard.vsTarget", formula: (value) => `IF(OR(${TARGET}="",${TARGET}=0),"",${value}/${TARGET})`, format: "0.0%", pace: elapsedShare(period) },
    },
    {
      label: "dashboard.tile.winRate",
      value: winRate(START, END),
      format: "0.0%",
      base: { caption: "dashboard.previous", formula: winRate(PREVIOUS_START, PREVIOUS_END), format: "0.0%" },
      change: { caption: "dashboard.changePoints", formula: pointsApart, format: TENTHS_CHANGE_FORMAT, level: TENTHS_LEVEL },
    },
    {
      label: "dashboard.tile.openPipeline",
      value: openAt(END),
      format: money,
      base: { caption: "dashboard.atPreviousDay", formula: openAt(PREVIOUS_END), format: money },
      change: { caption: "dashboard.change", formula: relative, format: CHANGE_FORMAT, level: PERCENT_LEVEL },
    },
    {
      label: "dashboard.tile.weightedPipeline",
      value: openAt(END, `*${probability}`),
      format: money,
      base: { caption: "dashboard.atPreviousDay", formula: openAt(PREVIOUS_END, `*${probability}`), format: money },
      change: { caption: "dashboard.change", formula: relative, format: CHANGE_FORMAT, level: PERCENT_LEVEL },
    },
    {
      label: "dashboard.tile.averageDeal",
      value: averageDeal(START, END),
      format: money,
      base: { caption: "dashboard.previous", formula: averageDeal(PREVIOUS_START, PREVIOUS_END), format: money },
      change: { caption: "dashboard.change", formula: relative, format: CHANGE_FORMAT, level: PERCENT_LEVEL },
    },
    {
      label: "dashboard.tile.cycle",
      value: cycle(START, END),
      format: "0.0",
      base: { caption: "dashboard.previous", formula: cycle(PREVIOUS_START, PREVIOUS_END), format: "0.0" },
      change: { caption: "dashboard.changeDays", formula: difference, format: TENTHS_CHANGE_FORMAT, level: TENTHS_LEVEL, lower: true },
    },
  ];
}

/** The attainment tile over the rep scorecard: won revenue of reps with a quota / their quotas. */
function attainmentTile(quotas: DashboardQuotas, money: string): Tile {
  const revenue = sheetRef(quotas.sheet, `$B$${quotas.firstRow}:$B$${quotas.lastRow}`);
  const quota = sheetRef(quotas.sheet, `$C$${quotas.firstRow}:$C$${quotas.lastRow}`);
  return {
    label: "dashboard.tile.attainment",
    value: `IF(SUM(${quota})=0,"",SUMPRODUCT(ISNUMBER(${quota})*${revenue})/SUM(${quota}))`,
    format: "0.0%",
    base: { caption: "dashboard.quota", formula: `SUM(${quota})`, format: money },
    change: { caption: "dashboard.vsQuota", formula: (value) => `IF(${value}="","",${value}-1)`, format: CHANGE_FORMAT, level: PERCENT_LEVEL },
  };
}

/** Bold green where `cell` (a number) meets `better`, bold red where it meets `worse` (">=0.0005"). */
function greenOrRed(cell: string, better: string, worse: string): ConditionalFormatPlan[] {
  return [
    { type: "formula", range: cell, formula: `=AND(ISNUMBER(${cell}),${cell}${better})`, style: { fontColor: "#107C41", bold: true } },
    { type: "formula", range: cell, formula: `=AND(ISNUMBER(${cell}),${cell}${worse})`, style: { fontColor: "#C00000", bold: true } },
  ];
}

const TILE_COLUMNS = 3;
const TILE_ROWS = 5;
const TILE_FILL = "#F3F6FA";
const TILE_LABEL_STYLE: CellStyle = { bold: true, fontColor: "#595959", fill: TILE_FILL };
const TILE_VALUE_STYLE: CellStyle = { bold: true, fontSize: 16, fontColor: "#1F3864", fill: TILE_FILL, horizontalAlignment: "left" };
const TILE_CAPTION_STYLE: CellStyle = { fontColor: "#595959", fill: TILE_FILL };
const TILE_NUMBER_STYLE: CellStyle = { fill: TILE_FILL, horizontalAlignment: "right" };

interface PlacedTiles {
  blocks: Block[];
  merges: string[];
  formats: ConditionalFormatPlan[];
  /** Rows holding a headline number (taller). */
  valueRows: number[];
  /** First row after the tiles. */
  nextRow: number;
}

/**
 * Places the tiles from `firstRow`, `perRow` to a row: label (merged), headline number
 * (merged), base and change (caption merged over two columns, number in the third), and
 * the optional fifth line. The change gets arrows (up, level, down) when higher is better,
 * and green/red by whether it is better or worse.
 */
function placeTiles(tiles: readonly Tile[], firstRow: number, perRow: number, t: (key: SheetKey) => string): PlacedTiles {
  const blocks: Block[] = [];
  const merges: string[] = [];
  const formats: ConditionalFormatPlan[] = [];
  const valueRows: number[] = [];
  tiles.forEach((tile, i) => {
    const top = firstRow + Math.floor(i / perRow) * (TILE_ROWS + 1);
    const left = 1 + (i % perRow) * TILE_COLUMNS;
    const right = left + TILE_COLUMNS - 1;
    const span = (row: number, from = left) => `${cellAddress(row, from)}:${cellAddress(row, right)}`;
    const at = (row: number, column: number) => cellAddress(row, column);
    const valueCell = at(top + 1, left);
    const baseCell = at(top + 2, right);
    const changeCell = at(top + 3, right);
    const blank = (row: number, from: number, to: number): Block => ({ at: at(row, from), cells: [new Array<PlanCell>(to - from + 1).fill(null)], style: TILE_CAPTION_STYLE });
    blocks.push({ at: at(top, left), cells: [[t(tile.label), null, null]], style: TILE_LABEL_STYLE });
    blocks.push({ at: valueCell, cells: [[formula(tile.value), null, null]], numberFormat: tile.format, style: TILE_VALUE_STYLE });
    merges.push(span(top), span(top + 1));
    valueRows.push(top + 1);
    const lines = [
      { ...tile.base, formula: tile.base.formula },
      { ...tile.change, formula: tile.change.formula(valueCell, baseCell) },
      ...(tile.extra ? [{ ...tile.extra, formula: tile.extra.formula(valueCell, baseCell) }] : []),
    ];
    lines.forEach((line, k) => {
      const row = top + 2 + k;
      blocks.push({ at: at(row, left), cells: [[t(line.caption), null]], style: TILE_CAPTION_STYLE });
      blocks.push({ at: at(row, right), cells: [[formula(line.formula)]], numberFormat: line.format, style: TILE_NUMBER_STYLE });
      merges.push(`${at(row, left)}:${at(row, right - 1)}`);
    });
    for (let row = top + 2 + lines.length; row < top + TILE_ROWS; row++) blocks.push(blank(row, left, right));
    const pace = tile.extra?.pace;
    if (pace !== undefined) {
      const extraCell = at(top + 4, right);
      formats.push(...greenOrRed(extraCell, `>=${pace}`, `<${pace}`));
    }
    // A change smaller than half the shown precision shows as level (0.0%, 0.0 points or days).
    const change = tile.change;
    const level = change.level;
    if (!change.lower) formats.push({ type: "iconSet", range: changeCell, icons: "3Arrows", thresholds: [-level, level] });
    const up = `>=${level}`;
    const down = `<${-level}`;
    const better = change.lower ? down : up;
    const worse = change.lower ? up : down;
    formats.push(...greenOrRed(changeCell, better, worse));
  });
  const tileRows = Math.ceil(tiles.length / perRow);
  return { blocks, merges, formats, valueRows, nextRow: firstRow + tileRows * (TILE_ROWS + 1) };
}

/**
 * The period formulas: the month or quarter holding the as-of date, up to that date, and the
 * previous period up to the same day of it. As of 27 May: 1-27 May against 1-27 April; as of
 * 15 April, quarterly: 1-15 April against 1-15 January. The last day of a period is compared
 * with the whole previous period (as of 30 April: March to the 31st, not the 30th); a day the
 * previous period lacks is its month's last day (30 March against 1-28 February), as Excel's
 * EDATE has it. A part of a period against a whole one would read as a fall every day but
 * the last (the Review leaves a partial period's growth blank for the same reason).
 */
function periodCells(period: DashboardPeriod): { start: string; end: string; previousStart: string; previousEnd: string } {
  const months = PERIOD_MONTHS[period];
  // Quarter of the as-of month, 0..3, with comparisons only (TRUE counts 1).
  const quarter = `((MONTH(${AS_OF})>3)+(MONTH(${AS_OF})>6)+(MONTH(${AS_OF})>9))`;
  const start = period === "quarterly" ? `=EOMONTH(${AS_OF},3*${quarter}-MONTH(${AS_OF}))+1` : `=EOMONTH(${AS_OF},-1)+1`;
  return {
    start,
    // Whole days: a typed date may carry a time.
    end: `=INT(${AS_OF})`,
    previousStart: `=EOMONTH(${START},${-months - 1})+1`,
    // The same day `months` earlier, or that month's last day when it is shorter: what Excel's
    // EDATE gives, from EOMONTH alone (HyperFormula, which the preview runs, gives 28 February
    // for EDATE of 30 March 2024).
    previousEnd: `=IF(${END}=EOMONTH(${START},${months - 1}),${START}-1,EOMONTH(${END},${-months - 1})+MIN(DAY(${END}),DAY(EOMONTH(${END},${-months}))))`,
  };
}

/**
 * Plans the Dashboard sheet: KPI tiles (those whose source is given: `dealsRef` for the deal
 * tiles, `quotas` for attainment), then the panels' charts, ranges qualified with their
 * sheet, in the layout's slots (the first panel takes the large slot). More than four
 * panels: the rest are left out.
 *
 * Tiles, each against the previous period (the month or quarter before the as-of date's), both
 * up to the same day ({@link periodCells}):
 * won revenue (and its share of the target B3), win rate (won / (won + lost) by count, closed
 * in the period; change in percentage points, "+12.5" under "Change (points)"), open and
 * weighted pipeline at the as-of date (against the pipeline on the same day of the previous
 * period, rebuilt from created and close dates), average won deal, sales cycle (mean close -
 * created of won deals, days; lower is better) and quota attainment (won revenue of reps with
 * a quota / their quotas, against 100%).
 *
 * @example
 * planDashboardSheet(dashboardPanelsFrom(plan), { layout: "singleColumn", dealsRef, period: "quarterly" })
 */
export function planDashboardSheet(panels: readonly DashboardPanel[], options: DashboardOptions = {}): PlanResult {
  const t = textFor(options.locale);
  const formats = sheetFormats(options);
  const layout: DashboardLayout = DASHBOARD_SLOTS[options.layout ?? "grid"] ? (options.layout ?? "grid") : "grid";
  const width = DASHBOARD_COLUMNS[layout];
  const blocks: Block[] = [titleBlock("A1", t("dashboard.title"))];
  const merges: string[] = [];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const rowHeights: Record<number, number> = { 1: TITLE_ROW_POINTS };

  const tiles: Tile[] = [];
  if (options.dealsRef) tiles.push(...dealTiles(options.dealsRef, formats.moneyWhole, options.period ?? "monthly"));
  if (options.quotas) tiles.push(attainmentTile(options.quotas, formats.moneyWhole));
  let chartsRow = 3;
  if (tiles.length > 0) {
    let firstTileRow = 3;
    if (options.dealsRef) {
      const period = periodCells(options.period ?? "monthly");
      const asOf = options.asOf !== undefined ? isoToSerial(options.asOf) : null;
      blocks.push(
        { at: "A2", cells: [[t("dashboard.asOf")], [t("dashboard.target")]], style: LABEL_STYLE },
        { at: "B2", cells: [[asOf ?? formula(dataAsOfFormula(options.dealsRef))]], numberFormat: formats.date, style: INPUT_STYLE },
        { at: "B3", cells: [[options.target ?? null]], numberFormat: formats.moneyWhole, style: INPUT_STYLE },
        { at: "C2", cells: [[t("dashboard.period")], [t("dashboard.previousPeriod")]], style: LABEL_STYLE },
        {
          at: "D2",
          cells: [
            [formula(period.start), formula(period.end)],
            [formula(period.previousStart), formula(period.previousEnd)],
          ],
          numberFormat: formats.date,
        },
      );
      firstTileRow = 5;
    }
    const placed = placeTiles(tiles, firstTileRow, width / TILE_COLUMNS, t);
    blocks.push(...placed.blocks);
    merges.push(...placed.merges);
    conditionalFormats.push(...placed.formats);
    for (const row of placed.valueRows) rowHeights[row] = VALUE_ROW_POINTS;
    chartsRow = placed.nextRow;
  }

  const slots = DASHBOARD_SLOTS[layout];
  const columnPixels = Math.round(DASHBOARD_COLUMN_CHARS * 7 + 5);
  const rowPixels = Math.round((DASHBOARD_ROW_POINTS * 4) / 3);
  const charts: ChartPlan[] = panels.slice(0, slots.length).map((panel, i) => ({
    ...panel.chart,
    categories: qualify(panel.sheet, panel.chart.categories),
    series: panel.chart.series.map((s) => ({ ...s, values: qualify(panel.sheet, s.values) })),
    anchor: cellAddress(chartsRow + slots[i].row, 1 + slots[i].column),
    width: slots[i].columns * columnPixels - DASHBOARD_CHART_GAP,
    height: slots[i].rows * rowPixels - DASHBOARD_CHART_GAP,
  }));
  if (charts.length === 0 && tiles.length === 0) blocks.push(noteBlock("A3", t("dashboard.empty")));

  // Every row down to the last chart's has a planned height: the boxes above hold in any font.
  const lastRow = Math.max(chartsRow, ...slots.slice(0, charts.length).map((s) => chartsRow + s.row + s.rows));
  for (let row = 2; row <= lastRow; row++) rowHeights[row] ??= DASHBOARD_ROW_POINTS;
  const columnWidths: Record<string, number> = {};
  for (let c = 1; c <= width; c++) columnWidths[columnLetter(c)] = DASHBOARD_COLUMN_CHARS;

  const sheet: SheetPlan = {
    name: options.sheetName ?? t("sheet.dashboard"),
    tabColor: "#203864",
    blocks,
    charts,
    columnWidths,
    rowHeights,
  };
  // The revenue target and a date typed over the as-of formula are kept through a refresh (the
  // formula itself is the generator's: a refresh writes it anew over the new Deals rows).
  // Without deals there are no period inputs, and B3 is the first tile's.
  if (options.dealsRef) sheet.inputs = [{ id: "target", range: "B3", keys: ["target"] }, { id: "asOf", range: "B2", keys: ["asOf"] }];
  if (merges.length > 0) sheet.merges = merges;
  if (conditionalFormats.length > 0) sheet.conditionalFormats = conditionalFormats;
  return { sheets: [sheet], activeSheet: sheet.name };
}

