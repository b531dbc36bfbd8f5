/**
 * Commission plan validation and the plan file format (`--commission-plan PLAN.json`).
 *
 * Every problem is reported with the field it concerns, as a path: "tiers[2].from",
 * "quota.Alice", "draw.recoverable". An invalid plan is never computed.
 */
import { isCoreError } from "../errors";
import { marginalCommission, retroactiveCommission, TierTable, validateTierTable } from "./tiers";
import { PERIODS } from "./periods";
import { closestName, PlanMessageKey, PlanMessageValues, planMessage } from "./messages";
import { CommissionPlan, PlanFieldError } from "./types";

const BASES = ["amount", "attainment"] as const;
const METHODS = ["marginal", "retroactive", "hybrid"] as const;

/** The largest money amount a plan accepts (quota, cap, draw, SPIF, bonus, amount thresholds). */
export const AMOUNT_MAX = 1e12;
/** The largest rate, multiplier, attainment level or quota factor a plan accepts (10 = 1000%). */
export const RATE_MAX = 10;

/** The fields of each object of a plan (the top level, and each nested object by its path). */
export const PLAN_FIELDS = {
  plan: [
    "period",
    "fiscalYearStart",
    "cumulative",
    "negativeTrueUp",
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
  ],
  tier: ["from", "rate"],
  draw: ["amount", "recoverable"],
  spif: ["amount", "minDealAmount"],
  bonusBand: ["from", "amount"],
} as const;

/** Fields a plan file may hold besides the plan's (ignored). */
const FILE_ONLY_FIELDS = ["$schema", "description"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** True when `key` is an own property of `record` (never an inherited one such as "constructor"). */
export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** A problem with its field, its catalog key and values, and the en-US message. */
export function fieldError(field: string, key: PlanMessageKey, values: PlanMessageValues = {}): PlanFieldError {
  return { field, key, values, message: planMessage(key, values) };
}

const shown = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : String(value));

/** The plan's tier table (valid plans only). */
export function planTierTable(plan: CommissionPlan): TierTable {
  const table = validateTierTable(
    plan.tiers.map((t) => t.from),
    plan.tiers.map((t) => t.rate),
  );
  if (isCoreError(table)) throw new Error(`planTierTable on an invalid plan: ${table.message}`);
  return table;
}

/** Unknown keys of `record` (own keys only), each with the closest known field. */
function checkKnown(errors: PlanFieldError[], record: Record<string, unknown>, known: readonly string[], path: string, parent: string): void {
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    const field = path === "" ? key : `${path}.${key}`;
    const suggestion = closestName(key, known);
    if (path === "") {
      errors.push(fieldError(field, suggestion ? "error.unknownPlanField" : "error.unknownPlanFieldNoMatch", { field, suggestion: suggestion ?? "" }));
    } else {
      errors.push(fieldError(field, suggestion ? "error.unknownField" : "error.unknownFieldNoMatch", { field, parent, suggestion: suggestion ?? "" }));
    }
  }
}

type Kind = "amount" | "rate";

/** A number: finite, 0 or more (above 0 when `positive`), at most the bound of its kind. */
function checkNumber(errors: PlanFieldError[], field: string, value: unknown, kind: Kind, positive = false): void {
  if (value === undefined) return;
  if (typeof value !== "number") errors.push(fieldError(field, "error.number", { field }));
  else if (!Number.isFinite(value)) errors.push(fieldError(field, "error.finite", { field, value: String(value) }));
  else if (positive ? value <= 0 : value < 0) errors.push(fieldError(field, positive ? "error.positive" : "error.nonNegative", { field, value }));
  else checkBound(errors, field, value, kind);
}

function checkBound(errors: PlanFieldError[], field: string, value: number, kind: Kind): void {
  if (kind === "amount" && Math.abs(value) > AMOUNT_MAX) errors.push(fieldError(field, "error.amountTooLarge", { field, value, max: AMOUNT_MAX }));
  if (kind === "rate" && Math.abs(value) > RATE_MAX) {
    errors.push(fieldError(field, "error.rateTooLarge", { field, value, max: RATE_MAX, percent: Math.round(value * 1e6) / 1e4 }));
  }
}

