import { sheetRef, WorkbookPlan } from "../../src/workbook/plan";
import {
  needsTextProtection,
  referenceTokenProblem,
  sanitizeSheetName,
  textForFormulas,
  uniqueSheetName,
  uniqueTableName,
  validatePlan,
} from "../../src/workbook/validatePlan";

const oneSheet = (over: Partial<WorkbookPlan["sheets"][number]> = {}): WorkbookPlan => ({
  sheets: [
    {
      name: "Funnel",
      blocks: [
        {
          at: "A1",
          cells: [
            ["Stage", "Deals"],
            ["Lead", 10],
          ],
        },
      ],
      ...over,
    },
  ],
});

describe("sanitizeSheetName", () => {
  it("replaces the characters Excel forbids with spaces", () => {
    expect(sanitizeSheetName("Q1/Q2: [Funnel]*?\\")).toBe("Q1 Q2   Funnel");
  });
  it("cuts names to 31 characters", () => {
    expect(sanitizeSheetName("x".repeat(40))).toHaveLength(31);
  });
  it("trims apostrophes at either end", () => {
    expect(sanitizeSheetName("'Plan'")).toBe("Plan");
  });
});

describe("uniqueSheetName", () => {
  it("keeps a free name", () => {
    expect(uniqueSheetName("Funnel", ["Sheet1"])).toBe("Funnel");
  });
  it("numbers a taken name, comparing case-insensitively", () => {
    expect(uniqueSheetName("Funnel", ["funnel"])).toBe("Funnel (2)");
    expect(uniqueSheetName("Funnel", ["Funnel", "FUNNEL (2)"])).toBe("Funnel (3)");
  });
  it("stays within 31 characters when numbering", () => {
    const long = "A".repeat(31);
    const name = uniqueSheetName(long, [long]);
    expect(name).toBe(`${"A".repeat(27)} (2)`);
    expect(name).toHaveLength(31);
  });
  it("never gives the reserved name History", () => {
    expect(uniqueSheetName("history", [])).toBe("history (2)");
  });
});

describe("uniqueTableName", () => {
  it("appends digits from 2", () => {
    expect(uniqueTableName("Funnel", ["Sheet1"])).toBe("Funnel");
    expect(uniqueTableName("Funnel", ["FUNNEL", "Funnel2"])).toBe("Funnel3");
  });
});

