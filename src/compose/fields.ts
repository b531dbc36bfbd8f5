/**
 * Form fields as data: each generator pane declares its fields, and one parser turns the
 * typed strings into values or per-field messages, so no pane re-implements checks.
 */
import type { UiKey } from "../i18n/uiLocale";

export type FieldSpec =
  | {
      kind: "number";
      name: string;
      label: UiKey;
      /** Typed as a percentage (95) and returned as a decimal (0.95). */
      percent?: boolean;
      /** Smallest allowed value (of the typed number). */
      min?: number;
      /** min is exclusive. */
      minExclusive?: boolean;
      max?: number;
      integer?: boolean;
      /** Blank allowed (returns null). */
      optional?: boolean;
    }
  | { kind: "text"; name: string; label: UiKey; optional?: boolean }
  | { kind: "date"; name: string; label: UiKey; optional?: boolean }
  | { kind: "select"; name: string; label: UiKey; options: { value: string; label: UiKey }[] }
  /** A textarea read as one item per line (blank lines dropped). */
  | { kind: "lines"; name: string; label: UiKey; optional?: boolean };

export type FieldValue = number | string | string[] | null;
export type FormValues = Record<string, string>;
export type ParsedValues = Record<string, FieldValue>;
/** Field name -> a catalog key, or a ready message (from a generator). */
export type FieldErrors = Record<string, { key: UiKey } | { text: string }>;

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

/**
 * Parses a form's typed strings by its field specs.
 *
 * Rules: a required blank field is "common.required"; a number field must be a number
 * ("common.mustBeNumber"), at least `min` (or above it when `minExclusive`) and at most
 * `max`; a percent field is returned divided by 100; a date must be a real YYYY-MM-DD.
 *
 * @example
 * parseForm([{ kind: "number", name: "rate", label: "funnel.targetConversion", percent: true }], { rate: "25" })
 * // { values: { rate: 0.25 }, errors: {} }
 */
export function parseForm(fields: readonly FieldSpec[], typed: FormValues): { values: ParsedValues; errors: FieldErrors } {
  const values: ParsedValues = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    const raw = (typed[field.name] ?? "").trim();
    const optional = "optional" in field && field.optional === true;
    if (raw === "" && field.kind !== "select") {
      values[field.name] = field.kind === "lines" ? [] : null;
      if (!optional) errors[field.name] = { key: "common.required" };
      continue;
    }
    switch (field.kind) {
      case "number": {
        const n = readNumber(raw);
        if (n === null || Number.isNaN(n) || (field.integer && !Number.isInteger(n))) {
          errors[field.name] = { key: "common.mustBeNumber" };
          break;
        }
        const min = field.min;
        if (min !== undefined && (field.minExclusive ? n <= min : n < min)) {
          errors[field.name] = { key: field.percent ? "common.mustBeRate" : field.minExclusive && min === 0 ? "common.mustBePositive" : "common.mustBeNonNegative" };
          break;
        }
        if (field.max !== undefined && n > field.max) {
          errors[field.name] = { key: field.percent ? "common.mustBeRate" : "common.mustBeNumber" };
          break;
        }
        values[field.name] = field.percent ? n / 100 : n;
        break;
      }
      case "date":
        if (!isRealIsoDate(raw)) errors[field.name] = { key: "common.mustBeDate" };
        else values[field.name] = raw;
        break;
      case "lines":
        values[field.name] = raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
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
