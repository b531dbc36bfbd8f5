/**
 * What the commission engine says about a plan, as keys with values: the en-US text of each
 * key is here (the commission catalog, src/i18n/commission.en-US.ts, takes these texts as
 * its "error." and "warning." entries, and commission.zh-CN.ts translates them), so the core
 * gives every problem a readable English message and a caller with a locale translates the
 * key (`commissionMessage` in src/i18n/commission.ts).
 *
 * Also the one "did you mean" rule (`closestName`), for field names and rep names alike.
 */

export const PLAN_MESSAGES_EN = {
  "error.notObject": "A commission plan must be a JSON object.",
  "error.required": "{field} is required.",
  "error.unknownPlanField": "{field} is not a field of the plan; did you mean {suggestion}?",
  "error.unknownPlanFieldNoMatch": "Unknown field {field}: it is not a field of the plan.",
  "error.unknownField": "{field} is not a field of {parent}; did you mean {suggestion}?",
  "error.unknownFieldNoMatch": "Unknown field {field}: it is not a field of {parent}.",
  "error.basis": 'basis must be "amount" or "attainment" (got {value}).',
  "error.method": 'method must be "marginal", "retroactive" or "hybrid" (got {value}).',
  "error.period": 'period must be "month", "quarter" or "year" (got {value}).',
  "error.fiscalYearStart": "fiscalYearStart must be a whole month number from 1 to 12 (got {value}).",
  "error.negativeTrueUp": 'negativeTrueUp must be "carry" or "clawback" (got {value}).',
  "error.negativeTrueUpNeedsCumulative": "negativeTrueUp applies to year-to-date plans only: set cumulative to true, or remove it.",
  "error.tiersEmpty": "tiers must list at least one tier {from, rate}.",
  "error.tierObject": "{field} must be an object {from, rate}.",
  "error.bandObject": "{field} must be an object {from, amount}.",
  "error.number": "{field} must be a number.",
  "error.finite": "{field} must be a finite number (got {value}).",
  "error.ascending": "{field} ({value}) must be above {previousField} ({previous}): the list must be strictly ascending.",
  "error.nonNegative": "{field} must be 0 or more (got {value}).",
  "error.positive": "{field} must be greater than 0 (got {value}).",
  "error.amountTooLarge": "{field} ({value}) is above {max}, the largest amount a plan accepts.",
  "error.rateTooLarge": "{field} ({value}) is above {max} (that is {percent}%): rates and attainment are decimals, 0.1 is 10%.",
  "error.marginalFrom": "A hybrid plan needs marginalFrom: the from of the first tier paid marginally (any tier but the first).",
  "error.quotaEmpty": "quota lists no rep.",
  "error.quotaType": "quota must be a number or an object {rep: number}.",
  "error.targetPayBasis": 'targetPay (multipliers of target pay) needs basis "attainment".',
  "error.drawObject": "draw must be an object {amount, recoverable}.",
  "error.spifObject": "spif must be an object {amount, minDealAmount}.",
  "error.missing": "{field} is missing.",
  "error.boolean": "{field} must be true or false.",
  "error.factorsMap": "{field} must map rep names to lists of factors per period.",
  "error.factorsList": "{field} must be a list of factors per period.",
  "error.factor": "{field} must be a number above 0 and at most {max} (got {value}).",
  "error.list": "{field} must be a list.",
  "error.gateReach":
    "The gate ({gate}) is beyond the cap's reach: at that attainment the tier payout ({reach}) already exceeds the cap ({cap}), so every paid period would pay the same capped amount.",
  "error.noQuota": "The plan has no quota for {rep} (name the rep in quota, or set defaultQuota).",
  "error.periodLabel": "periods[{index}] ({label}) is not a {period} label of this plan (such as {example}).",
  "error.periodOrder": "periods[{index}] ({label}) must come after the period before it ({previous}): a year-to-date plan adds its periods in time order.",
  "error.noPeriods": "List at least one period.",
  "error.periodIndex": "{field} must be a period index from 0 to {last}.",
  "error.repTwice": "A rep is listed twice.",
  "error.unknownRep": "{field} ({rep}) is not in the rep list.",
  "error.zeroOrMore": "{field} must be 0 or more.",
  "error.numberZeroOrMore": "{field} must be a number of 0 or more.",
  "error.originalPeriod": "{field} must be before the period of the reversal.",
  "error.cancelledPeriod": "{field} must be a period after the deal's own and before {count}.",
  "error.overlayNotAllowed": "{split} is an overlay credit, which this plan does not allow (allowOverlay).",
  "error.splitsTotal": "{field} add up to {total}, not 100%.",
  "error.dealsPeriodLabel": "periods[{index}] ({label}) must be a {period} label such as {example} to be read from the Deals sheet.",
  "error.repsDifferInCase": "{first} and {second} differ only in case: the Deals sheet's comparison ignores case, so they are one rep.",
  "warning.unmatchedName": '{source} names "{name}", who owns no deal; did you mean "{suggestion}"?',
  "warning.unmatchedNameNoMatch": '{source} names "{name}", who owns no deal.',
} as const;

export type PlanMessageKey = keyof typeof PLAN_MESSAGES_EN;
export type PlanMessageValues = Record<string, string | number>;

/** The en-US text of a key with its `{name}` placeholders filled. */
export function planMessage(key: PlanMessageKey, values: PlanMessageValues = {}): string {
  return PLAN_MESSAGES_EN[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** Edit distance (insert, delete, replace one character), case as given. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate `name` most likely stands for, or undefined when none is close.
 *
 * Rules, ignoring case and spaces at the ends: a candidate that starts with the name, that the
 * name starts with, or that has the name as one of its words ("Tom" -> "Tom Brennan",
 * "minDeal" -> "minDealAmount"; names of 3 characters or more) is preferred, the shortest
 * first; otherwise the candidate at the smallest edit distance, if it is at most a third of
 * the longer name's length (at least 1): "recoverble" -> "recoverable". Ties keep the
 * candidates' order.
 *
 * @example
 * closestName("minDeal", ["amount", "minDealAmount"]) // "minDealAmount"
 * closestName("xyz", ["amount", "minDealAmount"]) // undefined
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const n = name.trim().toLowerCase();
  if (n === "") return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = candidate.trim().toLowerCase();
    if (c === n) return candidate;
    let score = Infinity;
    const words = c.split(/[\s_.-]+/);
    if (n.length >= 3 && (c.startsWith(n) || n.startsWith(c) || words.includes(n))) score = Math.abs(c.length - n.length) / 1000;
    else {
      const d = editDistance(n, c);
      if (d <= Math.max(1, Math.floor(Math.max(n.length, c.length) / 3))) score = d;
    }
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
