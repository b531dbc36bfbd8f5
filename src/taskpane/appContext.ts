/**
 * What every pane may read besides its own form: the host, the settings, the imported
 * deals, and a way to record an action for Home's "last actions".
 */
import * as React from "react";
import type { Deal, Pipeline } from "../core/deal";
import type { ChartPlan } from "../workbook/plan";
import type { Locale } from "../core/locale";
import type { TaskPaneHost } from "../host/types";
import type { AppSettings } from "./settings";

/** Deals imported since the pane was opened, and where their Deals sheet was written. */
export interface ImportedData {
  deals: Deal[];
  pipeline: Pipeline;
  /** Actual name of the Deals sheet in the workbook, or null before it is written. */
  dealsSheet: string | null;
  /**
   * Language the Deals sheet was written in: its status words ("Won" / "赢单") are what the
   * other sheets' formulas compare with, so a sheet in another language needs its own Deals.
   */
  dealsLocale: Locale | null;
  fileName: string;
}

export interface RecentAction {
  pane: string;
  sheets: string[];
}

/** A chart written to the workbook, on its actual sheet (the dashboard charts these). */
export interface WrittenChart {
  sheet: string;
  chart: ChartPlan;
  /** The sheet was made from typed example numbers: the dashboard leaves it out unless asked. */
  example?: boolean;
}

export interface AppState {
  host: TaskPaneHost;
  settings: AppSettings;
  setSettings(settings: AppSettings): Promise<void>;
  data: ImportedData | null;
  setData(data: ImportedData | null): void;
  recent: RecentAction[];
  /**
   * Records a write: for Home's last actions, and its charts for the dashboard (a sheet's
   * charts replace those recorded before for the same sheet name: a replaced sheet keeps its name).
   */
  record(action: RecentAction, charts?: WrittenChart[]): void;
  writtenCharts: WrittenChart[];
}

/** What a generator's wiring receives besides the form values. */
export interface GenerateContext {
  locale: Locale;
  settings: AppSettings;
  data: ImportedData | null;
  /** Charts written so far, newest last. */
  writtenCharts: WrittenChart[];
}

export const AppStateContext = React.createContext<AppState | null>(null);

export function useAppState(): AppState {
  const state = React.useContext(AppStateContext);
  if (!state) throw new Error("useAppState outside of the App");
  return state;
}

