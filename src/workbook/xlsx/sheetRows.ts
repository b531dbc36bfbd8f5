/**
 * A worksheet's `<sheetData>` rows, written straight from the plan's blocks as UTF-8 chunks,
 * in the form ExcelJS's streaming writer gives them (`<row r spans x14ac:dyDescent>`, cells
 * with their style index, text as shared strings, formulas without cached results), except
 * that a formula filled down a column is written once, as Excel writes it, and shared by the
 * cells below (sharedFormulas.ts). Rows are made as the package asks for them, a window of
 * SHARED_WINDOW rows ahead, so a block of a million rows is never held whole. The shared
 * strings table is bounded too (SHARED_STRINGS_LIMIT): text seen once the table is full is
 * written in its cell, as an inline string, so memory does not grow with the sheet.
 */
import { itemReader } from "../../core/computedArray";
import { columnLetter, parseCell, parseRange } from "../address";
import { isFormulaCell, PlanCell, SheetPlan } from "../plan";
import { blockBox } from "../validatePlan";
import { markSharedRuns, SharedMark } from "./sharedFormulas";
import { escapeXstring } from "./xstring";

const CHUNK = 1 << 16;
/**
 * Rows of a block read ahead of the one being written, so that a shared formula's first
 * cell knows the range it covers: a shared range is at most this long, and the rows held
 * at once are this many.
 */
const SHARED_WINDOW = 1024;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { xmlEncode } = require("exceljs/lib/utils/utils") as { xmlEncode(text: string): string };

/**
 * How much the shared strings table holds at most: distinct texts, and their characters. A
 * text first seen once it is full is written in its cell (`t="inlineStr"`, ECMA-376 Part 1,
 * 18.3.1.4), which every reader of the format takes as the same text. Excel, LibreOffice and
 * ExcelJS's writer share every text; a writer whose table grew with the sheet would hold every
 * distinct deal name, id and customer of a million-row export at once (the row-limit test
 * peaked at 637 MB with such a table, 304 MB with this one). The
 * texts that repeat (stages, owners, labels) are seen early, in the first rows of the Deals
 * sheet, and stay shared; the ones seen after the table is full are mostly seen once, and
 * take no more room in their cell than in the table.
 */
export const SHARED_STRINGS_LIMIT = { texts: 1 << 16, chars: 1 << 22 } as const;

/**
 * The package's shared strings: the index of each distinct text, in the order first seen,
 * the texts as they are written (escaped as ST_Xstring, an escape that keeps distinct texts
 * distinct), and whether any text held DEL (see `withRawDelStream`). It holds at most
 * `limit` (see {@link SHARED_STRINGS_LIMIT}).
 */
export class SharedStringTable {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  holdsDel = false;
  private chars = 0;

  constructor(private readonly limit: { texts: number; chars: number } = SHARED_STRINGS_LIMIT) {}

  /**
   * The index of `text` (plan text), added when new; -1 when it is new and the table is
   * full (the cell then holds the text itself: {@link inlineString}).
   */
  add(text: string): number {
    let at = this.index.get(text);
    if (at === undefined) {
      if (this.values.length >= this.limit.texts || this.chars + text.length > this.limit.chars) return -1;
      at = this.values.length;
      this.index.set(text, at);
      this.values.push(escapeXstring(text));
      this.chars += text.length;
      if (!this.holdsDel && text.includes("\u007F")) this.holdsDel = true;
    }
    return at;
  }
}

const SST_HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;

/** A `<t>` element holding XML-ready text, as ExcelJS renders it (`xml:space` when white space would be lost). */
function textElement(xml: string): string {
  const space = /^\s|\n|\s$/.test(xml) ? ` xml:space="preserve"` : "";
  return `<t${space}>${xml}</t>`;
}

/** One shared string as ExcelJS renders it. */
export function sharedStringItem(value: string): string {
  return `<si>${textElement(xmlEncode(value))}</si>`;
}

/**
 * The content of an inline string cell (`<is>...</is>`) holding `text` (plan text): escaped as
 * a shared string is, except that DEL stays a character (LibreOffice does not decode its
 * escape; see `withRawDelStream`). The pieces between DELs are escaped one by one: a raw DEL
 * is no underscore, so no escape look-alike spans one, and the cell reads back as the text.
 *
 * @example
 * inlineString("a & b") // "<is><t>a &amp; b</t></is>"
 */