/** A strictly ascending threshold list of objects ({from, ...}): each `from` a bounded number above the one before. */
function checkAscending(errors: PlanFieldError[], list: unknown[], name: string, kind: Kind): void {
  list.forEach((item, i) => {
    if (!isRecord(item)) return;
    const field = `${name}[${i}].from`;
    const value = item.from;
    if (typeof value !== "number") errors.push(fieldError(field, "error.number", { field }));
    else if (!Number.isFinite(value)) errors.push(fieldError(field, "error.finite", { field, value: String(value) }));
    else {
      const previous = i > 0 && isRecord(list[i - 1]) ? (list[i - 1] as Record<string, unknown>).from : undefined;
      if (isNumber(previous) && !(value > previous)) {
        errors.push(fieldError(field, "error.ascending", { field, value, previousField: `${name}[${i - 1}].from`, previous }));
      }
      checkBound(errors, field, value, kind);
    }
  });
}

function checkFactors(errors: PlanFieldError[], field: string, value: unknown, maxOne: boolean): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    errors.push(fieldError(field, "error.factorsMap", { field }));
    return;
  }
  for (const rep of Object.keys(value)) {
    const factors = value[rep];
    const at = `${field}.${rep}`;
    if (!Array.isArray(factors)) {
      errors.push(fieldError(at, "error.factorsList", { field: at }));
      continue;
    }
    const max = maxOne ? 1 : RATE_MAX;
    factors.forEach((f: unknown, i) => {
      const cell = `${at}[${i}]`;
      if (!isNumber(f) || f <= 0 || f > max) errors.push(fieldError(cell, "error.factor", { field: cell, max, value: String(f) }));
    });
  }
}

/**
 * Checks a plan; returns every problem found (empty when the plan is valid), each with its
 * field path, its catalog key and values, and the en-US message.
 *
 * Rules: no field the plan does not know, at any depth ("spif.minDeal is not a field of spif;
 * did you mean minDealAmount?"); basis and method from their lists; tiers non-empty, `from`
 * strictly ascending, rates >= 0; hybrid needs `marginalFrom` equal to the `from` of a tier
 * after the first; quota > 0 (or > 0 for every rep listed), defaultQuota > 0; targetPay only
 * with basis "attainment"; gate, cap, draw amount, SPIF amounts, bonus amounts >= 0; ramp
 * factors in (0, 10], proration factors in (0, 1]; bonus bands strictly ascending; every
 * number finite, money at most `AMOUNT_MAX` (1e12), rates, multipliers and attainment levels
 * at most `RATE_MAX` (10, i.e. 1000%); and a gate within the cap's reach (with both set, the
 * tier payout at exactly the gate must not already exceed the cap, which would make every
 * paid period the same flat cap). Maps keyed by rep names are read by their own keys only.
 *
 * @example
 * validateCommissionPlan({ basis: "amount", method: "marginal", tiers: [{from: 0, rate: -1}], quota: 1000 })
 * // [{ field: "tiers[0].rate", key: "error.nonNegative", message: "tiers[0].rate must be 0 or more (got -1)." }]
 */
