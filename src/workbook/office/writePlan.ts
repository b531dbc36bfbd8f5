/**
 * Applies a plan to the open workbook through Office.js, in a handful of batched requests.
 *
 * Order of work (each step one `context.sync()` unless a block has to be chunked):
 * 1. read: existing sheet, table and defined names (and, with `target`, whether the target
 *    ranges are empty);
 * 2. write: calculation suspended, sheets added with unique names, every block as whole 2D
 *    arrays (formulas, number formats, one format per block), merges, sizes, freeze panes;
 * 3. structure: tables, conditional formats, data validation, notes, defined names, activation;
 * 4. charts (a rejected funnel chart is retried as a bar chart with stages top to bottom).
 * On failure everything added is removed again and the promise rejects with a
 * `WorkbookWriteError` whose message tells the user what to do.
 */
import { parseCell, parseRange, RangeBox, rangeAddress, splitSheetRef } from "../address";
import {
  Block,
  CellStyle,
  ChartPlan,
  ConditionalFormatPlan,
  FormatStyle,
  isFormulaCell,
  PlanCell,
  SheetPlan,
  ValidationPlan,
  WorkbookPlan,
} from "../plan";
import { blockBox, textForFormulas } from "../validatePlan";
import { WorkbookWriteError } from "../errors";
import { CheckedPlan, checkPlan } from "../prepare";

/** `Excel.run`, or a stand-in with the same shape (tests pass a recording fake). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type IsSetSupported = (name: string, version?: string) => boolean;

export interface WritePlanTarget {
  /** Existing sheet to write into instead of adding a new one. */
  sheet: string;
  /** Which planned sheet goes there (default: the plan's first sheet). */
  planSheet?: string;
  /** Allow writing over cells that are not empty. Without it a non-empty target is refused. */
  overwrite?: boolean;
}

export interface WritePlanOptions {
  run?: ExcelRun;
  isSetSupported?: IsSetSupported;
  target?: WritePlanTarget;
  /** Largest estimated payload (JSON characters) of one request; default 4,000,000, under Excel's 5 MB. */
  maxRequestPayload?: number;
}

export interface WritePlanResult {
  /** Actual names of the written sheets, in plan order. */
  sheets: string[];
  /** Actual names of the created tables, in plan order. */
  tables: string[];
  /** What was degraded or skipped on this host, in words for the user. */
  notices: string[];
  /** Number of `context.sync()` calls made. */
  syncs: number;
}

export const DEFAULT_MAX_REQUEST_PAYLOAD = 4_000_000;
/** Lowest Excel API set the writer needs at all (used ranges, defined names). */
const MINIMUM_API = "1.4";

/** Column width in characters (Calibri 11) to points, as Office.js sets `columnWidth`. */
export function characterWidthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Pixels to points (96 dpi). */
export function pixelsToPoints(pixels: number): number {
  return pixels * 0.75;
}

/** A plan cell as `range.formulas` takes it: text protected by an apostrophe, blanks empty. */
export function formulaEntry(cell: PlanCell): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "string") return textForFormulas(cell);
  if (isFormulaCell(cell)) return cell.f;
  return cell;
}

/** The number format of each column of a block (null where "General" is kept). */
export function columnFormats(block: Block): (string | null)[] {
  const width = block.cells[0]?.length ?? 0;
  if (block.numberFormat === undefined) return new Array(width).fill(null);
  if (typeof block.numberFormat === "string") return new Array(width).fill(block.numberFormat);
  return block.numberFormat;
}

/** One piece of a block written in one request: rows [start, end) of the block. */
export interface BlockChunk {
  start: number;
  end: number;
  /** Estimated payload in JSON characters. */
  payload: number;
}

/**
 * Splits a block into row chunks whose estimated payload (formulas plus number formats,
 * measured as JSON length) stays under `maxPayload`; the first chunk under
 * `firstChunkBudget` (what is left of the request being filled). A block that fits is one chunk.
 *
 * @example chunkBlock(block100kRows, 4_000_000) // [{start:0,end:41000,...}, ...]
 */
