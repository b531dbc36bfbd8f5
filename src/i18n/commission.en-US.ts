/**
 * Commission sheet text, en-US: sheet names, titles, headers, plan setting labels and
 * statement line labels. The reference catalog: every key here must exist in
 * commission.zh-CN.ts (a test fails otherwise). Option words written into cells and
 * compared by formulas ("amount", "marginal", "recoverable"...) are English in every
 * language, as SALES.* options are; the labels around them are localized.
 *
 * The plan's error and warning texts ("error.*", "warning.*") are the engine's own en-US
 * messages (src/core/commission/messages.ts), so the core and the catalog cannot differ.
 *
 * @example
 * commissionEnUS["sheet.plan"] // "Commission plan"
 */
import { PLAN_MESSAGES_EN } from "../core/commission/messages";

export const commissionEnUS = {
  ...PLAN_MESSAGES_EN,
  "sheet.plan": "Commission plan",
  "sheet.reps": "Commission reps",
  "sheet.calc": "Commission calc",
  "sheet.statement": "Commission statement",
  "sheet.summary": "Commission summary",

  "plan.title": "Commission plan: every input a finance analyst edits",
  "plan.setting": "Setting",
  "plan.value": "Value",
  "plan.basis": "Basis (amount or attainment)",
  "plan.method": "Method (marginal, retroactive, hybrid)",
  "plan.marginalFrom": "Hybrid: marginal from tier",
  "plan.targetPay": "Target pay (attainment multipliers)",
  "plan.gate": "Gate (minimum attainment)",
  "plan.cap": "Cap (maximum payout per period)",
  "plan.draw": "Draw per period",
  "plan.drawType": "Draw type",
  "plan.spif": "SPIF per qualifying deal",
  "plan.spifMinDeal": "SPIF: minimum deal amount",
  "plan.period": "Period (month, quarter, year; set in the plan file)",
  "plan.fiscalYearStart": "Fiscal year starts in month (set in the plan file)",
  "plan.cumulative": "Year-to-date plan (set in the plan file)",
  "plan.negativeTrueUp": "Negative net: carry (recover later) or clawback (pay back)",
  "plan.check": "Tier table check",
  "plan.checkOk": "OK",
  "plan.checkBad": "Error: thresholds must be strictly ascending, rates 0 or more, and a hybrid plan must start marginal at a tier after the first",
  "plan.warnings": "Names to check: the plan names these reps, who own no credited deal (they are listed with no credit)",
  "plan.tiers": "Tier table",
  "plan.from": "From",
  "plan.rate": "Rate",
  "plan.step": "Rate step",
  "plan.bands": "Attainment bonus bands",
  "plan.bandFrom": "From attainment",
  "plan.bandAmount": "Bonus",

  "reps.title": "Reps: quotas, ramp and credited amounts per period",
  "reps.rep": "Rep",
  "reps.period": "Period",
  "reps.quota": "Quota",
  "reps.ramp": "Ramp factor",
  "reps.proration": "Share of period",
  "reps.credited": "Credited amount",
  "reps.spifDeals": "SPIF deals",
  "reps.firstMonth": "First month",
  "reps.lastMonth": "Last month",
  "reps.fiscalYear": "Fiscal year",
  "reps.clawbacks": "Clawbacks: cancelled or returned deals",
  "reps.clawPeriod": "Reversed in period",
  "reps.clawOriginal": "Paid in period",
  "reps.clawAmount": "Credit reversed",
  "reps.clawRate": "Rate paid",
  "reps.clawReversal": "Commission reversed",

  "calc.title": "Calculation: native formulas over the plan and the reps",
  "calc.rep": "Rep",
  "calc.period": "Period",
  "calc.effectiveQuota": "Effective quota",
  "calc.credited": "Credited",
  "calc.attainment": "Attainment",
  "calc.tierInput": "Tier input",
  "calc.tierScale": "Tier scale",
  "calc.tier": "Tier commission",
  "calc.gateMet": "Gate met",
  "calc.spif": "SPIF",
  "calc.bonus": "Bonus",
  "calc.earned": "Earned",
  "calc.capped": "After cap",
  "calc.paidRate": "Rate paid",
  "calc.clawback": "Clawbacks",
  "calc.net": "Net",
  "calc.opening": "Opening balance",
  "calc.payout": "Payout",
  "calc.closing": "Closing balance",

  "calc.fiscalYear": "Fiscal year",
  "calc.ytdQuota": "Quota measured (to date)",
  "calc.ytdCredited": "Credited measured (to date)",
  "calc.earlier": "Earned earlier this year",
  "calc.trueUp": "Due this period (true-up)",
  "calc.paidBack": "Paid back",
  "line.earlier": "Earned earlier this year",
  "statement.title": "Statement: every payout explained line by line",
  "statement.rep": "Rep",
  "statement.period": "Period",
  "statement.component": "Component",
  "statement.basis": "Basis",
  "statement.rate": "Rate",
  "statement.amount": "Amount",
  "line.tier": "Tier commission",
  "line.spif": "SPIF",
  "line.bonus": "Attainment bonus",
  "line.gate": "Gate",
  "line.cap": "Cap",
  "line.clawback": "Clawbacks",
  "line.draw": "Draw / recovery",
  "line.payout": "Payout",

  "summary.title": "Commission summary",
  "summary.totalPayout": "Total payout",
  "summary.revenue": "Credited revenue",
  "summary.share": "Payout share of revenue",
  "summary.rep": "Rep",
  "summary.payout": "Payout",
  "summary.chart": "Payout per rep",
};

export type CommissionKey = keyof typeof commissionEnUS;
export type CommissionCatalog = Record<CommissionKey, string>;
