/**
 * Element-wise execution of the "number" parameters: broadcasting their shapes, and the
 * per-cell loop with its fast path for two-number functions.
 *
 * This is the hot loop (100,000 cells in one call). What keeps it fast, measured in the
 * functions bench: no global lookups per cell or per row (`v - v === 0` for "finite",
 * `Arr` for Array), each argument's row fetched once per row, and the loops kept in small
 * functions of their own with everything they need in locals. The bundle is minified
 * without Terser's reduce_funcs (webpack.config.js), which inlined single-use functions
 * into these loops and made V8 run them about 3x slower.
 */
import { Failure, Failures, RANK } from "./failures";
import { describe, shapeOf, single } from "./readers";
import { FunctionDef } from "./spec";

/** Array captured once: a global lookup per row is slow where globals are intercepted (a vm context). */
const Arr = Array;

/** The element-wise arguments: each a 2D range (`grids`) or a single value (`singles`), and the result's shape. */
interface Broadcast {
  grids: (unknown[][] | undefined)[];
  singles: unknown[];
  rows: number;
  cols: number;
}

/** Computes one result cell at a row and column of the broadcast shape. */
type CellAt = (r: number, c: number) => unknown;

/** The indexes of a function's "number" parameters, in order. */
function numberParamsOf(def: FunctionDef<unknown>): number[] {
  const numberParams: number[] = [];
  def.params.forEach((p, i) => {
    if (p.kind === "number") numberParams.push(i);
  });
  return numberParams;
}

/** The two-number fast path over the whole shape: finite numbers in and out, else `general` for that cell. */
function pairLoop(
  pair: (a: number, b: number) => unknown,
  b: Broadcast,
  general: CellAt,
): unknown[][] {
  const { rows, cols } = b;
  const out: unknown[][] = new Arr(rows);
  const g0 = b.grids[0];
  const g1 = b.grids[1];
  const s0 = b.singles[0];
  const s1 = b.singles[1];
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = new Arr(cols);
    const r0 = g0 === undefined ? undefined : g0[r];
    const r1 = g1 === undefined ? undefined : g1[r];
    for (let c = 0; c < cols; c++) {
      const x = r0 === undefined ? s0 : r0[c];
      const y = r1 === undefined ? s1 : r1[c];
      if (typeof x === "number" && typeof y === "number" && x - x === 0 && y - y === 0) {
        const result = pair(x, y);
        if (typeof result === "number" && result - result === 0) {
          row[c] = result;
          continue;
        }
      }
      row[c] = general(r, c);
    }
    out[r] = row;
  }
  return out;
}

/** Every cell of the shape by `general`. */
function cellLoop(b: Broadcast, general: CellAt): unknown[][] {
  const { rows, cols } = b;
  const out: unknown[][] = new Arr(rows);
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = new Arr(cols);
    for (let c = 0; c < cols; c++) row[c] = general(r, c);
    out[r] = row;
  }
  return out;
}

/**
 * The shape of the result: same-shaped ranges give that shape, a single cell (or 1x1
 * range) pairs with any shape; a ragged range or two different shapes are #VALUE!.
 */
function broadcast(
  f: Failures,
  def: FunctionDef<unknown>,
  numberParams: number[],
  args: unknown[],
): Broadcast | Failure {
  const k = numberParams.length;
  const b: Broadcast = { grids: new Array(k), singles: new Array(k), rows: 1, cols: 1 };
  let shaped = false;
  for (let j = 0; j < k; j++) {
    const arg = args[numberParams[j]];
    const shape = shapeOf(arg);
    if (shape === "ragged")
      return f.fail("VALUE", `${def.params[numberParams[j]].name} must be a rectangular range.`);
    if (shape === undefined) {
      b.singles[j] = single(arg);
      continue;
    }
    if (shaped && (shape.rows !== b.rows || shape.cols !== b.cols)) {
      const names = numberParams.map((i) => def.params[i].name).join(", ");
      return f.fail(
        "VALUE",
        `The ranges given for ${names} must have the same shape (or be single cells).`,
      );
    }
    shaped = true;
    b.rows = shape.rows;
    b.cols = shape.cols;
    b.grids[j] = arg as unknown[][];
  }
  return b;
}

/**
 * One result cell by the general rules: a blank number takes its default (else
 * undefined when optional, else 0); an input error value wins at once; otherwise the
 * best-ranked of `fixedFailure`, #VALUE! for text or a boolean and #NUM! for a non-finite
 * number; with none, `def.cell` computes the cell.
 */
function generalCell(
  f: Failures,
  def: FunctionDef<unknown>,
  numberParams: number[],
  b: Broadcast,
  ctx: unknown,
  fixedFailure?: Failure,
): CellAt {
  const { isInputError, inputFailure, fail, finish } = f;
  const k = numberParams.length;
  const { grids, singles } = b;
  const defaults: (number | undefined)[] = numberParams.map((i) => {
    const p = def.params[i];
    return typeof p.default === "number" ? p.default : p.optional ? undefined : 0;
  });
  const names = numberParams.map((i) => def.params[i].name);
  const cell = def.cell!;
  const numbers: (number | undefined)[] = new Array(k);
  return (r: number, c: number): unknown => {
    let cellFailure: Failure | undefined = fixedFailure;
    for (let j = 0; j < k; j++) {
      const g = grids[j];
      const v = g === undefined ? singles[j] : g[r][c];
      if (typeof v === "number") {
        if (v - v === 0)
          numbers[j] = v; // finite (no global lookup in the hot loop)
        else if (!cellFailure || cellFailure.rank > RANK.NUM) {
          cellFailure = fail("NUM", `${names[j]} is not a finite number.`);
        }
      } else if (v === null || v === undefined || v === "") {
        numbers[j] = defaults[j];
      } else if (isInputError(v)) {
        cellFailure = inputFailure(v);
        break;
      } else if (!cellFailure || cellFailure.rank > RANK.VALUE) {
        cellFailure = fail("VALUE", `${names[j]} must be a number; got ${describe(v)}.`);
      }
    }
    if (cellFailure) return cellFailure.excel;
    return finish(cell(ctx, numbers));
  };
}

/**
 * Runs the element-wise parameters over their broadcast shape, one `cell` call per
 * result cell (once for a function without any); a function with `pair` and no failure
 * from its other arguments takes the fast path.
 */
export function runElementwise(
  f: Failures,
  def: FunctionDef<unknown>,
  args: unknown[],
  ctx: unknown,
  fixedFailure?: Failure,
): unknown[][] {
  const numberParams = numberParamsOf(def);
  const b = broadcast(f, def, numberParams, args);
  if ("excel" in b) return [[b.excel]];
  const general = generalCell(f, def, numberParams, b, ctx, fixedFailure);
  const pair = def.pair;
  if (pair && numberParams.length === 2 && !fixedFailure) return pairLoop(pair, b, general);
  return cellLoop(b, general);
}
