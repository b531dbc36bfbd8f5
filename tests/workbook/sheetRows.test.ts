import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PlanCell, WorkbookPlan } from "../../src/workbook/plan";
import {
  inlineString,
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

  it("holds at most its limit of texts and characters, then gives -1 for a new text", () => {
    const byCount = new SharedStringTable({ texts: 2, chars: 100 });
    expect(["a", "b", "c", "a", "b", "d"].map((t) => byCount.add(t))).toEqual([0, 1, -1, 0, 1, -1]);
    expect(byCount.values).toEqual(["a", "b"]);
    // "abcd" (4) fits in 6 characters; "efg" would make 7; "xy" makes 6 and fits.
    const byChars = new SharedStringTable({ texts: 100, chars: 6 });
    expect(["abcd", "efg", "xy", "abcd", "z"].map((t) => byChars.add(t))).toEqual([0, -1, 1, 0, -1]);
    // A DEL written inline is not the table's: the table still holds none.
    expect(byCount.add("x\u007F")).toBe(-1);
    expect(byCount.holdsDel).toBe(false);
  });

  it("writes an inline string as a shared one, DEL kept as a character", () => {
    // ECMA-376 18.3.1.4: <is> holds the same <t> a shared string item <si> holds.
    for (const text of ["", "plain", " lead", "a\nb", "a & <b>", "汉字", "bel\u0007", "_x000D_", "a\r\nb"]) {
      expect(inlineString(text)).toBe(sharedStringItem(escapeXstring(text)).replace(/^<si>(.*)<\/si>$/s, "<is>$1</is>"));
    }
    expect(inlineString("del\u007Fx & y")).toBe("<is><t>del\u007Fx &amp; y</t></is>");
    // The escape of a look-alike does not change across a DEL: "_x0041_" is escaped, "_\u007Fx0041_" is not.
    expect(inlineString("_x0041_\u007F_\u007Fx0041_")).toBe("<is><t>_x005F_x0041_\u007F_\u007Fx0041_</t></is>");
  });

  it("writes the texts seen once the table is full in their cells, and ExcelJS reads every one", async () => {
    // 70,000 distinct names, a repeated stage on every row: the table fills at 65,536 texts.
    const n = 70_000;
    const rows: PlanCell[][] = [["Name", "Stage"]];
    for (let i = 0; i < n; i++) rows.push([`Deal & <${i}>`, i % 2 ? "Won" : "Lost"]);
    const buffer = await writeXlsxBuffer({ sheets: [{ name: "Deals", blocks: [{ at: "A1", cells: rows }] }] });
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const shared = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(shared).toContain('uniqueCount="65536"');
    // Name, Stage, Deal 0, Lost, Deal 1, Won, then one name a row: the last shared name is Deal 65531.
    expect(xml).toContain('<c r="A65533" t="s"><v>65535</v></c>');
    expect(xml).toContain('<c r="A65534" t="inlineStr"><is><t>Deal &amp; &lt;65532&gt;</t></is></c>');
    expect(xml).toContain(`<c r="B${n + 1}" t="s"><v>5</v></c>`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Deals")!;
    const wrong: string[] = [];
    for (let i = 0; i < n; i++) {
      const [name, stage] = [sheet.getCell(`A${i + 2}`).value, sheet.getCell(`B${i + 2}`).value];
      if (name !== `Deal & <${i}>` || stage !== (i % 2 ? "Won" : "Lost")) wrong.push(`${i + 2}: ${String(name)} ${String(stage)}`);
    }
    expect(wrong).toEqual([]);
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
