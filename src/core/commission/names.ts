/**
 * Rep names the plan gives that no credited deal carries: a quota, a ramp, a proration or a
 * split for "Tom" when the deals say "Tom Brennan". Such a rep is still listed (with no
 * credit: a draw may be owed) when the plan gives them a quota, and each name is reported
 * with the closest owner's name.
 */
import { closestName, planMessage } from "./messages";
import type { CommissionCredits, CommissionDeal, CommissionPlan, PlanFieldError } from "./types";
import { hasOwn } from "./validate";

/** The rep names of the plan's maps, in order: quota (when a map), ramp, proration; each with its map. */
export function planRepNames(plan: CommissionPlan): { source: "quota" | "ramp" | "proration"; name: string }[] {
  const names: { source: "quota" | "ramp" | "proration"; name: string }[] = [];
  if (typeof plan.quota === "object" && plan.quota !== null) for (const name of Object.keys(plan.quota)) names.push({ source: "quota", name });
  for (const source of ["ramp", "proration"] as const) {
    const map = plan[source];
    if (typeof map === "object" && map !== null) for (const name of Object.keys(map)) names.push({ source, name });
  }
  return names;
}

/** True when the plan gives `rep` a quota: a single quota, the rep's own entry, or defaultQuota. */
function hasQuota(plan: CommissionPlan, rep: string): boolean {
  return typeof plan.quota === "number" || (typeof plan.quota === "object" && plan.quota !== null && hasOwn(plan.quota, rep)) || plan.defaultQuota !== undefined;
}

/**
 * The credits with every rep the plan names (in quota, ramp or proration) listed: a name not
 * among the reps (ignoring case, as the Deals sheet's "=" does) is added after them, with no
 * credit, when the plan gives it a quota. Credits and clawbacks are unchanged.
 *
 * @example
 * withPlanReps({ ...plan, quota: { Ann: 1000, Tom: 500 } }, { periods: ["2025-01"], reps: ["Ann"], credits: [...] }).reps
 * // ["Ann", "Tom"]
 */
export function withPlanReps(plan: CommissionPlan, credits: CommissionCredits): CommissionCredits {
  const seen = new Set(credits.reps.map((r) => r.toLowerCase()));
  const reps = [...credits.reps];
  for (const { name } of planRepNames(plan)) {
    if (seen.has(name.toLowerCase()) || !hasQuota(plan, name)) continue;
    seen.add(name.toLowerCase());
    reps.push(name);
  }
  return reps.length === credits.reps.length ? credits : { ...credits, reps };
}

function warning(field: string, source: string, name: string, owners: readonly string[]): PlanFieldError {
  const suggestion = closestName(name, owners);
  const key = suggestion === undefined ? "warning.unmatchedNameNoMatch" : "warning.unmatchedName";
  const values = { source, name, suggestion: suggestion ?? "" };
  return { field, key, values, message: planMessage(key, values) };
}

/**
 * Warnings for the names of the plan (and of the deals' splits, when given) that own no
 * credited deal: `quota.Tom` -> `quota names "Tom", who owns no deal; did you mean "Tom Brennan"?`.
 *
 * Rules: an owner is a rep with a credit above 0 in `credits`; a name is matched exactly
 * (the sheets' comparison ignores case, so "tom brennan" is reported with "Tom Brennan" as
 * the suggestion, being another spelling of the same rep); the suggestion is `closestName`
 * among the owners. Each name is reported once per map; a split rep once, at its first split.
 *
 * @example
 * nameWarnings({ ...plan, quota: { Tom: 500 } }, credits) // [{ field: "quota.Tom", key: "warning.unmatchedName", ... }]
 */
export function nameWarnings(plan: CommissionPlan, credits: CommissionCredits, deals?: readonly CommissionDeal[]): PlanFieldError[] {
  const totals = new Map<string, number>();
  for (const c of credits.credits) totals.set(c.rep, (totals.get(c.rep) ?? 0) + c.amount);
  const owners = credits.reps.filter((rep) => (totals.get(rep) ?? 0) > 0);
  const owns = new Set(owners);
  const warnings: PlanFieldError[] = [];
  for (const { source, name } of planRepNames(plan)) {
    if (!owns.has(name)) warnings.push(warning(`${source}.${name}`, source, name, owners));
  }
  const reported = new Set<string>();
  (deals ?? []).forEach((deal, d) =>
    deal.splits.forEach((split, s) => {
      if (owns.has(split.rep) || reported.has(split.rep)) return;
      reported.add(split.rep);
      warnings.push(warning(`deals[${d}].splits[${s}].rep`, `deals[${d}].splits[${s}]`, split.rep, owners));
    }),
  );
  return warnings;
}
