import * as fs from "fs";
import type { Deal } from "../core/deal";
import type { CommissionPlan } from "../core/commission/types";
import { parseCommissionPlan } from "../core/commission/validate";
import { commissionNameWarnings } from "../core/commission/wonDeals";
import { checkSheetOptions, planWorkbook } from "../compose/workbook";
import { ImportError, isNotice } from "../import/errors";
import { importText } from "../i18n/import";
import { importNotes } from "../import/notes";
import { ImportOptions, ImportProgress, ImportResult, parseCrmExport } from "../import/normalize";
import { isFormulaCell, PlanCell, WorkbookPlan } from "../workbook/plan";
import { planRefresh, RefreshResult, type ExistingBook } from "../workbook/refresh";
import type { Locale } from "../core/locale";
import { writeXlsxBuffer } from "../workbook/xlsx/writeXlsx";
import { BuildArgs, ImportArgs, parseCliArgs } from "./args";
import { AtomicWriteFs, nodeAtomicWriteFs, OutputRefused, writeFileAtomic } from "./atomicWrite";
import { readExistingBook } from "./book";
import { runInspect } from "./inspect";
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
  writeFile(file: string, bytes: Uint8Array): Promise<void>;
}

/** The pieces of the product the build puts together (injected so tests can swap them). */
export interface BuildDependencies {
  planWorkbook: typeof planWorkbook;
  writeXlsx(plan: WorkbookPlan): Promise<Uint8Array>;
}

/**
 * The node I/O over a file system: the workbook is written atomically ({@link writeFileAtomic}:
 * a temporary file beside it, fsynced, renamed over it; never through a symbolic link).
 */
export function nodeIO(fsApi: AtomicWriteFs = nodeAtomicWriteFs): CliIO {
  return {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    readFile: async (file) => new Uint8Array(await fs.promises.readFile(file)),
    writeFile: (file, bytes) => writeFileAtomic(file, bytes, fsApi),
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
  const parsed = parseCliArgs(argv);
  if (parsed.kind === "help") {
    // Line by line: a line break inside a printed line is escaped.
    for (const line of parsed.text.split("\n")) io.stdout(line);
    return EXIT.done;
  }
  if (parsed.kind === "error") {
    io.stderr(`salesquant: ${parsed.message}`);
    return EXIT.badArguments;
  }
  if (parsed.kind === "inspect") return runInspect(parsed.args, io);
  return runBuild(parsed.args, io, dependencies);
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

function progressPrinter(io: CliIO, quiet: boolean): ((progress: ImportProgress) => void) | undefined {
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
      io.stderr(`Reading... ${Math.round(progress.fraction * 100)}% (${progress.rowsDone.toLocaleString("en-US")} rows)`);
    }
  };
}

/**
 * Reads the export, plans every sheet and writes the workbook. Returns the exit code.
 *
 * Rules: the input that cannot be read (missing file, not an export, no stage or amount
 * column) is exit 3 with the reason; a commission plan that cannot be read or is invalid is
 * exit 2 (it is an argument); anything failing after that is exit 1. Every error is one
 * plain sentence on stderr; the summary goes to stdout.
 */
