import * as fs from "fs";
import type { Deal } from "../core/deal";
import type { CommissionPlan } from "../core/commission/types";
import { parseCommissionPlan } from "../core/commission/validate";
import { commissionNameWarnings } from "../core/commission/wonDeals";
import { givenInputs } from "../compose/sheets";
import { checkSheetOptions, planWorkbook } from "../compose/workbook";
import { ImportError, isNotice } from "../import/errors";
import { importText } from "../i18n/import";
import { cliText, CliKey, formatCount, LanguageEnv, messageLocale } from "../i18n/cli";
import { commissionMessage } from "../i18n/commission";
import { importNotes } from "../import/notes";
import {
  type ChunkedFile,
  decodeExport,
  type DecodedExport,
  type HeldImportResult,
  ImportOptions,
  ImportProgress,
  readChunkedExportByColumn,
  readDecodedExportByColumn,
} from "../import/normalize";
import { presetName } from "../import/presets";
import { isFormulaCell, PlanCell, WorkbookPlan } from "../workbook/plan";
import { planRefresh, RefreshResult, type ExistingBook } from "../workbook/refresh";
import type { Locale } from "../core/locale";
import { writeXlsxStream, type XlsxStream } from "../workbook/xlsx/writeXlsx";
import { BuildArgs, ImportArgs, parseCliArgs } from "./args";
import { AtomicWriteFs, FileContent, nodeAtomicWriteFs, OutputRefused, writeFileAtomic } from "./atomicWrite";
import { readExistingBook } from "./book";
import { runInspect } from "./inspect";
import { collectEvery, freeMemory } from "./memory";
import { commissionQuotas, QuotaFile, readQuotaFile, scorecardQuotas } from "./quotas";
import { clip, clipValues, errorText, guardOutput, issueLines, leftOutSummary, MESSAGE_LIMIT } from "./output";

/**
 * Exit codes of the command line: 0 written (inspect: described), 1 anything else, 2 bad
 * arguments, 3 the input cannot be read or holds no deal, 4 `--strict` and rows left out.
 */
export const EXIT = { done: 0, failed: 1, badArguments: 2, unreadableInput: 3, rowsLeftOut: 4 } as const;

/**
 * Where the command writes and reads; the real one is the process, a test passes a fake.
 * runCli and runBuild print through {@link guardOutput}: every line is bounded and its
 * control characters escaped before it reaches stdout or stderr.
 */
export interface CliIO {
  stdout(line: string): void;
  stderr(line: string): void;
  readFile(file: string): Promise<Uint8Array>;
  /**
   * The file as chunks, read from its start each time they are asked for; undefined when it
   * cannot be read that way (not a regular file: a pipe is read once, whole). Optional: an
   * I/O without it has every input read whole.
   */
  openChunks?(file: string): Promise<ChunkedFile | undefined>;
  /** Writes (replaces) `file` with `bytes`, whole or streamed. */
  writeFile(file: string, bytes: FileContent): Promise<void>;
  /**
   * The environment whose LC_ALL, LC_MESSAGES or LANG gives the language of the messages when
   * no `--locale` is given (the process's for the real I/O; none: English).
   */
  env?: LanguageEnv;
}

/** The pieces of the product the build puts together (injected so tests can swap them). */
export interface BuildDependencies {
  planWorkbook: typeof planWorkbook;
  /** The workbook's bytes, or a stream of them that the build closes once written. */
  writeXlsx(plan: WorkbookPlan): Promise<Uint8Array | XlsxStream>;
}

/**
 * The node I/O over a file system: the workbook is written atomically ({@link writeFileAtomic}:
 * a temporary file beside it, fsynced, renamed over it; never through a symbolic link).
 */
export function nodeIO(fsApi: AtomicWriteFs = nodeAtomicWriteFs): CliIO {
  return {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    // A Buffer is a Uint8Array: returned as it is, not copied (an export can be 170 MB).
    readFile: (file) => fs.promises.readFile(file),
    openChunks: async (file) => {
      const stat = await fs.promises.stat(file);
      // Chunks of 64 KiB: their text is small enough for V8's young generation, where it is
      // freed at once; a megabyte's text goes to the large-object space and waits for a full
      // collection (the 100,000-deal import peaked 75 MB higher with 1 MiB chunks).
      return stat.isFile() ? { size: stat.size, chunks: () => fs.createReadStream(file, { highWaterMark: 1 << 16 }) } : undefined;
    },
    writeFile: (file, bytes) => writeFileAtomic(file, bytes, fsApi),
    env: process.env,
  };
}

