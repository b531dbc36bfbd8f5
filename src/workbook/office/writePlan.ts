/**
 * Applies a plan to the open workbook through Office.js, in a handful of batched requests.
 *
 * Order of work (each step one `context.sync()` unless a block has to be chunked):
 * 1. read: existing sheet, table and defined names, then `preparePlan`'s naming and
 *    references (prepare.ts); with `target`, whether the target ranges are empty
 *    (rollback.ts, one more sync);
 * 2. cells (cells.ts): calculation suspended, sheets added under their final names, every
 *    block as whole 2D arrays in requests under the payload limit, merges, sizes, freeze panes;
 * 3. structure: tables (tables.ts), conditional formats, data validation, notes
 *    (formats.ts), print settings (print.ts, ExcelApi 1.9; not on a target sheet), defined
 *    names, activation;
 * 4. charts (charts.ts; a rejected funnel chart is retried as a bar chart).
 * With `replace`, planned sheets of those roles take the place of the tracked sheets
 * (replace.ts: one more read before step 2, a swap and a retirement after step 4).
 * On failure everything added is removed again (rollback.ts) and the promise rejects with a
 * `WorkbookWriteError` whose message tells the user what to do.
 */
import type { WorkbookPlan } from "../plan";
import { WorkbookWriteError } from "../errors";
import { CheckedPlan, checkPlan } from "../prepare";
import { writeCells } from "./cells";
import { writeCharts } from "./charts";
import { writeFormatsAndValidations } from "./formats";
import { hasPrintSettings, writePrintSettings } from "./print";
import { holdMarkers } from "../replacePlan";
import { nameProperties, nameReference, readReplacement, swapSheets } from "./replace";
import { newWriteState, rememberTarget, rollBack, WriteSession } from "./rollback";
import { writeTables } from "./tables";

// Chunking and splitting of blocks, tested through this module.
export { chunkBlock, splitBlock } from "./cells";
export type { BlockChunk } from "./cells";

/** `Excel.run`, or a stand-in with the same shape (tests pass a recording fake). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type IsSetSupported = (name: string, version?: string) => boolean;

export interface WritePlanTarget {
  /** Existing sheet to write into instead of adding a new one. */
  sheet: string;
  /** Which planned sheet goes there (default: the plan's first sheet). */
  planSheet?: string;
  /** Allow writing over cells that are not empty. Without it a non-empty target is refused. */
  overwrite?: boolean;
}

export interface WritePlanOptions {
  run?: ExcelRun;
  isSetSupported?: IsSetSupported;
  target?: WritePlanTarget;
  /** Largest estimated payload (JSON characters) of one request; default 4,000,000, under Excel's 5 MB. */
  maxRequestPayload?: number;
  /**
   * Roles (`SheetPlan.role`) whose tracked sheets the plan's sheets of the same role replace
   * (replace.ts): they keep the old sheet's name and place, and formulas elsewhere that referred
   * to the old sheet refer to the new one. A role the workbook does not track is added as usual.
   */
  replace?: readonly string[];
}

export interface WritePlanResult {
  /** Actual names of the written sheets, in plan order. */
  sheets: string[];
  /** Actual names of the created tables, in plan order. */
  tables: string[];
  /** What was degraded or skipped on this host, in words for the user. */
  notices: string[];
  /** Number of `context.sync()` calls made. */
  syncs: number;
}

export const DEFAULT_MAX_REQUEST_PAYLOAD = 4_000_000;
/** Lowest Excel API set the writer needs at all (used ranges, defined names). */
const MINIMUM_API = "1.4";

function defaultRun(): ExcelRun {
  return (batch) => Excel.run(batch);
}

function defaultIsSetSupported(): IsSetSupported {
  return (name, version) => Office.context.requirements.isSetSupported(name, version);
}

/**
 * Writes `plan` into the open workbook.
 *
 * Rules: `checkPlan` / `prepare` (prepare.ts) give sheets unique, legal names ("Funnel (2)"),
 * tables unique names ("Funnel2") and resolve references to them; nothing is written over non-empty cells unless
 * `options.target.overwrite` is true; data strings stay text; a funnel chart becomes a bar
 * chart with stages top to bottom where the host lacks or rejects the funnel type;
 * conditional formats are skipped with a notice below ExcelApi 1.6. On failure, added sheets,
 * names, tables and charts are removed and the promise rejects with a `WorkbookWriteError`.
 *
 * @example
 * const { sheets, notices } = await writePlan(planFunnelSheet(deals, options, "en-US"));
 * // sheets: ["Funnel (2)"] when a "Funnel" sheet already existed
 */
