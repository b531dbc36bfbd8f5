/**
 * The outcome of an action: a success bar (with a button to show the new sheet) or an
 * error bar saying what to do. Announced to screen readers by MessageBar's live region.
 *
 * An outcome keeps its message as a catalog key with its values, never as formatted text:
 * it is formatted when shown, so a message written before the pane's language changed reads
 * in the new language. The values (sheet names, a host's own words) stay as written.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { Locale } from "../../core/locale";
import { importText, type ImportErrorKey } from "../../i18n/import";
import type { TextValues } from "../../i18n/translate";
import { formatUi, type UiKey } from "../../i18n/uiLocale";
import type { OrphanInput } from "../../workbook/inputs";
import { isFormulaCell, type PlanCell } from "../../workbook/plan";
import { useUi } from "../uiContext";

/** What an update or a replace carried over: how many typed inputs, and those whose row is gone. */
export interface CarriedInputs {
  kept: number;
  orphans: OrphanInput[];
  /** Cells that took the value the form gave instead of the one on the sheet. */
  replaced?: number;
}

/**
 * A message kept until it is shown: a task pane catalog key, the values of its placeholders
 * (as written: sheet names, numbers; a list is joined the language's way) and, for a
 * failure, what failed, which fills the `{message}` placeholder (see {@link failureText}).
 *
 * @example
 * { key: "common.success", values: { sheets: ["Deals", "ImportIssues"] } } // "Created Deals, ImportIssues." / "已创建 Deals、ImportIssues。"
 */
export interface PaneMessage {
  key: UiKey;
  values?: Readonly<Record<string, string | number | readonly string[]>>;
  /** The error that failed the action: its words fill `{message}`. */
  cause?: unknown;
}

/** A host's notice (its own words) or a message of the pane. */
export type Notice = string | PaneMessage;

/**
 * The details of an error: a host's or a file's own words, or what a generator said in each
 * language (it formats its messages itself), shown in the pane's language.
 */
export type Details = string[] | { byLocale: Partial<Record<Locale, readonly string[]>> };

export type Outcome =
  | { kind: "success"; message: PaneMessage; sheet?: string; notices: Notice[]; carried?: CarriedInputs }
  | { kind: "error"; message: PaneMessage; details?: Details };

/**
 * What was said in `locale`, else in the first language it was said in.
 *
 * @example
 * inLocale({ "en-US": ["Too low"], "zh-CN": ["太低"] }, "zh-CN") // ["太低"]
 */
export function inLocale<T>(said: Partial<Record<Locale, readonly T[]>>, locale: Locale): readonly T[] {
  return said[locale] ?? Object.values(said).find((x) => x !== undefined) ?? [];
}

function detailsIn(details: Details | undefined, locale: Locale): readonly string[] {
  if (details === undefined) return [];
  return "byLocale" in details ? inLocale(details.byLocale, locale) : details;
}

/** An import error (src/import/errors.ts) read without importing the import module: its key and values. */
interface KeyedImportError {
  messageKey: ImportErrorKey;
  messageValues?: TextValues;
}

function isImportError(error: unknown): error is Error & KeyedImportError {
  return error instanceof Error && error.name === "ImportError" && typeof (error as Partial<KeyedImportError>).messageKey === "string";
}

/**
 * What a failure says, in `locale`: an import error (a file that cannot be read) in the
 * pane's language from its key, any other error as it was thrown (a host's or Excel's words).
 *
 * @example
 * failureText(new ImportError("error.emptyFile"), "zh-CN") // the import catalog's zh-CN text
 * failureText(new Error("Sheet is protected."), "zh-CN") // "Sheet is protected."
 */
export function failureText(error: unknown, locale: Locale): string {
  if (isImportError(error)) return importText(locale, error.messageKey, error.messageValues ?? {});
  return error instanceof Error ? error.message : String(error);
}

/**
 * A kept message in `locale`.
 *
 * @example
 * formatMessage({ key: "data.updated", values: { sheets: "Deals" } }, "zh-CN") // "已更新 Deals。"
 */
export function formatMessage(message: PaneMessage, locale: Locale): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) values[name] = typeof value === "object" ? joinList(value, locale) : value;
  if ("cause" in message) values.message = failureText(message.cause, locale);
  return formatUi(locale, message.key, values);
}

/**
 * Names listed the language's way: "Deals, Funnel" / "Deals、Funnel".
 *
 * @example
 * joinList(["商机", "销售漏斗"], "zh-CN") // "商机、销售漏斗"
 */
export function joinList(items: readonly string[], locale: Locale): string {
  return items.join(formatUi(locale, "common.listSeparator"));
}

/** A notice in `locale`: a host's own words as they are, a pane message formatted. */
function noticeText(notice: Notice, locale: Locale): string {
  return typeof notice === "string" ? notice : formatMessage(notice, locale);
}

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
  const { kept, orphans, replaced = 0 } = props.carried;
  return (
    <div data-testid="carried-inputs">
      <Text block>{kept === 1 ? t("common.keptOne") : t("common.kept", { count: kept.toLocaleString(locale) })}</Text>
      {replaced > 0 && (
        <Text block data-testid="replaced-inputs">
          {t("common.replaced", { count: replaced.toLocaleString(locale) })}
        </Text>
      )}
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
  const { t, locale } = useUi();
  const o = props.outcome;
  if (!o) return null;
  const sheet = o.kind === "success" ? o.sheet : undefined;
  const details = o.kind === "error" ? detailsIn(o.details, locale) : [];
  return (
    <MessageBar intent={o.kind === "success" ? "success" : "error"} layout="multiline" data-testid={`outcome-${o.kind}`}>
      <MessageBarBody>
        <MessageBarTitle>{o.kind === "success" ? t("common.ok") : t("common.error")}</MessageBarTitle>
        {formatMessage(o.message, locale)}
        {o.kind === "success" && o.notices.length > 0 && (
          <ul>
            {o.notices.map((n, i) => (
              <li key={i}>{t("common.notice", { message: noticeText(n, locale) })}</li>
            ))}
          </ul>
        )}
        {o.kind === "success" && o.carried && <CarriedList carried={o.carried} />}
        {details.length > 0 && (
          <ul>
            {details.map((d) => (
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
