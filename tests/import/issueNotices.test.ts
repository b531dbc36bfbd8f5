/**
 * Notices (a text cut, a currency ignored) are listed on the ImportIssues sheet but never
 * counted as rows left out, there or in the command line's summary.
 */
import { planImportIssuesSheet } from "../../src/generators/importIssues";
import { BuildDependencies, CliIO, EXIT, loadBuildDependencies, runCli } from "../../src/cli/run";
import { parseCrmText } from "../../src/import";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { buildZip, deflatedZeros } from "./zipBuilder";

const HEADER = "ID,Name,Customer,Owner,Amount,Currency,Stage,Close Date";
const TEXT = [
  HEADER,
  `D-1,${"n".repeat(40000)},Acme,Ann,100,USD,Won,2025-01-05`,
  `D-2,Bad,Acme,Ann,,USD,Won,2025-01-05`,
  `D-3,Odd currency,Acme,Ann,100,"""$"";[Red]",Won,2025-01-05`,
  `D-4,Fine,Acme,Ann,100,USD,Won,2025-01-05`,
].join("\n");

function fakeIO(files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    readFile: async (file) => files[file],
    writeFile: async () => undefined,
  };
  return { io, out, err };
}

function capturing(): { deps: BuildDependencies; plans: WorkbookPlan[] } {
  const plans: WorkbookPlan[] = [];
  const { planWorkbook } = loadBuildDependencies();
  return { plans, deps: { planWorkbook, writeXlsx: async (plan) => (plans.push(plan), new Uint8Array([1])) } };
}

describe("notices on the ImportIssues sheet", () => {
  it("counts the rows left out apart from the notices", () => {
    const result = parseCrmText(TEXT);
    expect(result.stats).toMatchObject({ records: 4, imported: 3, skipped: 1, notices: 2, cut: 1 });
    const sheet = planImportIssuesSheet(result.issues, "en-US");
    expect(sheet.tabColor).toBe("#C00000");
    const evaluation = evaluatePlan({ sheets: [sheet] });
    expect(evaluation.value("ImportIssues", "A2")).toBe(
      "1 row(s) were left out of every metric. Fix them in the export and import it again. " +
        "2 value(s) were changed in deals that were imported (text cut to fit a cell, currency ignored): listed below too.",
    );
    expect(evaluation.values("ImportIssues", "E4:E6")).toEqual([["Text cut (deal imported)"], ["Won deal without an amount"], ["Currency ignored (deal imported)"]]);
    const name = sheet.blocks.find((block) => block.at === "A4")!.cells[0][3] as string;
    expect(name.length).toBe(32767);
  });

  it("says no row was left out when there are only notices, in both languages", () => {
    const issues = parseCrmText([HEADER, `D-1,${"n".repeat(40000)},Acme,Ann,100,USD,Won,2025-01-05`].join("\n")).issues;
    const sheet = planImportIssuesSheet(issues, "en-US");
    expect(sheet.tabColor).toBe("#ED7D31");
    expect(evaluatePlan({ sheets: [sheet] }).value("ImportIssues", "A2")).toMatch(/^No rows were left out\. 1 value\(s\) were changed/);
    const zh = planImportIssuesSheet(issues, "zh-CN");
    expect(evaluatePlan({ sheets: [zh] }).value(zh.name, "A2")).toBe(
      "所有行均已导入。已导入的商机中有 1 个值被修改（超出单元格长度的文本被截断、无效的币种被忽略），也列在下方。",
    );
  });
});

describe("salesquant build with a hostile export", () => {
  it("counts only the row left out in its summary, and keeps the sheets' number formats safe", async () => {
    const { io, out, err } = fakeIO({ "deals.csv": new Uint8Array(Buffer.from(TEXT, "utf8")) });
    const { deps, plans } = capturing();
    expect(await runCli(["build", "--input", "deals.csv", "--out", "o.xlsx", "--quiet"], io, deps)).toBe(EXIT.done);
    expect(err).toEqual([]);
    // One row left out; the cut name and the unreadable currency are notices on deals that were imported.
    expect(out[0]).toMatch(/: 3 deals \(0 open, 3 won, 0 lost\) .*; 1 row\(s\) left out, 2 value\(s\) imported with a notice \(1 text\(s\) cut to fit a cell\), listed on the ImportIssues sheet\.$/);
    const formats = plans[0].sheets.flatMap((sheet) => sheet.blocks.flatMap((block) => [block.numberFormat].flat(2)));
    expect(formats.filter((format) => typeof format === "string" && /Red|\]|;"/.test(format))).toEqual([]);
  });

  it.each([
    ["a quoted symbol and a color", '"$";[Red]'],
    ["a code with a quote", 'USD"#'],
    ["500 letters", "U".repeat(500)],
  ])("never lets a currency cell of %s into a number format", async (_label, currency) => {
    const rows = [HEADER, ...[1, 2, 3].map((i) => `D-${i},Deal ${i},Acme,Ann,100,"${currency.replace(/"/g, '""')}",Won,2025-01-05`)];
    const { io, err } = fakeIO({ "deals.csv": new Uint8Array(Buffer.from(rows.join("\n"), "utf8")) });
    const { deps, plans } = capturing();
    expect(await runCli(["build", "--input", "deals.csv", "--out", "o.xlsx", "--quiet"], io, deps)).toBe(EXIT.done);
    expect(err).toEqual([]);
    const formats = plans[0].sheets.flatMap((sheet) => sheet.blocks.flatMap((block) => [block.numberFormat].flat(2)));
    expect(formats.filter((format) => typeof format === "string" && (format.length > 255 || /Red|U{4}|#"|"""/.test(format)))).toEqual([]);
    const money = formats.filter((format): format is string => typeof format === "string" && format.includes('"') && format.includes("#,##0"));
    expect(money.length).toBeGreaterThan(0);
    for (const format of money) expect(format).toMatch(/^"\$"#,##0(\.00)?;-"\$"#,##0(\.00)?$/);
  });

  it("exits 3 with the reason for a zip bomb", async () => {
    const bomb = buildZip([{ name: "xl/worksheets/sheet1.xml", raw: deflatedZeros(200), declaredSize: 200 * 1024 * 1024 }]);
    const { io, out, err } = fakeIO({ "bomb.xlsx": bomb });
    expect(await runCli(["build", "--input", "bomb.xlsx", "--out", "o.xlsx", "--quiet"], io, capturing().deps)).toBe(EXIT.unreadableInput);
    expect(out).toEqual([]);
    expect(err).toEqual([
      expect.stringMatching(/^salesquant: cannot read bomb\.xlsx: The \.xlsx file is refused: its part xl\/worksheets\/sheet1\.xml is compressed 1,0\d\d to 1, more than the 100 to 1 of any real workbook \(a zip bomb\?\)\.$/),
    ]);
  });
});
