/**
 * Data pane -> src/import (loaded on demand: the parser and its XLSX reader stay out of
 * the initial task pane bundle), then the Deals and ImportIssues sheets through compose.
 */
import type { Pipeline } from "../../core/deal";
import type { ImportIssue, ImportResult, MappedField, PresetId } from "../../import";
import type { ImportEncoding } from "../../import/decode";
import type { DateOrder, DecimalMark } from "../../import/values";
import type { Locale } from "../../core/locale";
import { importNotes } from "../../import/notes";
import type { ComposeResult, SheetRequest } from "../../compose";
import type { HostTable } from "../../host/types";

export type { ImportIssue, ImportResult, MappedField, PresetId };

export interface ImportChoices {
  preset: PresetId | "auto";
  encoding: ImportEncoding;
  /** How 3/5/2025 is read: "auto" decides from the file's own dates. */
  dateOrder: DateOrder | "auto";
  decimalMark: DecimalMark | "auto";
  /** Header per field; blank entries use the preset's. */
  columns: Partial<Record<MappedField, string>>;
  /** Replaces the preset's pipeline when given. */
  pipeline?: Pipeline;
  /** Only the deals of this pipeline (a value of the file's pipeline column); every pipeline when absent. */
  onlyPipeline?: string;
  currency?: string;
}

export interface ImportProgressReport {
  rowsDone: number;
  /** Estimated total rows (from the share of the file read). */
  total: number;
}

/**
 * Parses an export with the lazily loaded import module. CSV is read in slices with a
 * macrotask between them (`slices: true`), so the pane repaints its progress bar with the
 * row counts during a long import instead of freezing until the end.
 *
 * @example
 * const result = await importExport(bytes, { preset: "auto", encoding: "auto", dateOrder: "auto", decimalMark: "auto", columns: {} }, (p) => setProgress(p));
 */
export async function importExport(
  input: Uint8Array | string,
  choices: ImportChoices,
  onProgress: (progress: ImportProgressReport) => void,
): Promise<ImportResult> {
  const { parseCrmExport } = await import(/* webpackChunkName: "import" */ "../../import");
  const columns = Object.fromEntries(Object.entries(choices.columns).filter(([, v]) => typeof v === "string" && v.trim() !== "")) as Partial<Record<MappedField, string>>;
  return parseCrmExport(input, {
    preset: choices.preset,
    encoding: choices.encoding,
    dateOrder: choices.dateOrder,
    decimalMark: choices.decimalMark,
    columns,
    pipeline: choices.pipeline,
    onlyPipeline: choices.onlyPipeline || undefined,
    currency: choices.currency || undefined,
    slices: true,
    onProgress: (p) => onProgress({ rowsDone: p.rowsDone, total: p.fraction > 0 ? Math.max(p.rowsDone, Math.round(p.rowsDone / p.fraction)) : p.rowsDone }),
  });
}

function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A range read from the workbook as CSV text the importer reads like an export. */
export function tableToCsv(table: HostTable): string {
  return [table.headers, ...table.rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The Deals sheet and, when rows were left out, the ImportIssues sheet, Deals shown first. */
export async function planImportedSheets(result: ImportResult, locale: Locale, currency: string): Promise<ComposeResult> {
  const { composeWorkbook } = await import(/* webpackChunkName: "generators" */ "../../compose");
  const requests: SheetRequest[] = [{ id: "deals", values: {} }];
  const notes = importNotes(result.detected);
  if (result.issues.length > 0 || notes.length > 0) requests.push({ id: "importIssues", values: {} });
  return composeWorkbook(requests, { deals: { deals: result.deals, pipeline: result.pipeline, issues: result.issues, notes } }, { locale, currency });
}
