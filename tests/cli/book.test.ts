/**
 * Reading a workbook for `build --update` (src/cli/book.ts), on workbooks written by ExcelJS as
 * another tool would write them: filled-down formulas stored once, number formats, cells
 * beside a generated range, a marker left naming a sheet that was renamed without it.
 */
import ExcelJS from "exceljs";
import { readExistingBook } from "../../src/cli/book";
import { DEFAULT_IMPORT_LIMITS, importLimits } from "../../src/import/limits";
import { checkZipBounds } from "../../src/import/zipBounds";
import { writeXlsxBuffer } from "../../src/workbook/xlsx/writeXlsx";

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

describe("a tracked sheet larger than an import may read", () => {
  // The bounds of an import, lowered so that a sheet of 4,000 rows is past them: the Deals
  // sheet of a workbook at Excel's row limit is about 650 MB of XML, past the 512 MiB an
  // import reads of one part.
  const LIMIT = 600_000;
  const limits = importLimits({ maxXlsxEntryBytes: LIMIT });
  const deals = (rows: number) => Array.from({ length: rows }, (_, i) => [`Deal ${i}`, `Customer ${i % 97}`, "Ann", i * 10, "USD", 45000 + i, "Proposal", "open", { f: `=D${i + 2}*2` }]);

  it("is read, its generated cells passed over before the bounds are applied", async () => {
    const plan = {
      sheets: [{ name: "Deals", role: "deals", blocks: [{ at: "A1", cells: [["Name", "Customer", "Owner", "Amount", "Currency", "Close", "Stage", "Status", "Double"]] }, { at: "A2", cells: deals(4000) }] }],
    };
    const bytes = new Uint8Array(await writeXlsxBuffer(plan));
    const entries = checkZipBounds(bytes, DEFAULT_IMPORT_LIMITS);
    expect(entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!.uncompressedSize).toBeGreaterThan(LIMIT);
    expect(() => checkZipBounds(bytes, limits)).toThrow(/more than the 0.6 MB allowed/);
    const book = await readExistingBook(bytes, limits);
    expect(book.saved.get("deals")?.name).toBe("Deals");
    expect(book.userSheets).toEqual([]);
  });

  it("but a sheet of the user's that large is refused", async () => {
    const plan = {
      sheets: [
        { name: "Deals", role: "deals", blocks: [{ at: "A1", cells: [["Name"]] }] },
        { name: "Mine", blocks: [{ at: "A1", cells: deals(4000) }] },
      ],
    };
    const bytes = new Uint8Array(await writeXlsxBuffer(plan));
    await expect(readExistingBook(bytes, limits)).rejects.toMatchObject({ messageKey: "error.xlsxEntryTooLarge" });
  });
});

test("a formula the user filled down past a generated range is read on the cells past it, the range's own fills passed over", async () => {
  const workbook = new ExcelJS.Workbook();
  const reps = workbook.addWorksheet("Reps");
  for (let r = 1; r <= 8; r++) reps.getCell(r, 1).value = r;
  // Both stored once, on their first cell (C2, D2): C2:C6 lies inside the generated range
  // A1:D6, D2:D8 reaches two rows past it.
  reps.fillFormula("C2:C6", "A2*2", [4, 6, 8, 10, 12]);
  reps.fillFormula("D2:D8", "A2+C2", [6, 9, 12, 15, 18, 7, 8]);
  workbook.definedNames.add("'Reps'!$A$1:$D$6", "SalesQuant.sheet.reps");
  const book = await readExistingBook(await bytesOf(workbook));
  expect(book.extraCells.get("reps")?.map((run) => run.block)).toEqual([
    { at: "A7", cells: [[7]] },
    { at: "D7", cells: [[{ f: "=A7+C7" }]] },
    { at: "A8", cells: [[8]] },
    { at: "D8", cells: [[{ f: "=A8+C8" }]] },
  ]);
});

/** `workbook` re-stored as some writers store it: the shared strings first, the sheets, the workbook part last. */
async function workbookPartLast(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const JSZip = (await import("jszip")).default;
  const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const names = Object.keys(written.files).filter((name) => !written.files[name].dir);
  const rank = (name: string) => (name === "xl/workbook.xml" ? 3 : name.startsWith("xl/worksheets/") ? 2 : name === "xl/sharedStrings.xml" || name.endsWith(".rels") ? 1 : 0);
  const reordered = new JSZip();
  for (const name of [...names].sort((a, b) => rank(a) - rank(b))) reordered.file(name, await written.files[name].async("uint8array"));
  const bytes = new Uint8Array(await reordered.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  const order = checkZipBounds(bytes, DEFAULT_IMPORT_LIMITS).map((e) => e.name);
  expect(order.indexOf("xl/workbook.xml")).toBeGreaterThan(order.indexOf("xl/worksheets/sheet1.xml"));
  expect(order.indexOf("xl/sharedStrings.xml")).toBeLessThan(order.indexOf("xl/worksheets/sheet1.xml"));
  return bytes;
}

// Some writers store xl/workbook.xml last, after the shared strings and the sheets; ExcelJS's
// streaming reader then met a sheet before it knew the workbook's sheets, and threw.
test("a package whose workbook part comes after its sheets and shared strings is read, not a TypeError", async () => {
  const workbook = new ExcelJS.Workbook();
  const reps = workbook.addWorksheet("Reps");
  reps.getCell("A1").value = "Rep";
  reps.getCell("A2").value = "Ann";
  reps.getCell("B2").value = 100;
  workbook.addWorksheet("Mine").getCell("A1").value = "notes";
  workbook.definedNames.add("'Reps'!$A$1:$B$2", "SalesQuant.sheet.reps");
  workbook.definedNames.add("'Reps'!$B$2:$B$2", "SalesQuant.input.reps.quota");
  workbook.definedNames.add("'Reps'!$A$2:$A$2", "SalesQuant.keys.reps.quota");
  const book = await readExistingBook(await workbookPartLast(workbook));
  expect(book.order).toEqual(["Reps", "Mine"]);
  expect(book.saved.get("reps")?.inputs.get("quota")).toEqual([{ key: "Ann", values: [100] }]);
  expect(book.userSheets).toEqual([{ name: "Mine", blocks: [{ at: "A1", cells: [["notes"]] }] }]);
});

test("so is one with no tracked sheet (nothing to take out, the parts only put in order)", async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Mine").getCell("A1").value = "notes";
  const book = await readExistingBook(await workbookPartLast(workbook));
  expect([book.order, book.saved.size]).toEqual([["Mine"], 0]);
  expect(book.userSheets).toEqual([{ name: "Mine", blocks: [{ at: "A1", cells: [["notes"]] }] }]);
});
