/**
 * The app's language: a React context giving every component `t(key, values)`.
 */
import * as React from "react";
import type { Locale } from "../core/locale";
import { formatUi, UiKey } from "../i18n/uiLocale";

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

export interface UiContextValue {
  locale: Locale;
  t: Translate;
}

const UiContext = React.createContext<UiContextValue>({
  locale: "en-US",
  t: (key, values) => formatUi("en-US", key, values),
});

export function UiProvider(props: { locale: Locale; children: React.ReactNode }): JSX.Element {
  const value = React.useMemo<UiContextValue>(
    () => ({ locale: props.locale, t: (key, values) => formatUi(props.locale, key, values) }),
    [props.locale],
  );
  return <UiContext.Provider value={value}>{props.children}</UiContext.Provider>;
}

/** `const { t, locale } = useUi();` */
export function useUi(): UiContextValue {
  return React.useContext(UiContext);
}
