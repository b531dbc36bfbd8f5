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
 * - A formula refers to another sheet of the plan as `'Sheet name'!A1` (always quoted,
 *   quotes inside a name doubled; build it with `sheetRef`). When a writer has to give a
 *   sheet another name ("Funnel (2)"), it rewrites those references everywhere in the plan.
 * - Dates are Excel serial numbers with a date number format (see `excelSerial`).
 * - Colours are "#RRGGBB".
 */

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
  /** Rectangular: every row has the same length. */
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
  /** Range of the values, on this sheet ("C4:C8") or another ("'Funnel'!C4:C8"). */
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

export interface SheetPlan {
  /** Wanted name (localized). Writers make it unique ("Funnel (2)") and fit Excel's rules. */
  name: string;
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
}

export interface NamePlan {
  /** Workbook-scoped defined name. */
  name: string;
  /** A reference such as "='Plan'!$B$3". */
  refersTo: string;
  comment?: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  names?: NamePlan[];
  /** Name (as planned) of the sheet to activate after writing; default the first. */
  activeSheet?: string;
}

/** `'Sheet name'!A1` with the quoting Excel needs. */
export function sheetRef(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}

/** A formula cell. */
export function formula(text: string): FormulaCell {
  return { f: text.startsWith("=") ? text : `=${text}` };
}

export function isFormulaCell(cell: PlanCell): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && typeof (cell as FormulaCell).f === "string";
}
