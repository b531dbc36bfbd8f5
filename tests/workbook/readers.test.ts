import { FakeExcel } from "../fakes/excel/fakeExcel";
import {
  listTableNames,
  readSelection,
  readTable,
  toReadTable,
} from "../../src/workbook/office/readers";

const workbook = () =>
  new FakeExcel({
    sheets: [
      {
        name: "Data",
        cells: { A1: "Stage", B1: "Amount", A2: "Lead", B2: 100, A3: "Won", B3: 40, C9: "" },
      },
    ],
    tables: [{ name: "Deals", sheet: "Data", address: "A1:B3" }],
    selection: { sheet: "Data", address: "A:C" },
  });

describe("readers", () => {
  it("reads the used part of a whole-column selection with its headers", async () => {
    const fake = workbook();
    const read = await readSelection(fake.run);
    expect(read.headers).toEqual(["Stage", "Amount"]);
    expect(read.rows).toEqual([
      ["Lead", 100],
      ["Won", 40],
    ]);
    expect(read.address).toBe("Data!A1:B3");
    expect(fake.syncCount).toBe(1);
  });

  it("rejects an empty selection with a message", async () => {
    const fake = workbook();
    fake.selection = { sheet: "Data", address: "F1:G5" };
    await expect(readSelection(fake.run)).rejects.toMatchObject({ code: "NOTHING_SELECTED" });
  });

  it("reads a table by name", async () => {
    const read = await readTable("deals", workbook().run);
    expect(read).toEqual({
      address: "Data!A1:B1",
      headers: ["Stage", "Amount"],
      rows: [
        ["Lead", 100],
        ["Won", 40],
      ],
    });
  });

  it("rejects a missing table", async () => {
    await expect(readTable("Nope", workbook().run)).rejects.toMatchObject({
      code: "TABLE_NOT_FOUND",
    });
  });

  it("lists table names", async () => {
    expect(await listTableNames(workbook().run)).toEqual(["Deals"]);
  });

  it("names blank headers by position and turns empty cells into null", () => {
    expect(
      toReadTable("A1:B2", [
        ["Stage", ""],
        ["", 3],
      ]),
    ).toEqual({ address: "A1:B2", headers: ["Stage", "Column 2"], rows: [[null, 3]] });
  });
});
