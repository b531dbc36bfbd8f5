/**
 * Commission pane -> src/generators/commission (planCommissionWorkbook).
 *
 * With imported deals, the credits are the won deals per owner and close month
 * (`creditWonDeals`, as the command line does) and the Reps sheet's credited amounts are live
 * formulas over the Deals sheet (`creditsFromDeals`), so editing a deal moves the payout.
 * Typed "rep, amount" lines stay typed, in one period labelled with the current month.
 */
import type { CommissionCredits, CommissionPlan } from "../../core/commission/types";
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { formatUi } from "../../i18n/uiLocale";
import { dealsSource, generatorOptions } from "./common";
import { fromGenerator, WiringResult } from "./result";

/** Lines "rep, amount" -> one period of credits; null when a line is not of that shape. */
export function creditsFromLines(lines: readonly string[], periodLabel: string): CommissionCredits | null {
  const byRep = new Map<string, number>();
  for (const line of lines) {
    const m = /^(.+?)[,，\t]\s*(-?[\d,]*\.?\d+)\s*$/.exec(line.trim());
    if (!m) return null;
    const rep = m[1].trim();
    byRep.set(rep, (byRep.get(rep) ?? 0) + Number(m[2].replace(/,/g, "")));
  }
  const reps = [...byRep.keys()];
  return { periods: [periodLabel], reps, credits: reps.map((rep) => ({ rep, period: 0, amount: byRep.get(rep) ?? 0 })) };
}

export interface CommissionExtra {
  tiers: { from: number; rate: number }[];
}

/** The plan the form describes. */
export function commissionPlanFromForm(values: ParsedValues, extra: CommissionExtra): CommissionPlan {
  const plan: CommissionPlan = {
    basis: values.basis === "attainment" ? "attainment" : "amount",
    method: values.method === "retroactive" ? "retroactive" : "marginal",
    tiers: extra.tiers,
    quota: values.quota as number,
  };
  if (typeof values.cap === "number") plan.cap = values.cap;
  if (typeof values.gate === "number") plan.gate = values.gate;
  return plan;
}

export async function planCommission(values: ParsedValues, context: GenerateContext, extra: unknown): Promise<WiringResult> {
  const { planCommissionWorkbook } = await import(/* webpackChunkName: "generators" */ "../../generators/commission");
  const plan = commissionPlanFromForm(values, extra as CommissionExtra);
  if (values.credits === "typed") {
    const credits = creditsFromLines((values.creditLines as string[]) ?? [], new Date().toISOString().slice(0, 7));
    if (!credits) return { ok: false, errors: [{ field: "creditLines", message: formatUi(context.locale, "commission.creditsInvalid") }] };
    return fromGenerator(planCommissionWorkbook(plan, credits, generatorOptions(context)));
  }
  if (!context.data) return { ok: false, errors: [{ field: "", message: formatUi(context.locale, "common.needsDeals") }] };
  return planCommissionFromDeals(plan, context.data, context);
}

/**
 * The commission sheets over the imported deals: one period per close month of the won deals,
 * the credited amounts as formulas over the Deals sheet that ends up in the workbook — the one
 * already written in this language (its actual name), else a Deals sheet bundled before the
 * commission sheets (the writer renames it and its references together when the name is taken).
 *
 * @example
 * await planCommissionFromDeals(plan, context.data, context) // { ok: true, plan: { sheets: ["Deals"?, "Commission plan", ...] } }
 */
export async function planCommissionFromDeals(
  plan: CommissionPlan,
  data: NonNullable<GenerateContext["data"]>,
  context: GenerateContext,
): Promise<WiringResult> {
  const [{ planCommissionWorkbook }, { dealsLayout, dealsSheetsFor }, { creditWonDeals }] = await Promise.all([
    import(/* webpackChunkName: "generators" */ "../../generators/commission"),
    import(/* webpackChunkName: "generators" */ "../../generators/deals"),
    import(/* webpackChunkName: "generators" */ "../../core/commission/wonDeals"),
  ]);
  const credits = creditWonDeals(data.deals, plan);
  if ("errors" in credits) return { ok: false, errors: credits.errors };
  if (credits.periods.length === 0) return { ok: false, errors: [{ field: "", message: formatUi(context.locale, "commission.noWonDeals") }] };
  const options = generatorOptions(context);
  const dealsOptions = { ...options, ...dealsSource(context) };
  const commission = fromGenerator(
    planCommissionWorkbook(plan, credits, { ...options, creditsFromDeals: dealsLayout(data.deals, data.pipeline, dealsOptions) }),
  );
  if (!commission.ok) return commission;
  const sheets = [...dealsSheetsFor(data.deals, data.pipeline, dealsOptions), ...commission.plan.sheets];
  return { ok: true, plan: { ...commission.plan, sheets, activeSheet: commission.plan.activeSheet ?? commission.plan.sheets[0]?.name } };
}
