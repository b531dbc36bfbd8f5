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
 * Where deal-based generators read deals: the Deals sheet already written by the Data pane
 * (its actual name), or a Deals sheet bundled into the plan when none was written yet.
 */
export function dealsSource(context: GenerateContext): { dealsSheet?: string; includeDeals: boolean } {
  const sheet = context.data?.dealsSheet;
  return sheet ? { dealsSheet: sheet, includeDeals: false } : { includeDeals: true };
}

/** The refusal of a deal-based generator when no deals were imported. */
export function needsDealsResult(context: GenerateContext): WiringResult {
  return { ok: false, errors: [{ field: "", message: formatUi(context.locale, "common.needsDeals") }] };
}
