/**
 * Generators: planning the whole workbook for 100,000 deals, as a ratio to the baseline of
 * only copying the same deals into a plain 2D array of cells (the least any plan must do);
 * and recomputing a 2,000-deal workbook in HyperFormula after one deal edit, as a ratio to
 * its first full evaluation.
 */
import { Deal, Pipeline } from "../src/core/deal";
import { planWorkbook } from "../src/compose/workbook";
import { evaluatePlan } from "../src/workbook/preview/evaluate";

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

export function syntheticDeals(n: number, reps: number, customers: number): Deal[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const deals: Deal[] = [];
  for (let i = 0; i < n; i++) {
    const status = next() < 0.3 ? "won" : next() < 0.5 ? "lost" : "open";
    const stage = Math.floor(next() * 4);
    const day = Math.floor(next() * 700);
    const created = new Date(Date.UTC(2024, 0, 1) + day * 86400000).toISOString().slice(0, 10);
    const close = new Date(Date.UTC(2024, 0, 1) + (day + 30 + Math.floor(next() * 90)) * 86400000).toISOString().slice(0, 10);
    deals.push({
      id: `D${i}`,
      name: `Deal ${i}`,
      customer: `Customer ${Math.floor(next() * customers)}`,
      owner: `Rep ${Math.floor(next() * reps)}`,
      amount: Math.round(next() * 50000),
      currency: "USD",
      createdDate: created,
      closeDate: close,
      stage: status === "open" ? PIPELINE.stages[stage].name : status === "won" ? "Closed Won" : "Closed Lost",
      stagePosition: status === "open" ? stage : null,
      status,
      probability: status === "won" ? 1 : status === "lost" ? 0 : PIPELINE.stages[stage].probability,
      lostAtStage: status === "lost" ? stage : null,
      source: ["Web", "Referral", "Event"][Math.floor(next() * 3)],
      furthestStage: status === "won" ? 4 : stage,
    });
  }
  return deals;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export default async function run(): Promise<void> {
  const big = syntheticDeals(100_000, 50, 2_000);
  const baseline = time(() => big.map((d) => [d.id, d.name, d.customer, d.owner, d.amount, d.currency, d.createdDate, d.closeDate, d.stage, d.status, d.probability, d.source]));
  const planned = time(() => planWorkbook(big, PIPELINE, { sheets: { customers: { asOf: "2025-12-31" } } }));
  if (!planned.value.ok) throw new Error("planWorkbook refused the synthetic deals");
  const cells = planned.value.plan.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.cells.length * b.cells[0].length, 0), 0);
  console.log(`planWorkbook, 100,000 deals (${cells.toLocaleString("en-US")} planned cells): ${(planned.ms / baseline.ms).toFixed(1)}x copying the deals into a plain array`);

  const small = syntheticDeals(2_000, 20, 200);
  const composed = planWorkbook(small, PIPELINE, { sheets: { customers: { asOf: "2025-12-31" } } });
  if (!composed.ok) throw new Error("planWorkbook refused the synthetic deals");
  const first = time(() => evaluatePlan(composed.plan));
  const edit = time(() => {
    first.value.set("Deals", "E2", 12345);
    return first.value.value("Customers", "B4");
  });
  console.log(`HyperFormula, 2,000-deal workbook: one deal edit recomputes in ${(edit.ms / first.ms).toFixed(2)}x the first full evaluation`);
}

if (require.main === module) void run();
