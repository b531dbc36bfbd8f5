/**
 * The one runner that owns Excel's calling convention for every SALES.* function.
 *
 * Each function declares its parameters as data (`FunctionDef`); the runner turns what
 * Excel passes (single values, 2D arrays, null for blanks and omitted arguments,
 * `CustomFunctions.Error` for error values) into clean numbers for core, and core's
 * errors back into `CustomFunctions.Error`. Every rule below is decided here once:
 *
 * - Blank: `null`, `undefined` and `""`. A blank number counts as 0 (an optional one takes its
 *   default); a blank inside a list is skipped.
 * - Text and booleans where a number is expected are `#VALUE!` naming the parameter
 *   (numeric text too). Inside a list (scores, amounts, values) they are skipped, as AVERAGE
 *   skips them, and in lists read in pairs the whole pair is skipped; tier tables are the
 *   exception (text there is `#VALUE!`: a broken tier table must never pay silently).
 *   NaN or an infinity in an input is `#NUM!`.
 * - "number" parameters are element-wise: same-shaped ranges give a same-shaped result, a
 *   single cell pairs with any shape, other mismatches are `#VALUE!`.
 * - Order of errors in one cell: an error value from the input wins, then `#VALUE!`, then
 *   `#NUM!`, then `#DIV/0!`, then `#N/A`.
 * - The result is always a 2D array (1x1 for a single value); no NaN or infinity leaves.
 */
import { CoreError, ErrorCode as CoreCode, Result } from "../core/errors";

/** How a parameter is read. */
export type ParamKind =
  /** element-wise number: a cell or a range; ranges broadcast against each other */
  | "number"
  /** one number in a single cell (DRAW, COMMISSION.DETAIL, MOVINGAVG's window) */
  | "scalar"
  /** a range of any shape read in reading order; blanks skipped */
  | "list"
  /** a range kept with its shape; blanks kept as null (FUNNEL, MOVINGAVG) */
  | "cells"
  /** case-insensitive text from a fixed set */
  | "option"
  /** TRUE/FALSE or 1/0 */
  | "flag";

export interface ParamSpec {
  readonly name: string;
  readonly kind: ParamKind;
  readonly optional?: boolean;
  /** Used for a blank or omitted optional argument (and, for "number"/"scalar", a blank cell). */
  readonly default?: number | string | boolean;
  /** Allowed values of an "option", lower case. */
  readonly options?: readonly string[];
  /** "list" and "flag" parameters of the same group are read as aligned tuples. */
  readonly group?: string;
  /**
   * For an optional group member: when omitted, each tuple takes its 1-based position
   * instead (FORECAST's known_periods default 1..n).
   */
  readonly positionWhenOmitted?: boolean;
  /** For "cells": text and booleans count as blank (MOVINGAVG skips them as AVERAGE does). */
  readonly textIsBlank?: boolean;
}

/** How a group of aligned lists treats blanks and shape mismatches. */
export interface GroupSpec {
  /** "allBlank": a tuple blank everywhere is skipped, a partly blank one counts blanks as 0.
   *  "anyBlank": a tuple with any blank is skipped (CYCLE: an open deal has no end date).
   *  "tiers": trailing all-blank rows are skipped; any other blank is VALUE (tier tables). */
  readonly skip: "allBlank" | "anyBlank" | "tiers";
  /**
   * Error when members differ: "shape" requires the same shape (else VALUE), "countNA" and
   * "countVALUE" the same number of cells (else NA or VALUE).
   */
  readonly mismatch: "shape" | "countNA" | "countVALUE";
}

/** Values handed to `prepare`/`grid`, keyed by parameter name. */
export interface Fixed {
  /** "list" and group members (aligned after skipping). */
  lists: Record<string, number[]>;
  /** "cells": values in reading order (null = blank) and the shape. */
  cells: Record<string, { values: (number | null)[]; rows: number; cols: number }>;
  options: Record<string, string>;
  /** A group flag given as a range is an array aligned with the group; otherwise a boolean. */
  flags: Record<string, boolean | boolean[]>;
  /** "scalar": undefined when blank/omitted without a default. */
  scalars: Record<string, number | undefined>;
}

