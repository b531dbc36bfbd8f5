import type { Deal, DealStatus, Pipeline } from "../core/deal";
import { decodeBytes, ImportEncoding, NotUtf8Chunks, utf8Chunks } from "./decode";
import { completeHead, DEFAULT_SLICE_CHARS, guessDelimiter, readCsvRecords, readCsvRecordsFromChunks, readCsvRecordsInSlices } from "./csv";
import { ImportError, ImportIssue, ImportIssueReason, isNotice } from "./errors";
import {
  CrmPreset,
  detectPreset,
  headerKey,
  hubspotHistoryStage,
  labelKey,
  MappedField,
  MAPPED_FIELDS,
  PresetId,
  presetFor,
  StatusLabels,
} from "./presets";
import type { RawCell, RawRecord, ReadSummary, RecordVisitor } from "./records";
import { closedKindOf, HEADER_DICTIONARY, headerUnit, isOpenStatusWord, mapHeaderFields, type HeaderUnit } from "./dictionary";
import {
  amountEvidence,
  amountIsAmbiguous,
  Parsed,
  ParsedAmount,
  readAmountWithEvidence,
  DateOrder,
  dateOrderEvidence,
  DecimalMark,
  ParseFailure,
  parseAmount,
  scaledAmount,
  parseCurrencyCode,
  parseDate,
  parseFlag,
  parseProbability,
  ProbabilityScale,
} from "./values";
import { CUT_MARKER, cutText, fitText, ImportLimits, importLimits } from "./limits";
import { importText, ImportRowKey } from "../i18n/import";
import type { TextValues } from "../i18n/translate";
import { looksLikeXlsx, readXlsxRecords } from "./xlsx";
import { ownText, ownTexts } from "./ownText";
import { DealColumns } from "../core/dealTable";

/** Progress of an import, for a progress bar. */
export interface ImportProgress {
  /** Data records read so far. */
  rowsDone: number;
  /** Share of the file read so far, 0..1. */
  fraction: number;
}

/** Everything about an import that can be chosen; every field is optional. */
export interface ImportOptions {
  /** "auto" (default) detects the CRM from the headers. */
  preset?: PresetId | "auto";
  /** Default "auto": a BOM, else valid UTF-8, else the legacy encoding whose text is plausible (see decodeBytes). */
  encoding?: ImportEncoding;
  /** Default "auto": an .xlsx package by its signature, otherwise CSV text. */
  format?: "auto" | "csv" | "xlsx";
  /** XLSX worksheet name; default the first. */
  sheet?: string;
  /** Header to use for a field, overriding the preset ("amount": "Deal value"). */
  columns?: Partial<Record<MappedField, string>>;
  /** Replaces the preset's open stages, won labels and/or lost labels. */
  pipeline?: Partial<Pipeline>;
  /** Extra spellings of stage labels -> a label of the pipeline. */
  stageAliases?: Record<string, string>;
  /** Replaces the preset's status-column words. */
  statusLabels?: Partial<StatusLabels>;
  probabilityScale?: ProbabilityScale;
  /** Currency of amounts that carry no mark and have no currency column; default the preset's. */
  currency?: string;
  /**
   * How a date with the year last (3/5/2025) is read. Default "auto": from every such date
   * in the file (see {@link ImportDetection.dateOrder}); ambiguous files use `fallbackDateOrder`.
   */
  dateOrder?: DateOrder | "auto";
  /** The order used when the file's dates fit both orders (default "MDY"; a host passes its locale's). */
  fallbackDateOrder?: DateOrder;
  /** Decimal mark of amounts and probabilities. Default "auto": from every amount in the file. */
  decimalMark?: DecimalMark | "auto";
  /**
   * Only the deals of this pipeline (a value of the pipeline column, compared as stage labels
   * are: case and spacing aside); rows of other pipelines are neither deals nor issues. Default:
   * every deal, whatever its pipeline.
   */
  onlyPipeline?: string;
  /**
   * CSV only: read in slices of about this many characters (`true`: {@link DEFAULT_SLICE_CHARS},
   * about 1,500 to 3,000 records), giving the event loop a macrotask between slices and
   * reporting progress after each, so a task pane repaints its progress bar during a long
   * import. The result is the same as the one-pass read. Default: one synchronous pass.
   */
  slices?: boolean | number;
  /** Called during the read; with `slices`, after every slice. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Bounds of the import, each defaulting to `DEFAULT_IMPORT_LIMITS` (src/import/limits.ts) (Excel's rows and
   * cell length, the .xlsx inflation bounds). A host may lower them; tests do.
   */
  limits?: Partial<ImportLimits>;
}

export interface ImportStats {
  format: "csv" | "xlsx";
  /** The text encoding used (CSV only). */
  encoding: string | null;
  /** Data records read (footer excluded). */
  records: number;
  imported: number;
  /** Rows left out of every metric (the issues that are not notices). */
  skipped: number;
  /** Notices: values changed in deals that were imported (texts cut, currencies ignored). */
  notices: number;
  /** Texts cut to fit an Excel cell (a part of `notices`). */
  cut: number;
  open: number;
  won: number;
  lost: number;
  /** Line of the blank record that ended the data, or null. */
  footerLine: number | null;
  footerRecords: number;
}

/** Why a format was chosen: given as an option, read from the file, or (no evidence) the default. */
export type DetectionBasis = "option" | "evidence" | "ambiguous" | "default";

/** A line of a report that is not a deal: its title or a filter above the table, its totals or a copyright line after it. */
export interface ReportLine {
  line: number;
  /** The line's text, cut to a message's length. */
  text: string;
}

/** A line after the data that is not a deal: a report's totals, a copyright line, a note. */
export type FooterLine = ReportLine;

/**
 * What the import found out about the file, so a person can check it (and correct it with
 * options) in one go: `salesquant inspect` prints it, the Data pane shows it.
 */
export interface ImportDetection {
  preset: PresetId;
  presetBasis: "option" | "evidence" | "default";
  /** CSV: the encoding used; null for .xlsx. */
  encoding: string | null;
  /** CSV: the field separator; null for .xlsx. */
  delimiter: string | null;
  decimalMark: DecimalMark;
  decimalMarkBasis: DetectionBasis;
  dateOrder: DateOrder;
  /** "ambiguous": every year-last date fits both orders (the fallback was used); "default": the file has none. */
  dateOrderBasis: DetectionBasis;
  /** Header used for each mapped field. */
  columns: Partial<Record<MappedField, string>>;
  /** Stages as the deals use them, in pipeline order, with counts; `added` when the preset did not know it. */
  stages: { name: string; deals: number; added: boolean }[];
  /** The preset's open stages no deal uses (left out of the pipeline). */
  stagesUnused: string[];
  /**
   * Non-blank lines above the header, passed over: a report's title, its date and filters
   * (a Salesforce formatted report, an export with a title row). The header is the first row
   * that names the columns the import needs.
   */
  title: ReportLine[];
  /** The header's line (CSV) or row (.xlsx). */
  headerLine: number;
  /**
   * Money columns whose header states a unit (`金额（万元）`, `Amount ($K)`, `Amount (USD)`):
   * their amounts are multiplied by it, and take its currency when the cell names none.
   */
  units: { field: "amount" | "actualAmount"; column: string; multiplier: number; currency: string | null }[];
  /**
   * The values of the pipeline column, with the rows of each (in order of first appearance, at
   * most 100); `kept` false for a pipeline `onlyPipeline` left out. Empty without a pipeline column.
   */
  pipelines: { name: string; rows: number; kept: boolean }[];
  /** Blank lines among the data, skipped. */
  blankLines: number;
  /** Lines after the data recognised as a footer (totals, notices). */
  footer: FooterLine[];
  /** CSV: lines that had to be decoded in another encoding than the rest of the file. */
  otherEncodingLines: { encoding: string; lines: number[] } | null;
}

export interface ImportResult {
  deals: Deal[];
  detected: ImportDetection;
  issues: ImportIssue[];
  preset: PresetId;
  pipeline: Pipeline;
  /** The header used for each mapped field. */
  columns: Partial<Record<MappedField, string>>;
  stats: ImportStats;
}

