/**
 * Forecast pane -> src/generators/forecast.ts (planForecastSheet).
 */
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { dealsSource, generatorOptions, needsDealsResult } from "./common";
import { fromGenerator, WiringResult } from "./result";

export async function planForecast(values: ParsedValues, context: GenerateContext): Promise<WiringResult> {
  const { planForecastSheet } = await import(/* webpackChunkName: "generators" */ "../../generators/forecast");
  if (!context.data) return needsDealsResult(context);
  return fromGenerator(
    planForecastSheet(context.data.deals, context.data.pipeline, {
      ...generatorOptions(context),
      ...dealsSource(context),
      horizon: values.horizon as number,
      window: values.window as number,
    }),
  );
}