export type CellValue = number | CoreError;

export interface FunctionDef<C = unknown> {
  readonly id: string;
  readonly params: readonly ParamSpec[];
  readonly groups?: Readonly<Record<string, GroupSpec>>;
  /** Validates the non-element-wise arguments once per call; returns a context for `cell`. */
  readonly prepare?: (fixed: Fixed) => C | CoreError;
  /**
   * Computes one result from the element-wise numbers (in the order of the "number"
   * parameters; undefined for a blank optional without default). A function without
   * "number" parameters is called once.
   */
  readonly cell?: (ctx: C, numbers: (number | undefined)[]) => Result;
  /**
   * The same computation as `cell` for a function of exactly two element-wise numbers and
   * no context: the runner's fast path when both inputs of a cell are finite numbers.
   */
  readonly pair?: (a: number, b: number) => Result;
  /** Computes a whole spilled table from the fixed arguments (FUNNEL, MOVINGAVG, DETAIL, DRAW). */
  readonly grid?: (fixed: Fixed, ctx: C) => Result<CellValue[][]>;
}

/** The part of the CustomFunctions namespace the runner needs. */
export interface ExcelErrorApi {
  Error: new (code: never, message?: string) => object;
  ErrorCode: {
    invalidValue: string;
    notAvailable: string;
    divisionByZero: string;
    invalidNumber: string;
  };
}

/** Precedence of errors in one cell: lower wins. */
const Arr = Array;
const RANK_INPUT = 0;
const RANK: Record<CoreCode, number> = { VALUE: 1, NUM: 2, DIV0: 3, NA: 4 };

/** An error found while reading arguments: ready to return, with its precedence. */
interface Failure {
  rank: number;
  excel: object;
}

const EXCEL_CODE_KEY: Record<CoreCode, keyof ExcelErrorApi["ErrorCode"]> = {
  DIV0: "divisionByZero",
  NUM: "invalidNumber",
  VALUE: "invalidValue",
  NA: "notAvailable",
};

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

function describe(v: unknown): string {
  if (typeof v === "string") return `the text "${v.length > 40 ? v.slice(0, 40) + "..." : v}"`;
  if (typeof v === "boolean") return `the logical value ${v ? "TRUE" : "FALSE"}`;
  return `a value of type ${typeof v}`;
}

/** Shape of a 2D argument, or undefined when it is a single value (a 1x1 range counts as one). */
function shapeOf(v: unknown): { rows: number; cols: number } | "ragged" | undefined {
  if (!Array.isArray(v)) return undefined;
  const rows = v.length;
  if (rows === 0 || !Array.isArray(v[0])) return "ragged";
  const cols = (v[0] as unknown[]).length;
  if (cols === 0) return "ragged";
  for (let r = 1; r < rows; r++) {
    if (!Array.isArray(v[r]) || (v[r] as unknown[]).length !== cols) return "ragged";
  }
  return rows === 1 && cols === 1 ? undefined : { rows, cols };
}

/** The single value of a scalar or 1x1 argument. */
function single(v: unknown): unknown {
  return Array.isArray(v) ? (Array.isArray(v[0]) ? v[0][0] : v[0]) : v;
}

/**
 * Builds the runner over the CustomFunctions namespace of the runtime (the real one in
 * Excel, a stub in tests).
 */