/**
 * Reads a CRM export (CSV or XLSX bytes, or CSV text) into normalized deals.
 *
 * Rules:
 * - Bytes: an .xlsx package is read with ExcelJS; anything else is decoded (see
 *   `decodeBytes`: a BOM, else valid UTF-8, else the legacy encoding whose text is
 *   plausible; lines in another encoding are listed in `detected.otherEncodingLines`) and
 *   read as CSV (separator from a `sep=` line or the header).
 * - Columns: the preset is detected from the headers unless given; each field takes the
 *   preset's own header, else one of the header dictionary's spellings (src/import/dictionary.ts:
 *   case, spaces, punctuation, snake_case, an "Deal - " object prefix and Chinese synonyms
 *   do not matter); `options.columns` overrides any field.
 * - The whole file is read before anything is decided, never row by row:
 *   - decimal mark: "," when some amount or probability reads only with a decimal comma
 *     ("210833,37") and none only with a point; "." in the opposite case; otherwise the
 *     separator's convention (";" files come from decimal-comma locales), `basis`
 *     "ambiguous" when some value reads as two different numbers ("1,234");
 *   - date order: D/M when some year-last date reads only as D/M ("29/03/2023") and none
 *     only as M/D; M/D in the opposite case; otherwise `options.fallbackDateOrder` (MDY),
 *     `basis` "ambiguous" when there were such dates;
 *   - stages: each stage label is the pipeline's (or an alias), else a won/lost word or code
 *     (`CLOSED_WON`, `赢单`), else a new open stage ("added"), ordered with the others by the
 *     median probability of its open deals when the export has a probability column, else
 *     after the known stages by first appearance. The preset's open stages no deal uses are
 *     left out (`detected.stagesUnused`). With `options.pipeline.stages` the stages are
 *     exactly those and other labels are unknown.
 *   - footer: rows whose first cell is a total or footer word ("Grand Totals", "Total",
 *     "Copyright", "Confidential", "Generated By", "合计") and that have no stage or status,
 *     and, at the end of the file after a blank line, rows whose only text is in their first
 *     cell (a copyright line, a company name), are the
 *     footer: listed in `detected.footer`, neither deals nor issues.
 * - Blank lines are skipped and counted (`detected.blankLines`); the data goes on after them.
 * - Status: a status column (Fxiaoke 商机状态, Dynamics Status, Pipedrive Status) or
 *   Salesforce's IsWon/IsClosed flags override the stage; otherwise the stage's kind decides.
 * - furthestStage (the funnel's counting rule): open -> its stage index; won -> the number of
 *   open stages; lost -> the stage it was lost at when the data shows it (its stage column
 *   when that is an open stage, or HubSpot's stage history), else 0.
 * - Probability: the row's own, else the stage default; won deals 1, lost deals 0.
 * - What rejects a row: broken quoting or the wrong number of fields, a blank or unknown
 *   stage/status, for a won deal an amount or close date that cannot be read (or no
 *   amount at all), and an id an earlier row of the file has (the first row is the deal). Won (and lost) deals take their amount and close date from an "actual"
 *   column when it has one, else from the expected one.
 * - A value the deal can do without that cannot be read (a created date, the close date or
 *   amount of a deal not won, a probability) is left blank (the stage default for a
 *   probability, 0 for an amount) and a `valueIgnored` notice says so: the deal is imported.
 * - Texts longer than an Excel cell (id, name, customer, owner, stage, source, currency) are
 *   cut to 32,767 characters ending in "…[cut]"; the deal is imported and a `textCut` notice
 *   says which column and how long the text was. A currency cell that is not a code or a
 *   symbol is ignored (the amount's mark, `options.currency` or the preset's applies) and a
 *   `currency` notice says so. Notices are in `issues` too, counted in `stats.notices`, never
 *   in `stats.skipped`.
 * - A file that cannot be read at all (no header, no stage or amount column, bytes that are
 *   not text in the chosen encoding, more data rows than an Excel sheet holds, an .xlsx that
 *   would inflate past the bounds, a `currency` option that is not a currency) throws an
 *   {@link ImportError}.
 *
 * @example
 * const { deals, issues } = await parseCrmExport(readFileSync("deals.csv"), { preset: "auto" });
 */
export async function parseCrmExport(
  input: Uint8Array | ArrayBuffer | string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (typeof input === "string") return options.slices ? parseCrmTextInSlices(input, options) : parseCrmText(input, options);
  return readDecodedExport(decodeExport(input instanceof Uint8Array ? input : new Uint8Array(input), options), options);
}

/**
 * An export's bytes made ready to read: an .xlsx package as it is, anything else decoded to
 * text (see {@link parseCrmExport}).
 */
export type DecodedExport =
  | { format: "xlsx"; bytes: Uint8Array }
  | { format: "csv"; text: string; encoding: string | null; other: OtherLines };

/**
 * The first half of {@link parseCrmExport}: tells an .xlsx package from CSV and decodes CSV
 * bytes to text (`options.format` and `options.encoding` as there). A caller holding a large
 * file's bytes can let them go once they are decoded, so the bytes and the text are not both
 * held while the rows are read. Throws the ImportError of bytes that are not text.
 *
 * @example
 * const decoded = decodeExport(bytes, {}); // { format: "csv", text: "Deal Name,Amount,...", encoding: "UTF-8", other: null }
 * const result = await readDecodedExport(decoded, {});
 */
export function decodeExport(bytes: Uint8Array, options: ImportOptions = {}): DecodedExport {
  const format = options.format ?? "auto";
  if (format === "xlsx" || (format === "auto" && looksLikeXlsx(bytes))) return { format: "xlsx", bytes };
  const decoded = decodeBytes(bytes, options.encoding ?? "auto");
  const other = decoded.otherEncodingLines ? { encoding: decoded.otherEncodingLines.encoding, lines: decoded.otherEncodingLines.lines } : null;
  return { format: "csv", text: decoded.text, encoding: decoded.encoding, other };
}

/** The second half of {@link parseCrmExport}: reads the deals of a {@link decodeExport} result. */
export async function readDecodedExport(decoded: DecodedExport, options: ImportOptions = {}): Promise<ImportResult> {
  return asObjects(await readDecoded(decoded, options, false));
}

/** An import whose deals are only read (see {@link readDecodedExportByColumn}). */
export type HeldImportResult = Omit<ImportResult, "deals"> & { deals: readonly Deal[] };

/**
 * {@link readDecodedExport} for a caller that only reads the deals (the command line): the
 * deals stay held by column as they were read (src/core/dealTable.ts, about half the memory
 * of deal objects) and come back as a read-only array that makes each deal as it is read.
 */
export function readDecodedExportByColumn(decoded: DecodedExport, options: ImportOptions = {}): Promise<HeldImportResult> {
  return readDecoded(decoded, options, true);
}

/** A file as chunks of bytes, read from its start each time `chunks()` is called. */
export interface ChunkedFile {
  /** Its length in bytes. */
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * {@link readDecodedExportByColumn} of a CSV export read from a file in chunks, never held
 * whole (the command line reads an export this way): the deals, issues and stats that
 * `readDecodedExportByColumn(decodeExport(bytes, options), options)` gives for the file's
 * bytes, with progress after every chunk. The file is read once.
 *
 * Returns null when this reading cannot be sure of that result, and the caller reads the
 * file whole: an .xlsx package; a file that decodeBytes could read in an encoding other than
 * UTF-8 (see `utf8Chunks`); a byte found not to be UTF-8 partway; an ImportError before the
 * end (decoding the whole file first could have refused it for its encoding instead). After
 * the last byte, the text is known to be the one decodeExport gives, and an error of the
 * import is thrown as it would be.
 *
 * @example
 * const result = await readChunkedExportByColumn({ size, chunks: () => fs.createReadStream(file) }, options)
 *   ?? await readDecodedExportByColumn(decodeExport(await fs.promises.readFile(file), options), options);
 */
export async function readChunkedExportByColumn(file: ChunkedFile, options: ImportOptions = {}): Promise<HeldImportResult | null> {
  const format = options.format ?? "auto";
  if (format === "xlsx") return null;
  let read = 0;
  const signature: number[] = [];
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of file.chunks()) {
      for (let i = 0; signature.length < 4 && i < chunk.length; i++) signature.push(chunk[i]);
      read += chunk.length;
      yield chunk;
    }
  }
  const text = await utf8Chunks(counted(), file.size, options.encoding ?? "auto");
  if (!text) return null;
  // Its first bytes are read by now.
  if (format === "auto" && looksLikeXlsx(Uint8Array.from(signature))) {
    await text.rest.return?.(undefined);
    return null;
  }
  let summary: ReadSummary;
  let normalizer: DealNormalizer;
  try {
    const head = await completeHead(text.head, text.rest);
    normalizer = new DealNormalizer(options, "csv", "utf-8", null, guessDelimiter(head), true);
    summary = await readCsvRecordsFromChunks(head, text.rest, normalizer, {
      onProgress: normalizer.progressHandler(),
      fraction: () => read / Math.max(1, file.size),
    });
  } catch (error) {
    // Stopped early, the file is closed whatever stopped it.
    await text.rest.return?.(undefined);
    if (!(error instanceof NotUtf8Chunks) && !(error instanceof ImportError)) throw error;
    return null;
  }
  return normalizer.finish(summary);
}

async function readDecoded(decoded: DecodedExport, options: ImportOptions, byColumn: boolean): Promise<HeldImportResult> {
  if (decoded.format === "xlsx") {
    const normalizer = new DealNormalizer(options, "xlsx", null, null, null, byColumn);
    const summary = await readXlsxRecords(decoded.bytes, normalizer, {
      sheet: options.sheet,
      onProgress: normalizer.progressHandler(),
      limits: normalizer.limits,
    });
    return normalizer.finish(summary);
  }
  if (options.slices) return parseCsvInSlices(decoded.text, options, decoded.encoding, decoded.other, byColumn);
  return parseCsvWith(decoded.text, options, decoded.encoding, decoded.other, byColumn);
}

/** The result of an import made with deal objects (a plain array the caller may change). */
function asObjects(result: HeldImportResult): ImportResult {
  return result as ImportResult;
}

/**
 * The synchronous CSV path of {@link parseCrmExport}, for text already decoded.
 *
 * @example
 * parseCrmText("Deal Name,Amount,Stage\nAcme,100,Closed Won\n", { preset: "zoho" }).deals[0].status // "won"
 */
export function parseCrmText(text: string, options: ImportOptions = {}): ImportResult {
  return asObjects(parseCsvWith(text.replace(/^\ufeff/, ""), options, null));
}

/**
 * {@link parseCrmText} in slices, yielding to the event loop between them (see
 * `ImportOptions.slices`; `slices: false` still slices, with the default size): the same
 * deals, issues and stats, with progress after every slice.
 *
 * @example
 * const result = await parseCrmTextInSlices(text, { onProgress: ({ rowsDone, fraction }) => show(rowsDone, fraction) });
 */
