/**
 * The host interface: everything the task pane app asks of a workbook. Components never
 * call Excel; they receive a host (the Office host in Excel, the preview host in a plain
 * browser, a fake in tests).
 */
import type { SavedSheet } from "../workbook/inputs";
import type { WorkbookPlan } from "../workbook/plan";

/** A cell value as read back from a sheet. */
export type HostCellValue = string | number | boolean | null;

/** A rectangle read from the workbook: the first row as headers, then the data rows. */
export interface HostTable {
  headers: string[];
  rows: HostCellValue[][];
}

/** What writing a plan did: the sheet names actually used (possibly "Funnel (2)"), and notices for the user. */
export interface HostWriteResult {
  sheets: string[];
  notices: string[];
}

/** How a plan is written. */
export interface HostWriteOptions {
  /**
   * Roles (`SheetPlan.role`) whose tracked sheets the plan's sheets of the same role replace:
   * the new sheet takes the old one's name (the user's, if renamed) and place, the old one is
   * deleted, and the user's formulas that referred to it refer to the new one. All or nothing.
   * Roles the workbook does not track are added as new sheets.
   */
  replace?: readonly string[];
}

/** Office theme colours, when Office reports them. */
export interface HostTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

export interface TaskPaneHost {
  /** "office" inside Excel, "preview" in the browser preview, anything else in tests. */
  readonly kind: string;
  /** Excel's display language ("en-US", "zh-CN"...). */
  readonly displayLanguage: string;
  /** Office theme colours, when known. */
  readonly theme?: HostTheme;
  /** Writes a plan; rejects with an Error whose message a user can act on (nothing is left half-written). */
  writePlan(plan: WorkbookPlan, options?: HostWriteOptions): Promise<HostWriteResult>;
  /**
   * What the workbook remembers of its generated sheets (workbook/inputs.ts), by role: each
   * tracked sheet's current name and its typed inputs by row key (for `carryInputs`).
   */
  readSavedBook(): Promise<Map<string, SavedSheet>>;
  /** Shows a sheet. */
  activateSheet(name: string): Promise<void>;
  /** The used part of the current selection, first row as headers. */
  readSelection(): Promise<HostTable>;
  /** A named table's header row and data rows. */
  readTable(name: string): Promise<HostTable>;
  /** Names of the workbook's tables. */
  listTables(): Promise<string[]>;
  /** A document setting (stored with the workbook). */
  getSetting(key: string): unknown;
  /** Stores a document setting; resolves once it is persisted. */
  setSetting(key: string, value: unknown): Promise<void>;
  /** A sample CRM export to try the app with (the browser preview offers one). */
  loadSample?(): Promise<{ name: string; bytes: Uint8Array }>;
}

/** Document setting key under which the app keeps its settings object. */
export const SETTINGS_KEY = "salesquant.settings";
