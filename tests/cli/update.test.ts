/**
 * `build --update` with commission sheets, through runCli and in-memory files: what was typed
 * on the Plan and Reps sheets comes back; without the plan the update is refused.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/run";
import { fakeCliIO } from "../support/cliIO";

const ROOT = path.join(__dirname, "..", "..");
const files = {
  "deals.csv": new Uint8Array(fs.readFileSync(path.join(ROOT, "samples", "zoho-deals-sample.csv"))),
  "plan.json": new Uint8Array(fs.readFileSync(path.join(ROOT, "samples", "commission-plan.json"))),
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook;
}

test("typed commission settings, tier rates and rep-period quotas survive an update; without --commission-plan it is refused", async () => {
  const first = fakeCliIO(files);
  expect(await runCli(["build", "--input", "deals.csv", "--commission-plan", "plan.json", "--out", "book.xlsx", "--quiet"], first.io)).toBe(0);
  const typed = await load(first.written["book.xlsx"]);
  const plan = typed.getWorksheet("Commission plan")!;
  plan.getCell("E5").value = 0.077; // second tier's rate
  plan.getCell("B9").value = 33333; // cap
  const reps = typed.getWorksheet("Commission reps")!;
  const key = [reps.getCell("A4").value, reps.getCell("B4").value];
  reps.getCell("C4").value = 55555; // that rep-period's quota
  const book = new Uint8Array(await typed.xlsx.writeBuffer());

  const refused = fakeCliIO({ ...files, "book.xlsx": book });
  expect(await runCli(["build", "--update", "book.xlsx", "--input", "deals.csv", "--out", "book.xlsx"], refused.io)).toBe(2);
  expect(refused.err.join("\n")).toMatch(/has commission sheets .*give --commission-plan again/);
  expect(refused.written).toEqual({});

  const second = fakeCliIO({ ...files, "book.xlsx": book });
  expect(await runCli(["build", "--update", "book.xlsx", "--input", "deals.csv", "--commission-plan", "plan.json", "--out", "book.xlsx", "--quiet"], second.io)).toBe(0);
  expect(second.out.join("\n")).toMatch(/Updated from book\.xlsx: 3 typed input cell\(s\) put back/);
  const updated = await load(second.written["book.xlsx"]);
  expect(updated.getWorksheet("Commission plan")!.getCell("E5").value).toBe(0.077);
  expect(updated.getWorksheet("Commission plan")!.getCell("B9").value).toBe(33333);
  const after = updated.getWorksheet("Commission reps")!;
  let found = 0;
  for (let r = 4; r <= after.rowCount; r++) {
    if (after.getCell(r, 1).value === key[0] && after.getCell(r, 2).value === key[1]) {
      expect(after.getCell(r, 3).value).toBe(55555);
      found += 1;
    }
  }
  expect(found).toBe(1);
  expect(updated.worksheets.map((ws) => ws.name).filter((name) => / \(\d+\)$/.test(name))).toEqual([]);
});

test("an option given with --update replaces what the workbook's cells hold; one not given leaves what was typed", async () => {
  const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;
  const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
  const first = fakeCliIO(files);
  expect(await runCli(["build", "--input", "deals.csv", "--out", "book.xlsx", "--quiet"], first.io)).toBe(0);
  const typed = await load(first.written["book.xlsx"]);
  const dashboard = typed.getWorksheet("Dashboard")!;
  dashboard.getCell("B2").value = serial("2025-03-31");
  dashboard.getCell("B3").value = 50000;
  const reps = typed.getWorksheet("Reps")!;
  const rowOf = (sheet: ExcelJS.Worksheet, rep: string) => {
    for (let r = 5; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === rep) return r;
    throw new Error(`${rep} is not on Reps`);
  };
  reps.getCell(rowOf(reps, "Ann Lee"), 3).value = 150000;
  reps.getCell(rowOf(reps, "Bo Chen"), 3).value = 90000;
  const book = new Uint8Array(await typed.xlsx.writeBuffer());

  // This month's run gives a new as-of date and Bo's quota (a file that does not name Ann).
  const quotas = new TextEncoder().encode("Rep,Quota\nBo Chen,120000\n");
  const second = fakeCliIO({ ...files, "book.xlsx": book, "quotas.csv": quotas });
  const args = ["build", "--update", "book.xlsx", "--input", "deals.csv", "--out", "book.xlsx", "--quiet"];
  expect(await runCli([...args, "--dashboard-as-of", "2025-04-30", "--quotas", "quotas.csv"], second.io)).toBe(0);
  expect(second.out.join("\n")).toMatch(/ 2 input cell\(s\) took the value given on this run/);
  const updated = await load(second.written["book.xlsx"]);
  const read = (wb: ExcelJS.Workbook) => {
    const r = wb.getWorksheet("Reps")!;
    const d = wb.getWorksheet("Dashboard")!;
    return [day(d.getCell("B2").value), d.getCell("B3").value, r.getCell(rowOf(r, "Ann Lee"), 3).value, r.getCell(rowOf(r, "Bo Chen"), 3).value];
  };
  expect(read(updated)).toEqual(["2025-04-30", 50000, 150000, 120000]);

  // Next month, nothing given: what the workbook now holds stays.
  const third = fakeCliIO({ ...files, "book.xlsx": second.written["book.xlsx"] });
  expect(await runCli(args, third.io)).toBe(0);
  expect(third.out.join("\n")).not.toMatch(/took the value given/);
  expect(read(await load(third.written["book.xlsx"]))).toEqual(["2025-04-30", 50000, 150000, 120000]);
});