/** The real node I/O. */
export const processIO: CliIO = nodeIO();

/**
 * Runs the command line and returns its exit code (never throws, never exits the process).
 *
 * @example
 * await runCli(["build", "--input", "deals.csv", "--out", "deals.xlsx"], processIO) // 0
 */
export async function runCli(argv: readonly string[], rawIO: CliIO = processIO, dependencies?: BuildDependencies): Promise<number> {
  const io = guardOutput(rawIO);
  // The language of every line printed: --locale, else the system's when Chinese, else en-US.
  const messages = messageLocale(argv, rawIO.env);
  const parsed = parseCliArgs(argv, messages);
  if (parsed.kind === "help") {
    // Line by line: a line break inside a printed line is escaped.
    for (const line of parsed.text.split("\n")) io.stdout(line);
    return EXIT.done;
  }
  if (parsed.kind === "error") {
    io.stderr(`salesquant: ${parsed.message}`);
    return EXIT.badArguments;
  }
  if (parsed.kind === "inspect") return runInspect(parsed.args, io, messages);
  return runBuild(parsed.args, io, dependencies, messages);
}

/** The most frequent currency of the deals, or null when there are none. */
function commonCurrency(deals: readonly Deal[]): string | null {
  const counts = new Map<string, number>();
  for (const deal of deals) counts.set(deal.currency, (counts.get(deal.currency) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [currency, count] of counts) {
    if (count > bestCount) [best, bestCount] = [currency, count];
  }
  return best;
}

function progressPrinter(io: CliIO, quiet: boolean, locale: Locale): ((progress: ImportProgress) => void) | undefined {
  if (quiet) return undefined;
  let nextTenth = 1;
  let printed = false;
  return (progress) => {
    // Only long files print: the first line appears after 10,000 rows.
    if (progress.rowsDone < 10000 && !printed) return;
    const tenth = Math.floor(progress.fraction * 10);
    if (tenth >= nextTenth) {
      printed = true;
      nextTenth = tenth + 1;
      io.stderr(cliText(locale, "progress.reading", { percent: Math.round(progress.fraction * 100), rows: formatCount(locale, progress.rowsDone) }));
    }
  };
}

/**
 * Reads the export, plans every sheet and writes the workbook. Returns the exit code.
 *
 * Rules: the input that cannot be read (missing file, not an export, no stage or amount
 * column) is exit 3 with the reason; a commission plan that cannot be read or is invalid is
 * exit 2 (it is an argument); anything failing after that is exit 1. Every error is one
 * plain sentence on stderr; the summary goes to stdout. Everything printed is in `messages`
 * (by default the workbook's `--locale`, else en-US).
 */
export async function runBuild(
  args: BuildArgs,
  rawIO: CliIO = processIO,
  dependencies?: BuildDependencies,
  messages: Locale = args.locale ?? "en-US",
): Promise<number> {
  const io = guardOutput(rawIO);
  const say = (key: CliKey, values?: Record<string, string | number>) => `salesquant: ${cliText(messages, key, values)}`;
  const list = (items: readonly string[]) => items.join(cliText(messages, "list.comma"));
  // The commission plan is an argument: check it before the (possibly long) import.
  let commissionPlan: CommissionPlan | null = null;
  if (args.commissionPlan) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8").decode(await io.readFile(args.commissionPlan)).replace(/^\ufeff/, ""));
    } catch (error) {
      io.stderr(say("plan.unreadable", { file: clip(args.commissionPlan), reason: errorText(error) }));
      return EXIT.badArguments;
    }
    const parsed = parseCommissionPlan(json);
    if ("errors" in parsed) {
      io.stderr(say("plan.invalid", { file: clip(args.commissionPlan) }));
      for (const error of parsed.errors) {
        io.stderr(`  ${clip(error.field) || cliText(messages, "plan.wholePlan")}: ${clip(commissionMessage(messages, error), MESSAGE_LIMIT)}`);
      }
      return EXIT.badArguments;
    }
    commissionPlan = parsed.plan;
  }

  let quotaFile: QuotaFile | null = null;
  if (args.quotas) {
    let read: ReturnType<typeof readQuotaFile>;
    try {
      read = readQuotaFile(new TextDecoder("utf-8").decode(await io.readFile(args.quotas)));
    } catch (error) {
      io.stderr(say("quotas.unreadable", { file: clip(args.quotas), reason: errorText(error) }));
      return EXIT.badArguments;
    }
    if ("errors" in read) {
      io.stderr(say("quotas.invalid", { file: clip(args.quotas) }));
      for (const error of read.errors.slice(0, 10)) io.stderr(`  ${clip(error, MESSAGE_LIMIT)}`);
      return EXIT.badArguments;
    }
    quotaFile = read;
    if (commissionPlan && typeof commissionPlan.quota === "number") {
      const quotas = commissionQuotas(read);
      if ("differ" in quotas) {
        io.stderr(say("quotas.perPeriod", { file: clip(args.quotas), reps: list(quotas.differ.map((rep) => `"${clip(rep)}"`)) }));
        return EXIT.badArguments;
      }
      commissionPlan = { ...commissionPlan, quota: quotas.quota, defaultQuota: commissionPlan.quota };
    }
  }

  // The workbook to refresh is an argument: read it before the import.
  let book: ExistingBook | null = null;
  if (args.update) {
    try {
      book = await readExistingBook(await io.readFile(args.update));
    } catch (error) {
      const reason = error instanceof ImportError ? importText(messages, error.messageKey, clipValues(error.messageValues)) : errorText(error);
      io.stderr(say("update.unreadable", { file: clip(args.update), reason: clip(reason, MESSAGE_LIMIT) }));
      return EXIT.badArguments;
    }
    if (book.saved.size === 0) {
      io.stderr(say("update.notBuilt", { file: clip(args.update) }));
      return EXIT.badArguments;
    }
    const commissionSheets = [...book.saved.values()].filter((s) => s.role.startsWith("commission"));
    if (commissionSheets.length > 0 && !commissionPlan) {
      io.stderr(say("update.needsPlan", { file: clip(args.update), sheets: list(commissionSheets.map((s) => `"${clip(s.name)}"`)) }));
      return EXIT.badArguments;
    }
  }

  // Sheet options are arguments too: a bad one stops the build before the import.
  const optionErrors = checkSheetOptions(args.sheetOptions, args.locale ?? messages);
  if (optionErrors.length > 0) {
    for (const error of optionErrors) io.stderr(`salesquant: ${clip(error.field)}: ${clip(error.message, MESSAGE_LIMIT)}`);
    return EXIT.badArguments;
  }

  // The file's bytes are not kept past the import (a large export's worth of memory).
  const read = await readExport(args, io, progressPrinter(io, args.quiet, messages), messages).then((r) =>
    "code" in r ? r : { result: r.result },
  );
  if ("code" in read) return read.code;
  const { result } = read;
  const { records, skipped } = result.stats;
  if (records === 0) {
    io.stderr(say("build.noDataRows", { file: clip(args.input) }));
    return EXIT.unreadableInput;
  }
  if (result.deals.length === 0) {
    // A workbook of no deals would look like success to automation: it is an input that cannot be used.
    io.stderr(
      say(records === 1 ? "build.noDealOne" : "build.noDealMany", {
        file: clip(args.input),
        records: formatCount(messages, records),
        reasons: leftOutSummary(result.issues, messages),
      }),
    );
    for (const line of issueLines(result.issues, 5, messages)) io.stderr(line);
    return EXIT.unreadableInput;
  }
  if (args.strict && skipped > 0) {
    io.stderr(
      say(records === 1 ? "build.strictOne" : "build.strictMany", {
        skipped: formatCount(messages, skipped),
        records: formatCount(messages, records),
        file: clip(args.input),
        reasons: leftOutSummary(result.issues, messages),
      }),
    );
    for (const line of issueLines(result.issues.filter((issue) => !isNotice(issue)), 5, messages)) io.stderr(line);
    io.stderr(cliText(messages, "build.strictHint", { file: shellWord(clip(args.input)) }));
    return EXIT.rowsLeftOut;
  }

  const locale: Locale =
    args.locale ?? (result.preset === "fxiaoke" || /[\u3400-\u9fff]/.test(Object.values(result.columns).join("")) ? "zh-CN" : "en-US");

  let deps: BuildDependencies;
  try {
    deps = dependencies ?? loadBuildDependencies();
  } catch (error) {
    io.stderr(`salesquant: ${errorText(error)}`);
    return EXIT.failed;
  }

  const notes = importNotes(result.detected);
  const composed = deps.planWorkbook(result.deals, result.pipeline, {
    locale,
    currency: args.currency ?? commonCurrency(result.deals) ?? "USD",
    sheets: args.sheetOptions,
    issues: result.issues,
    notes,
    commission: commissionPlan ?? undefined,
    ...(quotaFile ? { quotas: scorecardQuotas(quotaFile) } : {}),
  });
  if (!composed.ok) {
    io.stderr(say("build.notPlanned"));
    for (const error of composed.errors) io.stderr(`  ${clip(error.field) || cliText(messages, "build.wholeWorkbook")}: ${clip(error.message, MESSAGE_LIMIT)}`);
    return EXIT.failed;
  }
  let plan = composed.plan;
  // An option given on this run beats what the workbook's cells hold (a date typed last month).
  const given = Object.entries(args.sheetOptions).flatMap(([id, values]) => givenInputs(id as keyof typeof args.sheetOptions, values));
  // The quotas file fills the scorecard's quota, as --reps-quota does.
  if (quotaFile) given.push(...givenInputs("reps", { quota: args.quotas }));
  const refresh = book ? planRefresh(plan, book, given) : null;
  if (refresh) plan = refresh.plan;
  // Names of the plan that own no deal (a typo in "quota" pays nobody): said, not refused.
  if (commissionPlan) {
    for (const warning of commissionNameWarnings(commissionPlan, result.deals)) {
      io.stderr(say("plan.warning", { field: clip(warning.field), message: clip(commissionMessage(messages, warning), MESSAGE_LIMIT) }));
    }
  }

  // What planning made and let go of is freed before the writer's buffers are added to it.
  await freeMemory();
  try {
    const workbook = await deps.writeXlsx(plan);
    try {
      await io.writeFile(args.out, workbook);
    } finally {
      if ("close" in workbook) await workbook.close();
    }
  } catch (error) {
    io.stderr(
      error instanceof OutputRefused
        ? say("write.refused", { file: clip(args.out), reason: refusalText(error, messages) })
        : say("write.failed", { file: clip(args.out), reason: errorText(error) }),
    );
    return EXIT.failed;
  }
  const { stats } = result;
  const count = (value: number) => formatCount(messages, value);
  io.stdout(
    cliText(messages, "summary.wrote", {
      out: clip(args.out),
      imported: count(stats.imported),
      open: count(stats.open),
      won: count(stats.won),
      lost: count(stats.lost),
      input: clip(args.input),
      // English names the preset by its id, as --preset takes it; Chinese by its name.
      preset: messages === "en-US" ? result.preset : presetName(result.preset, messages),
      encoding: stats.encoding ? cliText(messages, "summary.encoding", { encoding: stats.encoding }) : "",
      skipped: count(stats.skipped),
      notices: stats.notices > 0 ? cliText(messages, "summary.notices", { notices: count(stats.notices), cut: count(stats.cut) }) : "",
      sheet: importText(locale, "issues.sheet"),
    }),
  );
  // What was decided about the file (date order, footer, stages added...), then the rows left out.
  for (const note of notes) io.stdout(`  ${clip(importText(messages, note.key, clipValues(note.values)), MESSAGE_LIMIT)}`);
  for (const line of issueLines(result.issues, 5, messages)) io.stdout(line);
  if (refresh && args.update) for (const line of refreshLines(refresh, args.update, messages)) io.stdout(line);
  return EXIT.done;
}

