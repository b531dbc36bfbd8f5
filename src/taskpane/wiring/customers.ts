/**
 * Customers pane -> src/generators/customers.ts (planCustomersSheet).
 */
import { planCustomersSheet } from "../../generators/customers";
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { dealsSource, generatorOptions, needsDealsResult } from "./common";
import { fromGenerator, WiringResult } from "./result";

export function planCustomers(values: ParsedValues, context: GenerateContext): WiringResult {
  if (!context.data) return needsDealsResult(context);
  return fromGenerator(
    planCustomersSheet(context.data.deals, context.data.pipeline, { ...generatorOptions(context), ...dealsSource(context), asOf: values.asOf as string }),
  );
}
