/**
 * Remembering generated sheets and what a user typed into them, so that the next build of the
 * same workbook (a monthly refresh, "Replace Funnel") keeps it.
 *
 * In the workbook: every sheet whose plan has a `role` carries hidden defined names (Excel
 * keeps them pointing at the right cells when the user renames the sheet or inserts rows):
 * - `SalesQuant.sheet.<role>`: the sheet's generated range (its used box when it was built);
 * - `SalesQuant.input.<role>.<id>`: the cells of input `<id>`;
 * - `SalesQuant.keys.<role>.<id>`: the row keys of that input, when they are a range.
 *
 * Reading a workbook back (`savedBook`) gives each tracked sheet's current name and each
 * input's rows as (key, values). Building again (`carryInputs`) puts every saved value into
 * the new plan's input cell with the same key. The rules:
 * - matched by key (rep, stage, KPI id), never by position; literal keys (fixed rows such as
 *   the scorecard's criteria) are matched by their place in the list, which is their identity;
 * - a blank saved cell carries nothing (blank means "not typed"), so a new default stays;
 * - a saved formula is carried only where the new plan's cell is not a formula: a formula in
 *   an input cell whose default is a formula is the generator's own (its ranges follow the
 *   new rows), while a formula typed over a constant default is the user's;
 * - a saved row whose key has no row in the new plan is returned as an orphan (the rep left,
 *   the stage is gone) so the caller can list it: nothing is dropped silently;
 * - a value given for an input on this build (`given`: `--dashboard-as-of`, a quota typed in
 *   the pane's form) is newer than what the workbook holds: the new plan's cell keeps it, and
 *   the saved value fills only the cells it left blank (a rep the quotas file does not name).
 */
import { boxContains, parseRange, rangeAddress, RangeBox, splitSheetRef } from "./address";
import { isFormulaCell, NamePlan, PlanCell, SheetPlan, sheetRef, WorkbookPlan } from "./plan";
import { usedBox } from "./sheetGeometry";
import { blockBox, MARKER_PART } from "./validatePlan";

/** Prefix of every name the workbook's bookkeeping uses. */
export const MARKER_PREFIX = "SalesQuant.";
export { MARKER_PART };

export const sheetMarker = (role: string): string => `${MARKER_PREFIX}sheet.${role}`;
export const inputMarker = (role: string, id: string): string => `${MARKER_PREFIX}input.${role}.${id}`;
export const keysMarker = (role: string, id: string): string => `${MARKER_PREFIX}keys.${role}.${id}`;

/** Is `name` one of the hidden names of `role` (its sheet, inputs or keys)? */
export function isMarkerOf(name: string, role: string): boolean {
  const lower = name.toLowerCase();
  const mark = (text: string): string => text.toLowerCase();
  return lower === mark(sheetMarker(role)) || lower.startsWith(mark(inputMarker(role, ""))) || lower.startsWith(mark(keysMarker(role, "")));
}

function absolute(range: string): string {
  return rangeAddress(parseRange(range), true);
}

/**
 * The hidden names that remember `sheet` (planned name, references as `sheetRef` tokens):
 * none for a sheet without a role.
 *
 * @example markerNames({ name: "Reps", role: "reps", blocks, inputs: [{ id: "quota", range: "C5:C7", keys: "A5:A7" }] })
 * // SalesQuant.sheet.reps = Reps!$A$1:$P$20, SalesQuant.input.reps.quota = Reps!$C$5:$C$7,
 * // SalesQuant.keys.reps.quota = Reps!$A$5:$A$7 (all hidden)
 */
export function markerNames(sheet: SheetPlan): NamePlan[] {
  const role = sheet.role;
  if (role === undefined) return [];
  const box = sheet.generatedRange !== undefined ? parseRange(sheet.generatedRange) : usedBox(sheet);
  const names: NamePlan[] = [
    { name: sheetMarker(role), refersTo: `=${sheetRef(sheet.name, box ? rangeAddress(box, true) : "$A$1")}`, hidden: true },
  ];
  for (const input of sheet.inputs ?? []) {
    names.push({ name: inputMarker(role, input.id), refersTo: `=${sheetRef(sheet.name, absolute(input.range))}`, hidden: true });
    if (typeof input.keys === "string")
      names.push({ name: keysMarker(role, input.id), refersTo: `=${sheetRef(sheet.name, absolute(input.keys))}`, hidden: true });
  }
  return names;
}

/** A defined name as a workbook reports it: `'Sheet name'!$A$1:$B$2` (with or without "="). */
export interface WorkbookName {
  name: string;
  refersTo: string;
}

/** Where a marker points: the sheet's current name and the range on it. */
export interface MarkerTarget {
  sheet: string;
  range: string;
}