export async function parseCrmTextInSlices(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  return asObjects(await parseCsvInSlices(text.replace(/^\ufeff/, ""), options, null));
}

type OtherLines = ImportDetection["otherEncodingLines"];

function parseCsvWith(text: string, options: ImportOptions, encoding: string | null, other: OtherLines = null, byColumn = false): HeldImportResult {
  const normalizer = new DealNormalizer(options, "csv", encoding, other, guessDelimiter(text), byColumn);
  const summary = readCsvRecords(text, normalizer, { onProgress: normalizer.progressHandler() });
  return normalizer.finish(summary);
}

async function parseCsvInSlices(
  text: string,
  options: ImportOptions,
  encoding: string | null,
  other: OtherLines = null,
  byColumn = false,
): Promise<HeldImportResult> {
  const normalizer = new DealNormalizer(options, "csv", encoding, other, guessDelimiter(text), byColumn);
  const sliceChars = typeof options.slices === "number" && options.slices > 0 ? options.slices : DEFAULT_SLICE_CHARS;
  const summary = await readCsvRecordsInSlices(text, normalizer, { sliceChars, onProgress: normalizer.progressHandler() });
  return normalizer.finish(summary);
}

type FieldIndex = Partial<Record<MappedField, number>>;

interface StageMatch {
  kind: "open" | "won" | "lost";
  /** Label as the pipeline writes it. */
  label: string;
  position: number | null;
}

class RowIssue {
  constructor(
    readonly reason: ImportIssueReason,
    readonly key: ImportRowKey,
    readonly values: TextValues = {},
    /** Notices: the column whose value was changed. */
    readonly column?: string,
    /** Text cuts: the length before the cut. */
    readonly originalLength?: number,
  ) {}
}

/** Characters of a file's value quoted in a message (a longer one is cut with the marker). */
const MESSAGE_VALUE_CHARS = 1000;

/** Headers longer than this are not matched to a field (no export's header is this long). */
const MAX_HEADER_CHARS = 1000;

/** Characters of each header quoted in a message. */
const MESSAGE_HEADER_CHARS = 200;

/** Characters of a footer line kept in the detection. */
const FOOTER_TEXT_CHARS = 200;

/** Footer lines listed in the detection (a longer footer is counted, not listed). */
const FOOTER_LINES_LISTED = 50;

/**
 * Non-blank rows above the header that are passed over, at most: a report's title, its date
 * and a filter per line (a Salesforce formatted report has a handful). Past it, the file's
 * first row is taken to be its header, and its missing column is the error.
 */
const MAX_TITLE_LINES = 50;

/** The fields two rows of one deal are compared in, to say where they disagree. */
const REPEAT_FIELDS = ["stage", "amount", "closeDate", "owner"] as const;

/** Pipelines listed at most (a pipeline column is a handful of names; a mis-mapped one is not). */
const MAX_PIPELINES = 100;

/** Errors of a row that does not name the columns an import needs: such a row may be a title line. */
const NOT_A_HEADER: ReadonlySet<string> = new Set(["error.noStageColumn", "error.noAmountColumn", "error.noColumnNamed", "error.noPipelineColumn"]);

/** Texts longer than this are not shared between deals (see `shareTexts`). */
const SHARED_TEXT_CHARS = 200;

/** Distinct texts shared between deals; past this a new text is kept as read. */
const SHARED_TEXTS = 100_000;

/** Distinct unknown stage labels that become open stages; past this the column is not a stage column. */
const MAX_ADDED_STAGES = 50;

/** Text fields of a deal, each with the mapped field its column comes from. */
const DEAL_TEXT_FIELDS = ["id", "name", "customer", "owner", "stage", "source", "currency"] as const;

/**
 * The first cell of a report's footer or total row: "Grand Totals (12 records)", "Total",
 * "Subtotal", "Copyright (c) 2000-2025 salesforce.com, inc.", "Confidential Information - Do
 * Not Distribute", "Generated By: ...", "合计", "总计", "导出时间：...".
 */
const FOOTER_WORDS =
  /^(?:grand\s+totals?|totals?|sub-?totals?|sum|count|copyright|©|\(c\)|confidential|generated\s+(?:by|on|at)|report\s+generated|exported\s+(?:by|on|at)|filtered\s+by|合\s*计|总\s*计|小\s*计|汇总|导出时间|导出人|制表)(?=$|[\s:：(（,.-])/i;

/**
 * A cell that is a total's label and nothing else ("Subtotal", "Grand Totals (12 records)",
 * "合计", "小计：") : never a stage, where a stage like "Total Solutions" is one.
 */
const TOTAL_CELL = /^\s*(?:grand\s+totals?|totals?|sub-?totals?|合\s*计|总\s*计|小\s*计|汇总)\s*(?:[(（][^)）]*[)）])?\s*[:：]?\s*$/i;

/** Message values cut so a message stays far below a cell's length, whatever the file holds. */
function fitValues(values: TextValues): TextValues {
  let fitted: Record<string, string | number> | null = null;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "string" || value.length <= MESSAGE_VALUE_CHARS) continue;
    fitted ??= { ...values };
    fitted[name] = fitText(value, MESSAGE_VALUE_CHARS);
  }
  return fitted ?? values;
}

/** A value that does not parse, in a column: the row key names the same problem. */
function badValue(reason: ImportIssueReason, failure: ParseFailure, column: string): RowIssue {
  return new RowIssue(reason, `row.${failure.problem}`, { value: failure.value, column });
}

/** Slot of each mapped field in a row's cells (the field's index in MAPPED_FIELDS; a literal, so reads stay fast). */
const SLOT: Readonly<Record<MappedField, number>> = (() => {
  const slots: Record<MappedField, number> = {
    id: 0, name: 0, customer: 0, owner: 0, amount: 0, actualAmount: 0, currency: 0, createdDate: 0, closeDate: 0,
    actualCloseDate: 0, stage: 0, probability: 0, status: 0, isWon: 0, isClosed: 0, source: 0, pipeline: 0,
  };
  MAPPED_FIELDS.forEach((field, slot) => (slots[field] = slot));
  return slots;
})();

/** Slots of the other values that decide the decimal mark (the amount is read with its evidence), and of those that decide the date order. */
const OTHER_NUMBER_SLOTS: readonly number[] = [SLOT.actualAmount, SLOT.probability];
const DATE_SLOTS: readonly number[] = [SLOT.createdDate, SLOT.closeDate, SLOT.actualCloseDate];

/**
 * One data record as the first pass keeps it: the cells of the mapped fields only, what is
 * already known to be wrong with it, and whether it looks like a footer line.
 */
interface HeldRow {
  record: number;
  line: number;
  /** The row as read (its fields through their columns). */
  cells: RawCell[];
  /** Columns of HubSpot stage history that hold a date, or null. */
  history: number[] | null;
  problem: RowIssue | null;
  /** The first non-blank cell when the row looks like a footer or total line, else null. */
  footer: string | null;
  /** The footer word matched (a total line is a footer wherever it stands). */
  footerWord: boolean;
  afterBlank: boolean;
}

/** Counts of values that read under one convention only (the evidence of whole-file inference). */
interface Evidence {
  dot: number;
  comma: number;
  /** Values read under both marks as different numbers ("1,234"). */
  ambiguousAmounts: number;
  mdy: number;
  dmy: number;
  /** Year-last dates that fit both orders ("3/5/2025"). */
  bothOrders: number;
}

/** A stage label as written in the file: how many deals use it and where it first appears. */
interface StageSeen {
  text: string;
  count: number;
  first: number;
  /** Rows at this label that no status column or flag says are closed (only those can make it a new open stage). */
  notClosed: number;
}

/** Position of an open stage added from the data, before the pipeline is decided at the end. */
const PENDING_POSITION = -1;

/**
 * Turns records into deals once the header is known. One instance per import.
 *
 * Every decision is made from the whole file (see parseCrmExport), in one pass and without
 * keeping the file: {@link record} reads each row with the *provisional* conventions (the
 * options', else the separator's decimal mark and the fallback date order) and collects the
 * evidence. A row whose reading could change with the final decision (an ambiguous value
 * such as "1,234" or "3/5/2025", a value that reads only the other way, a line that may be
 * part of the footer) is held instead, as the cells of its mapped columns. {@link finish}
 * decides the conventions, the pipeline and the footer, places every deal's stage in the
 * final pipeline, and reads the held rows. A value that reads one way only reads the same
 * under the final decision (the decision can only go the way of a value that reads one way),
 * so no row read early is read wrong.
 */
class DealNormalizer implements RecordVisitor {
  private preset!: CrmPreset;
  private presetBasis: ImportDetection["presetBasis"] = "default";
  private index: FieldIndex = {};
  /** The file's column of each slot of a row's cells (-1: the field has no column). */
  private slotColumns: number[] = [];
  private headerWidth = 0;
  private headerNames: string[] = [];
  /** Column index of each HubSpot stage-history column -> the stage it names. */
  private historyColumns: [number, string][] = [];
  /** Rows read when the file is done: possible footer lines and format-dependent rows. */
  private readonly held: HeldRow[] = [];
  private readonly evidence: Evidence = { dot: 0, comma: 0, ambiguousAmounts: 0, mdy: 0, dmy: 0, bothOrders: 0 };
  /** Stage cells as written -> how often. Bounded: past the bound the rest are only counted as unknown. */
  private readonly stagesSeen = new Map<string, StageSeen>();
  private records = 0;
  /** Record of the last row that is certainly not a footer line. */
  private lastDataRecord = 0;
  readonly limits: ImportLimits;
  /** `options.currency` as a code, checked before anything is read. */
  private readonly currencyOption: string | undefined;

