/**
 * `salesquant inspect --input FILE [reading options]`: reads the export exactly as `build`
 * would and prints what was found out about it, writing nothing.
 */
import type { ImportDetection, ImportResult } from "../import/normalize";
import { MAPPED_FIELDS } from "../import/presets";
import type { DateOrder, DecimalMark } from "../import/values";
import { ENCODINGS, InspectArgs } from "./args";
import { clip, guardOutput, issueLines } from "./output";
import { CliIO, EXIT, processIO, readExport, shellWord } from "./run";

/** Width of the label column. */
const LABEL_WIDTH = 16;
/** Issues listed. */
const ISSUES_SHOWN = 10;
/** Footer lines and line numbers listed. */
const LISTED = 10;

const n = (value: number) => value.toLocaleString("en-US");
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? "" : "s"}`;
const row = (label: string, value: string) => `${label.padEnd(LABEL_WIDTH)}${value}`;
/** A value of the file in quotes, clipped, with its control characters written as JSON does. */
const quoted = (text: string) => JSON.stringify(clip(text));

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar", " ": "space" };

function otherMark(mark: DecimalMark): DecimalMark {
  return mark === "." ? "," : ".";
}

function otherOrder(order: DateOrder): DateOrder {
  return order === "MDY" ? "DMY" : "MDY";
}

/** The encoding, and why it was used. */
function encodingLine(args: InspectArgs, result: ImportResult, bytes: Uint8Array): string {
  const { detected } = result;
  if (result.stats.format === "xlsx") return "none: an .xlsx workbook stores its own text";
  const used = detected.encoding ?? result.stats.encoding ?? "unknown";
  if (args.encoding !== "auto") return `${used} (as given: --encoding ${args.encoding})`;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return `${used} (the file starts with the UTF-8 byte-order mark EF BB BF)`;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return `${used} (the file starts with a UTF-16 byte-order mark ${bytes[0] === 0xff ? "FF FE" : "FE FF"})`;
  }
  if (used === "utf-8") return `${used} (no byte-order mark; the bytes are valid UTF-8)`;
  return `${used} (no byte-order mark and not valid UTF-8; of the other encodings, the one that fits the bytes best)`;
}

function delimiterLine(result: ImportResult): string {
  if (result.stats.format === "xlsx") return "none: an .xlsx workbook has cells";
  const delimiter = result.detected.delimiter;
  if (delimiter === null) return "not reported by the importer";
  const name = DELIMITER_NAMES[delimiter];
  return name ? `${name} (${delimiter === "\t" ? "\\t" : quoted(delimiter)})` : quoted(delimiter);
}

function decimalMarkLine(detected: ImportDetection): string {
  const mark = `"${detected.decimalMark}" (${detected.decimalMark === "." ? "point" : "comma"})`;
  switch (detected.decimalMarkBasis) {
    case "option":
      return `${mark}, as given (--decimal-mark)`;
    case "evidence":
      return `${mark}, from the data`;
    case "ambiguous":
      return `${mark}, ambiguous: every amount fits both marks; "${detected.decimalMark}" used — pass --decimal-mark ${otherMark(detected.decimalMark)} if wrong`;
    default:
      return `${mark}, the default: no amount in the file tells the mark`;
  }
}

function dateOrderLine(detected: ImportDetection): string {
  const order = detected.dateOrder;
  switch (detected.dateOrderBasis) {
    case "option":
      return `${order}, as given (--date-order)`;
    case "evidence":
      return `${order}, from the data`;
    case "ambiguous":
      return `${order}, ambiguous: every date fits both orders; ${order} used — pass --date-order ${otherOrder(order)} if wrong`;
    default:
      return `${order}, the default: no date in the file with the year last tells the order`;
  }
}

function presetLine(args: InspectArgs, detected: ImportDetection): string {
  switch (detected.presetBasis) {
    case "option":
      return `${detected.preset}, as given (--preset ${args.preset})`;
    case "evidence":
      return `${detected.preset}, from the headers (columns only that CRM exports)`;
    default:
      return `${detected.preset}, the default: no CRM's own headers found`;
  }
}

/**
 * The stages as the deals use them, in pipeline order: the importer's open stages (counted
 * from the deals when it does not report them), then the won and lost labels the deals carry.
 */