export function chunkBlock(
  block: Block,
  maxPayload: number,
  firstChunkBudget = maxPayload,
): BlockChunk[] {
  const formats = columnFormats(block);
  // The number-format row written beside each row of formulas (see writeBlock), or nothing.
  const formatRowCost = formats.some((f) => f !== null)
    ? JSON.stringify(formats.map((f) => f ?? "General")).length + 1
    : 0;
  const chunks: BlockChunk[] = [];
  let start = 0;
  let payload = 0;
  for (let r = 0; r < block.cells.length; r++) {
    const rowCost = JSON.stringify(block.cells[r].map(formulaEntry)).length + 1 + formatRowCost;
    const budget = chunks.length === 0 ? firstChunkBudget : maxPayload;
    if (payload > 0 && payload + rowCost > budget) {
      chunks.push({ start, end: r, payload });
      start = r;
      payload = 0;
    }
    payload += rowCost;
  }
  if (block.cells.length > 0) chunks.push({ start, end: block.cells.length, payload });
  return chunks;
}

/**
 * Cuts the cells inside `box` out of a block: the pieces outside (above, below, left and right
 * of the box, each a rectangle) and the piece inside, each keeping its share of the number
 * formats and the block's style.
 *
 * @example splitBlock({ at: "A4", cells: 5 rows x 4 }, parseRange("A8:D8"))
 * // { outside: [rows 4-7], inside: { at: "A8", cells: [row 8] } }
 */
export function splitBlock(block: Block, box: RangeBox): { outside: Block[]; inside?: Block } {
  const b = blockBox(block);
  const top = Math.max(b.top, box.top);
  const bottom = Math.min(b.bottom, box.bottom);
  const left = Math.max(b.left, box.left);
  const right = Math.min(b.right, box.right);
  if (top > bottom || left > right) return { outside: [block] };
  const formats = block.numberFormat;
  const piece = (p: RangeBox): Block => ({
    ...block,
    at: rangeAddress({ top: p.top, left: p.left, bottom: p.top, right: p.left }),
    cells: block.cells
      .slice(p.top - b.top, p.bottom - b.top + 1)
      .map((row) => row.slice(p.left - b.left, p.right - b.left + 1)),
    ...(Array.isArray(formats)
      ? { numberFormat: formats.slice(p.left - b.left, p.right - b.left + 1) }
      : {}),
  });
  const outside: RangeBox[] = [
    { top: b.top, bottom: top - 1, left: b.left, right: b.right },
    { top: bottom + 1, bottom: b.bottom, left: b.left, right: b.right },
    { top, bottom, left: b.left, right: left - 1 },
    { top, bottom, left: right + 1, right: b.right },
  ].filter((p) => p.top <= p.bottom && p.left <= p.right);
  return { outside: outside.map(piece), inside: piece({ top, bottom, left, right }) };
}

/** Blocks of a sheet with the totals rows of its tables cut out, and those rows as blocks. */
function separateTotalsRows(sheet: SheetPlan): { blocks: Block[]; totals: Map<string, Block[]> } {
  let blocks = sheet.blocks;
  const totals = new Map<string, Block[]>();
  for (const table of sheet.tables ?? []) {
    if (!table.totalsRow) continue;
    const box = parseRange(table.range);
    const row = { ...box, top: box.bottom };
    const pieces: Block[] = [];
    blocks = blocks.flatMap((block) => {
      const { outside, inside } = splitBlock(block, row);
      if (inside) pieces.push(inside);
      return outside;
    });
    totals.set(table.name, pieces);
  }
  return { blocks, totals };
}

const CHART_TYPES: Record<Exclude<ChartPlan["type"], "funnel">, Excel.ChartType> = {
  column: "ColumnClustered" as Excel.ChartType,
  bar: "BarClustered" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
  doughnut: "Doughnut" as Excel.ChartType,
};

