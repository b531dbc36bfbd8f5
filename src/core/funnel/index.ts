/**
 * Funnel and conversion metrics: SALES.CONVERSION, SALES.WINRATE, SALES.FUNNEL.
 */
import { coreError, CoreError, Result } from "../errors";
import { negativeCount, safeRatio } from "../_lib/domain";

/**
 * Share of deals converted: `converted / total`.
 *
 * Rules: both are counts (>= 0, else NUM, checked before the denominator); total 0 is DIV0.
 * A result above 1 is allowed (the data says more converted than entered).
 *
 * @example conversion(25, 100) // 0.25
 */
export function conversion(converted: number, total: number): Result {
  const bad = negativeCount(converted, "converted") || negativeCount(total, "total");
  if (bad) return bad;
  return safeRatio(converted, total, "total");
}

/**
 * Win rate of closed deals: `won / (won + lost)`.
 *
 * Rules: counts (>= 0, else NUM); both 0 is DIV0.
 *
 * @example winRate(3, 1) // 0.75
 */
export function winRate(won: number, lost: number): Result {
  const bad = negativeCount(won, "won") || negativeCount(lost, "lost");
  if (bad) return bad;
  return safeRatio(won, won + lost, "won + lost");
}

export type FunnelMode = "step" | "cumulative" | "dropoff";
export const FUNNEL_MODES: readonly FunnelMode[] = ["step", "cumulative", "dropoff"];

/**
 * Conversion per stage, one result per stage count (in reading order).
 *
 * Rules:
 * - `step` (default): first 1, then c[i] / c[i-1].
 * - `cumulative`: c[i] / c[0]; the first is 1, or DIV0 when c[0] is 0.
 * - `dropoff`: 1 - step; the first is 0.
 * - Counts must be >= 0: a negative count is NUM in its own cell and in the cell that
 *   divides by it. A zero earlier stage is DIV0 in that cell only.
 *
 * @example funnelRates([200, 50, 10], "step") // [1, 0.25, 0.2]
 */
export function funnelRates(counts: readonly number[], mode: FunnelMode = "step"): Result[] {
  const out: Result[] = new Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    const badHere = negativeCount(c, `stage ${i + 1}`);
    if (badHere) {
      out[i] = badHere;
      continue;
    }
    if (mode === "cumulative") {
      const base = counts[0];
      if (base < 0) out[i] = coreError("NUM", "stage 1 is a count and must be 0 or more.");
      else out[i] = safeRatio(c, base, "stage 1");
      continue;
    }
    if (i === 0) {
      out[i] = mode === "dropoff" ? 0 : 1;
      continue;
    }
    const previous = counts[i - 1];
    if (previous < 0) {
      out[i] = coreError("NUM", `stage ${i} is a count and must be 0 or more.`);
      continue;
    }
    const step = safeRatio(c, previous, `stage ${i}`);
    out[i] = mode === "dropoff" && typeof step === "number" ? 1 - step : step;
  }
  return out;
}

export type { CoreError };
