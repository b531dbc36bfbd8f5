/**
 * SALES.* function documentation (src/i18n/functionDocs.en-US.ts, functionDocs.zh-CN.ts)
 * as a catalog, and its translator. src/functions/catalog.ts reads it in both languages.
 */
import { createTranslator, defineCatalog } from "./translate";
import { functionDocsEnUS, FunctionDocsKey } from "./functionDocs.en-US";
import { functionDocsZhCN } from "./functionDocs.zh-CN";

export type { FunctionDocsKey };

export const FUNCTION_DOCS_CATALOG = defineCatalog(functionDocsEnUS, functionDocsZhCN);

/**
 * A function's documentation text in one language.
 *
 * @example
 * functionDocsText("zh-CN", "PACE.param.elapsed") // "已过时间（天、周等；> 0）"
 */
export const functionDocsText = createTranslator(FUNCTION_DOCS_CATALOG);

/** True when `key` is a key of the catalog (catalog.ts checks the keys it builds). */
export function isFunctionDocsKey(key: string): key is FunctionDocsKey {
  return Object.prototype.hasOwnProperty.call(functionDocsEnUS, key);
}
