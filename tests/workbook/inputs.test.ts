import { carryInputs, markerNames, parseSheetReference, readMarkers, savedBook, RangeReader, SavedSheet } from "../../src/workbook/inputs";
import { SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { preparePlan } from "../../src/workbook/prepare";
import { validatePlan } from "../../src/workbook/validatePlan";

/** A small scorecard: names in A, a quota input in B, a fixed weight input in D2:D3. */
function scorecard(reps: string[], quotas: (number | null | { f: string })[]): SheetPlan {
  const last = 1 + reps.length;
  return {
    name: "Reps",
    role: "reps",
    blocks: [
      { at: "A1", cells: [["Rep", "Quota"]] },
      { at: "A2", cells: reps.map((r, i) => [r, quotas[i]]) },
      { at: "D2", cells: [[0.5], [{ f: "=1-D2" }]] },
    ],
    inputs: [
      { id: "quota", range: `B2:B${last}`, keys: `A2:A${last}` },
      { id: "weights", range: "D2:D3", keys: ["revenue", "winRate"] },
    ],
  };
}

const saved = (inputs: Record<string, { key?: string; values: unknown[] }[]>): Map<string, SavedSheet> =>
  new Map([["reps", { role: "reps", name: "My reps", generated: "A1:D9", inputs: new Map(Object.entries(inputs)) as SavedSheet["inputs"] }]]);

const cellsOf = (plan: WorkbookPlan) => plan.sheets[0].blocks[1].cells;

describe("remembering generated sheets", () => {
  test("a tracked sheet gets hidden names over its used range, its inputs and their keys", () => {
    const names = markerNames(scorecard(["Ann", "Bo"], [1, 2]));
    expect(names.map((n) => [n.name, n.hidden])).toEqual([
      ["SalesQuant.sheet.reps", true],
      ["SalesQuant.input.reps.quota", true],
      ["SalesQuant.keys.reps.quota", true],
      ["SalesQuant.input.reps.weights", true],
    ]);
  });

  test("preparation resolves them to the sheet's final name, and a copy of a tracked sheet is not tracked", () => {
    const plan: WorkbookPlan = { sheets: [scorecard(["Ann"], [1])] };
    const first = preparePlan(plan, { sheets: ["It's"], tables: [], names: [] });
    expect(first.plan.names?.find((n) => n.name === "SalesQuant.input.reps.quota")?.refersTo).toBe("='Reps'!$B$2");
    expect(first.plan.names?.find((n) => n.name === "SalesQuant.sheet.reps")?.refersTo).toBe("='Reps'!$A$1:$D$3");
    const copy = preparePlan(plan, { sheets: ["Reps"], tables: [], names: ["SalesQuant.sheet.reps", "SalesQuant.input.reps.quota"] });
    expect(copy.sheetNames.get("Reps")).toBe("Reps (2)");
    expect(copy.plan.names ?? []).toEqual([]);
    const replace = preparePlan(plan, { sheets: ["My reps"], tables: [], names: ["SalesQuant.sheet.reps"] }, { targets: new Map([["Reps", "My reps"]]) });
    expect(replace.plan.names?.find((n) => n.name === "SalesQuant.sheet.reps")?.refersTo).toBe("='My reps'!$A$1:$D$3");
  });

  test("a role or input id that cannot be part of a name, or keys off the input's rows, are refused", () => {
    const sheet = scorecard(["Ann"], [1]);
    expect(validatePlan({ sheets: [{ ...sheet, role: "my reps" }] }).map((p) => p.where)).toContain("role");
    expect(validatePlan({ sheets: [{ ...sheet, inputs: [{ id: "q", range: "B2:B3", keys: "A3:A4" }] }] })).toHaveLength(1);
    expect(validatePlan({ sheets: [{ ...sheet, inputs: [{ id: "q", range: "B2:B3", keys: ["x"] }] }] })).toHaveLength(1);
    expect(validatePlan({ sheets: [sheet, { ...sheet, name: "Other" }] }).map((p) => p.message)).toContain('Two sheets of the plan have the role "reps".');
  });

  test("reads the markers back from the workbook's names, whatever the sheet is called now", () => {
    expect(parseSheetReference("='It''s mine'!$B$2:$B$9")).toEqual({ sheet: "It's mine", range: "B2:B9" });
    expect(parseSheetReference("Reps!B2")).toEqual({ sheet: "Reps", range: "B2" });
    expect(parseSheetReference("=#REF!$B$2")).toBeUndefined();
    const markers = readMarkers([
      { name: "SalesQuant.sheet.reps", refersTo: "='My reps'!$A$1:$D$9" },
      { name: "SalesQuant.input.reps.quota", refersTo: "='My reps'!$B$2:$B$4" },
      { name: "SalesQuant.keys.reps.quota", refersTo: "='My reps'!$A$2:$A$4" },
      { name: "SalesQuant.input.gone.x", refersTo: "=#REF!$A$1" },
      { name: "Budget", refersTo: "=Sheet1!$A$1" },
    ]);
    const cells: Record<string, unknown[][]> = { "B2:B4": [[100], [null], [300]], "A2:A4": [[" Ann "], ["Bo"], [42]] };
    const read: RangeReader = (sheet, range) => {
      expect(sheet).toBe("My reps");
      return cells[range] as never;
    };
    const book = savedBook(markers, read);
    expect([...book.keys()]).toEqual(["reps"]);
    expect(book.get("reps")?.name).toBe("My reps");
    expect(book.get("reps")?.inputs.get("quota")).toEqual([
      { key: "Ann", values: [100] },
      { key: "Bo", values: [null] },
      { key: "42", values: [300] },
    ]);
  });
});

describe("carrying typed inputs into a new build", () => {
  test("matches rows by key, not position; an input whose key vanished is an orphan", () => {
    // Last month: Ann, Bo, Carl with typed quotas. This month: Bo left, Dee joined, order changed.
    const plan: WorkbookPlan = { sheets: [scorecard(["Dee", "Carl", "Ann"], [null, null, null])] };
    const result = carryInputs(plan, saved({ quota: [{ key: "Ann", values: [100] }, { key: "Bo", values: [200] }, { key: "Carl", values: [300] }] }));
    expect(cellsOf(result.plan)).toEqual([["Dee", null], ["Carl", 300], ["Ann", 100]]);
    expect(result.carried).toBe(2);
    expect(result.orphans).toEqual([{ sheet: "My reps", role: "reps", input: "quota", key: "Bo", values: [200] }]);
    expect(cellsOf(plan)).toEqual([["Dee", null], ["Carl", null], ["Ann", null]]);
  });

  test("a blank saved cell keeps the new default; a typed formula over a constant default is kept; the generator's own formula is not", () => {
    const plan: WorkbookPlan = { sheets: [scorecard(["Ann", "Bo"], [50, 60])] };
    const result = carryInputs(
      plan,
      saved({
        quota: [{ key: "Ann", values: [null] }, { key: "Bo", values: [{ f: "=B2*2" }] }],
        weights: [{ values: [0.7] }, { values: [{ f: "=1-D2" }] }],
      }),
    );
    expect(cellsOf(result.plan)).toEqual([["Ann", 50], ["Bo", { f: "=B2*2" }]]);
    expect(result.plan.sheets[0].blocks[2].cells).toEqual([[0.7], [{ f: "=1-D2" }]]);
    expect(result.orphans).toEqual([]);
  });

  test("literal keys are matched by their place; blank orphans are not reported; a key typed twice counts once", () => {
    const plan: WorkbookPlan = { sheets: [scorecard(["Ann"], [null])] };
    const result = carryInputs(plan, saved({ quota: [{ key: "Ann", values: [1] }, { key: "Ann", values: [2] }, { key: "Zed", values: [null] }] }));
    expect(cellsOf(result.plan)).toEqual([["Ann", 1]]);
    expect(result.orphans).toEqual([]);
  });

  test("a typed fixed row past the new build's list (fewer tiers now) is an orphan, not dropped", () => {
    const plan: WorkbookPlan = { sheets: [scorecard(["Ann"], [null])] };
    const result = carryInputs(plan, saved({ weights: [{ values: [0.6] }, { values: [null] }, { values: [0.9] }] }));
    expect(result.plan.sheets[0].blocks[2].cells).toEqual([[0.6], [{ f: "=1-D2" }]]);
    expect(result.orphans).toEqual([{ sheet: "My reps", role: "reps", input: "weights", key: "weights 3", values: [0.9] }]);
  });

  test("a value given on this build beats the saved one; the saved one fills what it left blank", () => {
    // This build was given quotas for Ann (150, a new value) and Bo (200, what was typed), none for Carl.
    const plan: WorkbookPlan = { sheets: [scorecard(["Ann", "Bo", "Carl"], [150, 200, null])] };
    const typed = saved({ quota: [{ key: "Ann", values: [100] }, { key: "Bo", values: [200] }, { key: "Carl", values: [300] }], weights: [{ values: [0.7] }] });
    const result = carryInputs(plan, typed, [{ role: "reps", input: "quota" }]);
    expect(cellsOf(result.plan)).toEqual([["Ann", 150], ["Bo", 200], ["Carl", 300]]);
    expect([result.carried, result.replaced]).toEqual([1 + 1, 1]); // Carl's quota and the weight; Ann's 100 gave way
    expect(result.plan.sheets[0].blocks[2].cells).toEqual([[0.7], [{ f: "=1-D2" }]]); // weights were not given
    // Given for another sheet, or nothing given: the saved values win, as before.
    for (const given of [[{ role: "dashboard", input: "quota" }], []]) {
      const kept = carryInputs(plan, typed, given);
      expect(cellsOf(kept.plan)).toEqual([["Ann", 100], ["Bo", 200], ["Carl", 300]]);
      expect(kept.replaced).toBe(0);
    }
  });

  test("a sheet whose role the workbook does not have is left as planned", () => {
    const plan: WorkbookPlan = { sheets: [{ ...scorecard(["Ann"], [null]), role: "other" }] };
    const result = carryInputs(plan, saved({ quota: [{ key: "Ann", values: [1] }] }));
    expect(result.plan.sheets[0]).toBe(plan.sheets[0]);
    expect(result.carried).toBe(0);
  });
});
