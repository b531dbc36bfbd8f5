/**
 * Exports as they come from the field, imported with no options: every header spelling,
 * value format and stray line of tests/fixtures/realExports, checked against the numbers
 * tests/fixtures/realExports/expected.ts counts from the rows the fixtures were written from.
 */
import type { Deal } from "../../src/core/deal";
import { isNotice } from "../../src/import/errors";
import { ImportResult, parseCrmExport } from "../../src/import/normalize";
import {
  everyFormat,
  handKeptWithStrayRow,
  handKeptWithTotal,
  lostRowFixtures,
  titledFixtures,
  pipedrive,
  RealExport,
  salesforceReportFooter,
  withBlankLineInData,
  zohoLegacy,
} from "../fixtures/realExports/exports";
import { centsOf, ExpectedDeal, ExpectedImport, expectedImport, wonCents } from "../fixtures/realExports/expected";

const cache = new Map<string, Promise<ImportResult>>();
function importOf(fixture: RealExport): Promise<ImportResult> {
  let result = cache.get(fixture.name);
  if (!result) {
    result = parseCrmExport(fixture.bytes);
    cache.set(fixture.name, result);
  }
  return result;
}

/** Expected close date of an imported deal: a won deal's actual close date when the export keeps one. */
function expectedClose(deal: ExpectedDeal): string | null {
  if (deal.outcome === "won" && deal.facts.actualCloseDate) return deal.facts.actualCloseDate;
  return deal.facts.closeDate;
}

function expectedAmountCents(deal: ExpectedDeal): number {
  return deal.outcome === "won" ? wonCents(deal.facts) : Math.round((deal.facts.amount ?? 0) * 100);
}