export function createRunner(api: ExcelErrorApi) {
  const ErrorClass = api.Error;

  /**
   * An error value from a cell: a CustomFunctions.Error, an object carrying an Excel error
   * code, or (where Excel passes cell values as data types, allowCustomDataForDataTypeAny)
   * an error cell value `{ type: "Error", basicValue: "#DIV/0!" }`.
   */
  function isInputError(v: unknown): boolean {
    if (v instanceof ErrorClass) return true;
    if (typeof v !== "object" || v === null) return false;
    const code = errorCodeOf(v);
    return typeof code === "string" && code.charAt(0) === "#";
  }

  function errorCodeOf(v: object): unknown {
    const { code, type, basicValue } = v as { code?: unknown; type?: unknown; basicValue?: unknown };
    return code !== undefined ? code : type === "Error" ? basicValue : undefined;
  }

  const knownCodes = new Set(Object.values(api.ErrorCode as Record<string, string>));

  /** An input error value returned as a CustomFunctions.Error (the same object when it is one). */
  function inputFailure(v: unknown): Failure {
    if (v instanceof ErrorClass) return { rank: RANK_INPUT, excel: v };
    const code = String(errorCodeOf(v as object));
    const { message } = v as { message?: unknown };
    const excelCode = knownCodes.has(code) ? code : api.ErrorCode.invalidValue;
    const text = typeof message === "string" && message ? message : `The input holds the error ${code}.`;
    return { rank: RANK_INPUT, excel: new ErrorClass(excelCode as never, text) };
  }

  function toExcel(e: CoreError): object {
    return new ErrorClass(api.ErrorCode[EXCEL_CODE_KEY[e.code]] as never, e.message);
  }

  function coreFailure(e: CoreError): Failure {
    return { rank: RANK[e.code], excel: toExcel(e) };
  }

  function fail(code: CoreCode, message: string): Failure {
    return { rank: RANK[code], excel: new ErrorClass(api.ErrorCode[EXCEL_CODE_KEY[code]] as never, message) };
  }

  function better(a: Failure | undefined, b: Failure | undefined): Failure | undefined {
    if (!a) return b;
    if (!b) return a;
    return b.rank < a.rank ? b : a;
  }

  /**
   * Reads one number cell of a list: a number, "blank", or a failure. Where `textIgnored`,
   * text and booleans are "ignored" (a list skips them as AVERAGE does); elsewhere they are
   * #VALUE! naming the parameter.
   */
  function readListCell(v: unknown, name: string, textIgnored = false): number | "blank" | "ignored" | Failure {
    if (typeof v === "number") {
      return v - v === 0 ? v : fail("NUM", `${name} holds a number that is not finite.`);
    }
    if (isBlank(v)) return "blank";
    if (isInputError(v)) return inputFailure(v);
    if (textIgnored) return "ignored";
    return fail("VALUE", `${name} must hold numbers; it holds ${describe(v)}.`);
  }

  /** Flattens a range (or single value) in reading order. */
  function cellsOf(v: unknown): unknown[] {
    if (!Array.isArray(v)) return [v];
    const out: unknown[] = [];
    for (const row of v) {
      if (Array.isArray(row)) for (const x of row) out.push(x);
      else out.push(row);
    }
    return out;
  }

  function readFlag(v: unknown, spec: ParamSpec): boolean | Failure {
    if (isBlank(v)) return spec.default === undefined ? false : Boolean(spec.default);
    if (typeof v === "boolean") return v;
    if (v === 1 || v === 0) return v === 1;
    if (isInputError(v)) return inputFailure(v);
    return fail("VALUE", `${spec.name} must be TRUE or FALSE (or 1 or 0); it is ${typeof v === "number" ? v : describe(v)}.`);
  }

  /** Reads every non-element-wise argument. Returns the best-ranked failure, if any. */
  function readFixed(def: FunctionDef<unknown>, args: unknown[]): { fixed: Fixed; failure?: Failure } {
    const fixed: Fixed = { lists: {}, cells: {}, options: {}, flags: {}, scalars: {} };
    let failure: Failure | undefined;
    const grouped = new Map<string, number[]>();

    def.params.forEach((spec, index) => {
      const arg = args[index];
      if (spec.group) {
        const members = grouped.get(spec.group) ?? [];
        members.push(index);
        grouped.set(spec.group, members);
        return;
      }
      switch (spec.kind) {
        case "number":
          return;
        case "list": {
          const values: number[] = [];
          for (const v of cellsOf(arg)) {
            const read = readListCell(v, spec.name, true);
            if (typeof read === "number") values.push(read);
            else if (read !== "blank" && read !== "ignored") failure = better(failure, read);
          }
          fixed.lists[spec.name] = values;
          return;
        }
        case "cells": {
          const shape = shapeOf(arg);
          if (shape === "ragged") {
            failure = better(failure, fail("VALUE", `${spec.name} must be a rectangular range.`));
            return;
          }
          const values: (number | null)[] = [];
          for (const v of cellsOf(arg)) {
            const read = readListCell(v, spec.name, spec.textIsBlank);
            if (typeof read === "number") values.push(read);
            else if (read === "blank" || read === "ignored") values.push(null);
            else {
              values.push(null);
              failure = better(failure, read);
            }
          }
          fixed.cells[spec.name] = { values, rows: shape ? shape.rows : 1, cols: shape ? shape.cols : 1 };
          return;
        }
        case "option": {
          if (shapeOf(arg) !== undefined) {
            failure = better(failure, fail("VALUE", `${spec.name} must be a single cell.`));
            return;
          }
          const v = single(arg);
          if (isBlank(v)) {
            fixed.options[spec.name] = String(spec.default ?? "");
          } else if (isInputError(v)) {
            failure = better(failure, inputFailure(v));
          } else if (typeof v !== "string" || !spec.options!.includes(v.trim().toLowerCase())) {
            const shown = typeof v === "string" ? `"${v}"` : describe(v);
            failure = better(
              failure,
              fail("VALUE", `${spec.name} must be one of ${spec.options!.map((o) => `"${o}"`).join(", ")}; got ${shown}.`),
            );
          } else {
            fixed.options[spec.name] = v.trim().toLowerCase();
          }
          return;
        }
        case "flag": {
          if (shapeOf(arg) !== undefined) {
            failure = better(failure, fail("VALUE", `${spec.name} must be a single cell.`));
            return;
          }
          const read = readFlag(single(arg), spec);
          if (typeof read === "boolean") fixed.flags[spec.name] = read;
          else failure = better(failure, read);
          return;
        }
        case "scalar": {
          if (shapeOf(arg) !== undefined) {
            failure = better(failure, fail("VALUE", `${spec.name} must be a single cell, not a range.`));
            return;
          }
          const v = single(arg);
          const read = readListCell(v, spec.name);
          if (typeof read === "number") fixed.scalars[spec.name] = read;
          else if (read === "blank") {
            fixed.scalars[spec.name] =
              typeof spec.default === "number" ? spec.default : spec.optional ? undefined : 0;
          } else if (read !== "ignored") failure = better(failure, read);
          return;
        }
      }
    });

    for (const [groupName, members] of grouped) {
      failure = better(failure, readGroup(def, groupName, members, args, fixed));
    }
    return { fixed, failure };
  }

  /** Reads aligned lists (and per-item flags) of one group into `fixed`. */
  function readGroup(
    def: FunctionDef<unknown>,
    groupName: string,
    members: number[],
    args: unknown[],
    fixed: Fixed,
  ): Failure | undefined {
    const group = def.groups![groupName];
    let failure: Failure | undefined;
    const present: number[] = [];
    const flat: unknown[][] = [];
    let reference: { rows: number; cols: number; count: number } | undefined;
    for (const index of members) {
      const spec = def.params[index];
      const arg = args[index];
      const omitted = isBlank(arg) && spec.optional;
      if (omitted && spec.positionWhenOmitted) continue;
      // A single flag applies to every tuple.
      if (spec.kind === "flag" && shapeOf(arg) === undefined) {
        const read = readFlag(single(arg), spec);
        if (typeof read === "boolean") fixed.flags[spec.name] = read;
        else failure = better(failure, read);
        continue;
      }
      const shape = shapeOf(arg);
      if (shape === "ragged") return better(failure, fail("VALUE", `${spec.name} must be a rectangular range.`));
      const rows = shape ? shape.rows : 1;
      const cols = shape ? shape.cols : 1;
      if (!reference) reference = { rows, cols, count: rows * cols };
      else if (
        group.mismatch === "shape" ? reference.rows !== rows || reference.cols !== cols : reference.count !== rows * cols
      ) {
        const names = members.map((m) => def.params[m].name).join(", ");
        return better(
          failure,
          group.mismatch === "shape"
            ? fail("VALUE", `${names} must be ranges of the same shape.`)
            : fail(group.mismatch === "countNA" ? "NA" : "VALUE", `${names} must hold the same number of cells.`),
        );
      }
      present.push(index);
      flat.push(cellsOf(arg));
    }
    let count = reference ? reference.count : 0;
    const numeric = present.filter((m) => def.params[m].kind !== "flag").length;
    if (group.skip === "tiers") {
      // Users select a few spare rows under a tier table: drop the trailing all-blank ones.
      while (count > 0 && flat.every((cells) => isBlank(cells[count - 1]))) count--;
    }
    const outLists: number[][] = present.map(() => []);
    let positions: number[] | undefined;
    const positional = members.find((m) => def.params[m].positionWhenOmitted && isBlank(args[m]));
    if (positional !== undefined) positions = [];
    for (let i = 0; i < count; i++) {
      let blanks = 0;
      let ignored = false;
      const tuple: (number | boolean | null)[] = new Array(present.length);
      for (let k = 0; k < present.length; k++) {
        const spec = def.params[present[k]];
        const v = flat[k][i];
        if (spec.kind === "flag") {
          if (isBlank(v)) {
            tuple[k] = null;
            continue; // a blank flag takes the default and does not make the tuple blank
          }
          const read = readFlag(v, spec);
          if (typeof read === "boolean") tuple[k] = read;
          else {
            failure = better(failure, read);
            tuple[k] = false;
          }
          continue;
        }
        const read = readListCell(v, spec.name, group.skip !== "tiers");
        if (typeof read === "number") tuple[k] = read;
        else if (read === "blank") {
          tuple[k] = null;
          blanks++;
        } else if (read === "ignored") {
          tuple[k] = null;
          ignored = true;
        } else {
          failure = better(failure, read);
          tuple[k] = 0;
        }
      }
      if (group.skip === "tiers" && blanks > 0) {
        failure = better(failure, fail("VALUE", `Row ${i + 1} of the tier table has a blank cell: give both a threshold and a rate (only trailing blank rows are skipped).`));
        continue;
      }
      // A tuple holding text or a boolean is skipped whole, as FORECAST.LINEAR skips such a pair.
      if (ignored) continue;
      if (numeric > 0 && (blanks === numeric || (group.skip === "anyBlank" && blanks > 0))) continue;
      for (let k = 0; k < present.length; k++) {
        const spec = def.params[present[k]];
        const t = tuple[k];
        if (spec.kind === "flag") {
          outLists[k].push(t === null ? (spec.default ? 1 : 0) : t ? 1 : 0);
        } else outLists[k].push(t === null ? 0 : (t as number));
      }
      if (positions) positions.push(i + 1);
    }
    present.forEach((index, k) => {
      const spec = def.params[index];
      if (spec.kind === "flag") fixed.flags[spec.name] = outLists[k].map((x) => x === 1);
      else fixed.lists[spec.name] = outLists[k];
    });
    if (positional !== undefined) fixed.lists[def.params[positional].name] = positions!;
    return failure;
  }

  /**
   * Runs a function definition on the arguments Excel passed. Always returns a 2D array
   * of finite numbers and CustomFunctions.Error values.
   */
  function run<C>(def: FunctionDef<C>, args: unknown[]): unknown[][] {
    const d = def as FunctionDef<unknown>;
    const { fixed, failure: readFailure } = readFixed(d, args);
    let fixedFailure = readFailure;
    let ctx: unknown;
    if (!fixedFailure && d.prepare) {
      const prepared = d.prepare(fixed);
      if (isError(prepared)) fixedFailure = coreFailure(prepared);
      else ctx = prepared;
    }
    if (fixedFailure && fixedFailure.rank === RANK_INPUT) return [[fixedFailure.excel]];

    if (d.grid) {
      if (fixedFailure) return [[fixedFailure.excel]];
      const table = d.grid(fixed, ctx);
      if (isError(table)) return [[toExcel(table)]];
      return table.map((row) => row.map((v) => finishValue(v)));
    }
    return runElementwise(d, args, ctx, fixedFailure);
  }

  function finishValue(v: Result): unknown {
    if (typeof v === "number") {
      return v - v === 0 ? v : new ErrorClass(api.ErrorCode.invalidNumber as never, "The result is not a finite number.");
    }
    return toExcel(v);
  }

  function runElementwise(def: FunctionDef<unknown>, args: unknown[], ctx: unknown, fixedFailure?: Failure): unknown[][] {
    // Collect the element-wise parameters and the shape of the result.
    const numberParams: number[] = [];
    def.params.forEach((p, i) => {
      if (p.kind === "number") numberParams.push(i);
    });
    const k = numberParams.length;
    const grids: (unknown[][] | undefined)[] = new Array(k);
    const singles: unknown[] = new Array(k);
    let rows = 1;
    let cols = 1;
    let shaped = false;
    for (let j = 0; j < k; j++) {
      const arg = args[numberParams[j]];
      const shape = shapeOf(arg);
      if (shape === "ragged") {
        return [[fail("VALUE", `${def.params[numberParams[j]].name} must be a rectangular range.`).excel]];
      }
      if (shape === undefined) {
        singles[j] = single(arg);
        continue;
      }
      if (shaped && (shape.rows !== rows || shape.cols !== cols)) {
        const names = numberParams.map((i) => def.params[i].name).join(", ");
        return [[fail("VALUE", `The ranges given for ${names} must have the same shape (or be single cells).`).excel]];
      }
      shaped = true;
      rows = shape.rows;
      cols = shape.cols;
      grids[j] = arg as unknown[][];
    }

    const defaults: (number | undefined)[] = numberParams.map((i) => {
      const p = def.params[i];
      return typeof p.default === "number" ? p.default : p.optional ? undefined : 0;
    });
    const names = numberParams.map((i) => def.params[i].name);
    const cell = def.cell!;
    const numbers: (number | undefined)[] = new Array(k);

    /** One result cell by the general rules: blanks, text, input errors, their order. */
    const general = (r: number, c: number): unknown => {
      let cellFailure: Failure | undefined = fixedFailure;
      for (let j = 0; j < k; j++) {
        const g = grids[j];
        const v = g === undefined ? singles[j] : g[r][c];
        if (typeof v === "number") {
          if (v - v === 0) numbers[j] = v; // finite (no global lookup in the hot loop)
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
      return finishValue(cell(ctx, numbers));
    };

    const out: unknown[][] = new Array(rows);
    const pair = def.pair;
    if (pair && k === 2 && !fixedFailure) {
      // Fast path: two finite numbers in, a finite number out; anything else takes `general`.
      const g0 = grids[0];
      const g1 = grids[1];
      const s0 = singles[0];
      const s1 = singles[1];
      for (let r = 0; r < rows; r++) {
        // `Arr` is Array captured once: a global lookup per row is slow where globals are intercepted (a vm context).
        const row: unknown[] = new Arr(cols);
        const r0 = g0 === undefined ? undefined : g0[r];
        const r1 = g1 === undefined ? undefined : g1[r];
        for (let c = 0; c < cols; c++) {
          const a = r0 === undefined ? s0 : r0[c];
          const b = r1 === undefined ? s1 : r1[c];
          if (typeof a === "number" && typeof b === "number" && a - a === 0 && b - b === 0) {
            const result = pair(a, b);
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
    for (let r = 0; r < rows; r++) {
      const row: unknown[] = new Arr(cols);
      for (let c = 0; c < cols; c++) row[c] = general(r, c);
      out[r] = row;
    }
    return out;
  }

  return { run, isInputError };
}

function isError(v: unknown): v is CoreError {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "error";
}
