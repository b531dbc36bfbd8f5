/**
 * The task pane host inside Excel: plans through the workbook layer's Office writer, reads
 * through its readers, settings in the document's settings.
 */
import { listTableNames, readSavedWorkbook, readSelection, readTable } from "../workbook/office/readers";
import { writePlan, ExcelRun } from "../workbook/office/writePlan";
import type { WorkbookPlan } from "../workbook/plan";
import type { HostTable, HostTheme, HostWriteOptions, HostWriteResult, TaskPaneHost } from "./types";

function themeOf(office: typeof Office): HostTheme | undefined {
  const theme = office.context?.officeTheme;
  if (!theme || !theme.bodyBackgroundColor) return undefined;
  return {
    bodyBackgroundColor: theme.bodyBackgroundColor,
    bodyForegroundColor: theme.bodyForegroundColor,
    controlBackgroundColor: theme.controlBackgroundColor,
    controlForegroundColor: theme.controlForegroundColor,
  };
}

/**
 * A host over Office.js (call after Office.onReady reported Excel).
 *
 * @example
 * Office.onReady((info) => { if (info.host === Office.HostType.Excel) render(createOfficeHost()); });
 */
export function createOfficeHost(office: typeof Office = Office, run: ExcelRun = (batch) => Excel.run(batch)): TaskPaneHost {
  const settings = office.context.document.settings;
  const isSetSupported = (name: string, version?: string): boolean => office.context.requirements.isSetSupported(name, version);
  return {
    kind: "office",
    displayLanguage: office.context.displayLanguage ?? "en-US",
    theme: themeOf(office),
    async writePlan(plan: WorkbookPlan, options: HostWriteOptions = {}): Promise<HostWriteResult> {
      const result = await writePlan(plan, { run, isSetSupported, ...(options.replace ? { replace: options.replace } : {}) });
      return { sheets: result.sheets, notices: result.notices };
    },
    readSavedBook() {
      return readSavedWorkbook(run, (version) => isSetSupported("ExcelApi", version));
    },
    activateSheet(name: string): Promise<void> {
      return run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    },
    async readSelection(): Promise<HostTable> {
      const table = await readSelection(run);
      return { headers: table.headers, rows: table.rows };
    },
    async readTable(name: string): Promise<HostTable> {
      const table = await readTable(name, run);
      return { headers: table.headers, rows: table.rows };
    },
    listTables(): Promise<string[]> {
      return listTableNames(run);
    },
    getSetting(key: string): unknown {
      return settings.get(key) ?? undefined;
    },
    setSetting(key: string, value: unknown): Promise<void> {
      settings.set(key, value);
      return new Promise((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === office.AsyncResultStatus.Succeeded) resolve();
          else reject(new Error(result.error?.message ?? "The document settings could not be saved."));
        });
      });
    },
  };
}
