/**
 * The `ImportIssues` sheet: every row the import left out, with where to find it in the
 * file and why, so a manager can fix the export and run it again; and every notice about a
 * deal imported with a value changed (a text cut to fit a cell, a currency ignored).
 */
import { ImportIssue, isNotice } from "../import/errors";
import { blockRange } from "../workbook/address";
import type { SheetPlan } from "../workbook/plan";
import type { Locale } from "../core/locale";
import { importText, ImportTextKey } from "../i18n/import";
import type { TextValues } from "../i18n/translate";
import type { ImportNote } from "../import/notes";

/** Stable table name, the same in every language. */
export const IMPORT_ISSUES_TABLE_NAME = "ImportIssues";

const HEADERS = [
  "issues.header.record",
  "issues.header.line",
  "issues.header.id",
  "issues.header.name",
  "issues.header.reason",
  "issues.header.details",
] as const;

/** Why a row was left out, in the sheet's language (the English `message` when it has no key). */
function details(issue: ImportIssue, locale: Locale): string {
  return issue.messageKey ? importText(locale, issue.messageKey, issue.messageValues) : issue.message;
}

export interface ImportIssuesOptions {
  /** Sheet name to use instead of the localized default. */
  sheetName?: string;
  /** Sentences about the whole file (date order read, blank lines skipped, footer, stages added). */
  notes?: readonly ImportNote[];
}

/**
 * Plans the `ImportIssues` sheet: a title, a one-line summary, the notes about the whole
 * file (one per line under "About the file:", when there are any), and the table
 * `ImportIssues` with the columns record, line, id, name, reason and details.
 *
 * Rules: one row per issue in file order, notices included (their reason says the deal was
 * imported); the summary counts the rows left out and, in a second sentence, the notices, so
 * a cut text never reads as a row left out; the tab is red when rows were left out, orange
 * when there are only notices, green otherwise; the reason and its details are in `locale` (the
 * details from the issue's message key and values); names and ids are written as plain strings, so a
 * hostile name such as `=HYPERLINK(...)` stays text (the writers keep strings text); with no
 * issues the table holds one row saying so (an Excel table cannot be empty).
 *
 * @example
 * planImportIssuesSheet(result.issues, "zh-CN")
 * // one sheet "ImportIssues", table A3:F4, row 4: 3, 4, "D-3", "Acme", "日期无法识别", '“2025-02-30”不是有效的日历日期（列“Close Date”）。'
 */
export function planImportIssuesSheet(
  issues: readonly ImportIssue[],
  locale: Locale = "en-US",
  options: ImportIssuesOptions = {},
): SheetPlan {
  const t = (key: ImportTextKey, values?: TextValues) => importText(locale, key, values);
  const none = t("issues.none");
  const notices = issues.filter(isNotice).length;
  const leftOut = issues.length - notices;
  const summary = [leftOut > 0 ? t("issues.summary", { count: leftOut }) : none];
  if (notices > 0) summary.push(t("issues.notices", { count: notices }));
  const headers = HEADERS.map((key) => t(key));
  const rows: (string | number)[][] =
    issues.length > 0
      ? issues.map((issue) => [issue.record, issue.line, issue.id, issue.name, t(`reason.${issue.reason}`), details(issue, locale)])
      : [["", "", "", "", none, ""]];
  const notes = options.notes ?? [];
  const noteRows = notes.length > 0 ? [[t("issues.fileNotes")], ...notes.map((note) => [importText(locale, note.key, note.values)])] : [];
  const headerRow = 3 + noteRows.length;
  const headerAt = `A${headerRow}`;
  return {
    name: options.sheetName ?? t("issues.sheet"),
    tabColor: leftOut > 0 ? "#C00000" : notices > 0 ? "#ED7D31" : "#70AD47",
    blocks: [
      { at: "A1", cells: [[t("issues.title")]], style: { bold: true, fontSize: 14, fontColor: "#1F3864" } },
      {
        at: "A2",
        cells: [[summary.join(locale === "zh-CN" ? "" : " ")]],
        style: { italic: true, fontColor: "#595959" },
      },
      ...(noteRows.length > 0 ? [{ at: "A3", cells: noteRows, style: { fontColor: "#595959" } }] : []),
      { at: headerAt, cells: [headers], style: { bold: true, fill: "#DDEBF7" } },
      { at: `A${headerRow + 1}`, cells: rows, numberFormat: ["0", "0", "@", "@", null, null], style: { verticalAlignment: "top" } },
    ],
    tables: [
      {
        name: IMPORT_ISSUES_TABLE_NAME,
        range: blockRange(headerAt, rows.length + 1, headers.length),
        style: "TableStyleLight9",
        showBandedRows: true,
      },
    ],
    columnWidths: { A: 9, B: 8, C: 16, D: 36, E: 26, F: 70 },
    freeze: { rows: headerRow, columns: 0 },
  };
}