  // The conventions rows are read with: provisional until finish() decides them.
  private pipeline!: Pipeline;
  private decimalMark: DecimalMark = ".";
  private dateOrder: DateOrder = "MDY";
  private final = false;
  /** Labels of the pipeline (given, or the preset's), its won/lost words and aliases. */
  private readonly stageLookup = new Map<string, StageMatch>();
  /** Stage cells as written -> their match (exports repeat a handful of labels). */
  private stageMatches = new Map<string, StageMatch | null>();
  private readonly statusLookup = new Map<string, DealStatus>();
  private readonly statusCache = new Map<string, DealStatus | null>();
  private probabilityScale: ProbabilityScale = "auto";
  /** Unknown labels taken as new open stages (bounded by MAX_ADDED_STAGES), in the order taken. */
  private readonly provisionalAdded = new Set<string>();
  /** The deals read so far, held by column (about half their memory as objects). */
  private deals = new DealColumns();
  /** One string per repeated text of the deals (see `shareTexts`). */
  private readonly sharedTexts = new Map<string, string>();
  /** Record number of each deal of `deals`. */
  private dealRecords: number[] = [];
  /** Line of each deal of `deals`. */
  private dealLines: number[] = [];
  /** Records of deals whose id cell was blank (their id is their record number, no file's id). */
  private readonly blankIdRecords = new Set<number>();
  /**
   * Lost deals whose loss stage may come from HubSpot's stage history, by their index in
   * `deals`: the columns with a date.
   */
  private readonly lostHistory = new Map<number, number[]>();
  private readonly issues: ImportIssue[] = [];
  private cut = 0;
  /** Non-blank rows above the header (a report's title and filters), passed over. */
  private readonly titleLines: ReportLine[] = [];
  /** Why the first of them is not a header: thrown when no row is. */
  private firstHeaderError: ImportError | undefined;
  private headerLine = 0;
  /** Pipeline cells as compared -> the pipeline as first written and its rows. Bounded (MAX_PIPELINES). */
  private readonly pipelinesSeen = new Map<string, { name: string; rows: number }>();
  /** `options.onlyPipeline` as compared, or null. */
  private readonly onlyPipeline: string | null;
  /** Rows of pipelines `onlyPipeline` leaves out. */
  private otherPipelineRows = 0;
  /** The unit each money column's header states (`金额（万元）`), by field. */
  private units: Partial<Record<"amount" | "actualAmount", HeaderUnit>> = {};

  constructor(
    private readonly options: ImportOptions,
    private readonly format: "csv" | "xlsx",
    private readonly encoding: string | null,
    private readonly otherEncodingLines: ImportDetection["otherEncodingLines"] = null,
    /** CSV: the separator, for the provisional decimal mark. */
    private readonly delimiter: string | null = null,
    /** The deals are returned held by column (read-only), not as objects. */
    private readonly byColumn = false,
  ) {
    this.limits = importLimits(options.limits);
    if (options.currency !== undefined && options.currency.trim() !== "") {
      const code = parseCurrencyCode(options.currency);
      if (code === null) throw new ImportError("error.badCurrencyOption", { value: fitText(options.currency, MESSAGE_VALUE_CHARS) });
      this.currencyOption = code;
    }
    const mark = options.decimalMark ?? "auto";
    this.decimalMark = mark !== "auto" ? mark : delimiter === ";" ? "," : ".";
    const order = options.dateOrder ?? "auto";
    this.dateOrder = order !== "auto" ? order : (options.fallbackDateOrder ?? "MDY");
    this.onlyPipeline = options.onlyPipeline !== undefined && options.onlyPipeline.trim() !== "" ? labelKey(options.onlyPipeline) : null;
  }

  progressHandler(): ((fraction: number) => void) | undefined {
    const onProgress = this.options.onProgress;
    if (!onProgress) return undefined;
    return (fraction) => onProgress({ rowsDone: this.records, fraction });
  }

  /** A field's cell of a row ("" when the field has no column or the row is short). */
  private at(cells: readonly RawCell[], slot: number): RawCell {
    const column = this.slotColumns[slot];
    return column < 0 ? "" : (cells[column] ?? "");
  }

  header(cells: string[], line: number): boolean {
    // A header longer than any real one names no field: it is not matched (a 50 MB header
    // costs nothing and cannot stall a pattern), only quoted, cut, in messages.
    const named = cells.map((cell) => (cell.length > MAX_HEADER_CHARS ? "" : cell));
    const requested = this.options.preset ?? "auto";
    const id = requested === "auto" ? detectPreset(named) : requested;
    this.presetBasis = requested !== "auto" ? "option" : id === "generic" ? "default" : "evidence";
    this.preset = presetFor(id, named);
    this.headerNames = cells;
    this.headerWidth = cells.length;
    if (this.options.pipeline?.stages && this.options.pipeline.stages.length === 0) throw new ImportError("error.noOpenStages");
    this.probabilityScale = this.options.probabilityScale ?? this.preset.probabilityScale;
    try {
      this.index = this.mapColumns(named);
    } catch (error) {
      if (!(error instanceof ImportError) || !NOT_A_HEADER.has(error.messageKey)) throw error;
      // A report's title or filter line above the table: the next non-blank row is offered.
      // Should none name the columns either, the file's first row says what is missing.
      this.firstHeaderError ??= error;
      this.titleLines.push({ line, text: fitText(lineText(cells), FOOTER_TEXT_CHARS) });
      if (this.titleLines.length > MAX_TITLE_LINES) throw this.firstHeaderError;
      return false;
    }
    this.headerLine = line;
    for (const field of ["amount", "actualAmount"] as const) {
      const column = this.index[field];
      const unit = column === undefined ? null : headerUnit(named[column]);
      if (unit) this.units[field] = unit;
    }
    this.slotColumns = MAPPED_FIELDS.map((field) => this.index[field] ?? -1);
    this.buildStatusLookup();
    this.buildStageLookup();
    if (this.preset.stageHistory) {
      cells.forEach((cell, column) => {
        const history = cell.length > MAX_HEADER_CHARS ? null : hubspotHistoryStage(cell);
        if (history) this.historyColumns.push([column, history.stage]);
      });
    }
    return true;
  }

  headerMissing(): void {
    if (this.firstHeaderError) throw this.firstHeaderError;
  }

  /** The file's headers for a message, each cut to a readable length. */
  private headerList(): string {
    return this.headerNames.map((name) => fitText(name, MESSAGE_HEADER_CHARS)).join(", ");
  }

  private mapColumns(cells: string[]): FieldIndex {
    const positions = new Map<string, number>();
    cells.forEach((cell, column) => {
      const key = headerKey(cell);
      if (!positions.has(key)) positions.set(key, column);
    });
    const overrides: FieldIndex = {};
    for (const field of MAPPED_FIELDS) {
      const override = this.options.columns?.[field];
      if (override === undefined) continue;
      const column = positions.get(headerKey(override));
      if (column === undefined) {
        throw new ImportError("error.noColumnNamed", { column: override, field, columns: this.headerList() });
      }
      overrides[field] = column;
    }
    const taken = new Set(Object.values(overrides));
    const found = mapHeaderFields(
      cells.map((cell, column) => (taken.has(column) ? "" : cell)),
      this.preset,
    );
    const index: FieldIndex = { ...found, ...overrides };
    if (index.stage === undefined && index.status === undefined && index.isClosed === undefined && index.isWon === undefined) {
      throw new ImportError("error.noStageColumn", {
        preset: this.preset.label,
        candidates: (this.preset.columns.stage ?? []).join(", "),
        columns: this.headerList(),
      });
    }
    if (index.amount === undefined && index.actualAmount !== undefined) {
      // The only amount column is an "actual" one (close_value): it is the amount.
      index.amount = index.actualAmount;
      delete index.actualAmount;
    }
    if (index.amount === undefined) {
      throw new ImportError("error.noAmountColumn", {
        preset: this.preset.label,
        candidates: (this.preset.columns.amount ?? []).join(", "),
        columns: this.headerList(),
      });
    }
    if (this.onlyPipeline !== null && index.pipeline === undefined) {
      throw new ImportError("error.noPipelineColumn", {
        pipeline: fitText(this.options.onlyPipeline ?? "", MESSAGE_VALUE_CHARS),
        candidates: (this.preset.columns.pipeline ?? HEADER_DICTIONARY.pipeline).join(", "),
        columns: this.headerList(),
      });
    }
    if (index.closeDate === undefined && index.actualCloseDate !== undefined) {
      index.closeDate = index.actualCloseDate;
      delete index.actualCloseDate;
    }
    return index;
  }

  /** The pipeline given or the preset's, as rows are read until the end decides it, and its labels. */
  private buildStageLookup(): void {
    const stages = (this.options.pipeline?.stages ?? this.preset.pipeline.stages).map((stage) => ({ ...stage }));
    const wonLabels = [...(this.options.pipeline?.wonLabels ?? this.preset.pipeline.wonLabels)];
    const lostLabels = [...(this.options.pipeline?.lostLabels ?? this.preset.pipeline.lostLabels)];
    const lookup = this.stageLookup;
    stages.forEach((stage, position) => lookup.set(labelKey(stage.name), { kind: "open", label: stage.name, position }));
    for (const label of wonLabels) if (!lookup.has(labelKey(label))) lookup.set(labelKey(label), { kind: "won", label, position: null });
    for (const label of lostLabels) if (!lookup.has(labelKey(label))) lookup.set(labelKey(label), { kind: "lost", label, position: null });
    const aliases = { ...this.preset.stageAliases, ...this.options.stageAliases };
    for (const [alias, target] of Object.entries(aliases)) {
      const match = lookup.get(labelKey(target));
      if (match && !lookup.has(labelKey(alias))) lookup.set(labelKey(alias), match);
    }
    this.pipeline = { stages, wonLabels, lostLabels };
  }

