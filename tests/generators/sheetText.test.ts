import { sheetsEnUS } from "../../src/i18n/sheets.en-US";
import { sheetsZhCN } from "../../src/i18n/sheets.zh-CN";
import { currencySymbol, sheetFormats, sheetText } from "../../src/generators/common";

describe("sheet text catalogs", () => {
  it("has every en-US key in zh-CN and no extra one", () => {
    expect(Object.keys(sheetsZhCN).sort()).toEqual(Object.keys(sheetsEnUS).sort());
  });
  it("keeps the same placeholders in both languages", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(sheetsEnUS) as (keyof typeof sheetsEnUS)[]) {
      expect([key, placeholders(sheetsZhCN[key])]).toEqual([key, placeholders(sheetsEnUS[key])]);
    }
  });
  it("has no blank text", () => {
    for (const v of [...Object.values(sheetsEnUS), ...Object.values(sheetsZhCN)]) expect(v.trim()).not.toBe("");
  });
  it("fills placeholders", () => {
    expect(sheetText("zh-CN", "error.stageBlank", { n: 2 })).toBe("第 2 个阶段没有名称。");
  });
});

describe("formats", () => {
  it("defaults the currency by locale and accepts codes or symbols", () => {
    expect(currencySymbol(undefined, "en-US")).toBe("$");
    expect(currencySymbol(undefined, "zh-CN")).toBe("¥");
    expect(currencySymbol("cny", "en-US")).toBe("¥");
    expect(currencySymbol("CHF", "en-US")).toBe("CHF");
    expect(sheetFormats({ locale: "zh-CN" }).money).toBe('"¥"#,##0.00;-"¥"#,##0.00');
    expect(sheetFormats({ currency: "EUR" }).percent).toBe("0.0%");
  });
});
