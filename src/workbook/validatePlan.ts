/**
 * Checks a plan before any writer touches a workbook, and the naming rules preparation
 * (prepare.ts) applies: legal and unique sheet names, unique table names, well-formed
 * reference tokens, and keeping data text as text.
 *
 * Problems are returned as values (`PlanProblem[]`); an empty list means the plan can be written.
 */
import { itemReader } from "../core/computedArray";
import { boxesOverlap, columnNumber, parseCell, parseRange, RangeBox, splitSheetRef } from "./address";
import {
  Block,
  isFormulaCell,
  PlanCell,
  REF_TOKEN_CHARACTERS,
  SHEET_REF_CLOSE,
  SHEET_REF_OPEN,
  SheetPlan,
  TABLE_REF_CLOSE,
  TABLE_REF_OPEN,
  WorkbookPlan,
} from "./plan";

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const EXCEL_MAX_ROWS = 1048576;
export const EXCEL_MAX_COLUMNS = 16384;
/** Excel's specifications and limits: characters a cell can hold, and the length of a formula. */
export const EXCEL_MAX_CELL_TEXT = 32767;
export const EXCEL_MAX_FORMULA_LENGTH = 8192;
export const SHEET_NAME_MAX_LENGTH = 31;
/** Excel reserves this sheet name (case-insensitive). */
export const RESERVED_SHEET_NAME = "History";

export interface PlanProblem {
  /** Planned sheet name, when the problem belongs to one sheet. */
  sheet?: string;
  /** What is wrong where, e.g. "blocks[2]" or "tables[0] Funnel". */
  where: string;
  message: string;
}

/**
 * Makes a wanted sheet name legal for Excel.
 *
 * Rules: each of `[ ] : * ? / \` becomes a space, control characters are dropped,
 * surrounding spaces and apostrophes are trimmed (Excel refuses a name that starts or ends
 * with an apostrophe), and the result is cut to 31 characters. It may come back blank or
 * "History": `validatePlan` reports those.
 *
 * @example sanitizeSheetName("Q1/Q2: Funnel") // "Q1 Q2  Funnel"
 */
