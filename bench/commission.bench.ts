/**
 * Commission: 1,000 reps x 12 periods through the engine, against the same payouts
 * computed by HyperFormula from the generated Calc sheet (Statement left out: it only
 * re-reads Calc). Also tierCommission on 100,000 amounts against a band-by-band loop.
 * Prints ratios measured in this one run.
 */
import { performance } from "perf_hooks";
import { CommissionCredits, CommissionPlan, runCommissionPlan, tierCommission, validateTierTable, TierTable } from "../src/core/commission";
import { isInvalid } from "../src/generators/common";
import { CALC_COLUMNS, FIRST_ROW, planCommissionWorkbook } from "../src/generators/commission";
import { evaluatePlan } from "../src/workbook/preview/evaluate";

function time<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

export default async function run(): Promise<void> {
  const reps = Array.from({ length: 1000 }, (_, i) => `Rep ${i + 1}`);
  const periods = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const credits: CommissionCredits = {
    periods,
    reps,
    credits: reps.flatMap((rep) => periods.map((_, period) => ({ rep, period, amount: Math.round(random() * 60000), spifDeals: Math.floor(random() * 3) }))),
    clawbacks: reps.slice(0, 50).map((rep) => ({ rep, period: 5, originalPeriod: 2, amount: 1000 })),
  };
  const plan: CommissionPlan = {
    basis: "attainment",
    method: "hybrid",
    marginalFrom: 1,
    tiers: [
      { from: 0, rate: 0.04 },
      { from: 0.5, rate: 0.08 },
      { from: 1, rate: 0.15 },
      { from: 1.5, rate: 0.2 },
    ],
    quota: 30000,
    gate: 0.2,
    cap: 12000,
    draw: { amount: 800, recoverable: true },
    spif: { amount: 50 },
    bonusBands: [{ from: 1.2, amount: 500 }],
  };

  const engine = time(() => runCommissionPlan(plan, credits));
  if ("errors" in engine.result) throw new Error(JSON.stringify(engine.result.errors));
  const rows = engine.result.rows;

  const sheet = time(() => {
    const wb = planCommissionWorkbook(plan, credits, { statement: false });
    if (isInvalid(wb)) throw new Error("invalid");
    const ev = evaluatePlan(wb);
    const col = CALC_COLUMNS.payout;
    return ev.values(wb.sheets[2].name, `${col}${FIRST_ROW}:${col}${FIRST_ROW + rows.length - 1}`);
  });
  let worst = 0;
  sheet.result.forEach((r, i) => (worst = Math.max(worst, Math.abs((r[0] as number) - rows[i].payout))));
  console.log(`commission: ${rows.length} rep-periods; engine vs HyperFormula over the generated sheet: HyperFormula takes ${(sheet.ms / engine.ms).toFixed(0)}x the engine's time (largest payout difference ${worst.toExponential(1)})`);

  const table = validateTierTable([0, 10000, 20000, 50000], [0.05, 0.1, 0.2, 0.25]) as TierTable;
  const amounts = Array.from({ length: 100000 }, () => random() * 80000);
  const naive = (amount: number) => {
    const { thresholds, rates } = table;
    const bands = thresholds.map((t, i) => Math.max(0, Math.min(amount, i + 1 < thresholds.length ? thresholds[i + 1] : Infinity) - t));
    return bands.reduce((sum, b, i) => sum + b * rates[i], 0);
  };
  let sink = 0;
  const fast = time(() => {
    for (const a of amounts) sink += tierCommission(a, table, "marginal") as number;
  });
  const slow = time(() => {
    for (const a of amounts) sink -= naive(a);
  });
  console.log(`tierCommission: 100,000 calls run ${(slow.ms / fast.ms).toFixed(1)}x faster than a band-by-band loop with arrays (checksum ${Math.abs(sink) < 1e-3 ? "ok" : sink})`);
}

if (require.main === module) void run();
