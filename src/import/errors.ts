import { importText, ImportErrorKey, ImportRowKey } from "../i18n/import";
import type { TextValues } from "../i18n/translate";

/**
 * The one failure of the import that is thrown rather than reported per row: a file that
 * cannot be read at all (no header, not CSV or XLSX, no column for the stage or the amount,
 * an encoding that does not decode). Rows that are merely bad never throw; they become
 * {@link ImportIssue}s.
 *
 * `message` is English; `importText(locale, error.messageKey, error.messageValues)` says the
 * same in another language.
 */
export class ImportError extends Error {
  override readonly name = "ImportError";
  /**
   * @param messageKey what went wrong, a key of the import catalog (src/i18n/import.en-US.ts)
   * @param messageValues the file's own words filling the text's placeholders
   */
  constructor(
    readonly messageKey: ImportErrorKey,
    readonly messageValues: TextValues = {},
  ) {
    super(importText("en-US", messageKey, messageValues));
  }
}

/**
 * Why a row was left out of every metric (`fieldCount` ... `missingAmount`), or what was
 * changed in a row that was imported all the same (a notice, see {@link NOTICE_REASONS}):
 * `textCut`, a text longer than an Excel cell cut to fit; `currency`, a currency cell that
 * is not a currency code, ignored; `valueIgnored`, a value the deal can do without (a created
 * date, the close date of an open deal, a probability, the amount of a deal not won) that
 * cannot be read, left blank or replaced by the stage default.
 */
export type ImportIssueReason =
  | "fieldCount"
  | "amount"
  | "date"
  | "stage"
  | "status"
  | "probability"
  | "missingAmount"
  | "textCut"
  | "currency"
  | "valueIgnored"
  /** The deal's id is on an earlier row already: the deal counts once. */
  | "duplicate";

/** Reasons of notices: the row's deal was imported; only a value of it was changed. */
export const NOTICE_REASONS: readonly ImportIssueReason[] = ["textCut", "currency", "valueIgnored"];

/**
 * True when the issue is a notice about a deal that was imported (a text cut, a currency
 * ignored), false when the row was left out.
 *
 * @example
 * result.issues.filter((issue) => !isNotice(issue)).length === result.stats.skipped // true
 */
export function isNotice(issue: Pick<ImportIssue, "reason">): boolean {
  return NOTICE_REASONS.includes(issue.reason);
}

/**
 * A row left out of the import, or a notice about a row imported with a value changed, with
 * what a person needs to find it in the file: the 1-based record number (header excluded),
 * the physical line where it starts (header = line 1), the row's id and name as exported
 * (cut to fit a cell), and the reason in plain words.
 */
export interface ImportIssue {
  record: number;
  line: number;
  id: string;
  name: string;
  reason: ImportIssueReason;
  /** Plain-English explanation naming the column and the value. */
  message: string;
  /** The same explanation as a key of the import catalog (src/i18n/import.en-US.ts)... */
  messageKey: ImportRowKey;
  /** ...and the values of its placeholders, so it reads in any language. */
  messageValues: TextValues;
  /** Notices only: the column whose value was changed, as the header names it. */
  column?: string;
  /** `textCut` only: the length of the text before the cut (UTF-16 code units, as Excel counts). */
  originalLength?: number;
}
