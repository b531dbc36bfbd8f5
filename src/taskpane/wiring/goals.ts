/**
 * Goals pane -> src/generators/goals.ts (defaultGoals + planGoalsSheet).
 */
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { generatorOptions } from "./common";
import { fromGenerator, WiringResult } from "./result";

/**
 * The article's KPIs for the chosen period, the revenue goal's target as typed and every
 * goal owned by the typed owner (when given).
 */
export async function planGoals(values: ParsedValues, context: GenerateContext): Promise<WiringResult> {
  const { defaultGoals, planGoalsSheet } = await import(/* webpackChunkName: "generators" */ "../../generators/goals");
  const options = generatorOptions(context);
  const start = values.start as string;
  const deadline = values.deadline as string;
  const owner = typeof values.owner === "string" && values.owner.trim() !== "" ? values.owner.trim() : undefined;
  const goals = defaultGoals(context.locale, Number(start.slice(0, 4)), undefined).map((goal, i) => ({
    ...goal,
    start,
    deadline,
    ...(owner ? { owner } : {}),
    ...(i === 0 ? { target: values.revenueTarget as number } : {}),
  }));
  const result = planGoalsSheet(goals, {
    ...options,
    asOf: values.asOf as string,
    onTrackAt: values.onTrack as number,
    atRiskAt: values.atRisk as number,
  });
  return fromGenerator(result);
}
