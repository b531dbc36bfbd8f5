/**
 * `salesquant inspect --input FILE [reading options]`: reads the export exactly as `build`
 * would and prints what was found out about it, writing nothing.
 */
import type { Locale } from "../core/locale";
import { cliText, CliKey, formatCount } from "../i18n/cli";
import type { ImportDetection } from "../import/normalize";
import { MAPPED_FIELDS, presetName, PresetId } from "../import/presets";
import type { DateOrder, DecimalMark } from "../import/values";
import { ENCODINGS, InspectArgs } from "./args";
import { clip, guardOutput, issueLines } from "./output";
import { CliImport, CliIO, EXIT, ExportFile, processIO, readExport, shellWord } from "./run";

/** Width of the label column. */
const LABEL_WIDTH = 16;
/** Issues listed. */
const ISSUES_SHOWN = 10;
/** Footer lines and line numbers listed. */
const LISTED = 10;

/** Words the report counts: each has a one and an other form in the catalog. */
type Counted = "byte" | "line" | "record" | "blankLine" | "deal" | "row" | "text";

/**
 * The report's words in one language: catalog text, counts with the locale's separators,
 * and labels padded to the label column by their width on a terminal (a Chinese character
 * takes two columns).
 */
function wordsOf(locale: Locale) {
  const text = (key: CliKey, values?: Record<string, string | number>) => cliText(locale, key, values);
  const n = (value: number) => formatCount(locale, value);
  return {
    text,
    n,
    plural: (count: number, word: Counted) => text(`count.${word}.${count === 1 ? "one" : "other"}` as CliKey, { count: n(count) }),
    row: (label: string, value: string) => `${padColumns(label, LABEL_WIDTH)}${value}`,
    pad: padColumns,
  };
}
type Words = ReturnType<typeof wordsOf>;

/** Columns a text takes on a terminal: two for East Asian wide and full-width characters. */
function columnsOf(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

/** The text followed by spaces up to `width` columns (as padEnd does for text one column wide). */
function padColumns(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - columnsOf(text)));
}

/** A value of the file in quotes, clipped, with its control characters written as JSON does. */
const quoted = (text: string) => JSON.stringify(clip(text));

const DELIMITER_NAMES: Record<string, CliKey> = {
  ",": "inspect.delimiter.comma",
  ";": "inspect.delimiter.semicolon",
  "\t": "inspect.delimiter.tab",
  "|": "inspect.delimiter.bar",
  " ": "inspect.delimiter.space",
};

/** A preset as the report names it: its id (what --preset takes), with its name in Chinese. */
function presetShown(preset: PresetId, locale: Locale): string {
  const name = presetName(preset, locale);
  return locale === "en-US" || name === preset ? preset : `${preset}（${name}）`;
}

function otherMark(mark: DecimalMark): DecimalMark {
  return mark === "." ? "," : ".";
}

function otherOrder(order: DateOrder): DateOrder {
  return order === "MDY" ? "DMY" : "MDY";
}

/** The encoding, and why it was used. */
function encodingLine(w: Words, args: InspectArgs, result: CliImport, head: Uint8Array): string {
  const { detected } = result;
  if (result.stats.format === "xlsx") return w.text("inspect.encodingXlsx");
  const used = detected.encoding ?? result.stats.encoding ?? w.text("inspect.encodingUnknown");
  if (args.encoding !== "auto") return w.text("inspect.encodingGiven", { used, given: args.encoding });
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return w.text("inspect.encodingBomUtf8", { used });
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return w.text("inspect.encodingBomUtf16", { used, bom: head[0] === 0xff ? "FF FE" : "FE FF" });
  }
  if (used === "utf-8") return w.text("inspect.encodingUtf8", { used });
  return w.text("inspect.encodingBestFit", { used });
}

