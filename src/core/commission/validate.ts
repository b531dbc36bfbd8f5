/**
 * Commission plan validation and the plan file format (`--commission-plan PLAN.json`).
 *
 * Every problem is reported with the field it concerns, as a path: "tiers[2].from",
 * "quota.Alice", "draw.recoverable". An invalid plan is never computed.
 */
import { isCoreError } from "../errors";
import { marginalCommission, retroactiveCommission, TierTable, validateTierTable } from "./tiers";
import { CommissionPlan, PlanFieldError } from "./types";

const BASES = ["amount", "attainment"] as const;
const METHODS = ["marginal", "retroactive", "hybrid"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** The plan's tier table (valid plans only). */
export function planTierTable(plan: CommissionPlan): TierTable {
  const table = validateTierTable(
    plan.tiers.map((t) => t.from),
    plan.tiers.map((t) => t.rate),
  );
  if (isCoreError(table)) throw new Error(`planTierTable on an invalid plan: ${table.message}`);
  return table;
}

function checkNonNegative(errors: PlanFieldError[], field: string, value: unknown, positive = false): void {
  if (value === undefined) return;
  if (!isNumber(value)) errors.push({ field, message: `${field} must be a number.` });
  else if (positive ? value <= 0 : value < 0) {
    errors.push({ field, message: `${field} must be ${positive ? "greater than 0" : "0 or more"} (got ${value}).` });
  }
}

function checkFactors(errors: PlanFieldError[], field: string, value: unknown, maxOne: boolean): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    errors.push({ field, message: `${field} must map rep names to lists of factors per period.` });
    return;
  }
  for (const [rep, factors] of Object.entries(value)) {
    if (!Array.isArray(factors)) {
      errors.push({ field: `${field}.${rep}`, message: `${field}.${rep} must be a list of factors per period.` });
      continue;
    }
    factors.forEach((f, i) => {
      const at = `${field}.${rep}[${i}]`;
      if (!isNumber(f) || f <= 0 || (maxOne && f > 1)) {
        errors.push({ field: at, message: `${at} must be a number above 0${maxOne ? " and at most 1" : ""} (got ${String(f)}).` });
      }
    });
  }
}

/**
 * Checks a plan; returns every problem found (empty when the plan is valid).
 *
 * Rules: basis and method from their lists; tiers non-empty, `from` strictly ascending,
 * rates >= 0; hybrid needs `marginalFrom` equal to the `from` of a tier after the first;
 * quota > 0 (or > 0 for every rep listed), defaultQuota > 0; targetPay only with basis "attainment";
 * gate, cap, draw amount, SPIF amounts, bonus amounts >= 0; ramp factors > 0, proration
 * factors in (0, 1]; bonus bands strictly ascending; and a gate within the cap's reach
 * (with both set, the tier payout at exactly the gate must not already exceed the cap,
 * which would make every paid period the same flat cap).
 *
 * @example
 * validateCommissionPlan({ basis: "amount", method: "marginal", tiers: [{from: 0, rate: -1}], quota: 1000 })
 * // [{ field: "tiers[0].rate", message: "tiers[0].rate must be 0 or more (got -1)." }]
 */
