/** What the commission workbook refuses before planning anything. */
import { validateCredits } from "../../core/commission/engine";
import { CommissionCredits, CommissionPlan, PlanFieldError } from "../../core/commission/types";
import { fieldError, validateCommissionPlan } from "../../core/commission/validate";
import { exampleLabel, periodSpan, planPeriod } from "../../core/commission/periods";

/**
 * The engine's refusals, without running the engine: the plan's problems, else the
 * credits'. The same errors, in the same order, as `runCommissionPlan`.
 */
export function inputErrors(plan: CommissionPlan, credits: CommissionCredits): PlanFieldError[] {
  const errors = validateCommissionPlan(plan);
  return errors.length > 0 ? errors : validateCredits(plan, credits);
}

/**
 * Credits whose sheet formulas read the Deals sheet: periods that are labels of the plan's
 * period ("YYYY-MM" for a monthly plan), reps distinct ignoring case.
 */
export function dealsSourceErrors(plan: CommissionPlan, credits: CommissionCredits): PlanFieldError[] {
  const errors: PlanFieldError[] = [];
  const { period, start } = planPeriod(plan);
  credits.periods.forEach((label, i) => {
    if (periodSpan(label, period, start) === null) {
      errors.push(fieldError(`periods[${i}]`, "error.dealsPeriodLabel", { index: i, label, period, example: exampleLabel(period, start) }));
    }
  });
  const seen = new Map<string, string>();
  for (const rep of credits.reps) {
    const other = seen.get(rep.toLowerCase());
    if (other !== undefined) {
      errors.push(fieldError("reps", "error.repsDifferInCase", { first: other, second: rep }));
    }
    seen.set(rep.toLowerCase(), rep);
  }
  return errors;
}
