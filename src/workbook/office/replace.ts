/**
 * Replacing tracked sheets (a monthly update, "Replace Funnel"): the new sheets of a plan take
 * the place of the sheets the workbook remembers under the same role (inputs.ts), keeping
 * their names (the user's, when renamed), their places among the tabs and the references of
 * the user's own formulas to them.
 *
 * Order of work, after the writer's first read (names with their references):
 * 1. one more read: the old sheets' tables, the active sheet, and the formulas of every other
 *    sheet that mention an old sheet or one of its tables (remembered as text);
 * 2. the writer writes the plan as usual, each replacing sheet under a temporary name, without
 *    the hidden names of the replaced roles (the old ones still hold those names); a failure
 *    here is rolled back as any write (rollback.ts): the workbook is as it was;
 * 3. swap (one sync, reversible): each old sheet takes a temporary name, each new sheet the old
 *    name; the old hidden names of the role are deleted and the new ones added; the remembered
 *    formulas are set again, so they refer to the new sheets. If this fails, it is undone: the
 *    new sheets and names go, the old sheets get their names back, the old hidden names and
 *    the remembered formulas are put back;
 * 4. retire (one sync, past which nothing is undone): the old sheets are deleted, the new
 *    tables get the names the old ones had ("Deals", not "Deals2"), the new sheets move to the
 *    old places, and the remembered formulas are set once more (those naming a table bind to
 *    the renamed one). A failure here leaves the new sheets in place and names what is left.
 */
import { cellAddress, parseRange, splitSheetRef } from "../address";
import { WorkbookWriteError } from "../errors";
import { isMarkerOf, readMarkers } from "../inputs";
import type { WorkbookPlan } from "../plan";
import { mentions, planSwaps, Swap } from "../replacePlan";
import { uniqueSheetName } from "../validatePlan";
import type { WriteSession } from "./rollback";

/** A formula of another sheet that mentions a replaced sheet or table. */
interface RememberedFormula {
  sheet: string;
  address: string;
  formula: string;
}

/** What the replacement knows once the workbook was read (steps 1 and 2). */
export interface ReplaceState {
  swaps: Swap[];
  /** Planned name -> temporary name, for `prepare`'s `targets`. */
  targets: Map<string, string>;
  /** The workbook's hidden names of the replaced roles, as they were. */
  oldMarkers: { name: string; formula: string; visible: boolean }[];
  oldSheets: Excel.Worksheet[];
  /** Table names of each old sheet. */
  oldTables: string[][];
  remembered: RememberedFormula[];
}

/** The properties of `workbook.names` items to load: the reference is `formula` from ExcelApi 1.7, `value` below. */
export function nameProperties(excelApi: (version: string) => boolean): string {
  return excelApi("1.7") ? "items/name,items/formula,items/visible" : "items/name,items/value,items/visible";
}

/** Name and reference of a loaded name item (formula from 1.7, else its value: the address). */
export function nameReference(item: Excel.NamedItem, excelApi: (version: string) => boolean): string {
  const raw: unknown = excelApi("1.7") ? item.formula : item.value;
  const text = typeof raw === "string" ? raw : String(raw ?? "");
  return text.startsWith("=") ? text : `=${text}`;
}

/**
 * Step 1: finds what `plan` replaces from the loaded names and sheets, and reads (one sync)
 * the old sheets' tables, the active sheet and the formulas elsewhere that mention them.
 */
export async function readReplacement(
  session: WriteSession,
  plan: WorkbookPlan,
  roles: readonly string[],
  names: { name: string; refersTo: string; visible: boolean }[],
  sheets: readonly string[],
): Promise<ReplaceState | undefined> {
  const markers = readMarkers(names);
  const swaps = planSwaps(plan, roles, markers, sheets);
  if (swaps.length === 0) return undefined;
  const worksheets = session.context.workbook.worksheets;
  const oldSheets = swaps.map((s) => worksheets.getItem(s.old));
  const tableLists = oldSheets.map((proxy) => {
    const tables = proxy.tables;
    tables.load("items/name");
    return tables;
  });
  const active = worksheets.getActiveWorksheet();
  const oldNames = new Set(swaps.map((s) => s.old.toLowerCase()));
  const others = sheets.filter((s) => !oldNames.has(s.toLowerCase()));
  const used = others.map((name) => {
    const range = worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load(["formulas", "address"]);
    return { name, range };
  });
  await session.sync();
  session.state.activeBefore = active;
  const oldTables = tableLists.map((list) => list.items.map((t) => t.name));
  const mentioned = { sheets: swaps.map((s) => s.old), tables: oldTables.flat() };
  const remembered: RememberedFormula[] = [];
  for (const { name, range } of used) {
    if (range.isNullObject) continue;
    const box = parseRange(splitSheetRef(range.address).address.replace(/\$/g, ""));
    range.formulas.forEach((row, r) =>
      row.forEach((cell: unknown, c) => {
        if (typeof cell === "string" && cell.startsWith("=") && mentions(cell, mentioned.sheets, mentioned.tables))
          remembered.push({ sheet: name, address: cellAddress(box.top + r, box.left + c), formula: cell });
      }),
    );
  }
  const roleList = swaps.map((s) => s.role);
  return {
    swaps,
    targets: new Map(swaps.map((s) => [s.planned, s.temp])),
    oldMarkers: names
      .filter((n) => roleList.some((role) => isMarkerOf(n.name, role)))
      .map((n) => ({ name: n.name, formula: n.refersTo, visible: n.visible })),
    oldSheets,
    oldTables,
    remembered,
  };
}

