/**
 * Data: import a CRM export (file picker, drag and drop, the selection or a table),
 * review the preset, column mapping and stage pipeline, and see the import issues.
 * The import writes the Deals sheet (and ImportIssues when rows were left out).
 *
 * useDealImport runs the import and holds its state; the sections only show it.
 */
import * as React from "react";
import { Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Select, Text, tokens } from "@fluentui/react-components";
import { ResultBar } from "../components/ResultBar";
import { useUi } from "../uiContext";
import { MappingSection } from "./data/MappingSection";
import { PresetSection } from "./data/PresetSection";
import { ProgressSection } from "./data/ProgressSection";
import { SourceSection } from "./data/SourceSection";
import { SummarySection } from "./data/SummarySection";
import { useDealImport } from "./data/useDealImport";

export { pipelineFromRows } from "./data/importState";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export function DataPane(): JSX.Element {
  const styles = useStyles();
  const { t } = useUi();
  const load = useDealImport();
  const { state, pipelineCheck, busy } = load;

  return (
    <section className={styles.root} aria-labelledby="data-heading">
      <Text as="h2" size={500} weight="semibold" id="data-heading">
        {t("data.heading")}
      </Text>
      <PresetSection options={state.options} onEdit={load.edit} />
      <SourceSection
        busy={busy}
        canLoadSample={load.canLoadSample}
        tables={state.tables}
        table={state.table}
        onChooseTable={load.chooseTable}
        onFile={load.importFile}
        onSample={load.importSample}
        onSelection={load.importSelection}
        onTable={load.importTable}
      />
      {state.reading && <ProgressSection name={state.reading.name} progress={state.reading.progress} step={state.reading.step} />}
      {load.tracked && !load.ready && (
        <Text size={200} data-testid="data-tracked-next">
          {t("data.trackedNext")}
        </Text>
      )}
      {load.ready && (
        // The workbook tracks a Deals sheet: updating it (typed inputs kept) is the usual step.
        <MessageBar intent="info" layout="multiline" data-testid="data-update-choice">
          <MessageBarBody>{t("data.trackedHint")}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabled={busy} data-testid="data-update" onClick={load.update}>
              {t("data.update")}
            </Button>
            <Button disabled={busy} data-testid="data-import-new" onClick={load.importNew}>
              {t("data.importNew")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {/* What was imported is said once its steps have ended. */}
      <SummarySection result={state.reading ? null : state.result}>
        <ResultBar outcome={load.outcome} onOpenSheet={load.openSheet} onDismiss={load.dismissOutcome} />
      </SummarySection>
      <MappingSection options={state.options} pipelineCheck={pipelineCheck} onEdit={load.edit} />
      {state.source && state.options.pipelines.length > 1 && (
        // The file keeps several pipelines: one of them can be imported alone.
        <Field label={t("data.onlyPipeline")} hint={t("data.onlyPipelineHint")}>
          <Select data-testid="data-only-pipeline" value={state.options.onlyPipeline} onChange={(_e, d) => load.edit({ type: "onlyPipeline", name: d.value })}>
            <option value="">{t("data.allPipelines")}</option>
            {state.options.pipelines.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {state.source && (
        <Button disabled={busy || (pipelineCheck !== null && "error" in pipelineCheck)} onClick={load.reimport}>
          {t("data.reimport")}
        </Button>
      )}
    </section>
  );
}
