/**
 * Cells of a plan through Office.js: every block as whole 2D arrays (formulas with text
 * protected, one number-format array, one format per block), cut into row chunks so no
 * request passes Excel's 5 MB limit, and the sheet layout (merges, sizes, tab colour,
 * frozen panes). Totals rows of tables are held back: `tables.ts` writes them once the
 * table has switched its totals row on.
 */
import { parseRange, RangeBox, rangeAddress } from "../address";
import { Block, CellStyle, isFormulaCell, PlanCell, SheetPlan, WorkbookPlan } from "../plan";
import { blockBox, textForFormulas } from "../validatePlan";
import type { WriteSession } from "./rollback";

/** Column width in characters (Calibri 11) to points, as Office.js sets `columnWidth`. */
function characterWidthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** A plan cell as `range.formulas` takes it: text protected by an apostrophe, blanks empty. */
function formulaEntry(cell: PlanCell): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "string") return textForFormulas(cell);
  if (isFormulaCell(cell)) return cell.f;
  return cell;
}

/** The number format of each column of a block (null where "General" is kept). */
function columnFormats(block: Block): (string | null)[] {
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
function separateTotalsRows(sheet: SheetPlan): {
  blocks: Block[];
  totals: Map<string, Block[]>;
} {
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

/**
 * Writes one block, in chunks: `spend` is told each chunk's payload before it is queued (it
 * syncs when the request would grow too large), `pending` is what the request holds already.
 */
export async function writeBlock(
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

/** Totals-row blocks of each table, by sheet and table name, written after the tables. */
export type HeldTotalsRows = Map<string, Map<string, Block[]>>;

/**
 * Queues every block of every sheet (calculation suspended) and each sheet's layout, syncing
 * whenever the next chunk would take the request over `maxPayload`; ends with the sync that
 * sends the last cells.
 *
 * @returns the totals rows held back for `writeTables`.
 */
export async function writeCells(
  session: WriteSession,
  plan: WorkbookPlan,
  proxies: Map<string, Excel.Worksheet>,
  maxPayload: number,
): Promise<HeldTotalsRows> {
  const { context, excelApi, sync, notices } = session;
  const suspend = (): void => {
    if (excelApi("1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
  };
  let pendingPayload = 0;
  const spend = async (payload: number): Promise<void> => {
    if (pendingPayload > 0 && pendingPayload + payload > maxPayload) {
      await sync();
      // Suspension lasts one request: suspend again for the next chunk.
      suspend();
      pendingPayload = 0;
    }
    pendingPayload += payload;
  };
  // Totals rows of tables are written once the table has switched its totals row on
  // (Excel adds that row under the table, so it must still be empty then).
  const totalsRows: HeldTotalsRows = new Map();
  for (const sheet of plan.sheets) {
    const proxy = proxies.get(sheet.name)!;
    const { blocks, totals } = separateTotalsRows(sheet);
    totalsRows.set(sheet.name, totals);
    for (const block of blocks)
      await writeBlock(proxy, block, maxPayload, spend, () => pendingPayload);
    writeSheetLayout(proxy, sheet, excelApi, notices);
  }
  await sync();
  return totalsRows;
}