function delimiterLine(w: Words, result: CliImport): string {
  if (result.stats.format === "xlsx") return w.text("inspect.delimiterXlsx");
  const delimiter = result.detected.delimiter;
  if (delimiter === null) return w.text("inspect.delimiterUnknown");
  const name = DELIMITER_NAMES[delimiter];
  return name ? w.text("inspect.delimiterNamed", { name: w.text(name), delimiter: delimiter === "\t" ? "\\t" : quoted(delimiter) }) : quoted(delimiter);
}

function decimalMarkLine(w: Words, detected: ImportDetection): string {
  const mark = w.text(detected.decimalMark === "." ? "inspect.markPoint" : "inspect.markComma", { mark: detected.decimalMark });
  switch (detected.decimalMarkBasis) {
    case "option":
      return w.text("inspect.markGiven", { mark });
    case "evidence":
      return w.text("inspect.markData", { mark });
    case "ambiguous":
      return w.text("inspect.markAmbiguous", { mark, used: detected.decimalMark, other: otherMark(detected.decimalMark) });
    default:
      return w.text("inspect.markDefault", { mark });
  }
}

function dateOrderLine(w: Words, detected: ImportDetection): string {
  const order = detected.dateOrder;
  switch (detected.dateOrderBasis) {
    case "option":
      return w.text("inspect.orderGiven", { order });
    case "evidence":
      return w.text("inspect.orderData", { order });
    case "ambiguous":
      return w.text("inspect.orderAmbiguous", { order, other: otherOrder(order) });
    default:
      return w.text("inspect.orderDefault", { order });
  }
}

function presetLine(w: Words, locale: Locale, args: InspectArgs, detected: ImportDetection): string {
  const preset = presetShown(detected.preset, locale);
  switch (detected.presetBasis) {
    case "option":
      return w.text("inspect.presetGiven", { preset, given: args.preset });
    case "evidence":
      return w.text("inspect.presetData", { preset });
    default:
      return w.text("inspect.presetDefault", { preset });
  }
}

/**
 * The stages as the deals use them, in pipeline order: the importer's open stages (counted
 * from the deals when it does not report them), then the won and lost labels the deals carry.
 */
