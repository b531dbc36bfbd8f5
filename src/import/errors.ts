/**
 * The one failure of the import that is thrown rather than reported per row: a file that
 * cannot be read at all (no header, not CSV or XLSX, no column for the stage or the amount,
 * an encoding that does not decode). Rows that are merely bad never throw; they become
 * {@link ImportIssue}s.
 */
export class ImportError extends Error {
  override readonly name = "ImportError";
  constructor(message: string) {
    super(message);
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
}
