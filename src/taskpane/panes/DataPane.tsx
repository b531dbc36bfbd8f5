/**
 * Data: import a CRM export (file picker, drag and drop, the selection or a table),
 * review the preset, column mapping and stage pipeline, and see the import issues.
 * The import writes the Deals sheet (and ImportIssues when rows were left out).
 */
import * as React from "react";
import { flushSync } from "react-dom";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Pipeline } from "../../core/deal";
import type { UiKey } from "../../i18n/uiLocale";
import { PRESETS, PRESET_IDS } from "../../import/presets";
import { useAppState } from "../appContext";
import { ResultBar } from "../components/ResultBar";
import { effectiveCurrency } from "../settings";
import { useUi } from "../uiContext";
import { useWritePlan } from "../useWritePlan";
import { ImportChoices, importExport, ImportIssue, ImportProgressReport, MappedField, planImportedSheets, PresetId, tableToCsv } from "../wiring/importDeals";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: tokens.spacingVerticalS,
  },
  dropActive: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  hidden: { display: "none" },
  grow: { flexGrow: 1, flexBasis: "10em", minWidth: 0, maxWidth: "100%" },
  narrow: { width: "6em" },
  issues: { maxHeight: "16em", overflowY: "auto" },
});

const MAPPING_FIELDS: MappedField[] = ["id", "name", "customer", "owner", "amount", "currency", "createdDate", "closeDate", "stage", "probability", "status", "source"];

interface StageRow {
  name: string;
  probability: string;
}

/** Pipeline editor rows -> a pipeline, or the catalog key of what is wrong. */
export function pipelineFromRows(rows: StageRow[], won: string, lost: string): { pipeline: Pipeline } | { error: UiKey; row?: number } {
  if (rows.length === 0) return { error: "data.noStages" };
  const seen = new Set<string>();
  const stages: Pipeline["stages"] = [];
  for (let i = 0; i < rows.length; i++) {
    const name = rows[i].name.trim();
    if (name === "") return { error: "common.required", row: i };
    if (seen.has(name.toLowerCase())) return { error: "data.duplicateStage", row: i };
    seen.add(name.toLowerCase());
    const p = Number(rows[i].probability);
    if (rows[i].probability.trim() === "" || !Number.isFinite(p) || p < 0 || p > 100) return { error: "common.mustBeRate", row: i };
    stages.push({ name, probability: p / 100 });
  }
  const labels = (s: string) => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean);
  return { pipeline: { stages, wonLabels: labels(won), lostLabels: labels(lost) } };
}