const OPERATORS: Record<string, Excel.ConditionalCellValueOperator> = {
  between: "Between" as Excel.ConditionalCellValueOperator,
  notBetween: "NotBetween" as Excel.ConditionalCellValueOperator,
  equal: "EqualTo" as Excel.ConditionalCellValueOperator,
  notEqual: "NotEqualTo" as Excel.ConditionalCellValueOperator,
  greaterThan: "GreaterThan" as Excel.ConditionalCellValueOperator,
  lessThan: "LessThan" as Excel.ConditionalCellValueOperator,
  greaterThanOrEqual: "GreaterThanOrEqual" as Excel.ConditionalCellValueOperator,
  lessThanOrEqual: "LessThanOrEqual" as Excel.ConditionalCellValueOperator,
};

const ICON_STYLES: Record<string, Excel.IconSet> = {
  "3TrafficLights": "ThreeTrafficLights1" as Excel.IconSet,
  "3Arrows": "ThreeArrows" as Excel.IconSet,
  "3Symbols": "ThreeSymbols" as Excel.IconSet,
  "3Flags": "ThreeFlags" as Excel.IconSet,
};

const withEquals = (text: string): string => (text.startsWith("=") ? text : `=${text}`);

function defaultRun(): ExcelRun {
  return (batch) => Excel.run(batch);
}

function defaultIsSetSupported(): IsSetSupported {
  return (name, version) => Office.context.requirements.isSetSupported(name, version);
}

function applyCellStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.horizontalAlignment !== undefined)
    format.horizontalAlignment = ({ left: "Left", center: "Center", right: "Right" } as const)[
      style.horizontalAlignment
    ];
  if (style.verticalAlignment !== undefined)
    format.verticalAlignment = ({ top: "Top", center: "Center", bottom: "Bottom" } as const)[
      style.verticalAlignment
    ];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.indent !== undefined) format.indentLevel = style.indent;
  if (style.border !== undefined) {
    const weight = style.border === "medium" ? "Medium" : "Thin";
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideVertical",
      "InsideHorizontal",
    ] as const) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = weight;
    }
  }
}

function applyFormatStyle(format: Excel.ConditionalRangeFormat, style: FormatStyle): void {
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fill !== undefined) format.fill.color = style.fill;
}

function addConditionalFormat(range: Excel.Range, cf: ConditionalFormatPlan): void {
  switch (cf.type) {
    case "cellValue": {
      const added = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      added.cellValue.rule = {
        formula1: withEquals(cf.formula1),
        ...(cf.formula2 !== undefined ? { formula2: withEquals(cf.formula2) } : {}),
        operator: OPERATORS[cf.operator],
      };
      applyFormatStyle(added.cellValue.format, cf.style);
      return;
    }
    case "formula": {
      const added = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      added.custom.rule.formula = withEquals(cf.formula);
      applyFormatStyle(added.custom.format, cf.style);
      return;
    }
    case "dataBar": {
      const added = range.conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
      added.dataBar.positiveFormat.fillColor = cf.color;
      return;
    }
    case "colorScale": {
      const added = range.conditionalFormats.add("ColorScale" as Excel.ConditionalFormatType);
      const [low, a, b] = cf.colors;
      added.colorScale.criteria =
        b === undefined
          ? {
              minimum: { type: "LowestValue", color: low },
              maximum: { type: "HighestValue", color: a },
            }
          : {
              minimum: { type: "LowestValue", color: low },
              midpoint: { type: "Percentile", formula: "50", color: a },
              maximum: { type: "HighestValue", color: b },
            };
      return;
    }
    case "iconSet": {
      const added = range.conditionalFormats.add("IconSet" as Excel.ConditionalFormatType);
      added.iconSet.style = ICON_STYLES[cf.icons];
      added.iconSet.reverseIconOrder = cf.reverse ?? false;
      added.iconSet.criteria = [
        {} as Excel.ConditionalIconCriterion,
        { type: "Number", operator: "GreaterThanOrEqual", formula: `=${cf.thresholds[0]}` },
        { type: "Number", operator: "GreaterThanOrEqual", formula: `=${cf.thresholds[1]}` },
      ];
      return;
    }
  }
}

