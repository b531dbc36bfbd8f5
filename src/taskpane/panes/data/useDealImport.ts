/**
 * The Data pane's import: takes a file, the sample, the selection or a table, parses it
 * with progress, writes the Deals sheet through the host and keeps the summary and the
 * outcome. The state lives in importState.ts's reducer; this hook runs the steps and says
 * which one is running (reading, checking, writing N sheets) until the write has ended.
 */
import * as React from "react";
import { flushSync } from "react-dom";
import type { HostTable, TaskPaneHost } from "../../../host/types";
import { useAppState } from "../../appContext";
import type { Outcome } from "../../components/ResultBar";
import { effectiveCurrency } from "../../settings";
import { useUi } from "../../uiContext";
import { useWritePlan } from "../../useWritePlan";
import { ImportChoices, importExport, ImportProgressReport, ImportResult, planImportedSheets, tableToCsv } from "../../wiring/importDeals";
import { tracksDeals, updateTracked } from "../../wiring/updateWorkbook";
import { importNotes } from "../../../import/notes";
import { LOCALES, Locale } from "../../../core/locale";
import { checkPipeline, choicesForNewFile, DealImportState, dealImportReducer, ImportSource, initialImportState, OptionAction, PipelineCheck } from "./importState";

export interface DealImport {
  state: DealImportState;
  /** Null while the pipeline editor is empty. */
  pipelineCheck: PipelineCheck | null;
  /** An import or a write is running: the buttons that start one are off. */
  busy: boolean;
  canLoadSample: boolean;
  edit(action: OptionAction): void;
  chooseTable(table: string): void;
  importFile(file: File): void;
  importSample(): void;
  importSelection(): void;
  importTable(): void;
  /** Reads the last source again with the edited mapping and pipeline. */
  reimport(): void;
  /**
   * The workbook already tracks a Deals sheet: a file read is not written at once but waits
   * for the user's choice, Update deals (the primary action) or a fresh import.
   */
  tracked: boolean;
  /** A file read and waiting for that choice. */
  ready: boolean;
  /** Rebuilds Deals and every remembered sheet over the file read, keeping typed inputs. */
  update(): void;
  /** Writes the file read as new sheets beside the tracked ones (an untracked copy). */
  importNew(): void;
  /** The write's outcome, or why the import failed. */
  outcome: Outcome | null;
  dismissOutcome(): void;
  openSheet(name: string): void;
}

/**
 * Lets the browser paint a new step before work that may hold the main thread (planning or
 * writing a large sheet). A hidden pane gets no animation frames: the timer goes on anyway.
 */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    if (typeof requestAnimationFrame === "function") {
      requestAnimationFrame(() => {
        clearTimeout(timer);
        setTimeout(resolve, 0);
      });
    }
  });
}

/** A file read and waiting for the user's choice, with the rows its reading reported. */
interface ReadFile {
  result: ImportResult;
  source: ImportSource;
  read: ImportProgressReport;
}

