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
  creditDeals,
  repQuota,
  rampFactor,
  prorationFactor,
} from "./engine";
export { creditWonDeals, closeMonthOf, commissionNameWarnings } from "./wonDeals";
export { nameWarnings, withPlanReps, planRepNames } from "./names";
export { closestName, planMessage, PLAN_MESSAGES_EN } from "./messages";
export type { PlanMessageKey } from "./messages";
