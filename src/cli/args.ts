import type { ImportEncoding } from "../import/decode";
import { PRESET_IDS, PresetId } from "../import/presets";
import type { DateOrder } from "../import/values";
import type { Locale } from "../core/locale";
import type { FieldSpec, FormValues } from "../compose/fields";
import { SHEETS } from "../compose/sheets";
import { BOOK_SHEETS, BookSheetId, flagOf } from "../compose/workbook";
import { formatUi } from "../i18n/uiLocale";
import { clip } from "./output";

/** What `salesquant build` was asked to do. */
export interface BuildArgs {
  input: string;
  out: string;
  preset: PresetId | "auto";
  encoding: ImportEncoding;
  /** null: follow the data (Chinese headers -> zh-CN, else en-US). */
  locale: Locale | null;
  currency: string | null;
  commissionPlan: string | null;
  /** XLSX input: the worksheet to read. */
  sheet: string | null;
  /** Open stages in order, replacing the preset's (`--stages "A,B,C"`). */
  stages: string[] | null;
  wonLabels: string[] | null;
  lostLabels: string[] | null;
  dateOrder: DateOrder;
  quiet: boolean;
  /** Options of the sheets, as typed (`--review-period quarterly`), checked when the workbook is composed. */
  sheetOptions: { [K in BookSheetId]?: FormValues };
}

export type ParsedCli =
  | { kind: "build"; args: BuildArgs }
  | { kind: "help"; text: string }
  | { kind: "error"; message: string };

const ENCODINGS: readonly ImportEncoding[] = ["auto", "utf-8", "utf-16", "gb18030"];
const LOCALES: readonly Locale[] = ["en-US", "zh-CN"];

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

export const HELP_TEXT = `salesquant: build a sales-management workbook from a CRM export, without Excel.

Usage:
  salesquant build --input FILE --out FILE.xlsx [options]
  salesquant --help

The workbook has the sheets Deals (the normalized table), Funnel, Reps, Monthly, Review,
Forecast, Customers, Dashboard and ImportIssues (rows left out, and why), plus the
commission sheets when a commission plan is given. Every table is live formulas over Deals.

Options:
  --input FILE             CRM export: .csv (any of the encodings below) or .xlsx
  --out FILE.xlsx          where to write the workbook (replaced in one step if it exists;
                           a symbolic link is refused)
  --preset NAME            auto (default) | zoho | salesforce | hubspot | fxiaoke | dynamics | generic
  --encoding NAME          auto (default: BOM, else UTF-8, else GB18030) | utf-8 | utf-16 | gb18030
  --locale NAME            en-US | zh-CN (default: zh-CN when the headers are Chinese, else en-US)
  --currency CODE          currency of amounts without a mark, and of the sheets (USD, CNY, EUR...)
  --commission-plan FILE   a commission plan (JSON) to add the commission sheets
  --sheet NAME             .xlsx input: the worksheet to read (default the first)
  --stages "A,B,C"         the open stages in order, replacing the preset's
  --won "A,B"              labels of won deals, replacing the preset's
  --lost "A,B"             labels of lost deals, replacing the preset's
  --date-order MDY|DMY     how 3/5/2025 is read (default MDY: 5 March)
  --quiet                  no progress lines
  -h, --help               this text

Sheet options (defaults as in the task pane; blank inputs are left for you to type):
${sheetOptionsHelp()}

Exit codes:
  0  the workbook was written
  2  bad arguments (unknown option, missing --input or --out, unreadable commission plan)
  3  the input cannot be read (missing file, not a CSV or XLSX export, no stage or amount column,
     no data rows, or every row left out so there is no deal)
  1  anything else (the workbook could not be written, or --out is a symbolic link)

Example:
  npx salesquant build --input deals.csv --preset zoho --out deals.xlsx
`;

function list(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * Parses the command line (without "node" and the script), never throwing: bad arguments
 * come back as `{ kind: "error", message }` in plain words.
 *
 * Rules: options take their value as the next argument or after "=" (`--preset=zoho`);
 * `--help` anywhere wins; the only command is `build`; `--input` and `--out` are required.
 *
 * @example
 * parseCliArgs(["build", "--input", "a.csv", "--out", "a.xlsx"]) // { kind: "build", args: { input: "a.csv", ... } }
 */
export function parseCliArgs(argv: readonly string[]): ParsedCli {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
    return { kind: "help", text: HELP_TEXT };
  }
  const [command, ...rest] = argv;
  if (command !== "build") {
    return { kind: "error", message: `Unknown command "${clip(command)}". The command is "build"; see salesquant --help.` };
  }
  const args: BuildArgs = {
    input: "",
    out: "",
    preset: "auto",
    encoding: "auto",
    locale: null,
    currency: null,
    commissionPlan: null,
    sheet: null,
    stages: null,
    wonLabels: null,
    lostLabels: null,
    dateOrder: "MDY",
    quiet: false,
    sheetOptions: {},
  };
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (!token.startsWith("--")) return { kind: "error", message: `Unexpected argument "${clip(token)}".` };
    const equals = token.indexOf("=");
    const name = equals >= 0 ? token.slice(2, equals) : token.slice(2);
    if (name === "quiet") {
      args.quiet = true;
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
      case "encoding": {
        const encoding = value.toLowerCase() === "utf8" ? "utf-8" : value.toLowerCase();
        if (!ENCODINGS.includes(encoding as ImportEncoding)) {
          return { kind: "error", message: `Unknown encoding "${clip(value)}". Use ${ENCODINGS.join(", ")}.` };
        }
        args.encoding = encoding as ImportEncoding;
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
      case "date-order":
        if (value !== "MDY" && value !== "DMY") return { kind: "error", message: `--date-order is MDY or DMY, not "${clip(value)}".` };
        args.dateOrder = value;
        break;
      default: {
        const option = SHEET_FLAGS.get(name);
        if (!option) return { kind: "error", message: `Unknown option --${clip(name)}. See salesquant --help.` };
        // A list on the command line is comma-separated ("-,80,90"); the form reads it one per line.
        const typed = option.field.kind === "lines" ? list(value).join("\n") : value;
        args.sheetOptions[option.sheet] = { ...args.sheetOptions[option.sheet], [option.field.name]: typed };
      }
    }
  }
  if (!args.input) return { kind: "error", message: "Missing --input FILE (the CRM export to read)." };
  if (!args.out) return { kind: "error", message: "Missing --out FILE.xlsx (where to write the workbook)." };
  if (!/\.xlsx$/i.test(args.out)) return { kind: "error", message: `--out must name an .xlsx file, not "${clip(args.out)}".` };
  return { kind: "build", args };
}