export async function runBuild(args: BuildArgs, rawIO: CliIO = processIO, dependencies?: BuildDependencies): Promise<number> {
  const io = guardOutput(rawIO);
  // The commission plan is an argument: check it before the (possibly long) import.
  let commissionPlan: CommissionPlan | null = null;
  if (args.commissionPlan) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8").decode(await io.readFile(args.commissionPlan)).replace(/^\ufeff/, ""));
    } catch (error) {
      io.stderr(`salesquant: cannot read the commission plan ${clip(args.commissionPlan)}: ${errorText(error)}`);
      return EXIT.badArguments;
    }
    const parsed = parseCommissionPlan(json);
    if ("errors" in parsed) {
      io.stderr(`salesquant: the commission plan ${clip(args.commissionPlan)} is not valid:`);
      for (const error of parsed.errors) io.stderr(`  ${clip(error.field) || "(plan)"}: ${clip(error.message, MESSAGE_LIMIT)}`);
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
      io.stderr(`salesquant: cannot read the quotas ${clip(args.quotas)}: ${errorText(error)}`);
      return EXIT.badArguments;
    }
    if ("errors" in read) {
      io.stderr(`salesquant: the quotas ${clip(args.quotas)} cannot be used:`);
      for (const error of read.errors.slice(0, 10)) io.stderr(`  ${clip(error, MESSAGE_LIMIT)}`);
      return EXIT.badArguments;
    }
    quotaFile = read;
    if (commissionPlan && typeof commissionPlan.quota === "number") {
      const quotas = commissionQuotas(read);
      if ("differ" in quotas) {
        io.stderr(
          `salesquant: the quotas ${clip(args.quotas)} give ${quotas.differ.map((rep) => `"${clip(rep)}"`).join(", ")} a different quota per period, ` +
            "and a commission plan has one quota per period: give the rep one quota and the plan a ramp.",
        );
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
      const reason = error instanceof ImportError ? importText("en-US", error.messageKey, clipValues(error.messageValues)) : errorText(error);
      io.stderr(`salesquant: cannot read the workbook to update ${clip(args.update)}: ${clip(reason, MESSAGE_LIMIT)}`);
      return EXIT.badArguments;
    }
    if (book.saved.size === 0) {
      io.stderr(`salesquant: ${clip(args.update)} has no sheets built by salesquant to update; build a new workbook without --update.`);
      return EXIT.badArguments;
    }
    const commissionSheets = [...book.saved.values()].filter((s) => s.role.startsWith("commission"));
    if (commissionSheets.length > 0 && !commissionPlan) {
      io.stderr(
        `salesquant: ${clip(args.update)} has commission sheets (${commissionSheets.map((s) => `"${clip(s.name)}"`).join(", ")}): ` +
          "give --commission-plan again; the settings, tiers and quotas typed on them are kept.",
      );
      return EXIT.badArguments;
    }
  }

  // Sheet options are arguments too: a bad one stops the build before the import.
  const optionErrors = checkSheetOptions(args.sheetOptions, args.locale ?? "en-US");
  if (optionErrors.length > 0) {
    for (const error of optionErrors) io.stderr(`salesquant: ${clip(error.field)}: ${clip(error.message, MESSAGE_LIMIT)}`);
    return EXIT.badArguments;
  }

  const read = await readExport(args, io, progressPrinter(io, args.quiet));
  if ("code" in read) return read.code;
  const { result } = read;
  const { records, skipped } = result.stats;
  if (records === 0) {
    io.stderr(`salesquant: no deal could be read from ${clip(args.input)}: it has a header but no data rows; nothing was written.`);
    return EXIT.unreadableInput;
  }
  if (result.deals.length === 0) {
    // A workbook of no deals would look like success to automation: it is an input that cannot be used.
    const rows = records === 1 ? "the only data row was" : `every one of the ${records.toLocaleString("en-US")} data rows was`;
    io.stderr(
      `salesquant: no deal could be read from ${clip(args.input)}: ${rows} left out (${leftOutSummary(result.issues)}), ` +
        "so there is no workbook to build; nothing was written. The first reasons:",
    );
    for (const line of issueLines(result.issues, 5)) io.stderr(line);
    return EXIT.unreadableInput;
  }
  if (args.strict && skipped > 0) {
    io.stderr(
      `salesquant: --strict: ${skipped.toLocaleString("en-US")} of ${records.toLocaleString("en-US")} data row${records === 1 ? "" : "s"} of ` +
        `${clip(args.input)} would be left out (${leftOutSummary(result.issues)}); nothing was written.`,
    );
    for (const line of issueLines(result.issues.filter((issue) => !isNotice(issue)), 5)) io.stderr(line);
    io.stderr(`Fix the rows in the export, or see how it is read with: salesquant inspect --input ${shellWord(clip(args.input))}`);
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
    io.stderr("salesquant: the workbook cannot be planned:");
    for (const error of composed.errors) io.stderr(`  ${clip(error.field) || "(workbook)"}: ${clip(error.message, MESSAGE_LIMIT)}`);
    return EXIT.failed;
  }
  let plan = composed.plan;
  const refresh = book ? planRefresh(plan, book) : null;
  if (refresh) plan = refresh.plan;
  // Names of the plan that own no deal (a typo in "quota" pays nobody): said, not refused.
  if (commissionPlan) {
    for (const warning of commissionNameWarnings(commissionPlan, result.deals)) {
      io.stderr(`salesquant: warning: ${clip(warning.field)}: ${clip(warning.message, MESSAGE_LIMIT)}`);
    }
  }

  try {
    await io.writeFile(args.out, await deps.writeXlsx(plan));
  } catch (error) {
    io.stderr(
      error instanceof OutputRefused
        ? `salesquant: cannot write ${clip(args.out)}: ${error.message}`
        : `salesquant: cannot write ${clip(args.out)}: ${errorText(error)}. A file already there is left as it was.`,
    );
    return EXIT.failed;
  }
  const { stats } = result;
  io.stdout(
    `Wrote ${clip(args.out)}: ${stats.imported} deals (${stats.open} open, ${stats.won} won, ${stats.lost} lost) ` +
      `from ${clip(args.input)} (${result.preset} preset${stats.encoding ? `, ${stats.encoding}` : ""}); ` +
      `${stats.skipped} row(s) left out` +
      (stats.notices > 0 ? `, ${stats.notices} value(s) imported with a notice (${stats.cut} text(s) cut to fit a cell)` : "") +
      `, listed on the ImportIssues sheet.`,
  );
  // What was decided about the file (date order, footer, stages added...), then the rows left out.
  for (const note of notes) io.stdout(`  ${clip(importText("en-US", note.key, clipValues(note.values)), MESSAGE_LIMIT)}`);
  for (const line of issueLines(result.issues, 5)) io.stdout(line);
  if (refresh && args.update) for (const line of refreshLines(refresh, args.update)) io.stdout(line);
  return EXIT.done;
}

