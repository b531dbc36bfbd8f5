/**
 * `composeWorkbook`: the one place a workbook is assembled, for the task pane, the command
 * line and the preview alike. It decides once where the deals are read from (the Deals sheet
 * already in the workbook, or one bundled into this plan), plans each requested sheet through
 * its spec, and returns one plan or every field error together.
 */
import type { Deal, Pipeline } from "../core/deal";
import type { Locale } from "../core/locale";
import type { DashboardPanel } from "../generators/dashboard";
import { isInvalid, type PlanResult } from "../generators/common";
import { dealsLayout } from "../generators/deals";
import type { ImportIssue } from "../import/errors";
import type { ImportNote } from "../import/notes";
import { formatUi } from "../i18n/uiLocale";
import { sheetsText } from "../i18n/sheets";
import type { NamePlan, SheetPlan, WorkbookPlan } from "../workbook/plan";
import { parseForm, type FormValues } from "./fields";
import { PLANNERS, PlanContext, SheetId, SheetValues } from "./planners";
import { ComposeResult, FieldError, refused } from "./result";
import { DefaultsEnv, FormSheetId, SHEETS, SheetNeed } from "./sheets";

/**
 * One sheet to plan, with its typed values. `example`: its numbers are typed examples, not
 * the user's deals; its title says so and the dashboard leaves its charts out.
 */
export type SheetRequest = { [K in SheetId]: { id: K; values: SheetValues[K]; example?: boolean } }[SheetId];

/** A chart already in the workbook; `example` when its sheet was made from example numbers. */
export type ComposeChart = DashboardPanel & { example?: boolean };

/** What the workbook is composed from. */
export interface ComposeData {
  /** Imported deals (with the rows left out, for ImportIssues). */
  deals?: { deals: readonly Deal[]; pipeline: Pipeline; issues?: readonly ImportIssue[]; notes?: readonly ImportNote[] } | null;
  /**
   * A Deals sheet of these deals already in the workbook: its actual name and the language it
   * was written in. Its status words are what formulas compare with, so it serves only sheets
   * of the same language; otherwise a Deals sheet is bundled into the plan.
   */
  dealsSheet?: { name: string; locale: Locale } | null;
  /**
   * Charts already in the workbook, newest last (the dashboard charts them, except those of
   * sheets made from example numbers: a caller that wants those drops their flag).
   */
  charts?: readonly ComposeChart[];
}

export interface ComposeOptions {
  locale: Locale;
  currency: string;
  /** The sheet to show after writing (default the first requested one). */
  activate?: SheetId;
}

/** What the requests need, and so whether a Deals sheet must be bundled. */
function needsOf(request: SheetRequest): readonly SheetNeed[] {
  if (request.id === "deals" || request.id === "importIssues") return ["deals"];
  if (request.id === "commission") return request.values.credits.from === "deals" ? ["deals"] : [];
  const declaration = SHEETS[request.id] as { needs(values: unknown): readonly SheetNeed[] };
  return declaration.needs(request.values);
}

/**
 * Sheets that are not tracked: the planning templates are forms the user fills in (an action
 * plan, a risk register); a second one is another form, never a replacement of the first.
 */
const UNTRACKED: ReadonlySet<SheetId> = new Set(["templates"]);

/** True when a request's sheets are built over the deals (a refresh rebuilds them). */
export function readsDeals(request: SheetRequest): boolean {
  return needsOf(request).includes("deals");
}

/**
 * Each sheet of a request gets a stable role, the request's id ("funnel"; "commission2" for
 * its second sheet), unless its generator gave one: the workbook remembers generated sheets
 * and their inputs by role (workbook/inputs.ts). A role already used in this plan is not
 * given twice.
 */
function withRoles(sheets: readonly SheetPlan[], id: SheetId, used: Set<string>): SheetPlan[] {
  if (UNTRACKED.has(id)) return [...sheets];
  return sheets.map((sheet, i) => {
    const role = sheet.role ?? (i === 0 ? id : `${id}${i + 1}`);
    if (used.has(role.toLowerCase())) return sheet.role === undefined ? sheet : { ...sheet, role: undefined };
    used.add(role.toLowerCase());
    return { ...sheet, role };
  });
}

/** The sheets of an example request: the title in A1 says "(example data)". */
function withExampleTitle(sheets: readonly SheetPlan[], locale: Locale): SheetPlan[] {
  return sheets.map((sheet) => {
    const i = sheet.blocks.findIndex((b) => b.at === "A1" && typeof b.cells[0]?.[0] === "string" && b.cells[0][0] !== "");
    if (i < 0) return sheet;
    const blocks = [...sheet.blocks];
    const title = blocks[i].cells[0][0] as string;
    blocks[i] = { ...blocks[i], cells: [[sheetsText(locale, "common.exampleSuffix", { title }), ...blocks[i].cells[0].slice(1)], ...blocks[i].cells.slice(1)] };
    return { ...sheet, blocks };
  });
}

