/**
 * Commission sheet text (src/i18n/commission.en-US.ts, commission.zh-CN.ts) as a catalog,
 * and its translator.
 */
import type { Locale } from "../core/locale";
import { translate, defineCatalog } from "./translate";
import { commissionEnUS, CommissionKey } from "./commission.en-US";
import { commissionZhCN } from "./commission.zh-CN";

export type { CommissionKey };

export const COMMISSION_CATALOG = defineCatalog(commissionEnUS, commissionZhCN);

/**
 * Localized commission sheet text; an absent locale reads en-US.
 *
 * @example
 * commissionText("zh-CN", "sheet.plan") // "提成方案"
 */
export function commissionText(locale: Locale | undefined, key: CommissionKey): string {
  return translate(COMMISSION_CATALOG, locale, key);
}
