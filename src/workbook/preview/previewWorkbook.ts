/**
 * The in-browser workbook behind the preview: applies plans through the same preparation
 * as the Office writer (`preparePlan`: checks, unique sheet and table names, references
 * resolved), keeps
 * every formula live in HyperFormula, and answers the grid's questions (computed values,
 * number formats, table and conditional colours, chart data). Preview only: HyperFormula
 * is GPL-3.0 and never part of the add-in bundle.
 *
 * Print settings (`SheetPlan.print`, and the defaults preparation adds) are ignored: the
 * preview has no printing and no page layout.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { boxContains, columnLetter, parseCell, parseRange, RangeBox, shiftFormula, splitSheetRef } from "../address";
import { blockBox, uniqueSheetName } from "../validatePlan";
import { preparePlan } from "../prepare";
import { isMarkerOf, parseSheetReference, readMarkers, SavedSheet, savedBook } from "../inputs";
import { holdMarkers, mentions, planSwaps, Swap } from "../replacePlan";
import type {
  CellStyle,
  ChartPlan,
  ConditionalFormatPlan,
  PlanCell,
  SheetPlan,
  TablePlan,
  WorkbookPlan,
} from "../plan";
import { hyperFormulaContent, EvaluatedValue } from "./evaluate";
import { formatCellValue } from "./numberFormat";

export interface PreviewSheet {
  /** Actual (unique) name. */
  name: string;
  plan: SheetPlan;
  /** Used area: last row and column holding anything. */
  rows: number;
  columns: number;
}

export interface PreviewTable {
  sheet: string;
  table: TablePlan;
  box: RangeBox;
}

export interface ApplyResult {
  sheets: string[];
  tables: string[];
}

/** What the conditional formats of a sheet make of one cell. */
export interface CellDecoration {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** Data bar length, 0..1. */
  bar?: { ratio: number; color: string };
  /** Icon set position: 0 lowest, 2 highest. */
  icon?: { level: 0 | 1 | 2; icons: string };
}