describe("text protection", () => {
  it.each(["=SUM(A1)", "+1", "-5", "@x", "\tx", "\rx", "'quoted"])(
    "flags %j as needing protection",
    (text) => {
      expect(needsTextProtection(text)).toBe(true);
    },
  );
  it("leaves ordinary text alone in the check", () => {
    expect(needsTextProtection("Lead")).toBe(false);
  });
  it("prefixes every non-empty data string with an apostrophe for range.formulas", () => {
    expect(textForFormulas("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(textForFormulas("00123")).toBe("'00123");
    expect(textForFormulas("")).toBe("");
  });
});

describe("validatePlan", () => {
  const messages = (plan: WorkbookPlan): string[] =>
    validatePlan(plan).map((p) => `${p.where}: ${p.message}`);

  it("accepts a simple plan", () => {
    expect(validatePlan(oneSheet())).toEqual([]);
  });
  it("refuses ragged blocks", () => {
    expect(
      messages(oneSheet({ blocks: [{ at: "A1", cells: [["a", "b"], ["c"]] }] })).join(),
    ).toMatch(/Row 2 has 1 cells/);
  });
  it("refuses bad addresses and blocks outside the grid", () => {
    expect(messages(oneSheet({ blocks: [{ at: "1A", cells: [[1]] }] })).join()).toMatch(
      /not a cell address/,
    );
    expect(messages(oneSheet({ blocks: [{ at: "XFD1", cells: [[1, 2]] }] })).join()).toMatch(
      /limits/,
    );
    expect(messages(oneSheet({ blocks: [{ at: "A1048576", cells: [[1], [2]] }] })).join()).toMatch(
      /limits/,
    );
  });
  it("refuses overlapping blocks", () => {
    expect(
      messages(
        oneSheet({
          blocks: [
            { at: "A1", cells: [[1, 2]] },
            { at: "B1", cells: [[3]] },
          ],
        }),
      ).join(),
    ).toMatch(/overlaps/);
  });
  it("refuses non-finite numbers and formulas without =", () => {
    expect(
      messages(oneSheet({ blocks: [{ at: "A1", cells: [[NaN, { f: "SUM(A1)" }]] }] })),
    ).toHaveLength(2);
  });
  it("refuses blank, reserved and duplicate sheet names", () => {
    expect(messages({ sheets: [{ name: "[]", blocks: [] }] }).join()).toMatch(/blank/);
    expect(messages({ sheets: [{ name: "HISTORY", blocks: [] }] }).join()).toMatch(/reserves/);
    expect(
      messages({
        sheets: [
          { name: "A", blocks: [] },
          { name: "a", blocks: [] },
        ],
      }).join(),
    ).toMatch(/Two sheets/);
  });
  it("checks table names and header cells", () => {
    const table = (name: string, headers: (string | number | null)[]) =>
      oneSheet({
        blocks: [{ at: "A1", cells: [headers, [1, 2]] }],
        tables: [{ name, range: "A1:B2" }],
      });
    expect(validatePlan(table("Deals", ["Stage", "Deals"]))).toEqual([]);
    expect(messages(table("A1", ["Stage", "Deals"])).join()).toMatch(/not a legal table name/);
    expect(messages(table("Deals", ["Stage", "stage"])).join()).toMatch(/appears twice/);
    expect(messages(table("Deals", ["Stage", 5])).join()).toMatch(/non-empty text/);
    expect(messages(table("Deals", ["Stage", ""])).join()).toMatch(/non-empty text/);
  });
  it("refuses two tables with one name and a name that collides with a table", () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "A",
          blocks: [{ at: "A1", cells: [["h"], [1]] }],
          tables: [{ name: "T", range: "A1:A2" }],
        },
        {
          name: "B",
          blocks: [{ at: "A1", cells: [["h"], [1]] }],
          tables: [{ name: "t", range: "A1:A2" }],
        },
      ],
      names: [{ name: "T", refersTo: "='A'!$A$1" }],
    };
    const text = messages(plan).join();
    expect(text).toMatch(/Two tables/);
    expect(text).toMatch(/used twice/);
  });
  it("refuses chart and name references to sheets outside the plan", () => {
    const plan = oneSheet({
      charts: [
        {
          type: "line",
          title: "t",
          categories: "'Nowhere'!A1:A2",
          series: [{ name: "s", values: "B1:B2" }],
          anchor: "D1",
          width: 1,
          height: 1,
        },
      ],
    });
    plan.names = [{ name: "Rate", refersTo: "='Gone'!$A$1" }];
    const text = messages(plan).join();
    expect(text).toMatch(/'Nowhere'!A1:A2" refers to a sheet/);
    expect(text).toMatch(/'Gone'!\$A\$1" refers to a sheet/);
  });
  it("accepts a token naming a sheet outside the plan (preparation checks it against the workbook)", () => {
    const plan = oneSheet();
    plan.names = [{ name: "Rate", refersTo: `=${sheetRef("Inputs", "$A$1")}` }];
    expect(messages(plan)).toEqual([]);
  });
  it("refuses token characters outside a token, and unfinished tokens", () => {
    const plan = oneSheet({
      blocks: [
        {
          at: "A1",
          cells: [
            ["Stage", "Deals"],
            [{ f: '="\uE000x\uE001!A1"' }, { f: `=${sheetRef("Funnel", "A1")}&"ok"` }],
            [{ f: "=\uE000Funnel!A1" }, { f: "=A1\uE003" }],
          ],
        },
      ],
    });
    const text = messages(plan).join("\n");
    expect(text).toMatch(/inside a text literal/);
    expect(text).toMatch(/unfinished reference token/);
    expect(text).toMatch(/outside a token/);
    expect(text.split("\n")).toHaveLength(3);
  });
  it("refuses a sheet or table name holding a token character", () => {
    const plan = oneSheet({ name: "Fun\uE001nel", tables: [{ name: "T\uE000", range: "A1:B2" }] });
    const text = messages(plan).join();
    expect(text).toMatch(/private-use character/);
    expect(text).toMatch(/not a legal table name/);
  });
  it("reads a sheet token with quotes and apostrophes in its name as one piece", () => {
    expect(referenceTokenProblem(`=${sheetRef(`Say "hi", Rep's`, "A1")}+1`)).toBeUndefined();
  });
  it("refuses an active sheet that is not planned", () => {
    expect(messages({ ...oneSheet(), activeSheet: "Other" }).join()).toMatch(/activeSheet/);
  });
});
