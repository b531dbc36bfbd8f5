/**
 * `salesquant build` with no import options on exports as they come from the field
 * (tests/fixtures/realExports): the exit code, and the Deals sheet of the written .xlsx read
 * back with ExcelJS (its row count and the sum of its won amounts), against the numbers
 * tests/fixtures/realExports/expected.ts counts from the rows the fixtures were written
 * from. Then the exits that are not a workbook: no readable deal (3), --strict with a row
 * left out (not 0), and messages kept short and free of control characters whatever the
 * header holds.
 */
import { execFile } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { everyFormat, handKeptWithStrayRow, lostRowFixtures, noReadableDeal, pipedrive, RealExport } from "../../fixtures/realExports/exports";
import { expectedImport } from "../../fixtures/realExports/expected";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "salesquant.js");

let workDir: string;
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "salesquant-real-"));
});
afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line; a non-zero exit is an outcome, not a failure. */
async function cli(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Deals rows (from row 2, an ID in A) and the sum of Amount (E) over Status (J) "Won", in cents. */
async function readDeals(file: string): Promise<{ rows: number; wonCents: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("Deals");
  if (!sheet) throw new Error(`${file} has no Deals sheet`);
  let rows = 0;
  let won = 0;
  sheet.eachRow((row, number) => {
    if (number < 2) return;
    const id = row.getCell(1).value;
    if (id === null || id === undefined || id === "") return;
    rows++;
    if (row.getCell(10).value === "Won") won += Number(row.getCell(5).value);
  });
  return { rows, wonCents: Math.round(won * 100) };
}

/** Every printed line is short and holds no terminal control character. */
function expectTidy(outcome: Outcome) {
  const lines = `${outcome.stdout}${outcome.stderr}`.split("\n");
  const long = lines.filter((line) => line.length > 600).map((line) => line.length);
  expect(long).toEqual([]);
  const unsafe = lines.filter((line) => /[\u0000-\u001f\u007f-\u009f]/.test(line)).map((line) => JSON.stringify(line.slice(0, 120)));
  expect(unsafe).toEqual([]);
}

async function buildAndCheck(fixture: RealExport) {
  const input = write(fixture.name, fixture.bytes);
  const out = path.join(workDir, `${fixture.name}.xlsx`);
  const outcome = await cli(["build", "--input", input, "--out", out, "--quiet", "--locale", "en-US"]);
  expect({ code: outcome.code, stderr: outcome.stderr }).toEqual({ code: 0, stderr: "" });
  expect(outcome.stdout).toMatch(/^Wrote /);
  expectTidy(outcome);
  const expected = expectedImport(fixture);
  const deals = await readDeals(out);
  expect(deals).toEqual({ rows: expected.deals.length, wonCents: expected.wonSumCents });
}

describe("salesquant build on real exports, no options", () => {
  for (const fixture of [...everyFormat(40), ...lostRowFixtures()]) {
    it(`${fixture.name}: exit 0, every deal on the Deals sheet, the won sum to the cent`, async () => {
      await buildAndCheck(fixture);
    });
  }
  for (const fixture of everyFormat(2000)) {
    it(`${fixture.name}: exit 0, every deal on the Deals sheet, the won sum to the cent`, async () => {
      await buildAndCheck(fixture);
    });
  }
});

describe("salesquant build when the export is not usable", () => {
  it("exits 3 and says why when no deal can be read", async () => {
    const fixture = noReadableDeal();
    const input = write(fixture.name, fixture.bytes);
    const out = path.join(workDir, "none.xlsx");
    const outcome = await cli(["build", "--input", input, "--out", out]);
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toMatch(/deal/i);
    expect(fs.existsSync(out)).toBe(false);
    expectTidy(outcome);
  });

  it("--strict does not succeed when a row is left out, and writes nothing", async () => {
    const fixture = handKeptWithStrayRow(24);
    const input = write(`strict-${fixture.name}`, fixture.bytes);
    const out = path.join(workDir, "strict.xlsx");
    const outcome = await cli(["build", "--input", input, "--out", out, "--strict", "--quiet"]);
    expect(outcome.code).not.toBe(0);
    expect(fs.existsSync(out)).toBe(false);
    // The stray row ",,1,,,," is on line 28 (24 deals on lines 2-25, blank lines 26-27).
    expect(`${outcome.stdout}${outcome.stderr}`).toMatch(/line 28\b/);
    expectTidy(outcome);
  });

  it("--strict does not succeed when a won deal has no amount", async () => {
    // Line 3 is won with a blank Deal size: it is left out; lines 2 and 4 are deals.
    const text = [
      "Opportunity,Client,Owner,Deal size,Sales stage,Close Date/Expected Close Date",
      "Atlas Pro rollout,Northwind Traders,Tobias Wren,\"$1,200.00\",Prospect,01-Jan-2015",
      "Helix Suite rollout,Kestrel Health,Maren Oduya,,Won,02-Feb-2015",
      "Nimbus Edge rollout,Bluefin Logistics,Ines Carvalho,\"$3,400.00\",Won,03-Mar-2015",
    ].join("\r\n");
    const out = path.join(workDir, "strict-won.xlsx");
    const outcome = await cli(["build", "--input", write("strict-won.csv", `${text}\r\n`), "--out", out, "--strict", "--quiet"]);
    expect(outcome.code).not.toBe(0);
    expect(fs.existsSync(out)).toBe(false);
    expect(`${outcome.stdout}${outcome.stderr}`).toMatch(/line 3\b/);
    expectTidy(outcome);
  });

  it("--strict succeeds when no row is left out", async () => {
    const fixture = pipedrive(20);
    const input = write(`strict-${fixture.name}`, fixture.bytes);
    const out = path.join(workDir, "strict-ok.xlsx");
    const outcome = await cli(["build", "--input", input, "--out", out, "--strict", "--quiet"]);
    expect({ code: outcome.code, stderr: outcome.stderr }).toEqual({ code: 0, stderr: "" });
    expect((await readDeals(out)).rows).toBe(20);
  });

  it("keeps every message short when the header is 1 MB long", async () => {
    const header = `Name,Amount,${"Very long column ".repeat(62000)}`;
    expect(header.length).toBeGreaterThan(1_000_000);
    const input = write("huge-header.csv", `${header}\nAcme,100,x\n`);
    const outcome = await cli(["build", "--input", input, "--out", path.join(workDir, "huge.xlsx"), "--quiet"]);
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).not.toBe("");
    expectTidy(outcome);
  });

  it("prints no terminal control sequence from the header or the rows", async () => {
    const esc = "\u001b";
    const header = [`${esc}[2J${esc}[31mDeal`, "Amount", `${esc}]0;owned${"\u0007"}Stage`, "Owner"].join(",");
    const rows = [`Hello${esc}[5m,100,Won,${esc}[1mAnn`, `Second,200,,Bo${"\u009b"}31m`, `Third,abc,Won,Cy`];
    const input = write("escapes.csv", `${header}\n${rows.join("\n")}\n`);
    const outcome = await cli(["build", "--input", input, "--out", path.join(workDir, "escapes.xlsx")]);
    expect([0, 3]).toContain(outcome.code);
    expectTidy(outcome);
    const withoutStage = `${["Deal", "Amount", `${esc}[31m${"x".repeat(5000)}`].join(",")}\nA,1,B\n`;
    const second = await cli(["build", "--input", write("escapes-2.csv", withoutStage), "--out", path.join(workDir, "escapes-2.xlsx")]);
    expect(second.code).toBe(3);
    expectTidy(second);
  });
});