  private buildStatusLookup(): void {
    const labels = { ...this.preset.statusLabels, ...this.options.statusLabels };
    for (const status of ["open", "won", "lost"] as const) {
      for (const label of labels[status] ?? []) this.statusLookup.set(labelKey(label), status);
    }
  }

  record(record: RawRecord): void {
    this.records++;
    if (this.records > this.limits.maxRecords) {
      // Stop at the first record past the bound: nothing more is read or kept.
      throw new ImportError("error.tooManyRows", {
        limit: this.limits.maxRecords.toLocaleString("en-US"),
        rows: (this.limits.maxRecords + 1).toLocaleString("en-US"),
      });
    }
    const source = record.cells;
    // The row as read: fields are read through their columns (this.at), nothing is copied.
    const cells = source;
    // A report grouped by stage writes its totals in the stage column ("Subtotal", "合计"):
    // such a cell names no stage.
    const stage = this.at(cells, SLOT.stage);
    const footer = footerText(
      source,
      (stage === "" || (typeof stage === "string" && TOTAL_CELL.test(stage))) &&
        this.at(cells, SLOT.status) === "" &&
        this.at(cells, SLOT.isWon) === "" &&
        this.at(cells, SLOT.isClosed) === "",
    );
    let problem: RowIssue | null = null;
    if (record.malformed) problem = new RowIssue("fieldCount", "row.brokenQuoting", { detail: record.malformed });
    else if (source.length !== this.headerWidth) {
      problem = new RowIssue("fieldCount", "row.fieldCount", { count: source.length, expected: this.headerWidth });
    }
    if (footer !== null) {
      // Maybe a footer line: decided when the file is done.
      this.hold(record, cells, null, problem, footer);
      return;
    }
    this.lastDataRecord = record.record;
    if (problem) {
      this.pushIssue(record.record, record.line, cells, problem);
      return;
    }
    if (this.slotColumns[SLOT.pipeline] >= 0 && !this.ofKeptPipeline(cells)) return;
    const closedByStatus = this.closedByStatus(cells);
    const stageText = cellString(this.at(cells, SLOT.stage)).trim();
    if (stageText !== "") {
      const notClosed = closedByStatus ? 0 : 1;
      const seen = this.stagesSeen.get(stageText);
      if (seen) {
        seen.count++;
        seen.notClosed += notClosed;
      } else if (this.stagesSeen.size < 10000) {
        this.stagesSeen.set(stageText, { text: stageText, count: 1, first: record.record, notClosed });
      }
      // Registers a new open stage now, whether the row is read now or at the end.
      this.matchStage(stageText, closedByStatus);
    }
    let dependent = false;
    // The amount is read here once, with its evidence; the reading is handed on when final.
    const reading = readAmountWithEvidence(this.at(cells, SLOT.amount), this.decimalMark);
    if (this.countAmountEvidence(reading.evidence, reading.ambiguous)) dependent = true;
    for (const slot of OTHER_NUMBER_SLOTS) {
      const raw = this.at(cells, slot);
      if (raw === "" || typeof raw === "number") continue;
      const evidence = amountEvidence(raw);
      if (this.countAmountEvidence(evidence, evidence === "both" && amountIsAmbiguous(raw))) dependent = true;
    }
    for (const slot of DATE_SLOTS) {
      const raw = this.at(cells, slot);
      // Blank, a serial, or ISO ("2025-03-05..."): the order is not in question.
      if (raw === "" || typeof raw === "number" || (raw.length >= 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45)) continue;
      const evidence = dateOrderEvidence(raw);
      if (evidence === "MDY") this.evidence.mdy++;
      else if (evidence === "DMY") this.evidence.dmy++;
      else if (evidence === "both") this.evidence.bothOrders++;
      if (evidence === "both" || ((evidence === "MDY" || evidence === "DMY") && evidence !== this.dateOrder)) dependent = true;
    }
    let history: number[] | null = null;
    if (this.historyColumns.length > 0) {
      const entered: number[] = [];
      for (const [column] of this.historyColumns) {
        const value = source[column];
        if (typeof value === "number" || (value !== undefined && value.trim() !== "")) entered.push(column);
      }
      if (entered.length > 0) history = entered;
    }
    if (dependent) this.hold(record, cells, history, null, null);
    else this.read(record.record, record.line, cells, history, closedByStatus, reading.parsed);
  }

  /** Counts one value's decimal-mark evidence; true when its reading depends on the final decision. */
  private countAmountEvidence(evidence: "." | "," | "both" | "neither", ambiguous: boolean): boolean {
    if (evidence === ".") this.evidence.dot++;
    else if (evidence === ",") this.evidence.comma++;
    else if (ambiguous) {
      this.evidence.ambiguousAmounts++;
      return true;
    }
    return (evidence === "." || evidence === ",") && evidence !== this.decimalMark;
  }

  private hold(record: RawRecord, cells: RawCell[], history: number[] | null, problem: RowIssue | null, footer: { text: string; word: boolean } | null): void {
    this.held.push({
      record: record.record,
      line: record.line,
      cells,
      history,
      problem,
      footer: footer?.text ?? null,
      footerWord: footer?.word ?? false,
      afterBlank: record.afterBlank === true,
    });
  }

  /** Reads one row into a deal (with its notices) or an issue. */
  private read(record: number, line: number, cells: RawCell[], history: number[] | null, closedByStatus: boolean, amount?: Parsed<ParsedAmount>): void {
    const notices: RowIssue[] = [];
    const outcome = this.normalize(record, cells, notices, closedByStatus, amount);
    if (outcome instanceof RowIssue) {
      this.pushIssue(record, line, cells, outcome);
      return;
    }
    this.cutTexts(outcome, notices);
    this.shareTexts(outcome);
    for (const notice of notices) this.pushIssue(record, line, cells, notice);
    if (history && outcome.status === "lost") this.lostHistory.set(this.deals.length, history);
    this.deals.append(outcome);
    this.dealRecords.push(record);
    this.dealLines.push(line);
    if (this.index.id !== undefined && cellString(this.at(cells, SLOT.id)).trim() === "") this.blankIdRecords.add(record);
  }

  /** True when the row's status column or IsClosed/IsWon flags say the deal is closed. */
  private closedByStatus(cells: RawCell[]): boolean {
    if (this.index.status === undefined && this.index.isClosed === undefined && this.index.isWon === undefined) return false;
    const status = cellString(this.at(cells, SLOT.status)).trim();
    if (status !== "") {
      const matched = this.matchStatus(status);
      return matched === "won" || matched === "lost";
    }
    const closed = parseFlag(this.at(cells, SLOT.isClosed));
    if (closed.ok && closed.value !== null) return closed.value;
    const won = parseFlag(this.at(cells, SLOT.isWon));
    return won.ok && won.value === true;
  }

  private matchStatus(text: string): DealStatus | null {
    let status = this.statusCache.get(text);
    if (status === undefined) {
      status = this.statusLookup.get(labelKey(text)) ?? (this.options.statusLabels ? null : statusWordOf(text));
      if (this.statusCache.size < 10000) this.statusCache.set(text, status);
    }
    return status;
  }

  /** A won/lost word or code of the dictionary, unless the options give the won and lost labels. */
  private closedWordOf(text: string): "won" | "lost" | null {
    return this.options.pipeline?.wonLabels || this.options.pipeline?.lostLabels ? null : closedKindOf(text);
  }

  /**
   * The stage a label names. Before the end: the pipeline's label, a won/lost word, or (an
   * unknown label on a row no status says is closed, while fewer than MAX_ADDED_STAGES were
   * added) a new open stage whose position the end decides. At the end: the decided pipeline's.
   */
  private matchStage(text: string, closedByStatus: boolean): StageMatch | null {
    const cached = this.stageMatches.get(text);
    if (cached !== undefined && (cached !== null || this.final)) return cached;
    if (this.final) return this.stageLookup.get(labelKey(text)) ?? null;
    const known = this.stageLookup.get(labelKey(text));
    const closed = known ? null : this.closedWordOf(text);
    let match: StageMatch | null = known ?? (closed ? { kind: closed, label: text, position: null } : null);
    if (!match && this.options.pipeline?.stages === undefined && labelKey(text) !== "") {
      // Unknown: a new open stage once a row that is not closed by its status uses it.
      if (closedByStatus || (!this.provisionalAdded.has(text) && this.provisionalAdded.size >= MAX_ADDED_STAGES)) return null;
      this.provisionalAdded.add(text);
      match = { kind: "open", label: text, position: PENDING_POSITION };
    }
    if (this.stageMatches.size < 10000) this.stageMatches.set(text, match);
    return match;
  }

  // ------------------------------------------------------------ decisions over the whole file

  /** The footer among the held rows: total lines anywhere, and the notes after the data. */
  private decideFooter(): Set<HeldRow> {
    const inTail = (row: HeldRow) => row.footer !== null && row.record > this.lastDataRecord;
    const tail = this.held.filter(inTail);
    const tailIsFooter = tail.length > 0 && (tail[0].afterBlank || tail.some((row) => row.footerWord));
    return new Set(this.held.filter((row) => row.footerWord || (tailIsFooter && inTail(row))));
  }

