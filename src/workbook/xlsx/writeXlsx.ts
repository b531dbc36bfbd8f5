/**
 * Writes a plan to an .xlsx package (Node) in one streaming pass over the cells. ExcelJS's
 * streaming writer first writes the package without any cell (styles, number formats,
 * merges, sizes, freeze panes, conditional formats, data validation, notes, page setup) into
 * a small stored temporary package; the style index of every block column is taken from its
 * style registry before it is closed. The output is then written part by part: the
 * temporary package's parts, each worksheet with its rows made from the plan's blocks as the
 * zip asks for them (sheetRows.ts) between ExcelJS's head and tail, the shared strings those
 * rows used, and what ExcelJS cannot write the way the plan needs it: tables (with a totals
 * row), defined names, and DrawingML charts. Small parts (workbook, relationships, content
 * types, a worksheet's head and tail) are edited as text; every part is compressed as it
 * streams (zipReader.ts, zipWriter.ts).
 *
 * Formulas are written without cached results, so Excel and LibreOffice compute them on
 * opening. Rows are made in order and no worksheet is held whole, so memory stays bounded
 * (the plan, the distinct texts, a few MB of buffers) for blocks up to Excel's 1,048,576 rows.
 */
import { createReadStream, promises as fs } from "fs";
import { Readable } from "stream";
import * as os from "os";
import * as path from "path";
import type ExcelJS from "exceljs";
import { cellAddress, parseCell, parseRange, rangeAddress } from "../address";
import {
  Block,
  CellStyle,
  ConditionalFormatPlan,
  isFormulaCell,
  quotedSheetRef,
  SheetPlan,
  ValidationPlan,
  WorkbookPlan,
} from "../plan";
import { dateFromSerial } from "../../core/dates";
import { preparePlan } from "../prepare";
import { WorkbookWriteError } from "../errors";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, PlanProblem, plannedCell } from "../validatePlan";
import { chartPartXml, drawingPartXml, escapeXml, unescapeXml } from "./chartXml";
import { withRawDelStream } from "./partStreams";
import {
  SharedStringTable,
  sharedStringsXml,
  SheetLayout,
  sheetLayout,
  sheetRowsXml,
} from "./sheetRows";
import { escapeXstring, escapeXstringForAttribute } from "./xstring";
import { openZip, ZipReader } from "./zipReader";
import { writeZipFile, ZipEntry, ZIP_SIZE_LIMIT } from "./zipWriter";

/** How the .xlsx writer reports on a long write. */
export interface WriteXlsxOptions {
  /**
   * Called as worksheet rows are written, with the bytes of row XML made so far (all sheets):
   * a caller can show progress, or free memory between stretches of a large sheet.
   */
  onRowBytes?(bytes: number): void;
  /**
   * How much the shared strings table holds (default `SHARED_STRINGS_LIMIT`, sheetRows.ts): a text
   * first seen once it is full is written in its cell as an inline string.
   */
  sharedStrings?: { texts: number; chars: number };
}

export interface WriteXlsxResult {
  /** Actual sheet names, in plan order (sanitised for Excel). */
  sheets: string[];
}

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

function cellStyle(style: CellStyle | undefined): Partial<ExcelJS.Style> {
  if (!style) return {};
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (Object.keys(font).length > 0) out.font = font;
  if (style.fill !== undefined)
    out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.horizontalAlignment !== undefined) alignment.horizontal = style.horizontalAlignment;
  if (style.verticalAlignment !== undefined)
    alignment.vertical = style.verticalAlignment === "center" ? "middle" : style.verticalAlignment;
  if (style.wrap !== undefined) alignment.wrapText = style.wrap;
  if (style.indent !== undefined) alignment.indent = style.indent;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  if (style.border !== undefined) {
    const side = { style: style.border } as ExcelJS.Border;
    out.border = { top: side, bottom: side, left: side, right: side };
  }
  return out;
}

const OPERATORS: Record<string, ExcelJS.CellIsOperators> = {
  between: "between",
  notBetween: "notBetween" as ExcelJS.CellIsOperators,
  equal: "equal",
  notEqual: "notEqual" as ExcelJS.CellIsOperators,
  greaterThan: "greaterThan",
  lessThan: "lessThan",
  greaterThanOrEqual: "greaterThanOrEqual" as ExcelJS.CellIsOperators,
  lessThanOrEqual: "lessThanOrEqual" as ExcelJS.CellIsOperators,
};

