/**
 * The one answer of composing a workbook: a plan, or the fields that are wrong. Every caller
 * (the task pane, the command line, the preview) reads this shape; nothing is duck-typed.
 */
import type { FieldError } from "../generators/common";
import type { WorkbookPlan } from "../workbook/plan";

export type { FieldError };

export type ComposeResult = { ok: true; plan: WorkbookPlan } | { ok: false; errors: FieldError[] };

/** A refusal with these errors. */
export function refused(errors: FieldError[]): ComposeResult {
  return { ok: false, errors };
}
