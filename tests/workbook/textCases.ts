/**
 * Texts a CRM export can carry that XML cannot hold as they are, and the plan that writes
 * them (column A), each with `=LEN(A<row>)` beside it (column B), a note and a table whose
 * header holds a line break. Shared by the unit and LibreOffice tests of the xlsx writer.
 */
import { WorkbookPlan } from "../../src/workbook/plan";

export interface TextCase {
  /** What the case is about. */
  why: string;
  text: string;
}

export const TEXT_CASES: TextCase[] = [
  { why: "CR LF line break (Windows CRM)", text: "Zhang\r\nWei" },
  { why: "CR alone", text: "a\rb" },
  { why: "leading tab", text: "\tx" },
  { why: "tab inside", text: "a\tb" },
  { why: "LF line break", text: "a\nb" },
  { why: "text that looks like an escape", text: "_x000D_" },
  { why: "lower-case escape look-alike", text: "x_x000d_y" },
  { why: "escaped underscore look-alike", text: "_x005F_x000D_" },
  { why: "look-alike closed by the next escape", text: "_x0041\r" },
  { why: "look-alike before a DEL", text: "_x0041\u007F" },
  { why: "NUL", text: "nul\u0000x" },
  { why: "bell", text: "bel\u0007x" },
  { why: "vertical tab and form feed", text: "vt\u000Bff\u000C" },
  { why: "unit separator", text: "\u001Fend" },
  { why: "DEL (dropped by ExcelJS's encoder)", text: "del\u007Fx" },
  { why: "not an XML character", text: "nc\uFFFEx" },
  { why: "markup characters", text: "a & <b> \"q\" 'a'" },
  { why: "leading and trailing spaces", text: "  pad  " },
];

/** Row of the first case; case i is on row FIRST_ROW + i. */
export const FIRST_ROW = 2;

export const NOTE_TEXT = "Called\r\nback\u0007 _x000D_";
export const TABLE_HEADER = "Won\r\nrevenue";

export function textCasesPlan(): WorkbookPlan {
  return {
    sheets: [
      {
        name: "Texts",
        blocks: [
          { at: "A1", cells: [["Text", "Length"]] },
          {
            at: `A${FIRST_ROW}`,
            cells: TEXT_CASES.map((c, i) => [c.text, { f: `=LEN(A${FIRST_ROW + i})` }]),
          },
          { at: "D1", cells: [["Rep", TABLE_HEADER], ["Li", 5], ["Wang", 7]] },
        ],
        tables: [{ name: "Revenue", range: "D1:E3" }],
        notes: [{ cell: "A2", text: NOTE_TEXT }],
      },
    ],
  };
}