export function inlineString(text: string): string {
  const value = text.includes("\u007F")
    ? text.split("\u007F").map((piece) => xmlEncode(escapeXstring(piece))).join("\u007F")
    : xmlEncode(escapeXstring(text));
  return `<is>${textElement(value)}</is>`;
}

/** The shared strings part of `strings`, in chunks of about 64 KB. */
export function* sharedStringsXml(strings: SharedStringTable): Generator<Buffer> {
  const values = strings.values;
  let out = `${SST_HEADER} count="${values.length}" uniqueCount="${values.length}">`;
  for (const value of values) {
    out += sharedStringItem(value);
    if (out.length >= CHUNK) {
      yield Buffer.from(out, "utf8");
      out = "";
    }
  }
  yield Buffer.from(`${out}</sst>`, "utf8");
}

/** A block's place and the style index of each of its columns (0: no `s` attribute). */
export interface BlockLayout {
  top: number;
  bottom: number;
  left: number;
  right: number;
  cells: PlanCell[][];
  /** Style index of a number in the column (ExcelJS adds the General format to numbers). */
  numberStyles: number[];
  /** Style index of any other value (text, boolean, formula, empty, merged). */
  otherStyles: number[];
}

/** A block's columns as its cells' XML starts them: `<c r="` + letters, and style attributes. */
interface BlockColumns {
  starts: string[];
  numberAttrs: string[];
  otherAttrs: string[];
}

/**
 * A block's rows, read a window at a time, with the shared formulas each window holds
 * (see sharedFormulas.ts): `marks(r)[i]` says how row r's formula in column i is written.
 */
class WindowedRows {
  private top = 0;
  private rows: PlanCell[][] = [];
  private shared: (SharedMark | undefined)[][] = [];
  private readonly rowAt: (index: number) => PlanCell[];

  /**
   * @param written whether the cell at row, column is written from the plan (not when it is
   *   a merged cell other than the top-left one, written empty whatever the plan holds)
   */
  constructor(
    private readonly block: BlockLayout,
    private readonly letters: string[],
    private readonly nextSi: () => number,
    private readonly written: (row: number, column: number) => boolean,
  ) {
    this.rowAt = itemReader(block.cells);
  }

  cells(r: number): PlanCell[] {
    this.load(r);
    return this.rows[r - this.top];
  }

  marks(r: number): (SharedMark | undefined)[] | undefined {
    this.load(r);
    return this.shared[r - this.top];
  }

  private load(r: number): void {
    if (r >= this.top && r < this.top + this.rows.length) return;
    const b = this.block;
    const end = Math.min(b.bottom, r + SHARED_WINDOW - 1);
    this.top = r;
    this.rows = [];
    for (let at = r; at <= end; at++) this.rows.push(this.rowAt(at - b.top));
    this.shared = this.rows.map(() => []);
    const width = this.rows[0]?.length ?? 0;
    const texts: (string | undefined)[] = new Array(this.rows.length);
    const column: (SharedMark | undefined)[] = new Array(this.rows.length);
    for (let i = 0; i < width; i++) {
      let formulas = 0;
      for (let j = 0; j < this.rows.length; j++) {
        const cell = this.rows[j][i];
        if (cell !== null && typeof cell === "object" && isFormulaCell(cell) && this.written(r + j, b.left + i)) {
          texts[j] = formulaBody(cell.f);
          formulas++;
        } else texts[j] = undefined;
      }
      if (formulas < 2) continue;
      column.fill(undefined);
      markSharedRuns(texts, r, this.letters[i], this.nextSi, column);
      for (let j = 0; j < column.length; j++) if (column[j]) this.shared[j][i] = column[j];
    }
  }
}

/** A formula's text without its "=". */
function formulaBody(f: string): string {
  return f.charCodeAt(0) === 61 ? f.slice(1) : f;
}

const styleAttr = (s: number): string => (s ? ` s="${s}"` : "");

/** What the rows of a sheet need besides its plan: block styles, merged cells, sizes. */
export interface SheetLayout {
  blocks: BlockLayout[];
  /** Style index of a merged cell outside every block. */
  mergedStyle: number;
}