function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  if (v.type === "list") {
    const source = Array.isArray(v.source) ? v.source.join(",") : withEquals(v.source);
    return { list: { inCellDropDown: true, source } };
  }
  const between = v.min !== undefined && v.max !== undefined;
  const basic: Excel.BasicDataValidation = between
    ? { operator: "Between", formula1: v.min!, formula2: v.max! }
    : v.min !== undefined
      ? { operator: "GreaterThanOrEqualTo", formula1: v.min }
      : v.max !== undefined
        ? { operator: "LessThanOrEqualTo", formula1: v.max }
        : { operator: "Between", formula1: -1e307, formula2: 1e307 };
  if (v.type === "whole") return { wholeNumber: basic };
  if (v.type === "decimal") return { decimal: basic };
  return { date: basic as unknown as Excel.DateTimeDataValidation };
}

interface WriteState {
  syncs: number;
  /** Actual names of sheets this write added (removed again on failure). */
  addedSheets: string[];
  /** Defined names this write added. */
  addedNames: string[];
  /** Table and chart names on the target sheet before the write (others are removed on failure). */
  targetTablesBefore: string[];
  targetChartsBefore: string[];
  /**
   * Target block ranges to restore on failure: cleared, then the part that held values or
   * formats before gets its formulas and number formats back.
   */
  targetBefore: {
    address: string;
    occupied?: { address: string; formulas: unknown[][]; numberFormat: unknown[][] };
  }[];
  targetSheet?: string;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

/**
 * Writes `plan` into the open workbook.
 *
 * Rules: sheets get unique, legal names ("Funnel (2)") and references to them are rewritten;
 * table names are made unique ("Funnel2"); nothing is written over non-empty cells unless
 * `options.target.overwrite` is true; data strings stay text; a funnel chart becomes a bar
 * chart with stages top to bottom where the host lacks or rejects the funnel type;
 * conditional formats are skipped with a notice below ExcelApi 1.6. On failure, added sheets,
 * names, tables and charts are removed and the promise rejects with a `WorkbookWriteError`.
 *
 * @example
 * const { sheets, notices } = await writePlan(planFunnelSheet(deals, options, "en-US"));
 * // sheets: ["Funnel (2)"] when a "Funnel" sheet already existed
 */
export async function writePlan(
  plan: WorkbookPlan,
  options: WritePlanOptions = {},
): Promise<WritePlanResult> {
  // Checked before any request, so an invalid plan never touches the workbook.
  const checked = checkPlan(plan);
  const run = options.run ?? defaultRun();
  const supported = options.isSetSupported ?? defaultIsSetSupported();
  const excelApi = (version: string): boolean => supported("ExcelApi", version);
  if (!excelApi(MINIMUM_API)) {
    throw new WorkbookWriteError(
      "UNSUPPORTED_HOST",
      "This version of Excel cannot receive generated sheets (it lacks ExcelApi 1.4). Update Office or use Excel on the web.",
    );
  }
  const maxPayload = options.maxRequestPayload ?? DEFAULT_MAX_REQUEST_PAYLOAD;
  const target = options.target;

  return run(async (context) => {
    const state: WriteState = {
      syncs: 0,
      addedSheets: [],
      addedNames: [],
      targetTablesBefore: [],
      targetChartsBefore: [],
      targetBefore: [],
    };
    const sync = async (): Promise<void> => {
      state.syncs += 1;
      await context.sync();
    };
    try {
      return await writeInContext(context, checked, {
        excelApi,
        maxPayload,
        target,
        state,
        sync,
      });
    } catch (error) {
      const cleanupError = await removeWhatWasAdded(context, state, sync).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (error instanceof WorkbookWriteError && cleanupError === undefined) throw error;
      if (cleanupError !== undefined) {
        throw new WorkbookWriteError(
          "CLEANUP_FAILED",
          `Writing the sheet failed (${describe(error)}) and removing the partly written sheets failed too (${describe(cleanupError)}). ` +
            `Delete these sheets by hand: ${state.addedSheets.join(", ") || "none"}.`,
          { cause: error },
        );
      }
      throw new WorkbookWriteError(
        "WRITE_FAILED",
        `Excel refused the new sheet (${describe(error)}). Nothing was changed; close any open cell editor and try again.`,
        { cause: error },
      );
    }
  });
}

interface WriteContext {
  excelApi: (version: string) => boolean;
  maxPayload: number;
  target?: WritePlanTarget;
  state: WriteState;
  sync: () => Promise<void>;
}

async function writeInContext(
  context: Excel.RequestContext,
  checked: CheckedPlan,
  w: WriteContext,
): Promise<WritePlanResult> {
  const { state, sync, excelApi, target } = w;
  const notices: string[] = [];
  const workbook = context.workbook;

  // 1. Read what exists.
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const tables = workbook.tables;
  tables.load("items/name");
  const names = workbook.names;
  names.load("items/name");
  const targetSheetProxy = target ? worksheets.getItemOrNullObject(target.sheet) : undefined;
  await sync();
  if (targetSheetProxy && targetSheetProxy.isNullObject) {
    throw new WorkbookWriteError(
      "TARGET_NOT_FOUND",
      `There is no sheet named "${target!.sheet}". Choose an existing sheet or let a new one be added.`,
    );
  }

  const prepared = checked.prepare(
    {
      sheets: worksheets.items.map((s) => s.name),
      tables: tables.items.map((t) => t.name),
      names: names.items.map((n) => n.name),
    },
    { target },
  );
  const plan = prepared.plan;
  const targetName = target ? target.sheet : undefined;

  // With a target: refuse non-empty ranges unless overwriting, and remember what was there.
  if (target && targetSheetProxy) {
    const sheetPlan = plan.sheets.find((s) => s.name === targetName)!;
    const addresses = [
      ...sheetPlan.blocks.map((b) => rangeAddress(blockBox(b))),
      ...(sheetPlan.tables ?? []).map((t) => t.range),
    ];
    const used = addresses.map((a) => targetSheetProxy.getRange(a).getUsedRangeOrNullObject(true));
    // What each block range holds (values or formats), kept to put back if the write fails.
    const before = sheetPlan.blocks.map((b) => {
      const occupied = targetSheetProxy
        .getRange(rangeAddress(blockBox(b)))
        .getUsedRangeOrNullObject(false);
      occupied.load(["formulas", "numberFormat", "address"]);
      return { address: rangeAddress(blockBox(b)), occupied };
    });
    const targetTables = targetSheetProxy.tables;
    targetTables.load("items/name");
    const targetCharts = targetSheetProxy.charts;
    targetCharts.load("items/name");
    await sync();
    const busy = addresses.filter((_, i) => !used[i].isNullObject);
    if (busy.length > 0 && !target.overwrite) {
      throw new WorkbookWriteError(
        "TARGET_NOT_EMPTY",
        `The cells ${busy.join(", ")} on "${target.sheet}" are not empty. Choose an empty place, or confirm that they may be replaced.`,
      );
    }
    state.targetSheet = target.sheet;
    state.targetTablesBefore = targetTables.items.map((t) => t.name);
    state.targetChartsBefore = targetCharts.items.map((c) => c.name);
    state.targetBefore = before.map((b) =>
      b.occupied.isNullObject
        ? { address: b.address }
        : {
            address: b.address,
            occupied: {
              address: b.occupied.address.slice(b.occupied.address.lastIndexOf("!") + 1),
              formulas: b.occupied.formulas,
              numberFormat: b.occupied.numberFormat,
            },
          },
    );
  }

  // 2. Cells.
  if (excelApi("1.6")) workbook.application.suspendApiCalculationUntilNextSync();
  const sheetProxies = new Map<string, Excel.Worksheet>();
  for (const sheet of plan.sheets) {
    let proxy: Excel.Worksheet;
    if (sheet.name === targetName) proxy = targetSheetProxy!;
    else {
      proxy = worksheets.add(sheet.name);
      state.addedSheets.push(sheet.name);
    }
    sheetProxies.set(sheet.name, proxy);
  }
  let pendingPayload = 0;
  const spend = async (payload: number): Promise<void> => {
    if (pendingPayload > 0 && pendingPayload + payload > w.maxPayload) {
      await sync();
      // Suspension lasts one request: suspend again for the next chunk.
      if (excelApi("1.6")) workbook.application.suspendApiCalculationUntilNextSync();
      pendingPayload = 0;
    }
    pendingPayload += payload;
  };
  // Totals rows of tables are written once the table has switched its totals row on
  // (Excel adds that row under the table, so it must still be empty then).
  const totalsRows = new Map<string, Map<string, Block[]>>();
  for (const sheet of plan.sheets) {
    const proxy = sheetProxies.get(sheet.name)!;
    const { blocks, totals } = separateTotalsRows(sheet);
    totalsRows.set(sheet.name, totals);
    for (const block of blocks)
      await writeBlock(proxy, block, w.maxPayload, spend, () => pendingPayload);
    writeSheetLayout(proxy, sheet, excelApi, notices);
  }
  await sync();

  // 3. Tables, conditional formats, validation, notes, names.
  const tableNames: string[] = [];
  for (const sheet of plan.sheets) {
    const proxy = sheetProxies.get(sheet.name)!;
    for (const table of sheet.tables ?? []) {
      const box = parseRange(table.range);
      const dataBox = table.totalsRow ? { ...box, bottom: box.bottom - 1 } : box;
      const added = proxy.tables.add(proxy.getRange(rangeAddress(dataBox)), true);
      added.name = table.name;
      if (table.style) added.style = table.style;
      if (table.showBandedRows !== undefined) added.showBandedRows = table.showBandedRows;
      if (table.totalsRow) {
        added.showTotals = true;
        const noPayloadLimit = async (): Promise<void> => undefined;
        for (const piece of totalsRows.get(sheet.name)?.get(table.name) ?? []) {
          await writeBlock(proxy, piece, Number.POSITIVE_INFINITY, noPayloadLimit, () => 0);
        }
      }
      tableNames.push(table.name);
    }
    if ((sheet.conditionalFormats ?? []).length > 0) {
      if (excelApi("1.6"))
        for (const cf of sheet.conditionalFormats!)
          addConditionalFormat(proxy.getRange(cf.range), cf);
      else
        notices.push(
          `Conditional formats on "${sheet.name}" were skipped: this Excel does not support them from add-ins (ExcelApi 1.6).`,
        );
    }
    if ((sheet.validations ?? []).length > 0) {
      if (excelApi("1.8")) {
        for (const v of sheet.validations!) {
          const validation = proxy.getRange(v.range).dataValidation;
          validation.rule = validationRule(v);
          validation.ignoreBlanks = v.allowBlank ?? true;
          if (v.prompt) validation.prompt = { message: v.prompt, showPrompt: true, title: "" };
        }
      } else
        notices.push(
          `Drop-down lists and input checks on "${sheet.name}" were skipped: this Excel lacks ExcelApi 1.8.`,
        );
    }
    if ((sheet.notes ?? []).length > 0) {
      if (excelApi("1.18")) for (const note of sheet.notes!) proxy.notes.add(note.cell, note.text);
      else
        notices.push(`Cell notes on "${sheet.name}" were skipped: this Excel lacks ExcelApi 1.18.`);
    }
  }
  for (const n of plan.names ?? []) {
    workbook.names.add(n.name, n.refersTo, n.comment);
    state.addedNames.push(n.name);
  }
  const active = plan.activeSheet ?? plan.sheets[0].name;
  sheetProxies.get(active)?.activate();
  await sync();

  // 4. Charts.
  const chartSheets = plan.sheets.filter((s) => (s.charts ?? []).length > 0);
  if (chartSheets.length > 0) {
    if (!excelApi("1.7")) {
      notices.push(
        "Charts were skipped: this Excel cannot build charts from add-ins (ExcelApi 1.7).",
      );
    } else {
      const funnelSupported = excelApi("1.9");
      const anyFunnel = chartSheets.some((s) => s.charts!.some((c) => c.type === "funnel"));
      if (anyFunnel && !funnelSupported) notices.push(funnelFallbackNotice);
      addCharts(context, plan, sheetProxies, funnelSupported, excelApi("1.8"));
      try {
        await sync();
      } catch (error) {
        if (!(anyFunnel && funnelSupported && isRejection(error))) throw error;
        // The host rejected the funnel type: remove the charts of this batch and draw bars instead.
        await removeOurCharts(chartSheets, sheetProxies, sync);
        notices.push(funnelFallbackNotice);
        addCharts(context, plan, sheetProxies, false, excelApi("1.8"));
        await sync();
      }
    }
  }

  return {
    sheets: plan.sheets.map((s) => s.name),
    tables: tableNames,
    notices,
    syncs: state.syncs,
  };
}

const funnelFallbackNotice =
  "The funnel chart is shown as a bar chart (stages top to bottom): this Excel has no funnel chart type.";

/** Name given to the n-th chart of a sheet, so a failed write can find and remove it. */
export function chartName(index: number): string {
  return `SalesQuantChart${index + 1}`;
}

async function writeBlock(
  sheet: Excel.Worksheet,
  block: Block,
  maxPayload: number,
  spend: (payload: number) => Promise<void>,
  pending: () => number,
): Promise<void> {
  const box = blockBox(block);
  const formats = columnFormats(block);
  const width = box.right - box.left + 1;
  for (const chunk of chunkBlock(block, maxPayload, Math.max(0, maxPayload - pending()))) {
    await spend(chunk.payload);
    const rows = block.cells.slice(chunk.start, chunk.end);
    const address = rangeAddress({
      top: box.top + chunk.start,
      left: box.left,
      bottom: box.top + chunk.end - 1,
      right: box.right,
    });
    const range = sheet.getRange(address);
    range.formulas = rows.map((row) => row.map(formulaEntry));
    if (formats.some((f) => f !== null)) {
      const formatRow = formats.map((f) => f ?? "General");
      range.numberFormat = rows.map(() => formatRow.slice(0, width));
    }
  }
  if (block.style) applyCellStyle(sheet.getRange(rangeAddress(box)).format, block.style);
}

function writeSheetLayout(
  proxy: Excel.Worksheet,
  sheet: SheetPlan,
  excelApi: (v: string) => boolean,
  notices: string[],
): void {
  for (const merge of sheet.merges ?? []) proxy.getRange(merge).merge(false);
  for (const [letters, width] of Object.entries(sheet.columnWidths ?? {})) {
    proxy.getRange(`${letters}:${letters}`).format.columnWidth = characterWidthToPoints(width);
  }
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
    proxy.getRange(`${row}:${row}`).format.rowHeight = height;
  }
  if (sheet.tabColor || sheet.freeze) {
    if (!excelApi("1.7")) {
      notices.push(
        `Tab colour and frozen panes of "${sheet.name}" were skipped: this Excel lacks ExcelApi 1.7.`,
      );
      return;
    }
    if (sheet.tabColor) proxy.tabColor = sheet.tabColor;
    const freeze = sheet.freeze;
    if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
      if (freeze.columns === 0) proxy.freezePanes.freezeRows(freeze.rows);
      else if (freeze.rows === 0) proxy.freezePanes.freezeColumns(freeze.columns);
      else
        proxy.freezePanes.freezeAt(
          proxy.getRange(
            rangeAddress({ top: 1, left: 1, bottom: freeze.rows, right: freeze.columns }),
          ),
        );
    }
  }
}

