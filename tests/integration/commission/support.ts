/**
 * What the LibreOffice commission tests share: write a plan with the product's writer and
 * recalculate it, read a Calc or Statement column back, and compare a number read back.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { FIRST_ROW } from "../../../src/generators/commission";
import type { WorkbookPlan } from "../../../src/workbook/plan";
import { writeXlsxFile } from "../../../src/workbook/xlsx/writeXlsx";
import { ReadValue, readValues, recalculateWithLibreOffice } from "../../support/libreoffice";

/**
 * A computed number read back. LibreOffice may save a formula whose result is 0 without a
 * cached value, which reads back as null: null is accepted as 0, but only where the engine
 * expects 0 (a blank anywhere else still fails).
 */
export function expectNumberClose(actual: ReadValue, expected: number, where: string): void {
  if (actual === null && expected === 0) return;
  if (typeof actual !== "number") throw new Error(`${where}: expected the number ${expected}, read ${JSON.stringify(actual)}`);
  if (Math.abs(actual - expected) >= 1e-6 * Math.max(1, Math.abs(expected))) {
    throw new Error(`${where}: expected ${expected}, LibreOffice computed ${actual}`);
  }
}

/** Writes the plan with the product's writer, recalculates it in LibreOffice, returns the file and its directory. */
export async function recalculated(plan: WorkbookPlan, name: string): Promise<{ file: string; dir: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-commission-"));
  const file = path.join(dir, `${name}.xlsx`);
  await writeXlsxFile(plan, file);
  return { file: await recalculateWithLibreOffice(file, path.join(dir, "lo")), dir };
}

/** `count` values of a column from the first data row down. */
export async function column(file: string, sheet: string, col: string, count: number): Promise<ReadValue[]> {
  return (await readValues(file, sheet, `${col}${FIRST_ROW}:${col}${FIRST_ROW + count - 1}`)).map((r) => r[0]);
}
