import { BuildDependencies, EXIT, loadBuildDependencies, runCli } from "../../src/cli/run";
import { isFormulaCell, WorkbookPlan } from "../../src/workbook/plan";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { HOSTILE_NAMES, renderFxiaoke, renderZoho } from "../fixtures/generateExports";
import { independentCount } from "../fixtures/independentCount";
import { readWorkbookMetrics } from "../fixtures/workbookMetrics";
import { fakeCliIO } from "../support/cliIO";

const fakeIO = fakeCliIO;

/** The real generators with a writer that keeps the plan instead of writing a file. */
function capturingDependencies(): { deps: BuildDependencies; plans: WorkbookPlan[] } {
  const plans: WorkbookPlan[] = [];
  const real = loadDependenciesWithoutWriter();
  return {
    plans,
    deps: {
      ...real,
      writeXlsx: async (plan) => {
        plans.push(plan);
        return new Uint8Array([1]);
      },
    },
  };
}

function loadDependenciesWithoutWriter(): Omit<BuildDependencies, "writeXlsx"> {
  const { planWorkbook } = loadBuildDependencies();
  return { planWorkbook };
}

describe("salesquant build (unit, generators evaluated by HyperFormula)", () => {
  it("builds every sheet and the numbers match the independent counter", async () => {
    const fixture = renderZoho(99, 150);
    const { io, out, err } = fakeIO({ "zoho.csv": fixture.bytes });
    const { deps, plans } = capturingDependencies();
    const code = await runCli(["build", "--input", "zoho.csv", "--out", "out.xlsx", "--quiet"], io, deps);
    expect(err).toEqual([]);
    expect(code).toBe(EXIT.done);
    expect(out[0]).toMatch(/^Wrote out\.xlsx: 146 deals/);
    const plan = plans[0];
    expect(plan.sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(["Deals", "Funnel", "Reps", "Monthly", "Review", "Forecast", "Customers", "Dashboard", "ImportIssues"]),
    );

    const expected = independentCount(fixture.truth, fixture.stages.length, fixture.lostAtKnown);
    const evaluation = evaluatePlan(plan);
    const months = Object.keys(expected.monthlyWonRevenue).sort();
    const [firstYear, firstMonth] = months[0].split("-").map(Number);
    const [lastYear, lastMonth] = months[months.length - 1].split("-").map(Number);
    const monthSpan = (lastYear - firstYear) * 12 + (lastMonth - firstMonth) + 1;
    const metrics = await readWorkbookMetrics(
      (sheet, range) => evaluation.values(sheet, range),
      { funnel: "Funnel", reps: "Reps", monthly: "Monthly" },
      { stages: fixture.stages.length, reps: new Set(fixture.truth.filter((deal) => deal.bad === null).map((deal) => deal.owner.trim())).size, months: monthSpan },
    );
    fixture.stages.forEach((stage, s) => expect([stage, metrics.funnel[stage]]).toEqual([stage, expected.funnel[s]]));
    expect(metrics.funnel.Won).toBe(expected.won);
    expect(Object.keys(metrics.repWonRevenue)).toEqual(expect.arrayContaining(Object.keys(expected.repWonRevenue)));
    for (const [rep, revenue] of Object.entries(metrics.repWonRevenue)) {
      expect([rep, revenue]).toEqual([rep, expect.closeTo(expected.repWonRevenue[rep] ?? 0, 6)]);
    }
    for (const [month, revenue] of Object.entries(metrics.monthlyWonRevenue)) {
      expect([month, revenue]).toEqual([month, expect.closeTo(expected.monthlyWonRevenue[month] ?? 0, 6)]);
    }
    expect(Object.keys(metrics.monthlyWonRevenue)).toEqual(expect.arrayContaining(months));
  });

  it("keeps hostile names as plain strings in the plan and lists bad rows on ImportIssues", async () => {
    const fixture = renderZoho(5, 60);
    const { io } = fakeIO({ "zoho.csv": fixture.bytes });
    const { deps, plans } = capturingDependencies();
    expect(await runCli(["build", "--input", "zoho.csv", "--out", "o.xlsx", "--quiet"], io, deps)).toBe(EXIT.done);
    const plan = plans[0];
    const deals = plan.sheets.find((sheet) => sheet.name === "Deals");
    const cells = (deals?.blocks ?? []).flatMap((block) => block.cells.flat());
    for (const hostile of HOSTILE_NAMES) {
      const good = fixture.truth.some((deal) => deal.name === hostile && deal.bad === null);
      if (good) expect(cells).toContain(hostile);
    }
    expect(cells.some((cell) => isFormulaCell(cell) && /HYPERLINK|cmd/.test(cell.f))).toBe(false);
    const issues = plan.sheets.find((sheet) => sheet.name === "ImportIssues");
    const issueRows = issues?.blocks.find((block) => block.at === "A4")?.cells ?? [];
    expect(issueRows.map((row) => row[0])).toEqual(
      fixture.truth.map((deal, i) => (deal.bad ? i + 1 : null)).filter((record) => record !== null),
    );
  });

  it("writes Chinese sheets for a Fxiaoke export unless told otherwise", async () => {
    const fixture = renderFxiaoke(3, 40);
    const { io, out } = fakeIO({ "fx.csv": fixture.bytes });
    const { deps, plans } = capturingDependencies();
    expect(await runCli(["build", "--input", "fx.csv", "--out", "o.xlsx", "--quiet"], io, deps)).toBe(EXIT.done);
    expect(out[0]).toMatch(/fxiaoke preset, gb18030/);
    expect(plans[0].sheets[0].name).not.toBe("Deals");
    expect(await runCli(["build", "--input", "fx.csv", "--out", "o.xlsx", "--locale", "en-US", "--quiet"], io, deps)).toBe(EXIT.done);
    expect(plans[1].sheets[0].name).toBe("Deals");
  });

  it("adds the commission sheets when a plan is given", async () => {
    const fixture = renderZoho(8, 60);
    const planJson = JSON.stringify({ basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.05 }, { from: 50000, rate: 0.1 }], quota: 100000 });
    const { io, err } = fakeIO({ "z.csv": fixture.bytes, "plan.json": planJson });
    const { deps, plans } = capturingDependencies();
    const code = await runCli(["build", "--input", "z.csv", "--commission-plan", "plan.json", "--out", "o.xlsx", "--quiet"], io, deps);
    expect(err).toEqual([]);
    expect(code).toBe(EXIT.done);
    expect(plans[0].sheets.length).toBeGreaterThan(9);
  });

  it("warns of a plan name that owns no deal, naming the closest owner, and still writes the workbook", async () => {
    const csv = "Deal Name,Deal Owner,Amount,Stage,Closing Date\nA,Tom Brennan,1000,Closed Won,2025-03-05\nB,Ann Lee,500,Closed Won,2025-03-06\n";
    // "Tom" in the quota map is a typo for the owner "Tom Brennan".
    const planJson = JSON.stringify({ basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.05 }], quota: { Tom: 1000, "Ann Lee": 1000 }, defaultQuota: 1000 });
    const { io, err } = fakeIO({ "z.csv": csv, "plan.json": planJson });
    const { deps } = capturingDependencies();
    expect(await runCli(["build", "--input", "z.csv", "--commission-plan", "plan.json", "--out", "o.xlsx", "--quiet"], io, deps)).toBe(EXIT.done);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^salesquant: warning: quota\.Tom: .*"Tom".*"Tom Brennan"/);
  });

  it("exits 2 on bad arguments and an invalid commission plan", async () => {
    const { io, err } = fakeIO({ "z.csv": "x", "bad.json": "{ not json", "wrong.json": JSON.stringify({ basis: "amount" }) });
    expect(await runCli(["build", "--input", "z.csv"], io)).toBe(EXIT.badArguments);
    expect(await runCli(["build", "--input", "z.csv", "--out", "o.xlsx", "--commission-plan", "bad.json"], io)).toBe(EXIT.badArguments);
    expect(await runCli(["build", "--input", "z.csv", "--out", "o.xlsx", "--commission-plan", "wrong.json"], io)).toBe(EXIT.badArguments);
    expect(await runCli(["build", "--input", "z.csv", "--out", "o.xlsx", "--commission-plan", "missing.json"], io)).toBe(EXIT.badArguments);
    expect(err.every((line) => line.length > 0)).toBe(true);
    expect(err.join("\n")).toMatch(/commission plan/);
  });

  it("exits 3 with the reason when the input cannot be read", async () => {
    const { io, err } = fakeIO({
      "notes.csv": "Hello,World\nfoo,bar\n",
      "empty.csv": "",
      "header-only.csv": "Deal Name,Deal Owner,Amount,Stage\n",
      "broken.xlsx": new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]),
    });
    expect(await runCli(["build", "--input", "missing.csv", "--out", "o.xlsx"], io)).toBe(EXIT.unreadableInput);
    expect(err.pop()).toMatch(/does not exist/);
    expect(await runCli(["build", "--input", "notes.csv", "--out", "o.xlsx"], io)).toBe(EXIT.unreadableInput);
    expect(err.pop()).toMatch(/No stage column/);
    expect(await runCli(["build", "--input", "empty.csv", "--out", "o.xlsx"], io)).toBe(EXIT.unreadableInput);
    expect(err.pop()).toMatch(/empty/);
    expect(await runCli(["build", "--input", "header-only.csv", "--out", "o.xlsx"], io)).toBe(EXIT.unreadableInput);
    expect(err.pop()).toMatch(/no data rows/);
    expect(await runCli(["build", "--input", "broken.xlsx", "--out", "o.xlsx"], io)).toBe(EXIT.unreadableInput);
    expect(err.pop()).toMatch(/cannot be opened/);
  });

  it("exits 3 when the file fails to read partway, and reads a file it cannot read in chunks whole", async () => {
    const bytes = renderZoho(5, 3000).bytes;
    const { io, err, written } = fakeIO({ "deals.csv": bytes });
    // A read error after the first megabyte, as a disk or network file system gives it.
    const failing = {
      ...io,
      openChunks: async () => ({
        size: bytes.length,
        chunks: async function* () {
          yield bytes.subarray(0, 1 << 20);
          throw Object.assign(new Error("EIO: i/o error, read"), { code: "EIO", syscall: "read" });
        },
      }),
    };
    expect(await runCli(["build", "--input", "deals.csv", "--out", "o.xlsx", "--quiet"], failing, capturingDependencies().deps)).toBe(EXIT.unreadableInput);
    expect(err.pop()).toBe("salesquant: cannot read the input file deals.csv: EIO: i/o error");
    // Not a regular file (a pipe): read once, whole.
    let wholeReads = 0;
    const pipe = { ...io, openChunks: async () => undefined, readFile: async (file: string) => (wholeReads++, io.readFile(file)) };
    expect(await runCli(["build", "--input", "deals.csv", "--out", "o.xlsx", "--quiet"], pipe, capturingDependencies().deps)).toBe(EXIT.done);
    expect(wholeReads).toBe(1);
    expect(written["o.xlsx"]).toBeDefined();
  });

  it("exits 3 without writing when every row is left out, saying how many rows", async () => {
    // Three data rows, none importable: two won deals whose amounts are not numbers, one row with a field too many.
    const csv = "Deal Name,Deal Owner,Amount,Stage\nA,Ann,abc,Closed Won\nB,Bob,x1,Closed Won\nC,Cy,100,Qualification,extra\n";
    const { io, out, err, written } = fakeIO({ "bad.csv": csv, "one.csv": "Deal Name,Deal Owner,Amount,Stage\nA,Ann,abc,Closed Won\n" });
    const { deps, plans } = capturingDependencies();
    expect(await runCli(["build", "--input", "bad.csv", "--out", "o.xlsx", "--quiet"], io, deps)).toBe(EXIT.unreadableInput);
    expect(out).toEqual([]);
    expect(written).toEqual({});
    expect(plans).toEqual([]);
    expect(err[0]).toBe(
      "salesquant: no deal could be read from bad.csv: every one of the 3 data rows was left out (Amount not readable: 2, Wrong number of fields: 1), " +
        "so there is no workbook to build; nothing was written. The first reasons:",
    );
    expect(err.slice(1)).toEqual([
      '  line 2 (record 1): "abc" is not an amount (column "Amount").',
      '  line 3 (record 2): "x1" is not an amount (column "Amount").',
      "  line 4 (record 3): The row has 5 fields; the header has 4.",
    ]);
    err.length = 0;
    expect(await runCli(["build", "--input", "one.csv", "--out", "o.xlsx", "--quiet"], io, deps)).toBe(EXIT.unreadableInput);
    expect(err[0]).toBe(
      "salesquant: no deal could be read from one.csv: the only data row was left out (Amount not readable: 1), " +
        "so there is no workbook to build; nothing was written. The first reasons:",
    );
  });

  describe("--strict", () => {
    // Four data rows: two importable, a won deal whose amount is not a number, a row with a field too many.
    const csv = "Deal Name,Deal Owner,Amount,Stage\nA,Ann,100,Qualification\nB,Bob,x1,Closed Won\nC,Cy,300,Closed Won\nD,Di,50,Qualification,extra\n";

    it("exits 4 and writes nothing when a row is left out, listing the rows", async () => {
      const { io, out, err, written } = fakeIO({ "d.csv": csv });
      const { deps, plans } = capturingDependencies();
      expect(EXIT.rowsLeftOut).toBe(4);
      expect(await runCli(["build", "--input", "d.csv", "--out", "o.xlsx", "--strict", "--quiet"], io, deps)).toBe(4);
      expect(written).toEqual({});
      expect(plans).toEqual([]);
      expect(out).toEqual([]);
      expect(err).toEqual([
        "salesquant: --strict: 2 of 4 data rows of d.csv would be left out (Amount not readable: 1, Wrong number of fields: 1); nothing was written.",
        '  line 3 (record 2): "x1" is not an amount (column "Amount").',
        "  line 5 (record 4): The row has 5 fields; the header has 4.",
        "Fix the rows in the export, or see how it is read with: salesquant inspect --input d.csv",
      ]);
    });

    it("writes the workbook when no row is left out, and without --strict", async () => {
      const clean = "Deal Name,Deal Owner,Amount,Stage\nA,Ann,100,Qualification\nC,Cy,300,Closed Won\n";
      const { io, out, written } = fakeIO({ "d.csv": csv, "clean.csv": clean });
      const { deps } = capturingDependencies();
      expect(await runCli(["build", "--input", "clean.csv", "--out", "clean.xlsx", "--strict", "--quiet"], io, deps)).toBe(EXIT.done);
      expect(await runCli(["build", "--input", "d.csv", "--out", "d.xlsx", "--quiet"], io, deps)).toBe(EXIT.done);
      expect(Object.keys(written).sort()).toEqual(["clean.xlsx", "d.xlsx"]);
      expect(out[0]).toMatch(/^Wrote clean\.xlsx: 2 deals \(1 open, 1 won, 0 lost\)/);
    });

    it("says no deal rather than --strict when every row is left out", async () => {
      const { io, err } = fakeIO({ "bad.csv": "Deal Name,Deal Owner,Amount,Stage\nB,Bob,x1,Closed Won\n" });
      expect(await runCli(["build", "--input", "bad.csv", "--out", "o.xlsx", "--strict", "--quiet"], io, capturingDependencies().deps)).toBe(
        EXIT.unreadableInput,
      );
      expect(err[0]).toMatch(/^salesquant: no deal could be read from bad\.csv/);
    });
  });

  describe("--map", () => {
    // Headers no preset knows for the amount and the owner.
    const csv = "Deal Name,Rep,Deal size,Stage,Amount\nA,Ann,1000,Qualification,7\nB,Bob,2500,Closed Won,9\n";

    it("reads the fields from the columns it names", async () => {
      const { io, out } = fakeIO({ "m.csv": csv });
      const { deps, plans } = capturingDependencies();
      const code = await runCli(["build", "--input", "m.csv", "--out", "m.xlsx", "--preset", "zoho", "--map", "amount=Deal size", "--map", "owner=Rep", "--quiet"], io, deps);
      expect(code).toBe(EXIT.done);
      expect(out[0]).toMatch(/^Wrote m\.xlsx: 2 deals \(1 open, 1 won, 0 lost\)/);
      const deals = plans[0].sheets.find((sheet) => sheet.name === "Deals");
      const cells = (deals?.blocks ?? []).flatMap((block) => block.cells.flat());
      expect(cells).toEqual(expect.arrayContaining([1000, 2500, "Ann", "Bob"]));
      expect(cells).not.toContain(7);
      expect(cells).not.toContain(9);
    });

    it("exits 3 naming the column when the file has no such header", async () => {
      const { io, err, written } = fakeIO({ "m.csv": csv });
      const code = await runCli(["build", "--input", "m.csv", "--out", "m.xlsx", "--map", "amount=Deal value", "--quiet"], io, capturingDependencies().deps);
      expect(code).toBe(EXIT.unreadableInput);
      expect(written).toEqual({});
      expect(err[0]).toMatch(/^salesquant: cannot read m\.csv: The file has no column "Deal value" \(asked for the amount\)/);
    });

    it("exits 2 on an unknown field, before reading the file", async () => {
      const { io, err } = fakeIO({});
      expect(await runCli(["build", "--input", "missing.csv", "--out", "m.xlsx", "--map", "revenue=Deal size"], io)).toBe(EXIT.badArguments);
      expect(err[0]).toMatch(/^salesquant: Unknown field "revenue" in --map\. The fields are: id, name, /);
    });
  });

  it("prints --help and exits 0", async () => {
    const { io, out } = fakeIO({});
    expect(await runCli(["--help"], io)).toBe(EXIT.done);
    expect(out.join("\n")).toMatch(/salesquant build --input FILE --out FILE.xlsx/);
  });

  it("prints progress lines on long files", async () => {
    const fixture = renderZoho(12, 30000);
    const { io, err } = fakeIO({ "big.csv": fixture.bytes });
    const { deps } = capturingDependencies();
    expect(await runCli(["build", "--input", "big.csv", "--out", "o.xlsx"], io, deps)).toBe(EXIT.done);
    expect(err.filter((line) => /^Reading\.\.\. \d+% \([\d,]+ rows\)$/.test(line)).length).toBeGreaterThan(2);
  });
});
