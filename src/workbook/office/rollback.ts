/**
 * What a write has added, and how to take it away again: every sheet and defined name the
 * write added is deleted; on a target sheet, tables and charts that were not there are
 * deleted and the block ranges get their former formulas and number formats back. Also the
 * state every part of the Office writer shares (`WriteSession`).
 */
import { rangeAddress } from "../address";
import type { SheetPlan } from "../plan";
import { WorkbookWriteError } from "../errors";
import { blockBox } from "../validatePlan";

/** What the write changed so far, for `removeWhatWasAdded`. */
export interface WriteState {
  syncs: number;
  /** Actual names of sheets this write added (removed again on failure). */
  addedSheets: string[];
  /** Defined names this write added. */
  addedNames: string[];
  /** Table and chart names on the target sheet before the write (others are removed on failure). */
  targetTablesBefore: string[];
  targetChartsBefore: string[];
  /**
   * Target block ranges to restore on failure: cleared, then the part that held values or
   * formats before gets its formulas and number formats back.
   */
  targetBefore: {
    address: string;
    occupied?: { address: string; formulas: unknown[][]; numberFormat: unknown[][] };
  }[];
  targetSheet?: string;
  /** The sheet that was active before the write, shown again when it is rolled back. */
  activeBefore?: Excel.Worksheet;
  /** Set once old sheets are being deleted (replace.ts): from then on nothing is rolled back. */
  committed?: boolean;
}

export function newWriteState(): WriteState {
  return {
    syncs: 0,
    addedSheets: [],
    addedNames: [],
    targetTablesBefore: [],
    targetChartsBefore: [],
    targetBefore: [],
  };
}

/** What every part of the Office writer works with during one `Excel.run`. */
export interface WriteSession {
  context: Excel.RequestContext;
  excelApi: (version: string) => boolean;
  /** `context.sync()`, counted in `state.syncs`. */
  sync: () => Promise<void>;
  state: WriteState;
  /** What was degraded or skipped on this host, in words for the user. */
  notices: string[];
}

/**
 * With a target sheet: refuses non-empty block and table ranges unless `overwrite`, and
 * records what the target holds (one sync) so a failed write can put it back.
 */
export async function rememberTarget(
  session: WriteSession,
  proxy: Excel.Worksheet,
  sheetPlan: SheetPlan,
  target: { sheet: string; overwrite?: boolean },
): Promise<void> {
  const { state, sync } = session;
  const addresses = [
    ...sheetPlan.blocks.map((b) => rangeAddress(blockBox(b))),
    ...(sheetPlan.tables ?? []).map((t) => t.range),
  ];
  const used = addresses.map((a) => proxy.getRange(a).getUsedRangeOrNullObject(true));
  // What each block range holds (values or formats), kept to put back if the write fails.
  const before = sheetPlan.blocks.map((b) => {
    const occupied = proxy.getRange(rangeAddress(blockBox(b))).getUsedRangeOrNullObject(false);
    occupied.load(["formulas", "numberFormat", "address"]);
    return { address: rangeAddress(blockBox(b)), occupied };
  });
  const targetTables = proxy.tables;
  targetTables.load("items/name");
  const targetCharts = proxy.charts;
  targetCharts.load("items/name");
  await sync();
  const busy = addresses.filter((_, i) => !used[i].isNullObject);
  if (busy.length > 0 && !target.overwrite) {
    throw new WorkbookWriteError(
      "TARGET_NOT_EMPTY",
      `The cells ${busy.join(", ")} on "${target.sheet}" are not empty. Choose an empty place, or confirm that they may be replaced.`,
    );
  }
  state.targetSheet = target.sheet;
  state.targetTablesBefore = targetTables.items.map((t) => t.name);
  state.targetChartsBefore = targetCharts.items.map((c) => c.name);
  state.targetBefore = before.map((b) =>
    b.occupied.isNullObject
      ? { address: b.address }
      : {
          address: b.address,
          occupied: {
            address: b.occupied.address.slice(b.occupied.address.lastIndexOf("!") + 1),
            formulas: b.occupied.formulas,
            numberFormat: b.occupied.numberFormat,
          },
        },
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

/**
 * Takes back what the failed write added (see `removeWhatWasAdded`) and gives the error the
 * user sees: the original `WorkbookWriteError`, WRITE_FAILED ("Nothing was changed"), or
 * CLEANUP_FAILED naming the sheets to delete by hand.
 */
export async function rollBack(session: WriteSession, error: unknown): Promise<WorkbookWriteError> {
  const { context, state, sync } = session;
  if (state.committed) return error instanceof WorkbookWriteError ? error : new WorkbookWriteError("CLEANUP_FAILED", describe(error), { cause: error });
  const cleanupError = await removeWhatWasAdded(context, state, sync).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof WorkbookWriteError && cleanupError === undefined) return error;
  if (cleanupError !== undefined) {
    return new WorkbookWriteError(
      "CLEANUP_FAILED",
      `Writing the sheet failed (${describe(error)}) and removing the partly written sheets failed too (${describe(cleanupError)}). ` +
        `Delete these sheets by hand: ${state.addedSheets.join(", ") || "none"}.`,
      { cause: error },
    );
  }
  return new WorkbookWriteError(
    "WRITE_FAILED",
    `Excel refused the new sheet (${describe(error)}). Nothing was changed; close any open cell editor and try again.`,
    { cause: error },
  );
}

async function removeWhatWasAdded(
  context: Excel.RequestContext,
  state: WriteState,
  sync: () => Promise<void>,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const sheets = state.addedSheets.map((name) => worksheets.getItemOrNullObject(name));
  const names = state.addedNames.map((name) => context.workbook.names.getItemOrNullObject(name));
  const targetProxy = state.targetSheet
    ? worksheets.getItemOrNullObject(state.targetSheet)
    : undefined;
  if (sheets.length + names.length === 0 && !targetProxy) {
    if (state.activeBefore) {
      state.activeBefore.activate();
      await sync();
    }
    return;
  }
  await sync();
  let targetTables: Excel.TableCollection | undefined;
  let targetCharts: Excel.ChartCollection | undefined;
  if (targetProxy && !targetProxy.isNullObject) {
    targetTables = targetProxy.tables;
    targetTables.load("items/name");
    targetCharts = targetProxy.charts;
    targetCharts.load("items/name");
    await sync();
  }
  for (const proxy of names) if (!proxy.isNullObject) proxy.delete();
  for (const proxy of sheets) if (!proxy.isNullObject) proxy.delete();
  if (targetProxy && targetTables && targetCharts) {
    for (const table of targetTables.items)
      if (!state.targetTablesBefore.includes(table.name)) table.delete();
    for (const chart of targetCharts.items)
      if (!state.targetChartsBefore.includes(chart.name)) chart.delete();
    for (const before of state.targetBefore) {
      targetProxy.getRange(before.address).clear("All");
      if (before.occupied) {
        const range = targetProxy.getRange(before.occupied.address);
        range.formulas = before.occupied.formulas;
        range.numberFormat = before.occupied.numberFormat;
      }
    }
  }
  state.activeBefore?.activate();
  await sync();
}
