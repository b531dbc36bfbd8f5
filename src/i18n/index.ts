/**
 * Everything the product says, in en-US and zh-CN, and the one way to say it: a catalog per
 * domain (`defineCatalog` over a `*.en-US.ts` and a `*.zh-CN.ts` record) read through
 * `translate`/`createTranslator` (src/i18n/translate.ts).
 *
 * ALL_CATALOGS lists every catalog; tests/i18n/catalogs.test.ts checks that each has the
 * same keys and the same placeholders in both languages, and that every `*.en-US.ts` file
 * of this folder belongs to one of them. A new catalog goes in this list.
 */
import type { Catalog } from "./translate";
import { UI_CATALOG } from "./uiLocale";
import { SHEETS_CATALOG } from "./sheets";
import { COMMISSION_CATALOG } from "./commission";
import { IMPORT_CATALOG } from "./import";
import { FUNCTION_DOCS_CATALOG } from "./functionDocs";
import { CLI_CATALOG } from "./cli";

export * from "./translate";
export { formatUi, pickLocale, UI_CATALOG } from "./uiLocale";
export type { LanguageSetting, UiKey } from "./uiLocale";
export { SHEETS_CATALOG, sheetsText } from "./sheets";
export type { SheetKey } from "./sheets";
export { COMMISSION_CATALOG, commissionText } from "./commission";
export type { CommissionKey } from "./commission";
export { IMPORT_CATALOG, importText } from "./import";
export type { ImportErrorKey, ImportRowKey, ImportTextKey, ValueProblem } from "./import";
export { FUNCTION_DOCS_CATALOG, functionDocsText, isFunctionDocsKey } from "./functionDocs";
export type { FunctionDocsKey } from "./functionDocs";
export { CLI_CATALOG, cliText } from "./cli";
export type { CliKey } from "./cli";

/**
 * Every catalog of the product by name; the name is the stem of its files
 * (`ui` -> ui.en-US.ts and ui.zh-CN.ts).
 */
export const ALL_CATALOGS: Readonly<Record<string, Catalog>> = {
  ui: UI_CATALOG,
  sheets: SHEETS_CATALOG,
  commission: COMMISSION_CATALOG,
  import: IMPORT_CATALOG,
  functionDocs: FUNCTION_DOCS_CATALOG,
  cli: CLI_CATALOG,
};
