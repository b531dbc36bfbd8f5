import { DEFAULT_SETTINGS } from "../../src/taskpane/settings";
import { dealsSource } from "../../src/taskpane/wiring/common";
import { creditsFromLines } from "../../src/taskpane/wiring/commission";
import { fromGenerator } from "../../src/taskpane/wiring/result";
import type { GenerateContext, ImportedData } from "../../src/taskpane/appContext";

const data: ImportedData = { deals: [], pipeline: { stages: [], wonLabels: [], lostLabels: [] }, dealsSheet: "Deals", dealsLocale: "en-US", fileName: "x.csv" };
const context = (locale: "en-US" | "zh-CN", d: ImportedData | null): GenerateContext => ({ locale, settings: DEFAULT_SETTINGS, data: d, writtenCharts: [] });

describe("dealsSource", () => {
  it("reads the Deals sheet already written in the same language", () => {
    expect(dealsSource(context("en-US", data))).toEqual({ dealsSheet: "Deals", includeDeals: false });
  });
  it("bundles a Deals sheet when the written one speaks the other language (its status words differ)", () => {
    expect(dealsSource(context("zh-CN", data))).toEqual({ includeDeals: true });
  });
  it("bundles a Deals sheet when none was written", () => {
    expect(dealsSource(context("en-US", { ...data, dealsSheet: null, dealsLocale: null }))).toEqual({ includeDeals: true });
  });
});

describe("fromGenerator", () => {
  it("passes plans and refusals through, and refuses anything else", () => {
    expect(fromGenerator({ sheets: [] })).toEqual({ ok: true, plan: { sheets: [] } });
    expect(fromGenerator({ ok: false, errors: [{ field: "stages", message: "m" }] })).toEqual({ ok: false, errors: [{ field: "stages", message: "m" }] });
    expect(fromGenerator(undefined).ok).toBe(false);
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