  private decideDecimalMark(): DetectionBasis {
    const option = this.options.decimalMark ?? "auto";
    if (option !== "auto") {
      this.decimalMark = option;
      return "option";
    }
    const { dot, comma, ambiguousAmounts } = this.evidence;
    const localeMark: DecimalMark = this.delimiter === ";" ? "," : ".";
    if (comma > 0 && dot === 0) this.decimalMark = ",";
    else if (dot > 0 && comma === 0) this.decimalMark = ".";
    else {
      this.decimalMark = localeMark;
      return dot > 0 || ambiguousAmounts > 0 ? "ambiguous" : "default";
    }
    return "evidence";
  }

  private decideDateOrder(): DetectionBasis {
    const option = this.options.dateOrder ?? "auto";
    if (option !== "auto") {
      this.dateOrder = option;
      return "option";
    }
    const { mdy, dmy, bothOrders } = this.evidence;
    const fallback = this.options.fallbackDateOrder ?? "MDY";
    if (dmy > 0 && mdy === 0) this.dateOrder = "DMY";
    else if (mdy > 0 && dmy === 0) this.dateOrder = "MDY";
    else {
      this.dateOrder = fallback;
      return mdy > 0 || bothOrders > 0 ? "ambiguous" : "default";
    }
    return "evidence";
  }

  /**
   * The pipeline of this file: the given or preset's open stages that deals use, in their
   * order, with the labels taken as new open stages (ordered by the export's probability where
   * it has one, else after the known stages by first appearance); the won and lost labels plus
   * the won/lost words the file uses.
   */
  private decidePipeline(): { added: Set<string>; unused: string[] } {
    const pinned = this.options.pipeline?.stages !== undefined;
    const base = this.pipeline.stages;
    const { wonLabels, lostLabels } = this.pipeline;
    const lookup = this.stageLookup;

    const used = new Set<string>();
    const unknown: StageSeen[] = [];
    for (const seen of this.stagesSeen.values()) {
      const match = this.stageMatches.get(seen.text) ?? lookup.get(labelKey(seen.text)) ?? null;
      if (this.provisionalAdded.has(seen.text)) unknown.push(seen);
      else if (match && match.kind === "open") used.add(match.label);
      else if (match && match.label === seen.text && !lookup.has(labelKey(seen.text))) {
        // A won/lost word of the dictionary: listed with the pipeline's labels.
        const labels = match.kind === "won" ? wonLabels : lostLabels;
        if (!labels.includes(seen.text)) labels.push(seen.text);
      }
    }

    // Every deal read so far counts too (the tally of labels above is bounded).
    for (const deal of this.deals) {
      if (deal.status === "open" && deal.stagePosition !== PENDING_POSITION) used.add(deal.stage);
    }
    const added = new Set(unknown.map((seen) => seen.text));
    let stages = base;
    const unused: string[] = [];
    if (!pinned && (used.size > 0 || unknown.length > 0)) {
      stages = base.filter((stage) => {
        if (used.has(stage.name)) return true;
        unused.push(stage.name);
        return false;
      });
    }
    if (unknown.length > 0) {
      const probabilities = this.observedProbabilities(added);
      const firstSeen = new Map<string, number>();
      for (const seen of this.stagesSeen.values()) {
        const match = lookup.get(labelKey(seen.text));
        if (match && !firstSeen.has(match.label)) firstSeen.set(match.label, seen.first);
      }
      const entries = [
        ...stages.map((stage) => ({ name: stage.name, probability: stage.probability, observed: stage.probability, first: firstSeen.get(stage.name) ?? 0 })),
        ...unknown.map((seen) => {
          const observed = probabilities.get(seen.text) ?? NaN;
          return { name: seen.text, probability: observed, observed, first: seen.first };
        }),
      ];
      if (unknown.some((seen) => probabilities.has(seen.text))) {
        // By probability; stages without one after those with one, by first appearance.
        entries.sort((a, b) => {
          const pa = Number.isNaN(a.observed) ? Infinity : a.observed;
          const pb = Number.isNaN(b.observed) ? Infinity : b.observed;
          return pa - pb || a.first - b.first;
        });
      } else if (stages.length === 0) {
        entries.sort((a, b) => a.first - b.first);
      }
      // A stage without a probability sits between its neighbours'.
      for (let i = 0; i < entries.length; i++) {
        if (!Number.isNaN(entries[i].probability)) continue;
        const before = i > 0 ? entries[i - 1].probability : 0;
        let after = 1;
        for (let j = i + 1; j < entries.length; j++) {
          if (!Number.isNaN(entries[j].probability)) {
            after = entries[j].probability;
            break;
          }
        }
        entries[i].probability = Math.round(((before + after) / 2) * 1000) / 1000;
      }
      stages = entries.map((entry) => ({ name: entry.name, probability: entry.probability }));
    }
    if (stages.length === 0) stages = base;
    const positions = new Map(stages.map((stage, position) => [stage.name, position]));
    for (const [key, match] of lookup) {
      if (match.kind === "open") lookup.set(key, { ...match, position: positions.get(match.label) ?? null });
    }
    const matches = new Map<string, StageMatch | null>();
    for (const [text, match] of this.stageMatches) {
      matches.set(text, match && match.kind === "open" ? { ...match, position: positions.get(match.label) ?? null } : match);
    }
    this.stageMatches = matches;
    this.pipeline = { stages, wonLabels, lostLabels };
    return { added, unused };
  }

  /** The median probability of the open deals at each of these stage labels (probability column only). */
  private observedProbabilities(labels: Set<string>): Map<string, number> {
    const result = new Map<string, number>();
    if (this.index.probability === undefined) return result;
    const values = new Map<string, number[]>();
    const add = (stage: string, probability: number) => {
      let list = values.get(stage);
      if (!list) values.set(stage, (list = []));
      list.push(probability);
    };
    // Deals read early: an open deal at a new stage has its row's probability, or NaN (none).
    for (const deal of this.deals) {
      if (deal.status === "open" && labels.has(deal.stage) && !Number.isNaN(deal.probability)) add(deal.stage, deal.probability);
    }
    for (const row of this.held) {
      if (row.problem || row.footer !== null) continue;
      const stage = cellString(this.at(row.cells, SLOT.stage)).trim();
      if (!labels.has(stage) || this.closedByStatus(row.cells)) continue;
      const parsed = parseProbability(this.at(row.cells, SLOT.probability), this.probabilityScale, this.decimalMark);
      if (parsed.ok && parsed.value !== null) add(stage, parsed.value);
    }
    for (const [stage, list] of values) {
      list.sort((a, b) => a - b);
      const middle = list.length >> 1;
      result.set(stage, list.length % 2 ? list[middle] : (list[middle - 1] + list[middle]) / 2);
    }
    return result;
  }

  // ------------------------------------------------------------ the end of the file

  finish(summary: ReadSummary): HeldImportResult {
    if (this.onlyPipeline !== null && !this.pipelinesSeen.has(this.onlyPipeline)) {
      throw new ImportError("error.noSuchPipeline", {
        pipeline: fitText(this.options.onlyPipeline ?? "", MESSAGE_VALUE_CHARS),
        pipelines: Array.from(this.pipelinesSeen.values(), (seen) => seen.name || "—").join(", ") || "—",
      });
    }
    const footer = this.decideFooter();
    const decimalMarkBasis = this.decideDecimalMark();
    const dateOrderBasis = this.decideDateOrder();
    const { added, unused } = this.decidePipeline();
    this.final = true;

    // Deals read early: their stage placed in the decided pipeline.
    this.placeAll();

    // Held rows, read with the decisions, merged with the others in file order.
    const footerRows: HeldRow[] = [];
    if (this.held.length > 0) {
      const early: HeldDeals = { deals: this.deals, records: this.dealRecords, lines: this.dealLines };
      this.deals = new DealColumns();
      this.dealRecords = [];
      this.dealLines = [];
      for (const row of this.held) {
        if (footer.has(row)) footerRows.push(row);
        else if (row.problem) this.pushIssue(row.record, row.line, row.cells, row.problem);
        else this.read(row.record, row.line, row.cells, row.history, this.closedByStatus(row.cells));
      }
      this.placeAll();
      ({ deals: this.deals, records: this.dealRecords, lines: this.dealLines } = mergeByRecord(early, { deals: this.deals, records: this.dealRecords, lines: this.dealLines }));
      this.held.length = 0;
    }
    this.lostHistory.clear();
    this.dropRepeatedIds();
    // Issues were pushed in passes: back to file order (a stable sort keeps a row's own order).
    this.issues.sort((a, b) => a.record - b.record);

    const counts = { open: 0, won: 0, lost: 0 };
    const stageDeals = new Map<string, number>();
    for (const deal of this.deals) {
      counts[deal.status]++;
      if (deal.status === "open") stageDeals.set(deal.stage, (stageDeals.get(deal.stage) ?? 0) + 1);
    }
    const skipped = this.issues.filter((issue) => !isNotice(issue)).length;
    const columns: Partial<Record<MappedField, string>> = {};
    for (const field of MAPPED_FIELDS) {
      const column = this.index[field];
      if (column !== undefined) columns[field] = this.headerNames[column];
    }
    // Everything but the deals (whose texts are their own already) is copied out of the file's text.
    const rest: Omit<ImportResult, "deals"> = ownTexts({
      detected: {
        preset: this.preset.id,
        presetBasis: this.presetBasis,
        encoding: this.encoding,
        delimiter: summary.delimiter ?? this.delimiter,
        decimalMark: this.decimalMark,
        decimalMarkBasis,
        dateOrder: this.dateOrder,
        dateOrderBasis,
        columns,
        stages: this.pipeline.stages.map((stage) => ({ name: stage.name, deals: stageDeals.get(stage.name) ?? 0, added: added.has(stage.name) })),
        stagesUnused: unused,
        title: this.titleLines,
        headerLine: this.headerLine,
        units: (["amount", "actualAmount"] as const).flatMap((field) => {
          const unit = this.units[field];
          const column = this.index[field];
          return unit && column !== undefined ? [{ field, column: this.headerNames[column], multiplier: unit.multiplier, currency: unit.currency }] : [];
        }),
        pipelines: Array.from(this.pipelinesSeen, ([key, seen]) => ({ ...seen, kept: this.onlyPipeline === null || key === this.onlyPipeline })),
        blankLines: summary.blankLines,
        footer: footerRows.slice(0, FOOTER_LINES_LISTED).map((row) => ({ line: row.line, text: fitText(row.footer ?? "", FOOTER_TEXT_CHARS) })),
        otherEncodingLines: this.otherEncodingLines,
      },
      issues: this.issues,
      preset: this.preset.id,
      pipeline: this.pipeline,
      columns,
      stats: {
        format: this.format,
        encoding: this.encoding,
        records: summary.records - footerRows.length - this.otherPipelineRows,
        imported: this.deals.length,
        skipped,
        notices: this.issues.length - skipped,
        cut: this.cut,
        ...counts,
        footerLine: footerRows.length > 0 ? footerRows[0].line : null,
        footerRecords: footerRows.length,
      },
    });
    return { deals: this.byColumn ? this.deals.toArray() : Array.from(this.deals), ...rest };
  }

