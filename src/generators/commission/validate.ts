/** What the commission workbook refuses before planning anything. */
import { repQuota } from "../../core/commission/engine";
import { CommissionCredits, CommissionPlan, PlanFieldError } from "../../core/commission/types";
import { validateCommissionPlan } from "../../core/commission/validate";
import { FieldError } from "../common";

/**
 * The engine's refusals, without running the engine: the plan's problems, else the
 * credits'. The same errors, in the same order, as `runCommissionPlan`.
 */
export function inputErrors(plan: CommissionPlan, credits: CommissionCredits): PlanFieldError[] {
  const errors = validateCommissionPlan(plan);
  return errors.length > 0 ? errors : creditErrors(plan, credits);
}

/**
 * Credits the engine refuses for this plan. Kept equal to `validateCredits` in
 * core/commission/engine.ts (which is not exported); tests/commission/sheets.test.ts
 * checks that both refuse the same credits with the same errors.
 */
function creditErrors(plan: CommissionPlan, input: CommissionCredits): PlanFieldError[] {
  const errors: PlanFieldError[] = [];
  const periodCount = input.periods.length;
  if (periodCount === 0) errors.push({ field: "periods", message: "List at least one period." });
  if (new Set(input.reps).size !== input.reps.length) errors.push({ field: "reps", message: "A rep is listed twice." });
  for (const rep of input.reps) {
    if (repQuota(plan, rep) === undefined) errors.push({ field: `quota.${rep}`, message: `The plan has no quota for ${rep} (name the rep in quota, or set defaultQuota).` });
  }
  const known = new Set(input.reps);
  const checkPeriod = (field: string, period: number) => {
    if (!Number.isInteger(period) || period < 0 || period >= periodCount) {
      errors.push({ field, message: `${field} must be a period index from 0 to ${periodCount - 1}.` });
    }
  };
  input.credits.forEach((c, i) => {
    const at = `credits[${i}]`;
    if (!known.has(c.rep)) errors.push({ field: `${at}.rep`, message: `${at}.rep (${c.rep}) is not in the rep list.` });
    checkPeriod(`${at}.period`, c.period);
    if (!Number.isFinite(c.amount) || c.amount < 0) errors.push({ field: `${at}.amount`, message: `${at}.amount must be 0 or more.` });
    if (c.spifDeals !== undefined && (!Number.isFinite(c.spifDeals) || c.spifDeals < 0)) {
      errors.push({ field: `${at}.spifDeals`, message: `${at}.spifDeals must be 0 or more.` });
    }
  });
  (input.clawbacks ?? []).forEach((c, i) => {
    const at = `clawbacks[${i}]`;
    if (!known.has(c.rep)) errors.push({ field: `${at}.rep`, message: `${at}.rep (${c.rep}) is not in the rep list.` });
    checkPeriod(`${at}.period`, c.period);
    checkPeriod(`${at}.originalPeriod`, c.originalPeriod);
    if (c.originalPeriod >= c.period) {
      errors.push({ field: `${at}.originalPeriod`, message: `${at}.originalPeriod must be before the period of the reversal.` });
    }
    if (!Number.isFinite(c.amount) || c.amount < 0) errors.push({ field: `${at}.amount`, message: `${at}.amount must be 0 or more.` });
  });
  return errors;
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
