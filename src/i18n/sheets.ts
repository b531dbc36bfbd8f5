/**
 * Generated-sheet text (src/i18n/sheets.en-US.ts, sheets.zh-CN.ts) as a catalog.
 * The generators read it through `sheetText`/`textFor` in src/generators/common.ts.
 */
import { createTranslator, defineCatalog } from "./translate";
import { sheetsEnUS, SheetKey } from "./sheets.en-US";
import { sheetsZhCN } from "./sheets.zh-CN";

export type { SheetKey };

export const SHEETS_CATALOG = defineCatalog(sheetsEnUS, sheetsZhCN);

/**
 * Localized sheet text with `{name}` placeholders filled.
 *
 * @example
 * sheetsText("zh-CN", "sheet.funnel") // "销售漏斗"
 */
export const sheetsText = createTranslator(SHEETS_CATALOG);