function rangeOf(
  context: Excel.RequestContext,
  proxies: Map<string, Excel.Worksheet>,
  home: Excel.Worksheet,
  ref: string,
): Excel.Range {
  const { sheet, address } = splitSheetRef(ref.replace(/^=/, ""));
  if (sheet === undefined) return home.getRange(address);
  const proxy = proxies.get(sheet) ?? context.workbook.worksheets.getItem(sheet);
  return proxy.getRange(address);
}

function addCharts(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  proxies: Map<string, Excel.Worksheet>,
  funnelSupported: boolean,
  /** Axis and data-label number formats need ExcelApi 1.8. */
  numberFormatsSupported: boolean,
): void {
  for (const sheet of plan.sheets) {
    const home = proxies.get(sheet.name)!;
    (sheet.charts ?? []).forEach((chart, index) => {
      const asFunnel = chart.type === "funnel" && funnelSupported;
      const type =
        chart.type === "funnel"
          ? asFunnel
            ? ("Funnel" as Excel.ChartType)
            : CHART_TYPES.bar
          : CHART_TYPES[chart.type];
      const first = rangeOf(context, proxies, home, chart.series[0].values);
      const added = home.charts.add(type, first, "Columns" as Excel.ChartSeriesBy);
      added.name = chartName(index);
      added.title.text = chart.title;
      added.legend.visible = chart.showLegend ?? chart.series.length > 1;
      const categories = rangeOf(context, proxies, home, chart.categories);
      chart.series.forEach((series, i) => {
        const s = i === 0 ? added.series.getItemAt(0) : added.series.add(series.name);
        s.name = series.name;
        s.setValues(rangeOf(context, proxies, home, series.values));
        s.setXAxisValues(categories);
      });
      if (chart.dataLabels) {
        added.dataLabels.showValue = true;
        if (chart.numberFormat && numberFormatsSupported)
          added.dataLabels.numberFormat = chart.numberFormat;
      }
      if (chart.type === "funnel" && !asFunnel) added.axes.categoryAxis.reversePlotOrder = true;
      if (
        chart.numberFormat &&
        numberFormatsSupported &&
        (chart.type === "column" || chart.type === "bar" || chart.type === "line")
      )
        added.axes.valueAxis.numberFormat = chart.numberFormat;
      const anchor = parseCell(chart.anchor);
      added.setPosition(
        home.getRange(
          rangeAddress({
            top: anchor.row,
            left: anchor.column,
            bottom: anchor.row,
            right: anchor.column,
          }),
        ),
      );
      added.width = pixelsToPoints(chart.width);
      added.height = pixelsToPoints(chart.height);
    });
  }
}

