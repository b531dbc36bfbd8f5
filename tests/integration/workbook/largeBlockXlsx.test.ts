import { promises as fs } from "fs";
import * as path from "path";
import { WorkbookPlan } from "../../../src/workbook/plan";
import { writeXlsxFile } from "../../../src/workbook/xlsx/writeXlsx";
import { readValues, recalculateWithLibreOffice } from "../../support/libreoffice";

/**
 * A streamed 20,000-row block with a formula per row, a table and a chart, recalculated by
 * LibreOffice. Amounts are 1..20,000, doubled by formula, so the doubled total is
 * 2 x (20,000 x 20,001 / 2) = 400,020,000.
 */
const ROWS = 20_000;
const out = path.resolve(__dirname, "../../../artifacts/workbook");

function plan(): WorkbookPlan {
  const cells = Array.from({ length: ROWS }, (_, i) => [
    `Deal ${i + 1}`,
    i + 1,
    { f: `=B${i + 2}*2` },
  ]);
  return {
    sheets: [
      {
        name: "Deals",
        blocks: [
          { at: "A1", cells: [["Deal", "Amount", "Doubled"]], style: { bold: true } },
          { at: "A2", cells, numberFormat: [null, "#,##0", "#,##0"] },
          { at: "E1", cells: [["Doubled total", { f: `=SUM(C2:C${ROWS + 1})` }]] },
        ],
        tables: [{ name: "Deals", range: `A1:C${ROWS + 1}` }],
        charts: [
          {
            type: "column",
            title: "First amounts",
            categories: "A2:A6",
            series: [{ name: "Amount", values: "B2:B6" }],
            anchor: "E3",
            width: 300,
            height: 200,
          },
        ],
        freeze: { rows: 1, columns: 0 },
      },
    ],
  };
}

describe("a large streamed block in LibreOffice", () => {
  it("recalculates every row and the total", async () => {
    await fs.mkdir(out, { recursive: true });
    const xlsx = path.join(out, "large-block.xlsx");
    await writeXlsxFile(plan(), xlsx);
    const recalculated = await recalculateWithLibreOffice(xlsx, out);
    expect(await readValues(recalculated, "Deals", "F1")).toEqual([[400_020_000]]);
    expect(await readValues(recalculated, "Deals", `A${ROWS + 1}:C${ROWS + 1}`)).toEqual([
      [`Deal ${ROWS}`, ROWS, 2 * ROWS],
    ]);
  });
});
