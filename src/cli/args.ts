import { IMPORT_ENCODINGS, ImportEncoding } from "../import/decode";
import { MappedField, MAPPED_FIELDS, PRESET_IDS, PresetId } from "../import/presets";
import type { DateOrder, DecimalMark } from "../import/values";
import type { Locale } from "../core/locale";
import type { FieldSpec, FormValues } from "../compose/fields";
import { SHEETS } from "../compose/sheets";
import { BOOK_SHEETS, BookSheetId, flagOf } from "../compose/workbook";
import { formatUi } from "../i18n/uiLocale";
import { cliText, CliKey, localeArgument } from "../i18n/cli";
import { clip } from "./output";

/** How the export is read: the options `salesquant build` and `salesquant inspect` share. */
export interface ImportArgs {
  input: string;
  preset: PresetId | "auto";
  encoding: ImportEncoding;
  /** Header to read each field from (`--map amount="Deal size"`), overriding the preset's. */
  columns: Partial<Record<MappedField, string>>;
  currency: string | null;
  /** XLSX input: the worksheet to read. */
  sheet: string | null;
  /** Only the deals of this pipeline (`--pipeline "Sales Pipeline"`); null: every pipeline. */
  pipeline: string | null;
  /** Open stages in order, replacing the preset's (`--stages "A,B,C"`). */
  stages: string[] | null;
  wonLabels: string[] | null;
  lostLabels: string[] | null;
  /** "auto": from the file's dates. */
  dateOrder: DateOrder | "auto";
  /** "auto": from the file's amounts. */
  decimalMark: DecimalMark | "auto";
}

/** What `salesquant build` was asked to do. */
export interface BuildArgs extends ImportArgs {
  out: string;
  /** null: follow the data (Chinese headers -> zh-CN, else en-US). */
  locale: Locale | null;
  commissionPlan: string | null;
  /** A workbook built before: refresh it (`--update BOOK.xlsx`), keeping what was typed into it. */
  update: string | null;
  /** A CSV of rep, quota (and period): the Reps sheet's quotas and the commission plan's per-rep quota. */
  quotas: string | null;
  /** Refuse to write the workbook when any row is left out (exit 4). */
  strict: boolean;
  quiet: boolean;
  /** Options of the sheets, as typed (`--review-period quarterly`), checked when the workbook is composed. */
  sheetOptions: { [K in BookSheetId]?: FormValues };
}

/** What `salesquant inspect` was asked to read: only how to read it. */
export type InspectArgs = ImportArgs;

export type ParsedCli =
  | { kind: "build"; args: BuildArgs }
  | { kind: "inspect"; args: InspectArgs }
  | { kind: "help"; text: string }
  | { kind: "error"; message: string };

/** Every `--encoding` the command accepts: the decode module's list ("auto" first). */
export const ENCODINGS: readonly ImportEncoding[] = IMPORT_ENCODINGS;

/** An encoding as typed, in any case, "_" or "-" either way, "utf8" as "utf-8"; null when unknown. */
function encodingOf(value: string): ImportEncoding | null {
  const typed = value.trim().toLowerCase().replace(/^utf(?=\d)/, "utf-");
  for (const spelling of [typed, typed.replace(/_/g, "-"), typed.replace(/-/g, "_")]) {
    if (ENCODINGS.includes(spelling as ImportEncoding)) return spelling as ImportEncoding;
  }
  return null;
}
const LOCALES: readonly Locale[] = ["en-US", "zh-CN"];

/** Options of both commands that take no value. */
const BUILD_SWITCHES = new Set(["quiet", "strict"]);
/** Options that only `build` has (it writes; inspect only reads; `--locale` is also the language inspect prints in). */
const BUILD_ONLY = new Set(["out", "commission-plan", "update", "quotas", "quiet", "strict"]);