export interface ChartData {
  chart: ChartPlan;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

export { shiftFormula };

function toValue(raw: unknown): EvaluatedValue {
  if (raw instanceof DetailedCellError) return raw.value;
  if (raw === undefined) return null;
  return raw as EvaluatedValue;
}

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  const n = m ? parseInt(m[1], 16) : 0;
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  const c = x.map((v, i) => Math.round(v + (y[i] - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * Reads what a user types into a cell: "=..." a formula, "12.5%" 0.125, a number, TRUE/FALSE,
 * blank null, anything else text.
 *
 * @example
 * parseCellInput("45%") // 0.45
 */
export function parseCellInput(text: string): PlanCell {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith("=")) return { f: t };
  const pct = /^(-?\d[\d,]*(?:\.\d+)?|-?\.\d+)%$/.exec(t);
  if (pct) return Number(pct[1].replace(/,/g, "")) / 100;
  if (/^-?(\d[\d,]*(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t.replace(/,/g, ""));
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  return text;
}

export class PreviewWorkbook {
  private readonly hf: HyperFormula;
  private readonly sheetList: PreviewSheet[] = [];
  private readonly listeners = new Set<() => void>();
  private decorationCache = new Map<string, Map<string, CellDecoration>>();
  /** Increases on every change, so views can memoize. */
  version = 0;
  activeSheet: string | null = null;
  selection: { sheet: string; range: string } | null = null;

  constructor(options: { maxRows?: number } = {}) {
    this.hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true, maxRows: options.maxRows ?? 40000 });
  }

  get sheets(): readonly PreviewSheet[] {
    return this.sheetList;
  }

  sheet(name: string): PreviewSheet | undefined {
    return this.sheetList.find((s) => s.name === name);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    this.decorationCache = new Map();
    for (const l of [...this.listeners]) l();
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`No sheet named ${name}`);
    return id;
  }

  tables(): PreviewTable[] {
    return this.sheetList.flatMap((s) => (s.plan.tables ?? []).map((table) => ({ sheet: s.name, table, box: parseRange(table.range) })));
  }

  /** The workbook's defined names with their references (`='Sheet'!$A$1`); a name on a removed sheet reads `=#REF!`. */
  names(): { name: string; refersTo: string }[] {
    return this.hf.listNamedExpressions().map((name) => {
      const refersTo = this.hf.getNamedExpressionFormula(name) ?? "=#REF!";
      const target = parseSheetReference(refersTo);
      return { name, refersTo: target && !this.sheet(target.sheet) ? "=#REF!" : refersTo };
    });
  }

  /** What the workbook remembers of its generated sheets (workbook/inputs.ts), by role. */
  savedBook(): Map<string, SavedSheet> {
    return savedBook(readMarkers(this.names()), (sheet, range) => {
      const box = parseRange(range);
      const id = this.sheetId(sheet);
      const rows: PlanCell[][] = [];
      for (let r = box.top; r <= box.bottom; r++) {
        const row: PlanCell[] = [];
        for (let c = box.left; c <= box.right; c++) {
          const raw: unknown = this.hf.getCellSerialized({ sheet: id, row: r - 1, col: c - 1 });
          if (typeof raw === "string" && raw.startsWith("=")) row.push({ f: raw });
          else if (typeof raw === "string" && raw.startsWith("'")) row.push(raw.slice(1));
          else if (raw === undefined || raw === null || raw === "") row.push(null);
          else row.push(raw as PlanCell);
        }
        rows.push(row);
      }
      return rows;
    });
  }

  /** Renames a sheet, as a user does: formulas and names follow it. */
  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (!s) throw new Error(`No sheet named ${from}`);
    if (this.sheetList.some((x) => x !== s && x.name.toLowerCase() === to.toLowerCase())) throw new Error(`A sheet named ${to} already exists.`);
    this.hf.renameSheet(this.sheetId(from), to);
    s.name = to;
    if (this.activeSheet === from) this.activeSheet = to;
    this.changed();
  }

  /** Every formula of the sheets other than `except`, by sheet and address, mentioning one of `sheets` or `tables`. */
  private formulasMentioning(except: ReadonlySet<string>, sheets: string[], tables: string[]): { sheet: string; row: number; col: number; formula: string }[] {
    const out: { sheet: string; row: number; col: number; formula: string }[] = [];
    for (const s of this.sheetList) {
      if (except.has(s.name)) continue;
      const grid = this.hf.getSheetSerialized(this.sheetId(s.name));
      grid.forEach((row, r) =>
        row.forEach((cell: unknown, c) => {
          if (typeof cell === "string" && cell.startsWith("=") && mentions(cell, sheets, tables)) out.push({ sheet: s.name, row: r, col: c, formula: cell });
        }),
      );
    }
    return out;
  }

  /**
   * Adds a plan's sheets, names and tables, prepared by `preparePlan` against what the
   * preview already holds (so it throws `WorkbookWriteError` as the other writers do). With
   * `replace` (roles), planned sheets of those roles replace the tracked sheets as the Office
   * writer does (office/replace.ts): the new sheet takes the old one's name and place, the old
   * markers give way to the new ones, and formulas of other sheets that referred to the old
   * sheet refer to the new one. All or nothing: if any step fails, everything is put back and
   * the error rethrown.
   */
  applyPlan(plan: WorkbookPlan, options: { replace?: readonly string[] } = {}): ApplyResult {
    const existing = this.names();
    const swaps = options.replace && options.replace.length > 0 ? planSwaps(plan, options.replace, readMarkers(existing), this.sheetList.map((s) => s.name)) : [];
    const prepared = preparePlan(
      plan,
      { sheets: this.sheetList.map((s) => s.name), tables: this.tables().map((t) => t.table.name), names: existing.map((n) => n.name) },
      swaps.length > 0 ? { targets: new Map(swaps.map((s) => [s.planned, s.temp])) } : {},
    );
    const { written, held } = holdMarkers(prepared.plan, { swaps });
    const sheets = written.sheets;
    const listBefore = [...this.sheetList];
    const activeBefore = this.activeSheet;
    const added: string[] = [];
    const addedNames: string[] = [];
    const undo: (() => void)[] = [];
    try {
      for (const s of sheets) {
        this.hf.addSheet(s.name);
        added.push(s.name);
      }
      this.hf.batch(() => {
        for (const s of sheets) {
          const id = this.sheetId(s.name);
          for (const block of s.blocks) {
            const at = parseCell(block.at);
            this.hf.setCellContents({ sheet: id, row: at.row - 1, col: at.column - 1 }, block.cells.map((row) => row.map(hyperFormulaContent)));
          }
        }
      });
      for (const n of written.names ?? []) {
        if (this.hf.isItPossibleToAddNamedExpression(n.name, n.refersTo)) {
          this.hf.addNamedExpression(n.name, n.refersTo);
          addedNames.push(n.name);
        }
      }
      for (const s of sheets) {
        let rows = 1;
        let columns = 1;
        const grow = (box: RangeBox) => {
          rows = Math.max(rows, box.bottom);
          columns = Math.max(columns, box.right);
        };
        s.blocks.forEach((b) => grow(blockBox(b)));
        s.tables?.forEach((t) => grow(parseRange(t.range)));
        this.sheetList.push({ name: s.name, plan: s, rows, columns });
      }
      if (swaps.length > 0) this.swap(swaps, held, prepared.tableNames, undo);
    } catch (error) {
      for (const step of undo.reverse()) step();
      for (const name of addedNames) if (this.hf.listNamedExpressions().includes(name)) this.hf.removeNamedExpression(name);
      for (const s of this.sheetList) {
        if (listBefore.includes(s)) continue;
        const id = this.hf.getSheetId(s.name);
        if (id !== undefined) this.hf.removeSheet(id);
      }
      for (const name of added) {
        const id = this.hf.getSheetId(name);
        if (id !== undefined && !listBefore.some((s) => s.name === name)) this.hf.removeSheet(id);
      }
      this.sheetList.splice(0, this.sheetList.length, ...listBefore);
      this.activeSheet = activeBefore;
      throw error instanceof Error ? error : new Error(String(error));
    }
    const finalName = new Map(swaps.map((s) => [s.temp, s.old]));
    const names = sheets.map((s) => finalName.get(s.name) ?? s.name);
    const activePlanned = prepared.plan.activeSheet;
    const active = activePlanned && sheets.some((s) => s.name === activePlanned) ? (finalName.get(activePlanned) ?? activePlanned) : names[0];
    if (active) this.activeSheet = active;
    this.changed();
    return { sheets: names, tables: names.flatMap((n) => (this.sheet(n)?.plan.tables ?? []).map((t) => t.name)) };
  }

  /**
   * The swap of `applyPlan`'s replacement: old sheets out, new ones under their names and in
   * their places. Each step pushes its own undo onto `undo` before it runs.
   */
  private swap(
    swaps: readonly Swap[],
    held: readonly { name: string; refersTo: string }[],
    tableNames: ReadonlyMap<string, string>,
    undo: (() => void)[],
  ): void {
    const olds = swaps.map((s) => this.sheet(s.old)!);
    const oldTables = olds.flatMap((s) => (s.plan.tables ?? []).map((t) => t.name));
    const except = new Set([...swaps.map((s) => s.old), ...swaps.map((s) => s.temp)]);
    const remembered = this.formulasMentioning(except, swaps.map((s) => s.old), oldTables);
    const setRemembered = (): void => {
      this.hf.batch(() => {
        for (const r of remembered) this.hf.setCellContents({ sheet: this.sheetId(r.sheet), row: r.row, col: r.col }, [[r.formula]]);
      });
    };
    const roles = swaps.map((s) => s.role);
    const markerNames = (): string[] => this.hf.listNamedExpressions().filter((n) => roles.some((r) => isMarkerOf(n, r)));
    const oldMarkers = markerNames().map((name) => ({ name, formula: this.hf.getNamedExpressionFormula(name) ?? "" }));
    // Undone last, once every sheet has its old name again: the old markers and formulas.
    undo.push(() => {
      for (const name of markerNames()) this.hf.removeNamedExpression(name);
      for (const m of oldMarkers) this.hf.addNamedExpression(m.name, m.formula);
      setRemembered();
    });
    const oldIds = olds.map((s) => this.sheetId(s.name));
    const used = [...this.sheetList.map((s) => s.name)];
    const retired = swaps.map((s) => {
      const name = uniqueSheetName(`~old ${s.old}`, used);
      used.push(name);
      return name;
    });
    // Old sheets aside (formulas and names follow them), new sheets under the old names.
    swaps.forEach((s, i) => {
      undo.push(() => this.hf.renameSheet(oldIds[i], s.old));
      this.hf.renameSheet(oldIds[i], retired[i]);
    });
    swaps.forEach((s) => {
      const id = this.sheetId(s.temp);
      undo.push(() => this.hf.renameSheet(id, s.temp));
      this.hf.renameSheet(id, s.old);
    });
    for (const m of oldMarkers) this.hf.removeNamedExpression(m.name);
    for (const n of held) this.hf.addNamedExpression(n.name, n.refersTo);
    // The user's formulas bind to the new sheets; then the old sheets go (nothing after fails).
    setRemembered();
    // Past this point nothing is undone (as the Office writer's retirement).
    undo.length = 0;
    for (const id of oldIds) this.hf.removeSheet(id);

    const renamedTables = new Map<string, string>();
    for (const [planned, final] of tableNames)
      if (planned !== final && oldTables.some((t) => t.toLowerCase() === planned.toLowerCase())) renamedTables.set(final, planned);
    const byTemp = new Map(swaps.map((s) => [s.temp, s.old]));
    const fresh = new Map<string, PreviewSheet>();
    for (const s of this.sheetList) {
      const old = byTemp.get(s.name);
      if (old === undefined) continue;
      s.name = old;
      s.plan = { ...s.plan, name: old, ...(s.plan.tables && { tables: s.plan.tables.map((t) => ({ ...t, name: renamedTables.get(t.name) ?? t.name })) }) };
      fresh.set(old, s);
    }
    // Each new sheet in its old sheet's place.
    const order = this.sheetList.filter((s) => !Array.from(fresh.values()).includes(s)).map((s) => (olds.includes(s) ? fresh.get(swaps[olds.indexOf(s)].old)! : s));
    this.sheetList.splice(0, this.sheetList.length, ...order);
    setRemembered();
  }

  activate(name: string): void {
    if (!this.sheet(name)) throw new Error(`No sheet named ${name}`);
    this.activeSheet = name;
    this.changed();
  }

  select(sheet: string, range: string): void {
    this.selection = { sheet, range };
    this.changed();
  }

  value(sheet: string, address: string): EvaluatedValue {
    const p = parseCell(address);
    return toValue(this.hf.getCellValue({ sheet: this.sheetId(sheet), row: p.row - 1, col: p.column - 1 }));
  }

  values(sheet: string, range: string): EvaluatedValue[][] {
    const box = parseRange(range);
    const id = this.sheetId(sheet);
    const out: EvaluatedValue[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: EvaluatedValue[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(toValue(this.hf.getCellValue({ sheet: id, row: r - 1, col: c - 1 })));
      out.push(row);
    }
    return out;
  }

  /** Values of "'Sheet'!A1:B3" or "A1:B3" (on `defaultSheet`). */
  rangeValues(ref: string, defaultSheet: string): EvaluatedValue[][] {
    const { sheet, address } = splitSheetRef(ref);
    return this.values(sheet ?? defaultSheet, address.replace(/\$/g, ""));
  }

  /** What the cell holds as typed: a formula "=...", a number or text (for the editor). */
  content(sheet: string, address: string): string {
    const p = parseCell(address);
    const raw = this.hf.getCellSerialized({ sheet: this.sheetId(sheet), row: p.row - 1, col: p.column - 1 });
    if (raw === null || raw === undefined) return "";
    if (typeof raw === "string" && raw.startsWith("'")) return raw.slice(1);
    return String(raw);
  }

  /** Number format and style of a cell from the blocks that wrote it (the last block wins). */
  cellFormat(sheet: string, row: number, column: number): { numberFormat?: string; style?: CellStyle } {
    const s = this.sheet(sheet);
    if (!s) return {};
    for (let i = s.plan.blocks.length - 1; i >= 0; i--) {
      const b = s.plan.blocks[i];
      const box = blockBox(b);
      if (!boxContains(box, row, column)) continue;
      const nf = Array.isArray(b.numberFormat) ? b.numberFormat[column - box.left] ?? undefined : b.numberFormat;
      return { numberFormat: nf ?? undefined, style: b.style };
    }
    return {};
  }

  /** The text the grid shows for a cell. */
  display(sheet: string, address: string): string {
    const p = parseCell(address);
    return formatCellValue(this.value(sheet, address), this.cellFormat(sheet, p.row, p.column).numberFormat);
  }

  /** Types into a cell (see parseCellInput) and recomputes. */
  setInput(sheet: string, address: string, text: string): void {
    const p = parseCell(address);
    this.hf.setCellContents({ sheet: this.sheetId(sheet), row: p.row - 1, col: p.column - 1 }, [[hyperFormulaContent(parseCellInput(text))]]);
    const s = this.sheet(sheet);
    if (s) {
      s.rows = Math.max(s.rows, p.row);
      s.columns = Math.max(s.columns, p.column);
    }
    this.changed();
  }

  private formulaAt(sheet: string, text: string): EvaluatedValue {
    const f = text.startsWith("=") ? text : `=${text}`;
    try {
      return toValue(this.hf.calculateFormula(f, this.sheetId(sheet)) as unknown);
    } catch {
      return null;
    }
  }

  /** Conditional formatting of every decorated cell of a sheet, keyed "row:column". */
  decorations(sheet: string): Map<string, CellDecoration> {
    const cached = this.decorationCache.get(sheet);
    if (cached) return cached;
    const out = new Map<string, CellDecoration>();
    const s = this.sheet(sheet);
    for (const cf of s?.plan.conditionalFormats ?? []) {
      for (const part of cf.range.split(/[ ,]+/).filter(Boolean)) this.decorate(sheet, cf, parseRange(part.replace(/\$/g, "")), out);
    }
    this.decorationCache.set(sheet, out);
    return out;
  }

  private decorate(sheet: string, cf: ConditionalFormatPlan, box: RangeBox, out: Map<string, CellDecoration>): void {
    const cells: { r: number; c: number; v: EvaluatedValue }[] = [];
    const values = this.values(sheet, `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${box.bottom}`);
    values.forEach((row, i) => row.forEach((v, j) => cells.push({ r: box.top + i, c: box.left + j, v })));
    const put = (r: number, c: number, d: CellDecoration) => out.set(`${r}:${c}`, { ...out.get(`${r}:${c}`), ...d });
    const numbers = cells.map((x) => x.v).filter((v): v is number => typeof v === "number");
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    for (const { r, c, v } of cells) {
      const dr = r - box.top;
      const dc = c - box.left;
      if (cf.type === "cellValue") {
        if (typeof v !== "number") continue;
        const a = this.formulaAt(sheet, shiftFormula(`=${cf.formula1}`, dr, dc));
        const b = cf.formula2 !== undefined ? this.formulaAt(sheet, shiftFormula(`=${cf.formula2}`, dr, dc)) : null;
        if (typeof a !== "number") continue;
        const lo = typeof b === "number" ? Math.min(a, b) : a;
        const hi = typeof b === "number" ? Math.max(a, b) : a;
        const hit = {
          between: v >= lo && v <= hi,
          notBetween: v < lo || v > hi,
          equal: v === a,
          notEqual: v !== a,
          greaterThan: v > a,
          lessThan: v < a,
          greaterThanOrEqual: v >= a,
          lessThanOrEqual: v <= a,
        }[cf.operator];
        if (hit) put(r, c, { ...cf.style });
      } else if (cf.type === "formula") {
        const result = this.formulaAt(sheet, shiftFormula(cf.formula, dr, dc));
        if (result === true || (typeof result === "number" && result !== 0)) put(r, c, { ...cf.style });
      } else if (cf.type === "dataBar") {
        if (typeof v !== "number" || !(max > 0)) continue;
        put(r, c, { bar: { ratio: Math.max(0, Math.min(1, v / max)), color: cf.color } });
      } else if (cf.type === "colorScale") {
        if (typeof v !== "number" || numbers.length === 0) continue;
        const t = max === min ? 0.5 : (v - min) / (max - min);
        const colors = cf.colors;
        const fill =
          colors.length === 3 ? (t < 0.5 ? mix(colors[0], colors[1], t * 2) : mix(colors[1], colors[2], (t - 0.5) * 2)) : mix(colors[0], colors[1], t);
        put(r, c, { fill });
      } else if (cf.type === "iconSet") {
        if (typeof v !== "number") continue;
        let level: 0 | 1 | 2 = v >= cf.thresholds[1] ? 2 : v >= cf.thresholds[0] ? 1 : 0;
        if (cf.reverse) level = (2 - level) as 0 | 1 | 2;
        put(r, c, { icon: { level, icons: cf.icons } });
      }
    }
  }

  /** A chart's categories and series values, resolved against the workbook. */
  chartData(sheet: string, chart: ChartPlan): ChartData {
    const flat = (ref: string) => this.rangeValues(ref, sheet).flat();
    let categories: string[] = [];
    try {
      categories = flat(chart.categories).map((v) => formatCellValue(v));
    } catch {
      categories = [];
    }
    const series = chart.series.map((s) => {
      let values: (number | null)[] = [];
      try {
        values = flat(s.values).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));
      } catch {
        values = [];
      }
      return { name: s.name, values };
    });
    return { chart, categories, series };
  }

  /** A table's header row and data rows (totals row left out). */
  readTable(name: string): { headers: string[]; rows: EvaluatedValue[][] } {
    const t = this.tables().find((x) => x.table.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new Error(`There is no table named ${name}.`);
    const all = this.values(t.sheet, t.table.range.replace(/\$/g, ""));
    const body = all.slice(1, t.table.totalsRow ? -1 : undefined);
    return { headers: all[0].map((h) => formatCellValue(h)), rows: body };
  }
}
