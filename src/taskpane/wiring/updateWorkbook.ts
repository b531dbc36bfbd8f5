/**
 * The monthly cycle, pane side: the workbook remembers which pane request made each tracked
 * sheet (a document setting, by role), so a new export can rebuild every one of them over
 * the new deals, with the inputs the user typed carried over by row key, in one write that
 * replaces the tracked sheets (host `writePlan` with `replace`).
 */
import type { Deal, Pipeline } from "../../core/deal";
import type { Locale } from "../../core/locale";
import type { SheetRequest } from "../../compose";
import type { ImportIssue } from "../../import/errors";
import type { ImportNote } from "../../import/notes";
import type { HostWriteResult, TaskPaneHost } from "../../host/types";
import { carryInputs, OrphanInput } from "../../workbook/inputs";
import type { WorkbookPlan } from "../../workbook/plan";

/** Document setting: role -> the pane request that made the sheet. */
export const REQUESTS_SETTING = "salesquant.requests";

/** Roles an import makes itself (not remembered as pane requests). */
const IMPORT_ROLES = new Set(["deals", "importIssues"]);

export type RememberedRequests = Record<string, SheetRequest>;

/** The remembered requests (an empty record when none or when the setting is not one). */
export function rememberedRequests(host: TaskPaneHost): RememberedRequests {
  const value = host.getSetting(REQUESTS_SETTING);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const out: RememberedRequests = {};
  for (const [role, request] of Object.entries(value as Record<string, unknown>)) {
    if (typeof request === "object" && request !== null && typeof (request as { id?: unknown }).id === "string" && "values" in request)
      out[role] = request as SheetRequest;
  }
  return out;
}

/**
 * Remembers that `request` made the tracked sheets of `plan` (their roles), except the
 * Deals and ImportIssues sheets an import makes.
 */
export async function rememberRequest(host: TaskPaneHost, plan: WorkbookPlan, request: SheetRequest): Promise<void> {
  const roles = plan.sheets.map((s) => s.role).filter((r): r is string => r !== undefined && !IMPORT_ROLES.has(r));
  if (roles.length === 0) return;
  const next = { ...rememberedRequests(host) };
  for (const role of roles) next[role] = request;
  await host.setSetting(REQUESTS_SETTING, next);
}

/** The remembered requests, each once (a request that made several sheets is listed once). */
export function distinctRequests(remembered: RememberedRequests): SheetRequest[] {
  const seen = new Set<string>();
  const out: SheetRequest[] = [];
  for (const request of Object.values(remembered)) {
    const key = JSON.stringify(request);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(request);
  }
  return out;
}

/** Does the workbook track a Deals sheet (so an import is an update)? */
export async function tracksDeals(host: TaskPaneHost): Promise<boolean> {
  try {
    return (await host.readSavedBook()).has("deals");
  } catch {
    return false;
  }
}

export interface UpdateData {
  deals: readonly Deal[];
  pipeline: Pipeline;
  issues?: readonly ImportIssue[];
  notes?: readonly ImportNote[];
}

export type UpdateResult =
  | { ok: true; write: HostWriteResult; carried: number; orphans: OrphanInput[]; plan: WorkbookPlan }
  | { ok: false; errors: string[] };

/**
 * Builds Deals (and ImportIssues when rows were left out) and every remembered request that
 * reads the deals again over `data`, puts the typed inputs back by key (`carryInputs`), and replaces the tracked
 * sheets in one write. Orphans (typed inputs whose row key is gone) are returned, never dropped
 * silently. A host write failure rejects (the workbook is as it was).
 *
 * @example
 * const r = await updateTracked(host, { deals, pipeline }, { locale: "en-US", currency: "USD" });
 * // { ok: true, write: { sheets: ["Deals", "Reps", "My funnel"] }, carried: 3, orphans: [...] }
 */
export async function updateTracked(host: TaskPaneHost, data: UpdateData, options: { locale: Locale; currency: string }): Promise<UpdateResult> {
  const { composeWorkbook, readsDeals } = await import(/* webpackChunkName: "generators" */ "../../compose");
  const saved = await host.readSavedBook();
  const requests: SheetRequest[] = [{ id: "deals", values: {} }];
  if ((data.issues?.length ?? 0) > 0 || (data.notes?.length ?? 0) > 0) requests.push({ id: "importIssues", values: {} });
  // Only sheets built over the deals change with them; a typed funnel or goals sheet stays as it is.
  requests.push(...distinctRequests(rememberedRequests(host)).filter(readsDeals));
  const composed = composeWorkbook(requests, { deals: data }, { locale: options.locale, currency: options.currency, activate: "deals" });
  if (!composed.ok) return { ok: false, errors: composed.errors.map((e) => e.message) };
  const carried = carryInputs(composed.plan, saved);
  const roles = carried.plan.sheets.map((s) => s.role).filter((r): r is string => r !== undefined && saved.has(r));
  const write = await host.writePlan(carried.plan, { replace: roles });
  return { ok: true, write, carried: carried.carried, orphans: carried.orphans, plan: carried.plan };
}
