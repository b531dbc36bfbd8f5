/**
 * Templates pane -> src/generators/templates.ts.
 */
import {
  planActionPlanSheet,
  planCompetitorsSheet,
  planFeedbackSheet,
  planRisksSheet,
  planTrainingSheet,
} from "../../generators/templates";
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { generatorOptions } from "./common";
import { fromGenerator, WiringResult } from "./result";

export function planTemplates(values: ParsedValues, context: GenerateContext): WiringResult {
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
