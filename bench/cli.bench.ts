/**
 * The whole command line, as a user runs it: `salesquant build` on a 100,000-row Zoho export
 * (about 16 MB), in a child process, timed from start to exit (start-up included), as a ratio
 * to papaparse alone parsing the same text in this process (the shortest of eight runs each,
 * the two interleaved);
 * and the child's peak resident memory as a multiple of the file, whole and above what the
 * CLI takes before reading a byte
 * (Node and its modules, about 60 MB, measured on `--help`). bin/salesquant.js runs the
 * compiled CLI when build/cli is current (`npm run bench` runs `npm run build`, which
 * compiles it), else the sources through ts-node; each line says which one it measured.
 * With SALESQUANT_BENCH_MILLION=1 it also builds an export at Excel's limit (1,048,575 rows,
 * about 170 MB): its time and peak memory (several minutes).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Papa from "papaparse";
import { performance } from "perf_hooks";
import { selectEntry } from "../bin/select";
import { renderZoho } from "../tests/fixtures/generateExports";

const ROOT = path.resolve(__dirname, "..");

/** papaparse alone parsing `text`, once (ms). */
function papaparseTime(text: string): number {
  const start = performance.now();
  Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  return performance.now() - start;
}

/** Runs the CLI with `args`: wall time (ms) and the child's peak resident memory (bytes). */
function salesquant(args: string[]): { ms: number; peak: number } {
  const start = performance.now();
  const run = spawnSync(process.execPath, ["-r", path.join(__dirname, "support", "maxrss.cjs"), path.join(ROOT, "bin", "salesquant.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`salesquant ${args[0]} failed (${run.status}): ${run.stderr}`);
  const kb = Number(/maxrss-kb (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { ms, peak: kb * 1024 };
}

/**
 * Builds and papaparse runs of the 100,000-row export: one run of either swings by a third on
 * this kind of machine (papaparse alone from 0.26 to 0.6 s); with five of each, the ratio of
 * the shortest read anywhere from 12.7x to 22.4x within an hour.
 */
const RUNS = 8;

/**
 * The build of `input`, `runs` times, each followed by a papaparse run over `text` when given
 * (the two interleaved, so that a slow period of the machine slows both): the shortest time
 * of each (the least disturbed by the rest of the machine) and the highest peak. The same
 * number of each: the shortest of more runs is shorter, so a baseline given more runs than
 * the build would raise the ratio by the count alone.
 */
function build(input: string, out: string, runs: number, text?: string): { ms: number; peak: number; papa: number } {
  const all: { ms: number; peak: number }[] = [];
  const papa: number[] = [];
  for (let i = 0; i < runs; i++) {
    all.push(salesquant(["build", "--input", input, "--out", out, "--quiet"]));
    if (text !== undefined) papa.push(papaparseTime(text));
  }
  return { ms: Math.min(...all.map((r) => r.ms)), peak: Math.max(...all.map((r) => r.peak)), papa: Math.min(...papa) };
}

/**
 * The CLI's memory before it reads a byte (Node and the CLI's modules, measured on
 * `salesquant --help`): a fixed cost, about 60 MB, that is already 3.6x a 16 MB file.
 */
function restingPeak(): number {
  return salesquant(["--help"]).peak;
}

let resting: number | undefined;

/** Peak memory as a multiple of the file, whole and above the resting CLI. */
function memory(peak: number, fileBytes: number): string {
  resting ??= restingPeak();
  const above = (peak - resting) / fileBytes;
  return `${(peak / fileBytes).toFixed(1)}x the file (${above.toFixed(1)}x above the ${(resting / 1048576).toFixed(0)} MB the CLI takes at rest)`;
}

async function measure(rows: number, dir: string, withBaseline: boolean): Promise<void> {
  const fixture = renderZoho(1, rows);
  const input = path.join(dir, `export-${rows}.csv`);
  fs.writeFileSync(input, fixture.bytes);
  const megabytes = fixture.bytes.length / 1048576;
  const entry = selectEntry(ROOT).kind === "compiled" ? "compiled CLI" : "ts-node, no current build/cli";
  const text = withBaseline ? new TextDecoder("utf-8").decode(fixture.bytes) : undefined;
  const { ms, peak, papa } = build(input, path.join(dir, `book-${rows}.xlsx`), withBaseline ? RUNS : 1, text);
  const label = `salesquant build (${entry}), ${rows.toLocaleString("en-US")} rows (${megabytes.toFixed(0)} MB)`;
  if (withBaseline) {
    console.log(`${label} / papaparse alone: ${(ms / papa).toFixed(1)}x; peak memory ${memory(peak, fixture.bytes.length)}`);
  } else {
    console.log(`${label}: ${(ms / 1000).toFixed(0)} s, peak memory ${(peak / 1048576).toFixed(0)} MB (${memory(peak, fixture.bytes.length)})`);
  }
}

export default async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "salesquant-cli-bench-"));
  try {
    await measure(100_000, dir, true);
    if (process.env.SALESQUANT_BENCH_MILLION === "1") await measure(1_048_575, dir, false);
    else console.log("(SALESQUANT_BENCH_MILLION=1 adds the build of a 1,048,575-row export)");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
