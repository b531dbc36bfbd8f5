/**
 * The rule every Chinese text is checked by, shared by the catalog scan
 * (untranslated.test.ts) and the rendered workbook scan (workbookText.test.ts): a zh-CN
 * text holds Chinese, unless it is one of the names, codes and formats that stay as
 * written, and holds no English phrase left untranslated.
 */

/** Chinese characters, CJK punctuation ("，。：") and full-width forms ("（）"). */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Whole zh-CN texts without Chinese that are right as they are: names and codes read the
 * same in both languages.
 */
export const ALLOWED_TEXTS: ReadonlySet<string> = new Set([
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
export const NUMBER_FORMAT = /^[#0?.,%\s[\]$¥€£"\\/:;@_*()yMmdDhHsS-]+$/;

/** The text without its placeholders, quoted values, options (`--map x=y`) and command lines. */
export function prose(text: string): string {
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
 *
 * @example
 * untranslated("{count} 个商机") // null
 * untranslated("Total deals") // "no Chinese"
 */
export function untranslated(text: string): string | null {
  const bare = text.replace(/\{\w+\}/g, "");
  if (!CJK.test(text) && !ALLOWED_TEXTS.has(text) && /[A-Za-z]/.test(bare) && !NUMBER_FORMAT.test(bare)) return "no Chinese";
  const phrase = prose(text).match(/[A-Za-z][\w.'-]*(?: [A-Za-z][\w.'-]*){2,}/);
  return phrase ? `English phrase "${phrase[0]}"` : null;
}
