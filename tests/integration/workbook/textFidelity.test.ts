import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { WorkbookPlan } from "../../../src/workbook/plan";
import { writeXlsxFile } from "../../../src/workbook/xlsx/writeXlsx";
import { readValues, recalculateWithLibreOffice } from "../../support/libreoffice";
import { FIRST_ROW, TEXT_CASES, textCasesPlan } from "../../workbook/textCases";

/**
 * Texts and zero results through LibreOffice: the writer's file opened, recalculated and
 * saved by LibreOffice, then read back.
 *
 * Expected texts are the written ones, and LEN(text) computed by LibreOffice is the number
 * of UTF-16 code units (every case is in the Basic Multilingual Plane). Two cases differ,
 * by LibreOffice itself, not by the file:
 * - its cell model keeps a line break as one character: "Zhang\r\nWei" is held as
 *   "Zhang\nWei" (LEN 9) and saved so; a CR alone is kept;
 * - it reads "_x005F_x000D_" right (LEN 13) but saves it without escaping the underscore of
 *   the literal "_x005F_", so reading its file gives "_x000D_".
 */
const LIBREOFFICE_HOLDS: Record<string, string> = { "Zhang\r\nWei": "Zhang\nWei" };
const LIBREOFFICE_SAVES: Record<string, string> = { "_x005F_x000D_": "_x000D_" };

/**
 * Formulas whose results are 0, FALSE or "" (derived by hand beside each), next to a blank.
 */
function zeroPlan(): WorkbookPlan {
  return {
    sheets: [
      {
        name: "Zeros",
        blocks: [
          { at: "A1", cells: [[5, 5, -2.5, 2.5]] },
          {
            at: "A2",
            cells: [
              [
                { f: "=1-1" }, // 0
                { f: "=A1-B1" }, // 5 - 5 = 0
                { f: "=SUM(C1:D1)" }, // -2.5 + 2.5 = 0
                { f: "=IF(A1>B1,1,0)" }, // 5 > 5 is false: 0
                { f: "=F1" }, // F1 is blank: 0
                null, // F2 blank
                { f: "=A1>B1" }, // FALSE
                { f: '=""' }, // empty text
                { f: "=A2+1" }, // 0 + 1 = 1
              ],
            ],
            numberFormat: [null, "#,##0", "0.0%", null, null, null, null, null, null],
          },
        ],
      },
    ],
  };
}

describe("text and zeros through LibreOffice", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-fidelity-"));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  // Inline: every text written in its cell, as the writer does once its shared strings table is full.
  it.each([
    ["shared strings", undefined],
    ["inline strings", { texts: 0, chars: 0 }],
  ])("keeps CR, control characters and escape look-alikes in cell text (%s)", async (kind, sharedStrings) => {
    const file = path.join(dir, `texts-${kind.split(" ")[0]}.xlsx`);
    await writeXlsxFile(textCasesPlan(), file, { sharedStrings });
    if (sharedStrings) expect(execFileSync("unzip", ["-p", file, "xl/worksheets/sheet1.xml"]).toString()).toContain('t="inlineStr"');
    const recalculated = await recalculateWithLibreOffice(file, path.join(dir, `lo-${kind.split(" ")[0]}`));
    const last = FIRST_ROW + TEXT_CASES.length - 1;
    const rows = await readValues(recalculated, "Texts", `A${FIRST_ROW}:B${last}`);
    const expected = TEXT_CASES.map((c) => {
      const held = LIBREOFFICE_HOLDS[c.text] ?? c.text;
      return [c.why, LIBREOFFICE_SAVES[c.text] ?? held, held.length];
    });
    expect(rows.map((row, i) => [TEXT_CASES[i].why, row[0], row[1]])).toEqual(expected);
    // The table and its header survive LibreOffice's reading too.
    expect(await readValues(recalculated, "Texts", "D2:E3")).toEqual([
      ["Li", 5],
      ["Wang", 7],
    ]);
  });

  it("reads LibreOffice's cached 0, FALSE and empty text as themselves", async () => {
    const file = path.join(dir, "zeros.xlsx");
    await writeXlsxFile(zeroPlan(), file);
    const recalculated = await recalculateWithLibreOffice(file, path.join(dir, "lo"));
    expect(await readValues(recalculated, "Zeros", "A2:I2")).toEqual([
      [0, 0, 0, 0, 0, null, false, "", 1],
    ]);
    // Why the reader does not take results from ExcelJS: its cell value drops a cached 0.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(recalculated);
    const a2 = workbook.getWorksheet("Zeros")!.getCell("A2");
    expect((a2.value as ExcelJS.CellFormulaValue).result).toBeUndefined();
  });
});