function differentialStyle(style: {
  fontColor?: string;
  fill?: string;
  bold?: boolean;
}): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.fontColor !== undefined || style.bold !== undefined) {
    out.font = {
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.fontColor !== undefined ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill !== undefined)
    out.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } };
  return out;
}

function conditionalFormat(
  cf: ConditionalFormatPlan,
  priority: number,
): ExcelJS.ConditionalFormattingRule {
  switch (cf.type) {
    case "cellValue":
      return {
        type: "cellIs",
        priority,
        operator: OPERATORS[cf.operator],
        formulae: [
          cf.formula1.replace(/^=/, ""),
          ...(cf.formula2 !== undefined ? [cf.formula2.replace(/^=/, "")] : []),
        ],
        style: differentialStyle(cf.style),
      } as ExcelJS.ConditionalFormattingRule;
    case "formula":
      return {
        type: "expression",
        priority,
        formulae: [cf.formula.replace(/^=/, "")],
        style: differentialStyle(cf.style),
      };
    case "dataBar":
      return {
        type: "dataBar",
        priority,
        cfvo: [{ type: "min" }, { type: "max" }],
        color: { argb: argb(cf.color) },
        gradient: true,
      } as unknown as ExcelJS.ConditionalFormattingRule;
    case "colorScale":
      return {
        type: "colorScale",
        priority,
        cfvo:
          cf.colors.length === 2
            ? [{ type: "min" }, { type: "max" }]
            : [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
        color: cf.colors.map((c) => ({ argb: argb(c) })),
      } as ExcelJS.ConditionalFormattingRule;
    case "iconSet":
      return {
        type: "iconSet",
        priority,
        iconSet: cf.icons === "3TrafficLights" ? "3TrafficLights1" : cf.icons,
        reverse: cf.reverse ?? false,
        showValue: true,
        cfvo: [
          { type: "percent", value: 0 },
          { type: "num", value: cf.thresholds[0] },
          { type: "num", value: cf.thresholds[1] },
        ],
      } as unknown as ExcelJS.ConditionalFormattingRule;
  }
}

function dataValidation(v: ValidationPlan): ExcelJS.DataValidation {
  const prompt = v.prompt ? { showInputMessage: true, prompt: v.prompt } : {};
  if (v.type === "list") {
    const formula = Array.isArray(v.source)
      ? `"${v.source.join(",").replace(/"/g, '""')}"`
      : v.source.replace(/^=/, "");
    return {
      type: "list",
      allowBlank: v.allowBlank ?? true,
      formulae: [formula],
      showErrorMessage: true,
      ...prompt,
    };
  }
  const type = v.type === "whole" ? "whole" : v.type === "decimal" ? "decimal" : "date";
  // ExcelJS writes a date bound from a Date (a bare number would be read as milliseconds).
  const bound = (n: number): number | Date => (type === "date" ? dateFromSerial(n) : n);
  const bounds =
    v.min !== undefined && v.max !== undefined
      ? { operator: "between" as const, formulae: [bound(v.min), bound(v.max)] }
      : v.min !== undefined
        ? { operator: "greaterThanOrEqual" as const, formulae: [bound(v.min)] }
        : v.max !== undefined
          ? { operator: "lessThanOrEqual" as const, formulae: [bound(v.max)] }
          : { operator: "between" as const, formulae: [-1e307, 1e307] };
  return {
    type,
    allowBlank: v.allowBlank ?? true,
    showErrorMessage: true,
    ...bounds,
    ...prompt,
  } as ExcelJS.DataValidation;
}

/**
 * The sheet's page setup as ExcelJS's streaming writer takes it: it writes `fitToPage` as
 * `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` at the top of the worksheet and the rest
 * as `<pageSetup>` after `<pageMargins>`, where the schema puts them. Print titles and the
 * print area are defined names (`printDefinedNames`), not passed to ExcelJS, which would
 * write them half absolute and with the sheet name unescaped.
 */
function pageSetup(sheet: SheetPlan): Partial<ExcelJS.PageSetup> {
  const print = sheet.print ?? {};
  const fit = print.fitToPagesWide !== undefined || print.fitToPagesTall !== undefined;
  return {
    orientation: print.orientation ?? "portrait",
    fitToPage: fit,
    ...(fit
      ? { fitToWidth: print.fitToPagesWide ?? 0, fitToHeight: print.fitToPagesTall ?? 0 }
      : {}),
  };
}

/**
 * `_xlnm.Print_Titles` (`'Deals'!$1:$1`) and `_xlnm.Print_Area` (`'Deals'!$A$1:$P$13`) of
 * each sheet, scoped to it by `localSheetId` (its 0-based position in the workbook).
 */
function printDefinedNames(plan: WorkbookPlan): string[] {
  const names: string[] = [];
  plan.sheets.forEach((sheet, index) => {
    const titles = sheet.print?.titleRows;
    if (titles)
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(quotedSheetRef(sheet.name, `$${titles.first}:$${titles.last}`))}</definedName>`,
      );
    const area = sheet.print?.area;
    if (area !== undefined)
      names.push(
        `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(quotedSheetRef(sheet.name, rangeAddress(parseRange(area), true)))}</definedName>`,
      );
  });
  return names;
}

/** True when a note of the plan holds DEL (U+007F). */
function notesHoldDel(plan: WorkbookPlan): boolean {
  return plan.sheets.some((sheet) => (sheet.notes ?? []).some((n) => n.text.includes("\u007F")));
}

/** True when a block of the plan holds text (the package then has a shared strings part). */
function blocksHoldText(plan: WorkbookPlan): boolean {
  return plan.sheets.some((sheet) =>
    sheet.blocks.some((b) => b.cells.some((row) => row.some((cell) => typeof cell === "string"))),
  );
}

/**
 * Text parts where DEL goes back in as a raw character (`withRawDelStream`). It is legal in
 * XML, but ExcelJS's encoder drops it, so text is escaped with DEL as `_x007F_` (as a shared
 * string or a note), and LibreOffice does not decode that escape.
 */
const COMMENTS_PART = /^xl\/comments\d*\.xml$/;
const SHARED_STRINGS = "xl/sharedStrings.xml";

const count = (n: number): string => n.toLocaleString("en-US");

/**
 * Refuses, before anything is written, a sheet whose blocks reach past Excel's grid: it says
 * how many rows (or columns) the sheet would need. `preparePlan` refuses these too; this
 * check comes first so the message carries the count.
 */
function checkSheetExtents(plan: WorkbookPlan): void {
  const problems: PlanProblem[] = [];
  for (const sheet of plan.sheets) {
    let rows = 0;
    let columns = 0;
    for (const block of sheet.blocks ?? []) {
      let at;
      try {
        at = parseCell(block.at);
      } catch {
        continue; // validatePlan reports the address
      }
      rows = Math.max(rows, at.row + (block.cells?.length ?? 0) - 1);
      columns = Math.max(columns, at.column + (block.cells?.[0]?.length ?? 0) - 1);
    }
    if (rows > EXCEL_MAX_ROWS)
      problems.push({
        sheet: sheet.name,
        where: "blocks",
        message: `The sheet needs ${count(rows)} rows; an .xlsx sheet holds at most ${count(EXCEL_MAX_ROWS)}.`,
      });
    if (columns > EXCEL_MAX_COLUMNS)
      problems.push({
        sheet: sheet.name,
        where: "blocks",
        message: `The sheet needs ${count(columns)} columns; an .xlsx sheet holds at most ${count(EXCEL_MAX_COLUMNS)}.`,
      });
  }
  if (problems.length > 0)
    throw new WorkbookWriteError(
      "INVALID_PLAN",
      problems.map((p) => `Sheet "${p.sheet}": ${p.message}`).join(" "),
      { problems },
    );
}

/** ExcelJS's streaming worksheet, with the members the cell-less pass uses. */
interface WorksheetInternals {
  startedData: boolean;
  hasComments: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _sheetCommentsWriter: { addComments(comments: object[]): void };
}

// ExcelJS's streaming writer and note model from their own modules: `exceljs` itself loads
// its reader and in-memory workbook too, which added 0.13 s and 8 MB to every build's start.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WorkbookWriter = require("exceljs/lib/stream/xlsx/workbook-writer") as typeof ExcelJS.stream.xlsx.WorkbookWriter;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Note = require("exceljs/lib/doc/note") as new (text: string) => { model: object };
/** ExcelJS's cell value types, as its style registry takes them. */
const VALUE_TYPE_NULL = 0;
const VALUE_TYPE_NUMBER = 2;

/**
 * Writes the package without cells into `file` (stored, not deflated: it is small, and read
 * back once) and returns, per sheet, the style indexes its rows use.
 */
async function streamSheets(plan: WorkbookPlan, file: string): Promise<Map<string, SheetLayout>> {
  const workbook = new WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
    zip: { store: true } as unknown as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions["zip"],
  });
  const styles = (
    workbook as unknown as {
      styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType: number): number };
    }
  ).styles;
  // A copy each time: the registry remembers a style object it has seen with its first index.
  const styleId = (style: Partial<ExcelJS.Style> | undefined, isNumber: boolean): number =>
    styles.addStyleModel({ ...(style ?? {}) }, isNumber ? VALUE_TYPE_NUMBER : VALUE_TYPE_NULL) || 0;
  const layouts = new Map<string, SheetLayout>();
  const activeIndex = Math.max(
    0,
    plan.sheets.findIndex((s) => s.name === plan.activeSheet),
  );
  (workbook as unknown as { views: unknown[] }).views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: activeIndex,
      visibility: "visible",
    },
  ];
  for (const [sheetIndex, sheet] of plan.sheets.entries()) {
    const freeze =
      sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)
        ? sheet.freeze
        : undefined;
    const worksheet = workbook.addWorksheet(sheet.name, {
      ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
      pageSetup: pageSetup(sheet),
      views: [
        {
          ...(freeze
            ? {
                state: "frozen",
                xSplit: freeze.columns,
                ySplit: freeze.rows,
                topLeftCell: cellAddress(freeze.rows + 1, freeze.columns + 1),
              }
            : { state: "normal" }),
          tabSelected: sheetIndex === activeIndex,
        } as unknown as ExcelJS.WorksheetView,
      ],
    });
    for (const [letters, width] of Object.entries(sheet.columnWidths ?? {}))
      worksheet.getColumn(letters).width = width;
    for (const merge of sheet.merges ?? []) worksheet.mergeCells(merge);
    let priority = 1;
    for (const cf of sheet.conditionalFormats ?? []) {
      worksheet.addConditionalFormatting({
        ref: cf.range,
        rules: [conditionalFormat(cf, priority++)],
      });
    }
    const validations = (
      worksheet as unknown as {
        dataValidations: { add(address: string, v: ExcelJS.DataValidation): void };
      }
    ).dataValidations;
    for (const v of sheet.validations ?? []) validations.add(v.range, dataValidation(v));

    // One style per block column, as ExcelJS would give its cells.
    const blockStyles = sheet.blocks.map((block: Block) => {
      const base = cellStyle(block.style);
      const formats =
        typeof block.numberFormat === "string"
          ? block.cells[0].map(() => block.numberFormat as string)
          : block.numberFormat;
      return block.cells[0].map((_, c) => {
        const numFmt = formats?.[c] ?? undefined;
        const style: Partial<ExcelJS.Style> = { ...base, ...(numFmt ? { numFmt } : {}) };
        return Object.keys(style).length > 0 ? style : undefined;
      });
    });
    layouts.set(sheet.name, sheetLayout(sheet, blockStyles, styleId));

    const internals = worksheet as unknown as WorksheetInternals;
    const notes = (sheet.notes ?? [])
      .map((n) => ({ at: parseCell(n.cell), text: escapeXstring(n.text) }))
      .sort((a, b) => a.at.row - b.at.row || a.at.column - b.at.column);
    if (notes.length > 0) {
      internals.hasComments = true;
      internals._sheetCommentsWriter.addComments(
        notes.map((n) => ({ ...new Note(n.text).model, ref: cellAddress(n.at.row, n.at.column) })),
      );
    }
    // The rows come later (sheetRows.ts): ExcelJS writes the columns when its first row comes.
    if (!internals.startedData) {
      internals._writeColumns();
      internals._writeOpenSheetData();
      internals.startedData = true;
    }
    worksheet.commit();
  }
  await workbook.commit();
  return layouts;
}

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface SheetPart {
  name: string;
  path: string;
  relsPath: string;
}

/**
 * The cell-less package with its pending edits: small parts rewritten or added as text (in
 * the order they were first written, as new parts go after the streamed ones), the sheet
 * whose rows each worksheet part gets, worksheet tails to edit, and parts made as they are
 * written (the shared strings, after every worksheet).
 */
class PackageEdits {
  readonly parts = new Map<string, string>();
  readonly sheetTails = new Map<string, (tail: string) => string>();
  readonly sheets = new Map<string, SheetPlan>();
  readonly generated = new Map<string, () => AsyncIterable<Buffer>>();
  readonly strings: SharedStringTable;
  constructor(
    readonly reader: ZipReader,
    limit?: { texts: number; chars: number },
  ) {
    this.strings = new SharedStringTable(limit);
  }

  /** The part's current text, or undefined when the package has no such part. */
  async file(name: string): Promise<string | undefined> {
    const edited = this.parts.get(name);
    if (edited !== undefined) return edited;
    const entry = this.reader.entries.find((e) => e.name === name);
    return entry ? this.reader.text(entry) : undefined;
  }

  set(name: string, text: string): void {
    this.parts.set(name, text);
  }
}

async function sheetParts(zip: PackageEdits): Promise<SheetPart[]> {
  const workbookXml = (await zip.file("xl/workbook.xml"))!;
  const relsXml = (await zip.file("xl/_rels/workbook.xml.rels"))!;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const parts: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])![1];
    const id = /\br:id="([^"]+)"/.exec(m[0])![1];
    const target = targets.get(id)!;
    const file = `xl/${target}`;
    parts.push({
      name: unescapeXml(name),
      path: file,
      relsPath: `${path.posix.dirname(file)}/_rels/${path.posix.basename(file)}.rels`,
    });
  }
  return parts;
}

/** Adds a relationship to a rels part (creating it) and returns its id. */
async function addRelationship(
  zip: PackageEdits,
  relsPath: string,
  type: string,
  target: string,
): Promise<string> {
  let xml =
    (await zip.file(relsPath)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
  const used = new Set(Array.from(xml.matchAll(/\bId="([^"]+)"/g), (m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  xml = xml.replace(
    "</Relationships>",
    `<Relationship Id="${id}" Type="${REL_TYPE}/${type}" Target="${target}"/></Relationships>`,
  );
  zip.set(relsPath, xml);
  return id;
}

/** Order of the worksheet's top-level elements after sheetData (ECMA-376 CT_Worksheet). */
const WORKSHEET_TAIL_ORDER = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Splits XML made of sibling elements into those elements (name and text). */
function siblingElements(xml: string): { name: string; xml: string }[] {
  const out: { name: string; xml: string }[] = [];
  const tag = /<(\/?)([\w:]+)[^>]*?(\/?)>/g;
  let depth = 0;
  let start = 0;
  let name = "";
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [whole, closing, tagName, selfClosing] = m;
    if (whole.startsWith("<?")) continue;
    if (!closing && depth === 0) {
      start = m.index;
      name = tagName;
    }
    if (closing) depth -= 1;
    else if (!selfClosing) depth += 1;
    if (depth === 0) out.push({ name, xml: xml.slice(start, m.index + whole.length) });
  }
  return out;
}

/**
 * Inserts top-level `elements` (name -> XML) into the tail of worksheet XML, what follows
 * `</sheetData>` through `</worksheet>`, at the places the schema requires. The (possibly
 * huge) sheetData is written between head and tail (`worksheetPart`).
 */
function insertIntoWorksheetTail(xml: string, elements: { name: string; xml: string }[]): string {
  const end = xml.lastIndexOf("</worksheet>");
  const tail = siblingElements(xml.slice(0, end));
  for (const element of elements) {
    const rank = WORKSHEET_TAIL_ORDER.indexOf(element.name);
    const at = tail.findIndex((e) => WORKSHEET_TAIL_ORDER.indexOf(e.name) > rank);
    tail.splice(at < 0 ? tail.length : at, 0, element);
  }
  return tail.map((e) => e.xml).join("") + xml.slice(end);
}

/**
 * Removes the empty Excel 2010 extension ExcelJS's streaming writer puts inside data-bar
 * rules (an x14 id that points nowhere); the plain data bar stays.
 */
function withoutDanglingDataBarExtensions(xml: string): string {
  return xml.replace(
    /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g,
    "",
  );
}

function tablePartXml(
  id: number,
  sheet: SheetPlan,
  table: NonNullable<SheetPlan["tables"]>[number],
): string {
  const box = parseRange(table.range);
  const filterBox = table.totalsRow ? { ...box, bottom: box.bottom - 1 } : box;
  const columns: string[] = [];
  for (let c = box.left, i = 1; c <= box.right; c++, i++) {
    const header = String(plannedCell(sheet, box.top, c) ?? `Column${i}`);
    let totals = "";
    if (table.totalsRow) {
      const cell = plannedCell(sheet, box.bottom, c);
      if (cell !== undefined && cell !== null && isFormulaCell(cell)) {
        totals = ` totalsRowFunction="custom"><totalsRowFormula>${escapeXml(cell.f.replace(/^=/, ""))}</totalsRowFormula></tableColumn>`;
      } else if (typeof cell === "string" && cell !== "")
        totals = ` totalsRowLabel="${escapeXml(escapeXstringForAttribute(cell))}"/>`;
    }
    // The column name equals the header cell's text, line breaks included.
    const name = escapeXml(escapeXstringForAttribute(header));
    columns.push(`<tableColumn id="${i}" name="${name}"${totals || "/>"}`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(table.name)}" ` +
    `displayName="${escapeXml(table.name)}" ref="${rangeAddress(box)}"${table.totalsRow ? ` totalsRowCount="1"` : ` totalsRowShown="0"`}>` +
    `<autoFilter ref="${rangeAddress(filterBox)}"/><tableColumns count="${columns.length}">${columns.join("")}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(table.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" ` +
    `showRowStripes="${table.showBandedRows === false ? 0 : 1}" showColumnStripes="0"/></table>`
  );
}

