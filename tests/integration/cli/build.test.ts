/**
 * The command line end to end: `bin/salesquant.js build` on generated exports, the .xlsx
 * recalculated by LibreOffice, Funnel / Reps / Monthly compared with the independent
 * counter, hostile names read back as text.
 */
import { execFile } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { readValues, recalculateWithLibreOffice } from "../../support/libreoffice";
import { Fixture, HOSTILE_NAMES, renderFxiaoke, renderHubspot, renderZoho } from "../../fixtures/generateExports";
import { independentCount } from "../../fixtures/independentCount";
import { readWorkbookMetrics } from "../../fixtures/workbookMetrics";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "salesquant.js");

let workDir: string;
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "salesquant-cli-"));
});
afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

function monthSpan(months: string[]): number {
  const sorted = [...months].sort();
  const [y1, m1] = sorted[0].split("-").map(Number);
  const [y2, m2] = sorted[sorted.length - 1].split("-").map(Number);
  return (y2 - y1) * 12 + (m2 - m1) + 1;
}

async function buildAndCheck(fixture: Fixture, extraArgs: string[], sheets: { funnel: string; reps: string; monthly: string; won: string }) {
  const input = path.join(workDir, fixture.name);
  const out = path.join(workDir, `${fixture.name}.xlsx`);
  fs.writeFileSync(input, fixture.bytes);
  const { stdout } = await run(process.execPath, [BIN, "build", "--input", input, "--out", out, "--quiet", ...extraArgs], { cwd: ROOT });
  expect(stdout).toMatch(/^Wrote /);
  const recalculated = await recalculateWithLibreOffice(out, workDir);

  const expected = independentCount(fixture.truth, fixture.stages.length, fixture.lostAtKnown);
  const metrics = await readWorkbookMetrics(
    (sheet, range) => readValues(recalculated, sheet, range),
    sheets,
    {
      stages: fixture.stages.length,
      reps: new Set(fixture.truth.filter((deal) => deal.bad === null).map((deal) => deal.owner.trim())).size,
      months: monthSpan(Object.keys(expected.monthlyWonRevenue)),
    },
  );
  fixture.stages.forEach((stage, s) => expect([stage, metrics.funnel[stage]]).toEqual([stage, expected.funnel[s]]));
  expect(metrics.funnel[sheets.won]).toBe(expected.won);
  expect(Object.keys(metrics.repWonRevenue)).toEqual(expect.arrayContaining(Object.keys(expected.repWonRevenue)));
  for (const [rep, revenue] of Object.entries(metrics.repWonRevenue)) {
    expect([rep, revenue]).toEqual([rep, expect.closeTo(expected.repWonRevenue[rep] ?? 0, 6)]);
  }
  for (const [month, revenue] of Object.entries(metrics.monthlyWonRevenue)) {
    expect([month, revenue]).toEqual([month, expect.closeTo(expected.monthlyWonRevenue[month] ?? 0, 6)]);
  }
  expect(Object.keys(metrics.monthlyWonRevenue)).toEqual(expect.arrayContaining(Object.keys(expected.monthlyWonRevenue)));

  // The dashboard is as of the data's last day: the latest created date or won/lost close
  // date of the rows imported (an open deal's close date is only expected).
  const happened = fixture.truth
    .filter((deal) => deal.bad === null)
    .flatMap((deal) => [deal.createdDate, deal.status === "open" ? null : deal.closeDate])
    .filter((day): day is string => day !== null)
    .sort();
  const day = (serial: unknown) => new Date(Date.UTC(1899, 11, 30) + Number(serial) * 86400000).toISOString().slice(0, 10);
  const [[asOf, , start, end], [, , previousStart, previousEnd]] = await readValues(recalculated, "Dashboard", "B2:E3");
  const last = happened[happened.length - 1];
  expect(day(asOf)).toBe(last);
  // The month to that day against the month before to the same day (its last day when it is
  // shorter; its whole length when the day is the month's last), by calendar here.
  const [y, m, d] = last.split("-").map(Number);
  const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const previousDay = d === daysIn(y, m) ? daysIn(py, pm) : Math.min(d, daysIn(py, pm));
  const iso = (year: number, month: number, date: number) => `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
  expect([day(start), day(end), day(previousStart), day(previousEnd)]).toEqual([iso(y, m, 1), last, iso(py, pm, 1), iso(py, pm, previousDay)]);
  const wonBetween = (from: string, to: string) =>
    fixture.truth
      .filter((deal) => deal.bad === null && deal.status === "won" && deal.closeDate !== null && deal.closeDate >= from && deal.closeDate <= to)
      .reduce((sum, deal) => sum + (deal.amount ?? 0), 0);
  const [[wonRevenue]] = await readValues(recalculated, "Dashboard", "A6");
  const [[previousWonRevenue]] = await readValues(recalculated, "Dashboard", "C7");
  expect(Number(wonRevenue)).toBeCloseTo(wonBetween(iso(y, m, 1), last), 6);
  expect(Number(previousWonRevenue)).toBeCloseTo(wonBetween(iso(py, pm, 1), iso(py, pm, previousDay)), 6);
  return { out, recalculated };
}

describe("salesquant build, recalculated by LibreOffice", () => {
  it("computes the Zoho export's funnel, reps and monthly revenue as the independent counter does", async () => {
    const fixture = renderZoho(2025, 200);
    const { out, recalculated } = await buildAndCheck(fixture, [], { funnel: "Funnel", reps: "Reps", monthly: "Monthly", won: "Won" });

    // Hostile names come back as text, in the file as written and after LibreOffice.
    for (const file of [out, recalculated]) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const deals = workbook.getWorksheet("Deals");
      expect(deals).toBeDefined();
      const names: unknown[] = [];
      deals?.getColumn(2).eachCell((cell) => names.push(cell.value));
      for (const hostile of HOSTILE_NAMES) {
        const good = fixture.truth.some((deal) => deal.name === hostile && deal.bad === null);
        // The writer keeps CR LF exactly (escaped as _x000D_); LibreOffice itself stores a
        // CR LF line break in a cell as one LF when it saves.
        const inCell = file === out ? hostile : hostile.replace(/\r\n/g, "\n");
        if (good) expect([hostile, names.includes(inCell)]).toEqual([hostile, true]);
      }
      expect(names.some((value) => typeof value === "object" && value !== null && "formula" in (value as object))).toBe(false);
    }

    // The bad rows are on ImportIssues.
    const issues = await readValues(recalculated, "ImportIssues", "A4:B7");
    const badRecords = fixture.truth.map((deal, i) => (deal.bad ? i + 1 : null)).filter((r) => r !== null);
    expect(issues.map((row) => row[0])).toEqual(badRecords);
  });

  it("computes the HubSpot export with stage history", async () => {
    await buildAndCheck(renderHubspot(77, 150), [], { funnel: "Funnel", reps: "Reps", monthly: "Monthly", won: "Won" });
  });

  it("computes the Fxiaoke GB18030 export in English sheets", async () => {
    await buildAndCheck(renderFxiaoke(31, 150), ["--locale", "en-US"], { funnel: "Funnel", reps: "Reps", monthly: "Monthly", won: "Won" });
  });

  it("exits 3 with a plain message for an unreadable input", async () => {
    const input = path.join(workDir, "notes.csv");
    fs.writeFileSync(input, "Hello,World\n1,2\n");
    await expect(run(process.execPath, [BIN, "build", "--input", input, "--out", path.join(workDir, "x.xlsx")], { cwd: ROOT })).rejects.toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/No stage column/),
    });
  });

  it("exits 2 for bad arguments", async () => {
    await expect(run(process.execPath, [BIN, "build", "--input", "a.csv"], { cwd: ROOT })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Missing --out/),
    });
  });
});
