/**
 * The fields that fill a sheet's inputs (`input` on a field): each names an input its sheet
 * really declares, as `carryInputs` takes it, and only a value counts as given.
 */
import { planWorkbook } from "../../src/compose";
import { givenInputs, SHEETS } from "../../src/compose/sheets";
import type { FieldSpec } from "../../src/compose/fields";
import { buildDeals, PIPELINE } from "../generators/sampleDeals";

describe("givenInputs", () => {
  it("names, for each field that fills an input, an input its planned sheet declares", () => {
    const built = planWorkbook(buildDeals(), PIPELINE, { sheets: { reps: { quota: "5000" } } });
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const filling = Object.entries(SHEETS).flatMap(([id, declaration]) =>
      (declaration.fields as readonly FieldSpec[]).filter((f) => f.input !== undefined).map((f) => [id, f.name, f.input!] as const),
    );
    expect(filling).toEqual([
      ["funnel", "targets", "target"],
      ["reps", "quota", "quota"],
      ["dashboard", "asOf", "asOf"],
      ["dashboard", "target", "target"],
    ]);
    for (const [id, , input] of filling) {
      const sheet = built.plan.sheets.find((s) => s.role === id);
      expect([id, sheet?.inputs?.map((i) => i.id)]).toEqual([id, expect.arrayContaining([input])]);
    }
  });

  it("counts a value as given, never a blank (typed text, parsed null, an empty list)", () => {
    expect(givenInputs("dashboard", { asOf: "2025-06-30", target: "" })).toEqual([{ role: "dashboard", input: "asOf" }]);
    expect(givenInputs("dashboard", { asOf: null, target: 120000, layout: "grid" })).toEqual([{ role: "dashboard", input: "target" }]);
    expect(givenInputs("dashboard", { asOf: "  ", target: undefined })).toEqual([]);
    expect(givenInputs("funnel", { targets: [] })).toEqual([]);
    expect(givenInputs("funnel", { targets: ["-", "45"] })).toEqual([{ role: "funnel", input: "target" }]);
    expect(givenInputs("reps", { quota: "5000", weightAttainment: "50" })).toEqual([{ role: "reps", input: "quota" }]);
    // Fields with defaults that are never blank (goals' thresholds) fill no input this way.
    expect(givenInputs("goals", { onTrack: "95", atRisk: "80", asOf: "2025-01-01" })).toEqual([]);
    expect(givenInputs("review", undefined)).toEqual([]);
  });
});