async function addPackageParts(zip: PackageEdits, plan: WorkbookPlan): Promise<void> {
  const parts = await sheetParts(zip);
  const overrides: string[] = [];
  let tableId = 0;
  let chartId = 0;
  let drawingId = 0;
  for (const sheet of plan.sheets) {
    const part = parts.find((p) => p.name === sheet.name);
    if (!part) throw new Error(`The package has no part for sheet ${sheet.name}`);
    zip.sheets.set(part.path, sheet);
    const tables = sheet.tables ?? [];
    const charts = sheet.charts ?? [];
    const dataBars = (sheet.conditionalFormats ?? []).some((cf) => cf.type === "dataBar");
    if (tables.length === 0 && charts.length === 0 && !dataBars) continue;
    const added: { name: string; xml: string }[] = [];
    if (charts.length > 0) {
      drawingId += 1;
      const drawingPath = `xl/drawings/drawing${drawingId}.xml`;
      const drawingRels = `xl/drawings/_rels/drawing${drawingId}.xml.rels`;
      for (const chart of charts) {
        chartId += 1;
        zip.set(`xl/charts/chart${chartId}.xml`, chartPartXml(chart, sheet.name));
        overrides.push(
          `<Override PartName="/xl/charts/chart${chartId}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
        );
        await addRelationship(zip, drawingRels, "chart", `../charts/chart${chartId}.xml`);
      }
      zip.set(drawingPath, drawingPartXml(sheet));
      overrides.push(
        `<Override PartName="/${drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
      );
      const rid = await addRelationship(
        zip,
        part.relsPath,
        "drawing",
        `../drawings/drawing${drawingId}.xml`,
      );
      added.push({ name: "drawing", xml: `<drawing r:id="${rid}"/>` });
    }
    if (tables.length > 0) {
      const ids: string[] = [];
      for (const table of tables) {
        tableId += 1;
        zip.set(`xl/tables/table${tableId}.xml`, tablePartXml(tableId, sheet, table));
        overrides.push(
          `<Override PartName="/xl/tables/table${tableId}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
        );
        ids.push(
          await addRelationship(zip, part.relsPath, "table", `../tables/table${tableId}.xml`),
        );
      }
      const element = `<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
      added.push({ name: "tableParts", xml: element });
    }
    zip.sheetTails.set(part.path, (tail) => {
      const xml = withoutDanglingDataBarExtensions(tail);
      return added.length > 0 ? insertIntoWorksheetTail(xml, added) : xml;
    });
  }
  if (blocksHoldText(plan)) {
    await addRelationship(zip, "xl/_rels/workbook.xml.rels", "sharedStrings", "sharedStrings.xml");
    overrides.push(
      `<Override PartName="/${SHARED_STRINGS}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    );
    zip.generated.set(SHARED_STRINGS, () => {
      const xml = Readable.from(sharedStringsXml(zip.strings));
      return zip.strings.holdsDel ? withRawDelStream(xml) : xml;
    });
  }
  if (overrides.length > 0) {
    const types = (await zip.file("[Content_Types].xml"))!;
    zip.set("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
  }
  const definedNames = [
    ...(plan.names ?? []).map(
      (n) =>
        `<definedName name="${escapeXml(n.name)}"${n.comment ? ` comment="${escapeXml(n.comment)}"` : ""}${n.hidden ? ` hidden="1"` : ""}>${escapeXml(n.refersTo.replace(/^=/, ""))}</definedName>`,
    ),
    ...printDefinedNames(plan),
  ];
  if (definedNames.length > 0) {
    let workbookXml = (await zip.file("xl/workbook.xml"))!;
    const entries = definedNames.join("");
    workbookXml = workbookXml.includes("</definedNames>")
      ? workbookXml.replace("</definedNames>", `${entries}</definedNames>`)
      : workbookXml.includes("<definedNames/>")
        ? workbookXml.replace("<definedNames/>", `<definedNames>${entries}</definedNames>`)
        : workbookXml.replace("</sheets>", `</sheets><definedNames>${entries}</definedNames>`);
    zip.set("xl/workbook.xml", workbookXml);
  }
}

const SHEET_DATA_OPEN = "<sheetData>";
const SHEET_DATA_CLOSE = "</sheetData>";

/**
 * A worksheet part: ExcelJS's head through `<sheetData>`, the sheet's rows (what ExcelJS put
 * in sheetData, only merged cells, is left out), and its tail from `</sheetData>`, edited.
 */
async function* worksheetPart(
  xml: string,
  rows: Iterable<Buffer>,
  editTail: ((tail: string) => string) | undefined,
): AsyncGenerator<Buffer> {
  const open = xml.indexOf(SHEET_DATA_OPEN);
  const close = xml.indexOf(SHEET_DATA_CLOSE, open);
  if (open < 0 || close < 0) throw new Error("The worksheet part has no <sheetData>.");
  yield Buffer.from(xml.slice(0, open + SHEET_DATA_OPEN.length), "utf8");
  yield* rows;
  const tail = xml.slice(close + SHEET_DATA_CLOSE.length);
  yield Buffer.from(SHEET_DATA_CLOSE + (editTail ? editTail(tail) : tail), "utf8");
}

/**
 * The package's parts, [Content_Types].xml first, then the cell-less package's in their
 * order (a worksheet with its rows, a notes part with DEL put back), then the added ones,
 * then the shared strings, made once every worksheet has been written.
 */
async function* packageEntries(
  zip: PackageEdits,
  layouts: Map<string, SheetLayout>,
  notesDel: boolean,
  onRowBytes?: (bytes: number) => void,
): AsyncGenerator<ZipEntry> {
  let rowBytes = 0;
  function* reported(rows: Generator<Buffer>): Generator<Buffer> {
    for (const chunk of rows) {
      yield chunk;
      rowBytes += chunk.length;
      onRowBytes?.(rowBytes);
    }
  }
  const streamed = new Map(zip.reader.entries.map((e) => [e.name, e]));
  const names = [
    ...streamed.keys(),
    ...Array.from(zip.parts.keys()).filter((name) => !streamed.has(name)),
  ].sort((a, b) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"));
  for (const name of names) {
    const edited = zip.parts.get(name);
    if (edited !== undefined) {
      yield { name, data: Buffer.from(edited, "utf8") };
      continue;
    }
    const entry = streamed.get(name)!;
    const sheet = zip.sheets.get(name);
    if (sheet) {
      const rows = reported(sheetRowsXml(sheet, layouts.get(sheet.name)!, zip.strings));
      const data = worksheetPart(await zip.reader.text(entry), rows, zip.sheetTails.get(name));
      yield { name, data };
      continue;
    }
    let data: AsyncIterable<Buffer> = await zip.reader.open(entry);
    if (notesDel && COMMENTS_PART.test(name)) data = withRawDelStream(data);
    yield { name, data };
  }
  for (const [name, make] of zip.generated) yield { name, data: make() };
}

/** Copies the streamed package at `streamed` to `file` with the plan's added parts. */
async function finishPackage(
  plan: WorkbookPlan,
  layouts: Map<string, SheetLayout>,
  streamed: string,
  file: string,
  options: WriteXlsxOptions,
): Promise<void> {
  const reader = await openZip(streamed);
  try {
    const tooLarge = reader.entries.find((e) => e.size >= ZIP_SIZE_LIMIT);
    if (tooLarge)
      throw new WorkbookWriteError(
        "WRITE_FAILED",
        `${tooLarge.name} holds ${count(tooLarge.size)} bytes; an .xlsx part must stay under 4 GB.`,
      );
    const zip = new PackageEdits(reader, options.sharedStrings);
    await addPackageParts(zip, plan);
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    try {
      await writeZipFile(file, packageEntries(zip, layouts, notesHoldDel(plan), options.onRowBytes));
    } catch (error) {
      if (error instanceof RangeError)
        throw new WorkbookWriteError("WRITE_FAILED", error.message, { cause: error });
      throw error;
    }
  } finally {
    await reader.close();
  }
}

/**
 * Writes `plan` to an .xlsx file at `file`.
 *
 * Rules: `preparePlan` checks the plan, makes sheet names legal and unique and resolves
 * references; formulas carry no cached values; data strings stay text; charts are DrawingML parts (a funnel as a bar chart, first stage on top).
 *
 * @example await writeXlsxFile(plan, "out/example.xlsx") // { sheets: ["Funnel", "Stage Summary"] }
 */
export async function writeXlsxFile(plan: WorkbookPlan, file: string, options: WriteXlsxOptions = {}): Promise<WriteXlsxResult> {
  checkSheetExtents(plan);
  // A new workbook: nothing exists yet, so only Excel's rules and the plan itself shape names.
  const prepared = preparePlan(plan).plan;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-xlsx-"));
  try {
    const streamed = path.join(dir, "cells.xlsx");
    const layouts = await streamSheets(prepared, streamed);
    await finishPackage(prepared, layouts, streamed, file, options);
    return { sheets: prepared.sheets.map((s) => s.name) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A written package, read as a stream of chunks; `close()` removes it (read or not). */
export interface XlsxStream extends AsyncIterable<Uint8Array> {
  close(): Promise<void>;
}

/**
 * Writes `plan` to an .xlsx package in a private temporary folder and gives it back as a
 * stream (same rules as `writeXlsxFile`): a caller copying it elsewhere (the command line's
 * atomic write) never holds the whole package in memory. The caller closes it.
 *
 * @example
 * const xlsx = await writeXlsxStream(plan);
 * try { for await (const chunk of xlsx) out.write(chunk); } finally { await xlsx.close(); }
 */
export async function writeXlsxStream(plan: WorkbookPlan, options: WriteXlsxOptions = {}): Promise<XlsxStream> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-xlsx-"));
  const remove = () => fs.rm(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, "plan.xlsx");
    await writeXlsxFile(plan, file, options);
    return {
      [Symbol.asyncIterator]: () => createReadStream(file, { highWaterMark: 1 << 20 })[Symbol.asyncIterator](),
      close: remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Writes `plan` to an .xlsx package in memory (same rules as `writeXlsxFile`). */
export async function writeXlsxBuffer(plan: WorkbookPlan, options: WriteXlsxOptions = {}): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-xlsx-"));
  try {
    const file = path.join(dir, "plan.xlsx");
    await writeXlsxFile(plan, file, options);
    return await fs.readFile(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
