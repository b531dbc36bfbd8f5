/**
 * The task pane's way to a plan: what the app knows (imported deals, where their Deals sheet
 * is, the charts written so far, language and currency) handed to `composeWorkbook`, loaded
 * on demand so the generators stay out of the pane's first bundle.
 */
import type { ComposeData, ComposeResult, SheetRequest } from "../compose";
import type { GenerateContext } from "./appContext";
import { effectiveCurrency } from "./settings";

/** The app's state as compose's data. */
export function composeData(context: GenerateContext): ComposeData {
  const data = context.data;
  return {
    deals: data ? { deals: data.deals, pipeline: data.pipeline } : null,
    dealsSheet: data?.dealsSheet && data.dealsLocale ? { name: data.dealsSheet, locale: data.dealsLocale } : null,
    charts: context.writtenCharts.map((c) => ({ sheet: c.sheet, chart: c.chart, ...(c.example ? { example: true } : {}) })),
  };
}

/**
 * Plans the requested sheets for the pane.
 *
 * @example
 * await composeFromPane([{ id: "review", values: { period: "monthly" } }], context) // { ok: true, plan }
 */
export async function composeFromPane(requests: readonly SheetRequest[], context: GenerateContext): Promise<ComposeResult> {
  const { composeWorkbook } = await import(/* webpackChunkName: "generators" */ "../compose");
  const currency = effectiveCurrency(context.settings, context.locale, context.data?.deals);
  return composeWorkbook(requests, composeData(context), { locale: context.locale, currency });
}
