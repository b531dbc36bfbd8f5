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
export { creditWonDeals, closeMonthOf } from "./wonDeals";
