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
  const stepper = new CsvRecordStepper(visitor);
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    delimiter: guessDelimiter(text),
    step: (result) => {
      if (stepper.take(result) && options.onProgress && stepper.records % progressEvery === 0) {
        options.onProgress(Math.min(1, result.meta.cursor / Math.max(1, text.length)));
      }
    },
  });
  return stepper.finish(options.onProgress);
}

/** About 256 K characters: 1,500 to 3,000 records of a typical CRM export. */
export const DEFAULT_SLICE_CHARS = 256 * 1024;

export interface CsvSliceOptions {
  /** Called after every slice with the share of the text read so far (0..1), then with 1. */
  onProgress?: (fraction: number) => void;
  /** Characters per slice (default {@link DEFAULT_SLICE_CHARS}). */
  sliceChars?: number;
  /** How to give the event loop back between slices (default {@link nextMacrotask}). */
  yieldBetweenSlices?: () => Promise<void>;
}

/**
 * The same reading as {@link readCsvRecords}, in slices: papaparse reads about
 * `sliceChars` characters, the records complete in them are visited, progress is reported,
 * and the next slice starts only after a macrotask, so a task pane stays responsive and its
 * progress bar moves during a long import.
 *
 * Rules:
 * - Exactly the records, lines, footer and errors of {@link readCsvRecords}: a record cut by
 *   a slice boundary (even inside a quoted field) is carried into the next slice whole.
 * - Memory stays bounded like the synchronous reader: parsed rows are handed to the visitor
 *   and not kept.
 * - A visitor that throws (an {@link ImportError} for an unreadable header) rejects the promise
 *   and stops the reading.
 *
 * @example
 * const summary = await readCsvRecordsInSlices(text, visitor, { onProgress: (f) => bar.set(f) });
 */
export function readCsvRecordsInSlices(text: string, visitor: RecordVisitor, options: CsvSliceOptions = {}): Promise<ReadSummary> {
  const stepper = new CsvRecordStepper(visitor);
  const sliceChars = Math.max(1, Math.floor(options.sliceChars ?? DEFAULT_SLICE_CHARS));
  const yieldBetweenSlices = options.yieldBetweenSlices ?? nextMacrotask;
  const delimiter = guessDelimiter(text);
  const newline = lineBreakOf(text, delimiter);
  return new Promise<ReadSummary>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    const guard = (work: () => void) => {
      try {
        work();
      } catch (error) {
        fail(error);
      }
    };
    guard(() =>
      Papa.parse<string[]>(text, {
        header: false,
        skipEmptyLines: false,
        dynamicTyping: false,
        delimiter,
        newline,
        chunkSize: sliceChars,
        step: (result, parser) => {
          if (failed) {
            parser.abort();
            return;
          }
          stepper.take(result);
        },
        chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
          if (failed) return;
          options.onProgress?.(Math.min(1, result.meta.cursor / Math.max(1, text.length)));
          parser.pause();
          yieldBetweenSlices().then(
            () => guard(() => parser.resume()),
            (error: unknown) => fail(error),
          );
        },
        complete: () => {
          if (failed) return;
          guard(() => resolve(stepper.finish(options.onProgress)));
        },
      }),
    );
  });
}

/**
 * The line break papaparse finds when it reads the whole text in one pass (it looks at the
 * first megabyte, outside quotes). A sliced read must use it from the first slice: guessed
 * from a short first slice it could differ.
 */
function lineBreakOf(text: string, delimiter: string): "\r\n" | "\n" | "\r" {
  const probe = Papa.parse<string[]>(text.substring(0, 1024 * 1024), { delimiter, preview: 1 });
  const found = probe.meta.linebreak;
  return found === "\r\n" || found === "\r" ? found : "\n";
}

/**
 * Resolves on a later turn of the event loop (a macrotask, not a microtask), so the host can
 * paint and handle input in between: `setImmediate` where it exists (Node), else a
 * `MessageChannel` message (browsers, without the 4 ms clamp of nested timers), else a timer.
 *
 * @example
 * await nextMacrotask(); // the pane has had a chance to repaint
 */
export function nextMacrotask(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (typeof immediate === "function") return new Promise((resolve) => immediate(() => resolve()));
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Turns papaparse's rows into header and records: blank lines before the header skipped,
 * the footer after the first blank record only counted, physical lines tracked.
 */
class CsvRecordStepper {
  private line = 1;
  private headerSeen = false;
  records = 0;
  private footerLine: number | null = null;
  private footerRecords = 0;

  constructor(private readonly visitor: RecordVisitor) {}

  /** Takes one parsed row; true when it was a data record. */
  take(result: Papa.ParseStepResult<string[]>): boolean {
    const cells = result.data;
    const recordLine = this.line;
    this.line += 1 + countLineBreaks(cells);
    if (this.footerLine !== null) {
      if (!isBlankRecord(cells)) this.footerRecords++;
      return false;
    }
    if (!this.headerSeen) {
      if (isBlankRecord(cells)) return false;
      this.headerSeen = true;
      this.visitor.header(cells, recordLine);
      return false;
    }
    if (isBlankRecord(cells)) {
      this.footerLine = recordLine;
      return false;
    }
    this.records++;
    const quoteError = result.errors.find((error) => error.type === "Quotes");
    this.visitor.record({
      record: this.records,
      line: recordLine,
      cells,
      malformed: quoteError ? quoteError.message : undefined,
    });
    return true;
  }

  /** The summary; an {@link ImportError} when no header was found. */
  finish(onProgress?: (fraction: number) => void): ReadSummary {
    if (!this.headerSeen) throw new ImportError("error.emptyFile");
    onProgress?.(1);
    return { records: this.records, footerLine: this.footerLine, footerRecords: this.footerRecords };
  }
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
