/**
 * Reading a workbook for `build --update` (src/cli/book.ts), on workbooks written by ExcelJS as
 * another tool would write them: filled-down formulas stored once, number formats, cells
 * beside a generated range, a marker left naming a sheet that was renamed without it.
 */
import ExcelJS from "exceljs";
import { readExistingBook } from "../../src/cli/book";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

test("a user sheet comes back with its values, number formats and filled-down formulas, one per cell", async () => {
  const workbook = new ExcelJS.Workbook();
  const mine = workbook.addWorksheet("Mine");
  mine.getCell("A1").value = 1;
  mine.getCell("A2").value = 2;
  mine.getCell("A3").value = 3;
  mine.fillFormula("B1:B3", "A1*2", [2, 4, 6]);
  mine.getCell("D1").value = 0.25;
  mine.getCell("D1").numFmt = "0.0%";
  workbook.addWorksheet("Reps").getCell("A1").value = "Rep";
  workbook.definedNames.add("'Reps'!$A$1:$B$3", "SalesQuant.sheet.reps");
  const book = await readExistingBook(await bytesOf(workbook));
  expect(book.order).toEqual(["Mine", "Reps"]);
  expect([...book.saved.keys()]).toEqual(["reps"]);
  expect(book.userSheets).toEqual([
    {
      name: "Mine",
      blocks: [
        { at: "A1", cells: [[1, { f: "=A1*2" }]] },
        { at: "D1", cells: [[0.25]], numberFormat: ["0.0%"] },
        { at: "A2", cells: [[2, { f: "=A2*2" }]] },
        { at: "A3", cells: [[3, { f: "=A3*2" }]] },
      ],
    },
  ]);
});

test("of a tracked sheet, the inputs are read by key and only cells outside its generated range are the user's", async () => {
  const workbook = new ExcelJS.Workbook();
  const reps = workbook.addWorksheet("My reps");
  reps.getCell("A1").value = "Rep";
  reps.getCell("A2").value = "Ann";
  reps.getCell("B2").value = 100;
  reps.getCell("A3").value = "Bo";
  reps.getCell("E1").value = "typed beside";
  workbook.definedNames.add("'My reps'!$A$1:$B$3", "SalesQuant.sheet.reps");
  workbook.definedNames.add("'My reps'!$B$2:$B$3", "SalesQuant.input.reps.quota");
  workbook.definedNames.add("'My reps'!$A$2:$A$3", "SalesQuant.keys.reps.quota");
  // Renamed by a tool that did not move the name with it: the marker is stale.
  workbook.addWorksheet("Elsewhere").getCell("A1").value = "x";
  workbook.definedNames.add("'Funnel'!$A$1:$C$3", "SalesQuant.sheet.funnel");
  const book = await readExistingBook(await bytesOf(workbook));
  expect([...book.saved.keys()]).toEqual(["reps"]);
  expect(book.saved.get("reps")?.name).toBe("My reps");
  expect(book.saved.get("reps")?.inputs.get("quota")).toEqual([
    { key: "Ann", values: [100] },
    { key: "Bo", values: [null] },
  ]);
  expect(book.extraCells.get("reps")).toEqual([{ box: { top: 1, bottom: 1, left: 5, right: 5 }, block: { at: "E1", cells: [["typed beside"]] } }]);
  expect(book.userSheets.map((s) => s.name)).toEqual(["Elsewhere"]);
});

test("names whose sheet and text need XML escapes are read from the workbook part, stored after the sheets", async () => {
  // The product's writer stores xl/workbook.xml after the sheets; the names are read from it first.
  const { writeXlsxBuffer } = await import("../../src/workbook/xlsx/writeXlsx");
  const plan = {
    sheets: [
      {
        name: `P&L <"Q1">`,
        role: "reps",
        blocks: [{ at: "A1", cells: [["Rep", "Quota"], ["Ann & Bo", 100], ["Cé", null]] }],
        inputs: [{ id: "quota", range: "B2:B3", keys: "A2:A3" }],
      },
    ],
  };
  const bytes = new Uint8Array(await writeXlsxBuffer(plan));
  const book = await readExistingBook(bytes);
  expect(book.saved.get("reps")?.name).toBe(`P&L <"Q1">`);
  expect(book.saved.get("reps")?.inputs.get("quota")).toEqual([
    { key: "Ann & Bo", values: [100] },
    { key: "Cé", values: [null] },
  ]);
  expect(book.extraCells.get("reps")).toBeUndefined();
});