/** What a refresh kept and what it could not put back, for the summary, in `locale` (en-US by default). */
export function refreshLines(refresh: RefreshResult, book: string, locale: Locale = "en-US"): string[] {
  const text = (key: CliKey, values?: Record<string, string | number>) => cliText(locale, key, values);
  const count = (value: number) => formatCount(locale, value);
  const comma = text("list.comma");
  const lines = [text("refresh.carried", { book: clip(book), count: count(refresh.carried) })];
  if (refresh.replaced > 0) lines.push(text("refresh.replaced", { count: count(refresh.replaced) }));
  const show = (cell: PlanCell): string => (cell === null ? "" : isFormulaCell(cell) ? cell.f : String(cell));
  if (refresh.orphans.length > 0) {
    lines.push(text("refresh.orphans", { count: count(refresh.orphans.length) }));
    for (const o of refresh.orphans.slice(0, 20))
      lines.push(text("refresh.orphan", { sheet: clip(o.sheet), key: clip(o.key), values: o.values.map((v) => clip(show(v))).join(comma) }));
    if (refresh.orphans.length > 20) lines.push(text("refresh.moreOrphans", { count: count(refresh.orphans.length - 20) }));
  }
  if (refresh.displaced.length > 0)
    lines.push(
      text("refresh.displaced", {
        count: count(refresh.displaced.length),
        cells: refresh.displaced.slice(0, 10).map((d) => `${clip(d.sheet)}!${d.at}`).join(comma),
        more: refresh.displaced.length > 10 ? text("refresh.moreDisplaced") : "",
      }),
    );
  if (refresh.kept.length > 0) lines.push(text("refresh.kept", { names: refresh.kept.map((name) => `"${clip(name)}"`).join(comma) }));
  return lines;
}

