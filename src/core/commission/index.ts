/**
 * Commission: tier tables (SALES.COMMISSION*, SALES.DRAW) and the plan engine.
 *
 * @example
 * import { runCommissionPlan, parseCommissionPlan } from "src/core/commission";
 */
export * from "./types";
export * from "./tiers";
export { validateCommissionPlan, parseCommissionPlan, planTierTable, hybridCommission } from "./validate";
export {
  runCommissionPlan,
  runCommissionPlanOrError,
  namesItsPeriods,
  creditDeals,
  repQuota,
  rampFactor,
  prorationFactor,
} from "./engine";
export { creditWonDeals, closeMonthOf, commissionNameWarnings } from "./wonDeals";
export { periodLabel, periodOfDate, periodSpan, planPeriod, exampleLabel, PERIODS } from "./periods";
export type { PeriodSpan } from "./periods";
export { nameWarnings, withPlanReps, planRepNames } from "./names";
export { closestName, planMessage, PLAN_MESSAGES_EN } from "./messages";
export type { PlanMessageKey } from "./messages";
