/**
 * Commission pane -> src/generators/commission (planCommissionWorkbook).
 */
import type { CommissionCredits, CommissionPlan } from "../../core/commission/types";
import type { GenerateContext } from "../appContext";
import type { ParsedValues } from "../form";
import { formatUi } from "../../i18n/uiLocale";
import { generatorOptions } from "./common";
import { fromGenerator, WiringResult } from "./result";

/** One period: won revenue per owner from the imported deals. */
export function creditsFromDeals(context: GenerateContext, periodLabel: string): CommissionCredits | null {
  if (!context.data) return null;
  const byRep = new Map<string, number>();
  for (const deal of context.data.deals) {
    if (deal.status !== "won") continue;
    byRep.set(deal.owner, (byRep.get(deal.owner) ?? 0) + deal.amount);
  }
  const reps = [...byRep.keys()].sort((a, b) => a.localeCompare(b));
  return { periods: [periodLabel], reps, credits: reps.map((rep) => ({ rep, period: 0, amount: byRep.get(rep) ?? 0 })) };
}

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
  const period = new Date().toISOString().slice(0, 7);
  const credits =
    values.credits === "typed" ? creditsFromLines((values.creditLines as string[]) ?? [], period) : creditsFromDeals(context, period);
  if (!credits) {
    const field = values.credits === "typed" ? "creditLines" : "";
    return { ok: false, errors: [{ field, message: formatUi(context.locale, values.credits === "typed" ? "commission.creditsInvalid" : "common.needsDeals") }] };
  }
  const plan = commissionPlanFromForm(values, extra as CommissionExtra);
  return fromGenerator(planCommissionWorkbook(plan, credits, generatorOptions(context)));
}
