import { execFile } from "child_process";
import { promises as fs, readFileSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { SHARED_STRINGS_LIMIT } from "../../../src/workbook/xlsx/sheetRows";
import { writeXlsxFile } from "../../../src/workbook/xlsx/writeXlsx";
import { dealsPlan } from "./dealsPlan";

/**
 * A Deals export at Excel's row limit: a header and 1,048,575 rows of 16 columns (15 values
 * and a formula), with a table over all of it. The plan's rows are generated as they are read
 * (dealsPlan.ts), so the process's peak resident memory shows what the writer needs. The
 * package is read back by `unzip`, not by the writer's own reader.
 */
const ROWS = 1_048_575;
const LAST = ROWS + 1;
/**
 * How much the process's resident memory may grow while the workbook is written. Growth, not
 * the peak: Jest runs the integration files one after another in one worker, which keeps
 * what earlier files left (its peak was 734 MB in CI when this file came after the
 * LibreOffice and browser tests, 300 MB alone). The writer with a shared strings table that
 * grew with the sheet made it grow by about 500 MB.
 */
const GROWTH_LIMIT = 320 * 1024 ** 2;

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

const vmHwmBytes = (): number =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))![1]) * 1024;

/**
 * Sets the process's peak resident memory (VmHWM) back to what it holds now (Linux 4.0 and
 * later: proc(5), /proc/pid/clear_refs); false where that is refused.
 */
function resetPeak(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

describe("an .xlsx at Excel's row limit", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-million-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes 1,048,576 rows in bounded memory, and the last row reads back", async () => {
    const file = path.join(dir, "deals.xlsx");
    const before = process.memoryUsage().rss;
    const exactPeak = resetPeak();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 25);
    const started = Date.now();
    try {
      await writeXlsxFile(dealsPlan(ROWS), file);
    } finally {
      clearInterval(sampler);
    }
    const seconds = (Date.now() - started) / 1000;
    const size = (await fs.stat(file)).size;
    // The peak since the reset when the kernel allows it, else the sampled one.
    const highest = exactPeak ? Math.max(peak, vmHwmBytes()) : peak;
    console.log(
      `1,048,576 rows x 16: ${(size / 1048576).toFixed(0)} MB in ${seconds.toFixed(0)} s; ` +
        `RSS ${(before / 1048576).toFixed(0)} MB before, peak ${(highest / 1048576).toFixed(0)} MB (${exactPeak ? "VmHWM" : "sampled"})`,
    );
    expect(highest - before).toBeLessThan(GROWTH_LIMIT);

    // Every part inflates and matches its CRC.
    await run("unzip", ["-tq", file]);
    const parts = await run("zipinfo", ["-1", file]);
    expect(parts).toContain("xl/tables/table1.xml");
    const table = await run("unzip", ["-p", file, "xl/tables/table1.xml"]);
    expect(table).toContain(`ref="A1:P${LAST}"`);
    const sheetTail = await run("sh", [
      "-c",
      `unzip -p "${file}" xl/worksheets/sheet1.xml | tail -c 6000`,
    ]);
    const lastRow = /<row r="1048576"[^>]*>(.*?)<\/row>/.exec(sheetTail)?.[1] ?? "";
    const i = ROWS - 1;
    expect(lastRow).toContain(`<c r="E${LAST}" s="`);
    expect(lastRow).toContain(`<v>${1000 + (i % 997) * 13.5}</v>`);
    // The formula filled down G is written once per window of rows and shared below it: the
    // last row shares the one written on the first row of its window, whose range ends here.
    const follower = /<c r="G1048576"[^>]*><f t="shared" si="(\d+)"\/><\/c>/.exec(lastRow);
    expect(follower).not.toBeNull();
    // The last window (at most 1,024 rows of about 600 bytes) is within the last 2 MB.
    const lastWindow = await run("sh", ["-c", `unzip -p "${file}" xl/worksheets/sheet1.xml | tail -c 2000000`]);
    const first = new RegExp(`<f t="shared" ref="G(\\d+):G${LAST}" si="${follower![1]}">([^<]*)</f>`).exec(lastWindow);
    expect(first).not.toBeNull();
    const [, top, text] = first!;
    expect(text).toBe(`E${top}*F${top}`);
    expect(LAST - Number(top)).toBeLessThan(1024);
    expect(lastRow).toContain(`<c r="P${LAST}"`);
    expect(sheetTail).toMatch(
      /<\/sheetData>.*<tableParts count="1"><tablePart r:id="rId\d+"\/><\/tableParts><\/worksheet>$/s,
    );
    // The shared strings table stops at its bound: the last deal's id and note are written in
    // their cells, so the table (and the writer's memory) does not grow with the rows.
    expect(lastRow).toContain(`<c r="A${LAST}" t="inlineStr"><is><t>D-${1_000_000 + i}</t></is></c>`);
    expect(lastRow).toContain(`<is><t>Note ${i}</t></is>`);
    const strings = await run("sh", ["-c", `unzip -p "${file}" xl/sharedStrings.xml | head -c 300`]);
    expect(strings).toContain(`uniqueCount="${SHARED_STRINGS_LIMIT.texts}"`);
  });
});
