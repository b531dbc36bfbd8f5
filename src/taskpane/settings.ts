/**
 * The app's settings, stored as one document setting through the host.
 */
import type { LanguageSetting } from "../i18n/uiLocale";
import type { TaskPaneHost } from "../host/types";
import { SETTINGS_KEY } from "../host/types";

export interface AppSettings {
  language: LanguageSetting;
  /** ISO currency code used by generated sheets ("USD", "CNY"...). */
  currency: string;
  /** Month the fiscal year starts in, 1-12. */
  fiscalYearStart: number;
  /** Pace at or above which a goal is on track, decimal (1 = 100%). */
  onTrackThreshold: number;
  /** Pace at or above which a goal is at risk (below: behind), decimal. */
  atRiskThreshold: number;
}

export const DEFAULT_SETTINGS: AppSettings = {
  language: "auto",
  currency: "",
  fiscalYearStart: 1,
  onTrackThreshold: 1,
  atRiskThreshold: 0.95,
};

export const CURRENCIES = ["USD", "CNY", "EUR", "GBP", "JPY", "HKD"] as const;

/**
 * The stored settings merged over the defaults; anything malformed falls back to its default.
 *
 * @example
 * normalizeSettings({ fiscalYearStart: 13 }).fiscalYearStart // 1
 */
export function normalizeSettings(stored: unknown): AppSettings {
  const s = (typeof stored === "object" && stored !== null ? stored : {}) as Partial<Record<keyof AppSettings, unknown>>;
  const language = s.language === "en-US" || s.language === "zh-CN" || s.language === "auto" ? s.language : DEFAULT_SETTINGS.language;
  const currency = typeof s.currency === "string" && /^[A-Z]{3}$|^$/.test(s.currency) ? s.currency : DEFAULT_SETTINGS.currency;
  const fy = typeof s.fiscalYearStart === "number" && Number.isInteger(s.fiscalYearStart) && s.fiscalYearStart >= 1 && s.fiscalYearStart <= 12 ? s.fiscalYearStart : DEFAULT_SETTINGS.fiscalYearStart;
  const rate = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 10 ? v : d);
  let onTrack = rate(s.onTrackThreshold, DEFAULT_SETTINGS.onTrackThreshold);
  let atRisk = rate(s.atRiskThreshold, DEFAULT_SETTINGS.atRiskThreshold);
  if (atRisk > onTrack) [onTrack, atRisk] = [DEFAULT_SETTINGS.onTrackThreshold, DEFAULT_SETTINGS.atRiskThreshold];
  return { language, currency, fiscalYearStart: fy, onTrackThreshold: onTrack, atRiskThreshold: atRisk };
}

export function loadSettings(host: TaskPaneHost): AppSettings {
  let stored: unknown;
  try {
    stored = host.getSetting(SETTINGS_KEY);
  } catch {
    stored = undefined;
  }
  return normalizeSettings(stored);
}

export function saveSettings(host: TaskPaneHost, settings: AppSettings): Promise<void> {
  return host.setSetting(SETTINGS_KEY, settings);
}

/**
 * The currency a sheet uses: the setting; else the one most imported deals carry; else the
 * locale's own (CNY for zh-CN, USD otherwise).
 *
 * @example
 * effectiveCurrency({ ...DEFAULT_SETTINGS, currency: "" }, "zh-CN", [{ currency: "USD" }]) // "USD"
 */
export function effectiveCurrency(settings: AppSettings, locale: string, deals: readonly { currency: string }[] = []): string {
  if (settings.currency) return settings.currency;
  const counts = new Map<string, number>();
  for (const d of deals) if (d.currency) counts.set(d.currency, (counts.get(d.currency) ?? 0) + 1);
  let best = "";
  let most = 0;
  for (const [code, n] of counts) if (n > most) [best, most] = [code, n];
  return best || (locale === "zh-CN" ? "CNY" : "USD");
}
