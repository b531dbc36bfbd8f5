/** The panes of the app, in navigation order. */
export const PANE_IDS = [
  "home",
  "data",
  "funnel",
  "goals",
  "review",
  "scorecard",
  "forecast",
  "customers",
  "commission",
  "dashboard",
  "templates",
  "settings",
] as const;

export type PaneId = (typeof PANE_IDS)[number];
