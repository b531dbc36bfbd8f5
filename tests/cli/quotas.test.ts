import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { commissionQuotas, readQuotaFile, scorecardQuotas } from "../../src/cli/quotas";
import { runCli } from "../../src/cli/run";
import { fakeCliIO } from "../support/cliIO";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = fs.readFileSync(path.join(ROOT, "samples", "zoho-deals-sample.csv"));

describe("--quotas FILE.csv", () => {
  test("finds the rep and quota columns by their usual headers, in either language, and reads marked amounts", () => {
    expect(readQuotaFile('Sales Rep,Target\nAnn Lee,"$120,000"\nBo Chen,80000\n')).toEqual({ rows: new Map([["Ann Lee", [120000]], ["Bo Chen", [80000]]]), periods: false });
    expect(readQuotaFile("\ufeff销售,配额\n张伟,50000\n")).toEqual({ rows: new Map([["张伟", [50000]]]), periods: false });
    const monthly = readQuotaFile("Owner,Month,Quota\nAnn Lee,2025-01,10000\nAnn Lee,2025-02,12000\n\nBo Chen,2025-01,9000\n");
    expect(monthly).toEqual({ rows: new Map([["Ann Lee", [10000, 12000]], ["Bo Chen", [9000]]]), periods: true });
    if ("errors" in monthly) throw new Error("unreachable");
    expect(scorecardQuotas(monthly)).toEqual({ "Ann Lee": 22000, "Bo Chen": 9000 });
    expect(commissionQuotas(monthly)).toEqual({ differ: ["Ann Lee"] });
  });

  test("says what is wrong: a missing column, a blank rep, a quota that is not above 0, two quotas without a period", () => {
    expect(readQuotaFile("Name,Amount\nAnn,1\n")).toEqual({ errors: [expect.stringMatching(/no quota column .*"Name", "Amount"/)] });
    expect(readQuotaFile("Rep,Quota\n,100\nBo,-5\nCy,abc\n")).toEqual({
      errors: ["line 2: the rep is blank.", 'line 3: "-5" is not a quota above 0 (rep "Bo").', 'line 4: "abc" is not a quota above 0 (rep "Cy").'],
    });
    expect(readQuotaFile("Rep,Quota\nAnn,1\nAnn,2\n")).toEqual({ errors: [expect.stringMatching(/"Ann" has 2 quotas and the file has no period column/)] });
  });

  test("fills the Reps sheet's quota inputs of the build, and a bad file stops it with exit 2", async () => {
    const files = { "deals.csv": new Uint8Array(SAMPLE), "quotas.csv": "Rep,Quota\nAnn Lee,150000\nBo Chen,90000\n", "bad.csv": "Rep\nAnn\n" };
    const { io, written } = fakeCliIO(files);
    expect(await runCli(["build", "--input", "deals.csv", "--quotas", "quotas.csv", "--out", "out.xlsx", "--quiet"], io)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(written["out.xlsx"]) as never);
    const reps = workbook.getWorksheet("Reps")!;
    const quotas: Record<string, unknown> = {};
    for (let r = 5; r <= 8; r++) quotas[String(reps.getCell(r, 1).value)] = reps.getCell(r, 3).value;
    expect(quotas).toEqual({ "Ann Lee": 150000, "Bo Chen": 90000, "Carla Diaz": null, "Dev Patel": null });

    const bad = fakeCliIO(files);
    expect(await runCli(["build", "--input", "deals.csv", "--quotas", "bad.csv", "--out", "out.xlsx"], bad.io)).toBe(2);
    expect(bad.err.join("\n")).toMatch(/no quota column/);
    expect(bad.written).toEqual({});
  });
});
