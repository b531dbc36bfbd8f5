/**
 * The sheet blueprint ("plan"): a typed, serializable description of what to add to a
 * workbook. Generators return plans; writers (office, xlsx, preview) apply them.
 *
 * Conventions every plan follows:
 * - Addresses are A1 strings on the block's own sheet ("B4", "A3:H8").
 * - A formula is `{ f: "=SUM(B4:B8)" }` in en-US invariant syntax with classic Excel
 *   functions only (no SALES.*, no dynamic-array-only functions).
 * - A plain string is always text, never a formula, even when it starts with "=", "+",
 *   "-", "@", a tab or CR: writers keep it text (CRM data is data).
 * - A formula refers to another sheet by its planned name through `sheetRef(name, "A1")`,
 *   which gives a symbolic token (`SHEET_REF_OPEN + name + SHEET_REF_CLOSE + "!A1"`, two
 *   private-use characters no sheet name or formula text may otherwise hold). The same goes
 *   for cell formulas, conditional-format formulas, list sources, chart ranges and defined
 *   names. `preparePlan` (prepare.ts), which every writer calls, replaces each token with the
 *   sheet's final name, quoted (`'Funnel (2)'!A1`); a token naming a sheet that is not in the
 *   plan (one already in the workbook) becomes that name, quoted. Plain `'Sheet'!A1` text is
 *   kept as written and means whatever sheet has that name in the end.
 * - A formula refers to a table of the plan by its planned name through `tableRef(name)`
 *   (`TABLE_REF_OPEN + name + TABLE_REF_CLOSE`, followed by `[Column]`); preparation puts in
 *   the table's final name ("Funnel2").
 * - Dates are Excel serial numbers with a date number format (see `excelSerial`).
 * - Colours are "#RRGGBB".
 */

import { computedArray, itemMaker } from "../core/computedArray";

/** A formula cell, en-US syntax, starting with "=". */
export interface FormulaCell {
  f: string;
}

export type PlanCell = string | number | boolean | null | FormulaCell;

export type HorizontalAlignment = "left" | "center" | "right";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  horizontalAlignment?: HorizontalAlignment;
  verticalAlignment?: "top" | "center" | "bottom";
  wrap?: boolean;
  /** Thin border around every cell of the block. */
  border?: "thin" | "medium";
  indent?: number;
}

/** A rectangle of cells written at once (values and formulas together). */
export interface Block {
  /** Top-left cell, e.g. "A4". */
  at: string;
  /**
   * Rectangular: every row has the same length. May be {@link computedRows} (rows made when
   * they are read, for the Deals sheet of a large export): read it, never change it in place.
   */
  cells: PlanCell[][];
  /** Number format of the whole block, or one per column (null keeps "General"). */
  numberFormat?: string | (string | null)[];
  style?: CellStyle;
}

export interface TablePlan {
  /** Stable Excel table name, the same in every language ("Funnel", "Deals"...). */
  name: string;
  /** Whole table including the header row (and the totals row when `totalsRow`). */
  range: string;
  style?: string;
  /** The last row of `range` is a totals row (its formulas are written by blocks). */
  totalsRow?: boolean;
  showBandedRows?: boolean;
}

export interface FormatStyle {
  fontColor?: string;
  fill?: string;
  bold?: boolean;
}

export type ComparisonOperator =
  | "between"
  | "notBetween"
  | "equal"
  | "notEqual"
  | "greaterThan"
  | "lessThan"
  | "greaterThanOrEqual"
  | "lessThanOrEqual";

export type ConditionalFormatPlan =
  | {
      type: "cellValue";
      range: string;
      operator: ComparisonOperator;
      /** Formula text without "=" or a number, e.g. "0.95" or "$C$2". */
      formula1: string;
      formula2?: string;
      style: FormatStyle;
    }
  | {
      type: "formula";
      range: string;
      /** Written relative to the top-left cell of `range`, starting with "=". */
      formula: string;
      style: FormatStyle;
    }
  | { type: "dataBar"; range: string; color: string }
  | {
      type: "colorScale";
      range: string;
      /** Lowest, (middle,) highest. */
      colors: [string, string] | [string, string, string];
    }
  | {
      type: "iconSet";
      range: string;
      icons: "3TrafficLights" | "3Arrows" | "3Symbols" | "3Flags";
      /** Numbers at which the middle and the top icon start (type number, inclusive). */
      thresholds: [number, number];
      reverse?: boolean;
    };