export function useDealImport(): DealImport {
  const { locale } = useUi();
  const { host, settings, data, setData, record } = useAppState();
  const writer = useWritePlan();
  const [state, dispatch] = React.useReducer(dealImportReducer, initialImportState);
  const pipelineCheck = checkPipeline(state.options);
  const [tracked, setTracked] = React.useState(false);
  const [ready, setReady] = React.useState<ReadFile | null>(null);
  const [updating, setUpdating] = React.useState(false);

  // Whether an import is an update: asked again after every import (data changes).
  React.useEffect(() => {
    let current = true;
    void tracksDeals(host).then((yes) => {
      if (current) setTracked(yes);
    });
    return () => {
      current = false;
    };
  }, [host, data]);

  React.useEffect(() => {
    let current = true;
    const listed = (tables: string[]) => {
      if (current) dispatch({ type: "tablesListed", tables });
    };
    host.listTables().then(listed, () => listed([]));
    return () => {
      current = false;
    };
  }, [host, data]);

  /** A failed import leaves no summary behind (not this file's, not the one before). */
  const fail = (error: unknown) => {
    dispatch({ type: "started" });
    setReady(null);
    writer.setOutcome({ kind: "error", message: { key: "data.failed", cause: error } });
  };

  /** Every import starts here: the previous file's summary and error leave the screen. */
  const start = () => {
    dispatch({ type: "started" });
    setReady(null);
    writer.setOutcome(null);
  };

  /** Shows a step now (committed, then painted) before the work it names starts. */
  const showStep = async (action: { type: "checking" } | { type: "writing"; sheets: number | null } | { type: "resumed"; name: string; read: ImportProgressReport }) => {
    flushSync(() => dispatch(action));
    await nextPaint();
  };

  /** The fresh import: Deals (and ImportIssues) written as new sheets. */
  const writeNew = async (result: ImportResult, source: ImportSource) => {
    const currency = effectiveCurrency(settings, locale, result.deals);
    const planned = await planImportedSheets(result, locale, currency);
    if (!planned.ok) {
      // Said in every language, so the details follow a change of the pane's language.
      const byLocale: Partial<Record<Locale, string[]>> = { [locale]: planned.errors.map((e) => e.message) };
      for (const other of LOCALES) {
        if (other === locale) continue;
        const again = await planImportedSheets(result, other, currency).catch(() => null);
        if (again && !again.ok) byLocale[other] = again.errors.map((e) => e.message);
      }
      writer.setOutcome({ kind: "error", message: { key: "common.fixErrors" }, details: { byLocale } });
      return;
    }
    await showStep({ type: "writing", sheets: planned.plan.sheets.length });
    const written = await writer.write(planned.plan, "data");
    setData({ deals: result.deals, pipeline: result.pipeline, dealsSheet: written ? written[0] : null, dealsLocale: written ? locale : null, fileName: source.name });
  };

  /** The monthly update: Deals and every remembered sheet rebuilt over the new deals, typed inputs kept. */
  const runUpdate = async ({ result, source, read }: ReadFile) => {
    setUpdating(true);
    writer.setOutcome(null);
    try {
      await showStep({ type: "resumed", name: source.name, read });
      // The update plans and writes in one call: its write says how many sheets it writes.
      const stepping: TaskPaneHost = {
        ...host,
        writePlan: async (plan, options) => {
          await showStep({ type: "writing", sheets: plan.sheets.length });
          return host.writePlan(plan, options);
        },
      };
      const currency = effectiveCurrency(settings, locale, result.deals);
      const updated = await updateTracked(stepping, { deals: result.deals, pipeline: result.pipeline, issues: result.issues, notes: importNotes(result.detected) }, { locale, currency });
      if (!updated.ok) {
        writer.setOutcome({ kind: "error", message: { key: "common.fixErrors" }, details: updated.errors });
        return;
      }
      setReady(null);
      const sheets = updated.write.sheets;
      const dealsIndex = updated.plan.sheets.findIndex((s) => s.role === "deals");
      const dealsSheet = sheets[dealsIndex] ?? sheets[0] ?? null;
      const charts = updated.plan.sheets.flatMap((sheet, i) => (sheet.charts ?? []).map((chart) => ({ sheet: sheets[i] ?? sheet.name, chart })));
      record({ pane: "data", sheets }, charts);
      setData({ deals: result.deals, pipeline: result.pipeline, dealsSheet, dealsLocale: dealsSheet ? locale : null, fileName: source.name });
      if (dealsSheet) {
        try {
          await host.activateSheet(dealsSheet);
        } catch {
          // Written; not being able to show it is not a failure of the update.
        }
      }
      writer.setOutcome({
        kind: "success",
        message: { key: "data.updated", values: { sheets } },
        sheet: dealsSheet ?? undefined,
        notices: updated.write.notices,
        carried: { kept: updated.carried, orphans: updated.orphans },
      });
    } catch (error) {
      writer.setOutcome({ kind: "error", message: { key: "common.writeFailed", cause: error } });
    } finally {
      dispatch({ type: "settled" });
      setUpdating(false);
    }
  };

  const run = async (source: ImportSource, usePipeline: boolean) => {
    // The bar is committed now and at every slice the importer reports (it yields a macrotask
    // after each), so the counts are on screen while the rest of the file is read.
    flushSync(() => dispatch({ type: "reading", source }));
    let read: ImportProgressReport = { rowsDone: 0, total: 0 };
    const showProgress = (report: ImportProgressReport) => {
      read = report;
      flushSync(() => dispatch({ type: "progress", report }));
    };
    try {
      const { options } = state;
      // Re-importing the same file reads it with every option as shown; a new file is
      // detected afresh except for what the user pinned.
      const choices: ImportChoices = {
        ...(usePipeline
          ? { preset: options.preset, encoding: options.encoding, dateOrder: options.dateOrder, decimalMark: options.decimalMark, columns: options.columns }
          : choicesForNewFile(options)),
        pipeline: usePipeline && pipelineCheck && "pipeline" in pipelineCheck ? pipelineCheck.pipeline : undefined,
        // A pipeline chosen for this file; a new file has its own pipelines.
        onlyPipeline: usePipeline && options.onlyPipeline !== "" ? options.onlyPipeline : undefined,
        currency: settings.currency || undefined,
      };
      const result = await importExport(source.input, choices, showProgress);
      // Read: the count is final (a small file or a workbook read reports no slices).
      const rows = Math.max(read.rowsDone, result.deals.length + result.issues.length);
      read = { rowsDone: rows, total: rows };
      dispatch({ type: "progress", report: read });
      dispatch({ type: "parsed", result });
      await showStep({ type: "checking" });
      // The workbook already tracks Deals: the user chooses between an update and a fresh import.
      if (await tracksDeals(host)) {
        setTracked(true);
        setReady({ result, source, read });
        return;
      }
      await writeNew(result, source);
    } catch (error) {
      fail(error);
    } finally {
      dispatch({ type: "settled" });
    }
  };

  const importFile = async (file: File) => {
    start();
    try {
      await run({ name: file.name, input: new Uint8Array(await file.arrayBuffer()) }, false);
    } catch (error) {
      fail(error);
    }
  };

  const fromWorkbook = async (read: () => Promise<HostTable>, name: string) => {
    start();
    try {
      await run({ name, input: tableToCsv(await read()) }, false);
    } catch (error) {
      fail(error);
    }
  };

  const importSample = () => {
    if (!host.loadSample) return;
    start();
    void host.loadSample().then(({ name, bytes }) => run({ name, input: bytes }, false), fail);
  };

  return {
    state,
    pipelineCheck,
    busy: state.reading !== null || writer.busy || updating,
    canLoadSample: Boolean(host.loadSample),
    edit: dispatch,
    chooseTable: (table) => dispatch({ type: "tableChosen", table }),
    importFile: (file) => void importFile(file),
    importSample,
    importSelection: () => void fromWorkbook(() => host.readSelection(), "selection"),
    importTable: () => void fromWorkbook(() => host.readTable(state.table), state.table),
    reimport: () => {
      if (!state.source) return;
      start();
      void run(state.source, true);
    },
    tracked,
    ready: ready !== null,
    update: () => {
      if (ready) void runUpdate(ready);
    },
    importNew: () => {
      if (!ready) return;
      const { result, source, read } = ready;
      setReady(null);
      void showStep({ type: "resumed", name: source.name, read })
        .then(() => writeNew(result, source))
        .catch(fail)
        .finally(() => dispatch({ type: "settled" }));
    },
    outcome: writer.outcome,
    dismissOutcome: () => writer.setOutcome(null),
    openSheet: writer.openSheet,
  };
}
