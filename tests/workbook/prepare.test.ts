import { sheetRef, tableRef, WorkbookPlan } from "../../src/workbook/plan";
import { WorkbookWriteError } from "../../src/workbook/errors";
import {
  checkPlan,
  NOTHING_EXISTS,
  preparePlan,
  resolvedPlan,
  resolveSheetRefs,
} from "../../src/workbook/prepare";

const funnel = (address: string): string => sheetRef("Funnel", address);

/** A Funnel sheet and a summary that refers to it from every place a formula can be. */
function plan(): WorkbookPlan {
  return {
    sheets: [
      {
        name: "Funnel",
        blocks: [{ at: "A1", cells: [["Deals"], [1], [{ f: "=A2*2" }]] }],
        tables: [{ name: "Funnel", range: "A1:A2" }],
      },
      {
        name: "Sum mary",
        blocks: [
          {
            at: "A1",
            cells: [
              [
                { f: `=${funnel("A1")}+${funnel("B1")}&"'Funnel'!A1"` },
                `=${funnel("A1")}`,
                { f: `=SUM(${tableRef("Funnel")}[Deals])` },
              ],
            ],
          },
        ],
        conditionalFormats: [
          { type: "formula", range: "A1", formula: `=${funnel("$A$1")}>0`, style: { bold: true } },
          {
            type: "cellValue",
            range: "A1",
            operator: "between",
            formula1: funnel("$A$1"),
            formula2: funnel("$A$2"),
            style: { bold: true },
          },
        ],
        charts: [
          {
            type: "pie",
            title: "t",
            categories: funnel("A1:A2"),
            series: [{ name: "s", values: funnel("B1:B2") }],
            anchor: "C3",
            width: 10,
            height: 10,
          },
        ],
        validations: [{ type: "list", range: "A2", source: `=${funnel("$A$1:$A$2")}` }],
      },
    ],
    names: [{ name: "Base", refersTo: `=${funnel("$A$1")}` }],
    activeSheet: "Funnel",
  };
}

describe("resolveSheetRefs", () => {
  it("puts the final name, quoted, where the token was", () => {
    expect(resolveSheetRefs(`=${funnel("B4")}*2`, { Funnel: "Funnel (2)" })).toBe(
      "='Funnel (2)'!B4*2",
    );
  });
  it("doubles apostrophes and finds the planned name ignoring case", () => {
    expect(resolveSheetRefs(`=${sheetRef("FUNNEL", "A1")}`, new Map([["Funnel", "Rep's"]]))).toBe(
      "='Rep''s'!A1",
    );
  });
  it("quotes a sheet outside the map under its own name", () => {
    expect(resolveSheetRefs(`=${sheetRef("Deals (2)", "$E$2:$E$9")}`, {})).toBe(
      "='Deals (2)'!$E$2:$E$9",
    );
  });
  it("leaves text without tokens, and plain references, as they are", () => {
    expect(resolveSheetRefs("='Funnel'!A1+Funnel!B1", { Funnel: "X" })).toBe(
      "='Funnel'!A1+Funnel!B1",
    );
  });
  it("resolves table tokens to the final table name", () => {
    expect(resolveSheetRefs(`=SUM(${tableRef("Funnel")}[Deals])`, {}, { Funnel: "Funnel2" })).toBe(
      "=SUM(Funnel2[Deals])",
    );
  });
});

