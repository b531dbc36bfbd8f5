/**
 * Picks the task pane's language and formats its text.
 */
import type { Locale } from "../core/locale";
import { defineCatalog, translate, TextValues } from "./translate";
import { uiEnUS, UiKey } from "./ui.en-US";
import { uiZhCN } from "./ui.zh-CN";

export type { UiKey };

/** Task pane and preview text (ui.en-US.ts, ui.zh-CN.ts). */
export const UI_CATALOG = defineCatalog(uiEnUS, uiZhCN);

/** The language setting: a locale, or "auto" to follow Excel's display language. */
export type LanguageSetting = Locale | "auto";

/**
 * The UI locale for a language setting and Excel's display language.
 *
 * Rules: an explicit "en-US" or "zh-CN" setting wins; otherwise any Chinese display
 * language ("zh", "zh-CN", "zh-Hans", "zh-TW"...) gives zh-CN and everything else en-US.
 *
 * @example
 * pickLocale("auto", "zh-CN") // "zh-CN"
 * pickLocale("en-US", "zh-CN") // "en-US"
 * pickLocale(undefined, "fr-FR") // "en-US"
 */
export function pickLocale(setting: LanguageSetting | undefined | null, displayLanguage: string | undefined | null): Locale {
  if (setting === "en-US" || setting === "zh-CN") return setting;
  return /^zh\b/i.test((displayLanguage ?? "").trim()) ? "zh-CN" : "en-US";
}

/**
 * A catalog text with its `{placeholders}` filled; unknown placeholders stay as written.
 *
 * @example
 * formatUi("en-US", "data.progress", { done: 5, total: 10 }) // "5 of 10 rows"
 */
export function formatUi(locale: Locale, key: UiKey, values: TextValues = {}): string {
  return translate(UI_CATALOG, locale, key, values);
}
