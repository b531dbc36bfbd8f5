/**
 * Computed rows: a block whose rows are made when they are read (the Deals sheet of a large
 * export). They must read exactly as the same rows held in an array, refuse changes, stay
 * computed through preparation, and be written by the .xlsx writer as a plain block would be.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { itemReader } from "../../src/core/computedArray";
import { dealsSheetPlan } from "../../src/generators/deals";
import { computedRows, PlanCell, rowMaker, sheetRef, WorkbookPlan } from "../../src/workbook/plan";
import { preparePlan } from "../../src/workbook/prepare";
import { writeXlsxFile } from "../../src/workbook/xlsx/writeXlsx";
import { buildDeals, PIPELINE } from "../generators/sampleDeals";

const rowOf = (i: number): PlanCell[] => [`deal ${i}`, i * 10, { f: `=B${i + 2}*2` }];
const held = (count: number): PlanCell[][] => Array.from({ length: count }, (_, i) => rowOf(i));

describe("computedRows", () => {
  it("reads as the array of the same rows", () => {
    const rows = computedRows(4, rowOf);
    expect(rows.length).toBe(4);
    expect(rows[2]).toEqual(["deal 2", 20, { f: "=B4*2" }]);
    expect(rows[4]).toBeUndefined();
    // Only canonical indexes name rows, as in an array.
    const named = rows as unknown as Record<string, unknown>;
    for (const key of ["01", "1.0", "1e0", " 1", "1 ", "+1", "0x1", "00", "-0", "4"]) expect(named[key]).toBeUndefined();
    expect(named["0"]).toEqual(rowOf(0));
    expect(named["3"]).toEqual(rowOf(3));
    expect(rows).toEqual(held(4));
    expect([...rows]).toEqual(held(4));
    expect(rows.map((r) => r[1])).toEqual([0, 10, 20, 30]);
    expect(rows.slice(1, 3)).toEqual(held(4).slice(1, 3));
    expect(rows.findIndex((r) => r[1] === 30)).toBe(3);
    expect(Object.keys(rows)).toEqual(["0", "1", "2", "3"]);
    expect(2 in rows && !(4 in rows)).toBe(true);
    expect(JSON.stringify(rows)).toBe(JSON.stringify(held(4)));
    expect(Array.isArray(rows)).toBe(true);
  });

  it("makes a row at each read and holds none", () => {
    let made = 0;
    const rows = computedRows(1000, (i) => {
      made += 1;
      return rowOf(i);
    });
    expect(made).toBe(0);
    void rows[999];
    void rows[999];
    expect(made).toBe(2);
    expect(rows[999]).not.toBe(rows[999]);
  });

  it("refuses to be changed in place, and a copy can be changed", () => {
    const rows = computedRows(2, rowOf);
    expect(() => {
      rows[0] = ["x"];
    }).toThrow(TypeError);
    expect(() => rows.push(["x"])).toThrow(TypeError);
    expect(() => {
      rows.length = 0;
    }).toThrow(TypeError);
    const copy = rows.slice();
    copy[0] = ["x"];
    expect(copy[0]).toEqual(["x"]);
    expect(rows[0]).toEqual(rowOf(0));
  });

  it("gives its row maker back; a plain array has none", () => {
    expect(rowMaker(computedRows(1, rowOf))?.(5)).toEqual(rowOf(5));
    expect(rowMaker(held(1))).toBeUndefined();
  });

  it("is read item by item through itemReader as through its indexes, and so is a plain array", () => {
    const computed = computedRows(7, rowOf);
    const plain = held(7);
    const read = itemReader(computed);
    const readPlain = itemReader(plain);
    for (let i = 0; i < 7; i++) {
      expect(read(i)).toEqual(computed[i]);
      expect(readPlain(i)).toBe(plain[i]);
    }
    // The computed array's reader is its maker: no read through the Proxy.
    expect(read).toBe(rowMaker(computed));
  });
});

describe("the Deals sheet", () => {
  it("plans its deal rows as computed rows, equal to the rows written out from the deals", () => {
    const deals = buildDeals();
    const block = dealsSheetPlan(deals, PIPELINE, {}).blocks[1];
    expect(rowMaker(block.cells)).toBeDefined();
    expect(block.cells).toHaveLength(deals.length);
    // Checked against the deals themselves, field by field.
    deals.forEach((deal, i) => {
      const row = block.cells[i];
      expect(row.slice(0, 6)).toEqual([deal.id, deal.name, deal.customer, deal.owner, deal.amount, deal.currency]);
      expect(row[8]).toBe(deal.stage);
      expect(row[13]).toEqual({ f: expect.stringContaining(`J${i + 2}`) });
    });
  });

  it("stays computed through preparation, its rows rewritten when read", () => {
    const rows = computedRows(3, (i) => [i, { f: `=${sheetRef("Other", "A1")}+${i}` }]);
    const plan: WorkbookPlan = {
      sheets: [
        { name: "Deals", blocks: [{ at: "A1", cells: rows }] },
        { name: "Other", blocks: [{ at: "A1", cells: [[1]] }] },
      ],
    };
    const prepared = preparePlan(plan).plan.sheets[0].blocks[0].cells;
    expect(rowMaker(prepared)).toBeDefined();
    expect(prepared).toEqual([
      [0, { f: "='Other'!A1+0" }],
      [1, { f: "='Other'!A1+1" }],
      [2, { f: "='Other'!A1+2" }],
    ]);
  });

  it("is written to .xlsx cell for cell as the same rows held in an array", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "computed-rows-"));
    try {
      const sheet = (cells: PlanCell[][]): WorkbookPlan => ({
        sheets: [{ name: "Deals", blocks: [{ at: "B3", cells, numberFormat: [null, "0.00", null] }] }],
      });
      const read = async (plan: WorkbookPlan, file: string): Promise<unknown[]> => {
        await writeXlsxFile(plan, file);
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        const values: unknown[] = [];
        book.getWorksheet("Deals")!.eachRow((row) => row.eachCell((cell) => values.push([cell.address, cell.value, cell.numFmt])));
        return values;
      };
      const reported: number[] = [];
      await writeXlsxFile(sheet(computedRows(5000, rowOf)), path.join(dir, "reported.xlsx"), { onRowBytes: (bytes) => reported.push(bytes) });
      // Reported as the rows are made, in 64 KB chunks: several calls, growing.
      expect(reported.length).toBeGreaterThan(2);
      expect(reported.every((bytes, i) => i === 0 || bytes > reported[i - 1])).toBe(true);
      const computed = await read(sheet(computedRows(50, rowOf)), path.join(dir, "computed.xlsx"));
      expect(computed).toHaveLength(150);
      expect(computed).toEqual(await read(sheet(held(50)), path.join(dir, "held.xlsx")));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
