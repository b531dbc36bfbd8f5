/**
 * Excel's documented limits, enforced where a plan would meet them: the recording fake
 * refuses what Excel refuses (so a plan real Excel would reject fails in tests), and
 * validatePlan refuses such a plan before any writer opens a request.
 * Sources: Excel specifications and limits (32,767 characters in a cell, 8,192 in a
 * formula, 31 in a sheet name), "Names in formulas" (table and defined names).
 */
import { cellContentProblem, definedNameProblem, FakeExcel, sheetNameProblem } from "../fakes/excel/fakeExcel";
import { validatePlan } from "../../src/workbook/validatePlan";
import type { WorkbookPlan } from "../../src/workbook/plan";

describe("the recording fake refuses what Excel refuses", () => {
  it("sheet names: blank, too long, forbidden characters, apostrophes at the ends, History", () => {
    expect(["", " ", "x".repeat(32), "a/b", "a[b", "'quoted", "quoted'", "History", "history"].map((n) => sheetNameProblem(n) !== null)).toEqual(Array(9).fill(true));
    expect(["Funnel", "Funnel (2)", "销售漏斗", "x".repeat(31), "it's"].map(sheetNameProblem)).toEqual(Array(5).fill(null));
  });

  it("table and defined names: start, characters, length, cell-like names, C and R", () => {
    expect(["1st", "has space", "a-b", "A1", "xfd1048576", "R1C1", "r", "C", "x".repeat(256), ""].map((n) => definedNameProblem(n) !== null)).toEqual(Array(10).fill(true));
    expect(["Deals", "Deals_Amount", "_x", "\\back", "Funnel2", "商机", "A1B", "ABCD1"].map(definedNameProblem)).toEqual(Array(8).fill(null));
  });

  it("cell contents: 32,767 characters of text, 8,192 of formula", () => {
    expect(cellContentProblem("x".repeat(32767))).toBeNull();
    expect(cellContentProblem("x".repeat(32768))).toMatch(/32,767/);
    expect(cellContentProblem("=" + "1+".repeat(4095) + "1")).toBeNull();
    expect(cellContentProblem("=" + "1+".repeat(4096) + "1")).toMatch(/8,192/);
  });

  it("rejects a sync that writes an over-long text, a bad sheet name or a bad defined name", async () => {
    const fake = new FakeExcel();
    const attempt = (act: (context: Excel.RequestContext) => void) =>
      fake.run(async (context) => {
        act(context);
        await context.sync();
      });
    await expect(attempt((c) => void (c.workbook.worksheets.add("Long").getRange("A1").formulas = [["x".repeat(40000)]]))).rejects.toThrow(/32,767/);
    await expect(attempt((c) => void c.workbook.worksheets.add("History"))).rejects.toThrow(/reserved/);
    await expect(attempt((c) => void c.workbook.names.add("A1", "=Sheet1!$A$1"))).rejects.toThrow(/cell reference/);
  });
});

describe("validatePlan refuses a plan Excel would reject", () => {
  it("text over 32,767 characters and formulas over 8,192", () => {
    const plan: WorkbookPlan = {
      sheets: [{ name: "S", blocks: [{ at: "A1", cells: [["x".repeat(32768), { f: "=" + "1+".repeat(4096) + "1" }, "x".repeat(32767)]] }] }],
    };
    const messages = validatePlan(plan).map((p) => p.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/32768 characters of text/);
    expect(messages[1]).toMatch(/8194 characters/);
  });
});
