import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { writeXlsxBuffer } from "../../src/workbook/xlsx/writeXlsx";
import { readValues } from "../support/libreoffice";
import { FIRST_ROW, NOTE_TEXT, TABLE_HEADER, TEXT_CASES, textCasesPlan } from "./textCases";

/** What XML 1.0 cannot hold (a part holding one is corrupt). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("text fidelity of the xlsx writer", () => {
  let buffer: Buffer;
  let zip: JSZip;
  let workbook: ExcelJS.Workbook;
  let dir: string;
  beforeAll(async () => {
    buffer = await writeXlsxBuffer(textCasesPlan());
    zip = await JSZip.loadAsync(buffer);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-text-"));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  const part = (name: string) => zip.file(name)!.async("string");

  it("writes no part a strict XML parser would reject, and no raw CR in text", async () => {
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"))) {
      const xml = await part(name);
      expect([name, NOT_XML.test(xml)]).toEqual([name, false]);
    }
    const shared = await part("xl/sharedStrings.xml");
    expect(shared).not.toContain("\r");
    // Spelled as ECMA-376 22.9.2.19 writes them.
    expect(shared).toContain("Zhang_x000D_\nWei");
    expect(shared).toContain("_x005F_x000D_");
    expect(shared).toContain("nul_x0000_x");
    expect(shared).toContain("nc_xFFFE_x");
    // DEL is legal XML and stays a character (LibreOffice does not decode `_x007F_`).
    expect(shared).toContain("del\u007Fx");
  });

  it("reads every text back exactly with ExcelJS", () => {
    const sheet = workbook.getWorksheet("Texts")!;
    const back = TEXT_CASES.map((c, i) => [c.why, sheet.getCell(`A${FIRST_ROW + i}`).value]);
    expect(back).toEqual(TEXT_CASES.map((c) => [c.why, c.text]));
  });

  it("reads every text back exactly with the test reader, written inline too", async () => {
    const inline = path.join(dir, "inline.xlsx");
    await fs.writeFile(inline, await writeXlsxBuffer(textCasesPlan(), { sharedStrings: { texts: 0, chars: 0 } }));
    const inlineValues = await readValues(inline, "Texts", `A${FIRST_ROW}:A${FIRST_ROW + TEXT_CASES.length - 1}`);
    expect(inlineValues.map((row, i) => [TEXT_CASES[i].why, row[0]])).toEqual(TEXT_CASES.map((c) => [c.why, c.text]));

    const file = path.join(dir, "texts.xlsx");
    await fs.writeFile(file, buffer);
    const values = await readValues(file, "Texts", `A${FIRST_ROW}:A${FIRST_ROW + TEXT_CASES.length - 1}`);
    expect(values.map((row, i) => [TEXT_CASES[i].why, row[0]])).toEqual(
      TEXT_CASES.map((c) => [c.why, c.text]),
    );
  });

  it("keeps a note's line break, control character and escape look-alike", async () => {
    const note = workbook.getWorksheet("Texts")!.getCell("A2").note;
    const text = typeof note === "string" ? note : note.texts!.map((t) => t.text).join("");
    expect(text).toBe(NOTE_TEXT);
    expect(await part("xl/comments1.xml")).not.toContain("\r");
  });

  it("names a table column exactly as its header cell, line break included", async () => {
    const table = await part("xl/tables/table1.xml");
    expect(table).toContain(`name="Won_x000D__x000A_revenue"`);
    expect(workbook.getWorksheet("Texts")!.getCell("E1").value).toBe(TABLE_HEADER);
  });
});