export function sanitizeSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/^[\s']+|[\s']+$/g, "");
  return Array.from(cleaned)
    .slice(0, SHEET_NAME_MAX_LENGTH)
    .join("")
    .replace(/[\s']+$/g, "");
}

/**
 * A legal sheet name that none of `existingNames` has (compared case-insensitively).
 *
 * Rules: the wanted name is sanitised first; if it is taken, " (2)", " (3)"... is appended,
 * cutting the base so the whole stays within 31 characters.
 *
 * @example uniqueSheetName("Funnel", ["funnel", "Funnel (2)"]) // "Funnel (3)"
 */
export function uniqueSheetName(wanted: string, existingNames: Iterable<string>): string {
  const taken = new Set(Array.from(existingNames, (n) => n.toLowerCase()));
  const base = sanitizeSheetName(wanted) || "Sheet";
  if (!taken.has(base.toLowerCase()) && base.toLowerCase() !== RESERVED_SHEET_NAME.toLowerCase())
    return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const head = Array.from(base)
      .slice(0, SHEET_NAME_MAX_LENGTH - suffix.length)
      .join("")
      .replace(/\s+$/, "");
    const candidate = `${head}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

const TABLE_OR_NAME_PATTERN = /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/;
const LOOKS_LIKE_CELL = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

/** True when `name` is acceptable as an Excel table or defined name. */
export function isLegalTableOrDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (REF_TOKEN_CHARACTERS.test(name)) return false;
  if (!TABLE_OR_NAME_PATTERN.test(name)) return false;
  if (LOOKS_LIKE_CELL.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) {
    const letters = /^[A-Za-z]+/.exec(name)![0];
    if (columnNumber(letters) <= EXCEL_MAX_COLUMNS) return false;
  }
  return true;
}

/**
 * A table name that none of `existingNames` has (case-insensitive; tables and defined names
 * share one namespace in Excel).
 *
 * Rules: digits are appended to the wanted name, starting at 2.
 *
 * @example uniqueTableName("Funnel", ["Funnel"]) // "Funnel2"
 */
export function uniqueTableName(wanted: string, existingNames: Iterable<string>): string {
  const taken = new Set(Array.from(existingNames, (n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * True when a data string would not stay text if typed into a cell: it starts with
 * `=`, `+`, `-`, `@`, a tab or CR (formula injection), or with an apostrophe (which Excel
 * would swallow).
 */
export function needsTextProtection(text: string): boolean {
  return /^[=+\-@\t\r']/.test(text);
}

/**
 * The form of a data string for `range.formulas`: a leading apostrophe keeps it text.
 *
 * Rules: every non-empty string is prefixed, not only risky ones, because Excel also turns
 * "00123", "1e5", "TRUE" or "Jan-24" into numbers, booleans or dates; the apostrophe is not
 * part of the cell's value. The empty string stays empty.
 *
 * @example textForFormulas("=HYPERLINK(...)") // "'=HYPERLINK(...)"
 */
export function textForFormulas(text: string): string {
  return text === "" ? "" : `'${text}`;
}

/**
 * Why the reference tokens of a formula text (`sheetRef`, `tableRef` in plan.ts) could not be
 * resolved, or undefined when they can: every token must be complete, and the token
 * characters U+E000 to U+E003 must not appear anywhere else (not in a "text" literal, not in
 * a quoted 'sheet name').
 *
 * @example referenceTokenProblem('="\uE000"') // "holds a reference-token character inside a text literal"
 */
export function referenceTokenProblem(text: string): string | undefined {
  if (!REF_TOKEN_CHARACTERS.test(text)) return undefined;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === SHEET_REF_OPEN || c === TABLE_REF_OPEN) {
      const close = c === SHEET_REF_OPEN ? SHEET_REF_CLOSE : TABLE_REF_CLOSE;
      let j = i + 1;
      while (j < text.length && !REF_TOKEN_CHARACTERS.test(text[j])) j += 1;
      if (text[j] !== close) return "holds an unfinished reference token";
      if (c === SHEET_REF_OPEN && text[j + 1] !== "!") return 'holds a sheet token without "!"';
      i = j + 1;
    } else if (c === SHEET_REF_CLOSE || c === TABLE_REF_CLOSE) {
      return "holds a reference-token character outside a token";
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === c) {
          if (text[j + 1] !== c) break;
          j += 2;
        } else if (REF_TOKEN_CHARACTERS.test(text[j])) {
          return `holds a reference-token character inside a ${c === '"' ? "text literal" : "quoted sheet name"}`;
        } else j += 1;
      }
      i = j + 1;
    } else i += 1;
  }
  return undefined;
}

/** Most pages Excel fits a printed sheet to, across or down. */
export const MAX_FIT_PAGES = 32767;

/** The box a block covers. */
export function blockBox(block: Block): RangeBox {
  const at = parseCell(block.at);
  const columns = block.cells[0]?.length ?? 0;
  return {
    top: at.row,
    left: at.column,
    bottom: at.row + block.cells.length - 1,
    right: at.column + columns - 1,
  };
}

function insideGrid(box: RangeBox): boolean {
  return (
    box.top >= 1 && box.left >= 1 && box.bottom <= EXCEL_MAX_ROWS && box.right <= EXCEL_MAX_COLUMNS
  );
}

/** The planned content of one cell of a sheet (undefined when no block covers it). */
export function plannedCell(sheet: SheetPlan, row: number, column: number): PlanCell | undefined {
  for (const block of sheet.blocks) {
    const box = blockBox(block);
    if (row >= box.top && row <= box.bottom && column >= box.left && column <= box.right) {
      return block.cells[row - box.top][column - box.left];
    }
  }
  return undefined;
}

