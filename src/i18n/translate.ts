/**
 * The one way the product translates: a catalog is one flat record per locale, keyed by
 * canonical ids, and a text is looked up by locale and key with its `{name}` placeholders
 * filled from a values object. Every catalog of the product is listed in ALL_CATALOGS
 * (src/i18n/index.ts), where a test checks both languages have the same keys and the same
 * placeholders.
 *
 * Pure data and string functions: no React, no DOM, usable from the task pane, the
 * generators, the import, the CLI and the docs script alike.
 */
import type { Locale } from "../core/locale";

/** Values filling a text's `{name}` placeholders. */
export type TextValues = Readonly<Record<string, string | number>>;

/** A catalog: the same keys in every locale, each mapped to a text with `{name}` placeholders. */
export type Catalog<K extends string = string> = { readonly [L in Locale]: Readonly<Record<K, string>> };

/** The keys of a catalog. */
export type CatalogKey<C> = C extends Catalog<infer K> ? K : never;

/** A translator bound to one catalog. */
export type Translator<K extends string> = (locale: Locale | undefined, key: K, values?: TextValues) => string;

/**
 * A catalog from its en-US record (the reference) and its zh-CN record, which must have
 * exactly the en-US keys: a missing or an extra key is a type error.
 *
 * @example
 * const GREETING = defineCatalog({ hello: "Hello {name}" } as const, { hello: "你好，{name}" });
 */
export function defineCatalog<E extends Readonly<Record<string, string>>>(
  enUS: E,
  zhCN: { readonly [P in keyof E]: string },
): Catalog<keyof E & string> {
  return { "en-US": enUS, "zh-CN": zhCN };
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A text with its `{name}` placeholders filled; a placeholder without a value stays as
 * written, and braces that do not hold a single word (`{1, 0.25}`) are not placeholders.
 *
 * @example
 * fillPlaceholders("{done} of {total} rows", { done: 5 }) // "5 of {total} rows"
 */
export function fillPlaceholders(text: string, values: TextValues = {}): string {
  if (text.indexOf("{") < 0) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/**
 * The placeholder names of a text, sorted, each once.
 *
 * @example
 * placeholdersOf("Row {n} of {total}: {n}") // ["n", "total"]
 */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))].sort();
}

/**
 * The text of `key` in `locale` with its placeholders filled. An unknown or missing locale
 * reads en-US; a key missing from the locale's record falls back to en-US, then to the key
 * itself (the types make both impossible for the product's catalogs).
 *
 * @example
 * translate(UI_CATALOG, "zh-CN", "data.progress", { done: 5, total: 10 }) // "5 / 10 行"
 */
export function translate<K extends string>(
  catalog: Catalog<K>,
  locale: Locale | undefined,
  key: K,
  values?: TextValues,
): string {
  const text = catalog[locale ?? "en-US"]?.[key] ?? catalog["en-US"][key] ?? key;
  return fillPlaceholders(text, values);
}

/**
 * `translate` bound to one catalog.
 *
 * @example
 * const sheetText = createTranslator(SHEETS_CATALOG);
 * sheetText("en-US", "error.stageBlank", { n: 2 }) // "Stage 2 has no name."
 */
export function createTranslator<K extends string>(catalog: Catalog<K>): Translator<K> {
  return (locale, key, values) => translate(catalog, locale, key, values);
}
