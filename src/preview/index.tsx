/**
 * The browser preview: the task pane app with the preview host, beside the in-browser
 * workbook it writes to. No Office, no network: plans are computed with HyperFormula.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { pickLocale } from "../i18n/uiLocale";
import { App } from "../taskpane/App";
import { SETTINGS_KEY, TaskPaneHost } from "../host/types";
import { normalizeSettings } from "../taskpane/settings";
import { createPreviewHost, memoryStorage, SettingsStorage } from "../host/preview";
import { PreviewWorkbook } from "../workbook/preview/previewWorkbook";
import { WorkbookView } from "./WorkbookView";

const SAMPLE_PATH = "samples/zoho-deals-sample.csv";

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  pane: { width: "360px", flexShrink: 0, overflowY: "auto", borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  workbook: { flexGrow: 1, minWidth: 0, padding: tokens.spacingHorizontalM, overflow: "auto" },
});

function browserStorage(): SettingsStorage {
  try {
    const probe = "salesquant.probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStorage();
  }
}

function PreviewPage(props: { host: TaskPaneHost; workbook: PreviewWorkbook; onLocale(listener: () => void): () => void }): JSX.Element {
  const styles = useStyles();
  const [, setTick] = React.useState(0);
  React.useEffect(() => props.onLocale(() => setTick((n) => n + 1)), [props]);
  const locale = pickLocale(normalizeSettings(props.host.getSetting(SETTINGS_KEY)).language, props.host.displayLanguage);
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <div className={styles.page}>
        <aside className={styles.pane} data-testid="taskpane">
          <App host={props.host} />
        </aside>
        <section className={styles.workbook} data-testid="workbook">
          <WorkbookView workbook={props.workbook} locale={locale} />
        </section>
      </div>
    </FluentProvider>
  );
}

function start(): void {
  const workbook = new PreviewWorkbook({ maxRows: 200000 });
  const listeners = new Set<() => void>();
  const base = createPreviewHost(workbook, { storage: browserStorage(), displayLanguage: navigator.language });
  const host: TaskPaneHost = {
    ...base,
    async setSetting(key, value) {
      await base.setSetting(key, value);
      listeners.forEach((l) => l());
    },
    async loadSample() {
      const response = await fetch(SAMPLE_PATH);
      if (!response.ok) throw new Error(`The sample export is missing (${response.status}).`);
      return { name: SAMPLE_PATH.split("/").pop()!, bytes: new Uint8Array(await response.arrayBuffer()) };
    },
  };
  const onLocale = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  createRoot(document.getElementById("root")!).render(<PreviewPage host={host} workbook={workbook} onLocale={onLocale} />);
}

start();
