/**
 * Where a sheet's content lies: chart corners from the planned column widths and row
 * heights (the .xlsx drawing anchors and the print defaults use the same walk), and the box
 * every block, table and chart of a sheet covers.
 */
import { parseCell, parseRange, RangeBox } from "./address";
import type { ChartPlan, SheetPlan } from "./plan";
import { blockBox } from "./validatePlan";

/** Default column width in pixels (8.43 characters of Calibri 11) and row height in pixels (15 pt). */
export const DEFAULT_COLUMN_PX = 64;
export const DEFAULT_ROW_PX = 20;

/** Width in pixels of a column (1-based) of `sheet`: its planned width, or Excel's default. */
export function columnPixels(sheet: SheetPlan, column: number): number {
  const letters = Object.keys(sheet.columnWidths ?? {}).find(
    (l) => parseCell(`${l}1`).column === column,
  );
  const width = letters !== undefined ? sheet.columnWidths![letters] : undefined;
  return width === undefined ? DEFAULT_COLUMN_PX : Math.round(width * 7 + 5);
}

/** Height in pixels of a row (1-based) of `sheet`: its planned height, or 15 pt. */
export function rowPixels(sheet: SheetPlan, row: number): number {
  const height = sheet.rowHeights?.[row];
  return height === undefined ? DEFAULT_ROW_PX : Math.round((height * 4) / 3);
}

/**
 * Where a point `pixels` away from the start of column (or row) `start` lands: the 0-based
 * index of the column it falls in and what is left of `pixels` inside it.
 */
export function walkPixels(
  start: number,
  pixels: number,
  size: (index: number) => number,
): { index: number; offset: number } {
  let index = start;
  let left = pixels;
  while (left >= size(index)) {
    left -= size(index);
    index += 1;
  }
  return { index: index - 1, offset: left };
}

/** The cells (1-based) a chart covers from its anchor, by the planned widths and heights. */
export function chartBox(sheet: SheetPlan, chart: ChartPlan): RangeBox {
  const anchor = parseCell(chart.anchor);
  const column = walkPixels(anchor.column, chart.width, (c) => columnPixels(sheet, c));
  const row = walkPixels(anchor.row, chart.height, (r) => rowPixels(sheet, r));
  // A corner exactly on a boundary ends the chart in the cell before it.
  const last = (p: { index: number; offset: number }, from: number): number =>
    Math.max(from, p.offset > 0 ? p.index + 1 : p.index);
  return {
    top: anchor.row,
    left: anchor.column,
    bottom: last(row, anchor.row),
    right: last(column, anchor.column),
  };
}

/**
 * The smallest box holding every block, table and chart of `sheet` (its used range), or
 * undefined for a sheet with none.
 */
export function usedBox(sheet: SheetPlan): RangeBox | undefined {
  const boxes: RangeBox[] = [
    ...sheet.blocks.filter((b) => b.cells.length > 0 && b.cells[0].length > 0).map(blockBox),
    ...(sheet.tables ?? []).map((t) => parseRange(t.range)),
    ...(sheet.charts ?? []).map((c) => chartBox(sheet, c)),
  ];
  if (boxes.length === 0) return undefined;
  return boxes.reduce((a, b) => ({
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  }));
}