/** The checks every fixture gets. */
function describeFixture(make: () => RealExport) {
  const fixture = make();
  const expected: ExpectedImport = expectedImport(fixture);

  describe(fixture.name, () => {
    it("imports every deal, with the open / won / lost counts and the won sum to the cent", async () => {
      const result = await importOf(fixture);
      const count = (status: Deal["status"]) => result.deals.filter((deal) => deal.status === status).length;
      expect({ deals: result.deals.length, open: count("open"), won: count("won"), lost: count("lost") }).toEqual({
        deals: expected.deals.length,
        open: expected.open,
        won: expected.won,
        lost: expected.lost,
      });
      expect(centsOf(result.deals.filter((deal) => deal.status === "won").map((deal) => deal.amount))).toBe(expected.wonSumCents);
      expect(result.stats.imported).toBe(expected.deals.length);
    });

    it("keeps names, owners, customers and ids as the file writes them", async () => {
      const result = await importOf(fixture);
      expect(result.deals.length).toBe(expected.deals.length);
      const got = result.deals.map((deal) => ({ name: deal.name, owner: deal.owner, customer: deal.customer }));
      const want = expected.deals.map(({ facts }, i) => ({
        // No name column (the pipeline dataset): any non-blank name will do.
        name: facts.name ?? (got[i]?.name.trim() ? got[i].name : "(a non-blank name)"),
        owner: facts.owner,
        customer: facts.customer,
      }));
      expect(got).toEqual(want);
      const ids = expected.deals.map(({ facts }, i) => [facts.id, facts.id === undefined ? undefined : result.deals[i]?.id]);
      expect(ids.filter(([want, got]) => want !== got)).toEqual([]);
    });

    it("reads each deal's status, amount, dates and probability", async () => {
      const result = await importOf(fixture);
      expect(result.deals.length).toBe(expected.deals.length);
      const got = result.deals.map((deal, i) => {
        const facts = expected.deals[i].facts;
        return {
          line: expected.deals[i].line,
          status: deal.status,
          cents: Math.round(deal.amount * 100),
          close: expected.deals[i].outcome === "lost" ? null : deal.closeDate,
          created: facts.createdDate === undefined ? undefined : deal.createdDate,
          probability: expected.deals[i].outcome === "open" && facts.probability !== undefined ? Math.round(deal.probability * 1000) / 1000 : undefined,
        };
      });
      const want = expected.deals.map((deal) => ({
        line: deal.line,
        status: deal.outcome,
        cents: expectedAmountCents(deal),
        close: deal.outcome === "lost" ? null : expectedClose(deal),
        created: deal.facts.createdDate,
        probability: deal.outcome === "open" && deal.facts.probability !== undefined ? Math.round(deal.facts.probability * 1000) / 1000 : undefined,
      }));
      expect(got).toEqual(want);
    });

    it("reports the rows left out and the notices at their lines", async () => {
      const result = await importOf(fixture);
      expect(result.issues.filter((issue) => !isNotice(issue)).map((issue) => issue.line)).toEqual(expected.rejectedLines);
      expect(result.stats.skipped).toBe(expected.rejectedLines.length);
      expect(result.issues.filter(isNotice).map((issue) => issue.line)).toEqual(expect.arrayContaining(expected.noticeLines));
    });

    it("detects blank lines, the footer and lines in another encoding", async () => {
      const { detected } = await importOf(fixture);
      // Blank lines just above a footer may belong to it: counted only in files without one.
      if (expected.footer.length === 0) expect(detected.blankLines).toBe(expected.blankLines);
      expect(detected.footer.map((line) => line.line)).toEqual(expected.footer.map((line) => line.line));
      detected.footer.forEach((line, i) => expect(line.text).toContain(expected.footer[i].text));
      expect(detected.headerLine).toBe(expected.headerLine);
      expect(detected.title.map((line) => line.line)).toEqual(expected.title.map((line) => line.line));
      detected.title.forEach((line, i) => expect(line.text).toContain(expected.title[i].text));
      if (expected.otherEncodingLines.length === 0) expect(detected.otherEncodingLines).toBeNull();
      else {
        expect(detected.otherEncodingLines?.encoding).toMatch(/gb18030/i);
        expect(detected.otherEncodingLines?.lines).toEqual(expected.otherEncodingLines);
      }
    });

    it("builds the pipeline from the stages the deals use", async () => {
      const result = await importOf(fixture);
      const names = expected.openStages.map((stage) => stage.name);
      expect(result.pipeline.stages.map((stage) => stage.name)).toEqual(names);
      const detectedOpen = result.detected.stages.filter((stage) => names.includes(stage.name));
      expect(detectedOpen.map((stage) => ({ name: stage.name, added: stage.added }))).toEqual(
        expected.openStages.map((stage) => ({ name: stage.name, added: expected.stagesAdded })),
      );
      if (expected.stageCountsCertain) {
        expect(detectedOpen.map((stage) => stage.deals)).toEqual(expected.openStages.map((stage) => stage.deals));
      }
      const unusedKnown = (fixture.knownStages ?? []).filter((stage) => !names.includes(stage));
      expect(result.detected.stagesUnused).toEqual(expect.arrayContaining(unusedKnown));
      for (const unused of fixture.unusedKnownStages ?? []) {
        expect(result.detected.stagesUnused).toContain(unused);
        expect(result.pipeline.stages.map((stage) => stage.name)).not.toContain(unused);
      }
    });

    if (fixture.dateOrder) {
      const { order, basis } = fixture.dateOrder;
      it(`reads its dates ${order === "DMY" ? "day first" : "month first"} (${basis})`, async () => {
        const { detected } = await importOf(fixture);
        expect({ order: detected.dateOrder, basis: detected.dateOrderBasis }).toEqual({ order, basis });
      });
    }
  });
}

describe("real exports, small files, no options", () => {
  for (const fixture of everyFormat(40)) describeFixture(() => fixture);
  for (const fixture of lostRowFixtures()) describeFixture(() => fixture);
});

describe("real exports below a report's title and filters, no options", () => {
  for (const fixture of titledFixtures()) describeFixture(() => fixture);
});

describe("real exports, 2,000-row files, no options", () => {
  for (const fixture of everyFormat(2000)) describeFixture(() => fixture);
});

