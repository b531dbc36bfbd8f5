/**
 * The catalogue is the single source: the definitions agree with it, the generated files
 * (functions.ts, zh-CN metadata, docs, help page) are up to date, and zh-CN covers every
 * id and parameter.
 */
import fs from "fs";
import path from "path";
import { CATALOG } from "../../src/functions/catalog";
import { FUNCTION_DEFS } from "../../src/functions/definitions";
import { anchorOf, renderAll } from "../../scripts/generate-docs";

const root = path.resolve(__dirname, "../..");
const CATALOGUE_IDS = [
  "CONVERSION", "FUNNEL", "WINRATE", "ATTAINMENT", "PACE", "PROJECTION", "RUNRATE", "GROWTH", "CAGR",
  "WEIGHTED", "COVERAGE", "VELOCITY", "CYCLE", "CHURN", "RETENTION", "NRR", "GRR", "LTV", "CAC", "NPS",
  "CSAT", "SHARE", "COSTRATIO", "HHI", "FORECAST", "MOVINGAVG", "COMMISSION", "COMMISSION.DEAL",
  "COMMISSION.DETAIL", "DRAW", "SCORE",
];

describe("the function catalogue", () => {
  it("has every function of shared/FUNCTIONS.md, once", () => {
    expect(CATALOG.map((e) => e.id)).toEqual(CATALOGUE_IDS);
    expect(FUNCTION_DEFS.map((d) => d.id)).toEqual(CATALOGUE_IDS);
  });
  it("documents exactly the parameters the runner reads, in order", () => {
    for (const entry of CATALOG) {
      const def = FUNCTION_DEFS.find((d) => d.id === entry.id)!;
      expect([entry.id, entry.params.map((p) => p.name)]).toEqual([entry.id, def.params.map((p) => p.name)]);
      expect([entry.id, entry.params.map((p) => !!p.optional)]).toEqual([entry.id, def.params.map((p) => !!p.optional)]);
    }
  });
  it("keeps the catalogue's argument orders", () => {
    const names = (id: string) => CATALOG.find((e) => e.id === id)!.params.map((p) => p.name);
    expect(names("PACE")).toEqual(["actual", "target", "elapsed", "period_length"]);
    expect(names("LTV")).toEqual(["arpu", "gross_margin", "churn_rate", "discount_rate", "acquisition_cost"]);
    expect(names("COMMISSION")).toEqual(["amount", "thresholds", "rates", "method", "cap"]);
    expect(names("SCORE")).toEqual(["actuals", "targets", "weights", "cap", "lower_is_better"]);
    expect(names("FORECAST")).toEqual(["x", "known_values", "known_periods"]);
  });
  it("has a description, example and errors in both languages for every function", () => {
    for (const e of CATALOG) {
      expect(e.description.en.length).toBeGreaterThan(10);
      expect(e.description.zh).toMatch(/[\u4e00-\u9fff]/);
      for (const p of e.params) expect([e.id, p.name, p.zh]).toEqual([e.id, p.name, expect.stringMatching(/[\u4e00-\u9fff]/)]);
      expect(e.errors.length).toBeGreaterThan(0);
      expect(e.example.formula.startsWith(`=SALES.${e.id}(`)).toBe(true);
    }
  });
});

describe("generated files", () => {
  const rendered = renderAll();
  it.each(Object.keys(rendered))("%s is up to date (run npm run docs)", (file) => {
    expect(fs.readFileSync(path.join(root, file), "utf8")).toBe(rendered[file]);
  });
  it("gives every function its help anchor", () => {
    const html = rendered["src/help/functions.html"];
    const mdText = rendered["docs/functions.md"];
    for (const e of CATALOG) {
      expect(html).toContain(`id="${anchorOf(e.id)}"`);
      expect(mdText).toContain(`<a id="${anchorOf(e.id)}"></a>`);
    }
    expect(anchorOf("COMMISSION.DEAL")).toBe("commission-deal");
  });
});

describe("zh-CN function metadata", () => {
  const zh: Record<string, { description: string; parameters: Record<string, string> }> = JSON.parse(
    fs.readFileSync(path.join(root, "src/i18n/functions-zh-CN.json"), "utf8"),
  );
  it("has the same ids and parameter names as en-US", () => {
    expect(Object.keys(zh)).toEqual(CATALOG.map((e) => e.id));
    for (const e of CATALOG) expect(Object.keys(zh[e.id].parameters)).toEqual(e.params.map((p) => p.name));
  });
  it("fails the build's merge when an id or a parameter is missing", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { localizeFunctionsMetadata } = require("../../scripts/build-helpers");
    const en = {
      functions: CATALOG.map((e) => ({ id: e.id, name: e.id, description: e.description.en, parameters: e.params.map((p) => ({ name: p.name })) })),
    };
    expect(() => localizeFunctionsMetadata(en, zh)).not.toThrow();
    const { ATTAINMENT: _dropped, ...withoutOne } = zh;
    expect(() => localizeFunctionsMetadata(en, withoutOne)).toThrow(/ATTAINMENT/);
    const noParam = { ...zh, PACE: { ...zh.PACE, parameters: { ...zh.PACE.parameters, elapsed: "" } } };
    expect(() => localizeFunctionsMetadata(en, noParam)).toThrow(/PACE\(elapsed\)/);
  });
});