/** Every sheet option's flag (without "--"), from the sheets' declarations. */
const SHEET_FLAGS: ReadonlyMap<string, { sheet: BookSheetId; field: FieldSpec }> = new Map(
  BOOK_SHEETS.flatMap((sheet) => (SHEETS[sheet].fields as readonly FieldSpec[]).map((field) => [flagOf(sheet, field.name).slice(2), { sheet, field }] as const)),
);

/** A field's help: what it takes, then what its blank stands for when the field says so. */
function describeField(field: FieldSpec, locale: Locale): string {
  const blank = field.blank ? `${locale === "zh-CN" ? "；" : "; "}${formatUi(locale, "common.byDefault", { meaning: formatUi(locale, field.blank) })}` : "";
  return `${describeValue(field, locale)}${blank}`;
}

function describeValue(field: FieldSpec, locale: Locale): string {
  const label = formatUi(locale, field.label);
  // Chinese punctuation around a Chinese label: "周期：monthly | weekly", "预测月数（>= 1, <= 36）".
  const zh = locale === "zh-CN";
  const inParens = (text: string) => (zh ? `（${text}）` : ` (${text})`);
  switch (field.kind) {
    case "select":
      return `${label}${zh ? "：" : ": "}${field.options.map((o) => o.value).join(" | ")}`;
    case "number": {
      const limits = [field.min !== undefined ? `${field.minExclusive ? ">" : ">="} ${field.min}` : "", field.max !== undefined ? `<= ${field.max}` : ""].filter(Boolean).join(", ");
      // A label that already says "(%)" ("Weight of attainment (%)") is not told twice.
      return `${label}${field.percent && !label.includes("%") ? inParens("%") : ""}${limits ? inParens(limits) : ""}`;
    }
    case "date":
      return `${label}${inParens("YYYY-MM-DD")}`;
    default:
      return label;
  }
}

/** The help lines of the sheet options, read from the declarations, wrapped like the others. */
function sheetOptionsHelp(locale: Locale): string {
  const width = Math.max(23, ...[...SHEET_FLAGS.keys()].map((flag) => flag.length + 7));
  const indent = " ".repeat(width + 4);
  return [...SHEET_FLAGS.entries()]
    .map(([flag, { field }]) => wrapped(`  --${`${flag} VALUE`.padEnd(width)}`, describeField(field, locale).split(" "), " ", indent))
    .join("\n");
}

/** Words joined by `separator`, wrapped at 95 columns, every line after the first indented. */
function wrapped(first: string, words: readonly string[], separator: string, indent: string): string {
  const lines: string[] = [];
  let line = first;
  words.forEach((word, index) => {
    const piece = index === words.length - 1 ? word : `${word}${separator.trimEnd()}`;
    if (line.trim() !== "" && line.length + 1 + piece.length > 95) {
      lines.push(line.trimEnd());
      line = indent + piece;
    } else line = line.endsWith(" ") || line === "" ? line + piece : `${line} ${piece}`;
  });
  lines.push(line);
  return lines.join("\n");
}

const OPTION_INDENT = " ".repeat(27);

/**
 * The help text in `locale`: the catalog's text (src/i18n/cli.*.ts) with the lists of
 * presets, fields, encodings and sheet options read from the product.
 *
 * @example
 * helpText("zh-CN").split("\n")[0] // "salesquant：无需 Excel，从 CRM 导出文件生成销售管理工作簿。"
 */
export function helpText(locale: Locale): string {
  return cliText(locale, "help.text", {
    presets: wrapped(cliText(locale, "help.presetPrefix"), PRESET_IDS, " |", OPTION_INDENT),
    fields: wrapped("                             ", MAPPED_FIELDS, ",", "                             "),
    encodings: wrapped("  --encoding NAME          ", ENCODINGS, " |", OPTION_INDENT),
    sheetOptions: sheetOptionsHelp(locale),
  });
}

/** The help text in English. */
export const HELP_TEXT = helpText("en-US");

