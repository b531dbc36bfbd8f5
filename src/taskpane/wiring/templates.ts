/**
 * Templates pane -> src/generators/templates.ts.
 */
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { generatorOptions } from "./common";
import { fromGenerator, WiringResult } from "./result";

export async function planTemplates(values: ParsedValues, context: GenerateContext): Promise<WiringResult> {
  const { planActionPlanSheet, planCompetitorsSheet, planFeedbackSheet, planRisksSheet, planTrainingSheet } = await import(
    /* webpackChunkName: "generators" */ "../../generators/templates"
  );
  const options = { ...generatorOptions(context), rows: values.rows as number, asOf: values.asOf as string };
  switch (values.kind) {
    case "feedback":
      return fromGenerator(planFeedbackSheet([], options));
    case "risks":
      return fromGenerator(planRisksSheet(undefined, options));
    case "competitors":
      return fromGenerator(planCompetitorsSheet(undefined, options));
    case "training":
      return fromGenerator(planTrainingSheet([], options));
    default:
      return fromGenerator(planActionPlanSheet(undefined, options));
  }
}
