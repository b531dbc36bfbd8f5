/**
 * The built add-in in dist/ (npm test builds first): the files Excel loads, the functions
 * metadata in both languages, and functions.js loaded where only CustomFunctions exists.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { loadBuiltFunctions, StubError, FunctionMetadata } from "../harness/excelRuntime";

const dist = path.resolve(__dirname, "../../dist");
const schemas = process.env.OFFICE_SCHEMAS ?? path.resolve(__dirname, "../../schemas/office");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(dist, file), "utf8"));

describe("npm run build", () => {
  it.each([
    "taskpane.html",
    "taskpane.js",
    "functions.html",
    "functions.js",
    "functions.json",
    "functions.zh-CN.json",
    "commands.html",
    "commands.js",
    "preview.html",
    "manifest.xml",
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
    "help/functions.html",
  ])("writes dist/%s", (file) => {
    expect(fs.existsSync(path.join(dist, file))).toBe(true);
  });

  it("writes a manifest that is valid against the Office schema", () => {
    expect(() =>
      execFileSync("xmllint", ["--noout", "--schema", path.join(schemas, "OfficeAppManifestV1_1.xsd"), path.join(dist, "manifest.xml")], {
        stdio: ["ignore", "pipe", "pipe"],
      }),
    ).not.toThrow();
  });

  it.each(["taskpane.html", "functions.html", "commands.html", "preview.html"])("keeps %s's Content-Security-Policy", (file) => {
    const html = fs.readFileSync(path.join(dist, file), "utf8");
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(csp?.[1]).toMatch(/script-src 'self'( https:\/\/appsforoffice\.microsoft\.com)?;/);
    if (file === "preview.html") expect(html).not.toMatch(/<script[^>]*src="https?:/);
  });

  it("loads functions.html's script from the same build", () => {
    const html = fs.readFileSync(path.join(dist, "functions.html"), "utf8");
    expect(html).toContain("functions.js");
    expect(html).toContain("custom-functions-runtime.js");
  });
});

describe("functions metadata", () => {
  const en: { functions: FunctionMetadata[] } = readJson("functions.json");
  const zh: { functions: FunctionMetadata[] } = readJson("functions.zh-CN.json");

  it("describes every function and every parameter in en-US", () => {
    expect(en.functions.length).toBeGreaterThanOrEqual(2);
    for (const fn of en.functions) {
      expect(fn.description?.trim()).toBeTruthy();
      for (const p of fn.parameters) expect(p.description?.trim()).toBeTruthy();
    }
  });

  it("has zh-CN text for the same ids, names and parameters", () => {
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    zh.functions.forEach((fn, i) => {
      expect(fn.name).toBe(en.functions[i].name);
      expect(fn.parameters.map((p) => p.name)).toEqual(en.functions[i].parameters.map((p) => p.name));
      expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of fn.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it("keeps CONVERSION and ATTAINMENT with their catalogue arguments", () => {
    const byId = new Map(en.functions.map((f) => [f.id, f]));
    expect(byId.get("CONVERSION")?.parameters.map((p) => p.name)).toEqual(["converted", "total"]);
    expect(byId.get("ATTAINMENT")?.parameters.map((p) => p.name)).toEqual(["actual", "target"]);
  });
});

describe("dist/functions.js in the JavaScript-only runtime", () => {
  const runtime = loadBuiltFunctions(dist);

  it("registers every function of functions.json, and nothing else", () => {
    expect([...runtime.ids].sort()).toEqual(runtime.metadata.functions.map((f) => f.id).sort());
  });

  it("computes CONVERSION over a column in one call", () => {
    // 1/4 = 0.25 and 2/4 = 0.5: a single cell (the total) pairs with every cell of the column.
    expect(runtime.call("CONVERSION", [[1], [2]], [[4]])).toEqual([[0.25], [0.5]]);
  });

  it("returns Excel's errors for ATTAINMENT's bad inputs", () => {
    const zeroTarget = runtime.call("ATTAINMENT", [[5]], [[0]]);
    const flat = (v: unknown) => (Array.isArray(v) ? (v as unknown[][])[0][0] : v);
    expect(flat(zeroTarget)).toBeInstanceOf(StubError);
    expect((flat(zeroTarget) as StubError).code).toBe("#DIV/0!");
    expect((flat(runtime.call("ATTAINMENT", [[5]], [[-1]])) as StubError).code).toBe("#NUM!");
    expect((flat(runtime.call("ATTAINMENT", [["12"]], [[10]])) as StubError).code).toBe("#VALUE!");
  });
});