function list(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** A mapped field by its name: exact, else ignoring case, "-" and "_" ("close-date" is closeDate). */
function mappedField(name: string): MappedField | null {
  if ((MAPPED_FIELDS as readonly string[]).includes(name)) return name as MappedField;
  const key = name.replace(/[-_\s]/g, "").toLowerCase();
  return MAPPED_FIELDS.find((field) => field.toLowerCase() === key) ?? null;
}

/**
 * Reads one `--map` value, `field=Header` (the header may itself hold "="), into `columns`.
 * Returns an error message, or null when it was taken.
 */
function readMap(value: string, columns: Partial<Record<MappedField, string>>, locale: Locale): string | null {
  const equals = value.indexOf("=");
  if (equals < 0) return cliText(locale, "arg.mapShape", { value: clip(value) });
  const name = value.slice(0, equals).trim();
  const header = value.slice(equals + 1);
  const field = mappedField(name);
  if (field === null) {
    return cliText(locale, "arg.mapField", { name: clip(name), fields: MAPPED_FIELDS.join(", ") });
  }
  if (header.trim() === "") return cliText(locale, "arg.mapHeader", { field });
  if (columns[field] !== undefined) {
    return cliText(locale, "arg.mapTwice", { field, first: clip(columns[field] ?? ""), second: clip(header) });
  }
  columns[field] = header;
  return null;
}

/**
 * Parses the command line (without "node" and the script), never throwing: bad arguments
 * come back as `{ kind: "error", message }` in plain words.
 *
 * Rules: options take their value as the next argument or after the first "="
 * (`--preset=zoho`, `--map=amount=Deal size`); `--help` anywhere wins; the commands are
 * `build` (`--input` and `--out` required) and `inspect` (`--input` required; the options
 * that only matter when writing are refused). `--map` may be repeated, once per field.
 * The help and the error messages are in `messages`: by default the `--locale` of the
 * command line, else en-US (`--locale` is accepted by inspect too, for its language).
 *
 * @example
 * parseCliArgs(["build", "--input", "a.csv", "--out", "a.xlsx"]) // { kind: "build", args: { input: "a.csv", ... } }
 * parseCliArgs(["inspect", "--input", "a.csv", "--map", "amount=Deal size"]) // { kind: "inspect", args: { columns: { amount: "Deal size" }, ... } }
 */
export function parseCliArgs(argv: readonly string[], messages: Locale = localeArgument(argv) ?? "en-US"): ParsedCli {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
    return { kind: "help", text: messages === "en-US" ? HELP_TEXT : helpText(messages) };
  }
  const error = (key: CliKey, values?: Record<string, string | number>): ParsedCli => ({ kind: "error", message: cliText(messages, key, values) });
  const [command, ...rest] = argv;
  if (command !== "build" && command !== "inspect") return error("arg.command", { command: clip(command) });
  const inspect = command === "inspect";
  const args: BuildArgs = {
    input: "",
    out: "",
    preset: "auto",
    encoding: "auto",
    columns: {},
    locale: null,
    currency: null,
    commissionPlan: null,
    update: null,
    quotas: null,
    sheet: null,
    pipeline: null,
    stages: null,
    wonLabels: null,
    lostLabels: null,
    dateOrder: "auto",
    decimalMark: "auto",
    strict: false,
    quiet: false,
    sheetOptions: {},
  };
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (!token.startsWith("--")) return error("arg.unexpected", { value: clip(token) });
    const equals = token.indexOf("=");
    const name = equals >= 0 ? token.slice(2, equals) : token.slice(2);
    if (inspect && (BUILD_ONLY.has(name) || SHEET_FLAGS.has(name))) {
      return error("arg.buildOnly", { name });
    }
    if (BUILD_SWITCHES.has(name)) {
      if (equals >= 0) return error("arg.noValue", { name });
      if (name === "quiet") args.quiet = true;
      else args.strict = true;
      continue;
    }
    let value: string;
    if (equals >= 0) value = token.slice(equals + 1);
    else {
      if (i + 1 >= rest.length || rest[i + 1].startsWith("--")) {
        return error("arg.needsValue", { name: clip(name) });
      }
      value = rest[++i];
    }
    switch (name) {
      case "input":
        args.input = value;
        break;
      case "out":
        args.out = value;
        break;
      case "preset":
        if (value !== "auto" && !PRESET_IDS.includes(value as PresetId)) {
          return error("arg.preset", { value: clip(value), presets: PRESET_IDS.join(", ") });
        }
        args.preset = value as PresetId | "auto";
        break;
      case "map": {
        const problem = readMap(value, args.columns, messages);
        if (problem) return { kind: "error", message: problem };
        break;
      }
      case "encoding": {
        const encoding = encodingOf(value);
        if (encoding === null) return error("arg.encoding", { value: clip(value), encodings: ENCODINGS.join(", ") });
        args.encoding = encoding;
        break;
      }
      case "locale":
        if (!LOCALES.includes(value as Locale)) {
          return error("arg.locale", { value: clip(value) });
        }
        args.locale = value as Locale;
        break;
      case "currency":
        if (!/^[A-Za-z]{3}$/.test(value)) {
          return error("arg.currency", { value: clip(value) });
        }
        args.currency = value.toUpperCase();
        break;
      case "commission-plan":
        args.commissionPlan = value;
        break;
      case "update":
        if (!/\.xlsx$/i.test(value)) return error("arg.update", { value: clip(value) });
        args.update = value;
        break;
      case "quotas":
        args.quotas = value;
        break;
      case "sheet":
        args.sheet = value;
        break;
      case "pipeline":
        if (value.trim() === "") return error("arg.pipeline");
        args.pipeline = value;
        break;
      case "stages":
        args.stages = list(value);
        if (args.stages.length === 0) return error("arg.stages");
        break;
      case "won":
        args.wonLabels = list(value);
        break;
      case "lost":
        args.lostLabels = list(value);
        break;
      case "date-order": {
        const order = value.trim().toUpperCase();
        if (order !== "MDY" && order !== "DMY" && order !== "AUTO") {
          return error("arg.dateOrder", { value: clip(value) });
        }
        args.dateOrder = order === "AUTO" ? "auto" : order;
        break;
      }
      case "decimal-mark": {
        const mark = value.trim().toLowerCase();
        const decimalMark = mark === "." || mark === "dot" ? "." : mark === "," || mark === "comma" ? "," : mark === "auto" ? "auto" : null;
        if (decimalMark === null) {
          return error("arg.decimalMark", { value: clip(value) });
        }
        args.decimalMark = decimalMark;
        break;
      }
      default: {
        const option = SHEET_FLAGS.get(name);
        if (!option) return error("arg.unknownOption", { name: clip(name) });
        // A list on the command line is comma-separated ("-,80,90"); the form reads it one per line.
        const typed = option.field.kind === "lines" ? list(value).join("\n") : value;
        args.sheetOptions[option.sheet] = { ...args.sheetOptions[option.sheet], [option.field.name]: typed };
      }
    }
  }
  if (!args.input) {
    return error(inspect ? "arg.missingInputInspect" : "arg.missingInputBuild");
  }
  if (inspect) {
    const { input, preset, encoding, columns, currency, sheet, pipeline, stages, wonLabels, lostLabels, dateOrder, decimalMark } = args;
    return { kind: "inspect", args: { input, preset, encoding, columns, currency, sheet, pipeline, stages, wonLabels, lostLabels, dateOrder, decimalMark } };
  }
  if (!args.out) return error("arg.missingOut");
  if (!/\.xlsx$/i.test(args.out)) return error("arg.outXlsx", { value: clip(args.out) });
  return { kind: "build", args };
}
