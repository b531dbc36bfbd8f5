/**
 * The `ImportIssues` sheet: every row the import left out, with where to find it in the
 * file and why, so a manager can fix the export and run it again.
 */
import type { ImportIssue, ImportIssueReason } from "../import/errors";
import { blockRange } from "../workbook/address";
import type { SheetPlan, WorkbookPlan } from "../workbook/plan";
import type { Locale } from "../core/locale";

/** Stable table name, the same in every language. */
export const IMPORT_ISSUES_TABLE_NAME = "ImportIssues";

interface IssueLabels {
  sheet: string;
  title: string;
  summary: (skipped: number) => string;
  none: string;
  headers: [string, string, string, string, string, string];
  reasons: Record<ImportIssueReason, string>;
}

const LABELS: Record<Locale, IssueLabels> = {
  "en-US": {
    sheet: "ImportIssues",
    title: "Rows left out of the import",
    summary: (skipped) =>
      `${skipped} row(s) were left out of every metric. Fix them in the export and import it again.`,
    none: "No rows were left out.",
    headers: ["Record", "Line", "ID", "Name", "Reason", "Details"],
    reasons: {
      fieldCount: "Wrong number of fields",
      amount: "Amount not readable",
      missingAmount: "Won deal without an amount",
      date: "Date not readable",
      stage: "Unknown stage",
      status: "Unknown status",
      probability: "Probability not readable",
    },
  },
  "zh-CN": {
    sheet: "ImportIssues",
    title: "未导入的行",
    summary: (skipped) => `共 ${skipped} 行未计入任何指标。请在导出文件中修正后重新导入。`,
    none: "所有行均已导入。",
    headers: ["记录", "行号", "编号", "名称", "原因", "详情"],
    reasons: {
      fieldCount: "字段数不符",
      amount: "金额无法识别",
      missingAmount: "赢单缺少金额",
      date: "日期无法识别",
      stage: "未知阶段",
      status: "未知状态",
      probability: "赢率无法识别",
    },
  },
};

export interface ImportIssuesOptions {
  /** Sheet name to use instead of the localized default. */
  sheetName?: string;
}

/**
 * Plans the `ImportIssues` sheet: a title, a one-line summary, and the table
 * `ImportIssues` with the columns record, line, id, name, reason and details.
 *
 * Rules: one row per issue in file order; names and ids are written as plain strings, so a
 * hostile name such as `=HYPERLINK(...)` stays text (the writers keep strings text); with no
 * issues the table holds one row saying so (an Excel table cannot be empty).
 *
 * @example
 * planImportIssuesSheet([{ record: 3, line: 4, id: "D-3", name: "Acme", reason: "date", message: '"2025-02-30" is not a calendar date' }], "en-US")
 * // one sheet "ImportIssues", table A3:F4, row 4: 3, 4, "D-3", "Acme", "Date not readable", '"2025-02-30" is not a calendar date'
 */
export function planImportIssuesSheet(
  issues: readonly ImportIssue[],
  locale: Locale = "en-US",
  options: ImportIssuesOptions = {},
): SheetPlan {
  const labels = LABELS[locale] ?? LABELS["en-US"];
  const rows: (string | number)[][] =
    issues.length > 0
      ? issues.map((issue) => [issue.record, issue.line, issue.id, issue.name, labels.reasons[issue.reason] ?? issue.reason, issue.message])
      : [["", "", "", "", labels.none, ""]];
  const headerAt = "A3";
  return {
    name: options.sheetName ?? labels.sheet,
    tabColor: issues.length > 0 ? "#C00000" : "#70AD47",
    blocks: [
      { at: "A1", cells: [[labels.title]], style: { bold: true, fontSize: 14, fontColor: "#1F3864" } },
      {
        at: "A2",
        cells: [[issues.length > 0 ? labels.summary(issues.length) : labels.none]],
        style: { italic: true, fontColor: "#595959" },
      },
      { at: headerAt, cells: [labels.headers.slice()], style: { bold: true, fill: "#DDEBF7" } },
      { at: "A4", cells: rows, numberFormat: ["0", "0", "@", "@", null, null], style: { verticalAlignment: "top" } },
    ],
    tables: [
      {
        name: IMPORT_ISSUES_TABLE_NAME,
        range: blockRange(headerAt, rows.length + 1, labels.headers.length),
        style: "TableStyleLight9",
        showBandedRows: true,
      },
    ],
    columnWidths: { A: 9, B: 8, C: 16, D: 36, E: 26, F: 70 },
    freeze: { rows: 3, columns: 0 },
  };
}

/** The sheet as a one-sheet workbook plan (for the task pane's "write issues" action). */
export function planImportIssuesWorkbook(issues: readonly ImportIssue[], locale: Locale = "en-US"): WorkbookPlan {
  return { sheets: [planImportIssuesSheet(issues, locale)] };
}