export function validateCommissionPlan(plan: CommissionPlan): PlanFieldError[] {
  const errors: PlanFieldError[] = [];
  if (!BASES.includes(plan.basis)) {
    errors.push({ field: "basis", message: `basis must be "amount" or "attainment" (got ${JSON.stringify(plan.basis)}).` });
  }
  if (!METHODS.includes(plan.method)) {
    errors.push({
      field: "method",
      message: `method must be "marginal", "retroactive" or "hybrid" (got ${JSON.stringify(plan.method)}).`,
    });
  }
  const tiers = Array.isArray(plan.tiers) ? plan.tiers : [];
  if (!Array.isArray(plan.tiers) || tiers.length === 0) {
    errors.push({ field: "tiers", message: "tiers must list at least one tier {from, rate}." });
  }
  tiers.forEach((tier, i) => {
    if (!isRecord(tier)) {
      errors.push({ field: `tiers[${i}]`, message: `tiers[${i}] must be an object {from, rate}.` });
      return;
    }
    if (!isNumber(tier.from)) errors.push({ field: `tiers[${i}].from`, message: `tiers[${i}].from must be a number.` });
    else if (i > 0 && isNumber(tiers[i - 1]?.from) && !(tier.from > tiers[i - 1].from)) {
      errors.push({
        field: `tiers[${i}].from`,
        message: `tiers must be strictly ascending: tiers[${i}].from (${tier.from}) is not above tiers[${i - 1}].from (${tiers[i - 1].from}).`,
      });
    }
    if (!isNumber(tier.rate)) errors.push({ field: `tiers[${i}].rate`, message: `tiers[${i}].rate must be a number.` });
    else if (tier.rate < 0) {
      errors.push({ field: `tiers[${i}].rate`, message: `tiers[${i}].rate must be 0 or more (got ${tier.rate}).` });
    }
  });
  if (plan.method === "hybrid") {
    const at = tiers.findIndex((t) => isRecord(t) && t.from === plan.marginalFrom);
    if (!isNumber(plan.marginalFrom) || at < 1) {
      errors.push({
        field: "marginalFrom",
        message: "A hybrid plan needs marginalFrom: the from of the first tier paid marginally (any tier but the first).",
      });
    }
  } else if (plan.marginalFrom !== undefined && !isNumber(plan.marginalFrom)) {
    errors.push({ field: "marginalFrom", message: "marginalFrom must be a number." });
  }
  if (isNumber(plan.quota)) {
    checkNonNegative(errors, "quota", plan.quota, true);
  } else if (isRecord(plan.quota)) {
    const entries = Object.entries(plan.quota);
    if (entries.length === 0) errors.push({ field: "quota", message: "quota lists no rep." });
    for (const [rep, q] of entries) checkNonNegative(errors, `quota.${rep}`, q, true);
  } else {
    errors.push({ field: "quota", message: "quota must be a number or an object {rep: number}." });
  }
  checkNonNegative(errors, "defaultQuota", plan.defaultQuota, true);
  checkNonNegative(errors, "targetPay", plan.targetPay);
  if (plan.targetPay !== undefined && plan.basis === "amount") {
    errors.push({ field: "targetPay", message: 'targetPay (multipliers of target pay) needs basis "attainment".' });
  }
  checkNonNegative(errors, "gate", plan.gate);
  checkNonNegative(errors, "cap", plan.cap);
  if (plan.draw !== undefined) {
    if (!isRecord(plan.draw)) errors.push({ field: "draw", message: "draw must be an object {amount, recoverable}." });
    else {
      if (plan.draw.amount === undefined) errors.push({ field: "draw.amount", message: "draw.amount is missing." });
      checkNonNegative(errors, "draw.amount", plan.draw.amount);
      if (typeof plan.draw.recoverable !== "boolean") {
        errors.push({ field: "draw.recoverable", message: "draw.recoverable must be true or false." });
      }
    }
  }
  checkFactors(errors, "ramp", plan.ramp, false);
  checkFactors(errors, "proration", plan.proration, true);
  if (plan.spif !== undefined) {
    if (!isRecord(plan.spif)) errors.push({ field: "spif", message: "spif must be an object {amount, minDealAmount}." });
    else {
      if (plan.spif.amount === undefined) errors.push({ field: "spif.amount", message: "spif.amount is missing." });
      checkNonNegative(errors, "spif.amount", plan.spif.amount);
      checkNonNegative(errors, "spif.minDealAmount", plan.spif.minDealAmount);
    }
  }
  if (plan.bonusBands !== undefined) {
    if (!Array.isArray(plan.bonusBands)) errors.push({ field: "bonusBands", message: "bonusBands must be a list." });
    else {
      plan.bonusBands.forEach((band, i) => {
        const at = `bonusBands[${i}]`;
        if (!isRecord(band)) {
          errors.push({ field: at, message: `${at} must be an object {from, amount}.` });
          return;
        }
        if (!isNumber(band.from)) errors.push({ field: `${at}.from`, message: `${at}.from must be a number.` });
        else if (i > 0 && isNumber(plan.bonusBands![i - 1]?.from) && !(band.from > plan.bonusBands![i - 1].from)) {
          errors.push({ field: `${at}.from`, message: `bonusBands must be strictly ascending at ${at}.from.` });
        }
        checkNonNegative(errors, `${at}.amount`, band.amount);
        if (band.amount === undefined) errors.push({ field: `${at}.amount`, message: `${at}.amount is missing.` });
      });
    }
  }
  if (plan.allowOverlay !== undefined && typeof plan.allowOverlay !== "boolean") {
    errors.push({ field: "allowOverlay", message: "allowOverlay must be true or false." });
  }
  if (errors.length === 0 && plan.gate !== undefined && plan.cap !== undefined && plan.gate > 0) {
    const reach = gatePayout(plan);
    if (reach > plan.cap) {
      errors.push({
        field: "gate",
        message: `The gate (${plan.gate}) is beyond the cap's reach: at that attainment the tier payout (${reach}) already exceeds the cap (${plan.cap}), so every paid period would pay the same capped amount.`,
      });
    }
  }
  return errors;
}

