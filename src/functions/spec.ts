/**
 * What a SALES.* function declares about itself, as data: its parameters, how groups of
 * aligned lists are read, and the core computations the runner calls (adapter.ts).
 */
import { CoreError, Result } from "../core/errors";

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
