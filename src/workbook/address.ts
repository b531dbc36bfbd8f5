/** A1 addresses: column letters, cells and ranges. Rows and columns are 1-based. */

export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`Bad column ${column}`);
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`Bad column letters ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n;
}

export interface CellPosition {
  row: number;
  column: number;
}

export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(column)}${d}${row}`;
}

export function parseCell(address: string): CellPosition {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`Bad cell address ${address}`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** True when the cell at `row`, `column` (1-based) lies in `box`. */
export function boxContains(box: RangeBox, row: number, column: number): boolean {
  return row >= box.top && row <= box.bottom && column >= box.left && column <= box.right;
}

/** True when two boxes share a cell. */
export function boxesOverlap(a: RangeBox, b: RangeBox): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Parses "A1" or "A1:C3" (no sheet prefix). */
export function parseRange(address: string): RangeBox {
  const [a, b] = address.split(":");
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

export function rangeAddress(box: RangeBox, absolute = false): string {
  const a = cellAddress(box.top, box.left, absolute);
  const b = cellAddress(box.bottom, box.right, absolute);
  return a === b ? a : `${a}:${b}`;
}

/** The range a block of `rows` x `columns` cells covers from its top-left cell. */
export function blockRange(at: string, rows: number, columns: number): string {
  const p = parseCell(at);
  return rangeAddress({ top: p.row, left: p.column, bottom: p.row + rows - 1, right: p.column + columns - 1 });
}

/**
 * Splits "'Sheet name'!A1:B2", or a `sheetRef` token (plan.ts), into the sheet (unquoted;
 * for a token its planned name) and the address.
 */
export function splitSheetRef(ref: string): { sheet?: string; address: string } {
  const token = /^\uE000([^\uE000-\uE003]*)\uE001!(.+)$/.exec(ref.trim());
  if (token) return { sheet: token[1], address: token[2] };
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim());
  if (!m) return { address: ref.trim() };
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3] };
}

/** Shifts the relative A1 references of a formula by rows/columns (strings and sheet names untouched). */
export function shiftFormula(formulaText: string, rowOffset: number, columnOffset: number): string {
  if (rowOffset === 0 && columnOffset === 0) return formulaText;
  const parts = formulaText.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(/(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (_m, pre, colAbs, col, rowAbs, row) => {
        const column = colAbs ? col : columnLetter(Math.max(1, columnNumber(col) + columnOffset));
        const r = rowAbs ? row : String(Math.max(1, Number(row) + rowOffset));
        return `${pre}${colAbs}${column}${rowAbs}${r}`;
      });
    })
    .join("");
}
