/** What the commission workbook refuses before planning anything. */
import { CommissionCredits } from "../../core/commission/types";
import { FieldError } from "../common";

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
