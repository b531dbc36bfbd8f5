/**
 * Sheet options as data: each sheet declares its fields once (kind, label in both languages
 * through a UI key, limits, default), and one parser turns typed strings into typed values
 * or per-field messages. The task pane's form, the command line's flags and validation all
 * read the same declaration, so no caller re-implements a check or casts a value back.
 */
import type { UiKey } from "../i18n/uiLocale";

interface FieldBase<N extends string = string> {
  name: N;
  label: UiKey;
  /** Blank allowed (returns null, or [] for lines). */
  optional?: boolean;
  /**
   * What a blank value stands for ("the deals' last day, kept live"), when it is not plain
   * "none": the pane says it under the field, the command line's help as the default.
   */
  blank?: UiKey;
  /** Shown (and read) only while another field has this value, e.g. typed counts. */
  when?: { field: string; equals: string };
  /**
   * The sheet's input (`InputPlan.id`) this field fills, on an optional field: a value given
   * for it replaces what the workbook's cells hold when the sheet is made again, while a
   * blank one leaves what was typed there (see `givenInputs`).
   */
  input?: string;
}

export interface NumberField<N extends string = string> extends FieldBase<N> {
  kind: "number";
  /** Typed as a percentage (95) and returned as a decimal (0.95). */
  percent?: boolean;
  /** Smallest allowed value (of the typed number). */
  min?: number;
  /** min is exclusive. */
  minExclusive?: boolean;
  max?: number;
  integer?: boolean;
}

export interface TextField<N extends string = string> extends FieldBase<N> {
  kind: "text";
}

/** A real calendar date typed as YYYY-MM-DD. */
export interface DateField<N extends string = string> extends FieldBase<N> {
  kind: "date";
}

export interface SelectField<N extends string = string, V extends string = string> extends FieldBase<N> {
  kind: "select";
  options: readonly { value: V; label: UiKey }[];
}

/** A textarea read as one item per line (blank lines dropped). */
export interface LinesField<N extends string = string> extends FieldBase<N> {
  kind: "lines";
}

export type FieldSpec = NumberField | TextField | DateField | SelectField | LinesField;

export type FieldValue = number | string | string[] | null;
/** What a user typed, by field name. */
export type FormValues = Record<string, string>;
export type ParsedValues = Record<string, FieldValue>;
/** Field name -> a catalog key (with its placeholder values), or a ready message (from a generator). */
export type FieldErrors = Record<string, { key: UiKey; values?: Record<string, string | number> } | { text: string }>;

/** The value a field parses to. */
type ValueOf<F> = F extends { when: object }
  ? BaseValueOf<F> | null
  : F extends { optional: true }
    ? F extends { kind: "lines" }
      ? string[]
      : BaseValueOf<F> | null
    : BaseValueOf<F>;
type BaseValueOf<F> = F extends { kind: "number" }
  ? number
  : F extends { kind: "select"; options: readonly { value: infer V }[] }
    ? V
    : F extends { kind: "lines" }
      ? string[]
      : string;

/**
 * The typed values of a field list declared `as const`.
 *
 * @example
 * const F = [{ kind: "number", name: "horizon", label: "forecast.horizon", integer: true }] as const;
 * type V = ValuesOf<typeof F>; // { horizon: number }
 */
export type ValuesOf<Fs extends readonly FieldSpec[]> = { [F in Fs[number] as F["name"]]: ValueOf<F> };

function isRealIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Reads a typed number: "1,200.5" 1200.5; "" null; anything else NaN. */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return null;
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : NaN;
}

/** The fields in force for these typed values (a `when` field only while its condition holds). */
export function activeFields(fields: readonly FieldSpec[], typed: FormValues): FieldSpec[] {
  return fields.filter((f) => !f.when || typed[f.when.field] === f.when.equals);
}

type FieldError = { key: UiKey; values?: Record<string, number> };

/** The message of a number outside its limits: the limit it passed, in the user's words. */
function limitError(field: NumberField, below: boolean): FieldError {
  if (field.percent) return { key: "common.mustBeRate" };
  if (!below) return { key: "common.mustBeAtMost", values: { max: field.max ?? 0 } };
  const min = field.min ?? 0;
  if (min === 0) return { key: field.minExclusive ? "common.mustBePositive" : "common.mustBeNonNegative" };
  return { key: "common.mustBeAtLeast", values: { min } };
}

function parseNumber(field: NumberField, raw: string): { value: number } | { error: FieldError } {
  const n = readNumber(raw);
  if (n === null || Number.isNaN(n) || (field.integer && !Number.isInteger(n))) return { error: { key: "common.mustBeNumber" } };
  const min = field.min;
  if (min !== undefined && (field.minExclusive ? n <= min : n < min)) return { error: limitError(field, true) };
  if (field.max !== undefined && n > field.max) return { error: limitError(field, false) };
  return { value: field.percent ? n / 100 : n };
}

/**
 * Parses typed strings by their field declarations.
 *
 * Rules: a required blank field is "common.required"; a number field must be a number
 * ("common.mustBeNumber"), at least `min` (or above it when `minExclusive`) and at most
 * `max`; a percent field is returned divided by 100; a date must be a real YYYY-MM-DD; a
 * select must be one of its options; a field whose `when` does not hold is null.
 *
 * @example
 * parseForm([{ kind: "number", name: "rate", label: "funnel.targetConversion", percent: true }], { rate: "25" })
 * // { values: { rate: 0.25 }, errors: {} }
 */
export function parseForm(fields: readonly FieldSpec[], typed: FormValues): { values: ParsedValues; errors: FieldErrors } {
  const values: ParsedValues = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    if (field.when && typed[field.when.field] !== field.when.equals) {
      values[field.name] = null;
      continue;
    }
    const raw = (typed[field.name] ?? "").trim();
    if (raw === "" && field.kind !== "select") {
      values[field.name] = field.kind === "lines" ? [] : null;
      if (field.optional !== true) errors[field.name] = { key: "common.required" };
      continue;
    }
    switch (field.kind) {
      case "number": {
        const parsed = parseNumber(field, raw);
        if ("error" in parsed) errors[field.name] = parsed.error;
        else values[field.name] = parsed.value;
        break;
      }
      case "date":
        if (!isRealIsoDate(raw)) errors[field.name] = { key: "common.mustBeDate" };
        else values[field.name] = raw;
        break;
      case "lines":
        values[field.name] = raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
        break;
      case "select":
        if (field.options.some((o) => o.value === raw)) values[field.name] = raw;
        else errors[field.name] = { key: "common.required" };
        break;
      default:
        values[field.name] = raw;
    }
  }
  return { values, errors };
}

/** Today as YYYY-MM-DD (UTC), for date defaults. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
