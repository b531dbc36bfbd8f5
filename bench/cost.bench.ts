/**
 * Function cost, as ratios measured in this run (core called directly, from the sources):
 * 1. MOVINGAVG, 100,000 cells, window 10,000: the O(n) exact running total vs the naive
 *    loop that sums every window afresh (O(n * window)).
 * 2. MOVINGAVG, 1,000,000 cells, window 100,000 (the naive loop would take minutes): vs
 *    one plain SUM pass over the same cells.
 * 3. CSAT, 100,000 ratings at 1,000 satisfied_min thresholds (a spilled range): sort once
 *    and binary-search vs counting every rating per threshold.
 * 4. SCORE, 100,000 items at 1,000 caps (a spilled range): sorted ratios with prefix sums vs
 *    scoring every item again per cap.
 */
import { movingAverage } from "../src/core/forecast";
import { csat, csatOver } from "../src/core/customers";
import { weightedScore, weightedScoreOver } from "../src/core/incentives";

/** The median of `repeat` runs, each after a garbage collection (--expose-gc): a shared machine is noisy. */
function time(fn: () => void, repeat = 5): number {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[repeat >> 1];
}

/** Sales-like amounts with a blank every 17th cell, the same in every run. */
function series(n: number): (number | null)[] {
  let seed = 12345;
  return Array.from({ length: n }, (_, i) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return i % 17 === 5 ? null : Math.round(seed / 21.47483648) / 100 - 2_000_000;
  });
}

/** The definition as MOVINGAVG computed it before: each window summed afresh. */
function naiveMovingAverage(values: readonly (number | null)[], w: number): (number | null)[] {
  const out: (number | null)[] = new Array(values.length).fill(null);
  for (let i = w - 1; i < values.length; i++) {
    let sum = 0;
    let count = 0;
    for (let j = i - w + 1; j <= i; j++) {
      const v = values[j];
      if (v !== null) {
        sum += v;
        count++;
      }
    }
    out[i] = count ? sum / count : null;
  }
  return out;
}

/** A plain running sum: O(n) but drifting (what MOVINGAVG must not be); a floor for any O(n) moving average. */
function plainRunningAverage(values: readonly (number | null)[], w: number): (number | null)[] {
  const out: (number | null)[] = new Array(values.length);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null) {
      sum += v;
      count++;
    }
    const leaving = i >= w ? values[i - w] : null;
    if (leaving !== null) {
      sum -= leaving;
      count--;
    }
    out[i] = i >= w - 1 && count ? sum / count : null;
  }
  return out;
}

const fmt = (r: number) => (r < 0.1 ? r.toPrecision(2) : r.toFixed(2));

export default async function run(): Promise<void> {
  // 1. MOVINGAVG vs the naive loop.
  const small = series(100_000);
  const fast = time(() => movingAverage(small, 10_000));
  const naive = time(() => naiveMovingAverage(small, 10_000), 1);
  console.log(`MOVINGAVG 100,000 cells, window 10,000: ${fmt(fast / naive)}x the time of the naive loop`);

  // 2. MOVINGAVG at Excel scale vs one plain SUM pass (and a plain running sum).
  const big = series(1_000_000);
  const large = time(() => movingAverage(big, 100_000));
  const sumPass = time(() => {
    let s = 0;
    for (let i = 0; i < big.length; i++) {
      const v = big[i];
      if (v !== null) s += v;
    }
    if (s === 0.5) console.log("");
  });
  const running = time(() => plainRunningAverage(big, 100_000));
  console.log(
    `MOVINGAVG 1,000,000 cells, window 100,000: ${fmt(large / sumPass)}x the time of one plain SUM pass over the same cells` +
      ` (${fmt(large / running)}x a plain, drifting running-sum moving average, which fills the same 1,000,000 results)`,
  );

  // 3. CSAT at many thresholds vs one count per threshold.
  const ratings = series(100_000).map((v, i) => (v === null ? 3 : (i * 7) % 5) + 1);
  const mins = Array.from({ length: 1_000 }, (_, i) => 1 + (i % 50) / 10);
  const sorted = time(() => {
    const at = csatOver(ratings);
    for (const m of mins) at(m);
  });
  const counted = time(() => {
    for (const m of mins) csat(ratings, m);
  }, 1);
  console.log(`CSAT 100,000 ratings at 1,000 thresholds: ${fmt(sorted / counted)}x the time of counting the ratings per threshold`);

  // 4. SCORE at many caps vs scoring every item per cap.
  const actuals = series(100_000).map((v) => Math.abs(v ?? 1) + 1);
  const targets = actuals.map((_, i) => 1_000_000 + (i % 97) * 1000);
  const weights = actuals.map((_, i) => 1 + (i % 5));
  const caps = Array.from({ length: 1_000 }, (_, i) => 0.5 + i / 500);
  const scored = time(() => {
    const score = weightedScoreOver(actuals, targets, weights);
    for (const cap of caps) score(cap);
  });
  const direct = time(() => {
    for (const cap of caps) weightedScore(actuals, targets, weights, cap);
  }, 1);
  console.log(`SCORE 100,000 items at 1,000 caps: ${fmt(scored / direct)}x the time of scoring every item per cap`);
}

if (require.main === module) run();
