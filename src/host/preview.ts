/**
 * The task pane host of the browser preview: plans go into a PreviewWorkbook, document
 * settings into localStorage (or memory where there is none).
 */
import type { HostTable, HostWriteOptions, HostWriteResult, TaskPaneHost } from "./types";
import type { WorkbookPlan } from "../workbook/plan";
import { formatCellValue } from "../workbook/preview/numberFormat";
import { PreviewWorkbook } from "../workbook/preview/previewWorkbook";

/** The part of the Storage API the host uses. */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function memoryStorage(): SettingsStorage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

const STORAGE_PREFIX = "salesquant.preview.";

export interface PreviewHostOptions {
  storage?: SettingsStorage;
  displayLanguage?: string;
}

/**
 * A host over a preview workbook.
 *
 * Rules: writePlan applies the whole plan or nothing (it rejects with the reason), and with
 * `replace` replaces tracked sheets as Excel's writer does; readSavedBook reads the markers;
 * readSelection reads the grid's selected range, first row as headers.
 *
 * @example
 * const host = createPreviewHost(new PreviewWorkbook(), { displayLanguage: "zh-CN" });
 * await host.writePlan(plan); // { sheets: ["Funnel"], notices: [] }
 */
export function createPreviewHost(workbook: PreviewWorkbook, options: PreviewHostOptions = {}): TaskPaneHost {
  const storage = options.storage ?? memoryStorage();
  const toTable = (values: (string | number | boolean | null)[][]): HostTable => ({
    headers: (values[0] ?? []).map((h) => formatCellValue(h)),
    rows: values.slice(1),
  });
  return {
    kind: "preview",
    displayLanguage: options.displayLanguage ?? "en-US",
    async writePlan(plan: WorkbookPlan, options: HostWriteOptions = {}): Promise<HostWriteResult> {
      const result = workbook.applyPlan(plan, options.replace ? { replace: options.replace } : {});
      return { sheets: result.sheets, notices: [] };
    },
    async readSavedBook() {
      return workbook.savedBook();
    },
    async activateSheet(name: string): Promise<void> {
      workbook.activate(name);
    },
    async readSelection(): Promise<HostTable> {
      const sel = workbook.selection;
      if (!sel) throw new Error("Select a range with a header row first.");
      return toTable(workbook.values(sel.sheet, sel.range));
    },
    async readTable(name: string): Promise<HostTable> {
      return workbook.readTable(name);
    },
    async listTables(): Promise<string[]> {
      return workbook.tables().map((t) => t.table.name);
    },
    getSetting(key: string): unknown {
      const raw = storage.getItem(STORAGE_PREFIX + key);
      if (raw === null) return undefined;
      try {
        return JSON.parse(raw);
      } catch {
        return undefined;
      }
    },
    async setSetting(key: string, value: unknown): Promise<void> {
      storage.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
    },
  };
}
