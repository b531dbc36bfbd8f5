/**
 * Writes a plan through the host, shows the new sheet, and turns the result into an
 * Outcome for the ResultBar. Failures never escape: they become an error outcome.
 */
import * as React from "react";
import type { SheetRequest } from "../compose";
import type { WorkbookPlan } from "../workbook/plan";
import { useAppState } from "./appContext";
import type { CarriedInputs, Notice, Outcome } from "./components/ResultBar";
import { useUi } from "./uiContext";
import { rememberRequest } from "./wiring/updateWorkbook";

export interface WriteOptions {
  /** Roles whose tracked sheets the plan's sheets replace (host `writePlan` with `replace`). */
  replace?: readonly string[];
  /**
   * The pane request that made the plan: remembered per role after the write, so an update
   * rebuilds the sheet. Left out for a copy, which the workbook does not track.
   */
  request?: SheetRequest;
  /** The plan's sheets were made from typed example numbers (the dashboard leaves their charts out). */
  example?: boolean;
  /** What a replace carried over from the old sheets: shown with the success. */
  carried?: CarriedInputs;
}

export interface WritePlanState {
  busy: boolean;
  outcome: Outcome | null;
  setOutcome(outcome: Outcome | null): void;
  /** Resolves to the actual sheet names, or null when the write failed (the outcome says why). */
  write(plan: WorkbookPlan, pane: string, options?: WriteOptions): Promise<string[] | null>;
  openSheet(name: string): void;
}

export function useWritePlan(): WritePlanState {
  const { host, record, data, setData } = useAppState();
  const { locale } = useUi();
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);

  const write = React.useCallback(
    async (plan: WorkbookPlan, pane: string, options: WriteOptions = {}): Promise<string[] | null> => {
      setBusy(true);
      setOutcome(null);
      try {
        const result = await host.writePlan(plan, options.replace && options.replace.length > 0 ? { replace: options.replace } : undefined);
        const notices: Notice[] = [...result.notices];
        if (options.request) {
          try {
            await rememberRequest(host, plan, options.request);
          } catch (error) {
            // The sheets are written; only a later update will not know how to rebuild them.
            notices.push({ key: "common.notRemembered", cause: error });
          }
        }
        const plannedIndex = plan.activeSheet ? plan.sheets.findIndex((s) => s.name === plan.activeSheet) : -1;
        const show = result.sheets[plannedIndex >= 0 ? plannedIndex : result.sheets.length - 1] ?? result.sheets[0];
        if (show) {
          try {
            await host.activateSheet(show);
          } catch {
            // The sheet exists; not being able to show it is not a failure of the write.
          }
        }
        const charts = plan.sheets.flatMap((sheet, i) => (sheet.charts ?? []).map((chart) => ({ sheet: result.sheets[i] ?? sheet.name, chart, ...(options.example ? { example: true } : {}) })));
        record({ pane, sheets: result.sheets }, charts);
        // A plan that brought its own Deals sheet: later sheets in this language read that one.
        const dealsIndex = plan.sheets.findIndex((s) => s.tables?.some((table) => table.name === "Deals"));
        if (data && dealsIndex >= 0 && result.sheets[dealsIndex]) setData({ ...data, dealsSheet: result.sheets[dealsIndex], dealsLocale: locale });
        setOutcome({ kind: "success", message: { key: "common.success", values: { sheets: result.sheets } }, sheet: show, notices, ...(options.carried ? { carried: options.carried } : {}) });
        return result.sheets;
      } catch (error) {
        setOutcome({ kind: "error", message: { key: "common.writeFailed", cause: error } });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [host, record, data, setData, locale],
  );

  const openSheet = React.useCallback(
    (name: string) => {
      host.activateSheet(name).catch((error: unknown) => {
        setOutcome({ kind: "error", message: { key: "common.writeFailed", cause: error } });
      });
    },
    [host],
  );

  return { busy, outcome, setOutcome, write, openSheet };
}
