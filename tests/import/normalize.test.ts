import type { Deal } from "../../src/core/deal";
import { ImportError } from "../../src/import/errors";
import { parseCrmExport, parseCrmText, ImportProgress } from "../../src/import/normalize";
import { importNotes } from "../../src/import/notes";
import { allFixtures, Fixture, HOSTILE_NAMES, renderZoho } from "../fixtures/generateExports";
import { encodeUtf8 } from "../fixtures/gb18030";
import { independentCount } from "../fixtures/independentCount";

/** Metrics counted from imported deals with plain loops (the funnel by furthestStage). */
function metricsOf(deals: Deal[], stageCount: number) {
  const funnel = new Array(stageCount).fill(0);
  const repWonRevenue: Record<string, number> = {};
  const monthlyWonRevenue: Record<string, number> = {};
  let weightedPipeline = 0;
  for (const deal of deals) {
    for (let s = 0; s < stageCount; s++) if (deal.furthestStage >= s) funnel[s]++;
    if (deal.status === "open") weightedPipeline += deal.amount * deal.probability;
    if (deal.status === "won") {
      repWonRevenue[deal.owner] = (repWonRevenue[deal.owner] ?? 0) + deal.amount;
      const month = (deal.closeDate ?? "").slice(0, 7);
      monthlyWonRevenue[month] = (monthlyWonRevenue[month] ?? 0) + deal.amount;
    }
  }
  return { funnel, repWonRevenue, monthlyWonRevenue, weightedPipeline };
}

const EXPECTED_PRESET: Record<string, string> = {
  "zoho.csv": "zoho",
  "salesforce-report.csv": "salesforce",
  "salesforce-dataloader.csv": "salesforce",
  "hubspot.csv": "hubspot",
  "fxiaoke.csv": "fxiaoke",
  "dynamics.xlsx": "dynamics",
  "generic.txt": "generic",
};

