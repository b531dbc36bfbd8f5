/**
 * Home: what each pane does, and the last actions.
 */
import * as React from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { UiKey } from "../../i18n/uiLocale";
import { useAppState } from "../appContext";
import { joinList } from "../components/ResultBar";
import { useUi } from "../uiContext";
import type { PaneId } from "./paneIds";
import { PANE_IDS } from "./paneIds";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

export function HomePane(props: { onNavigate(pane: PaneId): void }): JSX.Element {
  const styles = useStyles();
  const { t, locale } = useUi();
  const { data, recent } = useAppState();
  return (
    <section className={styles.root} aria-labelledby="home-heading">
      <Text as="h2" size={500} weight="semibold" id="home-heading">
        {t("home.heading")}
      </Text>
      <Text>{t("home.intro")}</Text>
      <Text weight="semibold">{data ? t("home.dealsLoaded", { count: data.deals.length }) : t("home.noDeals")}</Text>
      <ul className={styles.list}>
        {PANE_IDS.filter((p) => p !== "home").map((pane) => (
          <li key={pane}>
            <Button appearance="transparent" size="small" onClick={() => props.onNavigate(pane)}>
              {t(`nav.${pane}` as UiKey)}
            </Button>
            <Text size={200}>{t(`home.${pane}` as UiKey)}</Text>
          </li>
        ))}
      </ul>
      <Text as="h3" weight="semibold">
        {t("home.recent")}
      </Text>
      {recent.length === 0 ? (
        <Text>{t("home.noRecent")}</Text>
      ) : (
        <ul className={styles.list} data-testid="recent-actions">
          {recent.map((r, i) => (
            <li key={i}>
              {t("home.recentItem", { pane: t(`nav.${r.pane}` as UiKey), sheets: joinList(r.sheets, locale) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
