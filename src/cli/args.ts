import { IMPORT_ENCODINGS, ImportEncoding } from "../import/decode";
import { MappedField, MAPPED_FIELDS, PRESET_IDS, PresetId } from "../import/presets";
import type { DateOrder, DecimalMark } from "../import/values";
import type { Locale } from "../core/locale";
import type { FieldSpec, FormValues } from "../compose/fields";
import { SHEETS } from "../compose/sheets";
import { BOOK_SHEETS, BookSheetId, flagOf } from "../compose/workbook";
import { formatUi } from "../i18n/uiLocale";
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
/** Options that only `build` has (it writes; inspect only reads). */
const BUILD_ONLY = new Set(["out", "locale", "commission-plan", "update", "quotas", "quiet", "strict"]);

/** Every sheet option's flag (without "--"), from the sheets' declarations. */
const SHEET_FLAGS: ReadonlyMap<string, { sheet: BookSheetId; field: FieldSpec }> = new Map(
  BOOK_SHEETS.flatMap((sheet) => (SHEETS[sheet].fields as readonly FieldSpec[]).map((field) => [flagOf(sheet, field.name).slice(2), { sheet, field }] as const)),
);

function describeField(field: FieldSpec): string {
  const label = formatUi("en-US", field.label);
  switch (field.kind) {
    case "select":
      return `${label}: ${field.options.map((o) => o.value).join(" | ")}`;
    case "number": {
      const limits = [field.min !== undefined ? `${field.minExclusive ? ">" : ">="} ${field.min}` : "", field.max !== undefined ? `<= ${field.max}` : ""].filter(Boolean).join(", ");
      return `${label}${field.percent ? " (%)" : ""}${limits ? ` (${limits})` : ""}`;
    }
    case "date":
      return `${label} (YYYY-MM-DD)`;
    default:
      return label;
  }
}

