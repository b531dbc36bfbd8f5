import ExcelJS from "exceljs";
import JSZip from "jszip";
import { dropCells, SharedRanges, withoutPassedOverCells, worksheetParts } from "../../src/cli/generatedCells";
import { checkZipBounds } from "../../src/import/zipBounds";
import { DEFAULT_IMPORT_LIMITS } from "../../src/import/limits";
import { PlanCell, WorkbookPlan } from "../../src/workbook/plan";
import { writeXlsxBuffer } from "../../src/workbook/xlsx/writeXlsx";

describe("dropCells", () => {
  const inside = (row: number, column: number) => row >= 2 && row <= 3 && column <= 2;

  it("drops the cells passed over that hold no formula, whatever their form", () => {
    const xml =
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c s="3" r="B2"><v>1.5</v></c><c r="C2"><v>9</v></c></row>' +
      '<row r="3"><c r="A3" s="5"/><c r="B3" t="inlineStr"><is><t>x &lt;c&gt; y</t></is></c><c r="A3x"/></row>' +
      '<row r="4"><c r="A4"><v>4</v></c></row>';
    expect(dropCells(xml, inside)).toBe('<row r="2"><c r="C2"><v>9</v></c></row><row r="3"><c r="A3x"/></row><row r="4"><c r="A4"><v>4</v></c></row>');
  });

  it("keeps a cell with a formula of its own, a shared formula's first cell, and a cell without an address", () => {
    const xml = '<c r="A2"><f>B2*2</f></c><c r="B2" s="1"><f t="shared" ref="B2:B3" si="0">A2*2</f></c><c t="s"><v>3</v></c>';
    expect(dropCells(xml, inside)).toBe(xml);
  });

  it("drops the cells sharing a formula whose whole range is passed over, and only those", () => {
    // Shared formula 0 fills B2:B3, all passed over; 1 fills A3:A4, and A4 is kept.
    const xml =
      '<row r="2"><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f></c></row>' +
      '<row r="3"><c r="A3"><f t="shared" ref="A3:A4" si="1">C3+1</f></c><c r="B3" s="4"><f t="shared" si="0"/></c></row>' +
      '<row r="4"><c r="A4"><f t="shared" si="1"/></c></row>';
    expect(dropCells(xml, inside)).toBe(
      '<row r="2"><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f></c></row>' +
        '<row r="3"><c r="A3"><f t="shared" ref="A3:A4" si="1">C3+1</f></c></row>' +
        '<row r="4"><c r="A4"><f t="shared" si="1"/></c></row>',
    );
    // Cut into runs, as a part's chunks are: what the first run learnt serves the next.
    const shared = new SharedRanges();
    const [head, tail] = [xml.slice(0, xml.indexOf('<row r="3">')), xml.slice(xml.indexOf('<row r="3">'))];
    expect(dropCells(head, inside, shared) + dropCells(tail, inside, shared)).toBe(dropCells(xml, inside));
    // A cell sharing a formula whose first cell was not seen, or whose range is not plain, stays.
    const unknown = '<c r="B2"><f t="shared" si="7"/></c>';
    expect(dropCells(unknown, inside)).toBe(unknown);
    const absolute = '<c r="B2"><f t="shared" ref="$B$2:B3" si="0">A2</f></c><c r="B3"><f t="shared" si="0"/></c>';
    expect(dropCells(absolute, inside)).toBe(absolute);
  });

  it("keeps the cells of a range too large to look at cell by cell", () => {
    const everything = () => true;
    const xml = '<c r="A1"><f t="shared" ref="A1:XFD1048576" si="0">1</f></c><c r="B1"><f t="shared" si="0"/></c>';
    expect(dropCells(xml, everything)).toBe(xml);
    const small = '<c r="A1"><f t="shared" ref="A1:A2" si="0">1</f></c><c r="A2"><f t="shared" si="0"/></c>';
    expect(dropCells(small, everything)).toBe('<c r="A1"><f t="shared" ref="A1:A2" si="0">1</f></c>');
  });

  it("leaves other elements starting with c alone", () => {
    const xml = '<cols><col min="1" max="2" width="9"/></cols><conditionalFormatting sqref="A2"><cfRule type="expression"/></conditionalFormatting>';
    expect(dropCells(xml, () => true)).toBe(xml);
  });
});

describe("worksheetParts", () => {
  it("finds each sheet's part through the workbook's relationships", async () => {
    const bytes = await writeXlsxBuffer({ sheets: [{ name: "Deals & more", blocks: [{ at: "A1", cells: [[1]] }] }, { name: "Two", blocks: [{ at: "A1", cells: [[2]] }] }] });
    const parts = worksheetParts(bytes, checkZipBounds(bytes, DEFAULT_IMPORT_LIMITS));
    expect([...parts]).toEqual([
      ["Deals & more", "xl/worksheets/sheet1.xml"],
      ["Two", "xl/worksheets/sheet2.xml"],
    ]);
  });
});

