/**
 * The layers of src/ (layers.config.cjs): every import, static or dynamic, goes from a folder
 * to one it may use, the folders form no cycle, and ESLint refuses a file that breaks a layer.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";

const ROOT = path.resolve(__dirname, "../..");
// The layers are a CommonJS file so that ESLint's configuration and this test read the same list.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LAYERS: Record<string, string[]> = require(path.join(ROOT, "layers.config.cjs"));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Folder-to-folder imports of src/, each with the file and the specifier that make it. */
function folderImports(): { from: string; to: string; where: string }[] {
  const edges: { from: string; to: string; where: string }[] = [];
  const src = path.join(ROOT, "src");
  for (const file of sourceFiles(src)) {
    const text = fs.readFileSync(file, "utf8");
    const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?|\bimport\s+)"(\.[^"]+)"/g;
    for (let m = specifiers.exec(text); m; m = specifiers.exec(text)) {
      const target = path.relative(src, path.resolve(path.dirname(file), m[1]));
      const from = path.relative(src, file).split(path.sep)[0];
      const to = target.split(path.sep)[0];
      if (from !== to) edges.push({ from, to, where: `${path.relative(ROOT, file)} -> ${m[1]}` });
    }
  }
  return edges;
}

describe("the layers of src/", () => {
  const edges = folderImports();

  it("finds the imports it checks (the scan is not empty)", () => {
    expect(edges.length).toBeGreaterThan(50);
    expect(edges.some((e) => e.from === "taskpane" && e.to === "compose")).toBe(true);
  });

  it("lets every folder import only the folders its layer allows", () => {
    const breaks = edges.filter((e) => e.from in LAYERS && !LAYERS[e.from].includes(e.to)).map((e) => e.where);
    expect(breaks).toEqual([]);
  });

  it("has no cycle between folders", () => {
    const next = new Map<string, Set<string>>();
    for (const e of edges) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
    const cycles: string[] = [];
    const visit = (folder: string, trail: string[]) => {
      if (trail.includes(folder)) {
        cycles.push([...trail.slice(trail.indexOf(folder)), folder].join(" -> "));
        return;
      }
      for (const to of next.get(folder) ?? []) visit(to, [...trail, folder]);
    };
    for (const folder of next.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
  });

  it("names every folder of src/ in the layers (a new folder must say where it sits)", () => {
    const folders = fs.readdirSync(path.join(ROOT, "src"), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== "help").map((e) => e.name);
    expect(folders.filter((f) => !(f in LAYERS))).toEqual([]);
  });
});

describe("npm run lint refuses a layer break", () => {
  // ESLint as `npm run lint` runs it (its config is an ES module), on a file given on stdin.
  const lint = async (file: string, code: string) => {
    const bin = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
    const run = spawnSync(process.execPath, [bin, "--stdin", "--stdin-filename", file, "--format", "json"], { cwd: ROOT, input: code, encoding: "utf8" });
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
  };

  it("core importing compose, or a UI library", async () => {
    expect(await lint("src/core/probe.ts", 'import { planWorkbook } from "../compose/workbook";\nexport const x = planWorkbook;\n')).toHaveLength(1);
    expect(await lint("src/core/probe.ts", 'import * as React from "react";\nexport const x = React;\n')).toHaveLength(1);
  });

  it("a generator importing a writer or the task pane", async () => {
    expect(await lint("src/generators/probe.ts", 'import { writeXlsxBuffer } from "../workbook/xlsx/writeXlsx";\nexport const x = writeXlsxBuffer;\n')).toHaveLength(0);
    expect(await lint("src/generators/probe.ts", 'import { App } from "../taskpane/App";\nexport const x = App;\n')).toHaveLength(1);
  });

  it("the task pane reaching a writer or a host implementation instead of the host interface", async () => {
    expect(await lint("src/taskpane/panes/probe.ts", 'import { writePlan } from "../../workbook/office/writePlan";\nexport const x = writePlan;\n')).toHaveLength(1);
    expect(await lint("src/taskpane/probe.ts", 'import { createOfficeHost } from "../host/office";\nexport const x = createOfficeHost;\n')).toHaveLength(1);
    expect(await lint("src/taskpane/probe.ts", 'import type { TaskPaneHost } from "../host/types";\nexport type X = TaskPaneHost;\n')).toHaveLength(0);
  });

  it("HyperFormula outside the preview workbook", async () => {
    expect(await lint("src/taskpane/probe.ts", 'import { HyperFormula } from "hyperformula";\nexport const x = HyperFormula;\n')).toHaveLength(1);
  });
});
