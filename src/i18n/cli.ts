/**
 * Command-line text (src/i18n/cli.en-US.ts, cli.zh-CN.ts) as a catalog, its translator, and
 * the language the command line speaks.
 */
import type { Locale } from "../core/locale";
import { createTranslator, defineCatalog } from "./translate";
import { cliEnUS, CliKey } from "./cli.en-US";
import { cliZhCN } from "./cli.zh-CN";

export type { CliKey };

export const CLI_CATALOG = defineCatalog(cliEnUS, cliZhCN);

/**
 * Localized command-line text with `{name}` placeholders filled.
 *
 * @example
 * cliText("zh-CN", "progress.reading", { percent: 40, rows: "40,000" }) // "正在读取… 40%（40,000 行）"
 */
export const cliText = createTranslator(CLI_CATALOG);

/** The environment variables that name the system's language. */
export type LanguageEnv = Readonly<Record<string, string | undefined>>;

/**
 * The system's language as POSIX reads it for messages: the first of LC_ALL, LC_MESSAGES and
 * LANG that is set and not empty; zh-CN when it starts with "zh" (zh_CN.UTF-8, zh_TW, zh),
 * null otherwise (C, POSIX, en_US.UTF-8, nothing set).
 *
 * @example
 * systemLocale({ LANG: "zh_CN.UTF-8" }) // "zh-CN"
 * systemLocale({ LC_ALL: "C", LANG: "zh_CN.UTF-8" }) // null
 */
export function systemLocale(env: LanguageEnv | undefined): Locale | null {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env?.[name]?.trim();
    if (value) return /^zh/i.test(value) ? "zh-CN" : null;
  }
  return null;
}

/**
 * The `--locale` of a command line (`--locale zh-CN` or `--locale=zh-CN`), or null when it
 * names none or an unknown one (parsing reports that).
 */
export function localeArgument(argv: readonly string[]): Locale | null {
  let found: Locale | null = null;
  argv.forEach((token, index) => {
    const value = token === "--locale" ? argv[index + 1] : token.startsWith("--locale=") ? token.slice("--locale=".length) : undefined;
    if (value === "en-US" || value === "zh-CN") found = value;
  });
  return found;
}

/**
 * The language of what the command line prints: `--locale`, else the system's language when
 * it is Chinese, else en-US.
 *
 * @example
 * messageLocale(["build", "--locale", "zh-CN"], {}) // "zh-CN"
 * messageLocale(["--help"], { LANG: "zh_CN.UTF-8" }) // "zh-CN"
 * messageLocale(["--help"], { LANG: "C.UTF-8" }) // "en-US"
 */
export function messageLocale(argv: readonly string[], env: LanguageEnv | undefined): Locale {
  return localeArgument(argv) ?? systemLocale(env) ?? "en-US";
}

/**
 * A count in the locale's digits and separators.
 *
 * @example
 * formatCount("zh-CN", 40000) // "40,000"
 */
export function formatCount(locale: Locale, count: number): string {
  return count.toLocaleString(locale);
}
