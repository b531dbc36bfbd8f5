import type { Deal, DealStatus, Pipeline } from "../core/deal";
import { decodeBytes, ImportEncoding } from "./decode";
import { DEFAULT_SLICE_CHARS, readCsvRecords, readCsvRecordsInSlices } from "./csv";
import { ImportError, ImportIssue, ImportIssueReason } from "./errors";
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
import {
  DateOrder,
  DecimalMark,
  ParseFailure,
  parseAmount,
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
  /** Default "auto": BOM, else valid UTF-8, else GB18030. */
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

/** A line after the data that is not a deal: a report's totals, a copyright line, a note. */
export interface FooterLine {
  line: number;
  /** The line's text, cut to a message's length. */
  text: string;
}

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
 * - Bytes: an .xlsx package is read with ExcelJS; anything else is decoded (BOM, else
 *   UTF-8, else GB18030, or `options.encoding`) and read as CSV.
 * - The preset is detected from the headers unless given; its column mapping, stages and
 *   status words can each be overridden through `options`.
 * - Status: a status column (Fxiaoke 商机状态, Dynamics Status, Salesforce IsClosed/IsWon)
 *   overrides the stage; otherwise an open-stage label is open, a won label won, a lost
 *   label lost.
 * - furthestStage (the funnel's counting rule): open -> its stage index; won -> the number of
 *   open stages; lost -> the stage it was lost at when the data shows it (its stage column
 *   when that is an open stage, or HubSpot's stage history), else 0.
 * - Probability: the row's own, else the stage default; won deals 1, lost deals 0.
 * - A blank amount is 0 on open and lost deals; a won deal needs an amount.
 * - A row with the wrong number of fields, broken quoting, an unparseable amount, date or
 *   probability, an unknown stage or status is left out and reported as an issue; it is
 *   never guessed at.
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
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const format = options.format ?? "auto";
  if (format === "xlsx" || (format === "auto" && looksLikeXlsx(bytes))) {
    const normalizer = new DealNormalizer(options, "xlsx", null);
    const summary = await readXlsxRecords(bytes, normalizer, {
      sheet: options.sheet,
      onProgress: normalizer.progressHandler(),
      limits: normalizer.limits,
    });
    return normalizer.finish(summary);
  }
  const decoded = decodeBytes(bytes, options.encoding ?? "auto");
  if (options.slices) return parseCsvInSlices(decoded.text, options, decoded.encoding);
  return parseCsvWith(decoded.text, options, decoded.encoding);
}

/**
 * The synchronous CSV path of {@link parseCrmExport}, for text already decoded.
 *
 * @example
 * parseCrmText("Deal Name,Amount,Stage\nAcme,100,Closed Won\n", { preset: "zoho" }).deals[0].status // "won"
 */
export function parseCrmText(text: string, options: ImportOptions = {}): ImportResult {
  return parseCsvWith(text.replace(/^\ufeff/, ""), options, null);
}

/**
 * {@link parseCrmText} in slices, yielding to the event loop between them (see
 * `ImportOptions.slices`; `slices: false` still slices, with the default size): the same
 * deals, issues and stats, with progress after every slice.
 *
 * @example
 * const result = await parseCrmTextInSlices(text, { onProgress: ({ rowsDone, fraction }) => show(rowsDone, fraction) });
 */
export function parseCrmTextInSlices(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  return parseCsvInSlices(text.replace(/^\ufeff/, ""), options, null);
}

function parseCsvWith(text: string, options: ImportOptions, encoding: string | null): ImportResult {
  const normalizer = new DealNormalizer(options, "csv", encoding);
  const summary = readCsvRecords(text, normalizer, { onProgress: normalizer.progressHandler() });
  return normalizer.finish(summary);
}

async function parseCsvInSlices(text: string, options: ImportOptions, encoding: string | null): Promise<ImportResult> {
  const normalizer = new DealNormalizer(options, "csv", encoding);
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

/** Text fields of a deal, each with the mapped field its column comes from. */
const DEAL_TEXT_FIELDS = ["id", "name", "customer", "owner", "stage", "source", "currency"] as const;

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

/** Turns records into deals once the header is known. One instance per import. */
class DealNormalizer implements RecordVisitor {
  private preset!: CrmPreset;
  private pipeline!: Pipeline;
  private index: FieldIndex = {};
  private headerWidth = 0;
  private headerNames: string[] = [];
  private stageLookup = new Map<string, StageMatch>();
  /** Stage and status cells as written -> their match (exports repeat a handful of labels). */
  private stageCache = new Map<string, StageMatch | null>();
  private statusCache = new Map<string, DealStatus | null>();
  private statusLookup = new Map<string, DealStatus>();
  /** Column index -> open-stage position, for HubSpot stage history. */
  private historyColumns: [number, number][] = [];
  private probabilityScale: ProbabilityScale = "auto";
  private readonly deals: Deal[] = [];
  private readonly issues: ImportIssue[] = [];
  private readonly counts = { open: 0, won: 0, lost: 0 };
  private records = 0;
  private skipped = 0;
  private cut = 0;
  readonly limits: ImportLimits;
  /** `options.currency` as a code, checked before anything is read. */
  private readonly currencyOption: string | undefined;

  constructor(
    private readonly options: ImportOptions,
    private readonly format: "csv" | "xlsx",
    private readonly encoding: string | null,
  ) {
    this.limits = importLimits(options.limits);
    if (options.currency !== undefined && options.currency.trim() !== "") {
      const code = parseCurrencyCode(options.currency);
      if (code === null) throw new ImportError("error.badCurrencyOption", { value: fitText(options.currency, MESSAGE_VALUE_CHARS) });
      this.currencyOption = code;
    }
  }

  progressHandler(): ((fraction: number) => void) | undefined {
    const onProgress = this.options.onProgress;
    if (!onProgress) return undefined;
    return (fraction) => onProgress({ rowsDone: this.records, fraction });
  }

  header(cells: string[]): void {
    const requested = this.options.preset ?? "auto";
    const id = requested === "auto" ? detectPreset(cells) : requested;
    this.preset = presetFor(id, cells);
    this.headerNames = cells;
    this.headerWidth = cells.length;
    this.pipeline = {
      stages: (this.options.pipeline?.stages ?? this.preset.pipeline.stages).map((stage) => ({ ...stage })),
      wonLabels: [...(this.options.pipeline?.wonLabels ?? this.preset.pipeline.wonLabels)],
      lostLabels: [...(this.options.pipeline?.lostLabels ?? this.preset.pipeline.lostLabels)],
    };
    if (this.pipeline.stages.length === 0) throw new ImportError("error.noOpenStages");
    this.probabilityScale = this.options.probabilityScale ?? this.preset.probabilityScale;
    this.index = this.mapColumns(cells);
    this.buildStageLookup();
    this.buildStatusLookup();
    if (this.preset.stageHistory) this.buildHistoryColumns(cells);
  }

  private mapColumns(cells: string[]): FieldIndex {
    const positions = new Map<string, number>();
    cells.forEach((cell, column) => {
      const key = headerKey(cell);
      if (!positions.has(key)) positions.set(key, column);
    });
    const index: FieldIndex = {};
    for (const field of MAPPED_FIELDS) {
      const override = this.options.columns?.[field];
      if (override !== undefined) {
        const column = positions.get(headerKey(override));
        if (column === undefined) {
          throw new ImportError("error.noColumnNamed", { column: override, field, columns: cells.join(", ") });
        }
        index[field] = column;
        continue;
      }
      for (const candidate of this.preset.columns[field] ?? []) {
        const column = positions.get(headerKey(candidate));
        if (column !== undefined) {
          index[field] = column;
          break;
        }
      }
    }
    if (index.stage === undefined && index.status === undefined && index.isClosed === undefined) {
      throw new ImportError("error.noStageColumn", {
        preset: this.preset.label,
        candidates: (this.preset.columns.stage ?? []).join(", "),
        columns: cells.join(", "),
      });
    }
    if (index.amount === undefined) {
      throw new ImportError("error.noAmountColumn", {
        preset: this.preset.label,
        candidates: (this.preset.columns.amount ?? []).join(", "),
        columns: cells.join(", "),
      });
    }
    return index;
  }

  private buildStageLookup(): void {
    const lookup = this.stageLookup;
    this.pipeline.stages.forEach((stage, position) =>
      lookup.set(labelKey(stage.name), { kind: "open", label: stage.name, position }),
    );
    for (const label of this.pipeline.wonLabels) lookup.set(labelKey(label), { kind: "won", label, position: null });
    for (const label of this.pipeline.lostLabels) lookup.set(labelKey(label), { kind: "lost", label, position: null });
    const aliases = { ...this.preset.stageAliases, ...this.options.stageAliases };
    for (const [alias, target] of Object.entries(aliases)) {
      const match = lookup.get(labelKey(target));
      if (match && !lookup.has(labelKey(alias))) lookup.set(labelKey(alias), match);
    }
  }

  private buildStatusLookup(): void {
    const labels = { ...this.preset.statusLabels, ...this.options.statusLabels };
    for (const status of ["open", "won", "lost"] as const) {
      for (const label of labels[status] ?? []) this.statusLookup.set(labelKey(label), status);
    }
  }

  private buildHistoryColumns(cells: string[]): void {
    cells.forEach((cell, column) => {
      const history = hubspotHistoryStage(cell);
      if (!history) return;
      const match = this.stageLookup.get(labelKey(history.stage));
      if (match && match.kind === "open" && match.position !== null) this.historyColumns.push([column, match.position]);
    });
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
    const notices: RowIssue[] = [];
    const outcome = this.normalize(record, notices);
    if (outcome instanceof RowIssue) {
      this.skipped++;
      this.pushIssue(record, outcome);
      return;
    }
    for (const field of DEAL_TEXT_FIELDS) {
      const text = outcome[field];
      const cut = cutText(text, this.limits.cellChars);
      if (cut === null) continue;
      outcome[field] = cut;
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
    for (const notice of notices) this.pushIssue(record, notice);
    this.counts[outcome.status]++;
    this.deals.push(outcome);
  }

  /** Records an issue, with the row's id and name cut to fit a cell and its values to fit a message. */
  private pushIssue(record: RawRecord, issue: RowIssue): void {
    const values = fitValues(issue.values);
    const entry: ImportIssue = {
      record: record.record,
      line: record.line,
      id: fitText(this.text(record.cells, "id"), this.limits.cellChars),
      name: fitText(this.text(record.cells, "name"), this.limits.cellChars),
      reason: issue.reason,
      message: importText("en-US", issue.key, values),
      messageKey: issue.key,
      messageValues: values,
    };
    if (issue.column !== undefined) entry.column = issue.column;
    if (issue.originalLength !== undefined) entry.originalLength = issue.originalLength;
    this.issues.push(entry);
  }

  private cell(cells: RawCell[], field: MappedField): RawCell {
    const column = this.index[field];
    return column === undefined ? "" : (cells[column] ?? "");
  }

  private text(cells: RawCell[], field: MappedField): string {
    const value = this.cell(cells, field);
    return typeof value === "number" ? String(value) : value;
  }

  private columnName(field: MappedField): string {
    const column = this.index[field];
    return column === undefined ? field : this.headerNames[column];
  }

  private matchStage(text: string): StageMatch | null {
    let match = this.stageCache.get(text);
    if (match === undefined) {
      match = this.stageLookup.get(labelKey(text)) ?? null;
      if (this.stageCache.size < 10000) this.stageCache.set(text, match);
    }
    return match;
  }

  private matchStatus(text: string): DealStatus | null {
    let status = this.statusCache.get(text);
    if (status === undefined) {
      status = this.statusLookup.get(labelKey(text)) ?? null;
      if (this.statusCache.size < 10000) this.statusCache.set(text, status);
    }
    return status;
  }

  /** The row's deal, or why it is left out; notices about the deal are added to `notices`. */
  private normalize(record: RawRecord, notices: RowIssue[]): Deal | RowIssue {
    const cells = record.cells;
    if (record.malformed) return new RowIssue("fieldCount", "row.brokenQuoting", { detail: record.malformed });
    if (cells.length !== this.headerWidth) {
      return new RowIssue("fieldCount", "row.fieldCount", { count: cells.length, expected: this.headerWidth });
    }

    // Stage and status.
    const stageText = this.text(cells, "stage").trim();
    const stageMatch = stageText === "" ? undefined : (this.matchStage(stageText) ?? undefined);
    let status: DealStatus | null = null;
    const statusText = this.text(cells, "status").trim();
    if (statusText !== "") {
      status = this.matchStatus(statusText);
      if (status === null) {
        return new RowIssue("status", "row.unknownStatus", { value: statusText, column: this.columnName("status") });
      }
    } else if (this.index.isClosed !== undefined && this.text(cells, "isClosed").trim() !== "") {
      const closed = parseFlag(this.cell(cells, "isClosed"));
      const won = parseFlag(this.cell(cells, "isWon"));
      if (!closed.ok) return badValue("status", closed, this.columnName("isClosed"));
      if (!won.ok) return badValue("status", won, this.columnName("isWon"));
      status = closed.value ? (won.value ? "won" : "lost") : "open";
    }
    if (status === null) {
      if (!stageMatch) {
        return stageText === ""
          ? new RowIssue("stage", "row.stageBlank")
          : new RowIssue("stage", "row.unknownStage", { value: stageText });
      }
      status = stageMatch.kind;
    } else if (status === "open" && (!stageMatch || stageMatch.kind !== "open")) {
      return stageText === ""
        ? new RowIssue("stage", "row.openStageBlank")
        : new RowIssue("stage", "row.notOpenStage", { value: stageText });
    }
    const stagePosition = stageMatch && stageMatch.kind === "open" ? stageMatch.position : null;
    const stage = stageMatch ? stageMatch.label : stageText || (status === "won" ? this.pipeline.wonLabels[0] : status === "lost" ? this.pipeline.lostLabels[0] : "");

    // Amount.
    const closed = status !== "open";
    let amountRaw = this.cell(cells, "amount");
    let amountField: MappedField = "amount";
    if (closed && this.index.actualAmount !== undefined && this.text(cells, "actualAmount").trim() !== "") {
      amountRaw = this.cell(cells, "actualAmount");
      amountField = "actualAmount";
    }
    const amount = parseAmount(amountRaw);
    if (!amount.ok) return badValue("amount", amount, this.columnName(amountField));
    if (amount.value === null && status === "won") {
      return new RowIssue("missingAmount", "row.wonWithoutAmount", { column: this.columnName(amountField) });
    }

    // Dates.
    const dateOptions = { dateOrder: this.options.dateOrder === "DMY" ? ("DMY" as const) : ("MDY" as const), serials: this.format === "xlsx" };
    const created = parseDate(this.cell(cells, "createdDate"), dateOptions);
    if (!created.ok) return badValue("date", created, this.columnName("createdDate"));
    let closeField: MappedField = "closeDate";
    if (closed && this.index.actualCloseDate !== undefined && this.text(cells, "actualCloseDate").trim() !== "") {
      closeField = "actualCloseDate";
    }
    const close = parseDate(this.cell(cells, closeField), dateOptions);
    if (!close.ok) return badValue("date", close, this.columnName(closeField));

    // Probability.
    let probability: number;
    if (status === "won") probability = 1;
    else if (status === "lost") probability = 0;
    else {
      const parsed = parseProbability(this.cell(cells, "probability"), this.probabilityScale);
      if (!parsed.ok) return badValue("probability", parsed, this.columnName("probability"));
      probability = parsed.value ?? this.pipeline.stages[stagePosition as number].probability;
    }

    // Where a lost deal was lost.
    let lostAtStage: number | null = null;
    if (status === "lost") {
      if (stagePosition !== null) lostAtStage = stagePosition;
      else if (this.historyColumns.length > 0) {
        for (const [column, position] of this.historyColumns) {
          const entered = cells[column];
          const blank = typeof entered === "string" && entered.trim() === "";
          if (!blank && (lostAtStage === null || position > lostAtStage)) lostAtStage = position;
        }
      }
    }

    const furthestStage =
      status === "open" ? (stagePosition as number) : status === "won" ? this.pipeline.stages.length : (lostAtStage ?? 0);
    const currencyText = this.text(cells, "currency").trim();
    let currency = currencyText === "" ? null : parseCurrencyCode(currencyText);
    if (currency === null) {
      currency = amount.value?.currency || this.currencyOption || this.preset.defaultCurrency;
      if (currencyText !== "") {
        const column = this.columnName("currency");
        notices.push(new RowIssue("currency", "row.currencyIgnored", { value: currencyText, column, currency }, column));
      }
    }
    return {
      id: this.text(cells, "id").trim() || String(record.record),
      name: this.text(cells, "name"),
      customer: this.text(cells, "customer").trim(),
      owner: this.text(cells, "owner").trim(),
      amount: amount.value?.amount ?? 0,
      currency,
      createdDate: created.value,
      closeDate: close.value,
      stage,
      stagePosition,
      status,
      probability,
      lostAtStage,
      source: this.text(cells, "source").trim(),
      furthestStage,
    };
  }

  finish(summary: ReadSummary): ImportResult {
    const columns: Partial<Record<MappedField, string>> = {};
    for (const field of MAPPED_FIELDS) {
      const column = this.index[field];
      if (column !== undefined) columns[field] = this.headerNames[column];
    }
    return {
      deals: this.deals,
      detected: {
        preset: this.preset.id,
        presetBasis: (this.options.preset ?? "auto") === "auto" ? (this.preset.id === "generic" ? "default" : "evidence") : "option",
        encoding: this.encoding,
        delimiter: null,
        decimalMark: ".",
        decimalMarkBasis: "default",
        dateOrder: this.options.dateOrder === "DMY" ? "DMY" : "MDY",
        dateOrderBasis: this.options.dateOrder && this.options.dateOrder !== "auto" ? "option" : "default",
        columns,
        stages: [],
        stagesUnused: [],
        blankLines: 0,
        footer: [],
        otherEncodingLines: null,
      },
      issues: this.issues,
      preset: this.preset.id,
      pipeline: this.pipeline,
      columns,
      stats: {
        format: this.format,
        encoding: this.encoding,
        records: summary.records,
        imported: this.deals.length,
        skipped: this.skipped,
        notices: this.issues.length - this.skipped,
        cut: this.cut,
        ...this.counts,
        footerLine: summary.footerLine,
        footerRecords: summary.footerRecords,
      },
    };
  }
}
