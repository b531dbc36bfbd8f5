/**
 * Domain errors of the core, returned as values (never thrown).
 *
 * The codes mirror the Excel errors they become in `src/functions` (the only layer that
 * knows about `CustomFunctions.Error`):
 * - `DIV0`  -> `#DIV/0!`  a zero denominator
 * - `NUM`   -> `#NUM!`    a number outside the domain, or any NaN/infinity
 * - `VALUE` -> `#VALUE!`  text or a boolean where a number is required, mismatched shapes
 * - `NA`    -> `#N/A`     not enough data
 */
export type ErrorCode = "DIV0" | "NUM" | "VALUE" | "NA";

export interface CoreError {
  readonly kind: "error";
  readonly code: ErrorCode;
  readonly message: string;
}

/** A number, or the reason there is none. */
export type Result<T = number> = T | CoreError;

export function coreError(code: ErrorCode, message: string): CoreError {
  return { kind: "error", code, message };
}

export function isCoreError(value: unknown): value is CoreError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { kind?: unknown }).kind === "error" &&
    typeof (value as { code?: unknown }).code === "string"
  );
}

/** Turns NaN and infinities into `#NUM!`: core never hands a non-finite number out. */
export function finite(value: number, what = "result"): Result {
  return Number.isFinite(value) ? value : coreError("NUM", `The ${what} is not a finite number.`);
}
