import { uiEnUS } from "../../src/i18n/ui.en-US";
import { uiZhCN } from "../../src/i18n/ui.zh-CN";
import { formatUi, pickLocale } from "../../src/i18n/uiLocale";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("UI catalogs", () => {
  it("has every en-US key in zh-CN and no extra key", () => {
    const en = Object.keys(uiEnUS).sort();
    const zh = Object.keys(uiZhCN).sort();
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
  });

  it("keeps the same placeholders in both languages", () => {
    for (const key of Object.keys(uiEnUS) as (keyof typeof uiEnUS)[]) {
      expect([key, placeholders(uiZhCN[key])]).toEqual([key, placeholders(uiEnUS[key])]);
    }
  });

  it("has no empty text", () => {
    for (const text of [...Object.values(uiEnUS), ...Object.values(uiZhCN)]) expect(text.trim()).not.toBe("");
  });
});

describe("pickLocale", () => {
  it("follows a Chinese display language when the setting is auto", () => {
    expect(pickLocale("auto", "zh-CN")).toBe("zh-CN");
    expect(pickLocale(undefined, "zh-TW")).toBe("zh-CN");
    expect(pickLocale("auto", "zh")).toBe("zh-CN");
  });
  it("uses en-US for any other display language", () => {
    expect(pickLocale("auto", "fr-FR")).toBe("en-US");
    expect(pickLocale(null, undefined)).toBe("en-US");
  });
  it("lets an explicit setting win over Excel's language", () => {
    expect(pickLocale("en-US", "zh-CN")).toBe("en-US");
    expect(pickLocale("zh-CN", "en-US")).toBe("zh-CN");
  });
});

describe("formatUi", () => {
  it("fills placeholders", () => {
    expect(formatUi("en-US", "data.progress", { done: 5, total: 10 })).toBe("5 of 10 rows");
    expect(formatUi("zh-CN", "data.progress", { done: 5, total: 10 })).toBe("5 / 10 行");
  });
  it("leaves unknown placeholders as written", () => {
    expect(formatUi("en-US", "data.progress", { done: 1 })).toBe("1 of {total} rows");
  });
});
