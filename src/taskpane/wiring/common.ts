/**
 * Options every generator wiring passes on: language and currency from the app.
 */
import { formatUi } from "../../i18n/uiLocale";
import type { GenerateContext } from "../appContext";
import { effectiveCurrency } from "../settings";
import type { WiringResult } from "./result";

export function generatorOptions(context: GenerateContext): { locale: GenerateContext["locale"]; currency: string } {
  return { locale: context.locale, currency: effectiveCurrency(context.settings, context.locale, context.data?.deals) };
}

/**
 * Where deal-based generators read deals: the Deals sheet already written (its actual name)
 * when it is in the same language, or a Deals sheet bundled into the plan otherwise (none
 * written yet, or written in the other language: its status words would not match).
 */
export function dealsSource(context: GenerateContext): { dealsSheet?: string; includeDeals: boolean } {
  const sheet = context.data?.dealsSheet;
  return sheet && context.data?.dealsLocale === context.locale ? { dealsSheet: sheet, includeDeals: false } : { includeDeals: true };
}

/** The refusal of a deal-based generator when no deals were imported. */
export function needsDealsResult(context: GenerateContext): WiringResult {
  return { ok: false, errors: [{ field: "", message: formatUi(context.locale, "common.needsDeals") }] };
}
