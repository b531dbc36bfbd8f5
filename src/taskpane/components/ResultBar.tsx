/**
 * The outcome of an action: a success bar (with a button to show the new sheet) or an
 * error bar saying what to do. Announced to screen readers by MessageBar's live region.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useUi } from "../uiContext";

export type Outcome =
  | { kind: "success"; text: string; sheet?: string; notices: string[] }
  | { kind: "error"; text: string; details?: string[] };

export function ResultBar(props: { outcome: Outcome | null; onOpenSheet?(name: string): void; onDismiss(): void }): JSX.Element | null {
  const { t } = useUi();
  const o = props.outcome;
  if (!o) return null;
  const sheet = o.kind === "success" ? o.sheet : undefined;
  return (
    <MessageBar intent={o.kind === "success" ? "success" : "error"} layout="multiline" data-testid={`outcome-${o.kind}`}>
      <MessageBarBody>
        <MessageBarTitle>{o.kind === "success" ? t("common.ok") : t("common.error")}</MessageBarTitle>
        {o.text}
        {o.kind === "success" && o.notices.length > 0 && (
          <ul>
            {o.notices.map((n) => (
              <li key={n}>{t("common.notice", { message: n })}</li>
            ))}
          </ul>
        )}
        {o.kind === "error" && o.details && o.details.length > 0 && (
          <ul>
            {o.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {sheet && props.onOpenSheet && (
          <Button size="small" onClick={() => props.onOpenSheet!(sheet)}>
            {t("common.openSheet")}
          </Button>
        )}
        <Button size="small" appearance="transparent" onClick={props.onDismiss}>
          {t("common.dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
