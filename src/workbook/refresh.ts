/**
 * A refresh of a whole workbook as one new plan (the command line's `build --update`): the new
 * build's sheets take the places and names of the sheets they replace, typed inputs come back
 * by key, and what the user added comes along.
 *
 * Rules:
 * - a planned sheet whose role the workbook has takes that sheet's current name (a sheet the
 *   user renamed keeps its name) and its place in the tab order; new sheets come after, named
 *   so that they take no name the workbook uses;
 * - inputs: `carryInputs` (inputs.ts), a value `given` on this build winning over the saved
 *   one; orphans are returned, never dropped silently;
 * - the user's own sheets are kept in their places, as read;
 * - cells the user typed on a generated sheet outside the range it was generated over are kept
 *   where they are when they fall outside the new build's range too; the others are counted
 *   (`displaced`) and returned, so the caller can say so;
 * - a tracked sheet the new build does not make (a commission sheet of a build without a
 *   plan) is kept as it was read, like a sheet of the user's, and named in `kept`.
 */
import { boxesOverlap, rangeAddress, RangeBox } from "./address";
import { carryInputs, GivenInput, OrphanInput, SavedSheet } from "./inputs";
import type { Block, SheetPlan, WorkbookPlan } from "./plan";
import { resolvedPlan } from "./prepare";
import { usedBox } from "./sheetGeometry";
import { uniqueSheetName } from "./validatePlan";

/** What a workbook holds, as read for a refresh (see cli/book.ts for the .xlsx reader). */
export interface ExistingBook {
  /** Every sheet's name, in workbook order. */
  order: string[];
  /** Tracked sheets by role, with their saved inputs. */
  saved: ReadonlyMap<string, SavedSheet>;
  /** Sheets with no role: the user's own, as plans of what is carried. */
  userSheets: SheetPlan[];
  /** Role -> cells the user typed on a tracked sheet outside its generated range. */
  extraCells: ReadonlyMap<string, { box: RangeBox; block: Block }[]>;
  /** A tracked sheet's content, read like a user's sheet (for one the new build does not make). */
  readSheet(name: string): SheetPlan;
}

export interface RefreshResult {
  plan: WorkbookPlan;
  /** Input cells that took a typed value back. */
  carried: number;
  /** Input cells whose saved value gave way to one given on this build. */
  replaced: number;
  orphans: OrphanInput[];
  /** Cells the user typed beside a generated sheet that the new build now covers: not carried. */
  displaced: { sheet: string; at: string }[];
  /** Tracked sheets the new build does not make, kept as they were read. */
  kept: string[];
}

/**
 * The new build `plan` (planned names, tokens unresolved) as a refresh of `book`.
 *
 * @example planRefresh(planWorkbook(newDeals, pipeline).plan, await readExistingBook(bytes))
 * // { plan: sheets named as in the book, typed quotas back; orphans: [{ key: "Carl", ... }] }
 */
export function planRefresh(plan: WorkbookPlan, book: ExistingBook, given: readonly GivenInput[] = []): RefreshResult {
  const { plan: carriedPlan, carried, replaced, orphans } = carryInputs(plan, book.saved, given);
  const renames = new Map<string, string>();
  const roles = new Set<string>();
  for (const sheet of carriedPlan.sheets) {
    const saved = sheet.role !== undefined ? book.saved.get(sheet.role) : undefined;
    if (saved) {
      renames.set(sheet.name, saved.name);
      roles.add(saved.role);
    }
  }
  const taken = [...book.order];
  for (const sheet of carriedPlan.sheets) {
    if (renames.has(sheet.name)) continue;
    const name = uniqueSheetName(sheet.name, taken);
    taken.push(name);
    renames.set(sheet.name, name);
  }
  const resolved = resolvedPlan(carriedPlan, { sheets: renames });

  const displaced: RefreshResult["displaced"] = [];
  const sheets = resolved.sheets.map((sheet) => {
    const extra = sheet.role !== undefined ? book.extraCells.get(sheet.role) : undefined;
    if (!extra) return sheet;
    const box = usedBox(sheet);
    const blocks = [...sheet.blocks];
    for (const cells of extra) {
      if (box && boxesOverlap(box, cells.box)) displaced.push({ sheet: sheet.name, at: cells.block.at });
      else blocks.push(cells.block);
    }
    return { ...sheet, blocks, ...(box ? { generatedRange: rangeAddress(box) } : {}) };
  });

  const kept: string[] = [];
  const byName = new Map(sheets.map((s) => [s.name, s] as const));
  const users = new Map(book.userSheets.map((s) => [s.name, s] as const));
  for (const saved of book.saved.values()) {
    if (roles.has(saved.role)) continue;
    kept.push(saved.name);
    users.set(saved.name, book.readSheet(saved.name));
  }
  const ordered: SheetPlan[] = [];
  for (const name of book.order) {
    const sheet = byName.get(name) ?? users.get(name);
    if (sheet) ordered.push(sheet);
  }
  for (const sheet of sheets) if (!book.order.includes(sheet.name)) ordered.push(sheet);
  return { plan: { ...resolved, sheets: ordered }, carried, replaced, orphans, displaced, kept };
}