/** Merges errors, each field and message once. */
function uniqueErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.field}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Plans the requested sheets as one workbook plan.
 *
 * Rules: a deal-based sheet without deals is refused ("Import deals first"); deal-based
 * sheets read the Deals sheet named in `data.dealsSheet` when it is in this language, else
 * a Deals sheet is planned first (always when "deals" itself is requested, as an import
 * does); every request is planned and all refusals come back together, so nothing is
 * written while any part is wrong.
 *
 * @example
 * composeWorkbook([{ id: "review", values: { period: "quarterly" } }], { deals: imported }, { locale: "en-US", currency: "USD" })
 * // { ok: true, plan: { sheets: [Deals, Review], activeSheet: "Review" } }
 */
export function composeWorkbook(requests: readonly SheetRequest[], data: ComposeData, options: ComposeOptions): ComposeResult {
  const { locale } = options;
  const wantsDeals = requests.some((r) => needsOf(r).includes("deals"));
  const imported = data.deals ?? null;
  if (wantsDeals && !imported) return refused([{ field: "", message: formatUi(locale, "common.needsDeals") }]);

  const ordered = [...requests];
  let deals: PlanContext["deals"] = null;
  if (imported) {
    const existing = data.dealsSheet && data.dealsSheet.locale === locale ? data.dealsSheet.name : undefined;
    const bundle = requests.some((r) => r.id === "deals") || (wantsDeals && existing === undefined);
    const ref = dealsLayout(imported.deals, imported.pipeline, locale, bundle ? undefined : existing);
    deals = { deals: imported.deals, pipeline: imported.pipeline, ref, issues: imported.issues ?? [], notes: imported.notes ?? [] };
    if (bundle && !requests.some((r) => r.id === "deals")) ordered.unshift({ id: "deals", values: {} });
  }

  const sheets: SheetPlan[] = [];
  const names: NamePlan[] = [];
  const errors: FieldError[] = [];
  const activeById = new Map<SheetId, string>();
  const roles = new Set<string>();
  const examples = new Set<SheetPlan>();
  const context: PlanContext = {
    locale,
    currency: options.currency,
    deals,
    // Sheets made from example numbers are not charted: a dashboard shows the user's data.
    charts: () => [
      ...sheets.filter((s) => !examples.has(s)).flatMap((s) => (s.charts ?? []).map((chart) => ({ sheet: s.name, chart }))),
      ...[...(data.charts ?? [])].reverse().filter((c) => !c.example).map((c) => ({ sheet: c.sheet, chart: c.chart })),
    ],
  };
  for (const request of ordered) {
    // A dashboard of sheets that were refused would only echo their errors.
    if (errors.length > 0 && needsOf(request).includes("charts")) continue;
    const planner = PLANNERS[request.id] as (ctx: PlanContext, values: unknown) => PlanResult;
    const plan = planner(context, request.values);
    if (isInvalid(plan)) {
      errors.push(...plan.errors);
      continue;
    }
    if (!activeById.has(request.id)) activeById.set(request.id, plan.activeSheet ?? plan.sheets[0]?.name);
    const planned = withRoles(request.example ? withExampleTitle(plan.sheets, locale) : plan.sheets, request.id, roles);
    if (request.example) planned.forEach((s) => examples.add(s));
    sheets.push(...planned);
    names.push(...(plan.names ?? []));
  }
  if (errors.length > 0) return refused(uniqueErrors(errors));

  const activate = options.activate ?? requests[0]?.id;
  const plan: WorkbookPlan = { sheets, activeSheet: (activate && activeById.get(activate)) ?? sheets[0]?.name };
  if (names.length > 0) plan.names = names;
  return { ok: true, plan };
}

/**
 * Typed values of a form-backed sheet from typed strings: its defaults, overridden by what
 * was typed, parsed and checked by its declaration. The task pane and the command line both
 * read options this way.
 *
 * @example
 * readSheetValues("forecast", { horizon: "6" }, {}) // { ok: true, values: { horizon: 6, window: 3 } }
 * readSheetValues("forecast", { horizon: "x" }, {}) // { ok: false, errors: { horizon: { key: "common.mustBeNumber" } } }
 */
export function readSheetValues<K extends FormSheetId>(
  id: K,
  typed: FormValues,
  env: DefaultsEnv,
): { ok: true; values: SheetValues[K] } | { ok: false; errors: ReturnType<typeof parseForm>["errors"] } {
  const declaration = SHEETS[id] as unknown as {
    fields: Parameters<typeof parseForm>[0];
    defaults(env: DefaultsEnv): FormValues;
    validate?(values: unknown): ReturnType<typeof parseForm>["errors"];
  };
  const parsed = parseForm(declaration.fields, { ...declaration.defaults(env), ...typed });
  const errors = Object.keys(parsed.errors).length > 0 ? parsed.errors : (declaration.validate?.(parsed.values) ?? {});
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: parsed.values as unknown as SheetValues[K] };
}
