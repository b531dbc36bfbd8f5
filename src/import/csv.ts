import Papa from "papaparse";
import { ImportError } from "./errors";
import { isBlankRecord, RawRecord, ReadSummary, RecordVisitor } from "./records";

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
 *   end in CRLF or LF; the separator is the one of comma, tab, semicolon and bar that the
 *   first line holding any of them holds most often (comma on a tie; see guessDelimiter).
 * - Excel's `sep=;` first line (written by some locales' "CSV") names the separator and is
 *   not a record.
 * - Blank lines before the header are skipped; the header is the first non-blank record the
 *   visitor takes (a report's title lines above it are offered first and passed over).
 * - Blank records after the header (empty lines, rows of bare separators) are skipped and
 *   counted; the data goes on after them. The record right after a gap is marked
 *   `afterBlank` (a report's footer usually follows one; the importer decides what is a footer).
 * - Every record carries its physical line: the line it starts on, counting the line breaks
 *   inside quoted fields of the records before it.
 *
 * @example
 * readCsvRecords('Name,Amount\n"A, Inc.",10\n', visitor) // header ["Name","Amount"], record 1 at line 2
 */
export function readCsvRecords(text: string, visitor: RecordVisitor, options: CsvReadOptions = {}): ReadSummary {
  const progressEvery = options.progressEvery ?? 2000;
  const delimiter = guessDelimiter(text);
  const stepper = new CsvRecordStepper(visitor, delimiter, sepLineOf(text) !== null);
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    delimiter,
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
  const delimiter = guessDelimiter(text);
  const stepper = new CsvRecordStepper(visitor, delimiter, sepLineOf(text) !== null);
  const sliceChars = Math.max(1, Math.floor(options.sliceChars ?? DEFAULT_SLICE_CHARS));
  const yieldBetweenSlices = options.yieldBetweenSlices ?? nextMacrotask;
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
 * `head` made long enough for {@link readCsvRecordsFromChunks}: with text from `rest` added
 * until it holds a line break after its first character that is not one (the header line
 * whole, which decides the separator), or `rest` ends.
 */
export async function completeHead(head: string, rest: AsyncIterator<string>): Promise<string> {
  // Each piece is searched once, on its own: however long the line, the work is linear.
  const parts: string[] = [];
  let length = 0;
  let started = false;
  let lineEnd = -1;
  for (let piece: string | null = head; piece !== null; ) {
    parts.push(piece);
    let from = 0;
    if (!started) {
      from = /^[\r\n]*/.exec(piece)![0].length;
      started = from < piece.length;
    }
    if (started && lineEnd < 0) {
      const end = piece.slice(from).search(/[\r\n]/);
      if (end >= 0) lineEnd = length + from + end;
    }
    length += piece.length;
    // Two characters past the line break: a CR there may be the first half of CR LF.
    if (lineEnd >= 0 && lineEnd + 2 <= length) break;
    const next = await rest.next();
    piece = next.done ? null : next.value;
  }
  return parts.join("");
}

export interface CsvChunkOptions {
  /** Called after every chunk with the share read so far (from `fraction`, at most 0.99), then with 1. */
  onProgress?: (fraction: number) => void;
  /** The share of the input read so far (a reader of bytes knows it; default 0). */
  fraction?: () => number;
  /**
   * Characters of text parsed at a time (default: each chunk as it comes, with what a chunk
   * before it left). Slicing the head as the chunks are sliced lets a test cut a short text
   * anywhere.
   */
  sliceChars?: number;
}

/**
 * The same reading as {@link readCsvRecords}, of a text that comes in chunks and is never held
 * whole: `head` is its start (the first line whole, and the first megabyte when the text is
 * longer: the separator and line break are decided there, as readCsvRecords decides them),
 * `rest` the chunks after it.
 *
 * Rules:
 * - Exactly the records, lines, footer and errors of {@link readCsvRecords}: papaparse reads
 *   what is held, and its last row, which a chunk may have cut (even inside a quoted field or
 *   between CR and LF), is read again with the next chunk. A row longer than a chunk is read
 *   again only once the text held after it is as long as it is, so a huge row costs a
 *   bounded number of readings, not one a chunk.
 * - Memory: the chunk being read and the row it cut.
 * - An error of `rest` or of the visitor rejects the promise and stops the reading.
 *
 * @example
 * await readCsvRecordsFromChunks(text.head, text.rest, visitor)
 */
export async function readCsvRecordsFromChunks(
  head: string,
  rest: AsyncIterator<string>,
  visitor: RecordVisitor,
  options: CsvChunkOptions = {},
): Promise<ReadSummary> {
  const delimiter = guessDelimiter(head);
  const stepper = new CsvRecordStepper(visitor, delimiter, sepLineOf(head) !== null);
  const newline = lineBreakOf(head, delimiter);
  const sliceChars = options.sliceChars ?? 0;
  /** Text read and not yet parsed. */
  let pending = head;
  let ended = false;
  /** The last row of the text parsed so far (which a chunk may have cut): parsed again with what follows. */
  let carry = "";
  /** Where `carry` starts in the whole text. */
  let carryStart = 0;
  // The last row parsed, held until the next row comes: the last of all is only known at the end.
  let held: Papa.ParseStepResult<string[]> | null = null;
  for (;;) {
    // A carried row is parsed again only with at least as much new text after it.
    const size = Math.max(carry.length, sliceChars, 1);
    while (!ended && pending.length < size) {
      const next = await rest.next();
      if (next.done) ended = true;
      else pending += next.value;
    }
    const piece = sliceChars > 0 ? pending.slice(0, size) : pending;
    pending = pending.slice(piece.length);
    const final = ended && pending === "";
    const text = carry + piece;
    if (text === "") break;
    // Papaparse drops a BOM that starts the text it is given: right at the start of the whole
    // text, as readCsvRecords does, it shifts the positions papaparse gives by one; a later
    // row starting with U+FEFF keeps it behind an empty line, whose row is passed over.
    const bom = text.charCodeAt(0) === 0xfeff;
    const guard = bom && carryStart > 0 ? newline : "";
    const shift = (bom && carryStart === 0 ? 1 : 0) - guard.length;
    let skip = guard === "" ? 0 : 1;
    let start = 0;
    let heldStart = 0;
    held = null;
    Papa.parse<string[]>(guard + text, {
      header: false,
      skipEmptyLines: false,
      dynamicTyping: false,
      delimiter,
      newline,
      step: (result) => {
        const end = result.meta.cursor + shift;
        if (skip > 0) {
          skip--;
          start = end;
          return;
        }
        if (held) stepper.take(held);
        held = result;
        heldStart = start;
        start = end;
      },
    });
    if (final) {
      if (held) stepper.take(held);
      held = null;
      break;
    }
    carry = text.slice(heldStart);
    carryStart += heldStart;
    // Below 1 until the last row is read: the input may all be read before it is all parsed.
    options.onProgress?.(Math.min(0.99, options.fraction?.() ?? 0));
  }
  // The text ended right after a line break that ended a chunk: the empty row papaparse gave
  // after it, as readCsvRecords gives it.
  if (held) stepper.take(held);
  return stepper.finish(options.onProgress);
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
 * Turns papaparse's rows into header and records: blank lines skipped and counted, physical
 * lines tracked.
 */
class CsvRecordStepper {
  private line = 1;
  private headerSeen = false;
  records = 0;
  /** Blank records among the data (a blank record counts once a record follows it: trailing ones end the file). */
  private blankLines = 0;
  private pendingBlanks = 0;
  private afterBlank = false;
  private sepLine: boolean;

  constructor(
    private readonly visitor: RecordVisitor,
    private readonly delimiter: string,
    /** The text starts with Excel's `sep=X` line. */
    sepLine = false,
  ) {
    this.sepLine = sepLine;
  }

  /** Takes one parsed row; true when it was a data record. */
  take(result: Papa.ParseStepResult<string[]>): boolean {
    const cells = result.data;
    const recordLine = this.line;
    this.line += 1 + countLineBreaks(cells);
    if (this.sepLine) {
      this.sepLine = false;
      return false;
    }
    if (!this.headerSeen) {
      if (!isBlankRecord(cells)) this.headerSeen = this.visitor.header(cells, recordLine);
      return false;
    }
    if (isBlankRecord(cells)) {
      this.pendingBlanks++;
      this.afterBlank = true;
      return false;
    }
    this.blankLines += this.pendingBlanks;
    this.pendingBlanks = 0;
    this.records++;
    const quoteError = result.errors.find((error) => error.type === "Quotes");
    const record: RawRecord = { record: this.records, line: recordLine, cells };
    if (quoteError) record.malformed = quoteError.message;
    if (this.afterBlank) record.afterBlank = true;
    this.afterBlank = false;
    this.visitor.record(record);
    return true;
  }

  /** The summary; an {@link ImportError} when no header was found. */
  finish(onProgress?: (fraction: number) => void): ReadSummary {
    if (!this.headerSeen) {
      this.visitor.headerMissing?.();
      throw new ImportError("error.emptyFile");
    }
    onProgress?.(1);
    return { records: this.records, blankLines: this.blankLines, delimiter: this.delimiter };
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

/** Excel's `sep=X` first line: the separator it names, or null. */
function sepLineOf(text: string): string | null {
  const match = /^sep=(.)\r?(?:\n|$)/.exec(text);
  return match ? match[1] : null;
}

const DELIMITERS = [",", "\t", ";", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Lines looked at for the separator: a report's title lines come before its header. */
const DELIMITER_LINES = 50;

/**
 * The separator of a CSV text: the one an Excel `sep=X` first line names; otherwise the one
 * of comma, tab, semicolon and bar that the header holds most, outside quotes (comma on a
 * tie). The header is taken to be the first of the first 50 lines that holds any of them: a
 * report's title line above it ("Deals by stage") holds none.
 *
 * @example
 * guessDelimiter("Name;Amount\nA;1,5\n") // ";"
 * guessDelimiter("Pipeline report\n\nName;Amount\n") // ";"
 */
export function guessDelimiter(text: string): string {
  const sep = sepLineOf(text);
  if (sep !== null) return sep;
  let start = 0;
  for (let looked = 0; looked < DELIMITER_LINES && start < text.length; looked++) {
    const found = /\r\n|\r|\n/g;
    found.lastIndex = start;
    const end = found.exec(text);
    const line = text.slice(start, end ? end.index : text.length).replace(/"[^"]*"/g, "");
    let best: Delimiter = ",";
    let bestCount = 0;
    for (const candidate of DELIMITERS) {
      const count = line.split(candidate).length - 1;
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    if (bestCount > 0) return best;
    if (!end) break;
    start = end.index + end[0].length;
  }
  return ",";
}
