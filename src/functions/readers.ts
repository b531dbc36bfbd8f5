/**
 * Reading the arguments Excel passes into core values: every parameter that is not
 * element-wise ("list", "cells", "option", "flag", "scalar" and groups of aligned lists).
 * The element-wise "number" parameters are read cell by cell in elementwise.ts.
 *
 * Excel passes single values or 2D arrays, null for blanks and omitted arguments, and
 * error values as objects (see failures.ts). Each reader takes the runtime's error values
 * (`f: Failures`) and returns the best-ranked failure it found, if any.
 */
import { better, Failure, Failures } from "./failures";
import { Fixed, FunctionDef, GroupSpec, ParamSpec } from "./spec";

/** Blank: `null`, `undefined` and `""`. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** A value as an error message shows it (long text cut at 40 characters). */
export function describe(v: unknown): string {
  if (typeof v === "string") return `the text "${v.length > 40 ? v.slice(0, 40) + "..." : v}"`;
  if (typeof v === "boolean") return `the logical value ${v ? "TRUE" : "FALSE"}`;
  return `a value of type ${typeof v}`;
}

/** Shape of a 2D argument, or undefined when it is a single value (a 1x1 range counts as one). */
export function shapeOf(v: unknown): { rows: number; cols: number } | "ragged" | undefined {
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
export function single(v: unknown): unknown {
  return Array.isArray(v) ? (Array.isArray(v[0]) ? v[0][0] : v[0]) : v;
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

/** One tuple of a group: its values (null = blank), how many numbers were blank, whether text made it ignored. */
interface Tuple {
  values: (number | boolean | null)[];
  blanks: number;
  ignored: boolean;
  failure?: Failure;
}

/** The members of a group that were given, flattened, and the number of tuples. */
interface GroupCells {
  present: number[];
  flat: unknown[][];
  count: number;
}

/**
 * Reads one number cell: a number, "blank", or a failure (NaN or an infinity is #NUM!).
 * Where `textIgnored`, text and booleans are "ignored" (a list skips them as AVERAGE
 * does); elsewhere they are #VALUE! naming the parameter.
 */
function readCell(
  f: Failures,
  v: unknown,
  name: string,
  textIgnored = false,
): number | "blank" | "ignored" | Failure {
  if (typeof v === "number") {
    return v - v === 0 ? v : f.fail("NUM", `${name} holds a number that is not finite.`);
  }
  if (isBlank(v)) return "blank";
  if (f.isInputError(v)) return f.inputFailure(v);
  if (textIgnored) return "ignored";
  return f.fail("VALUE", `${name} must hold numbers; it holds ${describe(v)}.`);
}

/** Reads a flag cell: TRUE/FALSE or 1/0; blank is the default (else FALSE); anything else #VALUE!. */
function readFlag(f: Failures, v: unknown, spec: ParamSpec): boolean | Failure {
  if (isBlank(v)) return spec.default === undefined ? false : Boolean(spec.default);
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (f.isInputError(v)) return f.inputFailure(v);
  return f.fail(
    "VALUE",
    `${spec.name} must be TRUE or FALSE (or 1 or 0); it is ${typeof v === "number" ? v : describe(v)}.`,
  );
}

/** A "list": the numbers of a range in reading order; blanks, text and booleans are skipped. */
function readList(f: Failures, spec: ParamSpec, arg: unknown, fixed: Fixed): Failure | undefined {
  let failure: Failure | undefined;
  const values: number[] = [];
  for (const v of cellsOf(arg)) {
    const read = readCell(f, v, spec.name, true);
    if (typeof read === "number") values.push(read);
    else if (read !== "blank" && read !== "ignored") failure = better(failure, read);
  }
  fixed.lists[spec.name] = values;
  return failure;
}

/** "cells": a rectangular range kept with its shape; blanks (and, where `textIsBlank`, text) are null. */
function readCells(f: Failures, spec: ParamSpec, arg: unknown, fixed: Fixed): Failure | undefined {
  const shape = shapeOf(arg);
  if (shape === "ragged") return f.fail("VALUE", `${spec.name} must be a rectangular range.`);
  let failure: Failure | undefined;
  const values: (number | null)[] = [];
  for (const v of cellsOf(arg)) {
    const read = readCell(f, v, spec.name, spec.textIsBlank);
    if (typeof read === "number") values.push(read);
    else if (read === "blank" || read === "ignored") values.push(null);
    else {
      values.push(null);
      failure = better(failure, read);
    }
  }
  fixed.cells[spec.name] = { values, rows: shape ? shape.rows : 1, cols: shape ? shape.cols : 1 };
  return failure;
}

/** An "option": one cell of text from the allowed set, case-insensitive; blank is the default. */
function readOption(f: Failures, spec: ParamSpec, arg: unknown, fixed: Fixed): Failure | undefined {
  if (shapeOf(arg) !== undefined) return f.fail("VALUE", `${spec.name} must be a single cell.`);
  const v = single(arg);
  if (isBlank(v)) {
    fixed.options[spec.name] = String(spec.default ?? "");
  } else if (f.isInputError(v)) {
    return f.inputFailure(v);
  } else if (typeof v !== "string" || !spec.options!.includes(v.trim().toLowerCase())) {
    const shown = typeof v === "string" ? `"${v}"` : describe(v);
    return f.fail(
      "VALUE",
      `${spec.name} must be one of ${spec.options!.map((o) => `"${o}"`).join(", ")}; got ${shown}.`,
    );
  } else {
    fixed.options[spec.name] = v.trim().toLowerCase();
  }
  return undefined;
}

/** A "flag" outside a group: one cell read by `readFlag`. */
function readSingleFlag(
  f: Failures,
  spec: ParamSpec,
  arg: unknown,
  fixed: Fixed,
): Failure | undefined {
  if (shapeOf(arg) !== undefined) return f.fail("VALUE", `${spec.name} must be a single cell.`);
  const read = readFlag(f, single(arg), spec);
  if (typeof read !== "boolean") return read;
  fixed.flags[spec.name] = read;
  return undefined;
}

/** A "scalar": one number in one cell; blank is the default, else undefined when optional, else 0. */
function readScalar(f: Failures, spec: ParamSpec, arg: unknown, fixed: Fixed): Failure | undefined {
  if (shapeOf(arg) !== undefined)
    return f.fail("VALUE", `${spec.name} must be a single cell, not a range.`);
  const read = readCell(f, single(arg), spec.name);
  if (typeof read === "number") fixed.scalars[spec.name] = read;
  else if (read === "blank") {
    fixed.scalars[spec.name] =
      typeof spec.default === "number" ? spec.default : spec.optional ? undefined : 0;
  } else if (read !== "ignored") return read;
  return undefined;
}

/** Reads one parameter outside any group into `fixed` by its kind ("number" is element-wise: not here). */
function readParam(f: Failures, spec: ParamSpec, arg: unknown, fixed: Fixed): Failure | undefined {
  switch (spec.kind) {
    case "number":
      return undefined;
    case "list":
      return readList(f, spec, arg, fixed);
    case "cells":
      return readCells(f, spec, arg, fixed);
    case "option":
      return readOption(f, spec, arg, fixed);
    case "flag":
      return readSingleFlag(f, spec, arg, fixed);
    case "scalar":
      return readScalar(f, spec, arg, fixed);
  }
}

/** The error for group members that differ in shape ("shape") or in number of cells ("count*"). */
function mismatchFailure(
  f: Failures,
  def: FunctionDef<unknown>,
  group: GroupSpec,
  members: number[],
): Failure {
  const names = members.map((m) => def.params[m].name).join(", ");
  return group.mismatch === "shape"
    ? f.fail("VALUE", `${names} must be ranges of the same shape.`)
    : f.fail(
        group.mismatch === "countNA" ? "NA" : "VALUE",
        `${names} must hold the same number of cells.`,
      );
}

/**
 * Collects the members of a group that were given, flattened: an omitted positional one
 * is left out, and a flag in a single cell applies to every tuple (read into `fixed` here).
 * The rest must be rectangular and match by the group's rule; else `cells` is undefined.
 */
function collectGroup(
  f: Failures,
  def: FunctionDef<unknown>,
  group: GroupSpec,
  members: number[],
  args: unknown[],
  fixed: Fixed,
): { cells?: GroupCells; failure?: Failure } {
  let failure: Failure | undefined;
  const present: number[] = [];
  const flat: unknown[][] = [];
  let reference: { rows: number; cols: number; count: number } | undefined;
  for (const index of members) {
    const spec = def.params[index];
    const arg = args[index];
    const omitted = isBlank(arg) && spec.optional;
    if (omitted && spec.positionWhenOmitted) continue;
    const shape = shapeOf(arg);
    if (spec.kind === "flag" && shape === undefined) {
      const read = readFlag(f, single(arg), spec);
      if (typeof read === "boolean") fixed.flags[spec.name] = read;
      else failure = better(failure, read);
      continue;
    }
    if (shape === "ragged")
      return {
        failure: better(failure, f.fail("VALUE", `${spec.name} must be a rectangular range.`)),
      };
    const rows = shape ? shape.rows : 1;
    const cols = shape ? shape.cols : 1;
    if (!reference) reference = { rows, cols, count: rows * cols };
    else if (
      group.mismatch === "shape"
        ? reference.rows !== rows || reference.cols !== cols
        : reference.count !== rows * cols
    ) {
      return { failure: better(failure, mismatchFailure(f, def, group, members)) };
    }
    present.push(index);
    flat.push(cellsOf(arg));
  }
  return { cells: { present, flat, count: reference ? reference.count : 0 }, failure };
}

/**
 * Reads the i-th cell of every member: a blank number is null and counted; text or a
 * boolean makes the tuple ignored where `textIgnored` (else #VALUE!); a blank flag is null
 * and does not count as blank. A failed cell reads as 0 (FALSE for a flag).
 */
function readTuple(
  f: Failures,
  specs: ParamSpec[],
  flat: unknown[][],
  i: number,
  textIgnored: boolean,
): Tuple {
  const tuple: Tuple = { values: new Array(specs.length), blanks: 0, ignored: false };
  for (let k = 0; k < specs.length; k++) {
    const spec = specs[k];
    const v = flat[k][i];
    if (spec.kind === "flag") {
      if (isBlank(v)) {
        tuple.values[k] = null;
        continue;
      }
      const read = readFlag(f, v, spec);
      if (typeof read === "boolean") tuple.values[k] = read;
      else {
        tuple.failure = better(tuple.failure, read);
        tuple.values[k] = false;
      }
      continue;
    }
    const read = readCell(f, v, spec.name, textIgnored);
    if (typeof read === "number") tuple.values[k] = read;
    else if (read === "blank") {
      tuple.values[k] = null;
      tuple.blanks++;
    } else if (read === "ignored") {
      tuple.values[k] = null;
      tuple.ignored = true;
    } else {
      tuple.failure = better(tuple.failure, read);
      tuple.values[k] = 0;
    }
  }
  return tuple;
}

/** Appends a kept tuple to the output lists: a blank number as 0, a blank flag as its default (flags as 1/0). */
function appendTuple(
  specs: ParamSpec[],
  values: (number | boolean | null)[],
  outLists: number[][],
): void {
  for (let k = 0; k < specs.length; k++) {
    const spec = specs[k];
    const t = values[k];
    if (spec.kind === "flag") {
      outLists[k].push(t === null ? (spec.default ? 1 : 0) : t ? 1 : 0);
    } else outLists[k].push(t === null ? 0 : (t as number));
  }
}

/** The message for a blank cell inside a tier table (1-based row). */
const tierRowBlank = (row: number) =>
  `Row ${row} of the tier table has a blank cell: give both a threshold and a rate (only trailing blank rows are skipped).`;

/**
 * Whether a tuple is left out: one holding text or a boolean is skipped whole, as
 * FORECAST.LINEAR skips such a pair; a blank one by the group's rule (`numeric`: how many
 * members are numbers rather than flags).
 */
function isSkipped(group: GroupSpec, tuple: Tuple, numeric: number): boolean {
  if (tuple.ignored) return true;
  return (
    numeric > 0 && (tuple.blanks === numeric || (group.skip === "anyBlank" && tuple.blanks > 0))
  );
}

/**
 * Reads aligned lists (and per-item flags) of one group into `fixed`, skipping tuples by
 * the group's rule: blank ("allBlank"/"anyBlank"), holding text (always, except tier
 * tables), and in tier tables only the trailing all-blank rows (any other blank is #VALUE!).
 */
function readGroup(
  f: Failures,
  def: FunctionDef<unknown>,
  groupName: string,
  members: number[],
  args: unknown[],
  fixed: Fixed,
): Failure | undefined {
  const group = def.groups![groupName];
  const { cells, failure: collected } = collectGroup(f, def, group, members, args, fixed);
  if (!cells) return collected;
  let failure = collected;
  const { present, flat } = cells;
  const specs = present.map((index) => def.params[index]);
  const numeric = specs.filter((spec) => spec.kind !== "flag").length;
  const tiers = group.skip === "tiers";
  let count = cells.count;
  // Users select a few spare rows under a tier table: drop the trailing all-blank ones.
  if (tiers) while (count > 0 && flat.every((column) => isBlank(column[count - 1]))) count--;
  const outLists: number[][] = present.map(() => []);
  const positional = members.find((m) => def.params[m].positionWhenOmitted && isBlank(args[m]));
  const positions: number[] | undefined = positional !== undefined ? [] : undefined;
  for (let i = 0; i < count; i++) {
    const tuple = readTuple(f, specs, flat, i, !tiers);
    failure = better(failure, tuple.failure);
    if (tiers && tuple.blanks > 0) {
      failure = better(failure, f.fail("VALUE", tierRowBlank(i + 1)));
      continue;
    }
    if (isSkipped(group, tuple, numeric)) continue;
    appendTuple(specs, tuple.values, outLists);
    if (positions) positions.push(i + 1);
  }
  specs.forEach((spec, k) => {
    if (spec.kind === "flag") fixed.flags[spec.name] = outLists[k].map((x) => x === 1);
    else fixed.lists[spec.name] = outLists[k];
  });
  if (positional !== undefined) fixed.lists[def.params[positional].name] = positions!;
  return failure;
}

/**
 * Reads every non-element-wise argument of a function into `Fixed` (groups after the other
 * parameters, in order of their first member), with the best-ranked failure if any. Error
 * values are made and recognised by `f`.
 */
export function readFixed(
  f: Failures,
  def: FunctionDef<unknown>,
  args: unknown[],
): { fixed: Fixed; failure?: Failure } {
  const fixed: Fixed = { lists: {}, cells: {}, options: {}, flags: {}, scalars: {} };
  let failure: Failure | undefined;
  const grouped = new Map<string, number[]>();
  def.params.forEach((spec, index) => {
    if (!spec.group) {
      failure = better(failure, readParam(f, spec, args[index], fixed));
      return;
    }
    const members = grouped.get(spec.group) ?? [];
    members.push(index);
    grouped.set(spec.group, members);
  });
  for (const [groupName, members] of grouped) {
    failure = better(failure, readGroup(f, def, groupName, members, args, fixed));
  }
  return { fixed, failure };
}
