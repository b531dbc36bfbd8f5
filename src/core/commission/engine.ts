/**
 * The commission plan engine: plan + credits -> payout and audit trail per rep and period.
 *
 * Order of the computation in one period (the generated Calculation sheet follows it
 * column by column, so both give the same numbers):
 * 1. effective quota = quota x ramp x proration; attainment = credited / effective quota;
 * 2. tier commission = scale x f(input), where input is the credited amount (basis
 *    "amount", scale 1) or the attainment (basis "attainment", scale = target pay x
 *    proration when targetPay is set, else the effective quota) and f is the tier
 *    table read marginally, retroactively or hybrid;
 * 3. SPIF = qualifying deals x SPIF amount; bonus = amount of the highest bonus band reached;
 * 4. gate: below the gate attainment, tier commission, SPIF and bonus are all 0 (earned);
 * 5. cap: earned is limited to the cap;
 * 6. clawbacks: each reversed credit x the rate paid in its original period
 *    (tier pay kept after gate and cap, per unit credited);
 * 7. net = capped - clawbacks; available = net - opening balance;
 *    payout = MAX(available, draw); closing balance = MAX(0, (draw if recoverable else 0) - available).
 *    A negative net (more clawed back than earned) is never paid out negative: it is carried
 *    as a balance and recovered from later earnings, with or without a draw.
 *
 * A year-to-date plan (`cumulative`) measures steps 1 to 5 on the fiscal year's sums so far:
 * quota, credit, SPIF deals and (for target pay) period shares to date, the cap times the
 * periods so far; the period's due is the true-up, year-to-date capped earning minus what the
 * earlier periods of the fiscal year earned (the previous period's year-to-date capped), and
 * step 7 pays it: a negative net is carried as above (`negativeTrueUp: "carry"`, the default)
 * or paid back at once (`"clawback"`: paid back = MIN(0, net), payout = paid back +
 * MAX(net - paid back - opening balance, draw)).
 */
import { coreError, CoreError } from "../errors";
import { marginalCommission, retroactiveCommission, TierTable } from "./tiers";
import {
  AuditLine,
  CommissionClawback,
  CommissionCredit,
  CommissionCredits,
  CommissionDeal,
  CommissionPlan,
  CommissionRun,
  PlanFieldError,
  RepPeriodPayout,
  TierAuditRow,
} from "./types";
import { nameWarnings, withPlanReps } from "./names";
import { exampleLabel, periodSpan, planPeriod } from "./periods";
import { fieldError, hasOwn, hybridCommission, planTierTable, validateCommissionPlan } from "./validate";

const SHARE_TOLERANCE = 1e-9;

/**
 * Quota of a rep per period before ramp and proration: the plan's single quota, else the
 * rep's own entry in the quota map, else `defaultQuota`; undefined when the plan has none.
 *
 * @example
 * repQuota({ ...plan, quota: { Ann: 100000 }, defaultQuota: 80000 }, "Bo") // 80000
 */
export function repQuota(plan: CommissionPlan, rep: string): number | undefined {
  if (typeof plan.quota === "number") return plan.quota;
  return hasOwn(plan.quota, rep) ? plan.quota[rep] : plan.defaultQuota;
}

function factor(map: Record<string, number[]> | undefined, rep: string, period: number): number {
  // Own keys only: a rep called "constructor" or "toString" has no inherited factors.
  const list = map !== undefined && hasOwn(map, rep) ? map[rep] : undefined;
  return Array.isArray(list) && period < list.length ? list[period] : 1;
}

/** Ramp factor of a rep in a period (1 when the plan has none). */
export function rampFactor(plan: CommissionPlan, rep: string, period: number): number {
  return factor(plan.ramp, rep, period);
}

/** Share of the period a rep worked (1 when the plan has none). */
export function prorationFactor(plan: CommissionPlan, rep: string, period: number): number {
  return factor(plan.proration, rep, period);
}

/** f(input) for the plan's method. */
function tierValue(x: number, table: TierTable, plan: CommissionPlan, marginalIndex: number): number {
  if (plan.method === "marginal") return marginalCommission(x, table);
  if (plan.method === "retroactive") return retroactiveCommission(x, table);
  return hybridCommission(x, table, marginalIndex);
}

