/**
 * The one shape every pane's wiring returns, whatever its generator returns: a plan, or
 * the fields that are wrong. A late change in a generator's signature stays inside its
 * wiring module.
 */
import type { WorkbookPlan } from "../../workbook/plan";

export interface WiringError {
  /** The generator's field name ("stages[2].name"); mapped to a form field when it starts with one. */
  field: string;
  message: string;
}

export type WiringResult = { ok: true; plan: WorkbookPlan } | { ok: false; errors: WiringError[] };

/** Normalizes `WorkbookPlan | { ok: false, errors }` (the generators' convention). */
export function fromGenerator(result: unknown): WiringResult {
  if (typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === false) {
    const errors = (result as { errors?: WiringError[] }).errors ?? [];
    return { ok: false, errors: errors.length > 0 ? errors : [{ field: "", message: "The input was refused." }] };
  }
  if (typeof result === "object" && result !== null && Array.isArray((result as WorkbookPlan).sheets)) {
    return { ok: true, plan: result as WorkbookPlan };
  }
  return { ok: false, errors: [{ field: "", message: "The generator returned no plan." }] };
}
