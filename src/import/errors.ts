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

/** Why a row was left out of every metric. */
export type ImportIssueReason =
  | "fieldCount"
  | "amount"
  | "date"
  | "stage"
  | "status"
  | "probability"
  | "missingAmount";

/**
 * A row left out of the import, with what a person needs to find it in the file:
 * the 1-based record number (header excluded), the physical line where it starts
 * (header = line 1), the row's id and name as exported, and the reason in plain words.
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
}