function stagesOf(result: CliImport): { stages: ImportDetection["stages"]; unused: string[] } {
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

function stageLines(w: Words, result: CliImport): string[] {
  const { stages, unused } = stagesOf(result);
  const lines = [w.text("inspect.stages")];
  if (stages.length === 0) lines.push(w.text("inspect.noStage"));
  // Padded by terminal columns: a Chinese stage name lines up with an English one.
  const width = Math.min(40, Math.max(10, ...stages.map((stage) => columnsOf(clip(stage.name, 40))))) + 2;
  const countWidth = Math.max(1, ...stages.map((stage) => w.n(stage.deals).length));
  for (const stage of stages) {
    const kind = result.pipeline.wonLabels.includes(stage.name)
      ? w.text("inspect.won")
      : result.pipeline.lostLabels.includes(stage.name)
        ? w.text("inspect.lost")
        : w.text("inspect.open");
    const notes = [kind, ...(stage.added ? [w.text("inspect.stageAdded")] : [])].join(w.text("list.semicolon"));
    lines.push(`  ${w.pad(clip(stage.name, 40), width)}${w.n(stage.deals).padStart(countWidth)}  ${notes}`);
  }
  if (unused.length > 0) lines.push(w.text("inspect.stagesUnused", { stages: clip(unused.map((name) => clip(name)).join(", "), 1000) }));
  return lines;
}

function columnLines(w: Words, args: InspectArgs, detected: ImportDetection): string[] {
  const lines = [w.text("inspect.columns")];
  const notMapped = w.text("inspect.notMapped");
  const width = Math.max(...MAPPED_FIELDS.map((field) => field.length), Math.max(0, columnsOf(notMapped) - 2)) + 2;
  for (const field of MAPPED_FIELDS) {
    const header = detected.columns[field];
    if (header === undefined) continue;
    const unit = detected.units.find((u) => u.field === field);
    const unitText = unit ? w.text("inspect.unit", { unit: [unit.multiplier !== 1 ? `× ${w.n(unit.multiplier)}` : "", unit.currency ?? ""].filter(Boolean).join(", ") }) : "";
    lines.push(`  ${field.padEnd(width)}${quoted(header)}${args.columns[field] !== undefined ? w.text("inspect.byMap") : ""}${unitText}`);
  }
  const unmapped = MAPPED_FIELDS.filter((field) => detected.columns[field] === undefined);
  lines.push(`  ${w.pad(notMapped, width)}${unmapped.length > 0 ? unmapped.join(", ") : w.text("inspect.none")}`);
  return lines;
}

/** The pipelines of the file with their rows, those left out by --pipeline marked. */
function pipelinesValue(w: Words, detected: ImportDetection): string {
  const { pipelines } = detected;
  if (pipelines.length === 0) return w.text("inspect.none");
  const listedOnes = pipelines
    .slice(0, LISTED)
    .map((pipeline) => w.text(pipeline.kept ? "inspect.pipeline" : "inspect.pipelineLeftOut", { name: quoted(pipeline.name), rows: w.plural(pipeline.rows, "row") }));
  const more = pipelines.length > LISTED ? ` … (+${w.n(pipelines.length - LISTED)})` : "";
  return listedOnes.join(w.text("list.semicolon")) + more;
}

/** Where the header is, and the lines above it that were passed over (a report's title and filters). */
function headerValue(w: Words, detected: ImportDetection): string[] {
  const { title, headerLine } = detected;
  if (title.length === 0) return [w.text("inspect.headerLine", { line: headerLine })];
  return [
    w.text("inspect.titleLines", { line: headerLine, lines: w.plural(title.length, "line") }),
    ...title.slice(0, LISTED).map((line) => w.text("inspect.titleLine", { line: line.line, text: quoted(line.text) })),
    ...(title.length > LISTED ? [w.text("list.more", { count: w.n(title.length - LISTED) })] : []),
  ];
}

function footerValue(w: Words, result: CliImport): string[] {
  const { footer } = result.detected;
  if (footer.length > 0) {
    return [
      w.text("inspect.footerLines", { lines: w.plural(footer.length, "line") }),
      ...footer.slice(0, LISTED).map((line) => w.text("inspect.footerLine", { line: line.line, text: quoted(line.text) })),
      ...(footer.length > LISTED ? [w.text("list.more", { count: w.n(footer.length - LISTED) })] : []),
    ];
  }
  const { footerLine, footerRecords } = result.stats;
  if (footerLine !== null && footerRecords > 0) {
    return [w.text("inspect.footerRecords", { records: w.plural(footerRecords, "record"), line: footerLine })];
  }
  return [w.text("inspect.none")];
}

function otherEncodingValue(w: Words, detected: ImportDetection): string {
  const other = detected.otherEncodingLines;
  if (other === null || other.lines.length === 0) return w.text("inspect.none");
  const list = other.lines.slice(0, LISTED).join(", ");
  return w.text("inspect.otherEncodingValue", {
    lines: w.plural(other.lines.length, "line"),
    encoding: other.encoding,
    list,
    more: other.lines.length > LISTED ? w.text("inspect.listMore") : "",
  });
}

/** What `salesquant build` would do with these options. */
function outcomeValue(w: Words, result: CliImport): string {
  const { records, imported, skipped } = result.stats;
  if (records === 0) return w.text("inspect.noDataRows");
  if (imported === 0) return w.text("inspect.noDeal");
  const deals = w.plural(imported, "deal");
  return skipped > 0 ? w.text("inspect.wouldWriteStrictStops", { deals, rows: w.plural(skipped, "row") }) : w.text("inspect.wouldWrite", { deals });
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
export function suggestedCommand(args: InspectArgs, result: CliImport): string {
  const { detected } = result;
  const words = ["salesquant", "build", "--input", shellWord(clip(args.input)), "--out", shellWord(clip(outOf(args.input)))];
  words.push("--preset", detected.preset);
  const encoding = result.stats.format === "csv" ? encodingFlag(detected.encoding) : null;
  if (encoding) words.push("--encoding", encoding);
  if (args.sheet !== null) words.push("--sheet", shellWord(clip(args.sheet)));
  if (args.pipeline !== null) words.push("--pipeline", shellWord(clip(args.pipeline)));
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
 * The report of an import, one line per entry, labels aligned: what inspect prints, in
 * `locale` (en-US by default). Values of the file are clipped here; control characters are
 * escaped when printed.
 */
export function describeImport(args: InspectArgs, result: CliImport, file: ExportFile, locale: Locale = "en-US"): string[] {
  const w = wordsOf(locale);
  const { text, n, plural, row } = w;
  const { detected, stats } = result;
  const format =
    stats.format === "xlsx"
      ? args.sheet !== null
        ? text("inspect.formatXlsxSheet", { sheet: quoted(args.sheet) })
        : text("inspect.formatXlsxFirst")
      : text("inspect.formatCsv");
  const footer = footerValue(w, result);
  const header = headerValue(w, detected);
  const issuesCount = result.issues.length > ISSUES_SHOWN ? text("inspect.issuesFirst", { shown: ISSUES_SHOWN, total: n(result.issues.length) }) : n(result.issues.length);
  return [
    row(text("inspect.file"), text("inspect.fileValue", { file: clip(args.input), bytes: plural(file.size, "byte") })),
    row(text("inspect.format"), format),
    row(text("inspect.encoding"), encodingLine(w, args, result, file.head)),
    row(text("inspect.delimiter"), delimiterLine(w, result)),
    row(text("inspect.decimalMark"), decimalMarkLine(w, detected)),
    row(text("inspect.dateOrder"), dateOrderLine(w, detected)),
    row(text("inspect.preset"), presetLine(w, locale, args, detected)),
    row(text("inspect.title"), header[0]),
    ...header.slice(1),
    ...columnLines(w, args, detected),
    ...stageLines(w, result),
    row(text("inspect.pipelines"), pipelinesValue(w, detected)),
    row(text("inspect.blankLines"), detected.blankLines > 0 ? text("inspect.blankValue", { lines: plural(detected.blankLines, "blankLine") }) : text("inspect.none")),
    row(text("inspect.footer"), footer[0]),
    ...footer.slice(1),
    row(text("inspect.otherEncoding"), otherEncodingValue(w, detected)),
    text("inspect.counts"),
    row(text("inspect.records"), n(stats.records)),
    row(text("inspect.imported"), text("inspect.importedValue", { imported: n(stats.imported), open: n(stats.open), won: n(stats.won), lost: n(stats.lost) })),
    row(text("inspect.leftOut"), n(stats.skipped)),
    row(text("inspect.notices"), `${n(stats.notices)}${stats.cut > 0 ? text("inspect.cut", { texts: plural(stats.cut, "text") }) : ""}`),
    row(text("inspect.outcome"), outcomeValue(w, result)),
    result.issues.length === 0
      ? row(text("inspect.issues"), text("inspect.none"))
      : text("inspect.issuesHeader", { count: issuesCount, skipped: n(stats.skipped), notices: n(stats.notices) }),
    ...issueLines(result.issues, ISSUES_SHOWN, locale),
    text("inspect.command"),
    suggestedCommand(args, result),
  ];
}

/**
 * Runs `salesquant inspect`: imports the file with the reading options and prints the report
 * on stdout, in `locale` (en-US by default). Returns 0 when the file was read (even when every
 * row would be left out), 3 when it cannot be read (the reason on stderr), 1 on an unexpected
 * failure. Writes no file.
 *
 * @example
 * await runInspect({ ...args, input: "deals.csv" }, processIO) // 0, the report printed
 */
export async function runInspect(args: InspectArgs, rawIO: CliIO = processIO, locale: Locale = "en-US"): Promise<number> {
  const io = guardOutput(rawIO);
  const read = await readExport(args, io, undefined, locale);
  if ("code" in read) return read.code;
  for (const line of describeImport(args, read.result, read.file, locale)) io.stdout(line);
  return EXIT.done;
}
