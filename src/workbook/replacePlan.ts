/**
 * Replacing tracked sheets, the part every writer shares (the Office writer in
 * office/replace.ts, the preview workbook): which planned sheet replaces which sheet of the
 * workbook, under which temporary name, and which hidden names wait until the swap.
 */
import { isMarkerOf, Markers } from "./inputs";
import type { WorkbookPlan } from "./plan";
import { quotedSheetRef } from "./plan";
import { uniqueSheetName } from "./validatePlan";

/** One tracked sheet replaced by a planned one. */
export interface Swap {
  role: string;
  /** The planned sheet's name. */
  planned: string;
  /** The old sheet's current name, which the new sheet takes. */
  old: string;
  /** The old sheet's place among the tabs (0-based). */
  oldIndex: number;
  /** The name the new sheet is written under. */
  temp: string;
}

/** Does `formula` mention sheet `sheet` (quoted or bare) or one of `tables`? Over-matching only costs a rewrite. */
export function mentions(formula: string, sheets: readonly string[], tables: readonly string[]): boolean {
  const text = formula.toLowerCase();
  return (
    sheets.some((s) => text.includes(`${s.toLowerCase()}!`) || text.includes(`'${s.replace(/'/g, "''").toLowerCase()}'!`)) ||
    tables.some((t) => text.includes(`${t.toLowerCase()}[`))
  );
}

/**
 * The swaps for `plan`: each planned sheet whose role is in `roles` and tracked in the
 * workbook (its sheet still there) replaces that sheet. Empty when nothing is tracked.
 */
export function planSwaps(plan: WorkbookPlan, roles: readonly string[], markers: Markers, sheets: readonly string[]): Swap[] {
  const wanted = new Set(roles.map((r) => r.toLowerCase()));
  const used = [...sheets];
  const swaps: Swap[] = [];
  const taken = new Set<string>();
  for (const sheet of plan.sheets) {
    const role = sheet.role;
    if (role === undefined || !wanted.has(role.toLowerCase())) continue;
    const target = markers.sheets.get(role);
    if (!target) continue;
    const oldIndex = sheets.findIndex((s) => s.toLowerCase() === target.sheet.toLowerCase());
    if (oldIndex < 0 || taken.has(target.sheet.toLowerCase())) continue;
    taken.add(target.sheet.toLowerCase());
    const temp = uniqueSheetName(`~${sheet.name}`, [...used, ...plan.sheets.map((s) => s.name)]);
    used.push(temp);
    swaps.push({ role, planned: sheet.name, old: sheets[oldIndex], oldIndex, temp });
  }
  return swaps;
}

/**
 * The prepared plan split for step 2: `written` without the hidden names of the replaced
 * roles, `held` those names with their references moved from the temporary names to the
 * final ones (added in step 3).
 */
export function holdMarkers(plan: WorkbookPlan, replace: { swaps: readonly Swap[] }): { written: WorkbookPlan; held: { name: string; refersTo: string; hidden: boolean }[] } {
  const roles = replace.swaps.map((s) => s.role);
  const held = (plan.names ?? []).filter((n) => roles.some((role) => isMarkerOf(n.name, role)));
  const rest = (plan.names ?? []).filter((n) => !held.includes(n));
  const retarget = (text: string): string =>
    replace.swaps.reduce((t, s) => t.split(quotedSheetRef(s.temp, "")).join(quotedSheetRef(s.old, "")), text);
  return {
    written: { ...plan, names: rest },
    held: held.map((n) => ({ name: n.name, refersTo: retarget(n.refersTo), hidden: n.hidden ?? false })),
  };
}
