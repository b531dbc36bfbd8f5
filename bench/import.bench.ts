/**
 * Import speed and memory on a 100,000-row export (about 16 MB), generated in memory:
 * - import (decode + parse + normalize) time as a ratio to papaparse alone parsing the same text;
 * - the same for the sliced import the task pane uses (`slices: true`: a macrotask between
 *   slices), against the same papaparse baseline;
 * - heap used at the peak of the import (sampled from the progress callback) and retained
 *   after it, as multiples of the file size;
 * - the full build (import + every sheet planned + .xlsx written) as a ratio to papaparse.
 */
import Papa from "papaparse";
import { performance } from "perf_hooks";
import { parseCrmExport } from "../src/import/normalize";
import { planWorkbook } from "../src/compose/workbook";
import { writeXlsxBuffer } from "../src/workbook/xlsx/writeXlsx";
import { renderZoho } from "../tests/fixtures/generateExports";

function gc(): void {
  const collect = (global as { gc?: () => void }).gc;
  if (collect) collect();
}

function best(times: number[]): number {
  return Math.min(...times);
}

export default async function run(): Promise<void> {
  const rows = 100000;
  const fixture = renderZoho(1, rows);
  const bytes = fixture.bytes;
  const text = new TextDecoder("utf-8").decode(bytes);
  const megabytes = bytes.length / 1048576;
  console.log(`export: ${rows.toLocaleString("en-US")} rows, ${megabytes.toFixed(1)} MB (Zoho CSV, UTF-8 with BOM)`);

  const papaTimes: number[] = [];
  const importTimes: number[] = [];
  const slicedTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    gc();
    let start = performance.now();
    const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
    papaTimes.push(performance.now() - start);
    if (parsed.data.length < rows) throw new Error("papaparse read too few rows");
    gc();
    start = performance.now();
    const result = await parseCrmExport(bytes);
    importTimes.push(performance.now() - start);
    if (result.stats.records !== rows) throw new Error("import read a different number of rows");
    gc();
    start = performance.now();
    const sliced = await parseCrmExport(bytes, { slices: true });
    slicedTimes.push(performance.now() - start);
    if (sliced.stats.records !== rows) throw new Error("the sliced import read a different number of rows");
  }
  const papa = best(papaTimes);
  const imported = best(importTimes);
  console.log(`import / papaparse alone: ${(imported / papa).toFixed(2)}x (best of 3 each; aim <= 3x)`);
  console.log(`sliced import (task pane) / papaparse alone: ${(best(slicedTimes) / papa).toFixed(2)}x (best of 3 each)`);

  gc();
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  const result = await parseCrmExport(bytes, {
    onProgress: () => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    },
  });
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  gc();
  const retained = process.memoryUsage().heapUsed - baseHeap;
  console.log(
    `import heap: peak +${((peakHeap - baseHeap) / bytes.length).toFixed(1)}x the file, retained (the deals) +${(retained / bytes.length).toFixed(1)}x the file` +
      ((global as { gc?: unknown }).gc ? "" : " (run node with --expose-gc for steadier numbers)"),
  );

  const start = performance.now();
  const composed = planWorkbook(result.deals, result.pipeline, { locale: "en-US", currency: "USD", issues: result.issues });
  if (!composed.ok) throw new Error("the workbook could not be planned");
  const plan = composed.plan;
  const planned = performance.now() - start;
  console.log(`plan every sheet / papaparse alone: ${(planned / papa).toFixed(2)}x`);
  const writeStart = performance.now();
  const xlsx = await writeXlsxBuffer(plan);
  const written = performance.now() - writeStart;
  console.log(`write the .xlsx (${(xlsx.length / 1048576).toFixed(1)} MB) / papaparse alone: ${(written / papa).toFixed(1)}x`);
  console.log(`full build (import + plan + write) / papaparse alone: ${((imported + planned + written) / papa).toFixed(1)}x`);
}

if (require.main === module) void run();