/** Tier-by-tier audit rows on a money basis (basis x rate = amount; they add up to the tier commission). */
function tierAuditRows(x: number, scale: number, table: TierTable, plan: CommissionPlan, marginalIndex: number): TierAuditRow[] {
  const { thresholds, rates } = table;
  const n = thresholds.length;
  const credited = new Array<number>(n).fill(0);
  const band = (i: number) => Math.max(0, Math.min(x, i + 1 < n ? thresholds[i + 1] : Infinity) - thresholds[i]);
  const reached = (limit: number) => {
    let j = -1;
    for (let i = 0; i < limit; i++) if (thresholds[i] <= x) j = i;
    return j;
  };
  if (plan.method === "marginal") {
    for (let i = 0; i < n; i++) credited[i] = band(i);
  } else if (plan.method === "retroactive") {
    const j = reached(n);
    if (j >= 0) credited[j] = x;
  } else {
    const from = thresholds[marginalIndex];
    if (x < from) {
      const j = reached(marginalIndex);
      if (j >= 0) credited[j] = x;
    } else {
      credited[marginalIndex - 1] = from;
      for (let i = marginalIndex; i < n; i++) credited[i] = band(i);
    }
  }
  return thresholds.map((from, i) => {
    const basis = credited[i] * scale;
    return { from, rate: rates[i], basis, amount: basis * rates[i] };
  });
}

/** Amount of the highest bonus band reached (0 below the first). */
function bonusFor(plan: CommissionPlan, attainment: number): number {
  let amount = 0;
  for (const band of plan.bonusBands ?? []) if (attainment >= band.from) amount = band.amount;
  return amount;
}

/**
 * Turns won deals into credits and clawbacks.
 *
 * Rules: the non-overlay shares of a deal add up to 1 (field `deals[i].splits`);
 * overlay splits are allowed only when the plan's `allowOverlay` is true, and are credited
 * on top; a deal qualifies for the SPIF when its amount is at least `spif.minDealAmount`
 * and counts by share; a cancelled deal (cancelledPeriod after its period) is reversed by
 * a clawback per split in the cancellation period. Reps the plan names (quota, ramp,
 * proration) without a credited deal are listed after the others with no credit
 * (`withPlanReps`), when the plan gives them a quota. Each problem carries its catalog key
 * and values (`commissionMessage` translates it).
 *
 * @example
 * creditDeals([{ id: "D1", amount: 1000, period: 0, splits: [{ rep: "Ann", share: 0.6 }, { rep: "Bo", share: 0.4 }] }], plan, ["Jan"])
 * // credits Ann 600 and Bo 400 in period 0
 */
