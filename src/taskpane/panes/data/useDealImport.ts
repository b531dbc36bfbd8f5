/**
 * The Data pane's import: takes a file, the sample, the selection or a table, parses it
 * with progress, writes the Deals sheet through the host and keeps the summary and the
 * outcome. The state lives in importState.ts's reducer; this hook runs the steps.
 */
import * as React from "react";
import { flushSync } from "react-dom";
import { PRESETS } from "../../../import/presets";
import type { HostTable } from "../../../host/types";
import { useAppState } from "../../appContext";
import type { Outcome } from "../../components/ResultBar";
import { effectiveCurrency } from "../../settings";
import { useUi } from "../../uiContext";
import { useWritePlan } from "../../useWritePlan";
import { ImportChoices, importExport, ImportProgressReport, planImportedSheets, tableToCsv } from "../../wiring/importDeals";
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
  /** The write's outcome, or why the import failed. */
  outcome: Outcome | null;
  dismissOutcome(): void;
  openSheet(name: string): void;
}

export function useDealImport(): DealImport {
  const { t, locale } = useUi();
  const { host, settings, data, setData } = useAppState();
  const writer = useWritePlan();
  const [state, dispatch] = React.useReducer(dealImportReducer, initialImportState);
  const pipelineCheck = checkPipeline(state.options);

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

  const fail = (error: unknown) => writer.setOutcome({ kind: "error", text: t("data.failed", { message: error instanceof Error ? error.message : String(error) }) });

  /** Every import starts here: the previous file's summary and error leave the screen. */
  const start = () => {
    dispatch({ type: "started" });
    writer.setOutcome(null);
  };

  const run = async (source: ImportSource, usePipeline: boolean) => {
    // The bar is committed now and at every slice the importer reports (it yields a macrotask
    // after each), so the counts are on screen while the rest of the file is read.
    flushSync(() => dispatch({ type: "reading", source }));
    const showProgress = (report: ImportProgressReport) => flushSync(() => dispatch({ type: "progress", report }));
    try {
      const { options } = state;
      // Re-importing the same file reads it with every option as shown; a new file is
      // detected afresh except for what the user pinned.
      const choices: ImportChoices = {
        ...(usePipeline
          ? { preset: options.preset, encoding: options.encoding, dateOrder: options.dateOrder, decimalMark: options.decimalMark, columns: options.columns }
          : choicesForNewFile(options)),
        pipeline: usePipeline && pipelineCheck && "pipeline" in pipelineCheck ? pipelineCheck.pipeline : undefined,
        currency: settings.currency || undefined,
      };
      const result = await importExport(source.input, choices, showProgress);
      const summary = t("data.done", {
        deals: result.deals.length.toLocaleString(locale),
        issues: result.issues.length.toLocaleString(locale),
        preset: PRESETS[result.preset]?.label ?? result.preset,
      });
      dispatch({ type: "parsed", result, summary });
      const planned = await planImportedSheets(result, locale, effectiveCurrency(settings, locale, result.deals));
      if (!planned.ok) {
        writer.setOutcome({ kind: "error", text: t("common.fixErrors"), details: planned.errors.map((e) => e.message) });
        return;
      }
      const written = await writer.write(planned.plan, "data");
      setData({ deals: result.deals, pipeline: result.pipeline, dealsSheet: written ? written[0] : null, dealsLocale: written ? locale : null, fileName: source.name });
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
    busy: state.reading !== null || writer.busy,
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
    outcome: writer.outcome,
    dismissOutcome: () => writer.setOutcome(null),
    openSheet: writer.openSheet,
  };
}