/** Sheet and range of a reference `'It''s'!$A$1:$B$2`, `Deals!A1`; undefined for anything else (#REF!, constants). */
export function parseSheetReference(reference: string): MarkerTarget | undefined {
  const { sheet, address } = splitSheetRef(reference.trim().replace(/^=/, ""));
  // A deleted sheet leaves Excel's "#REF!" where its name was.
  if (sheet === undefined || sheet.toUpperCase() === "#REF") return undefined;
  if (!/^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i.test(address)) return undefined;
  return { sheet, range: rangeAddress(parseRange(address.replace(/\$/g, "").toUpperCase())) };
}

/** The markers of a workbook, by role: what `savedBook` needs to read. */
export interface Markers {
  /** Role -> the tracked sheet (current name) and its generated range. */
  sheets: Map<string, MarkerTarget>;
  /** Role -> input id -> the input cells and, when recorded, the key cells. */
  inputs: Map<string, Map<string, { cells: MarkerTarget; keys?: MarkerTarget }>>;
}

/**
 * The markers among a workbook's defined names. Names that are not markers, and markers whose
 * reference no longer parses (the sheet was deleted: `#REF!`), are ignored.
 */
export function readMarkers(names: Iterable<WorkbookName>): Markers {
  const sheets = new Map<string, MarkerTarget>();
  const cells = new Map<string, MarkerTarget>();
  const keys = new Map<string, MarkerTarget>();
  const prefix = MARKER_PREFIX.toLowerCase();
  for (const n of names) {
    if (!n.name.toLowerCase().startsWith(prefix)) continue;
    const parts = n.name.slice(MARKER_PREFIX.length).split(".");
    const target = parseSheetReference(n.refersTo);
    if (!target) continue;
    const [kind, role, id] = parts;
    if (kind === "sheet" && parts.length === 2) sheets.set(role, target);
    else if (kind === "input" && parts.length === 3) cells.set(`${role}.${id}`, target);
    else if (kind === "keys" && parts.length === 3) keys.set(`${role}.${id}`, target);
  }
  const inputs: Markers["inputs"] = new Map();
  for (const [both, target] of cells) {
    const [role, id] = both.split(".");
    if (!sheets.has(role)) continue;
    if (!inputs.has(role)) inputs.set(role, new Map());
    const k = keys.get(both);
    inputs.get(role)!.set(id, { cells: target, ...(k && k.sheet === target.sheet ? { keys: k } : {}) });
  }
  return { sheets, inputs };
}

/** One row of a saved input: its key (absent when the keys are literal) and its cells. */
export interface SavedRow {
  key?: string;
  values: PlanCell[];
}

/** What a workbook holds of one tracked sheet. */
export interface SavedSheet {
  role: string;
  /** The sheet's name now (the user may have renamed it). */
  name: string;
  /** The range it was generated over. */
  generated: string;
  /** Input id -> rows, in sheet order. */
  inputs: Map<string, SavedRow[]>;
}

/** Reads a rectangle of a sheet: values, with formulas as `{ f }` (what the user typed). */
export type RangeReader = (sheet: string, range: string) => PlanCell[][];

/** Text of a key cell, trimmed; numbers as Excel shows them in General. */
function keyText(cell: PlanCell): string {
  if (cell === null || isFormulaCell(cell)) return "";
  return String(cell).trim();
}

/** The key of a row from its key cells: their texts joined by " / " (blank when all are blank). */
function rowKey(cells: readonly PlanCell[]): string {
  const texts = cells.map(keyText);
  return texts.every((t) => t === "") ? "" : texts.join(" / ");
}

/**
 * Every tracked sheet of a workbook with its saved inputs, read through `read`.
 *
 * @example savedBook(readMarkers(names), read).get("reps")?.inputs.get("quota")
 * // [{ key: "Ann Lee", values: [120000] }, { key: "Bo Chen", values: [null] }]
 */
export function savedBook(markers: Markers, read: RangeReader): Map<string, SavedSheet> {
  const book = new Map<string, SavedSheet>();
  for (const [role, target] of markers.sheets) {
    const inputs = new Map<string, SavedRow[]>();
    for (const [id, where] of markers.inputs.get(role) ?? []) {
      if (where.cells.sheet !== target.sheet) continue;
      const values = read(where.cells.sheet, where.cells.range);
      const keys = where.keys ? read(where.keys.sheet, where.keys.range) : undefined;
      inputs.set(
        id,
        values.map((row, i) => ({ ...(keys ? { key: rowKey(keys[i] ?? []) } : {}), values: row })),
      );
    }
    book.set(role, { role, name: target.sheet, generated: target.range, inputs });
  }
  return book;
}

/** The ranges `savedBook` reads, for readers that must load them first (Office batches). */
export function markerReads(markers: Markers): MarkerTarget[] {
  const reads: MarkerTarget[] = [];
  for (const [role, target] of markers.sheets)
    for (const where of markers.inputs.get(role)?.values() ?? [])
      if (where.cells.sheet === target.sheet) reads.push(where.cells, ...(where.keys ? [where.keys] : []));
  return reads;
}

/** A saved input row whose key the new build has no row for. */
export interface OrphanInput {
  /** The sheet's current name. */
  sheet: string;
  role: string;
  input: string;
  key: string;
  values: PlanCell[];
}

