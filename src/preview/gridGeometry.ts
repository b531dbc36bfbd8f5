/**
 * Where the preview grid puts rows, columns and charts: the planned column widths and row
 * heights in pixels (the same walk as the .xlsx drawing anchors, src/workbook/sheetGeometry),
 * summed once per sheet so any row is found by binary search, however many rows there are.
 */
import { parseCell } from "../workbook/address";
import type { ChartPlan, SheetPlan } from "../workbook/plan";
import { chartBox, columnPixels, rowPixels } from "../workbook/sheetGeometry";

/** Empty columns shown after the last used one (room for text to run into). */
export const EXTRA_COLUMNS = 2;
/** Empty rows shown after the last used one, and the fewest rows a sheet shows (a screenful). */
export const EXTRA_ROWS = 5;
export const MIN_ROWS = 50;

/**
 * Pixel geometry of a sheet as planned: left edge of each column and top of each row (from
 * the grid's top-left, headers excluded), with the widths and heights the writers use, so a
 * chart drawn at `left[anchor column]`, `top[anchor row]` sits where Excel puts it.
 */
export interface SheetGeometry {
  rows: number;
  columns: number;
  /** columnLeft[c - 1] is the left edge of column c; columnLeft[columns] the right edge of the last. */
  columnLeft: number[];
  /** rowTop[r - 1] is the top of row r; rowTop[rows] the bottom of the last. */
  rowTop: Float64Array;
  rowHeaderPx: number;
}

export function sheetGeometry(plan: SheetPlan, usedRows: number, usedColumns: number): SheetGeometry {
  let rows = usedRows;
  let columns = usedColumns;
  for (const chart of plan.charts ?? []) {
    const box = chartBox(plan, chart);
    rows = Math.max(rows, box.bottom);
    columns = Math.max(columns, box.right);
  }
  columns += EXTRA_COLUMNS;
  rows = Math.max(rows + EXTRA_ROWS, MIN_ROWS);
  const columnLeft = [0];
  for (let c = 1; c <= columns; c++) columnLeft.push(columnLeft[c - 1] + columnPixels(plan, c));
  const rowTop = new Float64Array(rows + 1);
  for (let r = 1; r <= rows; r++) rowTop[r] = rowTop[r - 1] + rowPixels(plan, r);
  return { rows, columns, columnLeft, rowTop, rowHeaderPx: Math.max(36, String(rows).length * 8 + 12) };
}

/** The row (1-based) holding the point `y` pixels below the top of row 1. */
export function rowAt(geometry: SheetGeometry, y: number): number {
  const { rowTop, rows } = geometry;
  let lo = 1;
  let hi = rows;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rowTop[mid - 1] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Top-left corner of a chart (pixels from the top-left of cell A1): its anchor cell's. */
export function chartPosition(geometry: SheetGeometry, chart: ChartPlan): { left: number; top: number } {
  const anchor = parseCell(chart.anchor);
  return { left: geometry.columnLeft[anchor.column - 1] ?? 0, top: geometry.rowTop[anchor.row - 1] ?? 0 };
}