function stagesOf(result: ImportResult): { stages: ImportDetection["stages"]; unused: string[] } {
  const { detected, pipeline } = result;
  const counts = new Map<string, number>();
  for (const deal of result.deals) counts.set(deal.stage, (counts.get(deal.stage) ?? 0) + 1);
  const reported = detected.stages.length > 0 || result.deals.length === 0;
  const stages = reported
    ? [...detected.stages]
    : pipeline.stages.filter((stage) => counts.has(stage.name)).map((stage) => ({ name: stage.name, deals: counts.get(stage.name) ?? 0, added: false }));
  const listed = new Set(stages.map((stage) => stage.name));
  for (const name of [...pipeline.wonLabels, ...pipeline.lostLabels]) {
    if (!listed.has(name) && counts.has(name)) {
      stages.push({ name, deals: counts.get(name) ?? 0, added: false });
      listed.add(name);
    }
  }
  const unused = reported ? detected.stagesUnused : pipeline.stages.map((stage) => stage.name).filter((name) => !counts.has(name));
  return { stages, unused };
}

function stageLines(result: ImportResult): string[] {
  const { stages, unused } = stagesOf(result);
  const lines = ["Stages (pipeline order, deals at each):"];
  if (stages.length === 0) lines.push("  none: no deal was read");
  const width = Math.min(40, Math.max(10, ...stages.map((stage) => clip(stage.name, 40).length))) + 2;
  const countWidth = Math.max(1, ...stages.map((stage) => n(stage.deals).length));
  for (const stage of stages) {
    const kind = result.pipeline.wonLabels.includes(stage.name)
      ? "won"
      : result.pipeline.lostLabels.includes(stage.name)
        ? "lost"
        : "open";
    const notes = [kind, ...(stage.added ? ["added: not a stage of the preset, placed as an open stage"] : [])].join("; ");
    lines.push(`  ${clip(stage.name, 40).padEnd(width)}${n(stage.deals).padStart(countWidth)}  ${notes}`);
  }
  if (unused.length > 0) lines.push(`  unused stages of the preset (no deal): ${clip(unused.map((name) => clip(name)).join(", "), 1000)}`);
  return lines;
}

function columnLines(args: InspectArgs, detected: ImportDetection): string[] {
  const lines = ["Columns (field -> column of the file):"];
  const width = Math.max(...MAPPED_FIELDS.map((field) => field.length)) + 2;
  for (const field of MAPPED_FIELDS) {
    const header = detected.columns[field];
    if (header === undefined) continue;
    lines.push(`  ${field.padEnd(width)}${quoted(header)}${args.columns[field] !== undefined ? " (--map)" : ""}`);
  }
  const unmapped = MAPPED_FIELDS.filter((field) => detected.columns[field] === undefined);
  lines.push(`  ${"not mapped".padEnd(width)}${unmapped.length > 0 ? unmapped.join(", ") : "none"}`);
  return lines;
}

function footerValue(result: ImportResult): string[] {
  const { footer } = result.detected;
  if (footer.length > 0) {
    return [
      `${plural(footer.length, "line")} after the data, not read as deals:`,
      ...footer.slice(0, LISTED).map((line) => `  line ${line.line}: ${quoted(line.text)}`),
      ...(footer.length > LISTED ? [`  ... and ${n(footer.length - LISTED)} more.`] : []),
    ];
  }
  const { footerLine, footerRecords } = result.stats;
  if (footerLine !== null && footerRecords > 0) {
    return [`${plural(footerRecords, "record")} after the blank line ${footerLine}, not read as deals`];
  }
  return ["none"];
}

function otherEncodingValue(detected: ImportDetection): string {
  const other = detected.otherEncodingLines;
  if (other === null || other.lines.length === 0) return "none";
  const listed = other.lines.slice(0, LISTED).join(", ");
  return `${plural(other.lines.length, "line")} read as ${other.encoding}: ${listed}${other.lines.length > LISTED ? ", ..." : ""}`;
}

/** What `salesquant build` would do with these options. */
function outcomeValue(result: ImportResult): string {
  const { records, imported, skipped } = result.stats;
  if (records === 0) return "build would stop (exit 3): the file has no data rows";
  if (imported === 0) return "build would stop (exit 3): every row would be left out";
  const written = `build would write ${plural(imported, "deal")}`;
  return skipped > 0 ? `${written}; with --strict it would stop (exit 4): ${plural(skipped, "row")} left out` : `${written}; --strict would pass`;
}

/** The suggested --out: the input's name with .xlsx. */
function outOf(input: string): string {
  const dot = input.lastIndexOf(".");
  const slash = Math.max(input.lastIndexOf("/"), input.lastIndexOf("\\"));
  const base = dot > slash + 1 ? input.slice(0, dot) : input;
  return /\.xlsx$/i.test(input) ? `${base}-deals.xlsx` : `${base}.xlsx`;
}

