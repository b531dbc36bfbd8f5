import Papa from "papaparse";
import { ImportError } from "./errors";
import { isBlankRecord, ReadSummary, RecordVisitor } from "./records";

export interface CsvReadOptions {
  /** Called now and then with the share of the text read so far (0..1). */
  onProgress?: (fraction: number) => void;
  /** How many records between two progress calls (default 2,000). */
  progressEvery?: number;
}

/**
 * Reads CSV text record by record with papaparse, without keeping the parsed rows.
 *
 * Rules:
 * - RFC 4180: quoted fields may hold the separator, doubled quotes and line breaks; lines
 *   end in CRLF or LF; the separator is the one of comma, tab and semicolon that the
 *   header line holds most often (comma on a tie).
 * - Blank lines before the header are skipped; the first non-blank record is the header.
 * - The first blank record after the header ends the data: what follows is a footer
 *   (a Salesforce report's totals and notices) and is only counted.
 * - Every record carries its physical line: the line it starts on, counting the line breaks
 *   inside quoted fields of the records before it.
 *
 * @example
 * readCsvRecords('Name,Amount\n"A, Inc.",10\n', visitor) // header ["Name","Amount"], record 1 at line 2
 */
export function readCsvRecords(text: string, visitor: RecordVisitor, options: CsvReadOptions = {}): ReadSummary {
  const progressEvery = options.progressEvery ?? 2000;
  let line = 1;
  let headerSeen = false;
  let records = 0;
  let footerLine: number | null = null;
  let footerRecords = 0;

  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    delimiter: guessDelimiter(text),
    step: (result) => {
      const cells = result.data;
      const recordLine = line;
      line += 1 + countLineBreaks(cells);
      if (footerLine !== null) {
        if (!isBlankRecord(cells)) footerRecords++;
        return;
      }
      if (!headerSeen) {
        if (isBlankRecord(cells)) return;
        headerSeen = true;
        visitor.header(cells, recordLine);
        return;
      }
      if (isBlankRecord(cells)) {
        footerLine = recordLine;
        return;
      }
      records++;
      const quoteError = result.errors.find((error) => error.type === "Quotes");
      visitor.record({
        record: records,
        line: recordLine,
        cells,
        malformed: quoteError ? quoteError.message : undefined,
      });
      if (options.onProgress && records % progressEvery === 0) {
        options.onProgress(Math.min(1, result.meta.cursor / Math.max(1, text.length)));
      }
    },
  });
  if (!headerSeen) throw new ImportError("The file is empty: it has no header row.");
  options.onProgress?.(1);
  return { records, footerLine, footerRecords };
}

/** Line breaks inside a record's fields: CRLF, LF and a lone CR each count once. */
function countLineBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0) continue;
    for (let i = 0; i < cell.length; i++) {
      const code = cell.charCodeAt(i);
      if (code === 10) breaks++;
      else if (code === 13 && cell.charCodeAt(i + 1) !== 10) breaks++;
    }
  }
  return breaks;
}

/** The separator the first non-blank line uses most: comma, tab or semicolon (comma on a tie). */
export function guessDelimiter(text: string): "," | "\t" | ";" {
  const start = text.search(/[^\r\n]/);
  if (start < 0) return ",";
  const end = text.slice(start).search(/[\r\n]/);
  const line = end < 0 ? text.slice(start) : text.slice(start, start + end);
  let best: "," | "\t" | ";" = ",";
  let bestCount = line.split(",").length - 1;
  for (const candidate of ["\t", ";"] as const) {
    const count = line.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