describe("preparePlan", () => {
  const existing = { sheets: ["Sheet1", "funnel"], tables: ["Funnel"], names: [] };

  it("names sheets and tables against the workbook and resolves every reference", () => {
    const prepared = preparePlan(plan(), existing);
    expect(prepared.sheetNames).toEqual(
      new Map([
        ["Funnel", "Funnel (2)"],
        ["Sum mary", "Sum mary"],
      ]),
    );
    expect(prepared.tableNames).toEqual(new Map([["Funnel", "Funnel2"]]));
    const out = prepared.plan;
    const summary = out.sheets[1];
    expect(out.sheets.map((s) => s.name)).toEqual(["Funnel (2)", "Sum mary"]);
    expect(out.sheets[0].tables![0].name).toBe("Funnel2");
    expect(summary.blocks[0].cells[0]).toEqual([
      { f: "='Funnel (2)'!A1+'Funnel (2)'!B1&\"'Funnel'!A1\"" },
      `=${funnel("A1")}`, // a data string is text, never resolved
      { f: "=SUM(Funnel2[Deals])" },
    ]);
    expect(summary.conditionalFormats).toMatchObject([
      { formula: "='Funnel (2)'!$A$1>0" },
      { formula1: "'Funnel (2)'!$A$1", formula2: "'Funnel (2)'!$A$2" },
    ]);
    expect(summary.charts![0].categories).toBe("'Funnel (2)'!A1:A2");
    expect(summary.charts![0].series[0].values).toBe("'Funnel (2)'!B1:B2");
    expect(summary.validations![0]).toMatchObject({ source: "='Funnel (2)'!$A$1:$A$2" });
    expect(out.names![0].refersTo).toBe("='Funnel (2)'!$A$1");
    expect(out.activeSheet).toBe("Funnel (2)");
  });

  it("does not change the input plan", () => {
    const input = plan();
    const before = JSON.stringify(input);
    preparePlan(input, existing);
    expect(JSON.stringify(input)).toBe(before);
  });

  it("makes names legal for a new workbook", () => {
    const p: WorkbookPlan = {
      sheets: [
        { name: "Q1/Q2", blocks: [{ at: "A1", cells: [[5]] }] },
        {
          name: "q1 q2",
          blocks: [{ at: "A1", cells: [[{ f: `=${sheetRef("Q1/Q2", "A1")}*2` }]] }],
        },
      ],
    };
    const out = preparePlan(p, NOTHING_EXISTS).plan;
    expect(out.sheets.map((s) => s.name)).toEqual(["Q1 Q2", "q1 q2 (2)"]);
    expect(out.sheets[1].blocks[0].cells[0][0]).toEqual({ f: "='Q1 Q2'!A1*2" });
  });

  it("writes the target's planned sheet under the existing sheet's name", () => {
    const prepared = preparePlan(
      plan(),
      { sheets: ["Mine"], tables: [], names: [] },
      {
        target: { sheet: "Mine" },
      },
    );
    expect(prepared.targetSheet).toBe("Mine");
    expect(prepared.plan.sheets[1].charts![0].categories).toBe("'Mine'!A1:A2");
    expect(() =>
      preparePlan(plan(), NOTHING_EXISTS, { target: { sheet: "Mine", planSheet: "Nope" } }),
    ).toThrow(/no sheet named "Nope"/);
  });

  it("refuses a defined name the workbook already has", () => {
    const error = (() => {
      try {
        preparePlan(plan(), { sheets: [], tables: [], names: ["BASE"] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect((error as WorkbookWriteError).code).toBe("NAME_TAKEN");
  });

  it("accepts a chart on a sheet the workbook has, and refuses one on a sheet nobody has", () => {
    const dashboard: WorkbookPlan = {
      sheets: [
        {
          name: "Dashboard",
          blocks: [{ at: "A1", cells: [["Dashboard"]] }],
          charts: [
            {
              type: "bar",
              title: "Deals",
              categories: sheetRef("Funnel", "B5:B9"),
              series: [{ name: "Deals", values: sheetRef("Funnel", "C5:C9") }],
              anchor: "A3",
              width: 400,
              height: 300,
            },
          ],
        },
      ],
    };
    const prepared = preparePlan(dashboard, { sheets: ["Funnel"], tables: [], names: [] });
    expect(prepared.plan.sheets[0].charts![0].series[0].values).toBe("'Funnel'!C5:C9");
    expect(() => preparePlan(dashboard, NOTHING_EXISTS)).toThrow(
      expect.objectContaining({ code: "INVALID_PLAN" }),
    );
  });

  it("checks before it needs the workbook", () => {
    expect(() => checkPlan({ sheets: [{ name: "History", blocks: [] }] })).toThrow(
      expect.objectContaining({ code: "INVALID_PLAN" }),
    );
    expect(checkPlan(plan()).prepare(NOTHING_EXISTS).sheetNames.get("Funnel")).toBe("Funnel");
  });
});

describe("resolvedPlan", () => {
  it("shares the rows whose formulas hold no reference to rename, and copies only the others", () => {
    const rows = [[{ f: "=A2*2" }, 1], [{ f: `=${funnel("A1")}` }, 2], ["text", 3]];
    const input: WorkbookPlan = {
      sheets: [
        { name: "Funnel", blocks: [{ at: "A1", cells: [[{ f: "=B1+1" }, 0]] }] },
        { name: "Calc", blocks: [{ at: "A1", cells: rows }] },
      ],
    };
    const out = resolvedPlan(input, { sheets: { Funnel: "F2" } });
    // The Funnel block's formula names no sheet: the block itself is shared.
    expect(out.sheets[0].blocks[0]).toBe(input.sheets[0].blocks[0]);
    const cells = out.sheets[1].blocks[0].cells;
    expect(cells).not.toBe(rows);
    expect(cells[0]).toBe(rows[0]);
    expect(cells[1]).toEqual([{ f: "='F2'!A1" }, 2]);
    expect(cells[2]).toBe(rows[2]);
    expect(rows[1][0]).toEqual({ f: `=${funnel("A1")}` });
  });
  it("resolves tokens to the planned names, or to the given ones", () => {
    expect(resolvedPlan(plan()).names![0].refersTo).toBe("='Funnel'!$A$1");
    const renamed = resolvedPlan(plan(), { sheets: { Funnel: "F2" }, tables: { Funnel: "T2" } });
    expect(renamed.sheets[0].name).toBe("F2");
    expect(renamed.sheets[1].blocks[0].cells[0][2]).toEqual({ f: "=SUM(T2[Deals])" });
    expect(renamed.names![0].refersTo).toBe("='F2'!$A$1");
  });
});
