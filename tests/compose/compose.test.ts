/**
 * composeWorkbook: where deal-based sheets read their deals, one result type, and options
 * read from each sheet's declaration (the same for the pane and the command line).
 */
import { composeWorkbook, readSheetValues, readsDeals } from "../../src/compose";
import { creditsFromLines } from "../../src/compose/sheets";
import { checkSheetOptions, flagOf } from "../../src/compose/workbook";
import { isFormulaCell, WorkbookPlan } from "../../src/workbook/plan";
import { resolvedPlan } from "../../src/workbook/prepare";
import { buildDeals, PIPELINE, PIPELINE_ZH } from "../generators/sampleDeals";

const deals = buildDeals();
const imported = { deals, pipeline: PIPELINE };
const en = { locale: "en-US" as const, currency: "USD" };

function formulas(plan: WorkbookPlan): string {
  return resolvedPlan(plan)
    .sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat().filter(isFormulaCell).map((c) => c.f)))
    .join("\n");
}

describe("composeWorkbook: where the deals are read", () => {
  const review = { id: "review" as const, values: { period: "monthly" as const } };

  it("reads the Deals sheet already written in the same language, by its actual name", () => {
    const result = composeWorkbook([review], { deals: imported, dealsSheet: { name: "Deals (2)", locale: "en-US" } }, en);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.sheets.map((s) => s.name)).toEqual(["Review"]);
    expect(formulas(result.plan)).toContain("'Deals (2)'!");
  });

  it("bundles a Deals sheet when the written one speaks the other language (its status words differ)", () => {
    const result = composeWorkbook([review], { deals: { deals: buildDeals(PIPELINE_ZH), pipeline: PIPELINE_ZH }, dealsSheet: { name: "Deals", locale: "en-US" } }, { locale: "zh-CN", currency: "CNY" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.sheets.map((s) => s.name)).toEqual(["商机", "复盘"]);
    expect(result.plan.activeSheet).toBe("复盘");
  });

  it("bundles a Deals sheet when none was written, and shows the requested sheet", () => {
    const result = composeWorkbook([review], { deals: imported }, en);
    expect(result.ok && result.plan.sheets.map((s) => s.name)).toEqual(["Deals", "Review"]);
    expect(result.ok && result.plan.activeSheet).toBe("Review");
  });

  it("refuses a deal-based sheet without deals, and plans a typed funnel without them", () => {
    const refused = composeWorkbook([review], {}, en);
    expect(refused).toEqual({ ok: false, errors: [{ field: "", message: "Import deals on the Data pane first." }] });
    const typed = readSheetValues("funnel", { source: "typed", stages: "A\nB", counts: "10\n5" }, {});
    if (!typed.ok) throw new Error(JSON.stringify(typed.errors));
    const funnel = composeWorkbook([{ id: "funnel", values: typed.values }], {}, en);
    expect(funnel.ok && funnel.plan.sheets.map((s) => s.name)).toEqual(["Funnel"]);
  });

  it("returns every refusal together, each once", () => {
    const broken = { deals, pipeline: { ...PIPELINE, stages: [PIPELINE.stages[0], PIPELINE.stages[0]] } };
    const result = composeWorkbook([review, { id: "monthly", values: {} }], { deals: broken }, en);
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.errors.map((e) => `${e.field}: ${e.message}`);
    expect(new Set(fields).size).toBe(fields.length);
  });
});

describe("sheet options read from their declarations", () => {
  it("fills defaults, parses typed strings and checks limits", () => {
    expect(readSheetValues("forecast", { horizon: "6" }, {})).toEqual({ ok: true, values: { horizon: 6, window: 3 } });
    expect(readSheetValues("forecast", { horizon: "0" }, {})).toEqual({ ok: false, errors: { horizon: { key: "common.mustBeAtLeast", values: { min: 1 } } } });
    expect(readSheetValues("forecast", { window: "25" }, {})).toEqual({ ok: false, errors: { window: { key: "common.mustBeAtMost", values: { max: 24 } } } });
    expect(readSheetValues("reps", { weightWon: "20" }, {})).toEqual({ ok: false, errors: { weightSatisfaction: { key: "scorecard.weightsSum" } } });
  });

  it("leaves the scorecard's quota blank, in the pane too: the reps are real, and an example quota would make up their attainment", () => {
    expect(readSheetValues("reps", {}, {})).toEqual(expect.objectContaining({ ok: true, values: expect.objectContaining({ quota: null }) }));
    expect(readSheetValues("reps", {}, { examples: true, hasDeals: true })).toEqual(expect.objectContaining({ ok: true, values: expect.objectContaining({ quota: null }) }));
  });

  it("names command-line errors by their flag", () => {
    expect(flagOf("customers", "maxCustomers")).toBe("--customers-max-customers");
    expect(checkSheetOptions({ review: { period: "yearly" }, forecast: { window: "x" } }, "en-US").map((e) => e.field)).toEqual(["--review-period", "--forecast-window"]);
  });
});

describe("creditsFromLines", () => {
  it("adds the lines of the same rep", () => {
    // Ann: 100 + 50 = 150; Bob: 1,200
    expect(creditsFromLines(["Ann, 100", "Bob，1,200", "Ann\t50"], "P")).toEqual({
      periods: ["P"],
      reps: ["Ann", "Bob"],
      credits: [
        { rep: "Ann", period: 0, amount: 150 },
        { rep: "Bob", period: 0, amount: 1200 },
      ],
    });
  });
  it("refuses a line without an amount", () => {
    expect(creditsFromLines(["Ann"], "P")).toBeNull();
  });
});

describe("composeWorkbook: roles the workbook remembers its sheets by", () => {
  it("gives each request's sheets its id as their role, the commission sheets their own, and leaves the planning templates untracked", () => {
    const templates = readSheetValues("templates", {}, {});
    if (!templates.ok) throw new Error("template values");
    const result = composeWorkbook([{ id: "review", values: { period: "monthly" } }, { id: "templates", values: templates.values }], { deals: imported }, en);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.sheets.map((s) => [s.name, s.role])).toEqual([
      ["Deals", "deals"],
      ["Review", "review"],
      ["Action plan", undefined],
    ]);
  });

  it("says which requests a refresh rebuilds: those over the deals, not a funnel of typed counts", () => {
    const typed = readSheetValues("funnel", { source: "typed" }, {});
    const fromDeals = readSheetValues("funnel", { source: "deals" }, { hasDeals: true });
    if (!typed.ok || !fromDeals.ok) throw new Error("funnel values");
    expect(readsDeals({ id: "funnel", values: typed.values })).toBe(false);
    expect(readsDeals({ id: "funnel", values: fromDeals.values })).toBe(true);
    expect(readsDeals({ id: "review", values: { period: "monthly" } })).toBe(true);
  });
});
