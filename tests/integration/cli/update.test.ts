/**
 * The monthly cycle through the command line: build from last month's export, type into the
 * workbook (as a manager would in Excel: a quota, a stage target, a scorecard weight, a note
 * beside a table, a sheet of their own; the Funnel renamed), then `build --update` from this
 * month's export, writing over the same file, twice. LibreOffice recalculates the result and
 * every rep's numbers are compared with the independent counter over this month's deals, with
 * the typed values still in their rows.
 */
import { execFile } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { readValues, recalculateWithLibreOffice } from "../../support/libreoffice";
import { renderZoho, ZOHO_STAGES } from "../../fixtures/generateExports";
import { independentCount } from "../../fixtures/independentCount";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "salesquant.js");

let workDir: string;
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "salesquant-update-"));
});
afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

// Last month Carla Diaz still sold and Dev Patel had not started; this month it is the other way.
const lastMonth = renderZoho(4242, 160, (deal) => deal.owner.trim() !== "Dev Patel");
const thisMonth = renderZoho(4242, 160, (deal) => deal.owner.trim() !== "Carla Diaz");

/** Row (1-based) of `name` in column A of a sheet, from row 5. */
function rowOf(sheet: ExcelJS.Worksheet, name: string): number {
  for (let r = 5; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === name) return r;
  throw new Error(`${name} is not on ${sheet.name}`);
}

/** Types into the workbook the way a manager does in Excel (Excel also moves names with a renamed sheet). */
async function typeIntoWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const reps = workbook.getWorksheet("Reps")!;
  reps.getCell(rowOf(reps, "Ann Lee"), 3).value = 150000;
  reps.getCell(rowOf(reps, "Carla Diaz"), 3).value = 90000;
  reps.getCell("O5").value = 0.4; // weight of attainment
  reps.getCell("O7").value = 0.25; // weight of deals won
  reps.getCell("R3").value = "Quotas agreed with finance";
  const funnel = workbook.getWorksheet("Funnel")!;
  for (let r = 5; r < 5 + ZOHO_STAGES.length + 1; r++) if (funnel.getCell(r, 2).value === "Proposal/Price Quote") funnel.getCell(r, 8).value = 0.45;
  funnel.name = "Pipeline funnel";
  const model = workbook.definedNames.model as { name: string; ranges: string[] }[];
  workbook.definedNames.model = model.map((n) => ({ ...n, ranges: n.ranges.map((r) => r.replace(/^'?Funnel'?!/, "'Pipeline funnel'!")) })) as never;
  const mine = workbook.addWorksheet("My notes");
  mine.getCell("A1").value = "Ann's quota";
  mine.getCell("B1").value = { formula: `Reps!C${rowOf(reps, "Ann Lee")}` } as ExcelJS.CellFormulaValue;
  await workbook.xlsx.writeFile(file);
}

async function update(book: string, input: string): Promise<string> {
  const { stdout } = await run(process.execPath, [BIN, "build", "--update", book, "--input", input, "--out", book, "--quiet"], { cwd: ROOT });
  return stdout;
}

describe("salesquant build --update", () => {
  it("refreshes last month's workbook from this month's export, keeping what was typed, any number of times", async () => {
    const lastCsv = path.join(workDir, "last.csv");
    const thisCsv = path.join(workDir, "this.csv");
    const book = path.join(workDir, "sales.xlsx");
    fs.writeFileSync(lastCsv, lastMonth.bytes);
    fs.writeFileSync(thisCsv, thisMonth.bytes);
    await run(process.execPath, [BIN, "build", "--input", lastCsv, "--out", book, "--quiet"], { cwd: ROOT });
    await typeIntoWorkbook(book);

    const first = await update(book, thisCsv);
    expect(first).toMatch(/Updated from .*sales\.xlsx: \d+ typed input cell\(s\) put back/);
    // Carla's quota has no row this month: said, with its value, not dropped silently.
    expect(first).toMatch(/Reps, Carla Diaz: 90000/);
    const second = await update(book, thisCsv);
    expect(second).toMatch(/Updated from/);
    expect(second).not.toMatch(/Carla Diaz/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names).toEqual(["Deals", "Pipeline funnel", "Reps", "Monthly", "Review", "Forecast", "Customers", "Dashboard", "ImportIssues", "My notes"]);

    const recalculated = await recalculateWithLibreOffice(book, workDir);
    const expected = independentCount(thisMonth.truth, ZOHO_STAGES.length, thisMonth.lostAtKnown);
    const repNames = Object.keys(expected.repWonRevenue).sort();
    expect(repNames).toEqual(["Ann Lee", "Bo Chen", "Dev Patel"]);
    const rows = await readValues(recalculated, "Reps", `A5:D${4 + repNames.length}`);
    expect(rows.map((r) => r[0])).toEqual(repNames);
    for (const [rep, revenue, quota, attainment] of rows) {
      expect([rep, revenue]).toEqual([rep, expect.closeTo(expected.repWonRevenue[String(rep)], 6)]);
      if (rep === "Ann Lee") {
        expect(quota).toBe(150000);
        expect(attainment).toBeCloseTo(expected.repWonRevenue["Ann Lee"] / 150000, 9);
      } else expect([rep, quota]).toEqual([rep, null]);
    }
    expect(await readValues(recalculated, "Reps", "O5:O8")).toEqual([[0.4], [0.2], [0.25], [0.15]]);
    expect(await readValues(recalculated, "Reps", "R3")).toEqual([["Quotas agreed with finance"]]);
    expect(await readValues(recalculated, "My notes", "A1:B1")).toEqual([["Ann's quota", 150000]]);

    const funnel = await readValues(recalculated, "Pipeline funnel", `B5:H${5 + ZOHO_STAGES.length}`);
    for (const row of funnel) {
      const s = ZOHO_STAGES.indexOf(String(row[0]));
      if (s >= 0) expect([row[0], row[1]]).toEqual([row[0], expected.funnel[s]]);
      expect([row[0], row[6]]).toEqual([row[0], row[0] === "Proposal/Price Quote" ? 0.45 : null]);
    }
  });

  it("refuses a workbook it did not build, and leaves it as it was", async () => {
    const csv = path.join(workDir, "this.csv");
    fs.writeFileSync(csv, thisMonth.bytes);
    const other = path.join(workDir, "other.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Budget").getCell("A1").value = 1;
    await workbook.xlsx.writeFile(other);
    const before = fs.readFileSync(other);
    await expect(run(process.execPath, [BIN, "build", "--update", other, "--input", csv, "--out", other], { cwd: ROOT })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/has no sheets built by salesquant/),
    });
    expect(fs.readFileSync(other).equals(before)).toBe(true);
  });
});