export async function writePlan(
  plan: WorkbookPlan,
  options: WritePlanOptions = {},
): Promise<WritePlanResult> {
  // Checked before any request, so an invalid plan never touches the workbook.
  const checked = checkPlan(plan);
  const run = options.run ?? defaultRun();
  const supported = options.isSetSupported ?? defaultIsSetSupported();
  const excelApi = (version: string): boolean => supported("ExcelApi", version);
  if (!excelApi(MINIMUM_API)) {
    throw new WorkbookWriteError(
      "UNSUPPORTED_HOST",
      "This version of Excel cannot receive generated sheets (it lacks ExcelApi 1.4). Update Office or use Excel on the web.",
    );
  }
  const maxPayload = options.maxRequestPayload ?? DEFAULT_MAX_REQUEST_PAYLOAD;
  const target = options.target;

  return run(async (context) => {
    const state = newWriteState();
    const session: WriteSession = {
      context,
      excelApi,
      state,
      notices: [],
      sync: async () => {
        state.syncs += 1;
        await context.sync();
      },
    };
    try {
      return await writeInContext(session, checked, maxPayload, target, options.replace ?? []);
    } catch (error) {
      throw await rollBack(session, error);
    }
  });
}

/** The steps of one write inside `Excel.run`; `writePlan` rolls back if any throws. */
async function writeInContext(
  session: WriteSession,
  checked: CheckedPlan,
  maxPayload: number,
  target: WritePlanTarget | undefined,
  replaceRoles: readonly string[],
): Promise<WritePlanResult> {
  const { context, sync, state, excelApi, notices } = session;
  const workbook = context.workbook;

  // 1. Read what exists, and name against it.
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const tables = workbook.tables;
  tables.load("items/name");
  const names = workbook.names;
  names.load(replaceRoles.length > 0 ? nameProperties(excelApi) : "items/name");
  const targetSheetProxy = target ? worksheets.getItemOrNullObject(target.sheet) : undefined;
  await sync();
  if (target && targetSheetProxy?.isNullObject) {
    throw new WorkbookWriteError(
      "TARGET_NOT_FOUND",
      `There is no sheet named "${target.sheet}". Choose an existing sheet or let a new one be added.`,
    );
  }
  const existingSheets = worksheets.items.map((s) => s.name);
  const replace =
    replaceRoles.length > 0
      ? await readReplacement(
          session,
          checked.plan,
          replaceRoles,
          names.items.map((n) => ({ name: n.name, refersTo: nameReference(n, excelApi), visible: n.visible })),
          existingSheets,
        )
      : undefined;
  const prepared = checked.prepare(
    {
      sheets: existingSheets,
      tables: tables.items.map((t) => t.name),
      names: names.items.map((n) => n.name),
    },
    { target, ...(replace ? { targets: replace.targets } : {}) },
  );
  const { written: plan, held } = replace ? holdMarkers(prepared.plan, replace) : { written: prepared.plan, held: [] };
  if (target && targetSheetProxy) {
    const sheetPlan = plan.sheets.find((s) => s.name === target.sheet)!;
    await rememberTarget(session, targetSheetProxy, sheetPlan, target);
  }

  // 2. Cells.
  if (excelApi("1.6")) workbook.application.suspendApiCalculationUntilNextSync();
  const proxies = new Map<string, Excel.Worksheet>();
  for (const sheet of plan.sheets) {
    if (target && sheet.name === target.sheet) proxies.set(sheet.name, targetSheetProxy!);
    else {
      proxies.set(sheet.name, worksheets.add(sheet.name));
      state.addedSheets.push(sheet.name);
    }
  }
  const totalsRows = await writeCells(session, plan, proxies, maxPayload);

  // 3. Tables, conditional formats, validation, notes, print settings, names, activation.
  const tableNames: string[] = [];
  const unprinted: string[] = [];
  for (const sheet of plan.sheets) {
    const proxy = proxies.get(sheet.name)!;
    tableNames.push(...(await writeTables(sheet, proxy, totalsRows)));
    writeFormatsAndValidations(session, sheet, proxy);
    // A sheet written into keeps its owner's page setup.
    if (hasPrintSettings(sheet.print) && !(target && sheet.name === target.sheet)) {
      if (excelApi("1.9")) writePrintSettings(proxy, sheet.print);
      else unprinted.push(sheet.name);
    }
  }
  if (unprinted.length > 0)
    notices.push(
      `Print settings (orientation, fit to page width, print titles, print area) of ${unprinted.map((n) => `"${n}"`).join(", ")} were skipped: this Excel lacks ExcelApi 1.9.`,
    );
  writeNames(session, plan);
  proxies.get(plan.activeSheet ?? plan.sheets[0].name)?.activate();
  await sync();

  // 4. Charts.
  await writeCharts(session, plan, proxies);

  const finalName = new Map(replace?.swaps.map((s) => [s.temp, s.old]) ?? []);
  const sheets = plan.sheets.map((s) => finalName.get(s.name) ?? s.name);
  if (replace) await swapSheets(session, replace, proxies, held, prepared.tableNames, sheets);

  return {
    sheets,
    tables: tableNames,
    notices,
    syncs: state.syncs,
  };
}

/** Queues the plan's defined names, recorded so a failed write removes them. */
function writeNames(session: WriteSession, plan: WorkbookPlan): void {
  for (const n of plan.names ?? []) {
    const item = session.context.workbook.names.add(n.name, n.refersTo, n.comment);
    if (n.hidden) item.visible = false;
    session.state.addedNames.push(n.name);
  }
}