export function validateCommissionPlan(plan: CommissionPlan): PlanFieldError[] {
  const errors: PlanFieldError[] = [];
  const record = plan as unknown as Record<string, unknown>;
  if (!isRecord(record)) return [fieldError("", "error.notObject")];
  checkKnown(errors, record, PLAN_FIELDS.plan, "", "");
  if (plan.period !== undefined && !PERIODS.includes(plan.period)) errors.push(fieldError("period", "error.period", { value: shown(plan.period) }));
  const start = plan.fiscalYearStart;
  if (start !== undefined && !(typeof start === "number" && Number.isInteger(start) && start >= 1 && start <= 12)) {
    errors.push(fieldError("fiscalYearStart", "error.fiscalYearStart", { value: shown(start) }));
  }
  if (plan.cumulative !== undefined && typeof plan.cumulative !== "boolean") errors.push(fieldError("cumulative", "error.boolean", { field: "cumulative" }));
  if (plan.negativeTrueUp !== undefined) {
    if (plan.negativeTrueUp !== "carry" && plan.negativeTrueUp !== "clawback") {
      errors.push(fieldError("negativeTrueUp", "error.negativeTrueUp", { value: shown(plan.negativeTrueUp) }));
    } else if (plan.cumulative !== true) errors.push(fieldError("negativeTrueUp", "error.negativeTrueUpNeedsCumulative"));
  }
  if (!BASES.includes(plan.basis)) errors.push(fieldError("basis", "error.basis", { value: shown(plan.basis) }));
  if (!METHODS.includes(plan.method)) errors.push(fieldError("method", "error.method", { value: shown(plan.method) }));
  const thresholdKind: Kind = plan.basis === "attainment" ? "rate" : "amount";
  const tiers: unknown[] = Array.isArray(plan.tiers) ? plan.tiers : [];
  if (!Array.isArray(plan.tiers) || tiers.length === 0) errors.push(fieldError("tiers", "error.tiersEmpty"));
  tiers.forEach((tier, i) => {
    const at = `tiers[${i}]`;
    if (!isRecord(tier)) errors.push(fieldError(at, "error.tierObject", { field: at }));
    else {
      checkKnown(errors, tier, PLAN_FIELDS.tier, at, at);
      if (tier.rate === undefined) errors.push(fieldError(`${at}.rate`, "error.missing", { field: `${at}.rate` }));
      checkNumber(errors, `${at}.rate`, tier.rate, "rate");
    }
  });
  checkAscending(errors, tiers, "tiers", thresholdKind);
  if (plan.method === "hybrid") {
    const at = tiers.findIndex((t) => isRecord(t) && t.from === plan.marginalFrom);
    if (!isNumber(plan.marginalFrom) || at < 1) errors.push(fieldError("marginalFrom", "error.marginalFrom"));
  } else if (plan.marginalFrom !== undefined && !isNumber(plan.marginalFrom)) {
    errors.push(fieldError("marginalFrom", "error.number", { field: "marginalFrom" }));
  }
  if (typeof plan.quota === "number") {
    checkNumber(errors, "quota", plan.quota, "amount", true);
  } else if (isRecord(plan.quota)) {
    const reps = Object.keys(plan.quota);
    if (reps.length === 0) errors.push(fieldError("quota", "error.quotaEmpty"));
    for (const rep of reps) checkNumber(errors, `quota.${rep}`, plan.quota[rep], "amount", true);
  } else {
    errors.push(fieldError("quota", "error.quotaType"));
  }
  checkNumber(errors, "defaultQuota", plan.defaultQuota, "amount", true);
  checkNumber(errors, "targetPay", plan.targetPay, "amount");
  if (plan.targetPay !== undefined && plan.basis === "amount") errors.push(fieldError("targetPay", "error.targetPayBasis"));
  checkNumber(errors, "gate", plan.gate, "rate");
  checkNumber(errors, "cap", plan.cap, "amount");
  if (plan.draw !== undefined) {
    if (!isRecord(plan.draw)) errors.push(fieldError("draw", "error.drawObject"));
    else {
      checkKnown(errors, plan.draw, PLAN_FIELDS.draw, "draw", "draw");
      if (plan.draw.amount === undefined) errors.push(fieldError("draw.amount", "error.missing", { field: "draw.amount" }));
      checkNumber(errors, "draw.amount", plan.draw.amount, "amount");
      if (typeof plan.draw.recoverable !== "boolean") errors.push(fieldError("draw.recoverable", "error.boolean", { field: "draw.recoverable" }));
    }
  }
  checkFactors(errors, "ramp", plan.ramp, false);
  checkFactors(errors, "proration", plan.proration, true);
  if (plan.spif !== undefined) {
    if (!isRecord(plan.spif)) errors.push(fieldError("spif", "error.spifObject"));
    else {
      checkKnown(errors, plan.spif, PLAN_FIELDS.spif, "spif", "spif");
      if (plan.spif.amount === undefined) errors.push(fieldError("spif.amount", "error.missing", { field: "spif.amount" }));
      checkNumber(errors, "spif.amount", plan.spif.amount, "amount");
      checkNumber(errors, "spif.minDealAmount", plan.spif.minDealAmount, "amount");
    }
  }
  if (plan.bonusBands !== undefined) {
    if (!Array.isArray(plan.bonusBands)) errors.push(fieldError("bonusBands", "error.list", { field: "bonusBands" }));
    else {
      const bands: unknown[] = plan.bonusBands;
      bands.forEach((band, i) => {
        const at = `bonusBands[${i}]`;
        if (!isRecord(band)) {
          errors.push(fieldError(at, "error.bandObject", { field: at }));
          return;
        }
        checkKnown(errors, band, PLAN_FIELDS.bonusBand, at, at);
        if (band.amount === undefined) errors.push(fieldError(`${at}.amount`, "error.missing", { field: `${at}.amount` }));
        checkNumber(errors, `${at}.amount`, band.amount, "amount");
      });
      checkAscending(errors, bands, "bonusBands", "rate");
    }
  }
  if (plan.allowOverlay !== undefined && typeof plan.allowOverlay !== "boolean") {
    errors.push(fieldError("allowOverlay", "error.boolean", { field: "allowOverlay" }));
  }
  if (errors.length === 0 && plan.gate !== undefined && plan.cap !== undefined && plan.gate > 0) {
    const reach = gatePayout(plan);
    if (reach > plan.cap) errors.push(fieldError("gate", "error.gateReach", { gate: plan.gate, reach, cap: plan.cap }));
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

/** A copy of a map keyed by rep names that has no prototype: a rep called "constructor" or "__proto__" is a key like any other. */
function repMap<T>(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const copy = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(value)) copy[key] = value[key] as T;
  return copy;
}

/**
 * Reads a plan file (parsed JSON) into a plan, or every problem with the field it
 * concerns. Unknown fields are errors at every depth (a typo must not silently drop a rule),
 * each with the closest known field; "$schema" and "description" are allowed at the top and
 * dropped. Maps keyed by rep names (quota, ramp, proration) are copied by their own keys into
 * objects without a prototype, so a JSON "__proto__" key is a rep name and changes nothing.
 *
 * @example
 * parseCommissionPlan({ basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.1 }], quota: 50000 })
 * // { plan: {...} }
 * parseCommissionPlan({ basis: "amount", method: "flat", tiers: [], quota: 0 })
 * // { errors: [{ field: "method", ... }, { field: "tiers", ... }, { field: "quota", ... }] }
 * parseCommissionPlan({ ...plan, spif: { amount: 100, minDeal: 5000 } })
 * // { errors: [{ field: "spif.minDeal", message: "spif.minDeal is not a field of spif; did you mean minDealAmount?" }] }
 */
export function parseCommissionPlan(json: unknown): { plan: CommissionPlan } | { errors: PlanFieldError[] } {
  if (!isRecord(json)) return { errors: [fieldError("", "error.notObject")] };
  const errors: PlanFieldError[] = [];
  for (const key of ["basis", "method", "tiers", "quota"]) {
    if (!hasOwn(json, key)) errors.push(fieldError(key, "error.required", { field: key }));
  }
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(json)) {
    if (FILE_ONLY_FIELDS.includes(key)) continue;
    Object.defineProperty(record, key, { value: json[key], enumerable: true, writable: true, configurable: true });
  }
  for (const key of ["basis", "method"]) {
    const value = record[key];
    if (typeof value === "string") record[key] = value.toLowerCase();
  }
  for (const key of ["quota", "ramp", "proration"]) if (hasOwn(record, key)) record[key] = repMap(record[key]);
  const plan = record as unknown as CommissionPlan;
  errors.push(...validateCommissionPlan(plan).filter((e) => !errors.some((r) => r.field === e.field)));
  return errors.length > 0 ? { errors } : { plan };
}