function setFormulas(session: WriteSession, remembered: readonly RememberedFormula[]): void {
  const worksheets = session.context.workbook.worksheets;
  for (const r of remembered) worksheets.getItem(r.sheet).getRange(r.address).formulas = [[r.formula]];
}

/**
 * Steps 3 and 4: the new sheets (`proxies` by prepared name) take the old ones' names and
 * places. `tableNames` maps planned table names to prepared ones.
 */
export async function swapSheets(
  session: WriteSession,
  replace: ReplaceState,
  proxies: ReadonlyMap<string, Excel.Worksheet>,
  held: readonly { name: string; refersTo: string; hidden: boolean }[],
  tableNames: ReadonlyMap<string, string>,
  finalSheets: readonly string[],
): Promise<void> {
  const { context, sync, state } = session;
  const names = context.workbook.names;
  const used = [...finalSheets, ...replace.swaps.map((s) => s.temp)];
  const retired = replace.swaps.map((s) => {
    const name = uniqueSheetName(`~old ${s.old}`, used);
    used.push(name);
    return name;
  });
  const newSheets = replace.swaps.map((s) => proxies.get(s.temp)!);

  // 3. Swap: everything here can be undone.
  try {
    replace.swaps.forEach((s, i) => {
      replace.oldSheets[i].name = retired[i];
      newSheets[i].name = s.old;
    });
    for (const m of replace.oldMarkers) names.getItemOrNullObject(m.name).delete();
    for (const n of held) {
      const item = names.add(n.name, n.refersTo);
      if (n.hidden) item.visible = false;
    }
    setFormulas(session, replace.remembered);
    await sync();
  } catch (error) {
    await undoSwap(session, replace, newSheets, held).catch(() => undefined);
    throw error;
  }

  // 4. Retire the old sheets: past this point nothing is undone.
  state.committed = true;
  try {
    for (const proxy of replace.oldSheets) proxy.delete();
    const oldTables = new Set(replace.oldTables.flat().map((t) => t.toLowerCase()));
    for (const [planned, prepared] of tableNames)
      if (planned !== prepared && oldTables.has(planned.toLowerCase())) context.workbook.tables.getItem(prepared).name = planned;
    [...replace.swaps]
      .map((s, i) => ({ s, proxy: newSheets[i] }))
      .sort((a, b) => a.s.oldIndex - b.s.oldIndex)
      .forEach(({ s, proxy }) => {
        proxy.position = s.oldIndex;
      });
    setFormulas(session, replace.remembered);
    await sync();
  } catch (error) {
    throw new WorkbookWriteError(
      "CLEANUP_FAILED",
      `The new sheets were written, but putting the old ones away failed (${error instanceof Error ? error.message : String(error)}). ` +
        `Delete these sheets by hand if they are still there: ${retired.join(", ")}.`,
      { cause: error },
    );
  }
}

/** Takes step 3 back: new sheets and names out, old names, hidden names and formulas back. */
async function undoSwap(
  session: WriteSession,
  replace: ReplaceState,
  newSheets: readonly Excel.Worksheet[],
  held: readonly { name: string }[],
): Promise<void> {
  const { context, sync } = session;
  const names = context.workbook.names;
  for (const proxy of newSheets) proxy.delete();
  const all = [...new Set([...replace.oldMarkers.map((m) => m.name), ...held.map((n) => n.name)])];
  const items = all.map((name) => names.getItemOrNullObject(name));
  await sync();
  replace.swaps.forEach((s, i) => {
    replace.oldSheets[i].name = s.old;
  });
  for (const item of items) if (!item.isNullObject) item.delete();
  for (const m of replace.oldMarkers) {
    const item = names.add(m.name, m.formula);
    if (!m.visible) item.visible = false;
  }
  setFormulas(session, replace.remembered);
  await sync();
}
