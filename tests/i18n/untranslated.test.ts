/**
 * The Chinese catalogs say everything in Chinese: every zh-CN text of the ui, sheets, import,
 * commission and cli catalogs holds Chinese characters, unless it is one of the names, codes
 * and formats that stay as written (a placeholder, a number format, "KPI"...), and none holds
 * an English phrase left untranslated. Every en-US key has a zh-CN text. The preset names
 * shown to users are checked the same way.
 */
import { ALL_CATALOGS, Catalog } from "../../src/i18n";
import { PRESET_IDS, presetLabel, presetName } from "../../src/import/presets";
import { CJK, untranslated } from "./untranslatedRule";

/** The catalogs users read in Chinese (functionDocs has its own checks). */
const CHECKED = ["ui", "sheets", "import", "commission", "cli"] as const;

function problems(catalog: Catalog): string[] {
  const zh = catalog["zh-CN"] as Readonly<Record<string, string>>;
  const found: string[] = [];
  for (const key of Object.keys(catalog["en-US"])) {
    if (!Object.prototype.hasOwnProperty.call(zh, key)) {
      found.push(`${key}: no zh-CN text`);
      continue;
    }
    const why = untranslated(zh[key]);
    if (why) found.push(`${key}: ${why}: ${JSON.stringify(zh[key].slice(0, 80))}`);
  }
  return found;
}

describe.each(CHECKED)("the zh-CN %s catalog", (name) => {
  it("has a Chinese text for every en-US key", () => {
    expect(problems(ALL_CATALOGS[name])).toEqual([]);
  });
});

describe("preset names in Chinese", () => {
  it("name Fxiaoke 纷享销客 and the generic preset 通用, keep product names, and keep the ids", () => {
    expect(presetName("fxiaoke", "zh-CN")).toBe("纷享销客");
    expect(presetName("generic", "zh-CN")).toBe("通用");
    expect(presetName("salesforce", "zh-CN")).toBe("Salesforce");
    expect(presetName("fxiaoke", "en-US")).toBe("Fxiaoke");
    expect(presetLabel("salesforce", "en-US")).toBe("Salesforce (report export or Data Loader)");
    expect(PRESET_IDS).toContain("fxiaoke");
  });
  it("give every preset a Chinese label", () => {
    for (const id of PRESET_IDS) {
      expect([id, CJK.test(presetLabel(id, "zh-CN"))]).toEqual([id, true]);
      expect([id, presetLabel(id, "zh-CN")]).not.toEqual([id, presetLabel(id, "en-US")]);
    }
  });
});

describe("the untranslated check", () => {
  it("accepts Chinese, allowed codes, placeholders, number formats and options", () => {
    for (const text of ["{count} 个商机", "KPI", "{done} / {total}", "#,##0.00", "yyyy-mm-dd", "0.0%", "--map 的写法是 字段=表头（例如 --map amount=\"Deal size\"）", "币种（USD、CNY、EUR）"]) {
      expect([text, untranslated(text)]).toEqual([text, null]);
    }
  });
  it("catches English left in a Chinese catalog", () => {
    expect(untranslated("Total deals")).toBe("no Chinese");
    expect(untranslated("{count} deals")).toBe("no Chinese");
    expect(untranslated("共 {count} 行 were left out of the import")).toBe('English phrase "were left out of the import"');
  });
});