export type ChartType = "column" | "bar" | "line" | "pie" | "doughnut" | "funnel";

export interface ChartSeriesPlan {
  /** Series name as text. */
  name: string;
  /** Range of the values, on this sheet ("C4:C8") or another (`sheetRef("Funnel", "C4:C8")`). */
  values: string;
}

export interface ChartPlan {
  type: ChartType;
  title: string;
  /** Range of the category labels, same rules as series values. */
  categories: string;
  series: ChartSeriesPlan[];
  /** Top-left cell the chart is anchored to. */
  anchor: string;
  /** Size in pixels. */
  width: number;
  height: number;
  showLegend?: boolean;
  dataLabels?: boolean;
  /** Number format of the value axis / labels, e.g. "0.0%". */
  numberFormat?: string;
}

export type ValidationPlan =
  | {
      type: "list";
      range: string;
      /** Literal choices, or a range formula such as "=$H$2:$H$5". */
      source: string[] | string;
      allowBlank?: boolean;
      prompt?: string;
    }
  | {
      type: "decimal" | "whole";
      range: string;
      min?: number;
      max?: number;
      allowBlank?: boolean;
      prompt?: string;
    }
  | { type: "date"; range: string; min?: number; max?: number; allowBlank?: boolean; prompt?: string };

export interface NotePlan {
  cell: string;
  text: string;
}

/**
 * How a sheet prints. Excel and the .xlsx writer apply it; the preview ignores it (it has no
 * printing). A sheet without `print` gets the defaults `preparePlan` derives from its content
 * (`defaultPrintSettings` in prepare.ts); a sheet that sets `print` gets exactly what it says,
 * and `print: {}` leaves every setting to Excel (portrait, 100%, no titles, no area).
 */
export interface PrintPlan {
  orientation?: "portrait" | "landscape";
  /**
   * Fit to this many pages across (Excel's Page Setup > Fit to). Fitting is on when this or
   * `fitToPagesTall` is given; the one not given means "as many as needed".
   */
  fitToPagesWide?: number;
  /** Fit to this many pages down; null or 0: as many as needed. */
  fitToPagesTall?: number | null;
  /** 1-based rows repeated at the top of every printed page (Print Titles). */
  titleRows?: { first: number; last: number };
  /** A1 range printed (Print Area), on this sheet, e.g. "A1:P13". */
  area?: string;
}

/**
 * Cells a user types into (a quota column, a target per stage, a weight), with the key of
 * each row, so that a later build of the same sheet can put back what was typed, matched by
 * key (rep, stage, KPI), never by position (see inputs.ts).
 */
export interface InputPlan {
  /** Stable id among the sheet's inputs: letters, digits and "_" ("quota", "weights"). */
  id: string;
  /** The input cells, on this sheet: a column ("C5:C12"), several columns, or one cell. */
  range: string;
  /**
   * The key of each row of `range`: a range over the same rows on this sheet (the rep names
   * "A5:A12"; with several columns, "A5:B12", the key is the row's texts together: rep and
   * period), or literal keys, one per row (language-neutral ids such as "winRate" for a row
   * whose label is translated).
   */
  keys: string | string[];
}

