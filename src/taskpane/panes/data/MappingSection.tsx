/**
 * The column mapping and the stage pipeline the last import used, editable for a re-import.
 * Shows where the pipeline is wrong: on its row, or above the add button.
 */
import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens } from "@fluentui/react-components";
import type { UiKey } from "../../../i18n/uiLocale";
import { useUi } from "../../uiContext";
import type { MappedField } from "../../wiring/importDeals";
import type { ImportOptions, OptionAction, PipelineCheck } from "./importState";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, flexBasis: "10em", minWidth: 0, maxWidth: "100%" },
  narrow: { width: "6em" },
  /** An input as wide as its field, never its own default width (wider than a narrow pane's field). */
  input: { width: "100%", minWidth: 0 },
});

/** Lines for a list of labels: one for a short list, more as it grows (at most four). */
function labelRows(text: string): number {
  return Math.min(4, Math.max(1, Math.ceil(text.length / 28)));
}

const MAPPING_FIELDS: MappedField[] = ["id", "name", "customer", "owner", "amount", "currency", "createdDate", "closeDate", "stage", "probability", "status", "source"];

export function MappingSection(props: { options: ImportOptions; pipelineCheck: PipelineCheck | null; onEdit(action: OptionAction): void }): JSX.Element {
  const styles = useStyles();
  const { t } = useUi();
  const { options, pipelineCheck, onEdit } = props;
  return (
    <Accordion collapsible multiple>
      <AccordionItem value="mapping">
        <AccordionHeader>{t("data.mapping")}</AccordionHeader>
        <AccordionPanel>
          <Text size={200}>{t("data.mappingHint")}</Text>
          {MAPPING_FIELDS.map((field) => (
            <Field key={field} label={t(`data.field.${field}` as UiKey)}>
              <Input className={styles.input} value={options.columns[field] ?? ""} placeholder={t("data.useDefault")} onChange={(_e, d) => onEdit({ type: "column", field, header: d.value })} />
            </Field>
          ))}
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="pipeline">
        <AccordionHeader>{t("data.pipeline")}</AccordionHeader>
        <AccordionPanel>
          <Text size={200}>{t("data.pipelineHint")}</Text>
          {options.stages.map((stage, i) => {
            const wrong = pipelineCheck && "error" in pipelineCheck && pipelineCheck.row === i ? t(pipelineCheck.error) : undefined;
            return (
              <div className={styles.row} key={i}>
                <Field label={`${t("data.stageName")} ${i + 1}`} className={styles.grow} validationState={wrong ? "error" : "none"} validationMessage={wrong}>
                  <Input className={styles.input} value={stage.name} onChange={(_e, d) => onEdit({ type: "stageChanged", index: i, patch: { name: d.value } })} />
                </Field>
                <Field label={t("data.stageProbability")} className={styles.narrow}>
                  <Input className={styles.input} value={stage.probability} inputMode="decimal" onChange={(_e, d) => onEdit({ type: "stageChanged", index: i, patch: { probability: d.value } })} />
                </Field>
                <Button aria-label={`${t("common.remove")} ${stage.name}`} onClick={() => onEdit({ type: "stageRemoved", index: i })}>
                  {t("common.remove")}
                </Button>
              </div>
            );
          })}
          {pipelineCheck && "error" in pipelineCheck && pipelineCheck.row === undefined && (
            <MessageBar intent="error">
              <MessageBarBody>{t(pipelineCheck.error)}</MessageBarBody>
            </MessageBar>
          )}
          <Button onClick={() => onEdit({ type: "stageAdded" })}>{t("common.add")}</Button>
          {/* Lists of words: they wrap in the box, every label in sight in a narrow pane. */}
          <Field label={t("data.wonLabels")}>
            <Textarea className={styles.input} resize="vertical" rows={labelRows(options.won)} value={options.won} onChange={(_e, d) => onEdit({ type: "wonLabels", text: d.value })} />
          </Field>
          <Field label={t("data.lostLabels")}>
            <Textarea className={styles.input} resize="vertical" rows={labelRows(options.lost)} value={options.lost} onChange={(_e, d) => onEdit({ type: "lostLabels", text: d.value })} />
          </Field>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
