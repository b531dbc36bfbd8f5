/**
 * Which pane requests are made from typed example numbers rather than the imported deals:
 * a funnel or goals from typed numbers, commission from typed credit lines. Their pane shows
 * an "Example data" badge, their sheet's title says so, and the dashboard leaves them out.
 */
import type { ParsedValues } from "../compose/fields";
import type { FormSheetId } from "../compose/sheets";

/**
 * @example
 * fromExamples("funnel", { source: "typed" }) // true
 * fromExamples("review", { period: "monthly" }) // false
 */
export function fromExamples(sheet: FormSheetId, values: ParsedValues): boolean {
  switch (sheet) {
    case "funnel":
    case "goals":
      return values.source === "typed";
    case "commission":
      return values.credits === "typed";
    default:
      return false;
  }
}
