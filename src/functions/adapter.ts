/**
 * The one runner that owns Excel's calling convention for every SALES.* function.
 *
 * Each function declares its parameters as data (`FunctionDef`, spec.ts); the runner turns
 * what Excel passes (single values, 2D arrays, null for blanks and omitted arguments,
 * `CustomFunctions.Error` for error values) into clean numbers for core, and core's
 * errors back into `CustomFunctions.Error`. Every rule below is decided once, in the
 * module named:
 *
 * - Blank: `null`, `undefined` and `""`. A blank number counts as 0 (an optional one takes its
 *   default); a blank inside a list is skipped. (readers.ts, elementwise.ts)
 * - Text and booleans where a number is expected are `#VALUE!` naming the parameter
 *   (numeric text too). Inside a list (scores, amounts, values) they are skipped, as AVERAGE
 *   skips them, and in lists read in pairs the whole pair is skipped; tier tables are the
 *   exception (text there is `#VALUE!`: a broken tier table must never pay silently).
 *   NaN or an infinity in an input is `#NUM!`. (readers.ts)
 * - "number" parameters are element-wise: same-shaped ranges give a same-shaped result, a
 *   single cell pairs with any shape, other mismatches are `#VALUE!`. (elementwise.ts)
 * - Order of errors in one cell: an error value from the input wins, then `#VALUE!`, then
 *   `#NUM!`, then `#DIV/0!`, then `#N/A`. (failures.ts)
 * - The result is always a 2D array (1x1 for a single value); no NaN or infinity leaves.
 */
import { CoreError } from "../core/errors";
import { runElementwise } from "./elementwise";
import { createFailures, ExcelErrorApi, Failure, RANK_INPUT } from "./failures";
import { readFixed } from "./readers";
import { Fixed, FunctionDef } from "./spec";

export type { CellValue, Fixed, FunctionDef, GroupSpec, ParamKind, ParamSpec } from "./spec";
export type { ExcelErrorApi } from "./failures";

/**
 * Builds the runner over the CustomFunctions namespace of the runtime (the real one in
 * Excel, a stub in tests).
 */
export function createRunner(api: ExcelErrorApi) {
  const failures = createFailures(api);
  const { coreFailure, toExcel, finish } = failures;

  /** A whole spilled table from `def.grid`, unless the other arguments failed. */
  function runGrid(
    def: FunctionDef<unknown>,
    fixed: Fixed,
    ctx: unknown,
    fixedFailure?: Failure,
  ): unknown[][] {
    if (fixedFailure) return [[fixedFailure.excel]];
    const table = def.grid!(fixed, ctx);
    if (isError(table)) return [[toExcel(table)]];
    return table.map((row) => row.map((v) => finish(v)));
  }

  /**
   * Runs a function definition on the arguments Excel passed: reads the fixed arguments,
   * lets `prepare` check them, then computes a grid or element-wise. An input error value
   * among the fixed arguments is the whole result. Always returns a 2D array of finite
   * numbers and CustomFunctions.Error values.
   */
  function run<C>(def: FunctionDef<C>, args: unknown[]): unknown[][] {
    const d = def as FunctionDef<unknown>;
    const { fixed, failure: readFailure } = readFixed(failures, d, args);
    let fixedFailure = readFailure;
    let ctx: unknown;
    if (!fixedFailure && d.prepare) {
      const prepared = d.prepare(fixed);
      if (isError(prepared)) fixedFailure = coreFailure(prepared);
      else ctx = prepared;
    }
    if (fixedFailure && fixedFailure.rank === RANK_INPUT) return [[fixedFailure.excel]];
    if (d.grid) return runGrid(d, fixed, ctx, fixedFailure);
    return runElementwise(failures, d, args, ctx, fixedFailure);
  }

  return { run, isInputError: failures.isInputError };
}

/** Whether `prepare` or `grid` returned a core error rather than its value. */
function isError(v: unknown): v is CoreError {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "error";
}