  /**
   * Counts the row's pipeline; false when `onlyPipeline` leaves it out (the row is then neither
   * a deal nor an issue, and its stage is not the funnel's).
   */
  private ofKeptPipeline(cells: readonly RawCell[]): boolean {
    const name = cellString(this.at(cells, SLOT.pipeline)).trim();
    const key = labelKey(name);
    const seen = this.pipelinesSeen.get(key);
    if (seen) seen.rows++;
    else if (this.pipelinesSeen.size < MAX_PIPELINES) this.pipelinesSeen.set(key, { name: fitText(name, MESSAGE_HEADER_CHARS), rows: 1 });
    if (this.onlyPipeline === null || key === this.onlyPipeline) return true;
    this.otherPipelineRows++;
    return false;
  }

  /** Places every deal of `deals` in the decided pipeline; the stage histories of lost deals are then done with. */
  private placeAll(): void {
    for (let i = 0; i < this.deals.length; i++) {
      const deal = this.deals.get(i);
      this.place(deal, this.lostHistory.get(i));
      this.deals.set(i, deal);
    }
    this.lostHistory.clear();
  }

  /**
   * Places a deal in the decided pipeline: its stage's position, how far it got
   * (furthestStage: open its stage, won past the last, lost where it was lost or 0), where a
   * lost deal was lost (its stage, or HubSpot's stage history), and an open deal's stage
   * default probability when its row had none.
   */
  private place(deal: Deal, history: number[] | undefined): void {
    const stages = this.pipeline.stages;
    const match = this.matchStage(deal.stage, deal.status !== "open");
    const position = match && match.kind === "open" ? match.position : null;
    deal.stagePosition = position;
    if (deal.status === "open") {
      // An open deal's stage is a known or a taken label: it is in the pipeline by construction.
      if (position === null) throw new Error(`The open stage "${deal.stage}" is missing from the decided pipeline.`);
      deal.furthestStage = position;
      if (Number.isNaN(deal.probability)) deal.probability = stages[position].probability;
      return;
    }
    if (deal.status === "won") {
      deal.furthestStage = stages.length;
      return;
    }
    let lostAt = position;
    if (lostAt === null && history) {
      for (const column of history) {
        const named = this.historyColumns.find(([index]) => index === column)?.[1];
        const entered = named === undefined ? undefined : this.stageLookup.get(labelKey(named));
        const at = entered && entered.kind === "open" ? entered.position : null;
        if (at !== null && (lostAt === null || at > lostAt)) lostAt = at;
      }
    }
    deal.lostAtStage = lostAt;
    deal.furthestStage = lostAt ?? 0;
  }

  /**
   * Gives the texts many deals repeat (customer, rep, stage, currency, source, dates) one
   * string each, instead of one copy per row read from the file: about a quarter of the
   * deals' memory on a large export. Every text the deal keeps is its own copy, never a view
   * into the file's text (see ownText.ts), so the file's text is not held with the deals.
   */
  private shareTexts(deal: Deal): void {
    deal.id = ownText(deal.id);
    deal.name = ownText(deal.name);
    deal.customer = this.shared(deal.customer);
    deal.owner = this.shared(deal.owner);
    deal.stage = this.shared(deal.stage);
    deal.currency = this.shared(deal.currency);
    deal.source = this.shared(deal.source);
    if (deal.createdDate !== null) deal.createdDate = this.shared(deal.createdDate);
    if (deal.closeDate !== null) deal.closeDate = this.shared(deal.closeDate);
  }

  private shared(text: string): string {
    if (text.length > SHARED_TEXT_CHARS) return ownText(text);
    const known = this.sharedTexts.get(text);
    if (known !== undefined) return known;
    const own = ownText(text);
    if (this.sharedTexts.size < SHARED_TEXTS) this.sharedTexts.set(own, own);
    return own;
  }

  /** Cuts texts longer than a cell, with a notice per cut. */
  private cutTexts(deal: Deal, notices: RowIssue[]): void {
    for (const field of DEAL_TEXT_FIELDS) {
      const text = deal[field];
      const cut = cutText(text, this.limits.cellChars);
      if (cut === null) continue;
      deal[field] = cut;
      this.cut++;
      const column = fitText(this.columnName(field), MESSAGE_VALUE_CHARS);
      notices.push(
        new RowIssue(
          "textCut",
          "row.textCut",
          { column, length: text.length, limit: this.limits.cellChars, kept: cut.length - CUT_MARKER.length, marker: CUT_MARKER },
          column,
          text.length,
        ),
      );
    }
  }

  /** Records an issue, with the row's id and name cut to fit a cell and its values to fit a message. */
  private pushIssue(record: number, line: number, cells: RawCell[], issue: RowIssue): void {
    this.pushIssueOf(record, line, cellString(this.at(cells, SLOT.id)), cellString(this.at(cells, SLOT.name)), issue);
  }

  private pushIssueOf(record: number, line: number, id: string, name: string, issue: RowIssue): void {
    const values = fitValues(issue.values);
    const entry: ImportIssue = {
      record,
      line,
      id: fitText(id, this.limits.cellChars),
      name: fitText(name, this.limits.cellChars),
      reason: issue.reason,
      message: importText("en-US", issue.key, values),
      messageKey: issue.key,
      messageValues: values,
    };
    if (issue.column !== undefined) entry.column = issue.column;
    if (issue.originalLength !== undefined) entry.originalLength = issue.originalLength;
    this.issues.push(entry);
  }

  /**
   * A deal whose id an earlier row of the file has (an "Opportunities with Products" report
   * repeats each opportunity once per product, two exports pasted together repeat every
   * deal): the first row is the deal; a later one is left out, with an issue naming the
   * first row's line and, when the rows disagree, the columns they disagree in. Its notices
   * go with it. Deals whose id cell is blank are not compared; without an id column, nothing is.
   */
  private dropRepeatedIds(): void {
    if (this.index.id === undefined) return;
    const first = new Map<string, number>();
    const repeats: [number, number][] = [];
    for (let i = 0; i < this.deals.length; i++) {
      if (this.blankIdRecords.has(this.dealRecords[i])) continue;
      const id = this.deals.idAt(i);
      const seen = first.get(id);
      if (seen === undefined) first.set(id, i);
      else repeats.push([i, seen]);
    }
    if (repeats.length === 0) return;
    const dropped = new Set(repeats.map(([i]) => this.dealRecords[i]));
    // The notices of a row left out were about a deal that is not imported.
    const issues = this.issues.filter((issue) => !(isNotice(issue) && dropped.has(issue.record)));
    this.issues.length = 0;
    this.issues.push(...issues);
    for (const [i, f] of repeats) {
      const deal = this.deals.get(i);
      const kept = this.deals.get(f);
      const differs = REPEAT_FIELDS.filter((field) => deal[field] !== kept[field]).map((field) => this.columnName(field));
      const issue =
        differs.length === 0
          ? new RowIssue("duplicate", "row.duplicateId", { id: deal.id, line: this.dealLines[f] })
          : new RowIssue("duplicate", "row.duplicateIdDiffers", { id: deal.id, line: this.dealLines[f], columns: differs.join(", ") });
      this.pushIssueOf(this.dealRecords[i], this.dealLines[i], deal.id, deal.name, issue);
    }
    const kept: HeldDeals = { deals: new DealColumns(), records: [], lines: [] };
    for (let i = 0; i < this.deals.length; i++) {
      if (dropped.has(this.dealRecords[i])) continue;
      kept.deals.append(this.deals.get(i));
      kept.records.push(this.dealRecords[i]);
      kept.lines.push(this.dealLines[i]);
    }
    ({ deals: this.deals, records: this.dealRecords, lines: this.dealLines } = kept);
  }

  private columnName(field: MappedField): string {
    const column = this.index[field];
    return column === undefined ? field : this.headerNames[column];
  }

  /** A non-essential value that cannot be read: left blank, the deal imported, a notice says so. */
  private ignored(notices: RowIssue[], failure: ParseFailure, field: MappedField, kept: string): void {
    const column = this.columnName(field);
    notices.push(
      kept === ""
        ? new RowIssue("valueIgnored", "row.valueIgnored", { value: failure.value, column }, column)
        : new RowIssue("valueIgnored", "row.valueReplaced", { value: failure.value, column, kept }, column),
    );
  }