export interface CarryResult {
  plan: WorkbookPlan;
  /** Input cells that took a saved value different from the new plan's own. */
  carried: number;
  /** Input cells whose saved value gave way to a different one given on this build. */
  replaced: number;
  orphans: OrphanInput[];
}

/** An input given a value on this build: the role of its sheet and the input's id. */
export interface GivenInput {
  role: string;
  input: string;
}

const isBlank = (cell: PlanCell): boolean => cell === null || cell === "";
const sameCell = (a: PlanCell, b: PlanCell): boolean =>
  isFormulaCell(a) && isFormulaCell(b) ? a.f === b.f : a === b;

/** Sets cells of a sheet plan in the blocks that hold them (blocks copied on write). */
function cellSetter(sheet: SheetPlan): { get(row: number, column: number): PlanCell | undefined; set(row: number, column: number, value: PlanCell): boolean; done(): SheetPlan } {
  const blocks = [...sheet.blocks];
  const copied = new Set<number>();
  const boxes = blocks.map((b) => (b.cells.length > 0 && b.cells[0].length > 0 ? blockBox(b) : undefined));
  const find = (row: number, column: number): number =>
    boxes.findIndex((b) => b !== undefined && boxContains(b, row, column));
  return {
    get(row, column) {
      const i = find(row, column);
      return i < 0 ? undefined : blocks[i].cells[row - boxes[i]!.top][column - boxes[i]!.left];
    },
    set(row, column, value) {
      const i = find(row, column);
      if (i < 0) return false;
      if (!copied.has(i)) {
        blocks[i] = { ...blocks[i], cells: blocks[i].cells.map((r) => [...r]) };
        copied.add(i);
      }
      blocks[i].cells[row - boxes[i]!.top][column - boxes[i]!.left] = value;
      return true;
    },
    done: () => ({ ...sheet, blocks }),
  };
}

/** The key of each row of an input in the new plan. */
function planKeys(keys: string | string[], rows: number, get: (row: number, column: number) => PlanCell | undefined, top: number): string[] {
  if (Array.isArray(keys)) return keys;
  const box: RangeBox = parseRange(keys);
  return Array.from({ length: rows }, (_, i) =>
    rowKey(Array.from({ length: box.right - box.left + 1 }, (_, c) => get(top + i, box.left + c) ?? null)),
  );
}

/**
 * `plan` with the saved inputs of `book` put back, by role, input id and row key, except where
 * the plan holds a value of an input `given` on this build.
 *
 * @example carryInputs(repsPlan, savedBook(...)) // Ann Lee's typed quota back in her row, wherever it now is
 * @example carryInputs(dashboardPlan, saved, [{ role: "dashboard", input: "asOf" }]) // the date given now, not the one typed before
 */
export function carryInputs(plan: WorkbookPlan, book: ReadonlyMap<string, SavedSheet>, given: readonly GivenInput[] = []): CarryResult {
  let carried = 0;
  let replaced = 0;
  const orphans: OrphanInput[] = [];
  const sheets = plan.sheets.map((sheet) => {
    const saved = sheet.role !== undefined ? book.get(sheet.role) : undefined;
    if (!saved || !sheet.inputs) return sheet;
    const cells = cellSetter(sheet);
    for (const input of sheet.inputs) {
      const rows = saved.inputs.get(input.id);
      if (!rows) continue;
      const box = parseRange(input.range);
      const height = box.bottom - box.top + 1;
      const keys = planKeys(input.keys, height, cells.get, box.top);
      const literal = Array.isArray(input.keys);
      const fresh = given.some((g) => g.role === saved.role && g.input === input.id);
      const rowOf = new Map<string, number>();
      keys.forEach((k, i) => {
        if (k !== "" && !rowOf.has(k)) rowOf.set(k, i);
      });
      const used = new Set<string>();
      rows.forEach((row, i) => {
        // A fixed row past the new list (a plan with fewer tiers now) is an orphan too.
        const key = literal ? (keys[i] ?? `${input.id} ${i + 1}`) : row.key;
        if (key === undefined || key === "" || used.has(key)) return;
        used.add(key);
        const at = rowOf.get(key);
        if (at === undefined) {
          if (row.values.some((v) => !isBlank(v)))
            orphans.push({ sheet: saved.name, role: saved.role, input: input.id, key, values: row.values });
          return;
        }
        row.values.forEach((value, c) => {
          const column = box.left + c;
          if (column > box.right || isBlank(value)) return;
          const current = cells.get(box.top + at, column);
          if (current === undefined) return;
          if (fresh && !isBlank(current)) {
            if (!sameCell(value, current)) replaced += 1;
            return;
          }
          if (isFormulaCell(value) && isFormulaCell(current)) return;
          if (sameCell(value, current)) return;
          if (cells.set(box.top + at, column, value)) carried += 1;
        });
      });
    }
    return cells.done();
  });
  return { plan: { ...plan, sheets }, carried, replaced, orphans };
}