export function creditDeals(
  deals: CommissionDeal[],
  plan: CommissionPlan,
  periods: string[],
): CommissionCredits | { errors: PlanFieldError[] } {
  const errors: PlanFieldError[] = [];
  const reps: string[] = [];
  const credits: CommissionCredit[] = [];
  const clawbacks: CommissionClawback[] = [];
  const minSpif = plan.spif?.minDealAmount ?? 0;
  deals.forEach((deal, d) => {
    const at = `deals[${d}]`;
    if (!Number.isFinite(deal.amount) || deal.amount < 0) {
      errors.push(fieldError(`${at}.amount`, "error.numberZeroOrMore", { field: `${at}.amount` }));
      return;
    }
    if (!Number.isInteger(deal.period) || deal.period < 0 || deal.period >= periods.length) {
      errors.push(fieldError(`${at}.period`, "error.periodIndex", { field: `${at}.period`, last: periods.length - 1 }));
      return;
    }
    if (
      deal.cancelledPeriod !== undefined &&
      (!Number.isInteger(deal.cancelledPeriod) || deal.cancelledPeriod <= deal.period || deal.cancelledPeriod >= periods.length)
    ) {
      errors.push(fieldError(`${at}.cancelledPeriod`, "error.cancelledPeriod", { field: `${at}.cancelledPeriod`, count: periods.length }));
      return;
    }
    let direct = 0;
    for (const [s, split] of deal.splits.entries()) {
      if (!Number.isFinite(split.share) || split.share < 0) {
        errors.push(fieldError(`${at}.splits[${s}].share`, "error.zeroOrMore", { field: `${at}.splits[${s}].share` }));
        return;
      }
      if (split.overlay && !plan.allowOverlay) {
        errors.push(fieldError(`${at}.splits[${s}].overlay`, "error.overlayNotAllowed", { split: `${at}.splits[${s}]` }));
        return;
      }
      if (!split.overlay) direct += split.share;
    }
    if (Math.abs(direct - 1) > SHARE_TOLERANCE) {
      // 12 significant digits: 0.6 + 0.3 is said 0.9, not 0.8999999999999999.
      errors.push(fieldError(`${at}.splits`, "error.splitsTotal", { field: `${at}.splits`, total: Number(direct.toPrecision(12)) }));
      return;
    }
    const qualifies = plan.spif !== undefined && deal.amount >= minSpif;
    for (const split of deal.splits) {
      if (!reps.includes(split.rep)) reps.push(split.rep);
      const amount = deal.amount * split.share;
      credits.push({ rep: split.rep, period: deal.period, amount, spifDeals: qualifies ? split.share : 0 });
      if (deal.cancelledPeriod !== undefined) {
        clawbacks.push({ rep: split.rep, period: deal.cancelledPeriod, originalPeriod: deal.period, amount, dealId: deal.id });
      }
    }
  });
  if (errors.length > 0) return { errors };
  return withPlanReps(plan, { periods, reps, credits, clawbacks });
}

/**
 * True when the plan sets its period or fiscal year: the credits' period labels must then be
 * labels of that period ("2025-03", "2025-Q1", "FY2026-Q1", "FY2026"). A plan that sets
 * neither takes any labels ("Jan", "P1") as monthly periods.
 */
export function namesItsPeriods(plan: CommissionPlan): boolean {
  return plan.period !== undefined || plan.fiscalYearStart !== undefined || plan.cumulative === true;
}

/**
 * Checks the credits against the plan (field paths under "credits"); the sheets refuse the
 * same. Each problem carries its catalog key and values, as the plan's do.
 */
export function validateCredits(plan: CommissionPlan, input: CommissionCredits): PlanFieldError[] {
  const errors: PlanFieldError[] = [];
  const periodCount = input.periods.length;
  if (periodCount === 0) errors.push(fieldError("periods", "error.noPeriods"));
  if (namesItsPeriods(plan)) {
    const { period, start } = planPeriod(plan);
    const spans = input.periods.map((label) => periodSpan(label, period, start));
    input.periods.forEach((label, index) => {
      const span = spans[index];
      const before = index > 0 ? spans[index - 1] : null;
      if (span === null) {
        errors.push(fieldError(`periods[${index}]`, "error.periodLabel", { index, label, period, example: exampleLabel(period, start) }));
      } else if (plan.cumulative === true && before !== null && !(span.first > before.first)) {
        errors.push(fieldError(`periods[${index}]`, "error.periodOrder", { index, label, previous: input.periods[index - 1] }));
      }
    });
  }
  if (new Set(input.reps).size !== input.reps.length) errors.push(fieldError("reps", "error.repTwice"));
  for (const rep of input.reps) {
    if (repQuota(plan, rep) === undefined) errors.push(fieldError(`quota.${rep}`, "error.noQuota", { rep }));
  }
  const known = new Set(input.reps);
  const checkPeriod = (field: string, period: number) => {
    if (!Number.isInteger(period) || period < 0 || period >= periodCount) {
      errors.push(fieldError(field, "error.periodIndex", { field, last: periodCount - 1 }));
    }
  };
  input.credits.forEach((c, i) => {
    const at = `credits[${i}]`;
    if (!known.has(c.rep)) errors.push(fieldError(`${at}.rep`, "error.unknownRep", { field: `${at}.rep`, rep: c.rep }));
    checkPeriod(`${at}.period`, c.period);
    if (!Number.isFinite(c.amount) || c.amount < 0) errors.push(fieldError(`${at}.amount`, "error.zeroOrMore", { field: `${at}.amount` }));
    if (c.spifDeals !== undefined && (!Number.isFinite(c.spifDeals) || c.spifDeals < 0)) {
      errors.push(fieldError(`${at}.spifDeals`, "error.zeroOrMore", { field: `${at}.spifDeals` }));
    }
  });
  (input.clawbacks ?? []).forEach((c, i) => {
    const at = `clawbacks[${i}]`;
    if (!known.has(c.rep)) errors.push(fieldError(`${at}.rep`, "error.unknownRep", { field: `${at}.rep`, rep: c.rep }));
    checkPeriod(`${at}.period`, c.period);
    checkPeriod(`${at}.originalPeriod`, c.originalPeriod);
    if (c.originalPeriod >= c.period) {
      errors.push(fieldError(`${at}.originalPeriod`, "error.originalPeriod", { field: `${at}.originalPeriod` }));
    }
    if (!Number.isFinite(c.amount) || c.amount < 0) errors.push(fieldError(`${at}.amount`, "error.zeroOrMore", { field: `${at}.amount` }));
  });
  return errors;
}