/** Smallest tier payout a rep earns at exactly the gate attainment (over the plan's quotas). */
function gatePayout(plan: CommissionPlan): number {
  const table = planTierTable(plan);
  const gate = plan.gate ?? 0;
  const quotas = typeof plan.quota === "number" ? [plan.quota] : Object.values(plan.quota);
  if (typeof plan.quota !== "number" && plan.defaultQuota !== undefined) quotas.push(plan.defaultQuota);
  let least = Infinity;
  for (const quota of quotas) {
    const x = plan.basis === "amount" ? gate * quota : gate;
    const scale = plan.basis === "amount" ? 1 : plan.targetPay ?? quota;
    const pay = scale * payAt(x, table, plan);
    least = Math.min(least, pay);
  }
  return least;
}

function payAt(x: number, table: TierTable, plan: CommissionPlan): number {
  if (plan.method === "retroactive") return retroactiveCommission(x, table);
  if (plan.method === "marginal") return marginalCommission(x, table);
  return hybridCommission(x, table, table.thresholds.indexOf(plan.marginalFrom!));
}

/**
 * Hybrid commission: retroactive below the threshold at `marginalIndex` (the highest
 * lower tier pays on everything), marginal from it upwards; at and above that threshold
 * the tier just below pays on the amount up to it, each higher tier on its own band.
 *
 * @example
 * // tiers 0 / 0.5 / 1 with 5% / 10% / 20%, marginal from 1 (index 2):
 * hybridCommission(0.4, t, 2) // 0.4 x 5% = 0.02
 * hybridCommission(0.8, t, 2) // 0.8 x 10% = 0.08
 * hybridCommission(1.5, t, 2) // 1 x 10% + 0.5 x 20% = 0.2
 */
export function hybridCommission(x: number, table: TierTable, marginalIndex: number): number {
  const from = table.thresholds[marginalIndex];
  if (x < from) return retroactiveCommission(x, table);
  return table.rates[marginalIndex - 1] * from + (marginalCommission(x, table) - table.cumulative[marginalIndex]);
}

/**
 * Reads a plan file (parsed JSON) into a plan, or every problem with the field it
 * concerns. Unknown fields are errors too (a typo must not silently drop a rule).
 *
 * @example
 * parseCommissionPlan({ basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.1 }], quota: 50000 })
 * // { plan: {...} }
 * parseCommissionPlan({ basis: "amount", method: "flat", tiers: [], quota: 0 })
 * // { errors: [{ field: "method", ... }, { field: "tiers", ... }, { field: "quota", ... }] }
 */
export function parseCommissionPlan(json: unknown): { plan: CommissionPlan } | { errors: PlanFieldError[] } {
  if (!isRecord(json)) return { errors: [{ field: "", message: "A commission plan must be a JSON object." }] };
  const known = [
    "$schema",
    "basis",
    "method",
    "tiers",
    "marginalFrom",
    "quota",
    "defaultQuota",
    "targetPay",
    "gate",
    "cap",
    "draw",
    "ramp",
    "proration",
    "spif",
    "bonusBands",
    "allowOverlay",
    "description",
  ];
  const errors: PlanFieldError[] = [];
  for (const key of Object.keys(json)) {
    if (!known.includes(key)) errors.push({ field: key, message: `Unknown field ${key}.` });
  }
  for (const key of ["basis", "method", "tiers", "quota"]) {
    if (json[key] === undefined) errors.push({ field: key, message: `${key} is required.` });
  }
  const record: Record<string, unknown> = { ...json };
  for (const key of ["basis", "method"]) {
    const value = record[key];
    if (typeof value === "string") record[key] = value.toLowerCase();
  }
  const { $schema: _schema, description: _description, ...rest } = record;
  const plan = rest as unknown as CommissionPlan;
  if (errors.length === 0) errors.push(...validateCommissionPlan(plan));
  return errors.length > 0 ? { errors } : { plan };
}
