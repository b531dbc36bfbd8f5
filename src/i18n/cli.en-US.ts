/**
 * Command-line text, en-US: everything `salesquant build` and `salesquant inspect` print of
 * their own (the help, argument errors, the summary, the refresh lines, progress, inspect's
 * report). The reference catalog: every key here must exist in cli.zh-CN.ts with the same
 * placeholders (tests/i18n/catalogs.test.ts). The file's own words (paths, headers, values)
 * are filled in through placeholders, already clipped; the import's sentences come from the
 * import catalog.
 *
 * @example
 * cliEnUS["progress.reading"] // "Reading... {percent}% ({rows} rows)"
 */
export const cliEnUS = {
  // Joining lists and counts.
  "list.comma": ", ",
  "list.semicolon": "; ",
  "list.more": "  ... and {count} more.",
  "count.byte.one": "{count} byte",
  "count.byte.other": "{count} bytes",
  "count.line.one": "{count} line",
  "count.line.other": "{count} lines",
  "count.record.one": "{count} record",
  "count.record.other": "{count} records",
  "count.blankLine.one": "{count} blank line",
  "count.blankLine.other": "{count} blank lines",
  "count.deal.one": "{count} deal",
  "count.deal.other": "{count} deals",
  "count.row.one": "{count} row",
  "count.row.other": "{count} rows",
  "count.text.one": "{count} text",
  "count.text.other": "{count} texts",

  // Bad arguments (exit 2).
  "arg.pipeline": "--pipeline needs the name of a pipeline, as the file's pipeline column writes it.",
  "arg.mapShape": "--map takes FIELD=HEADER (for example --map amount=\"Deal size\"), not \"{value}\".",
  "arg.mapField": "Unknown field \"{name}\" in --map. The fields are: {fields}.",
  "arg.mapHeader": "--map {field}= needs the header of a column after \"=\".",
  "arg.mapTwice": "--map names the field {field} twice (\"{first}\" and \"{second}\"); give it once.",
  "arg.command": "Unknown command \"{command}\". The commands are \"build\" and \"inspect\"; see salesquant --help.",
  "arg.unexpected": "Unexpected argument \"{value}\".",
  "arg.buildOnly": "--{name} is an option of salesquant build; inspect only reads the file and writes nothing.",
  "arg.noValue": "--{name} takes no value.",
  "arg.needsValue": "The option --{name} needs a value.",
  "arg.preset": "Unknown preset \"{value}\". Use auto, {presets}.",
  "arg.encoding": "Unknown encoding \"{value}\". Use {encodings}.",
  "arg.locale": "Unknown locale \"{value}\". Use en-US or zh-CN.",
  "arg.currency": "The currency \"{value}\" is not a three-letter code such as USD or CNY.",
  "arg.update": "--update must name an .xlsx workbook built before, not \"{value}\".",
  "arg.stages": "--stages needs at least one stage name.",
  "arg.dateOrder": "--date-order is MDY, DMY or auto, not \"{value}\".",
  "arg.decimalMark": "--decimal-mark is \".\" (or dot), \",\" (or comma) or auto, not \"{value}\".",
  "arg.unknownOption": "Unknown option --{name}. See salesquant --help.",
  "arg.missingInputInspect": "Missing --input FILE (the CRM export to inspect).",
  "arg.missingInputBuild": "Missing --input FILE (the CRM export to read).",
  "arg.missingOut": "Missing --out FILE.xlsx (where to write the workbook).",
  "arg.outXlsx": "--out must name an .xlsx file, not \"{value}\".",

  // The commission plan, the quotas and the workbook to update (arguments, exit 2).
  "plan.unreadable": "cannot read the commission plan {file}: {reason}",
  "plan.invalid": "the commission plan {file} is not valid:",
  "plan.wholePlan": "(plan)",
  "plan.warning": "warning: {field}: {message}",
  "quotas.unreadable": "cannot read the quotas {file}: {reason}",
  "quotas.invalid": "the quotas {file} cannot be used:",
  "quotas.perPeriod":
    "the quotas {file} give {reps} a different quota per period, and a commission plan has one quota per period: give the rep one quota and the plan a ramp.",
  "update.unreadable": "cannot read the workbook to update {file}: {reason}",
  "update.notBuilt": "{file} has no sheets built by salesquant to update; build a new workbook without --update.",
  "update.needsPlan": "{file} has commission sheets ({sheets}): give --commission-plan again; the settings, tiers and quotas typed on them are kept.",

  // Reading the export.
  "read.missing": "the input file {file} does not exist.",
  "read.unreadable": "cannot read the input file {file}: {reason}",
  "read.notExport": "cannot read {file}: {reason}",
  "read.failed": "reading {file} failed: {reason}",
  "progress.reading": "Reading... {percent}% ({rows} rows)",

  // Why nothing was written.
  "build.noDataRows": "no deal could be read from {file}: it has a header but no data rows; nothing was written.",
  "build.noDealOne":
    "no deal could be read from {file}: the only data row was left out ({reasons}), so there is no workbook to build; nothing was written. The first reasons:",
  "build.noDealMany":
    "no deal could be read from {file}: every one of the {records} data rows was left out ({reasons}), so there is no workbook to build; nothing was written. The first reasons:",
  "build.strictOne": "--strict: {skipped} of {records} data row of {file} would be left out ({reasons}); nothing was written.",
  "build.strictMany": "--strict: {skipped} of {records} data rows of {file} would be left out ({reasons}); nothing was written.",
  "build.strictHint": "Fix the rows in the export, or see how it is read with: salesquant inspect --input {file}",
  "build.notPlanned": "the workbook cannot be planned:",
  "build.wholeWorkbook": "(workbook)",
  "write.refused": "cannot write {file}: {reason}",
  "write.failed": "cannot write {file}: {reason}. A file already there is left as it was.",
  "write.symlink": "it is a symbolic link, and the workbook is not written through links. Give the path of the file itself, or remove the link.",
  "write.folder": "it is a folder.",
  "write.notFile": "it is not a regular file.",

  // The summary of a build.
  "summary.wrote":
    "Wrote {out}: {imported} deals ({open} open, {won} won, {lost} lost) from {input} ({preset} preset{encoding}); {skipped} row(s) left out{notices}, listed on the {sheet} sheet.",
  "summary.encoding": ", {encoding}",
  "summary.notices": ", {notices} value(s) imported with a notice ({cut} text(s) cut to fit a cell)",
  "issue.line": "  line {line} (record {record}{id}): {reason}",
  "issue.id": ", id {id}",
  "issue.reasonCount": "{reason}: {count}",

  // What a refresh (--update) kept and could not put back.
  "refresh.carried": "Updated from {book}: {count} typed input cell(s) put back in their rows (values that differ from this build's defaults).",
  "refresh.replaced": "  {count} input cell(s) took the value given on this run (a sheet option or --quotas) instead of the one the workbook held.",
  "refresh.orphans":
    "  {count} typed input(s) have no row any more (their rep, stage or period is not in this export); they are not in the new workbook:",
  "refresh.orphan": "    {sheet}, {key}: {values}",
  "refresh.moreOrphans": "    ... and {count} more.",
  "refresh.displaced": "  {count} run(s) of cells you typed beside a generated table are now inside it and were not kept: {cells}{more}.",
  "refresh.moreDisplaced": ", ...",
  "refresh.kept": "  Kept as they were (this build does not make them): {names}.",

  // inspect's report: the labels (padded to one column) and their values.
  "inspect.file": "File",
  "inspect.format": "Format",
  "inspect.encoding": "Encoding",
  "inspect.delimiter": "Delimiter",
  "inspect.decimalMark": "Decimal mark",
  "inspect.dateOrder": "Date order",
  "inspect.preset": "Preset",
  "inspect.title": "Header",
  "inspect.pipelines": "Pipelines",
  "inspect.pipeline": "{name} ({rows})",
  "inspect.pipelineLeftOut": "{name} ({rows}, left out by --pipeline)",
  "inspect.blankLines": "Blank lines",
  "inspect.footer": "Footer",
  "inspect.otherEncoding": "Other encoding",
  "inspect.counts": "Counts:",
  "inspect.records": "  records",
  "inspect.imported": "  imported",
  "inspect.leftOut": "  left out",
  "inspect.notices": "  notices",
  "inspect.outcome": "Outcome",
  "inspect.issues": "Issues",
  "inspect.none": "none",
  "inspect.fileValue": "{file} ({bytes})",
  "inspect.formatCsv": "CSV text",
  "inspect.formatXlsxSheet": "XLSX workbook, sheet {sheet}",
  "inspect.formatXlsxFirst": "XLSX workbook, its first sheet",
  "inspect.encodingXlsx": "none: an .xlsx workbook stores its own text",
  "inspect.encodingUnknown": "unknown",
  "inspect.encodingGiven": "{used} (as given: --encoding {given})",
  "inspect.encodingBomUtf8": "{used} (the file starts with the UTF-8 byte-order mark EF BB BF)",
  "inspect.encodingBomUtf16": "{used} (the file starts with a UTF-16 byte-order mark {bom})",
  "inspect.encodingUtf8": "{used} (no byte-order mark; the bytes are valid UTF-8)",
  "inspect.encodingBestFit": "{used} (no byte-order mark and not valid UTF-8; of the other encodings, the one that fits the bytes best)",
  "inspect.delimiterXlsx": "none: an .xlsx workbook has cells",
  "inspect.delimiterUnknown": "not reported by the importer",
  "inspect.delimiterNamed": "{name} ({delimiter})",
  "inspect.delimiter.comma": "comma",
  "inspect.delimiter.semicolon": "semicolon",
  "inspect.delimiter.tab": "tab",
  "inspect.delimiter.bar": "vertical bar",
  "inspect.delimiter.space": "space",
  "inspect.markPoint": "\"{mark}\" (point)",
  "inspect.markComma": "\"{mark}\" (comma)",
  "inspect.markGiven": "{mark}, as given (--decimal-mark)",
  "inspect.markData": "{mark}, from the data",
  "inspect.markAmbiguous": "{mark}, ambiguous: every amount fits both marks; \"{used}\" used — pass --decimal-mark {other} if wrong",
  "inspect.markDefault": "{mark}, the default: no amount in the file tells the mark",
  "inspect.orderGiven": "{order}, as given (--date-order)",
  "inspect.orderData": "{order}, from the data",
  "inspect.orderAmbiguous": "{order}, ambiguous: every date fits both orders; {order} used — pass --date-order {other} if wrong",
  "inspect.orderDefault": "{order}, the default: no date in the file with the year last tells the order",
  "inspect.presetGiven": "{preset}, as given (--preset {given})",
  "inspect.presetData": "{preset}, from the headers (columns only that CRM exports)",
  "inspect.presetDefault": "{preset}, the default: no CRM's own headers found",
  "inspect.columns": "Columns (field -> column of the file):",
  "inspect.notMapped": "not mapped",
  "inspect.unit": " (its header's unit: {unit})",
  "inspect.byMap": " (--map)",
  "inspect.stages": "Stages (pipeline order, deals at each):",
  "inspect.noStage": "  none: no deal was read",
  "inspect.open": "open",
  "inspect.won": "won",
  "inspect.lost": "lost",
  "inspect.stageAdded": "added: not a stage of the preset, placed as an open stage",
  "inspect.stagesUnused": "  unused stages of the preset (no deal): {stages}",
  "inspect.headerLine": "line {line}",
  "inspect.titleLines": "line {line}; the {lines} above it are not read as deals:",
  "inspect.titleLine": "  line {line}: {text}",
  "inspect.blankValue": "{lines} among the data, skipped",
  "inspect.footerLines": "{lines} after the data, not read as deals:",
  "inspect.footerLine": "  line {line}: {text}",
  "inspect.footerRecords": "{records} after the blank line {line}, not read as deals",
  "inspect.otherEncodingValue": "{lines} read as {encoding}: {list}{more}",
  "inspect.listMore": ", ...",
  "inspect.importedValue": "{imported} ({open} open, {won} won, {lost} lost)",
  "inspect.cut": " ({texts} cut to fit a cell)",
  "inspect.noDataRows": "build would stop (exit 3): the file has no data rows",
  "inspect.noDeal": "build would stop (exit 3): every row would be left out",
  "inspect.wouldWriteStrictStops": "build would write {deals}; with --strict it would stop (exit 4): {rows} left out",
  "inspect.wouldWrite": "build would write {deals}; --strict would pass",
  "inspect.issuesHeader": "Issues ({count}; {skipped} left out, {notices} notices):",
  "inspect.issuesFirst": "first {shown} of {total}",
  "inspect.command": "The same import with every setting as a flag (change one to correct it):",

  // The help: the text with the lists read from the product filled in.
  "help.presetPrefix": "  --preset NAME            auto (default) |",
  "help.text": `salesquant: build a sales-management workbook from a CRM export, without Excel.

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
{presets}
  --map FIELD=HEADER       read FIELD from the column HEADER, as the task pane's mapping
                           editor does; repeat it for each field:
                           --map amount="Deal size" --map owner=Rep
                           The header is everything after the first "="; FIELD is one of
{fields}
{encodings}
                           (default auto: a byte-order mark, else valid UTF-8, else the
                           encoding that fits the bytes best)
  --sheet NAME             .xlsx input: the worksheet to read (default the first)
  --pipeline NAME          only the deals of this pipeline (the file's pipeline column: HubSpot,
                           Pipedrive and Zoho keep several); the other rows are left out, as
                           neither deals nor issues (default: every pipeline, in one funnel)
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
{sheetOptions}

Language:
  Messages, inspect's report and this help are in the language of --locale (inspect takes it
  too), else in Chinese when LC_ALL, LC_MESSAGES or LANG starts with "zh", else in English.
  The workbook's language is --locale, else the data's (Chinese headers: zh-CN).

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
`,
} as const;

export type CliKey = keyof typeof cliEnUS;
export type CliCatalog = Record<CliKey, string>;
