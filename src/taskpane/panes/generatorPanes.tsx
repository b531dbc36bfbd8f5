/**
 * The generator panes: each is its sheet's declaration (src/compose/sheets.ts) rendered by
 * GeneratorPane, plus whatever the form cannot say (the dashboard's layout pictures).
 * Funnel and Commission have their own files only for their extra editors.
 */
import * as React from "react";
import { GeneratorPane } from "../components/GeneratorPane";
import { DashboardLayoutId, LayoutChooser } from "../components/LayoutChooser";
import type { PaneId } from "./paneIds";

function DashboardPane(): JSX.Element {
  const [layout, setLayout] = React.useState<DashboardLayoutId>("grid");
  return (
    <GeneratorPane id="dashboard" sheet="dashboard" custom={{ layout }}>
      <LayoutChooser value={layout} onChange={setLayout} />
    </GeneratorPane>
  );
}

export const GENERATOR_PANES: Partial<Record<PaneId, () => JSX.Element>> & Record<"goals" | "review" | "scorecard" | "forecast" | "customers" | "dashboard" | "templates", () => JSX.Element> = {
  goals: () => <GeneratorPane id="goals" sheet="goals" />,
  review: () => <GeneratorPane id="review" sheet="review" />,
  scorecard: () => <GeneratorPane id="scorecard" sheet="reps" />,
  forecast: () => <GeneratorPane id="forecast" sheet="forecast" />,
  customers: () => <GeneratorPane id="customers" sheet="customers" />,
  dashboard: DashboardPane,
  templates: () => <GeneratorPane id="templates" sheet="templates" />,
};
