/**
 * The task pane host inside Excel: plans through the workbook layer's Office writer,
 * reads through small Excel.run calls, settings in the document's settings.
 */
import { writePlan, ExcelRun } from "../workbook/office/writePlan";
import type { WorkbookPlan } from "../workbook/plan";
import type { HostCellValue, HostTable, HostTheme, HostWriteResult, TaskPaneHost } from "./host";

function toTable(values: unknown[][]): HostTable {
  const cell = (v: unknown): HostCellValue => (typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : v === null || v === undefined ? null : String(v));
  const rows = values.map((row) => row.map(cell));
  return { headers: (rows[0] ?? []).map((h) => (h === null ? "" : String(h))), rows: rows.slice(1) };
}

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
  return {
    kind: "office",
    displayLanguage: office.context.displayLanguage ?? "en-US",
    theme: themeOf(office),
    async writePlan(plan: WorkbookPlan): Promise<HostWriteResult> {
      const result = await writePlan(plan, { run });
      return { sheets: result.sheets, notices: result.notices };
    },
    activateSheet(name: string): Promise<void> {
      return run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    },
    readSelection(): Promise<HostTable> {
      return run(async (context) => {
        const used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
        used.load("values");
        await context.sync();
        if (used.isNullObject) throw new Error("The selection is empty: select a range with a header row.");
        return toTable(used.values);
      });
    },
    readTable(name: string): Promise<HostTable> {
      return run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(name);
        await context.sync();
        if (table.isNullObject) throw new Error(`There is no table named ${name}.`);
        const header = table.getHeaderRowRange().load("values");
        const body = table.getDataBodyRange().load("values");
        await context.sync();
        return toTable([...header.values, ...body.values]);
      });
    },
    listTables(): Promise<string[]> {
      return run(async (context) => {
        const tables = context.workbook.tables.load("items/name");
        await context.sync();
        return tables.items.map((t) => t.name);
      });
    },
    getSetting(key: string): unknown {
      return settings.get(key) ?? undefined;
    },
    setSetting(key: string, value: unknown): Promise<void> {
      settings.set(key, value);
      return new Promise((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(new Error(result.error?.message ?? "The document settings could not be saved."));
        });
      });
    },
  };
}
