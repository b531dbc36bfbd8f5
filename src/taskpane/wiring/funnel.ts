/**
 * Funnel pane -> src/generators/funnel.ts.
 */
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { dealsSource, generatorOptions, needsDealsResult } from "./common";
import { fromGenerator, WiringResult } from "./result";

export interface FunnelInput {
  source: "deals" | "typed";
  /** Typed source: stage names and counts, one per line. */
  stages: string[];
  counts: number[];
  /** Target conversion per row (decimal), blank lines allowed. */
  targets: (number | null)[];
}

/** Reads the pane's parsed values. */
export function funnelInput(values: ParsedValues): FunnelInput {
  const lines = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  const pct = (s: string) => {
    const n = Number(s.replace(/%$/, "").trim());
    return s.trim() === "" || !Number.isFinite(n) ? null : n / 100;
  };
  return {
    source: values.source === "typed" ? "typed" : "deals",
    stages: lines(values.stages),
    counts: lines(values.counts).map((c) => Number(c.replace(/,/g, ""))),
    targets: lines(values.targets).map(pct),
  };
}

export async function planFunnel(values: ParsedValues, context: GenerateContext): Promise<WiringResult> {
  const { planFunnelFromDeals, planFunnelSheet } = await import(/* webpackChunkName: "generators" */ "../../generators/funnel");
  const input = funnelInput(values);
  const base = { ...generatorOptions(context), targetConversions: input.targets.length > 0 ? input.targets : undefined };
  if (input.source === "deals") {
    if (!context.data) return needsDealsResult(context);
    return fromGenerator(planFunnelFromDeals(context.data.deals, context.data.pipeline, { ...base, ...dealsSource(context) }));
  }
  const stages = input.stages.map((name, i) => ({ name, count: input.counts[i] ?? NaN }));
  return fromGenerator(planFunnelSheet(stages, base));
}
