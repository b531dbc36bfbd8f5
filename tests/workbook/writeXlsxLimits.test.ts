import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { WorkbookWriteError } from "../../src/workbook/errors";
import { writeXlsxFile } from "../../src/workbook/xlsx/writeXlsx";

describe("writeXlsx at Excel's limits", () => {
  it("refuses a sheet past 1,048,576 rows before writing, with the row count", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-limits-"));
    const file = path.join(dir, "too-long.xlsx");
    const row = ["Deal", 1];
    const plan = {
      sheets: [
        {
          name: "Deals",
          blocks: [
            { at: "A1", cells: [["Deal", "Amount"]] },
            { at: "A2", cells: new Array<(string | number)[]>(1_048_576).fill(row) },
          ],
        },
      ],
    };
    try {
      const error = await writeXlsxFile(plan, file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookWriteError);
      expect((error as WorkbookWriteError).code).toBe("INVALID_PLAN");
      expect((error as WorkbookWriteError).message).toBe(
        'Sheet "Deals": The sheet needs 1,048,577 rows; an .xlsx sheet holds at most 1,048,576.',
      );
      expect((error as WorkbookWriteError).problems).toEqual([
        expect.objectContaining({ sheet: "Deals", where: "blocks" }),
      ]);
      await expect(fs.stat(file)).rejects.toThrow();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a sheet past 16,384 columns with the column count", async () => {
    const plan = { sheets: [{ name: "Wide", blocks: [{ at: "XFD1", cells: [[1, 2]] }] }] };
    await expect(writeXlsxFile(plan, path.join(os.tmpdir(), "never.xlsx"))).rejects.toThrow(
      'Sheet "Wide": The sheet needs 16,385 columns; an .xlsx sheet holds at most 16,384.',
    );
  });
});
