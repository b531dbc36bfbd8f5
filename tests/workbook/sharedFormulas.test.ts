import ExcelJS from "exceljs";
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import JSZip from "jszip";
import { columnLetter } from "../../src/workbook/address";
import { PlanCell, WorkbookPlan } from "../../src/workbook/plan";
import { downTemplate, markSharedRuns, SharedMark } from "../../src/workbook/xlsx/sharedFormulas";
import { writeXlsxBuffer } from "../../src/workbook/xlsx/writeXlsx";

describe("downTemplate", () => {
  it("moves relative rows down and leaves absolute rows, text and names alone", () => {
    const cases: [string, number, string][] = [
      ['IF(J2="Won",E2*$K$1,0)', 3, 'IF(J5="Won",E5*$K$1,0)'],
      ["$A2+A$2+$A$2+A2", 1, "$A3+A$2+$A$2+A3"],
      ['"Won"&B1&"it\'s"', 9, '"Won"&B10&"it\'s"'],
      ["LOG10(A1)+ATAN2(B2,C3)", 2, "LOG10(A3)+ATAN2(B4,C5)"],
      ["1E5+2E10*A7", 1, "1E5+2E10*A8"],
      ["SUMPRODUCT(($R$2:$R$8=I2)*{1;2;3})", 4, "SUMPRODUCT(($R$2:$R$8=I6)*{1;2;3})"],
      ["SUM(A1:B2)", 10, "SUM(A11:B12)"],
      ["XFD9+AA10", 1, "XFD10+AA11"],
      ["TODAY()-7", 5, "TODAY()-7"],
      ['IF(ISNUMBER(H2),YEAR(H2)&"-"&IF(MONTH(H2)<10,"0","")&MONTH(H2),"")', 1, 'IF(ISNUMBER(H3),YEAR(H3)&"-"&IF(MONTH(H3)<10,"0","")&MONTH(H3),"")'],
    ];
    for (const [text, rows, moved] of cases) {
      const template = downTemplate(text);
      expect(template?.at(0)).toBe(text);
      expect(template?.at(rows)).toBe(moved);
    }
  });

  it("declines what it cannot move with certainty", () => {
    for (const text of [
      "'Other sheet'!A1+B1", // another sheet
      "Funnel!A1", // an unquoted sheet name
      "Deals[Amount]", // a structured reference
      "[1]Sheet1!A1", // an external reference
      "SUM(2:2)", // whole rows
      "SUM($3:$5)",
      "a1+b2", // lower case
      '"Q1 "&A1', // text that reads like a reference: ExcelJS would move it
      "XFE1+A1", // past the last column: a name, not a cell
      "A1048577",
      "IF(A1,#REF!,0)", // an error value
      "\uE000Funnel\uE001!A1", // a plan token
    ]) {
      expect([text, downTemplate(text)]).toEqual([text, undefined]);
    }
  });

  it("moves what it accepts as Excel does (HyperFormula copying the cell down)", () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", maxRows: 100_000 });
    const sheet = hf.getSheetId(hf.addSheet("S"))!;
    const formulas = [
      "=IF(A2=\"Won\",B2*$C$1,0)",
      "=SUM($A2:B2)+A$1",
      "=LOG10(B2)+ATAN2(A2,B2)",
      "=IF(ISNUMBER(B2),YEAR(B2)&\"-\"&MONTH(B2),\"\")",
      "=MAX(1,SUMPRODUCT(($E$2:$E$8=D2)*{1;2;3;4;5;6;7}))",
      "=A2*100000+AB2",
    ];
    formulas.forEach((formula, i) => {
      const column = 10 + i;
      hf.setCellContents({ sheet, col: column, row: 1 }, [[formula]]);
      hf.copy({ start: { sheet, col: column, row: 1 }, end: { sheet, col: column, row: 1 } });
      hf.paste({ sheet, col: column, row: 40 });
      const excel = hf.getCellFormula({ sheet, col: column, row: 40 })!;
      expect(`=${downTemplate(formula.slice(1))!.at(39)}`).toBe(excel);
    });
  });

  it("gives, for formulas built from known pieces, exactly the text with their relative rows moved", () => {
    // A piece is text the same in every row, or a reference whose row moves or stays.
    type Piece = { text: string } | { column: string; columnAbs: boolean; row: number; rowAbs: boolean };
    const reference = fc.record({
      column: fc.integer({ min: 1, max: 16_384 }).map(columnLetter),
      columnAbs: fc.boolean(),
      row: fc.integer({ min: 1, max: 1_000_000 }),
      rowAbs: fc.boolean(),
    });
    const fixed = fc.constantFrom("+", "*", "-", ",", "(", ")", "SUM(", "LOG10(", "ATAN2(", "1E5", "2.5", '"Won"', '"a,b)"', '"it\'s"', "{1;2;3}", "TRUE", ":");
    const pieces = fc.array(fc.oneof(reference, fixed.map((text) => ({ text }))), { maxLength: 12 });
    const render = (list: Piece[], d: number): string => {
      let out = "";
      for (const piece of list) {
        if ("text" in piece) out += piece.text;
        else {
          // A reference next to a name would be part of the name: keep them apart.
          if (/[A-Za-z0-9_.$]$/.test(out)) out += "+";
          out += `${piece.columnAbs ? "$" : ""}${piece.column}${piece.rowAbs ? "$" : ""}${piece.rowAbs ? piece.row : piece.row + d}`;
        }
        if ("column" in piece) out += "+";
      }
      return out;
    };
    fc.assert(
      fc.property(pieces, fc.integer({ min: 1, max: 48_000 }), (list, d) => {
        const template = downTemplate(render(list, 0));
        expect(template).toBeDefined();
        expect(template!.at(d)).toBe(render(list, d));
      }),
    );
  });
});

