/**
 * Forecast pane -> src/generators/forecast.ts (planForecastSheet).
 */
import { planForecastSheet } from "../../generators/forecast";
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { dealsSource, generatorOptions, needsDealsResult } from "./common";
import { fromGenerator, WiringResult } from "./result";

export function planForecast(values: ParsedValues, context: GenerateContext): WiringResult {
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