async function removeOurCharts(
  sheets: SheetPlan[],
  proxies: Map<string, Excel.Worksheet>,
  sync: () => Promise<void>,
): Promise<void> {
  const collections = sheets.map((s) => {
    const charts = proxies.get(s.name)!.charts;
    charts.load("items/name");
    return charts;
  });
  await sync();
  for (const charts of collections)
    for (const chart of charts.items) if (/^SalesQuantChart\d+$/.test(chart.name)) chart.delete();
}

/** Error codes with which Excel refuses an argument or an operation (not a transient failure). */
const REJECTION_CODES = new Set([
  "InvalidArgument",
  "NotImplemented",
  "ApiNotFound",
  "UnsupportedOperation",
  "InvalidOperation",
]);

function isRejection(error: unknown): boolean {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && REJECTION_CODES.has(code);
}

async function removeWhatWasAdded(
  context: Excel.RequestContext,
  state: WriteState,
  sync: () => Promise<void>,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const sheets = state.addedSheets.map((name) => worksheets.getItemOrNullObject(name));
  const names = state.addedNames.map((name) => context.workbook.names.getItemOrNullObject(name));
  const targetProxy = state.targetSheet
    ? worksheets.getItemOrNullObject(state.targetSheet)
    : undefined;
  if (sheets.length + names.length === 0 && !targetProxy) return;
  await sync();
  let targetTables: Excel.TableCollection | undefined;
  let targetCharts: Excel.ChartCollection | undefined;
  if (targetProxy && !targetProxy.isNullObject) {
    targetTables = targetProxy.tables;
    targetTables.load("items/name");
    targetCharts = targetProxy.charts;
    targetCharts.load("items/name");
    await sync();
  }
  for (const proxy of names) if (!proxy.isNullObject) proxy.delete();
  for (const proxy of sheets) if (!proxy.isNullObject) proxy.delete();
  if (targetProxy && targetTables && targetCharts) {
    for (const table of targetTables.items)
      if (!state.targetTablesBefore.includes(table.name)) table.delete();
    for (const chart of targetCharts.items)
      if (!state.targetChartsBefore.includes(chart.name)) chart.delete();
    for (const before of state.targetBefore) {
      targetProxy.getRange(before.address).clear("All");
      if (before.occupied) {
        const range = targetProxy.getRange(before.occupied.address);
        range.formulas = before.occupied.formulas;
        range.numberFormat = before.occupied.numberFormat;
      }
    }
  }
  await sync();
}