describe("parseCrmExport on every CRM's export", () => {
  let fixtures: Fixture[];
  beforeAll(async () => {
    fixtures = await allFixtures(150, 4242);
  });

  it("detects each CRM and reads its pipeline", async () => {
    for (const fixture of fixtures) {
      const result = await parseCrmExport(fixture.bytes);
      expect([fixture.name, result.preset]).toEqual([fixture.name, EXPECTED_PRESET[fixture.name]]);
      expect(result.pipeline.stages.map((stage) => stage.name)).toEqual(fixture.stages);
    }
  });

  it("imports the good rows and counts them as the independent counter does", async () => {
    for (const fixture of fixtures) {
      const result = await parseCrmExport(fixture.bytes);
      const expected = independentCount(fixture.truth, fixture.stages.length, fixture.lostAtKnown);
      const actual = metricsOf(result.deals, fixture.stages.length);
      expect([fixture.name, result.stats.imported, result.stats.open, result.stats.won, result.stats.lost]).toEqual([
        fixture.name, expected.good, expected.open, expected.won, expected.lost,
      ]);
      expect([fixture.name, actual.funnel]).toEqual([fixture.name, expected.funnel]);
      expect(Object.keys(actual.repWonRevenue).sort()).toEqual(Object.keys(expected.repWonRevenue).sort());
      for (const [owner, revenue] of Object.entries(expected.repWonRevenue)) {
        expect(actual.repWonRevenue[owner]).toBeCloseTo(revenue, 6);
      }
      expect(Object.keys(actual.monthlyWonRevenue).sort()).toEqual(Object.keys(expected.monthlyWonRevenue).sort());
      for (const [month, revenue] of Object.entries(expected.monthlyWonRevenue)) {
        expect(actual.monthlyWonRevenue[month]).toBeCloseTo(revenue, 6);
      }
      expect(actual.weightedPipeline).toBeCloseTo(expected.weightedPipeline, 6);
    }
  });

  it("reports every bad row with its record, physical line, id, name and reason", async () => {
    for (const fixture of fixtures) {
      const result = await parseCrmExport(fixture.bytes);
      const badTruth = fixture.truth.map((deal, index) => ({ deal, record: index + 1 })).filter((entry) => entry.deal.bad !== null);
      expect(result.issues.map((issue) => issue.record)).toEqual(badTruth.map((entry) => entry.record));
      expect(result.issues.map((issue) => issue.reason)).toEqual(
        badTruth.map((entry) => (entry.deal.bad === "fieldCount" ? "fieldCount" : entry.deal.bad)),
      );
      for (const [i, issue] of result.issues.entries()) {
        expect(issue.name).toBe(badTruth[i].deal.name);
        expect(issue.message.length).toBeGreaterThan(10);
      }
    }
  });

  it("puts each CSV issue on the physical line that holds the row", async () => {
    const fixture = fixtures.find((f) => f.name === "zoho.csv") as Fixture;
    const lines = new TextDecoder("utf-8").decode(fixture.bytes).split(/\r\n|\n/);
    const result = await parseCrmExport(fixture.bytes);
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      // Zoho's first column is the record id: the reported line starts with it.
      expect(lines[issue.line - 1].startsWith(`${issue.id},`)).toBe(true);
    }
  });

  it("keeps hostile names as exact plain strings", async () => {
    for (const fixture of fixtures) {
      const result = await parseCrmExport(fixture.bytes);
      const names = new Set(result.deals.map((deal) => deal.name));
      for (const hostile of HOSTILE_NAMES) {
        const inTruth = fixture.truth.find((deal) => deal.name === hostile && deal.bad === null);
        // XML (inside .xlsx) normalizes a raw CR LF to LF when the fixture writer does not escape it.
        const expectedName = fixture.name.endsWith(".xlsx") ? hostile.replace(/\r\n/g, "\n") : hostile;
        if (inTruth) expect([fixture.name, names.has(expectedName)]).toEqual([fixture.name, true]);
      }
    }
  });

  it("reads GB18030 names GBK lacks and trims owners", async () => {
    const fixture = fixtures.find((f) => f.name === "fxiaoke.csv") as Fixture;
    const result = await parseCrmExport(fixture.bytes);
    expect(result.stats.encoding).toBe("gb18030");
    expect(result.deals.some((deal) => deal.customer === "𠮷野家餐饮" || deal.owner === "𠮷田")).toBe(true);
    expect(result.deals.every((deal) => deal.owner === deal.owner.trim())).toBe(true);
    expect(result.deals.every((deal) => deal.currency === "CNY")).toBe(true);
  });

  it("reads a named XLSX sheet and refuses a missing one", async () => {
    const fixture = fixtures.find((f) => f.name === "dynamics.xlsx") as Fixture;
    const named = await parseCrmExport(fixture.bytes, { sheet: "Active Opportunities" });
    expect(named.stats.format).toBe("xlsx");
    expect(named.stats.records).toBe(fixture.truth.length);
    await expect(parseCrmExport(fixture.bytes, { sheet: "Nope" })).rejects.toThrow(/no sheet named "Nope".*Active Opportunities/);
  });

  it("stops a Salesforce report at its footer", async () => {
    const fixture = fixtures.find((f) => f.name === "salesforce-report.csv") as Fixture;
    const result = await parseCrmExport(fixture.bytes);
    expect(result.stats.records).toBe(fixture.truth.length);
    expect(result.stats.footerRecords).toBe(5);
  });
});