/** Why the workbook was not written through `--out` (a link, a folder...), in `locale`. */
function refusalText(error: OutputRefused, locale: Locale): string {
  const keys: Record<string, CliKey> = {
    [cliText("en-US", "write.symlink")]: "write.symlink",
    [cliText("en-US", "write.folder")]: "write.folder",
    [cliText("en-US", "write.notFile")]: "write.notFile",
  };
  const key = keys[error.message];
  return key ? cliText(locale, key) : error.message;
}

/**
 * The import options of the reading flags (`--preset`, `--map`, `--encoding`, `--sheet`,
 * `--pipeline`, `--date-order`, `--decimal-mark`, `--stages`, `--won`, `--lost`, `--currency`): the same
 * for build and inspect, so inspect describes exactly what build would read.
 */
export function importOptionsOf(args: ImportArgs, onProgress?: (progress: ImportProgress) => void): ImportOptions {
  return {
    preset: args.preset,
    encoding: args.encoding,
    sheet: args.sheet ?? undefined,
    ...(args.pipeline !== null ? { onlyPipeline: args.pipeline } : {}),
    currency: args.currency ?? undefined,
    dateOrder: args.dateOrder,
    decimalMark: args.decimalMark,
    ...(Object.keys(args.columns).length > 0 ? { columns: { ...args.columns } } : {}),
    pipeline: {
      ...(args.stages ? { stages: args.stages.map((name, index, all) => ({ name, probability: defaultProbability(index, all.length) })) } : {}),
      ...(args.wonLabels ? { wonLabels: args.wonLabels } : {}),
      ...(args.lostLabels ? { lostLabels: args.lostLabels } : {}),
    },
    ...(onProgress ? { onProgress } : {}),
  };
}

