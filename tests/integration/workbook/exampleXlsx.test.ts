import { promises as fs } from "fs";
import * as path from "path";
import { examplePlan, EXAMPLE_RISKY_TEXTS } from "../../fixtures/examplePlan";
import { writeXlsxFile } from "../../../src/workbook/xlsx/writeXlsx";
import { readValues, recalculateWithLibreOffice, renderToPng } from "../../support/libreoffice";

/**
 * The example plan written to .xlsx without cached values, recalculated by LibreOffice.
 * Expected numbers derived by hand (deals 120, 60, 30, 12):
 * conversions 1, 60/120 = 0.5, 30/60 = 0.5, 12/30 = 0.4; total 222; win rate 12/120 = 0.1;
 * gap 0.1 - 0.08 = 0.02; average 222/4 = 55.5; status "On track"; ROUND(0.08 * 120) = 10;
 * review date 2024-03-15 = serial 45366.
 */
const out = path.resolve(__dirname, "../../../artifacts/workbook");

describe("the example plan in LibreOffice", () => {
  let recalculated: string;
  let xlsx: string;
  beforeAll(async () => {
    await fs.mkdir(out, { recursive: true });
    xlsx = path.join(out, "example.xlsx");
    await writeXlsxFile(examplePlan(), xlsx);
    recalculated = await recalculateWithLibreOffice(xlsx, out);
  });

  it("computes the funnel", async () => {
    const rows = await readValues(recalculated, "Funnel", "A4:D8");
    expect(rows.map((r) => r[1])).toEqual([120, 60, 30, 12, 222]);
    const conversion = rows.map((r) => r[2] as number);
    [1, 0.5, 0.5, 0.4, 0.1].forEach((expected, i) =>
      expect(conversion[i]).toBeCloseTo(expected, 12),
    );
    expect(rows.slice(0, 4).map((r) => r[3])).toEqual(EXAMPLE_RISKY_TEXTS);
  });

  it("computes the summary across sheets and through defined names", async () => {
    const values = (await readValues(recalculated, "Stage Summary", "B2:B10")).map((r) => r[0]);
    expect(values[0]).toBe(0.08);
    expect(values[1]).toBeCloseTo(0.1, 12);
    expect(values[2]).toBeCloseTo(0.02, 12);
    expect(values[3]).toBe(222);
    expect(values[4]).toBeCloseTo(55.5, 12);
    expect(values[5]).toBe("On track");
    expect(values[6]).toBe(10);
    expect(values[7]).toBe("North");
    expect(values[8]).toBe(45366);
  });

  it("renders both sheets with their charts to PNG for a person to look at", async () => {
    const pngs = await renderToPng(xlsx, out);
    expect(pngs).toHaveLength(2);
    for (const png of pngs) expect((await fs.stat(png)).size).toBeGreaterThan(10_000);
  });
});