describe("parseCrmText rules", () => {
  const zohoHeader = "Record Id,Deal Owner,Deal Name,Amount,Closing Date,Stage,Account Name,Probability (%),Created Time\n";

  it("uses the row's probability, else the stage default, and 1 / 0 for won / lost", () => {
    const result = parseCrmText(
      zohoHeader +
        "1,Ann,A,100,2025-01-05,Needs Analysis,X,35,\n" +
        "2,Ann,B,100,2025-01-05,Needs Analysis,X,,\n" +
        "3,Ann,C,100,2025-01-05,Closed Won,X,20,\n" +
        "4,Ann,D,100,2025-01-05,Closed Lost,X,70,\n",
    );
    expect(result.deals.map((deal) => deal.probability)).toEqual([0.35, 0.2, 1, 0]);
    // Zoho default for Needs Analysis is 20%: the preset's table.
  });

  it("counts a blank amount as 0 on open and lost deals but refuses it on a won deal", () => {
    const result = parseCrmText(
      zohoHeader + "1,Ann,A,,2025-01-05,Qualification,X,,\n2,Ann,B,,2025-01-05,Closed Lost,X,,\n3,Ann,C,,2025-01-05,Closed Won,X,,\n",
    );
    expect(result.deals.map((deal) => deal.amount)).toEqual([0, 0]);
    expect(result.issues).toMatchObject([{ record: 3, line: 4, id: "3", name: "C", reason: "missingAmount" }]);
  });

  it("applies the furthest-stage rule: open -> its stage, won -> past the last stage, lost unknown -> first", () => {
    const result = parseCrmText(
      zohoHeader + "1,Ann,A,1,,Perception Analysis,X,,\n2,Ann,B,1,,Closed Won,X,,\n3,Ann,C,1,,Closed Lost,X,,\n",
    );
    // Zoho's seven stages, of which only Perception Analysis is used: the six others are left
    // out, so the pipeline is [Perception Analysis]: open at 0, won past it (1), lost unknown 0.
    expect(result.pipeline.stages.map((stage) => stage.name)).toEqual(["Perception Analysis"]);
    expect(result.detected.stagesUnused).toEqual([
      "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers", "Proposal/Price Quote", "Negotiation/Review",
    ]);
    expect(result.deals.map((deal) => [deal.status, deal.stagePosition, deal.furthestStage, deal.lostAtStage])).toEqual([
      ["open", 0, 0, null],
      ["won", null, 1, null],
      ["lost", null, 0, null],
    ]);
  });

  it("lets the Fxiaoke status column override the stage and keeps the loss stage", () => {
    const text =
      "商机名称,负责人,商机金额,预计成交日期,结单日期,销售阶段,赢率,商机状态\n" +
      "甲,王伟,100,2025-01-01,2025年2月3日,方案制定,60%,输单\n" +
      "乙,王伟,200,2025-01-01,2025/02/04,谈判签约,80,赢单\n" +
      "丙,王伟,300,2025-01-01,,需求分析,30,进行中\n" +
      "丁,王伟,300,2025-01-01,,赢单,30,进行中\n";
    const result = parseCrmText(text);
    expect(result.preset).toBe("fxiaoke");
    // 初步接触 is used by no deal and left out: the stages are 需求分析, 方案制定, 谈判签约.
    expect(result.deals.map((deal) => [deal.status, deal.furthestStage, deal.lostAtStage, deal.closeDate])).toEqual([
      ["lost", 1, 1, "2025-02-03"],
      ["won", 3, null, "2025-02-04"],
      ["open", 0, null, "2025-01-01"],
    ]);
    expect(result.deals[2].probability).toBeCloseTo(0.3, 12);
    expect(result.issues).toMatchObject([{ record: 4, reason: "stage" }]);
  });

  it("reads the HubSpot stage history for the loss stage", () => {
    const text =
      'Deal Name,Deal Stage,Amount,Pipeline,Deal owner,Date entered "Appointment Scheduled (Sales Pipeline)",Date entered "Qualified To Buy (Sales Pipeline)",Date entered "Presentation Scheduled (Sales Pipeline)"\n' +
      "A,Closed Lost,10,Sales Pipeline,Ann,2025-01-01,,2025-01-05\n" +
      "B,Closed Lost,10,Sales Pipeline,Ann,,,\n";
    const result = parseCrmText(text);
    expect(result.preset).toBe("hubspot");
    expect(result.deals.map((deal) => [deal.lostAtStage, deal.furthestStage])).toEqual([
      [2, 2],
      [null, 0],
    ]);
  });

  it("takes Salesforce IsWon / IsClosed over the stage label", () => {
    const text = "Name,Owner.Name,Amount,StageName,CloseDate,IsWon,IsClosed\nA,Ann,5,Custom closed,2025-01-01,true,true\nB,Ann,5,Custom closed,2025-01-01,false,true\n";
    const result = parseCrmText(text);
    expect(result.preset).toBe("salesforce");
    expect(result.deals.map((deal) => [deal.status, deal.stage, deal.stagePosition])).toEqual([
      ["won", "Custom closed", null],
      ["lost", "Custom closed", null],
    ]);
  });

  it("prefers Dynamics actual revenue and actual close date on closed deals", () => {
    const text =
      "Topic,Owner,Est. Revenue,Actual Revenue,Est. Close Date,Actual Close Date,Status,Pipeline Phase\n" +
      "A,Ann,100,90,1/1/2025,2/1/2025,Won,4-Close\n" +
      "B,Ann,100,,1/1/2025,,Open,2-Develop\n";
    const result = parseCrmText(text);
    expect(result.preset).toBe("dynamics");
    expect(result.deals.map((deal) => [deal.amount, deal.closeDate, deal.status, deal.stagePosition])).toEqual([
      // Qualify and Propose are used by no deal: the stages are Develop (0), Close (1).
      [90, "2025-02-01", "won", 1],
      [100, "2025-01-01", "open", 0],
    ]);
  });

  it("lets every column and stage be overridden", () => {
    const text = "Opportunity,Seller,Value (k),Phase,When\nA,Ann,5,Talking,2025-01-01\nB,Bo,7,Signed,2025-01-02\nC,Bo,7,Dropped,2025-01-03\n";
    const result = parseCrmText(text, {
      preset: "generic",
      columns: { name: "Opportunity", owner: "Seller", amount: "Value (k)", stage: "Phase", closeDate: "When" },
      pipeline: { stages: [{ name: "Talking", probability: 0.25 }], wonLabels: ["Signed"], lostLabels: ["Dropped"] },
    });
    expect(result.issues).toEqual([]);
    // "Value (k)" states its unit: 5 is 5,000.
    expect(result.deals.map((deal) => [deal.name, deal.owner, deal.amount, deal.status, deal.probability])).toEqual([
      ["A", "Ann", 5000, "open", 0.25],
      ["B", "Bo", 7000, "won", 1],
      ["C", "Bo", 7000, "lost", 0],
    ]);
  });

  it("accepts stage aliases", () => {
    const result = parseCrmText("Deal Name,Deal Owner,Amount,Stage,Closing Date\nA,Ann,1,Identify Decision Makers,\nB,Ann,1,Vetting,\n", {
      preset: "zoho",
      stageAliases: { Vetting: "Qualification" },
    });
    // Of Zoho's stages only Qualification (0) and Id. Decision Makers (1) are used.
    expect(result.deals.map((deal) => deal.stagePosition)).toEqual([1, 0]);
  });

  it("throws an ImportError when the file cannot be read as an export", () => {
    expect(() => parseCrmText("")).toThrow(ImportError);
    expect(() => parseCrmText("Foo,Bar\n1,2\n")).toThrow(/No stage column/);
    expect(() => parseCrmText("Deal,Stage\nA,Won\n", { preset: "generic" })).toThrow(/No amount column/);
    expect(() => parseCrmText("Deal,Stage,Amount\n", { columns: { owner: "Seller" } })).toThrow(/no column "Seller"/);
  });

  it("passes over a report's title and filters above the header, says so, and reads the deals below it", () => {
    const text = "Deals by stage\nRun 2 June 2025 by Ann\n\nFiltered By: Owner equals Ann\nDeal Name,Stage,Amount,Closing Date\nA,Closed Won,10,2025-05-02\nB,Qualification,5,2025-07-01\n";
    const result = parseCrmText(text);
    expect(result.deals.map((deal) => [deal.name, deal.status, deal.amount])).toEqual([
      ["A", "won", 10],
      ["B", "open", 5],
    ]);
    expect(result.detected.headerLine).toBe(5);
    expect(result.detected.title).toEqual([
      { line: 1, text: "Deals by stage" },
      { line: 2, text: "Run 2 June 2025 by Ann" },
      { line: 4, text: "Filtered By: Owner equals Ann" },
    ]);
    expect(result.detected.blankLines).toBe(0);
    expect(importNotes(result.detected)).toContainEqual({ key: "note.title", values: { count: 3, header: 5, lines: "1, 2, 4" } });
    // A header on the first line: nothing above it, and no note.
    const plain = parseCrmText("Deal Name,Stage,Amount\nA,Closed Won,10\n");
    expect([plain.detected.headerLine, plain.detected.title]).toEqual([1, []]);
    expect(importNotes(plain.detected).map((note) => note.key)).not.toContain("note.title");
  });

  it("finds a header named by the mapping below a title, and a row's issue at its line", () => {
    const result = parseCrmText("Export\nOpportunity,Phase,Deal size\nA,Closed Won,10\nB,Qualification,abc\n", {
      columns: { name: "Opportunity", stage: "Phase", amount: "Deal size" },
      preset: "generic",
    });
    expect(result.detected.headerLine).toBe(2);
    expect(result.deals.map((deal) => deal.name)).toEqual(["A", "B"]);
    expect(result.issues.map((issue) => [issue.line, issue.record])).toEqual([[4, 2]]);
  });

  it("takes no header past 50 lines above it: the first row's missing column is the error", () => {
    const title = (count: number) => Array.from({ length: count }, (_, i) => `Note ${i + 1}`).join("\n");
    const table = "\nDeal Name,Stage,Amount\nA,Closed Won,10\n";
    expect(parseCrmText(title(50) + table).detected.headerLine).toBe(51);
    expect(() => parseCrmText(title(51) + table)).toThrow(/^No stage column found .*Its columns: Note 1\. /);
    // A file that never names its columns says what its first row lacks, as it always has.
    expect(() => parseCrmText("Foo,Bar\n1,2\n")).toThrow(/Its columns: Foo, Bar\./);
  });

  it("reads a total written in the stage column as a report line, and a stage that starts with a total's word as a stage", () => {
    const result = parseCrmText("Stage,Opportunity Name,Amount\nTotal Solutions,A,100\nTotal Solutions,B,50\nSubtotal,,150\n合计：,,150\n");
    expect(result.deals.map((deal) => [deal.name, deal.stage])).toEqual([
      ["A", "Total Solutions"],
      ["B", "Total Solutions"],
    ]);
    expect(result.detected.footer.map((line) => [line.line, line.text])).toEqual([
      [4, "Subtotal"],
      [5, "合计："],
    ]);
    expect(result.issues).toEqual([]);
  });

  it("reads a money column in the unit its header states, to the cent, and says so", () => {
    const wan = parseCrmText("商机名称,销售阶段,商机金额（万元）\nA,赢单,12.5\nB,方案制定,0.57\nC,方案制定,$3\n");
    // By hand: 12.5 × 10,000 and 0.57 × 10,000 (a double gives 5699.999999999999); $3 keeps its own currency.
    expect(wan.deals.map((deal) => [deal.amount, deal.currency])).toEqual([
      [125000, "CNY"],
      [5700, "CNY"],
      [30000, "USD"],
    ]);
    expect(wan.detected.units).toEqual([{ field: "amount", column: "商机金额（万元）", multiplier: 10000, currency: "CNY" }]);
    expect(importNotes(wan.detected)).toContainEqual({ key: "note.amountUnit", values: { column: "商机金额（万元）", multiplier: "10,000", currency: "CNY" } });
    const k = parseCrmText("Deal Name,Stage,Deal size (k)\nA,Closed Won,1.13\n");
    expect(k.deals.map((deal) => [deal.amount, deal.currency])).toEqual([[1130, "USD"]]);
    const usd = parseCrmText("Deal Name,Stage,Amount (EUR),Probability (%)\nA,Qualification,1.5,40\n", { preset: "generic" });
    expect(usd.deals.map((deal) => [deal.amount, deal.currency, deal.probability])).toEqual([[1.5, "EUR", 0.4]]);
    // A mapped column's unit counts as well: the header says what the numbers are.
    const mapped = parseCrmText("Opportunity,Phase,Value ($K)\nA,Closed Won,2\n", { columns: { name: "Opportunity", stage: "Phase", amount: "Value ($K)" } });
    expect(mapped.deals[0].amount).toBe(2000);
    // No unit, no note.
    expect(parseCrmText("Deal Name,Stage,Amount\nA,Closed Won,2\n").detected.units).toEqual([]);
  });

  describe("a deal id on two rows", () => {
    it("keeps the first row in file order, even when a later row was read first, and says what differs", () => {
      // Line 2's date fits both orders, so the row is read at the end; line 3 is read at once.
      // Line 2 is still the deal: the first in the file.
      const text = "Deal ID,Deal Name,Stage,Amount,Closing Date\nD1,A,Qualification,100,03/04/2025\nD1,A,Closed Won,150,2025-05-02\nD2,B,Qualification,80,2025-06-01\nD2,B,Qualification,80,2025-06-01\n";
      const result = parseCrmText(text);
      expect(result.deals.map((deal) => [deal.id, deal.stage, deal.amount])).toEqual([
        ["D1", "Qualification", 100],
        ["D2", "Qualification", 80],
      ]);
      expect(result.issues.map((issue) => [issue.line, issue.reason, issue.id, issue.message])).toEqual([
        [3, "duplicate", "D1", 'Deal ID "D1" is already on line 2, which is imported; this row differs in Stage, Amount, Closing Date. A deal counts once: check which row is current.'],
        [5, "duplicate", "D2", 'Deal ID "D2" is already on line 4, with the same values: the row is left out, so the deal counts once.'],
      ]);
      expect([result.stats.imported, result.stats.skipped]).toEqual([2, 2]);
    });

    it("drops the notices of a row left out, compares no blank ids, and nothing without an id column", () => {
      const text = "Deal ID,Deal Name,Stage,Amount,Created Time\nD1,A,Qualification,100,\nD1,A,Qualification,100,not a date\n,B,Qualification,5,\n,C,Qualification,6,\n";
      const result = parseCrmText(text, { preset: "zoho" });
      expect(result.deals.map((deal) => deal.name)).toEqual(["A", "B", "C"]);
      expect(result.issues.map((issue) => [issue.line, issue.reason])).toEqual([[3, "duplicate"]]);
      const noIds = parseCrmText("Deal Name,Stage,Amount\nA,Qualification,1\nA,Qualification,1\n");
      expect(noIds.deals).toHaveLength(2);
    });
  });

  describe("a file with several pipelines", () => {
    // A HubSpot export of two pipelines: the Sales Pipeline's default stages, and a Renewals
    // pipeline of its own stages. Row 7 is of Renewals and has a field too few.
    const text = [
      "Record ID,Deal Name,Pipeline,Deal Stage,Amount,Close Date,Deal owner",
      "1,A,Sales Pipeline,Appointment Scheduled,100,2025-06-01,Ann",
      "2,B,Renewals,Renewal Due,50,2025-06-01,Bo",
      "3,C,Sales Pipeline,Closed Won,200,2025-05-01,Ann",
      "4,D,Renewals,Closed Won,70,2025-05-02,Bo",
      "5,E,sales  pipeline,Contract Sent,30,2025-07-01,Ann",
      "6,F,Renewals,Renewal Due,abc",
      "",
    ].join("\n");

    it("imports every pipeline by default, in one funnel, and says the file holds several", () => {
      const result = parseCrmText(text);
      expect(result.deals.map((deal) => deal.name)).toEqual(["A", "B", "C", "D", "E"]);
      expect(result.detected.columns.pipeline).toBe("Pipeline");
      expect(result.detected.pipelines).toEqual([
        { name: "Sales Pipeline", rows: 3, kept: true },
        { name: "Renewals", rows: 2, kept: true },
      ]);
      expect(result.pipeline.stages.map((stage) => stage.name)).toContain("Renewal Due");
      expect(importNotes(result.detected)).toContainEqual({ key: "note.pipelines", values: { count: 2, pipelines: "Sales Pipeline (3), Renewals (2)" } });
    });

    it("keeps one pipeline when asked (case and spacing aside): the others are neither deals, issues nor stages", () => {
      const result = parseCrmText(text, { onlyPipeline: "SALES PIPELINE" });
      expect(result.deals.map((deal) => [deal.name, deal.status, deal.amount])).toEqual([
        ["A", "open", 100],
        ["C", "won", 200],
        ["E", "open", 30],
      ]);
      expect(result.pipeline.stages.map((stage) => stage.name)).not.toContain("Renewal Due");
      expect(result.detected.stages.some((stage) => stage.added)).toBe(false);
      // The short row cannot be read, so its pipeline cannot be trusted either: an issue.
      expect(result.issues.map((issue) => issue.line)).toEqual([7]);
      // Six data rows: the two of Renewals that were read are not counted.
      expect(result.stats.records).toBe(4);
      expect(result.detected.pipelines.map((pipeline) => [pipeline.name, pipeline.kept])).toEqual([
        ["Sales Pipeline", true],
        ["Renewals", false],
      ]);
      expect(importNotes(result.detected)).toContainEqual({ key: "note.pipelineKept", values: { pipeline: "Sales Pipeline", rows: 2, pipelines: "Renewals (2)" } });
    });

    it("refuses a pipeline the file does not have, naming those it has, and a file without a pipeline column", () => {
      expect(() => parseCrmText(text, { onlyPipeline: "Partners" })).toThrow('No row of the file is in pipeline "Partners". Its pipelines: Sales Pipeline, Renewals.');
      expect(() => parseCrmText("Deal Name,Stage,Amount\nA,Closed Won,1\n", { onlyPipeline: "Renewals" })).toThrow(/^Only pipeline "Renewals" was asked for, but the file has no pipeline column .*Its columns: Deal Name, Stage, Amount\./);
    });

    it("reads the pipeline from the column named by the mapping", () => {
      const renamed = text.replace(",Pipeline,", ",Board,");
      const result = parseCrmText(renamed, { columns: { pipeline: "Board" }, onlyPipeline: "Renewals" });
      expect(result.deals.map((deal) => deal.name)).toEqual(["B", "D"]);
    });
  });

  it("rejects an .xlsx that is broken and a file that is neither text nor a workbook", async () => {
    await expect(parseCrmExport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(ImportError);
    await expect(parseCrmExport(new Uint8Array([0xff, 0x00, 0x81]), { encoding: "utf-8" })).rejects.toThrow(ImportError);
  });

  it("reports progress up to the whole file", async () => {
    const fixture = renderZoho(11, 5000);
    const seen: ImportProgress[] = [];
    const result = await parseCrmExport(fixture.bytes, { onProgress: (progress) => seen.push(progress) });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[seen.length - 1].fraction).toBe(1);
    expect(seen[seen.length - 1].rowsDone).toBe(result.stats.records);
    for (let i = 1; i < seen.length; i++) expect(seen[i].rowsDone).toBeGreaterThanOrEqual(seen[i - 1].rowsDone);
  });

  it("takes a text input and a UTF-8 BOM in either form", async () => {
    const text = "Deal Name,Deal Owner,Amount,Stage,Closing Date\nA,Ann,1,Qualification,\n";
    expect((await parseCrmExport("\ufeff" + text)).deals).toHaveLength(1);
    expect((await parseCrmExport(encodeUtf8(text, true))).deals).toHaveLength(1);
  });
});
