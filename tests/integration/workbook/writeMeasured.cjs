/*
 * Writes the row-limit Deals plan (dealsPlan.ts) to the .xlsx file named by argv[2], with
 * argv[3] rows, in a process of its own, and prints on stdout, as JSON, its resident memory
 * just before the write and its peak during the write (VmHWM, reset before the write where
 * the kernel allows it; sampled otherwise). A process of its own: the growth of a Jest
 * worker's memory also depends on what the tests before it left.
 */
/* global setInterval, clearInterval */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "../../..");
require(path.join(root, "node_modules/ts-node")).register({
  transpileOnly: true,
  project: path.join(root, "tsconfig.json"),
  compilerOptions: { module: "commonjs" },
});
const { writeXlsxFile } = require(path.join(root, "src/workbook/xlsx/writeXlsx"));
const { dealsPlan } = require(path.join(__dirname, "dealsPlan"));

const vmHwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"))[1]) * 1024;

async function main() {
  const [file, rows] = [process.argv[2], Number(process.argv[3])];
  const plan = dealsPlan(rows);
  const before = process.memoryUsage().rss;
  let exact = true;
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    exact = false;
  }
  let sampled = before;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 25);
  const started = Date.now();
  try {
    // "unbounded": a shared strings table that grows with the sheet, as the writer had.
    await writeXlsxFile(plan, file, process.argv[4] === "unbounded" ? { sharedStrings: { texts: Infinity, chars: Infinity } } : {});
  } finally {
    clearInterval(sampler);
  }
  const peak = exact ? Math.max(sampled, vmHwm()) : sampled;
  process.stdout.write(JSON.stringify({ before, peak, exact, seconds: (Date.now() - started) / 1000 }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exitCode = 1;
});
