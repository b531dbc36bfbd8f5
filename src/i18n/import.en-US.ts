/**
 * Import text, en-US: why a row was left out of the import (written on the ImportIssues
 * sheet and printed by the CLI), why a whole file cannot be read, and the ImportIssues
 * sheet's own labels. The reference catalog: every key here must exist in import.zh-CN.ts
 * with the same placeholders (tests/i18n/catalogs.test.ts).
 *
 * `row.*` and `error.*` texts are the `message` of an ImportIssue or an ImportError, word for
 * word in en-US; `value.*` is a parser's own message, without the column.
 *
 * @example
 * importEnUS["row.notAmount"] // "\"{value}\" is not an amount (column \"{column}\")."
 */
export const importEnUS = {
  // The ImportIssues sheet.
  "issues.sheet": "ImportIssues",
  "issues.title": "Rows left out of the import",
  "issues.summary": "{count} row(s) were left out of every metric. Fix them in the export and import it again.",
  "issues.none": "No rows were left out.",
  "issues.notices": "{count} value(s) were changed in deals that were imported (text cut to fit a cell, currency ignored): listed below too.",
  "issues.header.record": "Record",
  "issues.header.line": "Line",
  "issues.header.id": "ID",
  "issues.header.name": "Name",
  "issues.header.reason": "Reason",
  "issues.header.details": "Details",

  // The reason column: one word per ImportIssueReason.
  "reason.fieldCount": "Wrong number of fields",
  "reason.amount": "Amount not readable",
  "reason.missingAmount": "Won deal without an amount",
  "reason.date": "Date not readable",
  "reason.stage": "Unknown stage",
  "reason.status": "Unknown status",
  "reason.probability": "Probability not readable",
  "reason.textCut": "Text cut (deal imported)",
  "reason.currency": "Currency ignored (deal imported)",
  "reason.valueIgnored": "Value not readable (deal imported)",
  "reason.duplicate": "Deal ID repeated",

  // A value that does not parse (parseAmount, parseDate, parseProbability, parseFlag).
  "value.notAmount": "\"{value}\" is not an amount",
  "value.serialNotDate": "{value} is not a date",
  "value.notDate": "\"{value}\" is not a date",
  "value.notCalendarDate": "\"{value}\" is not a calendar date",
  "value.notProbability": "\"{value}\" is not a probability",
  "value.probabilityRange": "\"{value}\" is not a probability between 0% and 100%",
  "value.notFlag": "\"{value}\" is not yes or no",

  // Why a row was left out (the details column).
  "row.duplicateId": "Deal ID \"{id}\" is already on line {line}, with the same values: the row is left out, so the deal counts once.",
  "row.duplicateIdDiffers": "Deal ID \"{id}\" is already on line {line}, which is imported; this row differs in {columns}. A deal counts once: check which row is current.",
  "row.brokenQuoting": "Broken quoting: {detail}.",
  "row.fieldCount": "The row has {count} fields; the header has {expected}.",
  "row.unknownStatus": "Unknown status \"{value}\" in column \"{column}\".",
  "row.notFlag": "\"{value}\" is not yes or no in column \"{column}\".",
  "row.stageBlank": "The stage is blank.",
  "row.unknownStage": "Unknown stage \"{value}\": it is not in the pipeline.",
  "row.openStageBlank": "The deal is open but its stage is blank.",
  "row.notOpenStage": "The deal is open but \"{value}\" is not an open stage of the pipeline.",
  "row.notAmount": "\"{value}\" is not an amount (column \"{column}\").",
  "row.wonWithoutAmount": "The deal is won but has no amount (column \"{column}\").",
  "row.serialNotDate": "{value} is not a date (column \"{column}\").",
  "row.notDate": "\"{value}\" is not a date (column \"{column}\").",
  "row.notCalendarDate": "\"{value}\" is not a calendar date (column \"{column}\").",
  "row.notProbability": "\"{value}\" is not a probability (column \"{column}\").",
  "row.probabilityRange": "\"{value}\" is not a probability between 0% and 100% (column \"{column}\").",
  "row.textCut": "The text in column \"{column}\" has {length} characters, more than an Excel cell holds ({limit}): it was cut to its first {kept} characters followed by \"{marker}\". The deal is imported.",
  "row.valueIgnored": "\"{value}\" in column \"{column}\" cannot be read: the deal is imported with this value left blank.",
  "row.valueReplaced": "\"{value}\" in column \"{column}\" cannot be read: the deal is imported with {kept} instead.",
  "row.currencyIgnored": "\"{value}\" in column \"{column}\" is not a currency code (three letters such as USD) or symbol: the deal is imported in {currency}.",

  // Why a whole file cannot be read (ImportError).
  "error.emptyFile": "The file is empty: it has no header row.",
  "error.emptySheet": "The sheet \"{sheet}\" is empty: it has no header row.",
  "error.noBom": "The file was said to be UTF-16 but has no UTF-16 byte-order mark (FF FE or FE FF).",
  "error.decoderMissing": "This JavaScript runtime cannot decode {encoding}.",
  "error.notEncoding": "The file is not valid {encoding} text. Choose another encoding (utf-8, utf-16, gb18030) or save the export again as CSV.",
  "error.xlsxUnreadable": "The file looks like an .xlsx workbook but cannot be opened: {detail}",
  "error.noSheetNamed": "The workbook has no sheet named \"{sheet}\" (it has: {names}).",
  "error.noSheetNamedNone": "The workbook has no sheet named \"{sheet}\" (it has: none).",
  "error.noWorksheet": "The workbook has no worksheet.",
  "error.noOpenStages": "The pipeline has no open stages.",
  "error.noColumnNamed": "The file has no column \"{column}\" (asked for the {field}). Its columns: {columns}.",
  "error.noPipelineColumn": "Only pipeline \"{pipeline}\" was asked for, but the file has no pipeline column (looked for: {candidates}). Its columns: {columns}. Name the pipeline column, or import every pipeline.",
  "error.noSuchPipeline": "No row of the file is in pipeline \"{pipeline}\". Its pipelines: {pipelines}.",
  "error.noStageColumn": "No stage column found for the {preset} preset (looked for: {candidates}). Its columns: {columns}. Choose another preset or name the stage column.",
  "error.tooManyRows": "The file has more than {limit} data rows: an Excel sheet holds {rows} rows, one of them the header. Split the export (by date or owner) and import each part.",
  "error.badCurrencyOption": "The currency \"{value}\" is not a three-letter code such as USD or CNY, or a currency symbol.",
  "error.xlsxTooManyEntries": "The .xlsx file is refused: it holds more than {limit} files, which no workbook export needs.",
  "error.xlsxEntryTooLarge": "The .xlsx file is refused: its part {entry} would unpack to {size} MB, more than the {limit} MB allowed.",
  "error.xlsxTooLarge": "The .xlsx file is refused: it would unpack to more than {limit} MB.",
  "error.xlsxRatio": "The .xlsx file is refused: its part {entry} is compressed {ratio} to 1, more than the {limit} to 1 of any real workbook (a zip bomb?).",
  "error.xlsxSizeMismatch": "The .xlsx file is refused: its part {entry} unpacks to more than the {size} bytes its directory declares.",
  "error.noAmountColumn": "No amount column found for the {preset} preset (looked for: {candidates}). Its columns: {columns}. Choose another preset or name the amount column.",

  // Encoding detection (src/import/decode.ts): why a file could not be decoded, and what was detected.
  "error.encodingUnknown": "The file's encoding could not be recognized: it is not UTF-8 or UTF-16, and it does not read as plausible text in {encodings}. Choose the encoding ({choices}) or save the export again as UTF-8 CSV.",
  "decode.basis.bom": "{encoding}, from the file's byte-order mark",
  "decode.basis.option": "{encoding}, as chosen",
  "decode.basis.valid": "{encoding}: the bytes are valid {encoding}",
  "decode.basis.plausible": "{encoding}: the bytes read as plausible {encoding} text",
  "decode.otherLines": "Lines {lines} were {other}; the rest of the file was {encoding}.",
  "decode.otherLinesMore": "{count} lines were {other} (the first: {lines}); the rest of the file was {encoding}.",

  // Notes about the whole file (src/import/notes.ts), on ImportIssues and in the CLI's summary.
  "issues.fileNotes": "About the file:",
  "note.dateOrderAmbiguous": "Every date such as 3/5/2025 in the file fits both month-first and day-first; they were read as {order}. If that is wrong, import again with the other date order.",
  "note.dateOrderDayFirst": "Dates such as 29/03/2023 were read day first (D/M/Y): some of the file's dates only read that way.",
  "note.decimalAmbiguous": "Some amounts read as different numbers with a decimal point or a decimal comma (such as 1,234); they were read with \"{mark}\" as the decimal mark.",
  "note.decimalComma": "Amounts were read with a decimal comma (1.234,50 is one thousand two hundred thirty-four and a half), as the file writes them.",
  "note.title": "The header is line {header}: the {count} line(s) above it were read as the report's title and filters and left out (lines {lines}).",
  "note.amountUnit": "Column \"{column}\" states its unit: its amounts were multiplied by {multiplier}, in {currency} (12.5 is read as 12.5 × {multiplier}).",
  "note.amountScale": "Column \"{column}\" states its unit: its amounts were multiplied by {multiplier} (12.5 is read as 12.5 × {multiplier}).",
  "note.amountCurrency": "Column \"{column}\" states its currency: its amounts without a currency mark are in {currency}.",
  "note.blankLines": "{count} blank line(s) were skipped; the data goes on after them.",
  "note.footer": "{count} line(s) were recognised as the report's totals or footer and left out (lines {lines}).",
  "note.otherEncoding": "{count} line(s) were written in {encoding}, the rest in {main}: lines {lines}. Check those rows' names.",
  "note.stagesAdded": "Stages added from the data (they are not in the preset's pipeline): {stages}.",
  "note.stagesUnused": "Stages of the preset that no deal uses, left out of the funnel: {stages}.",
  "note.pipelines": "The file holds deals of {count} pipelines ({pipelines}): their stages make one funnel. To see one pipeline alone, import again with that pipeline chosen.",
  "note.pipelineKept": "Only the deals of pipeline \"{pipeline}\" were imported: {rows} row(s) of other pipelines ({pipelines}) were left out, as neither deals nor issues.",
} as const;

export type ImportTextKey = keyof typeof importEnUS;
export type ImportCatalog = Record<ImportTextKey, string>;
