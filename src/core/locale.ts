/** The two languages of the product: every user-visible string exists in both. */
export type Locale = "en-US" | "zh-CN";

/** Every locale, in the order the UI offers them. */
export const LOCALES: readonly Locale[] = ["en-US", "zh-CN"];
