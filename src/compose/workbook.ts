/**
 * The sales workbook the command line builds from an export: Deals, Funnel, Reps, Monthly,
 * Review, Forecast, Customers, Dashboard, ImportIssues and, with a plan, the commission
 * sheets. Each sheet's options come from its declaration's defaults, overridden by typed
 * strings (the command line's `--review-period quarterly`), through `composeWorkbook`.
 */
import type { CommissionPlan } from "../core/commission/types";
import type { Deal, Pipeline } from "../core/deal";
import type { Locale } from "../core/locale";
import type { ImportNote } from "../import/notes";
import type { ImportIssue } from "../import/errors";
import { formatUi } from "../i18n/uiLocale";
import { composeWorkbook, readSheetValues, SheetRequest } from "./compose";
import type { FieldErrors, FormValues } from "./fields";
import { ComposeResult, FieldError, refused } from "./result";
import { DefaultsEnv, SHEETS } from "./sheets";

/** The deal sheets of the built workbook, in order. */
export const BOOK_SHEETS = ["funnel", "reps", "monthly", "review", "forecast", "customers", "dashboard"] as const;
export type BookSheetId = (typeof BOOK_SHEETS)[number];

export interface SalesWorkbookOptions {
  locale?: Locale;
  currency?: string;
  /** Typed options per sheet, e.g. `{ review: { period: "quarterly" } }`; the rest are defaults. */
  sheets?: { [K in BookSheetId]?: FormValues };
  /** Rows left out by the import: an ImportIssues sheet lists them (written even when empty). */
  issues?: readonly ImportIssue[];
  /** Sentences about the whole file (see importNotes), written on ImportIssues. */
  notes?: readonly ImportNote[];
  /** Adds the commission sheets, credited from the won deals. */
  commission?: CommissionPlan;
  /** Each rep's quota on the Reps sheet (the command line's --quotas), over the sheet option's one quota. */
  quotas?: Readonly<Record<string, number>>;
  env?: DefaultsEnv;
}

/** The command-line flag of a sheet's field: `--review-period`. */
export function flagOf(sheet: BookSheetId, field: string): string {
  return `--${SHEETS[sheet].flag}-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function fieldErrors(sheet: BookSheetId, errors: FieldErrors, locale: Locale): FieldError[] {
  return Object.entries(errors).map(([field, e]) => ({ field: flagOf(sheet, field), message: "key" in e ? formatUi(locale, e.key, e.values) : e.text }));
}

/**
 * The errors of typed sheet options (each named by its flag), before any data is read.
 *
 * @example
 * checkSheetOptions({ forecast: { horizon: "0" } }, "en-US") // [{ field: "--forecast-horizon", message: "Must be a number." }]
 */
export function checkSheetOptions(sheets: SalesWorkbookOptions["sheets"], locale: Locale, env: DefaultsEnv = {}): FieldError[] {
  return BOOK_SHEETS.flatMap((id) => {
    const read = readSheetValues(id, sheets?.[id] ?? {}, { locale, ...env });
    return read.ok ? [] : fieldErrors(id, read.errors, locale);
  });
}

/**
 * Plans the whole sales workbook over the deals.
 *
 * @example
 * planWorkbook(deals, pipeline, { locale: "zh-CN", sheets: { reps: { quota: "5000" } } })
 * // { ok: true, plan: { sheets: 商机, 销售漏斗, 销售绩效, 月度收入, 复盘, 预测, 客户档案, 仪表板 } }
 */
export function planWorkbook(deals: readonly Deal[], pipeline: Pipeline, options: SalesWorkbookOptions = {}): ComposeResult {
  const locale = options.locale ?? "en-US";
  const env = options.env ?? {};
  const requests: SheetRequest[] = [{ id: "deals", values: {} }];
  const errors: FieldError[] = [];
  for (const id of BOOK_SHEETS) {
    const read = readSheetValues(id, options.sheets?.[id] ?? {}, { locale, ...env });
    if (read.ok) requests.push({ id, values: id === "reps" && options.quotas ? { ...read.values, quotaByRep: { ...options.quotas } } : read.values } as SheetRequest);
    else errors.push(...fieldErrors(id, read.errors, locale));
  }
  if (options.issues) requests.push({ id: "importIssues", values: {} });
  if (options.commission) requests.push({ id: "commission", values: { plan: options.commission, credits: { from: "deals" } } });
  const composed = composeWorkbook(
    requests,
    { deals: { deals, pipeline, issues: options.issues, notes: options.notes } },
    { locale, currency: options.currency ?? (locale === "zh-CN" ? "CNY" : "USD"), activate: "dashboard" },
  );
  // Every error at once: the data's (a pipeline without stages) and the options'.
  if (errors.length === 0) return composed;
  return refused([...(composed.ok ? [] : composed.errors), ...errors]);
}