/**
 * Style indexes for the rows, given by `styleId(style, isNumber)` (the workbook's style
 * registry, which must still be open). `styles[b][c]` is the style of block b's column c.
 */
export function sheetLayout<S>(
  sheet: SheetPlan,
  styles: (S | undefined)[][],
  styleId: (style: S | undefined, isNumber: boolean) => number,
): SheetLayout {
  const blocks = sheet.blocks.map((block, b): BlockLayout => {
    const box = blockBox(block);
    return {
      ...box,
      cells: block.cells,
      numberStyles: styles[b].map((s) => styleId(s, true)),
      otherStyles: styles[b].map((s) => styleId(s, false)),
    };
  });
  blocks.sort((x, y) => x.left - y.left || x.top - y.top);
  return { blocks, mergedStyle: styleId(undefined, false) };
}

/** The rows a sheet writes: its blocks, its row heights, its notes and its merged cells. */
function rowIntervals(sheet: SheetPlan): [number, number][] {
  const intervals: [number, number][] = sheet.blocks.map((b) => {
    const box = blockBox(b);
    return [box.top, box.bottom];
  });
  for (const row of Object.keys(sheet.rowHeights ?? {})) intervals.push([Number(row), Number(row)]);
  for (const note of sheet.notes ?? []) {
    const r = parseCell(note.cell).row;
    intervals.push([r, r]);
  }
  for (const merge of sheet.merges ?? []) {
    const box = parseRange(merge);
    intervals.push([box.top, box.bottom]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [top, bottom] of intervals) {
    const last = merged[merged.length - 1];
    if (last && top <= last[1] + 1) last[1] = Math.max(last[1], bottom);
    else merged.push([top, bottom]);
  }
  return merged;
}

/**
 * The rows of `sheet` (what goes between `<sheetData>` and `</sheetData>`), in chunks of
 * about 64 KB, adding texts to `strings` as they come. As ExcelJS did: a row is written when
 * it holds a value or a merged cell or has a height; an empty cell only when it has a style;
 * a merged cell other than the top-left one as an empty cell whatever the plan holds there.
 * Unlike ExcelJS, a cell with a note is always written (ExcelJS left out a note on a row
 * without values).
 */
export function* sheetRowsXml(
  sheet: SheetPlan,
  layout: SheetLayout,
  strings: SharedStringTable,
): Generator<Buffer> {
  const letters: string[] = [""];
  const letter = (c: number): string => (letters[c] ??= columnLetter(c));
  // Merged cells other than the top-left one, by row; and the top-left ones (ExcelJS made
  // those cells, so they count in the row's spans).
  const slaves = new Map<number, Set<number>>();
  const masters = new Map<number, Set<number>>();
  for (const merge of sheet.merges ?? []) {
    const box = parseRange(merge);
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const into = r === box.top && c === box.left ? masters : slaves;
        let set = into.get(r);
        if (!set) into.set(r, (set = new Set()));
        set.add(c);
      }
  }
  const noteColumns = new Map<number, number[]>();
  for (const note of sheet.notes ?? []) {
    const at = parseCell(note.cell);
    noteColumns.set(at.row, [...(noteColumns.get(at.row) ?? []), at.column]);
  }
  const heights = sheet.rowHeights ?? {};

  const columns = new Map<BlockLayout, BlockColumns>(
    layout.blocks.map((b) => [
      b,
      {
        starts: b.numberStyles.map((_, i) => `<c r="${letter(b.left + i)}`),
        numberAttrs: b.numberStyles.map(styleAttr),
        otherAttrs: b.otherStyles.map(styleAttr),
      },
    ]),
  );
  let si = 0;
  const nextSi = (): number => si++;
  const windows = new Map<BlockLayout, WindowedRows>(
    layout.blocks.map((b) => [b, new WindowedRows(b, b.numberStyles.map((_, i) => letter(b.left + i)), nextSi, (row, column) => !slaves.get(row)?.has(column))]),
  );

  let out = "";
  for (const [top, bottom] of rowIntervals(sheet)) {
    const active = layout.blocks.filter((b) => b.bottom >= top && b.top <= bottom);
    for (let r = top; r <= bottom; r++) {
      const rowSlaves = slaves.get(r);
      const rowNotes = noteColumns.get(r);
      let min = 0;
      let max = 0;
      let values = false;
      let cellsXml = "";
      // Cells by column when merged or noted cells have to be placed among the blocks' cells.
      const placed: [number, string][] | undefined = rowSlaves || rowNotes ? [] : undefined;
      for (const b of active) {
        if (r < b.top || r > b.bottom) continue;
        const rows = windows.get(b)!;
        const cells = rows.cells(r);
        const marks = rows.marks(r);
        const { starts, numberAttrs, otherAttrs } = columns.get(b)!;
        if (min === 0 || b.left < min) min = b.left;
        if (b.right > max) max = b.right;
        for (let i = 0; i < cells.length; i++) {
          let xml: string;
          if (rowSlaves?.has(b.left + i)) {
            xml = `${starts[i]}${r}"${otherAttrs[i]}/>`;
            values = true;
          } else {
            const cell = cells[i];
            if (cell === null || cell === undefined) {
              if (!otherAttrs[i]) continue;
              xml = `${starts[i]}${r}"${otherAttrs[i]}/>`;
            } else {
              values = true;
              if (typeof cell === "string") {
                const at = strings.add(cell);
                xml =
                  at >= 0
                    ? `${starts[i]}${r}"${otherAttrs[i]} t="s"><v>${at}</v></c>`
                    : `${starts[i]}${r}"${otherAttrs[i]} t="inlineStr">${inlineString(cell)}</c>`;
              } else if (typeof cell === "number") {
                // A number's text holds no character XML escapes.
                xml = `${starts[i]}${r}"${numberAttrs[i]}><v>${cell}</v></c>`;
              } else if (typeof cell === "boolean") {
                xml = `${starts[i]}${r}"${otherAttrs[i]} t="b"><v>${cell ? 1 : 0}</v></c>`;
              } else if (isFormulaCell(cell)) {
                const mark = marks?.[i];
                if (mark === undefined) {
                  xml = `${starts[i]}${r}"${otherAttrs[i]}><f>${xmlEncode(formulaBody(cell.f))}</f></c>`;
                } else if (mark.ref === undefined) {
                  xml = `${starts[i]}${r}"${otherAttrs[i]}><f t="shared" si="${mark.si}"/></c>`;
                } else {
                  const formula = xmlEncode(formulaBody(cell.f));
                  xml = `${starts[i]}${r}"${otherAttrs[i]}><f t="shared" ref="${mark.ref}" si="${mark.si}">${formula}</f></c>`;
                }
              } else continue;
            }
          }
          if (placed) placed.push([b.left + i, xml]);
          else cellsXml += xml;
        }
      }
      if (placed) {
        for (const column of rowSlaves ?? []) {
          if (
            active.some((b) => r >= b.top && r <= b.bottom && column >= b.left && column <= b.right)
          )
            continue;
          const s = layout.mergedStyle;
          placed.push([
            column,
            s ? `<c r="${letter(column)}${r}" s="${s}"/>` : `<c r="${letter(column)}${r}"/>`,
          ]);
          values = true;
        }
        for (const column of rowSlaves ?? []) {
          if (min === 0 || column < min) min = column;
          if (column > max) max = column;
        }
        // A noted cell is written, empty when the plan has nothing there, so that readers
        // that attach notes to the cells they read (ExcelJS) find it.
        for (const column of rowNotes ?? []) {
          if (placed.some((p) => p[0] === column)) continue;
          placed.push([column, `<c r="${letter(column)}${r}"/>`]);
          values = true;
        }
        placed.sort((a, b) => a[0] - b[0]);
        cellsXml = placed.map((p) => p[1]).join("");
      }
      for (const column of [...(masters.get(r) ?? []), ...(rowNotes ?? [])]) {
        if (min === 0 || column < min) min = column;
        if (column > max) max = column;
      }
      const height = heights[r];
      if (!values && !height) continue;
      out +=
        `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ""}` +
        `${min > 0 && max > 0 ? ` spans="${min}:${max}"` : ""} x14ac:dyDescent="0.25"` +
        (cellsXml ? `>${cellsXml}</row>` : "/>");
      if (out.length >= CHUNK) {
        yield Buffer.from(out, "utf8");
        out = "";
      }
    }
  }
  if (out.length > 0) yield Buffer.from(out, "utf8");
}
