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