/** The help lines of the sheet options, read from the declarations. */
function sheetOptionsHelp(): string {
  const width = Math.max(23, ...[...SHEET_FLAGS.keys()].map((flag) => flag.length + 7));
  return [...SHEET_FLAGS.entries()].map(([flag, { field }]) => `  --${`${flag} VALUE`.padEnd(width)}${describeField(field)}`).join("\n");
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

export const HELP_TEXT = `salesquant: build a sales-management workbook from a CRM export, without Excel.

Usage:
  salesquant build --input FILE --out FILE.xlsx [options]
  salesquant build --update BOOK.xlsx --input NEW.csv --out BOOK.xlsx [options]
  salesquant inspect --input FILE [reading options]
  salesquant --help

build writes a workbook with the sheets Deals (the normalized table), Funnel, Reps, Monthly,
Review, Forecast, Customers, Dashboard and ImportIssues (rows left out, and why), plus the
commission sheets when a commission plan is given. Every table is live formulas over Deals.

inspect reads the export exactly as build would and prints what it found, writing nothing:
format, encoding, delimiter, decimal mark, date order, preset (each with why), which column
each field is read from, the stages with their deal counts, blank and footer lines, the counts,
the first 10 issues, and last a build command with every detected setting spelled out as a
flag, so one wrong guess can be corrected by changing one flag.

Reading options (build and inspect):
  --input FILE             CRM export: .csv (any of the encodings below) or .xlsx
${wrapped("  --preset NAME            auto (default) |", PRESET_IDS, " |", OPTION_INDENT)}
  --map FIELD=HEADER       read FIELD from the column HEADER, as the task pane's mapping
                           editor does; repeat it for each field:
                           --map amount="Deal size" --map owner=Rep
                           The header is everything after the first "="; FIELD is one of
${wrapped("                             ", MAPPED_FIELDS, ",", "                             ")}
${wrapped("  --encoding NAME          ", ENCODINGS, " |", OPTION_INDENT)}
                           (default auto: a byte-order mark, else valid UTF-8, else the
                           encoding that fits the bytes best)
  --sheet NAME             .xlsx input: the worksheet to read (default the first)
  --date-order ORDER       MDY | DMY | auto: how 3/5/2025 is read (default auto: from the file's
                           dates; when every date fits both orders, MDY)
  --decimal-mark MARK      . | , | auto: the decimal mark of amounts and probabilities (default
                           auto: from the file's amounts); "dot" and "comma" are accepted too
  --stages "A,B,C"         the open stages in order, replacing the preset's
  --won "A,B"              labels of won deals, replacing the preset's
  --lost "A,B"             labels of lost deals, replacing the preset's
  --currency CODE          currency of amounts without a mark, and of the sheets (USD, CNY, EUR...)

Build options:
  --out FILE.xlsx          where to write the workbook (replaced in one step if it exists;
                           a symbolic link is refused)
  --locale NAME            en-US | zh-CN (default: zh-CN when the headers are Chinese, else en-US)
  --commission-plan FILE   a commission plan (JSON) to add the commission sheets
  --update BOOK.xlsx       refresh a workbook built before from this export: the same sheets
                           (found even when renamed) with the new numbers, every value typed
                           into an input cell (quota, target, weight, plan setting) put back in
                           its row by key (rep, stage, KPI), inputs whose row is gone listed,
                           and the sheets and cells you added kept (their values, formulas and
                           number formats). --out may be BOOK.xlsx itself: it is replaced in
                           one step, or left as it was when anything fails
  --quotas FILE.csv        each rep's quota: columns Rep and Quota (and optionally Period, then
                           a rep's quota on the Reps sheet is the sum of its rows); also the
                           commission plan's per-rep quota when the plan gives one for everybody
  --strict                 write nothing when any row would be left out: print the issues and
                           exit 4 (a row imported with a notice does not count)
  --quiet                  no progress lines
  -h, --help               this text

Sheet options (build; defaults as in the task pane; blank inputs are left for you to type):
${sheetOptionsHelp()}

Exit codes:
  0  build: the workbook was written; inspect: the file was read and described (even when
     every row would be left out)
  2  bad arguments (unknown option or value, unknown --map field, missing --input or --out,
     unreadable commission plan)
  3  the input cannot be read (missing file, not a CSV or XLSX export, bytes not valid in the
     encoding, no stage or amount column, a --map header the file does not have); build also:
     no data rows, or every row left out so there is no deal (the message says why)
  4  build --strict: rows would be left out; they are listed and nothing is written
  1  anything else (the workbook could not be written, or --out is a symbolic link)

Examples:
  npx salesquant inspect --input deals.csv
  npx salesquant build --input deals.csv --preset zoho --out deals.xlsx
  npx salesquant build --input export.csv --map amount="Deal size" --map owner=Rep --strict \\
    --out deals.xlsx
  npx salesquant build --update deals.xlsx --input june.csv --out deals.xlsx
`;

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
function readMap(value: string, columns: Partial<Record<MappedField, string>>): string | null {
  const equals = value.indexOf("=");
  if (equals < 0) {
    return `--map takes FIELD=HEADER (for example --map amount="Deal size"), not "${clip(value)}".`;
  }
  const name = value.slice(0, equals).trim();
  const header = value.slice(equals + 1);
  const field = mappedField(name);
  if (field === null) {
    return `Unknown field "${clip(name)}" in --map. The fields are: ${MAPPED_FIELDS.join(", ")}.`;
  }
  if (header.trim() === "") return `--map ${field}= needs the header of a column after "=".`;
  if (columns[field] !== undefined) {
    return `--map names the field ${field} twice ("${clip(columns[field] ?? "")}" and "${clip(header)}"); give it once.`;
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
 *
 * @example
 * parseCliArgs(["build", "--input", "a.csv", "--out", "a.xlsx"]) // { kind: "build", args: { input: "a.csv", ... } }
 * parseCliArgs(["inspect", "--input", "a.csv", "--map", "amount=Deal size"]) // { kind: "inspect", args: { columns: { amount: "Deal size" }, ... } }
 */
export function parseCliArgs(argv: readonly string[]): ParsedCli {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
    return { kind: "help", text: HELP_TEXT };
  }
  const [command, ...rest] = argv;
  if (command !== "build" && command !== "inspect") {
    return { kind: "error", message: `Unknown command "${clip(command)}". The commands are "build" and "inspect"; see salesquant --help.` };
  }
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
    if (!token.startsWith("--")) return { kind: "error", message: `Unexpected argument "${clip(token)}".` };
    const equals = token.indexOf("=");
    const name = equals >= 0 ? token.slice(2, equals) : token.slice(2);
    if (inspect && (BUILD_ONLY.has(name) || SHEET_FLAGS.has(name))) {
      return { kind: "error", message: `--${name} is an option of salesquant build; inspect only reads the file and writes nothing.` };
    }
    if (BUILD_SWITCHES.has(name)) {
      if (equals >= 0) return { kind: "error", message: `--${name} takes no value.` };
      if (name === "quiet") args.quiet = true;
      else args.strict = true;
      continue;
    }
    let value: string;
    if (equals >= 0) value = token.slice(equals + 1);
    else {
      if (i + 1 >= rest.length || rest[i + 1].startsWith("--")) {
        return { kind: "error", message: `The option --${clip(name)} needs a value.` };
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
          return { kind: "error", message: `Unknown preset "${clip(value)}". Use auto, ${PRESET_IDS.join(", ")}.` };
        }
        args.preset = value as PresetId | "auto";
        break;
      case "map": {
        const problem = readMap(value, args.columns);
        if (problem) return { kind: "error", message: problem };
        break;
      }
      case "encoding": {
        const encoding = encodingOf(value);
        if (encoding === null) return { kind: "error", message: `Unknown encoding "${clip(value)}". Use ${ENCODINGS.join(", ")}.` };
        args.encoding = encoding;
        break;
      }
      case "locale":
        if (!LOCALES.includes(value as Locale)) {
          return { kind: "error", message: `Unknown locale "${clip(value)}". Use en-US or zh-CN.` };
        }
        args.locale = value as Locale;
        break;
      case "currency":
        if (!/^[A-Za-z]{3}$/.test(value)) {
          return { kind: "error", message: `The currency "${clip(value)}" is not a three-letter code such as USD or CNY.` };
        }
        args.currency = value.toUpperCase();
        break;
      case "commission-plan":
        args.commissionPlan = value;
        break;
      case "update":
        if (!/\.xlsx$/i.test(value)) return { kind: "error", message: `--update must name an .xlsx workbook built before, not "${clip(value)}".` };
        args.update = value;
        break;
      case "quotas":
        args.quotas = value;
        break;
      case "sheet":
        args.sheet = value;
        break;
      case "stages":
        args.stages = list(value);
        if (args.stages.length === 0) return { kind: "error", message: "--stages needs at least one stage name." };
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
          return { kind: "error", message: `--date-order is MDY, DMY or auto, not "${clip(value)}".` };
        }
        args.dateOrder = order === "AUTO" ? "auto" : order;
        break;
      }
      case "decimal-mark": {
        const mark = value.trim().toLowerCase();
        const decimalMark = mark === "." || mark === "dot" ? "." : mark === "," || mark === "comma" ? "," : mark === "auto" ? "auto" : null;
        if (decimalMark === null) {
          return { kind: "error", message: `--decimal-mark is "." (or dot), "," (or comma) or auto, not "${clip(value)}".` };
        }
        args.decimalMark = decimalMark;
        break;
      }
      default: {
        const option = SHEET_FLAGS.get(name);
        if (!option) return { kind: "error", message: `Unknown option --${clip(name)}. See salesquant --help.` };
        // A list on the command line is comma-separated ("-,80,90"); the form reads it one per line.
        const typed = option.field.kind === "lines" ? list(value).join("\n") : value;
        args.sheetOptions[option.sheet] = { ...args.sheetOptions[option.sheet], [option.field.name]: typed };
      }
    }
  }
  if (!args.input) {
    return { kind: "error", message: `Missing --input FILE (the CRM export to ${inspect ? "inspect" : "read"}).` };
  }
  if (inspect) {
    const { input, preset, encoding, columns, currency, sheet, stages, wonLabels, lostLabels, dateOrder, decimalMark } = args;
    return { kind: "inspect", args: { input, preset, encoding, columns, currency, sheet, stages, wonLabels, lostLabels, dateOrder, decimalMark } };
  }
  if (!args.out) return { kind: "error", message: "Missing --out FILE.xlsx (where to write the workbook)." };
  if (!/\.xlsx$/i.test(args.out)) return { kind: "error", message: `--out must name an .xlsx file, not "${clip(args.out)}".` };
  return { kind: "build", args };
}