/** The --encoding flag that reproduces the encoding used, or null when none names it. */
function encodingFlag(used: string | null): string | null {
  if (used === null) return null;
  if (ENCODINGS.includes(used as never)) return used;
  if ((used === "utf-16le" || used === "utf-16be") && ENCODINGS.includes("utf-16")) return "utf-16";
  return null;
}

/**
 * A `salesquant build` command with every setting the import detected written as a flag,
 * so a person can correct the one that is wrong.
 */
export function suggestedCommand(args: InspectArgs, result: ImportResult): string {
  const { detected } = result;
  const words = ["salesquant", "build", "--input", shellWord(clip(args.input)), "--out", shellWord(clip(outOf(args.input)))];
  words.push("--preset", detected.preset);
  const encoding = result.stats.format === "csv" ? encodingFlag(detected.encoding) : null;
  if (encoding) words.push("--encoding", encoding);
  if (args.sheet !== null) words.push("--sheet", shellWord(clip(args.sheet)));
  words.push("--date-order", detected.dateOrder, "--decimal-mark", detected.decimalMark);
  if (args.currency !== null) words.push("--currency", args.currency);
  const added = detected.stages.some((stage) => stage.added);
  if (args.stages !== null || added) words.push("--stages", shellWord(clip(result.pipeline.stages.map((stage) => clip(stage.name)).join(","), 1000)));
  if (args.wonLabels !== null) words.push("--won", shellWord(clip(args.wonLabels.map((label) => clip(label)).join(","), 1000)));
  if (args.lostLabels !== null) words.push("--lost", shellWord(clip(args.lostLabels.map((label) => clip(label)).join(","), 1000)));
  for (const field of MAPPED_FIELDS) {
    const header = detected.columns[field];
    if (header !== undefined) words.push("--map", shellWord(`${field}=${clip(header)}`));
  }
  return words.join(" ");
}

/**
 * The report of an import, one line per entry, labels aligned: what inspect prints. Values
 * of the file are clipped here; control characters are escaped when printed.
 */
export function describeImport(args: InspectArgs, result: ImportResult, bytes: Uint8Array): string[] {
  const { detected, stats } = result;
  const format = stats.format === "xlsx" ? `XLSX workbook, ${args.sheet !== null ? `sheet ${quoted(args.sheet)}` : "its first sheet"}` : "CSV text";
  const footer = footerValue(result);
  return [
    row("File", `${clip(args.input)} (${plural(bytes.length, "byte")})`),
    row("Format", format),
    row("Encoding", encodingLine(args, result, bytes)),
    row("Delimiter", delimiterLine(result)),
    row("Decimal mark", decimalMarkLine(detected)),
    row("Date order", dateOrderLine(detected)),
    row("Preset", presetLine(args, detected)),
    ...columnLines(args, detected),
    ...stageLines(result),
    row("Blank lines", detected.blankLines > 0 ? `${plural(detected.blankLines, "blank line")} among the data, skipped` : "none"),
    row("Footer", footer[0]),
    ...footer.slice(1),
    row("Other encoding", otherEncodingValue(detected)),
    "Counts:",
    row("  records", n(stats.records)),
    row("  imported", `${n(stats.imported)} (${n(stats.open)} open, ${n(stats.won)} won, ${n(stats.lost)} lost)`),
    row("  left out", n(stats.skipped)),
    row("  notices", `${n(stats.notices)}${stats.cut > 0 ? ` (${plural(stats.cut, "text")} cut to fit a cell)` : ""}`),
    row("Outcome", outcomeValue(result)),
    result.issues.length === 0
      ? row("Issues", "none")
      : `Issues (${result.issues.length > ISSUES_SHOWN ? `first ${ISSUES_SHOWN} of ${n(result.issues.length)}` : n(result.issues.length)}; ${n(stats.skipped)} left out, ${n(stats.notices)} notices):`,
    ...issueLines(result.issues, ISSUES_SHOWN),
    "The same import with every setting as a flag (change one to correct it):",
    suggestedCommand(args, result),
  ];
}

/**
 * Runs `salesquant inspect`: imports the file with the reading options and prints the report
 * on stdout. Returns 0 when the file was read (even when every row would be left out), 3 when
 * it cannot be read (the reason on stderr), 1 on an unexpected failure. Writes no file.
 *
 * @example
 * await runInspect({ ...args, input: "deals.csv" }, processIO) // 0, the report printed
 */
export async function runInspect(args: InspectArgs, rawIO: CliIO = processIO): Promise<number> {
  const io = guardOutput(rawIO);
  const read = await readExport(args, io);
  if ("code" in read) return read.code;
  for (const line of describeImport(args, read.result, read.bytes)) io.stdout(line);
  return EXIT.done;
}
