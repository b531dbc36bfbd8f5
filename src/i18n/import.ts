/**
 * Import text (src/i18n/import.en-US.ts, import.zh-CN.ts) as a catalog, and its translator.
 * src/import builds every message through it in en-US (the `message` of an issue or an
 * error) and keeps the key and values, so the ImportIssues sheet and the task pane can say
 * the same thing in the workbook's language.
 */
import { createTranslator, defineCatalog } from "./translate";
import { importEnUS, ImportTextKey } from "./import.en-US";
import { importZhCN } from "./import.zh-CN";

export type { ImportTextKey };

/** Why a row was left out, in detail: the key of an ImportIssue's message. */
export type ImportRowKey = Extract<ImportTextKey, `row.${string}`>;
/** Why a file cannot be read: the key of an ImportError's message. */
export type ImportErrorKey = Extract<ImportTextKey, `error.${string}`>;
/** A sentence about the whole file (what was inferred, skipped or added). */
export type ImportNoteKey = Extract<ImportTextKey, `note.${string}`>;
/** Why a cell is not a value (amount, date, probability, flag). */
export type ValueProblem = ImportTextKey extends infer K ? (K extends `value.${infer P}` ? P : never) : never;

export const IMPORT_CATALOG = defineCatalog(importEnUS, importZhCN);

/**
 * Localized import text with `{name}` placeholders filled.
 *
 * @example
 * importText("zh-CN", "row.notAmount", { value: "十万", column: "商机金额" }) // "“十万”不是金额（列“商机金额”）。"
 */
export const importText = createTranslator(IMPORT_CATALOG);
