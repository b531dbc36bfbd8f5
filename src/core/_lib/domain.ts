/**
 * Domain checks shared by the metric functions. Each returns a CoreError naming the
 * argument, or undefined when the value is fine, so a caller stays allocation-free on the
 * happy path: `const bad = negativeCount(x, "total"); if (bad) return bad;`.
 */
import { coreError, CoreError } from "../errors";

/** A count (deals, customers, days, periods) must be >= 0. */
export function negativeCount(value: number, name: string): CoreError | undefined {
  return value < 0 ? coreError("NUM", `${name} is a count and must be 0 or more (got ${value}).`) : undefined;
}

/** A probability-like share (probability, win rate, margin, churn rate) must lie in [0, 1]. */
export function outsideUnit(value: number, name: string): CoreError | undefined {
  return value < 0 || value > 1
    ? coreError("NUM", `${name} is a decimal between 0 and 1 (25% = 0.25); got ${value}.`)
    : undefined;
}

/** A money amount that the definition needs to be >= 0. */
export function negativeAmount(value: number, name: string): CoreError | undefined {
  return value < 0 ? coreError("NUM", `${name} must not be negative (got ${value}).`) : undefined;
}

/** The `#DIV/0!` of a zero denominator. */
export function zeroDenominator(name: string): CoreError {
  return coreError("DIV0", `${name} is 0, so the ratio is undefined.`);
}

/** Divides, mapping a zero denominator to DIV0 and a non-finite quotient to NUM. */
export function safeRatio(numerator: number, denominator: number, denominatorName: string): number | CoreError {
  if (denominator === 0) return zeroDenominator(denominatorName);
  const q = numerator / denominator;
  return q - q === 0 ? q : coreError("NUM", "The result is too large to represent.");
}

/**
 * True for a finite number. Same as Number.isFinite, written without a global lookup:
 * hot loops run in hosts where global property access is slow (a vm context).
 */
export function isFiniteNumber(x: number): boolean {
  return x - x === 0;
}