/**
 * Runs a plan over credits: one `RepPeriodPayout` per rep and period, with its audit lines.
 *
 * Invalid plans or credits are never computed: the result is `{ errors }`, each naming
 * its field. See the module comment for the order of the computation.
 *
 * @example
 * runCommissionPlan(
 *   { basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.05 }, { from: 100, rate: 0.1 }], quota: 200 },
 *   { periods: ["Jan"], reps: ["Ann"], credits: [{ rep: "Ann", period: 0, amount: 150 }] },
 * ) // rows[0].payout = 100 x 5% + 50 x 10% = 10
 */
export function runCommissionPlan(
  plan: CommissionPlan,
  input: CommissionCredits,
): CommissionRun | { errors: PlanFieldError[] } {
  const errors = validateCommissionPlan(plan);
  if (errors.length > 0) return { errors };
  const creditErrors = validateCredits(plan, input);
  if (creditErrors.length > 0) return { errors: creditErrors };

  const table = planTierTable(plan);
  const marginalIndex = plan.method === "hybrid" ? table.thresholds.indexOf(plan.marginalFrom!) : -1;
  const periodCount = input.periods.length;
  const repIndex = new Map(input.reps.map((rep, i) => [rep, i]));
  const credited = input.reps.map(() => new Float64Array(periodCount));
  const spifDeals = input.reps.map(() => new Float64Array(periodCount));
  for (const c of input.credits) {
    const r = repIndex.get(c.rep)!;
    credited[r][c.period] += c.amount;
    spifDeals[r][c.period] += c.spifDeals ?? 0;
  }
  const clawbacksOf = input.reps.map(() => new Map<number, CommissionClawback[]>());
  for (const c of input.clawbacks ?? []) {
    const byPeriod = clawbacksOf[repIndex.get(c.rep)!];
    const list = byPeriod.get(c.period) ?? [];
    list.push(c);
    byPeriod.set(c.period, list);
  }
  const drawAmount = plan.draw?.amount ?? 0;
  const drawRecoverable = plan.draw?.recoverable ?? false;
  const rows: RepPeriodPayout[] = [];

  const cumulative = plan.cumulative === true;
  const clawbackNegative = cumulative && plan.negativeTrueUp === "clawback";
  const { period: length, start } = planPeriod(plan);
  const fiscalYears = input.periods.map((label) => periodSpan(label, length, start)?.fiscalYear ?? "");

  input.reps.forEach((rep, r) => {
    const quota = repQuota(plan, rep)!;
    const paidRates = new Float64Array(periodCount);
    let balance = 0;
    // Year-to-date sums, restarted at each fiscal year.
    let ytdQuota = 0;
    let ytdCredited = 0;
    let ytdSpifDeals = 0;
    let ytdShare = 0;
    let ytdPeriods = 0;
    let ytdCapped = 0;
    for (let p = 0; p < periodCount; p++) {
      const proration = prorationFactor(plan, rep, p);
      const effectiveQuota = quota * rampFactor(plan, rep, p) * proration;
      const amount = credited[r][p];
      if (!cumulative || p === 0 || fiscalYears[p] !== fiscalYears[p - 1]) {
        ytdQuota = ytdCredited = ytdSpifDeals = ytdShare = ytdPeriods = ytdCapped = 0;
      }
      ytdQuota += effectiveQuota;
      ytdCredited += amount;
      ytdSpifDeals += spifDeals[r][p];
      ytdShare += proration;
      ytdPeriods += 1;
      const attainment = ytdCredited / ytdQuota;
      const tierInput = plan.basis === "amount" ? ytdCredited : attainment;
      const tierScale = plan.basis === "amount" ? 1 : plan.targetPay !== undefined ? plan.targetPay * ytdShare : ytdQuota;
      const tierCommission = tierScale * tierValue(tierInput, table, plan, marginalIndex);
      const gateMet = plan.gate === undefined || attainment >= plan.gate;
      const spif = ytdSpifDeals * (plan.spif?.amount ?? 0);
      const bonus = bonusFor(plan, attainment);
      const beforeGate = tierCommission + spif + bonus;
      const earned = gateMet ? beforeGate : 0;
      const capped = plan.cap !== undefined ? Math.min(earned, plan.cap * ytdPeriods) : earned;
      const keptTier = gateMet ? tierCommission : 0;
      const paidRate = ytdCredited > 0 && earned > 0 ? ((keptTier / ytdCredited) * capped) / earned : 0;
      paidRates[p] = paidRate;
      const earlier = ytdCapped;
      ytdCapped = capped;
      const trueUp = capped - earlier;
      let clawback = 0;
      let reversed = 0;
      for (const c of clawbacksOf[r].get(p) ?? []) {
        clawback += c.amount * paidRates[c.originalPeriod];
        reversed += c.amount;
      }
      const net = trueUp - clawback;
      const openingBalance = balance;
      const paidBack = clawbackNegative ? Math.min(0, net) : 0;
      const available = net - paidBack - openingBalance;
      const payout = paidBack + Math.max(available, drawAmount);
      const closingBalance = Math.max(0, (drawRecoverable ? drawAmount : 0) - available);
      balance = closingBalance;
      const tierBasis = tierScale * tierInput;
      const lines: AuditLine[] = [
        { component: "tier", basis: tierBasis, rate: tierBasis > 0 ? tierCommission / tierBasis : 0, amount: tierCommission },
        { component: "spif", basis: ytdSpifDeals, rate: plan.spif?.amount ?? 0, amount: spif },
        { component: "bonus", basis: attainment, rate: null, amount: bonus },
        { component: "gate", basis: attainment, rate: plan.gate ?? null, amount: earned - beforeGate },
        { component: "cap", basis: earned, rate: plan.cap !== undefined ? plan.cap * ytdPeriods : null, amount: capped - earned },
        ...(cumulative ? [{ component: "earlier" as const, basis: earlier, rate: null, amount: -earlier }] : []),
        { component: "clawback", basis: reversed, rate: reversed > 0 ? clawback / reversed : 0, amount: -clawback },
        { component: "draw", basis: openingBalance, rate: drawAmount, amount: payout - net },
        { component: "payout", basis: null, rate: null, amount: payout },
      ];
      rows.push({
        rep,
        period: p,
        quota,
        effectiveQuota,
        credited: amount,
        fiscalYear: fiscalYears[p],
        ytdQuota,
        ytdCredited,
        attainment,
        tierInput,
        tierScale,
        tierCommission,
        tiers: tierAuditRows(tierInput, tierScale, table, plan, marginalIndex),
        gateMet,
        spif,
        bonus,
        earned,
        capped,
        earlier,
        trueUp,
        paidRate,
        clawback,
        net,
        openingBalance,
        paidBack,
        payout,
        closingBalance,
        lines,
      });
    }
  });
  return { rows, warnings: nameWarnings(plan, input) };
}

/** `runCommissionPlan` for callers that want a core error (the first problem) instead of a list. */
export function runCommissionPlanOrError(plan: CommissionPlan, input: CommissionCredits): CommissionRun | CoreError {
  const run = runCommissionPlan(plan, input);
  if ("errors" in run) {
    const first = run.errors[0];
    return coreError("VALUE", first.field ? `${first.field}: ${first.message}` : first.message);
  }
  return run;
}
