/**
 * The commission sheets: a plan and credits -> five live sheets a finance team can audit.
 *
 * - Plan: every input (basis, method, hybrid start, target pay, gate, cap, draw, SPIF), the
 *   names of the plan that own no credited deal (`nameWarnings`, from row `PLAN_CELLS.warningsTop`), the
 *   tier table (`CommissionTiers`) with its rate steps, bonus bands, and a check cell that
 *   turns red when the thresholds are not strictly ascending. While it is red every tier
 *   commission is #N/A: an unsorted table never gives a silently wrong payout.
 * - Reps: one row per rep and period (`CommissionReps`): quota, ramp factor, share of the
 *   period, credited amount and SPIF deals (typed, or with `creditsFromDeals` live formulas
 *   over the Deals sheet of the same workbook); and the clawbacks (`CommissionClawbacks`).
 * - Calc: one row per rep and period (`CommissionCalc`), the engine's steps column by column:
 *   marginal by the SUMPRODUCT differential-rate formula, retroactive by INDEX/MATCH.
 * - Statement: eight lines per rep and period as in the engine's audit trail (`CommissionStatement`).
 * - Summary: total payout, payout share of credited revenue, payout per rep with a chart,
 *   credited revenue and payout per period.
 *
 * Classic native formulas only, A1 references across sheets via `sheetRef`. Rep names and
 * period labels are compared with "=" inside SUMPRODUCT, never as SUMIFS criteria, where a
 * name such as "=x", ">5" or "A*" would act as an operator or a wildcard. The Plan sheet's
 * option words ("marginal", "recoverable"...) are written and compared in the workbook's
 * language (累进, 可追回 in Chinese; `optionWord`).
 */
import { CommissionCredits, CommissionPlan } from "../../core/commission/types";
import { nameWarnings } from "../../core/commission/names";
import { localizeCommissionMessages } from "../../i18n/commission";
import { SheetPlan, WorkbookPlan } from "../../workbook/plan";
import { FieldError, invalid, InvalidInput, sheetFormats } from "../common";
import { calcSheet } from "./calcSheet";
import { commissionLayout } from "./layout";
import { planSheet } from "./planSheet";
import { repsSheet } from "./repsSheet";
import { statementSheet } from "./statementSheet";
import { summarySheet } from "./summarySheet";
import { CommissionText, CommissionWorkbookOptions, commissionText } from "./text";
import { dealsSourceErrors, inputErrors } from "./validate";

export { CALC_COLUMNS, FIRST_ROW, PLAN_CELLS, STATEMENT_LINES, YTD_STATEMENT_LINES, statementLinesOf } from "./layout";
export { commissionText } from "./text";
export { periodHeaderRow } from "./summarySheet";
export type { CommissionDealsSource, CommissionWorkbookOptions } from "./text";

/**
 * Plans the commission workbook. Refuses (nothing planned) when the plan or the credits
 * are invalid, with the engine's field errors.
 *
 * @example
 * const plan = planCommissionWorkbook(
 *   { basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.05 }, { from: 10000, rate: 0.1 }], quota: 20000 },
 *   { periods: ["2025-01"], reps: ["Ann"], credits: [{ rep: "Ann", period: 0, amount: 15000 }] },
 *   { locale: "en-US" },
 * );
 * // 'Commission calc'!R4 = 10,000 x 5% + 5,000 x 10% = 1,000
 */
export function planCommissionWorkbook(
  plan: CommissionPlan,
  credits: CommissionCredits,
  options: CommissionWorkbookOptions = {},
): WorkbookPlan | InvalidInput {
  const locale = options.locale ?? "en-US";
  const errors = inputErrors(plan, credits);
  if (errors.length > 0) return invalid(localizeCommissionMessages(locale, errors) as FieldError[]);
  const deals = options.creditsFromDeals;
  if (deals) {
    const sourceErrors = dealsSourceErrors(plan, credits);
    if (sourceErrors.length > 0) return invalid(localizeCommissionMessages(locale, sourceErrors) as FieldError[]);
  }
  const t: CommissionText = (key) => commissionText(locale, key);
  const formats = sheetFormats({ locale, currency: options.currency });
  const layout = commissionLayout(plan, credits, t);
  const warnings = localizeCommissionMessages(locale, nameWarnings(plan, credits)).map((w) => w.message);
  const sheets: SheetPlan[] = [
    planSheet(plan, layout, t, formats, warnings),
    repsSheet(plan, credits, layout, t, formats, deals),
    calcSheet(layout, t, formats),
  ];
  if (options.statement !== false) sheets.push(statementSheet(layout, t, formats));
  sheets.push(summarySheet(credits.reps, credits.periods, layout, t, formats));
  return { sheets, activeSheet: layout.names.summary };
}
