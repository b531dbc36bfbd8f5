/**
 * Calls SALES.* functions through the runner with a CustomFunctions stub (the harness's),
 * the way Excel calls them, without needing a build.
 */
import { createRunner, ExcelErrorApi } from "../../src/functions/adapter";
import { DEFS_BY_ID } from "../../src/functions/definitions";
import { ErrorCode, StubError } from "../harness/excelRuntime";

export const runner = createRunner({ Error: StubError, ErrorCode } as unknown as ExcelErrorApi);

/** The raw 2D result of a call. */
export function callGrid(id: string, ...args: unknown[]): unknown[][] {
  const def = DEFS_BY_ID[id];
  if (!def) throw new Error(`unknown function ${id}`);
  return runner.run(def, args);
}

/** A call's single value (the 1x1 result unwrapped). */
export function call(id: string, ...args: unknown[]): unknown {
  const grid = callGrid(id, ...args);
  expect(grid.length).toBe(1);
  expect(grid[0].length).toBe(1);
  return grid[0][0];
}

/** The Excel error text of a value, or the value itself when it is not an error. */
export function code(v: unknown): unknown {
  return v instanceof StubError ? v.code : v;
}

/** The error text of a single-value call, for `expect(err(...)).toBe("#NUM!")`. */
export function err(id: string, ...args: unknown[]): unknown {
  return code(call(id, ...args));
}

export const codes = (grid: unknown[][]) => grid.map((row) => row.map(code));
export { StubError };