export interface SheetPlan {
  /** Wanted name (localized). Preparation (prepare.ts) makes it unique ("Funnel (2)") and fit Excel's rules. */
  name: string;
  /**
   * Stable identity of a generated sheet ("funnel", "reps", "commission3"): letters, digits
   * and "_". Writers remember it in the workbook (a hidden defined name over the sheet), so
   * the sheet is found again after the user renames it. Sheets without a role are not tracked.
   */
  role?: string;
  /** The sheet's input cells, remembered with the role (ignored on a sheet without one). */
  inputs?: InputPlan[];
  /**
   * The range the generator made, remembered with the role so that a later refresh tells the
   * user's own cells beside it from generated ones; default the sheet's used range. A refresh
   * that keeps cells the user typed beside the sheet sets it to the generated part alone.
   */
  generatedRange?: string;
  tabColor?: string;
  blocks: Block[];
  merges?: string[];
  /** Column letter -> width in characters. */
  columnWidths?: Record<string, number>;
  /** Row number (1-based) -> height in points. */
  rowHeights?: Record<number, number>;
  freeze?: { rows: number; columns: number };
  tables?: TablePlan[];
  conditionalFormats?: ConditionalFormatPlan[];
  charts?: ChartPlan[];
  validations?: ValidationPlan[];
  notes?: NotePlan[];
  /** Page setup for printing; defaults derived by preparation when absent (see `PrintPlan`). */
  print?: PrintPlan;
}

export interface NamePlan {
  /** Workbook-scoped defined name. */
  name: string;
  /** A reference such as `"=" + sheetRef("Plan", "$B$3")`. */
  refersTo: string;
  comment?: string;
  /** Kept out of Excel's Name Manager and name box (the workbook's own bookkeeping). */
  hidden?: boolean;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  names?: NamePlan[];
  /** Name (as planned) of the sheet to activate after writing; default the first. */
  activeSheet?: string;
}

/** Opens the planned sheet name of a reference token (U+E000, private use). */
export const SHEET_REF_OPEN = "\uE000";
/** Closes it (U+E001); "!" and the address follow. */
export const SHEET_REF_CLOSE = "\uE001";
/** Opens the planned table name of a structured-reference token (U+E002). */
export const TABLE_REF_OPEN = "\uE002";
/** Closes it (U+E003); "[Column]" follows. */
export const TABLE_REF_CLOSE = "\uE003";
/** The four token characters; nothing else in a plan's names or formula texts may hold them. */
export const REF_TOKEN_CHARACTERS = /[\uE000-\uE003]/;

/**
 * A reference to `address` on the sheet planned as `sheetName`, as a token that preparation
 * turns into `'Final name'!address` (quotes doubled) once the sheet's final name is known.
 *
 * @example sheetRef("Funnel", "$B$4") // "\uE000Funnel\uE001!$B$4" -> "'Funnel (2)'!$B$4"
 */
export function sheetRef(sheetName: string, address: string): string {
  return `${SHEET_REF_OPEN}${sheetName}${SHEET_REF_CLOSE}!${address}`;
}

/** `'Sheet name'!A1` with the quoting Excel needs: the resolved form of a `sheetRef` token. */
export function quotedSheetRef(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}

/**
 * The table planned as `tableName`, as a token that preparation turns into the table's final
 * name; follow it with the structured reference.
 *
 * @example `=SUM(${tableRef("Funnel")}[Deals])` // "=SUM(Funnel2[Deals])" once written
 */
export function tableRef(tableName: string): string {
  return `${TABLE_REF_OPEN}${tableName}${TABLE_REF_CLOSE}`;
}

/** A formula cell. */
export function formula(text: string): FormulaCell {
  return { f: text.startsWith("=") ? text : `=${text}` };
}

export function isFormulaCell(cell: PlanCell): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && typeof (cell as FormulaCell).f === "string";
}

/**
 * Rows made when they are read (see src/core/computedArray.ts): `count` rows, row `i` being
 * `row(i)`, made anew at each read and never held. A block of a million uniform rows (the
 * Deals sheet of a large export) is then planned without its cells being kept: the .xlsx
 * writer makes each row as it writes it. Writing to it throws; a reader that needs the rows
 * again and again copies them once (`rows.slice()`).
 *
 * @example
 * const rows = computedRows(3, (i) => [i + 1, { f: `=A${i + 2}*2` }]);
 * rows[2] // [3, { f: "=A4*2" }]
 */
export function computedRows(count: number, row: (index: number) => PlanCell[]): PlanCell[][] {
  return computedArray(count, row);
}

/** The row maker of rows made by {@link computedRows}, else undefined (a plain array). */
export function rowMaker(rows: PlanCell[][]): ((index: number) => PlanCell[]) | undefined {
  return itemMaker(rows);
}
