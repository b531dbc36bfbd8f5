/**
 * Scorecard pane -> src/generators/reps.ts (planRepsSheet).
 */
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { dealsSource, generatorOptions, needsDealsResult } from "./common";
import { fromGenerator, WiringResult } from "./result";

export async function planScorecard(values: ParsedValues, context: GenerateContext): Promise<WiringResult> {
  const { planRepsSheet } = await import(/* webpackChunkName: "generators" */ "../../generators/reps");
  if (!context.data) return needsDealsResult(context);
  return fromGenerator(
    planRepsSheet(context.data.deals, context.data.pipeline, {
      ...generatorOptions(context),
      ...dealsSource(context),
      quotas: values.quota as number,
      weights: {
        attainment: values.weightAttainment as number,
        winRate: values.weightWinRate as number,
        won: values.weightWon as number,
        satisfaction: values.weightSatisfaction as number,
      },
    }),
  );
}
