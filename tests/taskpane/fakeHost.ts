import type { HostTable, HostWriteOptions, HostWriteResult, TaskPaneHost } from "../../src/host/types";
import type { SavedSheet } from "../../src/workbook/inputs";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { resolvedPlan } from "../../src/workbook/prepare";

/**
 * A host that records every call; writePlan answers with the planned names or a given failure.
 * `written` holds each plan with its sheet references resolved to the planned names, as text.
 */
export interface FakeHost extends TaskPaneHost {
  written: WorkbookPlan[];
  /** The options of each write, in the same order as `written`. */
  writeOptions: HostWriteOptions[];
  activated: string[];
  settings: Map<string, unknown>;
  failNextWrite(message: string): void;
}

export function fakeHost(
  options: {
    displayLanguage?: string;
    tables?: Record<string, HostTable>;
    selection?: HostTable;
    sample?: { name: string; bytes: Uint8Array };
    /** Names the workbook gives planned sheets whose name is taken ({ Deals: "Deals (2)" }). */
    rename?: Record<string, string>;
    /** What `readSavedBook` answers (default: nothing tracked). */
    saved?: Map<string, SavedSheet>;
  } = {},
): FakeHost {
  const written: WorkbookPlan[] = [];
  const writeOptions: HostWriteOptions[] = [];
  const activated: string[] = [];
  const settings = new Map<string, unknown>();
  let failure: string | null = null;
  return {
    kind: "fake",
    displayLanguage: options.displayLanguage ?? "en-US",
    written,
    writeOptions,
    activated,
    settings,
    failNextWrite(message: string) {
      failure = message;
    },
    async writePlan(plan: WorkbookPlan, writeOptionsOf: HostWriteOptions = {}): Promise<HostWriteResult> {
      if (failure !== null) {
        const message = failure;
        failure = null;
        throw new Error(message);
      }
      written.push(resolvedPlan(plan));
      writeOptions.push(writeOptionsOf);
      return { sheets: plan.sheets.map((s) => options.rename?.[s.name] ?? s.name), notices: [] };
    },
    async readSavedBook() {
      return options.saved ?? new Map();
    },
    async activateSheet(name: string) {
      activated.push(name);
    },
    async readSelection() {
      if (!options.selection) throw new Error("Nothing selected.");
      return options.selection;
    },
    async readTable(name: string) {
      const t = options.tables?.[name];
      if (!t) throw new Error(`No table ${name}`);
      return t;
    },
    async listTables() {
      return Object.keys(options.tables ?? {});
    },
    ...(options.sample ? { loadSample: async () => options.sample! } : {}),
    getSetting: (key: string) => settings.get(key),
    async setSetting(key: string, value: unknown) {
      settings.set(key, value);
    },
  };
}
