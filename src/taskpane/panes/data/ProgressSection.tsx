/**
 * A running import, step by step: reading the export (the bar and the row counts; the total
 * is "?" until the reader can estimate it), checking the deals, writing the sheets (how many,
 * once planned). Steps done carry a check mark, the running one is the list's current step
 * and the bar runs without an end while checking and writing.
 */
import * as React from "react";
import { makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { useUi } from "../../uiContext";
import type { ImportProgressReport } from "../../wiring/importDeals";
import type { ImportStep } from "./importState";

const useStyles = makeStyles({
  steps: { margin: 0, marginTop: tokens.spacingVerticalXS, paddingLeft: "1.4em", overflowWrap: "anywhere" },
  pending: { color: tokens.colorNeutralForeground3 },
  current: { fontWeight: tokens.fontWeightSemibold },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

const ORDER: ImportStep["kind"][] = ["reading", "checking", "writing"];

export function ProgressSection(props: { name: string; progress: ImportProgressReport; step: ImportStep }): JSX.Element {
  const styles = useStyles();
  const { t, locale } = useUi();
  const { name, progress, step } = props;
  const count = (n: number) => n.toLocaleString(locale);
  const at = ORDER.indexOf(step.kind);
  const reading = `${t("data.reading", { name })} ${t("data.progress", { done: count(progress.rowsDone), total: progress.total > 0 ? count(progress.total) : "?" })}`;
  const sheets = step.kind === "writing" ? step.sheets : null;
  const text: Record<ImportStep["kind"], string> = {
    reading: at === 0 ? reading : t("data.stepRead", { name, rows: count(progress.rowsDone) }),
    checking: t("data.stepChecking"),
    writing: sheets === null ? t("data.stepWritingPending") : sheets === 1 ? t("data.stepWritingOne") : t("data.stepWriting", { count: count(sheets) }),
  };
  const value = step.kind === "reading" && progress.total > 0 ? Math.min(1, progress.rowsDone / progress.total) : undefined;
  return (
    <div data-testid="import-progress" data-step={step.kind}>
      <ProgressBar value={value} aria-label={text[step.kind]} />
      <ol className={styles.steps} aria-label={t("data.steps")} data-testid="import-steps">
        {ORDER.map((kind, i) => {
          const state = i < at ? "done" : i === at ? "current" : "pending";
          return (
            <li key={kind} data-testid={`import-step-${kind}`} data-state={state} aria-current={state === "current" ? "step" : undefined} className={state === "pending" ? styles.pending : state === "current" ? styles.current : undefined}>
              <Text size={200} className={state === "current" ? styles.current : undefined}>
                {text[kind]}
                {state === "done" && (
                  <>
                    <span aria-hidden="true"> ✓</span>
                    <span className={styles.hidden}> ({t("data.stepDone")})</span>
                  </>
                )}
              </Text>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