/** What a refresh kept and what it could not put back, for the summary. */
export function refreshLines(refresh: RefreshResult, book: string): string[] {
  const lines = [`Updated from ${clip(book)}: ${refresh.carried} typed input cell(s) put back in their rows (values that differ from this build's defaults).`];
  const show = (cell: PlanCell): string => (cell === null ? "" : isFormulaCell(cell) ? cell.f : String(cell));
  if (refresh.orphans.length > 0) {
    lines.push(`  ${refresh.orphans.length} typed input(s) have no row any more (their rep, stage or period is not in this export); they are not in the new workbook:`);
    for (const o of refresh.orphans.slice(0, 20))
      lines.push(`    ${clip(o.sheet)}, ${clip(o.key)}: ${o.values.map((v) => clip(show(v))).join(", ")}`);
    if (refresh.orphans.length > 20) lines.push(`    ... and ${refresh.orphans.length - 20} more.`);
  }
  if (refresh.displaced.length > 0)
    lines.push(
      `  ${refresh.displaced.length} run(s) of cells you typed beside a generated table are now inside it and were not kept: ` +
        refresh.displaced.slice(0, 10).map((d) => `${clip(d.sheet)}!${d.at}`).join(", ") + (refresh.displaced.length > 10 ? ", ..." : "") + ".",
    );
  if (refresh.kept.length > 0)
    lines.push(`  Kept as they were (this build does not make them): ${refresh.kept.map((name) => `"${clip(name)}"`).join(", ")}.`);
  return lines;
}

/**
 * The import options of the reading flags (`--preset`, `--map`, `--encoding`, `--sheet`,
 * `--date-order`, `--decimal-mark`, `--stages`, `--won`, `--lost`, `--currency`): the same
 * for build and inspect, so inspect describes exactly what build would read.
 */
export function importOptionsOf(args: ImportArgs, onProgress?: (progress: ImportProgress) => void): ImportOptions {
  return {
    preset: args.preset,
    encoding: args.encoding,
    sheet: args.sheet ?? undefined,
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
 * Reads the input file and imports it with the reading flags. An input that cannot be read
 * (missing file, not an export, a header or column the file lacks) is printed on stderr in
 * one sentence and comes back as exit 3; an unexpected failure as exit 1.
 */
export async function readExport(
  args: ImportArgs,
  io: CliIO,
  onProgress?: (progress: ImportProgress) => void,
): Promise<{ result: ImportResult; bytes: Uint8Array } | { code: number }> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(args.input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      code === "ENOENT"
        ? `salesquant: the input file ${clip(args.input)} does not exist.`
        : `salesquant: cannot read the input file ${clip(args.input)}: ${errorText(error)}`,
    );
    return { code: EXIT.unreadableInput };
  }
  try {
    return { result: await parseCrmExport(bytes, importOptionsOf(args, onProgress)), bytes };
  } catch (error) {
    if (error instanceof ImportError) {
      io.stderr(`salesquant: cannot read ${clip(args.input)}: ${clip(importText("en-US", error.messageKey, clipValues(error.messageValues)), MESSAGE_LIMIT * 2)}`);
      return { code: EXIT.unreadableInput };
    }
    io.stderr(`salesquant: reading ${clip(args.input)} failed: ${errorText(error)}`);
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
    writeXlsx: async (plan) => new Uint8Array(await writeXlsxBuffer(plan)),
  };
}
