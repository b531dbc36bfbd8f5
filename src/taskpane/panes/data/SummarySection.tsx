/**
 * What the last import read: the counts and the preset in the pane's language, then the write's outcome (the children, shown
 * whether or not there is a result), then the rows it left out, the first 200 of them.
 */
import * as React from "react";
import { makeStyles, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { useUi } from "../../uiContext";
import { importText } from "../../../i18n/import";
import { presetName } from "../../../import/presets";
import type { DealImportState } from "./importState";

const useStyles = makeStyles({
  issues: { maxHeight: "16em", overflowY: "auto" },
  /** A heading on its own line (Text renders inline). */
  heading: { display: "block", marginBottom: "4px" },
  notes: { margin: 0, paddingLeft: "1.2em", overflowWrap: "anywhere" },
  /**
   * The issues table fits a narrow pane: its columns take the room their text needs (record
   * and line numbers little, the reason the most) and a long value breaks instead of
   * pushing the table wider (a reason anywhere, the other columns between words first).
   */
  table: { tableLayout: "auto" },
  cell: { overflowWrap: "break-word" },
  reason: { overflowWrap: "anywhere" },
});

export function SummarySection(props: { result: DealImportState["result"]; children?: React.ReactNode }): JSX.Element {
  const styles = useStyles();
  const { t, locale } = useUi();
  const { result } = props;
  const notes = result?.notes ?? [];
  const issues = result?.issues ?? [];
  return (
    <>
      {result && (
        <MessageBar intent={issues.length > 0 ? "warning" : "info"} data-testid="import-summary">
          <MessageBarBody>
            {t("data.done", { deals: result.deals.toLocaleString(locale), issues: issues.length.toLocaleString(locale), preset: presetName(result.preset, locale) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {notes.length > 0 && (
        <div data-testid="import-notes">
          <Text as="h3" weight="semibold" className={styles.heading}>
            {t("data.fileNotes")}
          </Text>
          <ul className={styles.notes}>
            {notes.map((note) => (
              <li key={note.key}>
                <Text>{importText(locale, note.key, note.values)}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.children}
      {result && (
        <div>
          <Text as="h3" weight="semibold" className={styles.heading}>
            {t("data.issues")} ({issues.length})
          </Text>
          {issues.length === 0 ? (
            <Text>{t("data.noIssues")}</Text>
          ) : (
            <div className={styles.issues}>
              <Table className={styles.table} size="extra-small" aria-label={t("data.issues")}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.cell}>{t("data.issueRecord")}</TableHeaderCell>
                    <TableHeaderCell className={styles.cell}>{t("data.issueLine")}</TableHeaderCell>
                    <TableHeaderCell className={styles.cell}>{t("data.issueName")}</TableHeaderCell>
                    <TableHeaderCell className={styles.reason}>{t("data.issueReason")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {issues.slice(0, 200).map((issue) => (
                    <TableRow key={`${issue.record}-${issue.line}`}>
                      <TableCell className={styles.cell}>{issue.record}</TableCell>
                      <TableCell className={styles.cell}>{issue.line}</TableCell>
                      <TableCell className={styles.cell}>{issue.name || issue.id}</TableCell>
                      <TableCell className={styles.reason}>{issue.messageKey ? importText(locale, issue.messageKey, issue.messageValues) : issue.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </div>
      )}
    </>
  );
}
