import JSZip from "jszip";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { readValues } from "../support/libreoffice";

/**
 * A package spelled out by hand the way LibreOffice saves a recalculated sheet: formula
 * cells with cached results (0, false, "" among them), shared strings with rich-text and
 * phonetic runs, an inline string, character references, and cells without `r`.
 */
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Other" sheetId="1" r:id="rId2"/><sheet name="R&amp;D" sheetId="2" r:id="rId3"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`;
const SHARED = `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t xml:space="preserve">a&#13;&#10;b</t></si><si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> plain</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>_x005F_x000D_ and _x000d_ and raw\r\nend</t></si></sst>`;
const SHEET1 = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>99</v></c></row></sheetData></worksheet>`;
const SHEET2 = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="3" width="9"/></cols><sheetData>
<row r="2"><c r="A2" s="1" t="n"><f aca="false">1-1</f><v>0</v></c><c r="B2" t="b"><f>1=2</f><v>0</v></c><c r="C2" t="str"><f>""</f><v></v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c><c r="D3" t="s"><v>3</v></c></row>
<row r="4"><c r="A4" s="2"><v>45366</v></c><c r="B4" t="inlineStr"><is><t>in&amp;line</t></is></c><c r="C4" s="3"/><c r="D4" t="str"><f>"x"</f><v>x&lt;y_x0007_</v></c></row>
<row><c><v>-1.5E-3</v></c><c t="b"><v>1</v></c></row>
</sheetData></worksheet>`;

describe("readValues", () => {
  let file: string;
  beforeAll(async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", WORKBOOK);
    zip.file("xl/_rels/workbook.xml.rels", RELS);
    zip.file("xl/sharedStrings.xml", SHARED);
    zip.file("xl/worksheets/sheet1.xml", SHEET1);
    zip.file("xl/worksheets/sheet2.xml", SHEET2);
    file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-read-")), "hand.xlsx");
    await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
  });
  afterAll(() => fs.rm(path.dirname(file), { recursive: true, force: true }));

  it("gives a formula's cached 0, false and empty text as themselves, errors as text", async () => {
    expect(await readValues(file, "R&D", "A2:D2")).toEqual([[0, false, "", "#DIV/0!"]]);
  });

  it("decodes shared strings: references, runs without phonetics, escapes, XML line ends", async () => {
    expect(await readValues(file, "R&D", "A3:D3")).toEqual([
      ["a\r\nb", "Bold plain", "東京", "_x000D_ and \r and raw\nend"],
    ]);
  });

  it("gives numbers as stored (a date as its serial), inline strings, blanks as null", async () => {
    expect(await readValues(file, "R&D", "A4:E4")).toEqual([[45366, "in&line", null, "x<y\u0007", null]]);
  });

  it("follows cells and rows written without addresses", async () => {
    expect(await readValues(file, "R&D", "A5:B5")).toEqual([[-0.0015, true]]);
  });

  it("reads the asked sheet and range only", async () => {
    expect(await readValues(file, "Other", "A1")).toEqual([[99]]);
    expect(await readValues(file, "R&D", "$B$2")).toEqual([[false]]);
    await expect(readValues(file, "Missing", "A1")).rejects.toThrow(/No sheet named Missing/);
  });
});
