/**
 * The generator panes: each is its sheet's declaration (src/compose/sheets.ts) rendered by
 * GeneratorPane, plus whatever the form cannot say (the dashboard's layout pictures).
 * Funnel and Commission have their own files only for their extra editors.
 */
import * as React from "react";
import { Checkbox } from "@fluentui/react-components";
import { useAppState } from "../appContext";
import { useUi } from "../uiContext";
import { GeneratorPane } from "../components/GeneratorPane";
import { DashboardLayoutId, LayoutChooser } from "../components/LayoutChooser";
import type { PaneId } from "./paneIds";

/**
 * The dashboard charts the user's data: sheets made from example numbers are left out unless
 * the user ticks them in (the box shows only when there are such sheets).
 */
function DashboardPane(): JSX.Element {
  const { t } = useUi();
  const { writtenCharts } = useAppState();
  const [layout, setLayout] = React.useState<DashboardLayoutId>("grid");
  const [withExamples, setWithExamples] = React.useState(false);
  const hasExamples = writtenCharts.some((c) => c.example);
  return (
    <GeneratorPane id="dashboard" sheet="dashboard" custom={{ layout }} includeExampleCharts={hasExamples && withExamples}>
      <LayoutChooser value={layout} onChange={setLayout} />
      {hasExamples && (
        <Checkbox
          label={t("dashboard.includeExamples")}
          checked={withExamples}
          data-testid="dashboard-include-examples"
          onChange={(_e, d) => setWithExamples(d.checked === true)}
        />
      )}
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
