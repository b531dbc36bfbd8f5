/**
 * Every catalog of ALL_CATALOGS has the same keys and the same placeholders in en-US and
 * zh-CN, and no empty text; no catalog file of src/i18n escapes the registry.
 */
import fs from "fs";
import path from "path";
import { LOCALES } from "../../src/core/locale";
import {
  ALL_CATALOGS,
  Catalog,
  createTranslator,
  defineCatalog,
  fillPlaceholders,
  placeholdersOf,
  translate,
} from "../../src/i18n";

/** Keys missing from `other`, and keys `other` has that en-US lacks. */
function keyDifferences(catalog: Catalog): string[] {
  const en = Object.keys(catalog["en-US"]);
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const keys = Object.keys(catalog[locale]);
    for (const key of en) if (!keys.includes(key)) problems.push(`${locale} lacks ${key}`);
    for (const key of keys) if (!en.includes(key)) problems.push(`${locale} has ${key}, en-US does not`);
  }
  return problems;
}

function placeholderDifferences(catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(catalog["en-US"])) {
    const expected = placeholdersOf(text).join(", ");
    for (const locale of LOCALES) {
      const other = catalog[locale][key];
      if (other === undefined) continue;
      const found = placeholdersOf(other).join(", ");
      if (found !== expected) problems.push(`${locale} ${key}: {${found}} instead of {${expected}}`);
    }
  }
  return problems;
}

describe.each(Object.entries(ALL_CATALOGS))("the %s catalog", (_name, catalog) => {
  it("has every en-US key in every language, and no other key", () => {
    expect(keyDifferences(catalog)).toEqual([]);
  });
  it("keeps the same placeholders in every language", () => {
    expect(placeholderDifferences(catalog)).toEqual([]);
  });
  it("has no empty text", () => {
    for (const locale of LOCALES) {
      const empty = Object.entries(catalog[locale]).filter(([, text]) => text.trim() === "");
      expect([locale, empty.map(([key]) => key)]).toEqual([locale, []]);
    }
  });
});

describe("the catalog checks", () => {
  const broken = {
    "en-US": { a: "A {count}", b: "B", c: "C {x} {y}" },
    "zh-CN": { a: "甲", c: "丙 {y} {x}", d: "丁" },
  } as unknown as Catalog;
  it("catch a missing key, an extra key and a missing placeholder", () => {
    expect(keyDifferences(broken)).toEqual(["zh-CN lacks b", "zh-CN has d, en-US does not"]);
    expect(placeholderDifferences(broken)).toEqual(["zh-CN a: {} instead of {count}"]);
  });
});

describe("the registry", () => {
  it("holds every catalog file of src/i18n", () => {
    const dir = path.resolve(__dirname, "../../src/i18n");
    const stems = fs
      .readdirSync(dir)
      .filter((file) => /\.(en-US|zh-CN)\.ts$/.test(file))
      .map((file) => file.replace(/\.(en-US|zh-CN)\.ts$/, ""));
    expect([...new Set(stems)].sort()).toEqual(Object.keys(ALL_CATALOGS).sort());
  });
});

describe("translate", () => {
  const catalog = defineCatalog(
    { hello: "Hello {name}", rows: "{done} of {total} rows", braces: "{1, 0.25} stays" } as const,
    { hello: "你好，{name}", rows: "{done} / {total} 行", braces: "{1, 0.25} 不变" },
  );
  it("fills placeholders in the locale asked for", () => {
    expect(translate(catalog, "en-US", "hello", { name: "Ann" })).toBe("Hello Ann");
    expect(translate(catalog, "zh-CN", "rows", { done: 5, total: 10 })).toBe("5 / 10 行");
    expect(createTranslator(catalog)("zh-CN", "hello", { name: "安" })).toBe("你好，安");
  });
  it("reads en-US when no locale is given", () => {
    expect(translate(catalog, undefined, "hello", { name: "Ann" })).toBe("Hello Ann");
  });
  it("leaves unknown placeholders and non-placeholder braces as written", () => {
    expect(translate(catalog, "en-US", "rows", { done: 1 })).toBe("1 of {total} rows");
    expect(translate(catalog, "en-US", "braces", { 1: "x" })).toBe("{1, 0.25} stays");
    expect(fillPlaceholders("{toString}", {})).toBe("{toString}");
  });
  it("lists placeholders once, sorted", () => {
    expect(placeholdersOf("Row {n} of {total}: {n}")).toEqual(["n", "total"]);
  });
});
