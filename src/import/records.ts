/** One cell as read from a file: text from CSV; text or a number from XLSX. */
export type RawCell = string | number;

/** One data record of an export, with where it is in the file. */
export interface RawRecord {
  /** 1-based index among data records (the header is not counted). */
  record: number;
  /** 1-based physical line (CSV) or sheet row (XLSX) where the record starts. */
  line: number;
  cells: RawCell[];
  /** Set when the reader saw broken quoting in this record. */
  malformed?: string;
  /** True when one or more blank lines come right before this record (a footer often follows a gap). */
  afterBlank?: boolean;
}

/** What a reader learned about the file besides its records. */
export interface ReadSummary {
  /** Non-blank records visited after the header (a footer, if any, included: the importer recognises it). */
  records: number;
  /** Blank records between the header and the last record (empty lines, rows of bare separators), skipped. */
  blankLines: number;
  /** CSV: the field separator used. */
  delimiter?: string;
}

/**
 * Visits the header, then every data record in file order. The header is the first non-blank
 * row the visitor takes: a row it refuses (a report's title or filter line above the table)
 * is passed over, and the next non-blank row is offered.
 */
export interface RecordVisitor {
  /** True when `cells` is the header; false when it is a line above it. */
  header(cells: string[], line: number): boolean;
  /**
   * The file ended before any row was taken as the header: throws why, when the visitor knows
   * (the reader then throws that instead of its own "empty file").
   */
  headerMissing?(): void;
  record(record: RawRecord): void;
}

/** True when every cell is blank (an empty line, or a row of bare separators). */
export function isBlankRecord(cells: readonly RawCell[]): boolean {
  for (const cell of cells) {
    if (typeof cell === "number") return false;
    if (cell.trim() !== "") return false;
  }
  return true;
}
