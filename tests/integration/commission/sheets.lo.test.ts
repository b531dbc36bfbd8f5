/**
 * The commission sheets recalculated by LibreOffice equal the engine's payouts.
 *
 * The workbook is written with ExcelJS directly (values and formulas, no cached results):
 * what is under test is the formulas, read by an outside spreadsheet.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { CommissionCredits, CommissionPlan, runCommissionPlan } from "../../../src/core/commission";
import { isInvalid } from "../../../src/generators/common";
import { CALC_COLUMNS, FIRST_ROW, planCommissionWorkbook, STATEMENT_LINES } from "../../../src/generators/commission";
import { commissionEnUS } from "../../../src/i18n/commission.en-US";
import { parseCell } from "../../../src/workbook/address";
import { isFormulaCell, WorkbookPlan } from "../../../src/workbook/plan";
import { readValues, recalculateWithLibreOffice } from "../../support/libreoffice";

async function writeFormulasOnly(plan: WorkbookPlan, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const block of sheet.blocks) {
      const at = parseCell(block.at);
      block.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const target = ws.getCell(at.row + r, at.column + c);
          if (cell === null) return;
          target.value = isFormulaCell(cell) ? { formula: cell.f.slice(1) } : (cell as string | number | boolean);
        }),
      );
    }
  }
  await wb.xlsx.writeFile(file);
}

function scenario(method: CommissionPlan["method"]): { plan: CommissionPlan; credits: CommissionCredits } {
  return {
    plan: {
      basis: method === "hybrid" ? "attainment" : "amount",
      method,
      tiers:
        method === "hybrid"
          ? [
              { from: 0, rate: 0.05 },
              { from: 0.5, rate: 0.1 },
              { from: 1, rate: 0.2 },
            ]
          : [
              { from: 0, rate: 0.05 },
              { from: 10000, rate: 0.1 },
              { from: 20000, rate: 0.2 },
            ],
      marginalFrom: method === "hybrid" ? 1 : undefined,
      quota: { Ann: 20000, Bo: 15000, Chen: 30000 },
      gate: 0.25,
      cap: 7000,
      draw: { amount: 1000, recoverable: true },
      spif: { amount: 100 },
      bonusBands: [
        { from: 1, amount: 300 },
        { from: 1.3, amount: 800 },
      ],
      ramp: { Chen: [0.5, 0.75, 1] },
      proration: { Bo: [1, 0.5, 1] },
    },
    credits: {
      periods: ["2025-01", "2025-02", "2025-03"],
      reps: ["Ann", "Bo", "Chen"],
      credits: [
        { rep: "Ann", period: 0, amount: 26000, spifDeals: 2 },
        { rep: "Ann", period: 1, amount: 2000 },
        { rep: "Ann", period: 2, amount: 14000, spifDeals: 1 },
        { rep: "Bo", period: 0, amount: 9000 },
        { rep: "Bo", period: 1, amount: 16000, spifDeals: 0.5 },
        { rep: "Bo", period: 2, amount: 31000 },
        { rep: "Chen", period: 0, amount: 12000 },
        { rep: "Chen", period: 2, amount: 45000 },
      ],
      clawbacks: [
        { rep: "Ann", period: 2, originalPeriod: 0, amount: 6000 },
        { rep: "Bo", period: 2, originalPeriod: 1, amount: 4000 },
      ],
    },
  };
}

describe("commission sheets in LibreOffice", () => {
  for (const method of ["marginal", "retroactive", "hybrid"] as const) {
    it(`computes the engine's payouts and statement (${method})`, async () => {
      const { plan, credits } = scenario(method);
      const wb = planCommissionWorkbook(plan, credits, { locale: "en-US" });
      if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
      const run = runCommissionPlan(plan, credits);
      if ("errors" in run) throw new Error(JSON.stringify(run.errors));
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-commission-"));
      const file = path.join(dir, `commission-${method}.xlsx`);
      await writeFormulasOnly(wb, file);
      const recalculated = await recalculateWithLibreOffice(file, path.join(dir, "lo"));
      const n = run.rows.length;
      const col = CALC_COLUMNS.payout;
      const payouts = (await readValues(recalculated, commissionEnUS["sheet.calc"], `${col}${FIRST_ROW}:${col}${FIRST_ROW + n - 1}`)).map(
        (r) => r[0],
      );
      run.rows.forEach((row, i) => {
        expect(typeof payouts[i]).toBe("number");
        expect(Math.abs((payouts[i] as number) - row.payout)).toBeLessThan(1e-6);
      });
      const amounts = (
        await readValues(recalculated, commissionEnUS["sheet.statement"], `F${FIRST_ROW}:F${FIRST_ROW + n * 8 - 1}`)
      ).map((r) => r[0] as number);
      const expected = run.rows.flatMap((r) => STATEMENT_LINES.map((c) => r.lines.find((l) => l.component === c)!.amount));
      expected.forEach((v, i) => expect(Math.abs(amounts[i] - v)).toBeLessThan(1e-6));
      const check = await readValues(recalculated, commissionEnUS["sheet.plan"], "B14");
      expect(check[0][0]).toBe("OK");
      await fs.rm(dir, { recursive: true, force: true });
    });
  }
});
