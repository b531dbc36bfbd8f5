/**
 * A small fixed data set for the generator tests, written out by hand, and tiny independent
 * helpers that compute expected numbers straight from the definitions (plain loops over
 * this data; nothing from src/generators).
 */
import { Deal, DealStatus, Pipeline } from "../../src/core/deal";
import { PlanCell, SheetPlan } from "../../src/workbook/plan";
import type { Locale } from "../../src/core/locale";
import { isInvalid, PlanResult } from "../../src/generators/common";
import { dealsSheetPlan } from "../../src/generators/deals";
import { parseCell } from "../../src/workbook/address";
import { plannedCell } from "../../src/workbook/validatePlan";

export const PIPELINE: Pipeline = {
  stages: [
    { name: "Initial contact", probability: 0.1 },
    { name: "Needs analysis", probability: 0.3 },
    { name: "Proposal", probability: 0.5 },
    { name: "Negotiation & signing", probability: 0.8 },
  ],
  wonLabels: ["Closed Won"],
  lostLabels: ["Closed Lost"],
};

export const PIPELINE_ZH: Pipeline = {
  stages: [
    { name: "初步接触", probability: 0.1 },
    { name: "需求分析", probability: 0.3 },
    { name: "方案制定", probability: 0.5 },
    { name: "谈判签约", probability: 0.8 },
  ],
  wonLabels: ["赢单"],
  lostLabels: ["输单"],
};

interface Row {
  id: string;
  customer: string;
  owner: string;
  amount: number;
  created: string | null;
  close: string | null;
  /** open: 0-based stage; won/lost: "won" / "lost" */
  status: DealStatus;
  stage?: number;
  lostAt?: number | null;
  source?: string;
  probability?: number;
}

// Written by hand. Months span 2024-11 .. 2025-04 (won deals), with one a year before.
const ROWS: Row[] = [
  { id: "D01", customer: "Acme", owner: "Alice", amount: 1000, created: "2024-10-01", close: "2024-11-15", status: "won", source: "Web" },
  { id: "D02", customer: "Acme", owner: "Alice", amount: 3000, created: "2024-12-01", close: "2025-01-10", status: "won", source: "Referral" },
  { id: "D03", customer: "Beta", owner: "Bob", amount: 2000, created: "2024-12-05", close: "2025-01-20", status: "won", source: "Web" },
  { id: "D04", customer: "Beta", owner: "Bob", amount: 500, created: "2025-01-02", close: "2025-02-14", status: "lost", lostAt: 2, source: "Web" },
  { id: "D05", customer: "Cora", owner: "Carol", amount: 4000, created: "2025-01-10", close: "2025-03-01", status: "won", source: "Event" },
  { id: "D06", customer: "Cora", owner: "Alice", amount: 800, created: "2025-02-01", close: "2025-03-20", status: "lost", lostAt: null, source: "" },
  { id: "D07", customer: "Dyna", owner: "Carol", amount: 1500, created: "2025-02-10", close: "2025-04-05", status: "won", source: "Referral" },
  { id: "D08", customer: "Dyna", owner: "Bob", amount: 2500, created: "2025-03-01", close: "2025-05-30", status: "open", stage: 3, probability: 0.8, source: "Web" },
  { id: "D09", customer: "Acme", owner: "Carol", amount: 1200, created: "2025-03-05", close: "2025-06-30", status: "open", stage: 1, probability: 0.25, source: "Event" },
  { id: "D10", customer: "Echo", owner: "Alice", amount: 700, created: "2025-03-15", close: null, status: "open", stage: 0, probability: 0.1, source: "" },
  { id: "D11", customer: "Echo", owner: "Bob", amount: 900, created: "2025-01-15", close: "2025-02-28", status: "lost", lostAt: 0, source: "Event" },
  { id: "D12", customer: "Beta", owner: "Carol", amount: 600, created: "2025-03-01", close: "2025-04-25", status: "won", source: "Web" },
];

export function buildDeals(pipeline: Pipeline = PIPELINE): Deal[] {
  const k = pipeline.stages.length;
  return ROWS.map((row) => {
    const stageLabel =
      row.status === "won" ? pipeline.wonLabels[0] : row.status === "lost" ? pipeline.lostLabels[0] : pipeline.stages[row.stage!].name;
    const furthest = row.status === "won" ? k : row.status === "lost" ? row.lostAt ?? 0 : row.stage!;
    return {
      id: row.id,
      name: `Deal ${row.id}`,
      customer: row.customer,
      owner: row.owner,
      amount: row.amount,
      currency: "USD",
      createdDate: row.created,
      closeDate: row.close,
      stage: stageLabel,
      stagePosition: row.status === "open" ? row.stage! : null,
      status: row.status,
      probability: row.status === "won" ? 1 : row.status === "lost" ? 0 : row.probability!,
      lostAtStage: row.status === "lost" ? row.lostAt ?? null : null,
      source: row.source ?? "",
      furthestStage: furthest,
    };
  });
}

// ---- independent expectations -------------------------------------------------------

/** Funnel counts by the rule: stage i (0-based, k = Won) counts deals with furthest >= i. */
export function expectedFunnelCounts(deals: Deal[], stageCount: number): number[] {
  const counts: number[] = [];
  for (let i = 0; i <= stageCount; i++) {
    let n = 0;
    for (const d of deals) {
      const reached = d.status === "won" ? stageCount : d.status === "lost" ? d.lostAtStage ?? 0 : d.stagePosition!;
      if (reached >= i) n++;
    }
    counts.push(n);
  }
  return counts;
}

export function wonRevenueBy(deals: Deal[], key: (d: Deal) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of deals) {
    if (d.status !== "won") continue;
    out.set(key(d), (out.get(key(d)) ?? 0) + d.amount);
  }
  return out;
}

export function monthOf(iso: string | null): string {
  return iso === null ? "" : iso.slice(0, 7);
}

/** Excel serial of an ISO date, computed independently (days since 1899-12-30). */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** HyperFormula keeps about 11 significant digits: compare relative to the size. */
export function expectNear(actual: unknown, expected: number, relative = 1e-9): void {
  if (typeof actual !== "number") throw new Error(`expected a number near ${expected}, got ${JSON.stringify(actual)}`);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

/** The planned content of one cell of a sheet ("C5"), whichever block holds it. */
export function plannedAt(sheet: SheetPlan, address: string): PlanCell | undefined {
  const p = parseCell(address);
  return plannedCell(sheet, p.row, p.column);
}

/**
 * A deal-based generator's plan with the Deals sheet its formulas read put first, as
 * compose bundles it (a generator never adds Deals itself).
 */
export function withDeals<O extends { locale?: Locale; currency?: string }>(
  generator: (deals: readonly Deal[], pipeline: Pipeline, options?: O) => PlanResult,
  deals: readonly Deal[],
  pipeline: Pipeline,
  options?: O,
): PlanResult {
  const result = generator(deals, pipeline, options);
  if (isInvalid(result)) return result;
  const dealsSheet = dealsSheetPlan(deals, pipeline, { locale: options?.locale, currency: options?.currency });
  return { ...result, sheets: [dealsSheet, ...result.sheets] };
}