  /** The row's deal, or why it is left out; notices about the deal are added to `notices`. */
  private normalize(record: number, cells: RawCell[], notices: RowIssue[], closedByStatus: boolean, amountRead?: Parsed<ParsedAmount>): Deal | RowIssue {
    const cell = (field: MappedField): RawCell => this.at(cells, SLOT[field]);

    // Stage and status.
    const stageText = cellString(this.at(cells, SLOT.stage)).trim();
    const stageMatch = stageText === "" ? undefined : (this.matchStage(stageText, closedByStatus) ?? undefined);
    let status: DealStatus | null = null;
    const statusText = cellString(this.at(cells, SLOT.status)).trim();
    if (statusText !== "") {
      status = this.matchStatus(statusText);
      if (status === null) {
        return new RowIssue("status", "row.unknownStatus", { value: statusText, column: this.columnName("status") });
      }
    } else if (
      (this.index.isClosed !== undefined && cellString(this.at(cells, SLOT.isClosed)).trim() !== "") ||
      (this.index.isWon !== undefined && cellString(this.at(cells, SLOT.isWon)).trim() !== "")
    ) {
      const closed = parseFlag(this.at(cells, SLOT.isClosed));
      const won = parseFlag(this.at(cells, SLOT.isWon));
      if (!closed.ok) return badValue("status", closed, this.columnName("isClosed"));
      if (!won.ok) return badValue("status", won, this.columnName("isWon"));
      if (closed.value !== null) status = closed.value ? (won.value ? "won" : "lost") : "open";
      else if (won.value) status = "won";
      else status = stageMatch ? stageMatch.kind : null;
    }
    if (status === null) {
      if (!stageMatch) {
        return stageText === ""
          ? new RowIssue("stage", "row.stageBlank")
          : new RowIssue("stage", "row.unknownStage", { value: stageText });
      }
      status = stageMatch.kind;
    } else if (status === "open" && (!stageMatch || stageMatch.kind !== "open" || stageMatch.position === null)) {
      return stageText === ""
        ? new RowIssue("stage", "row.openStageBlank")
        : new RowIssue("stage", "row.notOpenStage", { value: stageText });
    }
    const stagePosition = stageMatch && stageMatch.kind === "open" ? stageMatch.position : null;
    const stage = stageMatch
      ? stageMatch.label
      : stageText || (status === "won" ? this.pipeline.wonLabels[0] : status === "lost" ? this.pipeline.lostLabels[0] : "");

    // Amount: essential for a won deal only.
    const closed = status !== "open";
    let amountField: MappedField = "amount";
    if (this.index.actualAmount !== undefined && cellString(this.at(cells, SLOT.actualAmount)).trim() !== "" && (closed || cellString(this.at(cells, SLOT.amount)).trim() === "")) {
      amountField = "actualAmount";
    }
    let amount = amountField === "amount" && amountRead ? amountRead : parseAmount(cell(amountField), this.decimalMark);
    if (!amount.ok) {
      if (status === "won") return badValue("amount", amount, this.columnName(amountField));
      this.ignored(notices, amount, amountField, "0");
      amount = { ok: true, value: null };
    }
    if (amount.value === null && status === "won") {
      return new RowIssue("missingAmount", "row.wonWithoutAmount", { column: this.columnName(amountField) });
    }
    // In the unit the column's header states: 12.5 under 金额（万元） is 125,000 yuan.
    const unit = this.units[amountField as "amount" | "actualAmount"];
    if (unit && amount.value !== null) {
      amount = { ok: true, value: { amount: scaledAmount(amount.value.amount, unit.multiplier), currency: amount.value.currency ?? unit.currency } };
    }

    // Dates: the close date of a won deal is essential; the others are left blank when unreadable.
    const dateOptions = { dateOrder: this.dateOrder, serials: this.format === "xlsx" };
    let created = parseDate(this.at(cells, SLOT.createdDate), dateOptions);
    if (!created.ok) {
      this.ignored(notices, created, "createdDate", "");
      created = { ok: true, value: null };
    }
    let closeField: MappedField = "closeDate";
    if (closed && this.index.actualCloseDate !== undefined && cellString(this.at(cells, SLOT.actualCloseDate)).trim() !== "") closeField = "actualCloseDate";
    let close = parseDate(cell(closeField), dateOptions);
    if (!close.ok) {
      if (status === "won") return badValue("date", close, this.columnName(closeField));
      this.ignored(notices, close, closeField, "");
      close = { ok: true, value: null };
    }

    // Probability.
    let probability: number;
    if (status === "won") probability = 1;
    else if (status === "lost") probability = 0;
    else {
      // A new stage's default is known at the end (NaN until then).
      const stageDefault = stagePosition === PENDING_POSITION ? NaN : this.pipeline.stages[stagePosition as number].probability;
      const parsed = parseProbability(this.at(cells, SLOT.probability), this.probabilityScale, this.decimalMark);
      if (!parsed.ok) {
        this.ignored(notices, parsed, "probability", Number.isNaN(stageDefault) ? "" : `${Math.round(stageDefault * 100)}%`);
        probability = stageDefault;
      } else probability = parsed.value ?? stageDefault;
    }

    // Where a lost deal was lost, and how far each deal got: placed at the end (place()).
    const lostAtStage: number | null = null;
    const furthestStage = 0;
    const currencyText = cellString(this.at(cells, SLOT.currency)).trim();
    let currency = currencyText === "" ? null : parseCurrencyCode(currencyText);
    if (currency === null) {
      currency = amount.value?.currency || this.currencyOption || this.preset.defaultCurrency;
      if (currencyText !== "") {
        const column = this.columnName("currency");
        notices.push(new RowIssue("currency", "row.currencyIgnored", { value: currencyText, column, currency }, column));
      }
    }
    return {
      id: cellString(this.at(cells, SLOT.id)).trim() || String(record),
      // A file without a name column (a pipeline dataset) names each deal by its id.
      name: this.index.name === undefined ? cellString(this.at(cells, SLOT.id)).trim() || String(record) : cellString(this.at(cells, SLOT.name)),
      customer: cellString(this.at(cells, SLOT.customer)).trim(),
      owner: cellString(this.at(cells, SLOT.owner)).trim(),
      amount: amount.value?.amount ?? 0,
      currency,
      createdDate: created.value,
      closeDate: close.value,
      stage,
      stagePosition,
      status,
      probability,
      lostAtStage,
      source: cellString(this.at(cells, SLOT.source)).trim(),
      furthestStage,
    };
  }
}

/** Two tables of deals, each in file order, merged in file order. */
/** Deals with the record and line of each. */
interface HeldDeals {
  deals: DealColumns;
  records: number[];
  lines: number[];
}

/** Two runs of deals, each in file order, as one in file order. */
function mergeByRecord(a: HeldDeals, b: HeldDeals): HeldDeals {
  if (b.deals.length === 0) return a;
  if (a.deals.length === 0) return b;
  const merged: HeldDeals = { deals: new DealColumns(), records: [], lines: [] };
  const take = (from: HeldDeals, i: number) => {
    merged.deals.append(from.deals.get(i));
    merged.records.push(from.records[i]);
    merged.lines.push(from.lines[i]);
  };
  let i = 0;
  let j = 0;
  while (i < a.deals.length && j < b.deals.length) {
    if (a.records[i] <= b.records[j]) take(a, i++);
    else take(b, j++);
  }
  while (i < a.deals.length) take(a, i++);
  while (j < b.deals.length) take(b, j++);
  return merged;
}

/**
 * A title line's text: its non-blank cells, a run of equal ones once (a title merged across
 * the table's columns reads the same in each of them).
 */
function lineText(cells: readonly string[]): string {
  const texts: string[] = [];
  for (const cell of cells) {
    const text = cell.trim();
    if (text !== "" && text !== texts[texts.length - 1]) texts.push(text);
  }
  return texts.join(" ");
}

function cellString(value: RawCell | undefined): string {
  return value === undefined ? "" : typeof value === "number" ? String(value) : value;
}

/**
 * The first non-blank cell of a row that looks like a footer or total line, or null: a
 * footer word ("Grand Totals", "合计") first in a row with no stage or status (so a deal
 * named "Total Solutions" stays a deal), or a row whose only non-blank cell is its first and
 * holds a letter (a note line; a footer only at the end of the file, see decideFooter).
 */
function footerText(cells: readonly RawCell[], noStage: boolean): { text: string; word: boolean } | null {
  let first: string | null = null;
  let nonBlank = 0;
  for (const cell of cells) {
    const text = cellString(cell).trim();
    if (text === "") continue;
    nonBlank++;
    if (first === null) first = text;
    if (nonBlank > 1 && !(noStage && FOOTER_WORDS.test(first))) return null;
  }
  if (first === null) return null;
  if (noStage && FOOTER_WORDS.test(first)) return { text: first, word: true };
  // A note line: its only text in the first cell, with a letter in it ("Acme Sales",
  // "Confidential"); a stray ",,1,,," is not one.
  const lead = cellString(cells[0]).trim();
  return nonBlank === 1 && lead === first && /\p{L}/u.test(first) ? { text: first, word: false } : null;
}

/** Open/won/lost from a status cell's own words (the dictionary), for statuses no preset lists. */
function statusWordOf(text: string): DealStatus | null {
  const closed = closedKindOf(text);
  if (closed) return closed;
  return isOpenStatusWord(text) ? "open" : null;
}
