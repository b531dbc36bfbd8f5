/** Composing workbooks: the one path from data and options to a plan. */
export { composeWorkbook, readSheetValues, readsDeals } from "./compose";
export type { ComposeData, ComposeOptions, SheetRequest } from "./compose";
export type { CommissionRequest, SheetId, SheetValues } from "./planners";
export type { ComposeResult, FieldError } from "./result";
export { BOOK_SHEETS, flagOf, planWorkbook } from "./workbook";
export type { BookSheetId, SalesWorkbookOptions } from "./workbook";
