/**
 * The outcome of an action: a success bar (with a button to show the new sheet) or an
 * error bar saying what to do. Announced to screen readers by MessageBar's live region.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { OrphanInput } from "../../workbook/inputs";
import { isFormulaCell, type PlanCell } from "../../workbook/plan";
import { useUi } from "../uiContext";

/** What an update or a replace carried over: how many typed inputs, and those whose row is gone. */
export interface CarriedInputs {
  kept: number;
  orphans: OrphanInput[];
}

export type Outcome =
  | { kind: "success"; text: string; sheet?: string; notices: string[]; carried?: CarriedInputs }
  | { kind: "error"; text: string; details?: string[] };

/** A typed cell as the user sees it: a formula as typed, numbers and text as they are. */
function cellText(cell: PlanCell): string {
  if (cell === null || cell === undefined) return "";
  return isFormulaCell(cell) ? cell.f : String(cell);
}

/**
 * How many typed inputs a rebuild kept, and every one it could not put back (its row key is
 * gone: the rep left, the stage was removed), by sheet, key and value: never dropped silently.
 */
export function CarriedList(props: { carried: CarriedInputs }): JSX.Element {
  const { t, locale } = useUi();
  const { kept, orphans } = props.carried;
  return (
    <div data-testid="carried-inputs">
      <Text block>{t("common.kept", { count: kept.toLocaleString(locale) })}</Text>
      {orphans.length > 0 && (
        <>
          <Text block>{t("common.orphans")}</Text>
          <Table size="extra-small" aria-label={t("common.orphans")} data-testid="orphan-inputs">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("common.orphanSheet")}</TableHeaderCell>
                <TableHeaderCell>{t("common.orphanKey")}</TableHeaderCell>
                <TableHeaderCell>{t("common.orphanValue")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {orphans.map((o, i) => (
                <TableRow key={`${o.role}-${o.input}-${o.key}-${i}`}>
                  <TableCell>{o.sheet}</TableCell>
                  <TableCell>{o.key}</TableCell>
                  <TableCell>{o.values.map(cellText).filter((v) => v !== "").join(", ")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}

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
        {o.kind === "success" && o.carried && <CarriedList carried={o.carried} />}
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