describe("markSharedRuns", () => {
  const run = (texts: (string | undefined)[]): (SharedMark | undefined)[] => {
    let si = 0;
    const marks: (SharedMark | undefined)[] = new Array(texts.length).fill(undefined);
    markSharedRuns(texts, 5, "C", () => si++, marks);
    return marks;
  };

  it("marks runs of two or more filled-down formulas, and nothing else", () => {
    const marks = run(["A5*2", "A6*2", "A7*2", "A8*3", undefined, "B10", "B11", "'S'!A12", "'S'!A13", "A14", "A14"]);
    expect(marks).toEqual([
      { si: 0, ref: "C5:C7" },
      { si: 0 },
      { si: 0 },
      undefined, // A8*3 is no longer A5*2 moved, and nothing below shares it
      undefined,
      { si: 1, ref: "C10:C11" },
      { si: 1 },
      undefined, // another sheet: declined
      undefined,
      undefined, // A14 twice is the same text, not the same formula moved
      undefined,
    ]);
  });
});

describe("shared formulas in the written package", () => {
  const ROWS = 2_600; // more than two windows of rows read ahead
  const formulaRow = (i: number): PlanCell[] => {
    const r = i + 2;
    return [
      i,
      { f: `=A${r}*2` },
      // One cell in the middle differs: it breaks the range in two.
      i === 1500 ? { f: `=A${r}*3` } : { f: `=IF(A${r}>10,"big ""one""",B${r})` },
      { f: `=SUM($A$2:A${r})` },
      i % 2 === 0 ? { f: `=A${r}+1` } : null,
    ];
  };
  const plan: WorkbookPlan = {
    sheets: [{ name: "Rows", blocks: [{ at: "A2", cells: Array.from({ length: ROWS }, (_, i) => formulaRow(i)) }] }],
  };
  let xml: string;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    const buffer = await writeXlsxBuffer(plan);
    xml = await (await JSZip.loadAsync(buffer)).file("xl/worksheets/sheet1.xml")!.async("string");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    sheet = workbook.getWorksheet("Rows")!;
  });

  it("reads back, through ExcelJS's own moving of shared formulas, as the plan's formulas", () => {
    const differ: string[] = [];
    for (let i = 0; i < ROWS; i++) {
      formulaRow(i).forEach((cell, c) => {
        const read = sheet.getCell(i + 2, c + 1);
        const planned = cell !== null && typeof cell === "object" ? cell.f.slice(1) : cell;
        const got = read.formula !== undefined ? read.formula : read.value;
        if (got !== planned) differ.push(`${read.address}: ${JSON.stringify(got)} for ${JSON.stringify(planned)}`);
      });
    }
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it("writes each run once, its range exact, within windows of rows", () => {
    const firsts = Array.from(xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f t="shared" ref="([^"]+)" si="(\d+)">/g), (m) => [m[1], m[2]]);
    const starts = firsts.filter(([cell]) => cell.startsWith("B")).map(([cell, ref]) => `${cell} ${ref}`);
    // Rows 2 to 2,601, read 1,024 at a time.
    expect(starts).toEqual(["B2 B2:B1025", "B1026 B1026:B2049", "B2050 B2050:B2601"]);
    const broken = firsts.filter(([cell]) => cell.startsWith("C")).map(([, ref]) => ref);
    expect(broken).toEqual(["C2:C1025", "C1026:C1501", "C1503:C2049", "C2050:C2601"]);
    // Column E has a formula every other row: no two in a row, so none is shared.
    expect(xml).not.toMatch(/<c r="E\d+"[^>]*><f t="shared"/);
    expect(xml).toContain('<c r="C1502"><f>A1502*3</f></c>');
    const followers = xml.match(/<f t="shared" si="\d+"\/>/g)!.length;
    expect(followers + firsts.length).toBe(3 * ROWS - 1);
  });
});

describe("shared formulas beside merged cells", () => {
  it("leave out a merged cell other than the top-left one, which is written empty", async () => {
    const plan: WorkbookPlan = {
      sheets: [{ name: "M", merges: ["B4:B5"], blocks: [{ at: "A1", cells: Array.from({ length: 10 }, (_, i) => [i, { f: `=A${i + 1}*2` }]) }] }],
    };
    const buffer = await writeXlsxBuffer(plan);
    const xml = await (await JSZip.loadAsync(buffer)).file("xl/worksheets/sheet1.xml")!.async("string");
    const refs = Array.from(xml.matchAll(/<f t="shared" ref="(B\d+:B\d+)"/g), (m) => m[1]);
    expect(refs).toEqual(["B1:B4", "B6:B10"]);
    expect(xml).toMatch(/<c r="B5"\/>/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("M")!;
    for (const r of [1, 2, 3, 4, 6, 7, 10]) expect(sheet.getCell(`B${r}`).formula).toBe(`A${r}*2`);
  });
});