describe("what each real export shows", () => {
  it("old Zoho: detected as Zoho; Perception Analysis, used by no deal, is left out of the pipeline", async () => {
    const fixture = zohoLegacy(40);
    const result = await importOf(fixture);
    expect(result.detected.preset).toBe("zoho");
    expect(result.detected.stagesUnused).toEqual(["Perception Analysis"]);
  });

  it("old Zoho: an unreadable Created Time keeps the deal with no created date and a notice naming the column", async () => {
    const fixture = zohoLegacy(40);
    const expected = expectedImport(fixture);
    // zohoLegacy writes "31 Apr, 2021 09:03:00" on row index 3 only (3 % 250 === 3): line 3 + 2 = 5.
    expect(expected.noticeLines).toEqual([5]);
    const result = await importOf(fixture);
    const deal = result.deals.find((d) => d.name === expected.deals[3].facts.name);
    expect(deal).toBeDefined();
    expect(deal?.createdDate).toBeNull();
    const notices = result.issues.filter((issue) => issue.line === 5);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every(isNotice)).toBe(true);
    expect(notices.map((issue) => issue.message).join(" ")).toContain("Created Time");
  });

  it("a blank line in the middle of the data: the data continues after it", async () => {
    const fixture = withBlankLineInData(pipedrive(30, 31));
    // 30 deals, one blank line between row 15 and row 16 (pipedrive(30) writes only deals).
    const result = await importOf(fixture);
    expect(result.deals.length).toBe(30);
    expect(result.detected.blankLines).toBe(1);
    expect(result.detected.footer).toEqual([]);
    expect(result.issues.filter((issue) => !isNotice(issue))).toEqual([]);
  });

  it("a stray row after blank rows is reported, not dropped", async () => {
    const fixture = handKeptWithStrayRow(24);
    // 24 deals on lines 2-25, blank lines 26 and 27, the stray ",,1,,,," on line 28.
    const result = await importOf(fixture);
    expect(result.deals.length).toBe(24);
    expect(result.issues.map((issue) => issue.line)).toEqual([28]);
    expect(result.detected.blankLines).toBe(2);
    expect(result.detected.footer).toEqual([]);
  });

  it("a Salesforce report's footer is the footer: not deals, not issues", async () => {
    const fixture = salesforceReportFooter(12);
    // 12 deals on lines 2-13; line 14 blank; 15 Grand Totals; 16 blank; 17-20 copyright,
    // confidentiality, Generated By, the org's name.
    const result = await importOf(fixture);
    expect(result.deals.length).toBe(12);
    expect(result.issues).toEqual([]);
    expect(result.detected.footer.map((line) => line.line)).toEqual([15, 17, 18, 19, 20]);
    expect(result.detected.footer[0].text).toContain("Grand Totals (12 records)");
    expect(result.detected.footer[1].text).toContain("Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.");
    expect(result.detected.footer[2].text).toContain("Confidential Information - Do Not Distribute");
    expect(result.detected.footer[3].text).toContain("Generated By:");
  });

  it("a total row at the end is the footer", async () => {
    const fixture = handKeptWithTotal(18);
    // 18 deals on lines 2-19; "Total,,,<sum>,," on line 20.
    const result = await importOf(fixture);
    expect(result.deals.length).toBe(18);
    expect(result.issues.filter((issue) => !isNotice(issue))).toEqual([]);
    expect(result.detected.footer.map((line) => line.line)).toEqual([20]);
    expect(result.detected.footer[0].text).toContain("Total");
  });

  it("German re-save: ';' separator, decimal comma, Windows-1252 names", async () => {
    const fixture = everyFormat(40).find((f) => f.name.startsWith("german"))!;
    const result = await importOf(fixture);
    expect(result.detected.delimiter).toBe(";");
    expect({ mark: result.detected.decimalMark, basis: result.detected.decimalMarkBasis }).toEqual({ mark: ",", basis: "evidence" });
    // germanResave writes "Jürgen Müller" as the first row's owner.
    expect(result.deals[0]?.owner).toBe("Jürgen Müller");
    expect(result.deals.some((deal) => deal.customer === "Bäckerei Groß GmbH" || deal.customer === "Möbelhaus Fürth")).toBe(true);
  });

  it("UK dates: 29/03/2023 makes the file day-first, so 05/04/2023 is 5 April", async () => {
    const fixture = everyFormat(40).find((f) => f.name.startsWith("uk-dates"))!;
    const expected = expectedImport(fixture);
    const result = await importOf(fixture);
    expect(result.deals[0]?.closeDate).toBe("2023-03-29");
    const dayFirst = expected.deals.findIndex((deal) => deal.outcome !== "lost" && Number((deal.facts.closeDate ?? "").slice(8)) <= 12 && Number((deal.facts.closeDate ?? "").slice(8)) !== Number((deal.facts.closeDate ?? "").slice(5, 7)));
    expect(dayFirst).toBeGreaterThan(0);
    expect(result.deals[dayFirst]?.closeDate).toBe(expected.deals[dayFirst].facts.closeDate);
  });

  it("Chinese export: won deals with a blank 预估金额 take 实际金额", async () => {
    const fixture = everyFormat(40).find((f) => f.name.startsWith("chinese"))!;
    const expected = expectedImport(fixture);
    const onlyActual = expected.deals.filter((deal) => deal.outcome === "won" && deal.facts.amount === null);
    expect(onlyActual.length).toBeGreaterThan(0);
    const result = await importOf(fixture);
    for (const deal of onlyActual) {
      const imported = result.deals.find((d) => d.name === deal.facts.name);
      expect([deal.facts.name, imported?.status, imported?.amount]).toEqual([deal.facts.name, "won", deal.facts.actualAmount]);
    }
  });
});
