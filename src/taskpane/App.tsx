/**
 * The task pane app: navigation between the panes, settings, the imported deals and the
 * last actions. It talks to the workbook only through the host it is given.
 */
import * as React from "react";
import { FluentProvider, makeStyles, Tab, TabList, Text, Theme, tokens, webLightTheme } from "@fluentui/react-components";
import { pickLocale, UiKey } from "../i18n/uiLocale";
import { AppState, AppStateContext, ImportedData, RecentAction, WrittenChart } from "./appContext";
import type { HostTheme, TaskPaneHost } from "../host/types";
import { PaneErrorBoundary } from "./components/PaneErrorBoundary";
import { CommissionPane } from "./panes/CommissionPane";
import { DataPane } from "./panes/DataPane";
import { FunnelPane } from "./panes/FunnelPane";
import { GENERATOR_PANES } from "./panes/generatorPanes";
import { HomePane } from "./panes/HomePane";
import { PaneId, PANE_IDS } from "./panes/paneIds";
import { SettingsPane } from "./panes/SettingsPane";
import { AppSettings, loadSettings, saveSettings } from "./settings";
import { UiProvider, useUi } from "./uiContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100%", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  nav: { flexWrap: "wrap", padding: `0 ${tokens.spacingHorizontalS}` },
  main: { padding: tokens.spacingHorizontalM, flexGrow: 1 },
});

/** A Fluent theme following Office's theme colours. */
export function officeTheme(colors: HostTheme): Theme {
  return {
    ...webLightTheme,
    colorNeutralBackground1: colors.bodyBackgroundColor,
    colorNeutralForeground1: colors.bodyForegroundColor,
    colorNeutralBackground3: colors.controlBackgroundColor,
    colorNeutralForeground3: colors.controlForegroundColor,
  };
}

function HomeFallback(): JSX.Element {
  return <></>;
}

function Pane(props: { id: PaneId; onNavigate(pane: PaneId): void }): JSX.Element {
  switch (props.id) {
    case "home":
      return <HomePane onNavigate={props.onNavigate} />;
    case "data":
      return <DataPane />;
    case "funnel":
      return <FunnelPane />;
    case "commission":
      return <CommissionPane />;
    case "settings":
      return <SettingsPane />;
    default: {
      const Generator = GENERATOR_PANES[props.id] ?? HomeFallback;
      return <Generator />;
    }
  }
}

function Shell(props: { pane: PaneId; visited: ReadonlySet<PaneId>; onNavigate(pane: PaneId): void }): JSX.Element {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={400} weight="semibold">
          {t("app.title")}
        </Text>
      </header>
      <TabList
        className={styles.nav}
        size="small"
        selectedValue={props.pane}
        aria-label={t("app.nav")}
        onTabSelect={(_e, d) => props.onNavigate(d.value as PaneId)}
      >
        {PANE_IDS.map((id) => (
          <Tab key={id} value={id} data-testid={`nav-${id}`}>
            {t(`nav.${id}` as UiKey)}
          </Tab>
        ))}
      </TabList>
      <main className={styles.main}>
        {PANE_IDS.filter((id) => props.visited.has(id)).map((id) => (
          // Visited panes stay mounted (hidden) so a half-filled form survives navigation.
          <div key={id} hidden={id !== props.pane} data-testid={`pane-${id}`}>
            <PaneErrorBoundary title={t("common.error")}>
              <Pane id={id} onNavigate={props.onNavigate} />
            </PaneErrorBoundary>
          </div>
        ))}
      </main>
    </div>
  );
}

export function App(props: { host: TaskPaneHost; initialPane?: PaneId }): JSX.Element {
  const { host } = props;
  const [settings, setSettingsState] = React.useState<AppSettings>(() => loadSettings(host));
  const [data, setData] = React.useState<ImportedData | null>(null);
  const [recent, setRecent] = React.useState<RecentAction[]>([]);
  const [writtenCharts, setWrittenCharts] = React.useState<WrittenChart[]>([]);
  const [pane, setPane] = React.useState<PaneId>(props.initialPane ?? "home");
  const [visited, setVisited] = React.useState<Set<PaneId>>(() => new Set([props.initialPane ?? "home"]));
  const locale = pickLocale(settings.language, host.displayLanguage);
  const theme = React.useMemo(() => (host.theme ? officeTheme(host.theme) : webLightTheme), [host.theme]);

  const state = React.useMemo<AppState>(
    () => ({
      host,
      settings,
      async setSettings(next: AppSettings) {
        await saveSettings(host, next);
        setSettingsState(next);
      },
      data,
      setData,
      recent,
      record: (action: RecentAction, charts: WrittenChart[] = []) => {
        setRecent((r) => [action, ...r].slice(0, 8));
        if (charts.length > 0) {
          const sheets = new Set(charts.map((c) => c.sheet));
          setWrittenCharts((w) => [...w.filter((c) => !sheets.has(c.sheet)), ...charts]);
        }
      },
      writtenCharts,
    }),
    [host, settings, data, recent, writtenCharts],
  );

  const navigate = React.useCallback((next: PaneId) => {
    setPane(next);
    setVisited((v) => (v.has(next) ? v : new Set(v).add(next)));
  }, []);

  return (
    <FluentProvider theme={theme} lang={locale}>
      <UiProvider locale={locale}>
        <AppStateContext.Provider value={state}>
          <Shell pane={pane} visited={visited} onNavigate={navigate} />
        </AppStateContext.Provider>
      </UiProvider>
    </FluentProvider>
  );
}