describe("withoutPassedOverCells", () => {
  // Enough rows that the part is inflated in many chunks, cut anywhere in a cell.
  const ROWS = 6_000;
  const row = (i: number): PlanCell[] => {
    const r = i + 2;
    return [`Deal ${i} ${"é汉".repeat(i % 5)}`, i * 1.5, i % 3 === 0 ? null : true, { f: `=B${r}*2` }, i % 7 === 0 ? { f: `=A${r}&"!"` } : `note ${i}`];
  };
  const plan: WorkbookPlan = {
    sheets: [
      { name: "Deals", blocks: [{ at: "A1", cells: [["Name", "Amount", "Flag", "Double", "Note"]] }, { at: "A2", cells: Array.from({ length: ROWS }, (_, i) => row(i)) }, { at: "H5", cells: [["mine"], [42]] }] },
      { name: "Other", blocks: [{ at: "A1", cells: [["kept", 1]] }] },
    ],
  };
  // The generated range is A1:E6001; its column E from row 10 is an input the refresh keeps.
  const passedOver = (r: number, c: number) => r >= 1 && r <= ROWS + 1 && c <= 5 && !(c === 5 && r >= 10);

  let original: Buffer;
  let trimmed: Uint8Array;
  beforeAll(async () => {
    original = await writeXlsxBuffer(plan);
    const entries = checkZipBounds(original, DEFAULT_IMPORT_LIMITS);
    trimmed = (await withoutPassedOverCells(original, entries, new Map([["xl/worksheets/sheet1.xml", passedOver]])))!;
  });

  it("is a package every part of which reads back with its CRC", async () => {
    const zip = await JSZip.loadAsync(trimmed, { checkCRC32: true });
    const before = await JSZip.loadAsync(original);
    expect(Object.keys(zip.files).sort()).toEqual(Object.keys(before.files).sort());
    for (const name of Object.keys(before.files)) {
      if (name === "xl/worksheets/sheet1.xml") continue;
      expect([name, await zip.file(name)!.async("string")]).toEqual([name, await before.file(name)!.async("string")]);
    }
    expect(trimmed.length).toBeLessThan(original.length);
  });

  it("holds every cell of the original but those passed over without a formula or only sharing one, as ExcelJS reads them", async () => {
    const read = async (bytes: Uint8Array) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return book;
    };
    const [before, after] = await Promise.all([read(original), read(trimmed)]);
    const problems: string[] = [];
    let dropped = 0;
    before.getWorksheet("Deals")!.eachRow((r) =>
      r.eachCell((cell, c) => {
        const now = after.getWorksheet("Deals")!.getCell(r.number, c);
        // A cell sharing a formula says where its first cell is (ExcelJS's model).
        const sharing = (cell.model as { sharedFormula?: string }).sharedFormula !== undefined;
        const gone = passedOver(r.number, c) && (cell.formula === undefined || sharing);
        if (gone) {
          dropped++;
          if (now.value !== null) problems.push(`${cell.address} kept`);
        } else if (JSON.stringify([now.value, now.formula, now.numFmt]) !== JSON.stringify([cell.value, cell.formula, cell.numFmt])) {
          problems.push(`${cell.address}: ${JSON.stringify(now.value)} for ${JSON.stringify(cell.value)}`);
        }
      }),
    );
    expect(problems.slice(0, 5)).toEqual([]);
    // The header's 5 cells; every row's name and amount; the flags of two rows in three (the
    // third is empty, so not written); the notes of rows 3 to 8 (E2 and E9 are formulas of
    // their own); the doubles but the first of each 1,024 rows, which hold the shared text.
    expect(dropped).toBe(5 + ROWS + ROWS + (2 * ROWS) / 3 + 6 + (ROWS - Math.ceil(ROWS / 1024)));
    expect(after.getWorksheet("Other")!.getCell("B1").value).toBe(1);
  });
});

describe("a part with a CDATA section", () => {
  it("is copied from there on as it is", async () => {
    const cells = '<c r="A2" t="s"><v>0</v></c>'.repeat(4000);
    const sheet = `<worksheet><sheetData><row r="2">${cells}</row><row r="3"><c r="A3" t="inlineStr"><is><t><![CDATA[a</c>b]]></t></is></c>${cells}</row></sheetData></worksheet>`;
    const zip = new JSZip();
    zip.file("xl/worksheets/sheet1.xml", sheet);
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const entries = checkZipBounds(bytes, DEFAULT_IMPORT_LIMITS);
    const out = await withoutPassedOverCells(bytes, entries, new Map([["xl/worksheets/sheet1.xml", () => true]]));
    const text = await (await JSZip.loadAsync(out!, { checkCRC32: true })).file("xl/worksheets/sheet1.xml")!.async("string");
    // Cells before the chunk holding the CDATA section may go; from it on, every byte stays.
    expect(text.endsWith(sheet.slice(sheet.indexOf("<row r=\"3\">")))).toBe(true);
    expect(sheet.includes(text.slice(text.indexOf("<![CDATA[")))).toBe(true);
  });
});
