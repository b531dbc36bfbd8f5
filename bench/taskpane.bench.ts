/**
 * Task pane bench: the gzipped size of what the task pane loads first and of functions.js
 * against their budgets, and the preview's time to interactive in headless Chromium as a
 * ratio to a blank Fluent page built and measured in the same run.
 *
 * Needs a build in dist/ (`npm run bench` builds first).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { createServer } from "http";
import { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize, resolve } from "path";
import { gzipSync } from "zlib";
import { launchChromium } from "../tests/integration/e2e/support";

const ROOT = resolve(__dirname, "..");
/** SALESQUANT_DIST points the bench at another build directory. */
const DIST = process.env.SALESQUANT_DIST ? resolve(process.env.SALESQUANT_DIST) : join(ROOT, "dist");
const KB = 1024;
const BUDGET_TASKPANE = 200 * KB;
const BUDGET_FUNCTIONS = 40 * KB;

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** Local scripts a page loads from its HTML (the initial chunks). */
function initialScripts(html: string): string[] {
  return [...readFileSync(join(DIST, html), "utf8").matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

function sizes(): void {
  const scripts = initialScripts("taskpane.html");
  const taskpane = scripts.reduce((sum, src) => sum + gz(join(DIST, src)), 0);
  const text = scripts.map((src) => readFileSync(join(DIST, src), "utf8")).join("\n");
  console.log(`task pane initial JS (${scripts.join(", ")}): ${(taskpane / KB).toFixed(1)} KB gzipped = ${(taskpane / BUDGET_TASKPANE).toFixed(2)} x budget (200 KB) ${taskpane < BUDGET_TASKPANE ? "OK" : "OVER"}`);
  console.log(`task pane initial JS contains HyperFormula: ${/hyperformula/i.test(text) ? "YES (must not)" : "no"}`);
  const functions = join(DIST, "functions.js");
  if (existsSync(functions)) {
    const size = gz(functions);
    console.log(`functions.js: ${(size / KB).toFixed(1)} KB gzipped = ${(size / BUDGET_FUNCTIONS).toFixed(2)} x budget (40 KB) ${size < BUDGET_FUNCTIONS ? "OK" : "OVER"}`);
  } else {
    console.log("functions.js: not built");
  }
}

/** Builds a page with only React and a Fluent button: the baseline for time to interactive. */
async function buildBlankFluentPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "salesquant-blank-"));
  const entry = join(dir, "blank.js");
  writeFileSync(
    entry,
    [
      'import * as React from "react";',
      'import { createRoot } from "react-dom/client";',
      'import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";',
      'createRoot(document.getElementById("root")).render(',
      '  React.createElement(FluentProvider, { theme: webLightTheme }, React.createElement(Button, { "data-testid": "ready", onClick: () => { document.body.dataset.clicked = "1"; } }, "Ready")),',
      ");",
    ].join("\n"),
  );
  writeFileSync(join(dir, "blank.html"), '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="root"></div><script src="blank.js"></script></body></html>');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack");
  await new Promise<void>((ok, fail) =>
    webpack(
      {
        mode: "production",
        entry,
        output: { path: dir, filename: "blank.js" },
        resolve: { modules: [join(ROOT, "node_modules")] },
        performance: { hints: false },
      },
      (error: Error | null, stats: { hasErrors(): boolean; toString(): string }) => (error || stats.hasErrors() ? fail(error ?? new Error(stats.toString())) : ok()),
    ),
  );
  return dir;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".csv": "text/csv", ".json": "application/json" };

async function timeToInteractive(): Promise<void> {
  if (!existsSync(join(DIST, "preview.html"))) {
    console.log("preview time to interactive: preview not built");
    return;
  }
  const blankDir = await buildBlankFluentPage();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0]));
    const [base, rel] = path.startsWith("/blank/") ? [blankDir, path.slice("/blank/".length)] : [DIST, path.slice(1)];
    const file = join(base, rel);
    if (!file.startsWith(base) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const context = await launchChromium();
  const measure = async (path: string, interact: (page: import("playwright-core").Page) => Promise<void>): Promise<number> => {
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(url + path);
    await interact(page);
    const elapsed = Date.now() - start;
    await page.close();
    return elapsed;
  };
  const blank = (page: import("playwright-core").Page) => page.getByTestId("ready").click();
  const preview = async (page: import("playwright-core").Page) => {
    await page.getByTestId("nav-data").click();
    await page.getByTestId("pane-data").waitFor({ state: "visible" });
  };
  const blankTimes: number[] = [];
  const previewTimes: number[] = [];
  try {
    await measure("blank/blank.html", blank);
    await measure("preview.html", preview);
    for (let i = 0; i < 5; i++) {
      blankTimes.push(await measure("blank/blank.html", blank));
      previewTimes.push(await measure("preview.html", preview));
    }
  } finally {
    await context.close();
    server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratio = median(previewTimes) / Math.max(1, median(blankTimes));
  console.log(`preview time to interactive (task pane + workbook, first click handled) / blank Fluent page: ${ratio.toFixed(2)} x (median of 5, warm cache, headless Chromium)`);
}

export default async function run(): Promise<void> {
  sizes();
  await timeToInteractive();
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
