import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PlanCell, WorkbookPlan } from "../../src/workbook/plan";
import {
  SharedStringTable,
  sharedStringItem,
  sheetLayout,
  sheetRowsXml,
} from "../../src/workbook/xlsx/sheetRows";
import { writeXlsxBuffer } from "../../src/workbook/xlsx/writeXlsx";
import { escapeXstring } from "../../src/workbook/xlsx/xstring";
import { TEXT_CASES } from "./textCases";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const XmlStream = require("exceljs/lib/utils/xml-stream");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SharedStringXform = require("exceljs/lib/xlsx/xform/strings/shared-string-xform");

/** Rows made when read, counting the reads. */
function countedRows(count: number, row: (i: number) => PlanCell[]) {
  const reads = { count: 0 };
  const rows = new Proxy([] as PlanCell[][], {
    get: (target, p, receiver) => {
      if (p === "length") return count;
      if (typeof p === "string" && /^\d+$/.test(p)) {
        reads.count += 1;
        return row(Number(p));
      }
      return Reflect.get(target, p, receiver);
    },
  });
  return { rows, reads };
}

describe("sheet rows", () => {
  it("renders a shared string as ExcelJS does", () => {
    const texts = ["", "plain", " lead", "trail ", "a\nb", "a & <b> \"q\" 'a'", "汉字"];
    for (const text of [...texts, ...TEXT_CASES.map((c) => c.text)]) {
      const value = escapeXstring(text);
      const xml = new XmlStream();
      new SharedStringXform().render(xml, value);
      expect(sharedStringItem(value)).toBe(xml.xml);
    }
  });

  it("gives each distinct text one index, in the order first seen", () => {
    const strings = new SharedStringTable();
    expect(["b", "a", "b", "a\r", "c"].map((t) => strings.add(t))).toEqual([0, 1, 0, 2, 3]);
    expect(strings.values).toEqual(["b", "a", "a_x000D_", "c"]);
    expect(strings.holdsDel).toBe(false);
    strings.add("x\u007F");
    expect(strings.holdsDel).toBe(true);
  });

  it("makes rows as they are asked for, not the whole block first", () => {
    const { rows, reads } = countedRows(100_000, (i) => [`Deal ${i}`, i, { f: `=B${i + 1}*2` }]);
    const sheet = { name: "Deals", blocks: [{ at: "A1", cells: rows }] };
    const layout = sheetLayout(sheet, [[undefined, undefined, undefined]], () => 0);
    const chunks = sheetRowsXml(sheet, layout, new SharedStringTable());
    const first = chunks.next();
    expect(first.done).toBe(false);
    expect((first.value as Buffer).length).toBeLessThan(1 << 17);
    expect(reads.count).toBeLessThan(5_000);
    expect((first.value as Buffer).toString()).toMatch(
      /^<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0<\/v><\/c><c r="B1"><v>0<\/v><\/c><c r="C1"><f t="shared" ref="C1:C1024" si="0">B1\*2<\/f><\/c><\/row><row r="2" [^>]*><c r="A2" t="s"><v>1<\/v><\/c><c r="B2"><v>1<\/v><\/c><c r="C2"><f t="shared" si="0"\/><\/c><\/row>/,
    );
  });

  describe("in a package", () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Rows",
          merges: ["A1:C1", "E5:F6"],
          rowHeights: { 3: 30 },
          notes: [
            { cell: "H8", text: "on an empty row" },
            { cell: "B2", text: "beside a value" },
          ],
          blocks: [
            { at: "A1", cells: [["Title", null, null, 1]], style: { bold: true } },
            {
              at: "A2",
              cells: [
                [1, "x", true, { f: "=A2+1" }],
                [null, "", false, 2],
              ],
              numberFormat: "0.0",
            },
            { at: "E6", cells: [[null, 5]] },
          ],
        },
      ],
    };
    let xml: string;
    let comments: string;
    let workbook: ExcelJS.Workbook;
    beforeAll(async () => {
      const buffer = await writeXlsxBuffer(plan);
      const zip = await JSZip.loadAsync(buffer);
      xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      comments = await zip.file("xl/comments1.xml")!.async("string");
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    });

    it("writes values, formulas, booleans, empty text and styled empty cells", () => {
      const sheet = workbook.getWorksheet("Rows")!;
      expect(sheet.getCell("A1").value).toBe("Title");
      expect(sheet.getCell("A1").font?.bold).toBe(true);
      expect(sheet.getCell("D1").value).toBe(1);
      expect(sheet.getCell("A2").value).toBe(1);
      expect(sheet.getCell("A2").numFmt).toBe("0.0");
      expect(sheet.getCell("C2").value).toBe(true);
      expect(sheet.getCell("D2").value).toEqual({ formula: "A2+1" });
      expect(sheet.getCell("C3").value).toBe(false);
      expect(xml).toMatch(/<c r="A3" s="\d+"\/>/);
      expect(xml).toMatch(/<c r="B3" s="\d+" t="s"><v>\d+<\/v><\/c>/);
    });

    it("writes merged cells, row heights and every note", () => {
      const sheet = workbook.getWorksheet("Rows")!;
      expect(xml).toContain('<mergeCell ref="A1:C1"/>');
      expect(xml).toContain('<mergeCell ref="E5:F6"/>');
      expect(xml).toMatch(/<row r="3" ht="30" customHeight="1"/);
      // E5 and F6 are merged cells rows 5 and 6 still hold, in column order.
      expect(xml).toMatch(/<row r="5"[^>]*><c r="F5"\/><\/row>/);
      expect(xml).toMatch(/<row r="6"[^>]*><c r="E6"\/><c r="F6"\/><\/row>/);
      expect(sheet.getCell("B2").note).toBe("beside a value");
      // ExcelJS does not read a note on a cell without value back; LibreOffice does.
      expect(comments).toMatch(/<comment ref="H8" authorId="0">.*on an empty row/);
      expect(xml).toMatch(/<row r="8"[^>]*><c r="H8"\/><\/row>/);
    });
  });
});
