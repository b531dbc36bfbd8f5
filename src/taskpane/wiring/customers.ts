/**
 * Customers pane -> src/generators/customers.ts (planCustomersSheet).
 */
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { dealsSource, generatorOptions, needsDealsResult } from "./common";
import { fromGenerator, WiringResult } from "./result";

export async function planCustomers(values: ParsedValues, context: GenerateContext): Promise<WiringResult> {
  const { planCustomersSheet } = await import(/* webpackChunkName: "generators" */ "../../generators/customers");
  if (!context.data) return needsDealsResult(context);
  return fromGenerator(
    planCustomersSheet(context.data.deals, context.data.pipeline, { ...generatorOptions(context), ...dealsSource(context), asOf: values.asOf as string }),
  );
}
