/**
 * templates pane -> src/generators/templates.ts.
 */
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import type { WiringResult } from "./result";

export function planTemplates(_values: ParsedValues, _context: GenerateContext): WiringResult {
  return { ok: false, errors: [{ field: "", message: "Not available yet." }] };
}
