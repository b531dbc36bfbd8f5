/**
 * The Chinese catalogs say everything in Chinese: every zh-CN text of the ui, sheets, import,
 * commission, cli and function-docs catalogs holds Chinese characters, unless it is one of the
 * names, codes and formats that stay as written (a placeholder, a number format, "KPI"...),
 * and none holds an English phrase left untranslated. Every en-US key has a zh-CN text. The
 * preset names shown to users are checked the same way.
 *
 * The SALES.* documentation Excel shows in Chinese (the function's description and each
 * argument's help, src/i18n/functions-zh-CN.json) and the rest of each function's Chinese
 * documentation (rules, errors, example notes) are held to a stricter rule: every Latin word
 * in them is a name or code a Chinese user types or reads as written, never an English word.
 */
import fs from "fs";
import path from "path";
import { CATALOG, CatalogEntry } from "../../src/functions/catalog";
import { FUNCTION_DEFS } from "../../src/functions/definitions";
import { ALL_CATALOGS, Catalog } from "../../src/i18n";
import { PRESET_IDS, presetLabel, presetName } from "../../src/import/presets";
import { CJK, untranslated } from "./untranslatedRule";

/** The catalogs users read in Chinese. */
const CHECKED = ["ui", "sheets", "import", "commission", "cli", "functionDocs"] as const;

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

/**
 * Latin words a Chinese function text may hold, whatever the function: each is typed or
 * read as written in a Chinese Excel too.
 */
const FUNCTION_DOC_WORDS: ReadonlySet<string> = new Set([
  // Excel's own functions and constants the texts compare with (FORECAST.LINEAR, AVERAGE,
  // RRI...) or write in a formula (ABS, MAX, MIN); Excel's names are English in every language.
  "ABS", "AVERAGE", "FORECAST.LINEAR", "MAX", "MIN", "RRI", "TRUE", "FALSE",
  // The product the functions run in.
  "Excel",
  // Metric names kept as abbreviations in Chinese sales writing (HHI also names SALES.HHI).
  "ARPU", "GRR", "HHI", "KPI", "NRR",
  // The LTV model's authors.
  "Gupta", "Lehmann",
]);

/** Excel's error codes, from the catalog ("#DIV/0!", "#NUM!", "#VALUE!", "#N/A"), as written in every language. */
const ERROR_CODES = [...new Set(CATALOG.flatMap((entry) => entry.errors.map((e) => e.code)))];

/** Every SALES.* function's name as typed ("SALES.COMMISSION", "SALES.COMMISSION.DEAL"). */
const FUNCTION_NAMES = new Set(CATALOG.map((entry) => `SALES.${entry.id}`));

/**
 * The words `id`'s documentation may name as written: its argument names (what Excel shows
 * in the formula bar: stage_counts, window, satisfied_min) and the option words its option
 * arguments take ("step", "cumulative", "marginal", "retroactive"), which the user types.
 */
function functionWords(id: string): Set<string> {
  const def = FUNCTION_DEFS.find((d) => d.id === id);
  if (!def) throw new Error(`no definition of ${id}`);
  const words = new Set<string>();
  for (const param of def.params as readonly { name: string; options?: readonly string[] }[]) {
    words.add(param.name);
    for (const option of param.options ?? []) words.add(option);
  }
  return words;
}

/**
 * The Latin words of a Chinese function text that are neither a name nor a code: not one of
 * `own` (the function's argument and option names), not a SALES.* name, not an Excel name,
 * metric abbreviation or error code, and longer than one letter (single letters are the
 * variables of a formula: c[i], m*r/(1+i-r)).
 *
 * @example
 * strayWords("stage_counts 中有文本，或 mode 未知", functionWords("FUNNEL")) // []
 * strayWords("结果为 #N/A when empty", functionWords("FUNNEL")) // ["when", "empty"]
 */
function strayWords(text: string, own: ReadonlySet<string>): string[] {
  let bare = text.replace(/\{\w+\}/g, " ");
  for (const code of ERROR_CODES) bare = bare.split(code).join(" ");
  const words = bare.match(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g) ?? [];
  return words.filter((word) => word.length > 1 && !own.has(word) && !FUNCTION_NAMES.has(word) && !FUNCTION_DOC_WORDS.has(word));
}

/** Every Chinese text of a function's documentation, named by where it appears. */
function chineseTexts(entry: CatalogEntry): [string, string][] {
  return [
    ["category", entry.category.zh],
    ["description", entry.description.zh],
    ...entry.params.map((p): [string, string] => [`param ${p.name}`, p.zh]),
    ...entry.rules.map((r, i): [string, string] => [`rule ${i + 1}`, r.zh]),
    ...entry.errors.map((e, i): [string, string] => [`error ${i + 1} (${e.code})`, e.when.zh]),
    ...(entry.example.note ? [["example note", entry.example.note.zh] as [string, string]] : []),
    ...(entry.nativeNote ? [["native formula note", entry.nativeNote.zh] as [string, string]] : []),
  ];
}

/** What Excel shows in Chinese: the generated zh-CN metadata, function id -> description and arguments' help. */
const ZH_METADATA: Record<string, { description: string; parameters: Record<string, string> }> = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../src/i18n/functions-zh-CN.json"), "utf8"),
);

function functionProblems(id: string, texts: readonly [string, string][]): string[] {
  const own = functionWords(id);
  const found: string[] = [];
  for (const [where, written] of texts) {
    const why = untranslated(written) ?? (strayWords(written, own).length > 0 ? `English words ${strayWords(written, own).join(", ")}` : null);
    if (why) found.push(`SALES.${id} ${where}: ${why}: ${JSON.stringify(written.slice(0, 80))}`);
  }
  return found;
}

describe("the SALES.* documentation in Chinese", () => {
  it("names only arguments, options, functions and codes in Latin letters in every text of every function", () => {
    expect(CATALOG.flatMap((entry) => functionProblems(entry.id, chineseTexts(entry)))).toEqual([]);
  });
  it("does the same in the zh-CN metadata Excel shows (description and each argument's help)", () => {
    expect(Object.keys(ZH_METADATA)).toEqual(CATALOG.map((entry) => entry.id));
    const found = Object.entries(ZH_METADATA).flatMap(([id, meta]) =>
      functionProblems(id, [["description", meta.description], ...Object.entries(meta.parameters).map(([name, help]): [string, string] => [`param ${name}`, help])]),
    );
    expect(found).toEqual([]);
  });
  it("catches an English word a check of phrases would let through", () => {
    const funnel = functionWords("FUNNEL");
    expect(strayWords("stage_counts 中有文本，或 mode 未知；结果为 #N/A、#DIV/0!", funnel)).toEqual([]);
    expect(strayWords("c[i]/c[i-1]，同 FORECAST.LINEAR 与 SALES.FUNNEL", funnel)).toEqual([]);
    expect(strayWords("前一阶段为 0 (blank)", funnel)).toEqual(["blank"]);
    expect(strayWords("按 attainment 计", functionWords("COMMISSION"))).toEqual(["attainment"]);
    expect(functionProblems("FUNNEL", [["description", "Stage conversion 漏斗"]])).toEqual([
      'SALES.FUNNEL description: English words Stage, conversion: "Stage conversion 漏斗"',
    ]);
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
