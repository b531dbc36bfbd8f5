/** The commission sheets' text in each language, and the options of the workbook. */
import { commissionText, CommissionKey } from "../../i18n/commission";
import type { Locale } from "../../core/locale";
import { formulaText } from "../common";
import { DealsLayout } from "../deals";

/**
 * Where the Deals sheet is (compose's deals reference, `dealsLayout(deals, pipeline, locale)`): the sheet
 * name, its data rows and the word its Status column writes for a won deal.
 */
export type CommissionDealsSource = Pick<DealsLayout, "sheetName" | "firstRow" | "lastRow"> & { words: Pick<DealsLayout["words"], "won"> };

export interface CommissionWorkbookOptions {
  locale?: Locale;
  currency?: string;
  /** Write the Statement sheet (default true). */
  statement?: boolean;
  /**
   * The workbook also holds the Deals sheet: write each rep's credited amount and SPIF deals
   * per period as live formulas over it (won deals of that owner whose close month is the
   * period label), so editing a deal's owner, amount, status or close date moves the payout.
   * The period labels must then be close months ("YYYY-MM") and no two reps may differ only
   * in case (the sheet's `=` ignores case). The credits passed along should be
   * `creditWonDeals(deals, plan)` of the same deals: they name the reps and periods, and they
   * are what the engine pays, so the sheets and the engine agree until a deal is edited.
   */
  creditsFromDeals?: CommissionDealsSource;
}

export { commissionText };

/** Localized text of one workbook. */
export type CommissionText = (key: CommissionKey) => string;

/** The plan's option words, as the plan file writes them. */
export type PlanOption =
  | "amount"
  | "attainment"
  | "marginal"
  | "retroactive"
  | "hybrid"
  | "recoverable"
  | "nonRecoverable"
  | "month"
  | "quarter"
  | "year"
  | "yes"
  | "no"
  | "carry"
  | "clawback";

/**
 * An option word as the workbook writes it, in its language: the Plan sheet's cells and lists
 * hold it and the Calc formulas compare with it ("marginal" in English, 累进 in Chinese).
 *
 * @example
 * optionWord(t, "nonRecoverable") // "non-recoverable" in en-US, "不可追回" in zh-CN
 */
export function optionWord(t: CommissionText, option: PlanOption): string {
  return t(`option.${option}`);
}

/**
 * The condition "`cell` holds `option`": its word in the workbook's language, or the English
 * word, which a plan sheet written in English before, a carried input or a user typing the plan
 * file's word may hold (`OR(B5="累进",B5="marginal")`; one comparison in English).
 *
 * @example
 * optionIs(t, "'Plan'!$B$5", "marginal") // "'Plan'!$B$5=\"marginal\"" in en-US
 */
export function optionIs(t: CommissionText, cell: string, option: PlanOption): string {
  const words = [...new Set([optionWord(t, option), commissionText("en-US", `option.${option}`)])];
  const tests = words.map((w) => `${cell}=${formulaText(w)}`);
  return tests.length === 1 ? tests[0] : `OR(${tests.join(",")})`;
}
