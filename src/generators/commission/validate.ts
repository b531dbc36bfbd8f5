/** What the commission workbook refuses before planning anything. */
import { validateCredits } from "../../core/commission/engine";
import { CommissionCredits, CommissionPlan, PlanFieldError } from "../../core/commission/types";
import { validateCommissionPlan } from "../../core/commission/validate";
import { FieldError } from "../common";

/**
 * The engine's refusals, without running the engine: the plan's problems, else the
 * credits'. The same errors, in the same order, as `runCommissionPlan`.
 */
export function inputErrors(plan: CommissionPlan, credits: CommissionCredits): PlanFieldError[] {
  const errors = validateCommissionPlan(plan);
  return errors.length > 0 ? errors : validateCredits(plan, credits);
}

/** Credits whose sheet formulas read the Deals sheet: close-month periods, reps distinct ignoring case. */
export function dealsSourceErrors(credits: CommissionCredits): FieldError[] {
  const errors: FieldError[] = [];
  credits.periods.forEach((label, i) => {
    if (!/^\d{4}-\d{2}$/.test(label)) {
      errors.push({ field: `periods[${i}]`, message: `periods[${i}] (${label}) must be a close month "YYYY-MM" to be read from the Deals sheet.` });
    }
  });
  const seen = new Map<string, string>();
  for (const rep of credits.reps) {
    const other = seen.get(rep.toLowerCase());
    if (other !== undefined) {
      errors.push({ field: "reps", message: `${other} and ${rep} differ only in case: the Deals sheet's comparison ignores case, so they are one rep.` });
    }
    seen.set(rep.toLowerCase(), rep);
  }
  return errors;
}
