import { SavedSheet } from "../../src/workbook/inputs";
import { SheetPlan, sheetRef, WorkbookPlan } from "../../src/workbook/plan";
import { ExistingBook, planRefresh } from "../../src/workbook/refresh";
import { validatePlan } from "../../src/workbook/validatePlan";

const saved = (role: string, name: string, generated: string, inputs: SavedSheet["inputs"] = new Map()): [string, SavedSheet] => [role, { role, name, generated, inputs }];

function book(over: Partial<ExistingBook> = {}): ExistingBook {
  return {
    order: ["Deals", "My funnel", "Reps", "Old plan"],
    saved: new Map([
      saved("deals", "Deals", "A1:C9"),
      saved("funnel", "My funnel", "A1:C6", new Map([["target", [{ key: "Won", values: [0.3] }]]])),
      saved("commissionPlan", "Old plan", "A1:B9"),
    ]),
    userSheets: [{ name: "Reps", blocks: [{ at: "A1", cells: [["my own"]] }] }],
    extraCells: new Map([
      ["funnel", [
        { box: { top: 1, bottom: 1, left: 6, right: 6 }, block: { at: "F1", cells: [["beside"]] } },
        { box: { top: 3, bottom: 3, left: 3, right: 3 }, block: { at: "C3", cells: [["under the new table"]] } },
      ]],
    ]),
    readSheet: (name) => ({ name, blocks: [{ at: "A1", cells: [[`${name} as it was`]] }] }),
    ...over,
  };
}

const newBuild = (): WorkbookPlan => ({
  sheets: [
    { name: "Deals", role: "deals", blocks: [{ at: "A1", cells: [["Id"], [1], [2]] }] },
    {
      name: "Funnel",
      role: "funnel",
      blocks: [{ at: "A1", cells: [["Stage", "Deals", "Target"], ["Won", { f: `=COUNT(${sheetRef("Deals", "A2:A3")})` }, null]] }],
      inputs: [{ id: "target", range: "C2", keys: "A2" }],
    } as SheetPlan,
    { name: "Reps", role: "reps", blocks: [{ at: "A1", cells: [["Rep"]] }] },
  ],
  activeSheet: "Funnel",
});

describe("a refresh as one plan", () => {
  test("replaced sheets keep their names and places, new sheets take no name in use, user sheets and unmade tracked sheets stay", () => {
    const result = planRefresh(newBuild(), book());
    expect(result.plan.sheets.map((s) => s.name)).toEqual(["Deals", "My funnel", "Reps", "Old plan", "Reps (2)"]);
    expect(result.plan.sheets[2]).toEqual({ name: "Reps", blocks: [{ at: "A1", cells: [["my own"]] }] });
    expect(result.plan.sheets[3].blocks[0].cells).toEqual([["Old plan as it was"]]);
    expect(result.kept).toEqual(["Old plan"]);
    expect(result.plan.activeSheet).toBe("My funnel");
    const funnel = result.plan.sheets[1];
    expect(funnel.blocks[0].cells[1]).toEqual(["Won", { f: "=COUNT('Deals'!A2:A3)" }, 0.3]);
    expect(result.carried).toBe(1);
    expect(validatePlan(result.plan)).toEqual([]);
  });

  test("cells typed beside a generated sheet stay where they are unless the new build covers them, and the generated range is remembered without them", () => {
    const result = planRefresh(newBuild(), book());
    const funnel = result.plan.sheets[1];
    expect(funnel.blocks.map((b) => b.at)).toEqual(["A1", "F1", "C3"]);
    expect(funnel.generatedRange).toBe("A1:C2");
    expect(result.displaced).toEqual([]);
    const covered = planRefresh(
      { sheets: [{ ...newBuild().sheets[1], blocks: [{ at: "A1", cells: [["Stage", "Deals", "Target"], ["Won", 1, null], ["Lost", 2, null]] }] }] },
      book(),
    );
    expect(covered.displaced).toEqual([{ sheet: "My funnel", at: "C3" }]);
  });
});