/** What a sheet's role or an input's id may hold (they become parts of defined names; see inputs.ts). */
export const MARKER_PART = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function tryBox(address: string): RangeBox | undefined {
  try {
    const box = parseRange(address);
    return insideGrid(box) ? box : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a plan: legal, distinct sheet names; rectangular blocks inside Excel's grid that do
 * not overlap; valid addresses everywhere; unique, legal table names whose header cells are
 * non-empty, distinct text; chart, list and name references to sheets of the plan (a
 * `sheetRef` token may also name a sheet outside the plan: `preparePlan` checks that one
 * against the workbook); reference tokens complete and their characters nowhere else; sane sizes.
 *
 * @returns every problem found (empty when the plan can be written).
 * @example validatePlan({ sheets: [{ name: "History", blocks: [] }] })
 * // [{ sheet: "History", where: "name", message: 'Excel reserves the sheet name "History"...' }]
 */
export function validatePlan(plan: WorkbookPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const report = (sheet: string | undefined, where: string, message: string): void => {
    problems.push({ ...(sheet !== undefined ? { sheet } : {}), where, message });
  };
  if (plan.sheets.length === 0) report(undefined, "sheets", "The plan has no sheets.");

  const sheetNames = new Map<string, string>();
  for (const sheet of plan.sheets) {
    const clean = sanitizeSheetName(sheet.name);
    if (clean === "")
      report(
        sheet.name,
        "name",
        "The sheet name is blank once characters Excel forbids are removed.",
      );
    else if (clean.toLowerCase() === RESERVED_SHEET_NAME.toLowerCase())
      report(
        sheet.name,
        "name",
        `Excel reserves the sheet name "${RESERVED_SHEET_NAME}"; choose another name.`,
      );
    if (REF_TOKEN_CHARACTERS.test(sheet.name))
      report(
        sheet.name,
        "name",
        "The sheet name holds a private-use character (U+E000 to U+E003) reserved for references.",
      );
    const key = sheet.name.toLowerCase();
    if (sheetNames.has(key))
      report(sheet.name, "name", `Two sheets of the plan are named "${sheet.name}".`);
    sheetNames.set(key, sheet.name);
  }
  const knownSheet = (ref: string): boolean => {
    const text = ref.replace(/^=/, "");
    const { sheet } = splitSheetRef(text);
    // A token naming a sheet outside the plan refers to one already in the workbook.
    return (
      sheet === undefined || sheetNames.has(sheet.toLowerCase()) || text.startsWith(SHEET_REF_OPEN)
    );
  };
  const checkTokens = (sheet: string | undefined, where: string, text: string): void => {
    const problem = referenceTokenProblem(text);
    if (problem !== undefined) report(sheet, where, `"${text}" ${problem}.`);
  };
  const checkRef = (sheet: string, where: string, ref: string): void => {
    const { sheet: other, address } = splitSheetRef(ref.replace(/^=/, ""));
    checkTokens(sheet, where, ref);
    if (!tryBox(address.replace(/\$/g, "")))
      report(sheet, where, `"${ref}" is not a range inside Excel's grid.`);
    else if (other !== undefined && !knownSheet(ref))
      report(sheet, where, `"${ref}" refers to a sheet that is not in the plan.`);
  };

  const tableNames = new Map<string, string>();
  const roles = new Set<string>();
  for (const sheet of plan.sheets) {
    const s = sheet.name;
    const boxes: RangeBox[] = [];
    sheet.blocks.forEach((block, i) => {
      const where = `blocks[${i}]`;
      let at;
      try {
        at = parseCell(block.at);
      } catch {
        report(s, where, `"${block.at}" is not a cell address.`);
        return;
      }
      const width = block.cells[0]?.length ?? 0;
      if (block.cells.length === 0 || width === 0) {
        report(s, where, "The block has no cells.");
        return;
      }
      const box = {
        top: at.row,
        left: at.column,
        bottom: at.row + block.cells.length - 1,
        right: at.column + width - 1,
      };
      if (!insideGrid(box)) {
        report(
          s,
          where,
          `The block passes Excel's limits of ${EXCEL_MAX_ROWS} rows and ${EXCEL_MAX_COLUMNS} columns.`,
        );
        return;
      }
      if (boxes.some((other) => boxesOverlap(other, box)))
        report(s, where, "The block overlaps another block.");
      boxes.push(box);
      if (Array.isArray(block.numberFormat) && block.numberFormat.length !== width)
        report(
          s,
          where,
          `numberFormat lists ${block.numberFormat.length} columns; the block has ${width}.`,
        );
      // One read of each row (a block of computed rows makes a row at each read).
      const rowAt = itemReader(block.cells);
      for (let r = 0; r < block.cells.length; r++) {
        const row = rowAt(r);
        if (row.length !== width) {
          report(s, where, `The block is not rectangular. Row ${r + 1} has ${row.length} cells; every row needs ${width}.`);
          return;
        }
        for (let c = 0; c < width; c++) {
          const cell = row[c];
          if (typeof cell === "number" && !Number.isFinite(cell))
            report(s, where, `Cell ${r + 1},${c + 1} is not a finite number.`);
          else if (isFormulaCell(cell)) {
            if (!cell.f.startsWith("="))
              report(s, where, `Formula "${cell.f}" does not start with "=".`);
            checkTokens(s, where, cell.f);
            if (cell.f.length > EXCEL_MAX_FORMULA_LENGTH)
              report(s, where, `Cell ${r + 1},${c + 1}: a formula of ${cell.f.length} characters passes Excel's ${EXCEL_MAX_FORMULA_LENGTH}.`);
          } else if (typeof cell === "string" && cell.length > EXCEL_MAX_CELL_TEXT)
            report(s, where, `Cell ${r + 1},${c + 1}: ${cell.length} characters of text pass Excel's ${EXCEL_MAX_CELL_TEXT} per cell (cut it before planning).`);
        }
      }
    });

    for (const merge of sheet.merges ?? [])
      if (!tryBox(merge)) report(s, "merges", `"${merge}" is not a range.`);
    for (const letters of Object.keys(sheet.columnWidths ?? {})) {
      if (!/^[A-Za-z]{1,3}$/.test(letters) || columnNumber(letters) > EXCEL_MAX_COLUMNS)
        report(s, "columnWidths", `"${letters}" is not a column.`);
    }
    for (const row of Object.keys(sheet.rowHeights ?? {})) {
      const n = Number(row);
      if (!Number.isInteger(n) || n < 1 || n > EXCEL_MAX_ROWS)
        report(s, "rowHeights", `"${row}" is not a row number.`);
    }
    if (sheet.freeze) {
      const { rows, columns } = sheet.freeze;
      if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 0 || columns < 0)
        report(s, "freeze", "Frozen rows and columns must be whole numbers from 0.");
    }
    if (sheet.print) {
      const { fitToPagesWide, fitToPagesTall, titleRows, area } = sheet.print;
      const pages = (n: number | null | undefined): boolean =>
        n === undefined || n === null || (Number.isInteger(n) && n >= 0 && n <= MAX_FIT_PAGES);
      if (!pages(fitToPagesWide) || !pages(fitToPagesTall))
        report(s, "print", `Pages to fit to must be whole numbers from 0 to ${MAX_FIT_PAGES}.`);
      if (
        titleRows &&
        !(
          Number.isInteger(titleRows.first) &&
          Number.isInteger(titleRows.last) &&
          titleRows.first >= 1 &&
          titleRows.first <= titleRows.last &&
          titleRows.last <= EXCEL_MAX_ROWS
        )
      )
        report(s, "print", `Title rows ${titleRows.first}-${titleRows.last} are not rows of the sheet.`);
      if (area !== undefined && (area.includes("!") || !tryBox(area)))
        report(s, "print", `"${area}" is not a range of the sheet to print.`);
    }

    const tableBoxes: RangeBox[] = [];
    (sheet.tables ?? []).forEach((table, i) => {
      const where = `tables[${i}] ${table.name}`;
      if (!isLegalTableOrDefinedName(table.name))
        report(
          s,
          where,
          `"${table.name}" is not a legal table name (letters, digits, _ and ., not like a cell address).`,
        );
      const key = table.name.toLowerCase();
      if (tableNames.has(key))
        report(s, where, `Two tables of the plan are named "${table.name}".`);
      tableNames.set(key, table.name);
      const box = tryBox(table.range);
      if (!box) {
        report(s, where, `"${table.range}" is not a range.`);
        return;
      }
      if (tableBoxes.some((other) => boxesOverlap(other, box)))
        report(s, where, "The table overlaps another table.");
      tableBoxes.push(box);
      const headers = new Set<string>();
      for (let c = box.left; c <= box.right; c++) {
        const header = plannedCell(sheet, box.top, c);
        if (typeof header !== "string" || header.trim() === "") {
          report(s, where, `Header cell in column ${c} must be non-empty text.`);
          continue;
        }
        if (headers.has(header.toLowerCase()))
          report(s, where, `Header "${header}" appears twice.`);
        headers.add(header.toLowerCase());
      }
    });

    (sheet.conditionalFormats ?? []).forEach((cf, i) => {
      const where = `conditionalFormats[${i}]`;
      if (!tryBox(cf.range)) report(s, where, `"${cf.range}" is not a range.`);
      if (cf.type === "cellValue") {
        checkTokens(s, where, cf.formula1);
        if (cf.formula2 !== undefined) checkTokens(s, where, cf.formula2);
      } else if (cf.type === "formula") checkTokens(s, where, cf.formula);
    });
    (sheet.charts ?? []).forEach((chart, i) => {
      const where = `charts[${i}] ${chart.title}`;
      checkRef(s, where, chart.categories);
      if (chart.series.length === 0) report(s, where, "The chart has no series.");
      chart.series.forEach((series) => checkRef(s, where, series.values));
      if (!tryBox(chart.anchor)) report(s, where, `"${chart.anchor}" is not a cell.`);
      if (!(chart.width > 0 && chart.height > 0))
        report(s, where, "Width and height must be positive.");
    });
    (sheet.validations ?? []).forEach((v, i) => {
      const where = `validations[${i}]`;
      if (!tryBox(v.range)) report(s, where, `"${v.range}" is not a range.`);
      if (v.type === "list") {
        if (Array.isArray(v.source) ? v.source.length === 0 : v.source.trim() === "")
          report(s, where, "The list has no choices.");
        if (typeof v.source === "string") checkTokens(s, where, v.source);
        if (typeof v.source === "string" && !knownSheet(v.source))
          report(s, where, `"${v.source}" refers to a sheet that is not in the plan.`);
      }
    });
    (sheet.notes ?? []).forEach((note, i) => {
      try {
        parseCell(note.cell);
      } catch {
        report(s, `notes[${i}]`, `"${note.cell}" is not a cell.`);
      }
    });
    if (sheet.role !== undefined) {
      if (!MARKER_PART.test(sheet.role)) report(s, "role", `"${sheet.role}" must be letters, digits and "_", starting with a letter.`);
      const key = sheet.role.toLowerCase();
      if (roles.has(key)) report(s, "role", `Two sheets of the plan have the role "${sheet.role}".`);
      roles.add(key);
    }
    if (sheet.generatedRange !== undefined && !tryBox(sheet.generatedRange))
      report(s, "generatedRange", `"${sheet.generatedRange}" is not a range.`);
    const inputIds = new Set<string>();
    (sheet.inputs ?? []).forEach((input, i) => {
      const where = `inputs[${i}] ${input.id}`;
      if (!MARKER_PART.test(input.id)) report(s, where, `"${input.id}" must be letters, digits and "_", starting with a letter.`);
      if (inputIds.has(input.id.toLowerCase())) report(s, where, `Two inputs of the sheet have the id "${input.id}".`);
      inputIds.add(input.id.toLowerCase());
      const box = tryBox(input.range);
      if (!box) return report(s, where, `"${input.range}" is not a range.`);
      const rows = box.bottom - box.top + 1;
      if (Array.isArray(input.keys)) {
        if (input.keys.length !== rows) report(s, where, `${input.keys.length} keys for ${rows} rows.`);
        return;
      }
      const keys = tryBox(input.keys);
      if (!keys || keys.top !== box.top || keys.bottom !== box.bottom)
        report(s, where, `The keys "${input.keys}" must be over the rows of "${input.range}".`);
    });
  }

  const definedNames = new Set<string>();
  (plan.names ?? []).forEach((n, i) => {
    const where = `names[${i}] ${n.name}`;
    if (!isLegalTableOrDefinedName(n.name))
      report(undefined, where, `"${n.name}" is not a legal defined name.`);
    const key = n.name.toLowerCase();
    if (definedNames.has(key) || tableNames.has(key))
      report(undefined, where, `"${n.name}" is used twice (names and tables share one namespace).`);
    definedNames.add(key);
    checkTokens(undefined, where, n.refersTo);
    if (!n.refersTo.startsWith("="))
      report(undefined, where, `refersTo "${n.refersTo}" must start with "=".`);
    else if (!knownSheet(n.refersTo))
      report(undefined, where, `"${n.refersTo}" refers to a sheet that is not in the plan.`);
  });
  if (plan.activeSheet !== undefined && !sheetNames.has(plan.activeSheet.toLowerCase()))
    report(undefined, "activeSheet", `"${plan.activeSheet}" is not a sheet of the plan.`);
  return problems;
}