/**
 * An import as the command line holds it: the deals held by column (readDecodedExportByColumn,
 * about half their memory as objects), read-only.
 */
export type CliImport = HeldImportResult;

/** What inspect says of the input file itself: its size and first bytes (a byte-order mark). */
export interface ExportFile {
  size: number;
  head: Uint8Array;
}

/**
 * Reads the input file and imports it with the reading flags. An input that cannot be read
 * (missing file, not an export, a header or column the file lacks) is printed on stderr in
 * one sentence and comes back as exit 3; an unexpected failure as exit 1.
 *
 * A UTF-8 CSV export that the I/O can give in chunks is read as it comes, never held whole
 * (readChunkedExportByColumn); anything else (an .xlsx package, another encoding, an input
 * that is not a regular file), and a file that turns out not to be UTF-8 partway, is read
 * whole and decoded first. Both give the same import.
 */
export async function readExport(
  args: ImportArgs,
  io: CliIO,
  onProgress?: (progress: ImportProgress) => void,
  messages: Locale = "en-US",
): Promise<{ result: CliImport; file: ExportFile } | { code: number }> {
  const unreadable = (error: unknown): { code: number } => {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      `salesquant: ${
        code === "ENOENT"
          ? cliText(messages, "read.missing", { file: clip(args.input) })
          : cliText(messages, "read.unreadable", { file: clip(args.input), reason: errorText(error) })
      }`,
    );
    return { code: EXIT.unreadableInput };
  };
  let chunked: ChunkedFile | undefined;
  try {
    chunked = await io.openChunks?.(args.input);
  } catch (error) {
    return unreadable(error);
  }
  const file: ExportFile = { size: chunked?.size ?? 0, head: new Uint8Array(0) };
  // Every 32 MB of the file read, the import's garbage is collected: the heap stays near what
  // the import holds instead of growing to a multiple of it.
  const collect = collectEvery();
  const progress = (done: ImportProgress): void => {
    onProgress?.(done);
    collect(done.fraction * file.size);
  };
  const options = importOptionsOf(args, progress);
  try {
    if (chunked) {
      const source = chunked;
      const result = await readChunkedExportByColumn(
        {
          size: source.size,
          chunks: async function* () {
            for await (const chunk of source.chunks()) {
              // A copy of the first bytes: a view would keep the whole chunk.
              if (file.head.length < 4) file.head = Uint8Array.from([...file.head, ...chunk.subarray(0, 4 - file.head.length)]);
              yield chunk;
            }
          },
        },
        options,
      );
      await freeMemory();
      if (result) return { result, file };
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await io.readFile(args.input);
    } catch (error) {
      return unreadable(error);
    }
    file.size = bytes.length;
    // A copy of the first bytes: a Buffer's slice is a view that would keep the whole file.
    file.head = Uint8Array.from(bytes.subarray(0, 4));
    let decoded: DecodedExport | null = decodeExport(bytes, options);
    // CSV: the bytes are let go once they are text, so a large file is not held twice while
    // its rows are read.
    bytes = null;
    await freeMemory();
    const result = await readDecodedExportByColumn(decoded, options);
    // The file's text is garbage now: freed before the workbook is planned.
    decoded = null;
    await freeMemory();
    return { result, file };
  } catch (error) {
    if (error instanceof ImportError) {
      const reason = clip(importText(messages, error.messageKey, clipValues(error.messageValues)), MESSAGE_LIMIT * 2);
      io.stderr(`salesquant: ${cliText(messages, "read.notExport", { file: clip(args.input), reason })}`);
      return { code: EXIT.unreadableInput };
    }
    // The file failed to read partway (a chunk's system call): as a file that cannot be read.
    if ((error as NodeJS.ErrnoException).syscall !== undefined) return unreadable(error);
    io.stderr(`salesquant: ${cliText(messages, "read.failed", { file: clip(args.input), reason: errorText(error) })}`);
    return { code: EXIT.failed };
  }
}

/**
 * A word as a POSIX shell reads it back: as it is when it holds only safe characters, else in
 * single quotes (a quote inside written '\'').
 *
 * @example
 * shellWord("Deal size") // "'Deal size'"
 */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** Default probabilities of stages named on the command line: evenly from 10% to 90%. */
export function defaultProbability(index: number, count: number): number {
  if (count <= 1) return 0.5;
  return Math.round((0.1 + (0.8 * index) / (count - 1)) * 100) / 100;
}

/** The product's generators and the .xlsx writer. */
export function loadBuildDependencies(): BuildDependencies {
  return {
    planWorkbook,
    // Streamed from a temporary file into the atomic write: a million-row workbook (about
    // 120 MB) is never held in memory. The rows' garbage is collected every 32 MB of XML, as
    // the import's is (a million-row Deals sheet is about 900 MB of XML).
    writeXlsx: (plan) => writeXlsxStream(plan, { onRowBytes: collectEvery() }),
  };
}
