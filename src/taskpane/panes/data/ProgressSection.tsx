/** The bar and row counts of a running import; the total is "?" until the reader can estimate it. */
import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import { useUi } from "../../uiContext";
import type { ImportProgressReport } from "../../wiring/importDeals";

export function ProgressSection(props: { name: string; progress: ImportProgressReport }): JSX.Element {
  const { t, locale } = useUi();
  const { name, progress } = props;
  const count = (n: number) => n.toLocaleString(locale);
  return (
    <Field
      data-testid="import-progress"
      validationMessage={`${t("data.reading", { name })} ${t("data.progress", { done: count(progress.rowsDone), total: progress.total > 0 ? count(progress.total) : "?" })}`}
      validationState="none"
    >
      <ProgressBar value={progress.total > 0 ? Math.min(1, progress.rowsDone / progress.total) : undefined} aria-label={t("data.reading", { name })} />
    </Field>
  );
}