export function DataPane(): JSX.Element {
  const styles = useStyles();
  const { t, locale } = useUi();
  const { host, settings, data, setData } = useAppState();
  const writer = useWritePlan();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [source, setSource] = React.useState<{ name: string; input: Uint8Array | string } | null>(null);
  const [preset, setPreset] = React.useState<PresetId | "auto">("auto");
  const [encoding, setEncoding] = React.useState<ImportChoices["encoding"]>("auto");
  const [columns, setColumns] = React.useState<Partial<Record<MappedField, string>>>({});
  const [stages, setStages] = React.useState<StageRow[]>([]);
  const [won, setWon] = React.useState("");
  const [lost, setLost] = React.useState("");
  const [progress, setProgress] = React.useState<ImportProgressReport | null>(null);
  const [reading, setReading] = React.useState<string | null>(null);
  const [issues, setIssues] = React.useState<ImportIssue[] | null>(null);
  const [summary, setSummary] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [tables, setTables] = React.useState<string[]>([]);
  const [table, setTable] = React.useState("");
  const pipelineCheck = stages.length > 0 ? pipelineFromRows(stages, won, lost) : null;

  React.useEffect(() => {
    host.listTables().then(setTables, () => setTables([]));
  }, [host, data]);

  const run = async (name: string, input: Uint8Array | string, usePipeline: boolean) => {
    // The bar is committed now and at every slice the importer reports (it yields a macrotask
    // after each), so the counts are on screen while the rest of the file is read.
    flushSync(() => {
      setReading(name);
      setProgress({ rowsDone: 0, total: 0 });
      writer.setOutcome(null);
    });
    const showProgress = (report: ImportProgressReport) => flushSync(() => setProgress(report));
    try {
      const choices: ImportChoices = {
        preset,
        encoding,
        columns,
        pipeline: usePipeline && pipelineCheck && "pipeline" in pipelineCheck ? pipelineCheck.pipeline : undefined,
        currency: settings.currency || undefined,
      };
      const result = await importExport(input, choices, showProgress);
      setIssues(result.issues);
      setPreset(result.preset);
      setColumns({ ...result.columns });
      setStages(result.pipeline.stages.map((s) => ({ name: s.name, probability: String(Math.round(s.probability * 1000) / 10) })));
      setWon(result.pipeline.wonLabels.join(", "));
      setLost(result.pipeline.lostLabels.join(", "));
      setSummary(t("data.done", { deals: result.deals.length, issues: result.issues.length, preset: PRESETS[result.preset]?.label ?? result.preset }));
      const planned = await planImportedSheets(result, locale, effectiveCurrency(settings, locale, result.deals));
      if (!planned.ok) {
        writer.setOutcome({ kind: "error", text: t("common.fixErrors"), details: planned.errors.map((e) => e.message) });
        return;
      }
      const written = await writer.write(planned.plan, "data");
      setData({ deals: result.deals, pipeline: result.pipeline, dealsSheet: written ? written[0] : null, dealsLocale: written ? locale : null, fileName: name });
    } catch (error) {
      writer.setOutcome({ kind: "error", text: t("data.failed", { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setReading(null);
      setProgress(null);
    }
  };

  const takeFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    setSource({ name: file.name, input: bytes });
    await run(file.name, bytes, false);
  };

  const fromWorkbook = async (read: () => Promise<Parameters<typeof tableToCsv>[0]>, name: string) => {
    try {
      const csv = tableToCsv(await read());
      setSource({ name, input: csv });
      await run(name, csv, false);
    } catch (error) {
      writer.setOutcome({ kind: "error", text: t("data.failed", { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const busy = reading !== null || writer.busy;
  const count = (n: number) => n.toLocaleString(locale);
  const presetLabel = (id: PresetId) => PRESETS[id]?.label ?? id;

  return (
    <section className={styles.root} aria-labelledby="data-heading">
      <Text as="h2" size={500} weight="semibold" id="data-heading">
        {t("data.heading")}
      </Text>
      <div className={styles.row}>
        <Field label={t("data.preset")} className={styles.grow}>
          <Select value={preset} onChange={(_e, d) => setPreset(d.value as PresetId | "auto")}>
            <option value="auto">{t("data.presetAuto")}</option>
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {presetLabel(id)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("data.encoding")} className={styles.grow}>
          <Select value={encoding} onChange={(_e, d) => setEncoding(d.value as ImportChoices["encoding"])}>
            <option value="auto">{t("data.encodingAuto")}</option>
            <option value="utf-8">UTF-8</option>
            <option value="utf-16">UTF-16</option>
            <option value="gb18030">GB18030</option>
          </Select>
        </Field>
      </div>
      <div
        className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files?.[0];
          if (file) void takeFile(file);
        }}
      >
        <label htmlFor="data-file">{t("data.fileLabel")}</label>
        <input
          id="data-file"
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv"
          data-testid="data-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void takeFile(file);
            e.target.value = "";
          }}
        />
        <Button appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t("data.choose")}
        </Button>
        <Text size={200}>{dragging ? t("data.dropActive") : t("data.drop")}</Text>
        {host.loadSample && (
          <Button
            disabled={busy}
            data-testid="data-sample"
            onClick={() => {
              host.loadSample!().then(
                ({ name, bytes }) => {
                  setSource({ name, input: bytes });
                  return run(name, bytes, false);
                },
                (error: unknown) => writer.setOutcome({ kind: "error", text: t("data.failed", { message: error instanceof Error ? error.message : String(error) }) }),
              );
            }}
          >
            {t("preview.sample")}
          </Button>
        )}
      </div>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void fromWorkbook(() => host.readSelection(), "selection")}>
          {t("data.fromSelection")}
        </Button>
        {tables.length > 0 ? (
          <>
            <Field label={t("data.tableLabel")} className={styles.grow}>
              <Select value={table} onChange={(_e, d) => setTable(d.value)}>
                <option value="" />
                {tables.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button disabled={busy || table === ""} onClick={() => void fromWorkbook(() => host.readTable(table), table)}>
              {t("data.fromTable")}
            </Button>
          </>
        ) : (
          <Text size={200}>{t("data.noTables")}</Text>
        )}
      </div>
      {reading !== null && progress && (
        <Field
          data-testid="import-progress"
          validationMessage={`${t("data.reading", { name: reading })} ${t("data.progress", { done: count(progress.rowsDone), total: progress.total > 0 ? count(progress.total) : "?" })}`}
          validationState="none"
        >
          <ProgressBar value={progress.total > 0 ? Math.min(1, progress.rowsDone / progress.total) : undefined} aria-label={t("data.reading", { name: reading })} />
        </Field>
      )}
      {summary && (
        <MessageBar intent={issues && issues.length > 0 ? "warning" : "info"} data-testid="import-summary">
          <MessageBarBody>{summary}</MessageBarBody>
        </MessageBar>
      )}
      <ResultBar outcome={writer.outcome} onOpenSheet={writer.openSheet} onDismiss={() => writer.setOutcome(null)} />
      {issues && (
        <div>
          <Text as="h3" weight="semibold">
            {t("data.issues")} ({issues.length})
          </Text>
          {issues.length === 0 ? (
            <Text>{t("data.noIssues")}</Text>
          ) : (
            <div className={styles.issues}>
              <Table size="extra-small" aria-label={t("data.issues")}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("data.issueRecord")}</TableHeaderCell>
                    <TableHeaderCell>{t("data.issueLine")}</TableHeaderCell>
                    <TableHeaderCell>{t("data.issueName")}</TableHeaderCell>
                    <TableHeaderCell>{t("data.issueReason")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {issues.slice(0, 200).map((issue) => (
                    <TableRow key={`${issue.record}-${issue.line}`}>
                      <TableCell>{issue.record}</TableCell>
                      <TableCell>{issue.line}</TableCell>
                      <TableCell>{issue.name || issue.id}</TableCell>
                      <TableCell>{issue.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </div>
      )}
      <Accordion collapsible multiple>
        <AccordionItem value="mapping">
          <AccordionHeader>{t("data.mapping")}</AccordionHeader>
          <AccordionPanel>
            <Text size={200}>{t("data.mappingHint")}</Text>
            {MAPPING_FIELDS.map((field) => (
              <Field key={field} label={t(`data.field.${field}` as UiKey)}>
                <Input value={columns[field] ?? ""} placeholder={t("data.useDefault")} onChange={(_e, d) => setColumns((c) => ({ ...c, [field]: d.value }))} />
              </Field>
            ))}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="pipeline">
          <AccordionHeader>{t("data.pipeline")}</AccordionHeader>
          <AccordionPanel>
            <Text size={200}>{t("data.pipelineHint")}</Text>
            {stages.map((stage, i) => {
              const wrong = pipelineCheck && "error" in pipelineCheck && pipelineCheck.row === i ? t(pipelineCheck.error) : undefined;
              return (
                <div className={styles.row} key={i}>
                  <Field label={`${t("data.stageName")} ${i + 1}`} className={styles.grow} validationState={wrong ? "error" : "none"} validationMessage={wrong}>
                    <Input value={stage.name} onChange={(_e, d) => setStages((s) => s.map((x, j) => (j === i ? { ...x, name: d.value } : x)))} />
                  </Field>
                  <Field label={t("data.stageProbability")} className={styles.narrow}>
                    <Input value={stage.probability} inputMode="decimal" onChange={(_e, d) => setStages((s) => s.map((x, j) => (j === i ? { ...x, probability: d.value } : x)))} />
                  </Field>
                  <Button aria-label={`${t("common.remove")} ${stage.name}`} onClick={() => setStages((s) => s.filter((_x, j) => j !== i))}>
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
            <Button onClick={() => setStages((s) => [...s, { name: "", probability: "50" }])}>{t("common.add")}</Button>
            <Field label={t("data.wonLabels")}>
              <Input value={won} onChange={(_e, d) => setWon(d.value)} />
            </Field>
            <Field label={t("data.lostLabels")}>
              <Input value={lost} onChange={(_e, d) => setLost(d.value)} />
            </Field>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {source && (
        <Button disabled={busy || (pipelineCheck !== null && "error" in pipelineCheck)} onClick={() => void run(source.name, source.input, true)}>
          {t("data.reimport")}
        </Button>
      )}
    </section>
  );
}
