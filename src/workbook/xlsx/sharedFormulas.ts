/**
 * Shared formulas: one formula filled down a column, stored once. In SpreadsheetML a range
 * of cells whose formulas differ only by their relative row numbers can keep the text on
 * its first cell (`<f t="shared" ref="N2:N1025" si="0">text</f>`) while every other cell
 * says only which one it shares (`<f t="shared" si="0"/>`); Excel, LibreOffice and ExcelJS
 * give each such cell the first one's formula with its relative references moved down by
 * the rows between them (ECMA-376 Part 1, 18.3.1.40 f, "shared"). Excel writes a filled-down
 * column this way; so does the .xlsx writer for a plan's columns of such formulas (the Deals
 * sheet's helper columns), which takes a Deals row from about 900 to about 500 bytes.
 *
 * Nothing in the plan says a column is filled down: the writer finds it, by making each
 * cell's formula from the first one's and comparing it with what the plan holds. A cell
 * shares only when the two are the same text, so the only way to be wrong is to move
 * references differently from Excel; `downTemplate` declines every formula whose references
 * it cannot read with certainty.
 */

/**
 * Cell references whose row is relative, as `shiftFormula` (address.ts) reads them: not
 * inside another name (`LOG10(`, `1E5`, `Sheet1`) and not followed by `(` or `!`.
 */
const RELATIVE_REF = /(^|[^A-Za-z0-9_.$])(\$?[A-Z]{1,3}(?:\$\d+|\d+))(?![A-Za-z0-9_(!])/g;
/** Text and quoted sheet names, copied as they are. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
/**
 * What the template does not read, so declines: structured and external references (`[`),
 * other sheets and error values (`!` outside text), whole rows (`2:2`, `$2:$5`), lower-case
 * references (a lower-case letter before a digit), and plan tokens.
 */
const UNREAD = /[[!\uE000-\uE003]|(?:^|[^A-Za-z0-9_.$])\$?\d+:\$?\d|[a-z]\$?\d/;

/**
 * Text that reads like a reference ("Q1", "A$2"). Excel leaves text alone, but a reader that
 * moves shared formulas by pattern (ExcelJS) moves it too: such a formula is not shared.
 */
const REFERENCE_LIKE_TEXT = /[A-Za-z]\$?\d/;

const MAX_ROW = 1_048_576;
const MAX_COLUMN_LETTERS = "XFD";

/** Whether column letters name a column Excel has (A to XFD). */
function isColumn(letters: string): boolean {
  return letters.length < 3 || letters <= MAX_COLUMN_LETTERS;
}

/**
 * A formula's text with its relative row numbers left open: `at(d)` is the text with each
 * of them moved down by d rows, which is what Excel makes of the formula in a cell d rows
 * below the one it was written in, as a shared formula or when copied.
 */
export interface DownTemplate {
  at(rows: number): string;
}

/**
 * The template of formula `text` (without its "="), or undefined when it holds something
 * whose moving this does not read with certainty (see UNREAD), or a reference past Excel's
 * last row or column (a name, then, not a cell).
 *
 * @example
 * downTemplate('IF(J2="Won",E2*$K$1,0)')?.at(3) // 'IF(J5="Won",E5*$K$1,0)'
 */
export function downTemplate(text: string): DownTemplate | undefined {
  const pieces = text.split(QUOTED);
  const literals: string[] = [];
  const rows: number[] = [];
  let literal = "";
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    if (p % 2 === 1) {
      if (piece.startsWith('"') && REFERENCE_LIKE_TEXT.test(piece)) return undefined;
      literal += piece;
      continue;
    }
    if (UNREAD.test(piece)) return undefined;
    let from = 0;
    for (const m of piece.matchAll(RELATIVE_REF)) {
      const ref = m[2];
      const letters = /^\$?([A-Z]+)/.exec(ref)![1];
      if (!isColumn(letters)) return undefined;
      const start = m.index! + m[1].length;
      if (ref.includes("$", 1)) {
        // An absolute row: it stays.
        const row = Number(ref.slice(ref.indexOf("$", 1) + 1));
        if (row < 1 || row > MAX_ROW) return undefined;
        continue;
      }
      const digits = ref.slice(ref.search(/\d/));
      const row = Number(digits);
      if (row < 1 || row > MAX_ROW) return undefined;
      literal += piece.slice(from, start + ref.length - digits.length);
      literals.push(literal);
      rows.push(row);
      literal = "";
      from = start + ref.length;
    }
    literal += piece.slice(from);
  }
  literals.push(literal);
  return {
    at(d: number): string {
      let out = literals[0];
      for (let i = 0; i < rows.length; i++) out += rows[i] + d + literals[i + 1];
      return out;
    },
  };
}

/** How a formula cell is written: the first cell of a shared range (with `ref`), or one sharing it. */
export interface SharedMark {
  si: number;
  /** The range on the first cell ("N2:N1025"); absent on the cells that share it. */
  ref?: string;
}

/**
 * The shared ranges of one column of consecutive rows: `texts[j]` is row `top + j`'s formula
 * text (without "="), or undefined for a cell without a formula. Runs of two or more cells
 * whose formulas are the first's moved down get marks, numbered from `nextSi()`; the other
 * cells none.
 */
export function markSharedRuns(
  texts: readonly (string | undefined)[],
  top: number,
  columnLetters: string,
  nextSi: () => number,
  marks: (SharedMark | undefined)[],
): void {
  let start = -1;
  let template: DownTemplate | undefined;
  const close = (end: number): void => {
    if (start < 0 || end - start < 1) return;
    const si = nextSi();
    marks[start] = { si, ref: `${columnLetters}${top + start}:${columnLetters}${top + end}` };
    const follower: SharedMark = { si };
    for (let j = start + 1; j <= end; j++) marks[j] = follower;
  };
  for (let j = 0; j < texts.length; j++) {
    const text = texts[j];
    if (text !== undefined && template !== undefined && template.at(j - start) === text) continue;
    close(j - 1);
    template = text === undefined ? undefined : downTemplate(text);
    start = template ? j : -1;
  }
  close(texts.length - 1);
}
