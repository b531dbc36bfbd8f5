/**
 * The Chinese catalogs say everything in Chinese: every zh-CN text of the ui, sheets, import,
 * commission and cli catalogs holds Chinese characters, unless it is one of the names, codes
 * and formats that stay as written (a placeholder, a number format, "KPI"...), and none holds
 * an English phrase left untranslated. Every en-US key has a zh-CN text. The preset names
 * shown to users are checked the same way.
 */
import { ALL_CATALOGS, Catalog } from "../../src/i18n";
import { PRESET_IDS, presetLabel, presetName } from "../../src/import/presets";

/** The catalogs users read in Chinese (functionDocs has its own checks). */
const CHECKED = ["ui", "sheets", "import", "commission", "cli"] as const;

/** Chinese characters, CJK punctuation ("，。：") and full-width forms ("（）"). */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Whole zh-CN texts without Chinese that are right as they are: names and codes read the
 * same in both languages.
 */
const ALLOWED_TEXTS = new Set([
  // A KPI is a KPI in Chinese business writing too.
  "KPI",
  // The tier check's value: the formula writes "OK" in every language.
  "OK",
]);

/** Names, codes and formats a Chinese text may hold as written (not checked as phrases). */
const ALLOWED_PHRASES = [
  /\bEF BB BF\b/g, // a byte-order mark
];

/** A number or date format: digits, #, separators, %, and date letters only. */
const NUMBER_FORMAT = /^[#0?.,%\s[\]$¥€£"\\/:;@_*()yMmdDhHsS-]+$/;

/** The text without its placeholders, quoted values, options (`--map x=y`) and command lines. */
function prose(text: string): string {
  let bare = text
    .split("\n")
    .filter((line) => !/^\s*(npx |salesquant )/.test(line))
    .join("\n")
    .replace(/\{\w+\}/g, " ")
    .replace(/"[^"\n]*"|“[^”\n]*”|'[^'\n]*'/g, " ")
    .replace(/(^|\s)-{1,2}[\w-]+(=\S*)?/g, " ");
  for (const phrase of ALLOWED_PHRASES) bare = bare.replace(phrase, " ");
  return bare;
}

/**
 * Why a zh-CN text looks untranslated, or null: no Chinese character (and not an allowed
 * name, code, format or a text of placeholders and punctuation only), or a run of three
 * English words outside quotes and options.
 */
function untranslated(text: string): string | null {
  const bare = text.replace(/\{\w+\}/g, "");
  if (!CJK.test(text) && !ALLOWED_TEXTS.has(text) && /[A-Za-z]/.test(bare) && !NUMBER_FORMAT.test(bare)) return "no Chinese";
  const phrase = prose(text).match(/[A-Za-z][\w.'-]*(?: [A-Za-z][\w.'-]*){2,}/);
  return phrase ? `English phrase "${phrase[0]}"` : null;
}

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
