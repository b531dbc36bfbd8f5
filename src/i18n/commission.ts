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

/** A problem or warning of the commission engine: its en-US message, and its catalog key with values when it has one. */
export interface CommissionMessage {
  field: string;
  message: string;
  key?: string;
  values?: Record<string, string | number>;
}

/**
 * The text of an engine problem or warning in `locale`: its catalog key translated with its
 * values, or its own message when it has no key of the catalog.
 *
 * @example
 * commissionMessage("zh-CN", { field: "spif.minDeal", key: "error.unknownField", values: { field: "spif.minDeal", parent: "spif", suggestion: "minDealAmount" }, message: "..." })
 * // "spif.minDeal 不是 spif 的字段；是否要写 minDealAmount？"
 */
export function commissionMessage(locale: Locale | undefined, error: CommissionMessage): string {
  const key = error.key;
  if (key === undefined || !Object.prototype.hasOwnProperty.call(commissionEnUS, key)) return error.message;
  return translate(COMMISSION_CATALOG, locale, key as CommissionKey, error.values);
}

/** The same problems with their messages in `locale` (fields, keys and values unchanged). */
export function localizeCommissionMessages<E extends CommissionMessage>(locale: Locale | undefined, errors: readonly E[]): E[] {
  return errors.map((e) => ({ ...e, message: commissionMessage(locale, e) }));
}
