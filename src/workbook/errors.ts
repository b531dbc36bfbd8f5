/**
 * The error every writer (Office, .xlsx, preview) rejects with, raised by the shared
 * preparation step (`prepare.ts`) or by the writer itself.
 */
import type { PlanProblem } from "./validatePlan";

export type WorkbookWriteErrorCode =
  | "INVALID_PLAN"
  | "UNSUPPORTED_HOST"
  | "TARGET_NOT_FOUND"
  | "TARGET_NOT_EMPTY"
  | "NAME_TAKEN"
  | "WRITE_FAILED"
  | "CLEANUP_FAILED";

/** A failed write, with a code for programs and a message for people. */
export class WorkbookWriteError extends Error {
  readonly code: WorkbookWriteErrorCode;
  readonly problems: PlanProblem[];
  readonly cause?: unknown;
  constructor(
    code: WorkbookWriteErrorCode,
    message: string,
    details: { problems?: PlanProblem[]; cause?: unknown } = {},
  ) {
    super(message);
    this.name = "WorkbookWriteError";
    this.code = code;
    this.problems = details.problems ?? [];
    this.cause = details.cause;
  }
}
