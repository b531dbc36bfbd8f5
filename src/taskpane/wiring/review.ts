/**
 * Review pane -> src/generators/review.ts (planReviewSheet).
 */
import type { ReviewPeriod } from "../../generators/review";
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { dealsSource, generatorOptions, needsDealsResult } from "./common";
import { fromGenerator, WiringResult } from "./result";

export async function planReview(values: ParsedValues, context: GenerateContext): Promise<WiringResult> {
  const { planReviewSheet } = await import(/* webpackChunkName: "generators" */ "../../generators/review");
  if (!context.data) return needsDealsResult(context);
  const period: ReviewPeriod = values.period === "weekly" || values.period === "quarterly" ? values.period : "monthly";
  return fromGenerator(planReviewSheet(context.data.deals, context.data.pipeline, { ...generatorOptions(context), ...dealsSource(context), period }));
}
