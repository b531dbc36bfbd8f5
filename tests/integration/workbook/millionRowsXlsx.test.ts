import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { SHARED_STRINGS_LIMIT } from "../../../src/workbook/xlsx/sheetRows";

/**
 * A Deals export at Excel's row limit: a header and 1,048,575 rows of 16 columns (15 values
 * and a formula), with a table over all of it. The plan's rows are generated as they are read
 * (dealsPlan.ts), so the writing process's memory shows what the writer needs. The
 * package is read back by `unzip`, not by the writer's own reader.
 */
const ROWS = 1_048_575;
const LAST = ROWS + 1;
/**
 * The write runs in a process of its own (writeMeasured.cjs) whose V8 heap is capped at
 * HEAP_MB: the writer must fit in it whatever the number of rows, and a writer whose shared
 * strings table grew with the sheet runs out of it (the test shows both). Memory measured as a
 * Jest worker's growth was not a bound: it swung between 140 and 340 MB from run to run, with
 * what earlier test files left and when V8 chose to collect.
 */
const HEAP_MB = 128;
/** How much the capped process's resident memory may grow while it writes (about 45 MB). */
const GROWTH_LIMIT = 320 * 1024 ** 2;
const MEASURED = path.join(__dirname, "writeMeasured.cjs");

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

/** Writes `rows` rows to `file` in a capped process: what it measured, or how it failed. */
function writeCapped(file: string, rows: number, table?: "unbounded"): Promise<{ before: number; peak: number; exact: boolean; seconds: number } | { failed: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, MEASURED, file, String(rows), ...(table ? [table] : [])],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve(error ? { failed: `${error.message}\n${stderr.slice(-2000)}` } : JSON.parse(stdout)),
    ),
  );
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
    const written = await writeCapped(file, ROWS);
    if ("failed" in written) throw new Error(`The write did not fit in a ${HEAP_MB} MB heap: ${written.failed}`);
    const size = (await fs.stat(file)).size;
    console.log(
      `1,048,576 rows x 16 in a ${HEAP_MB} MB heap: ${(size / 1048576).toFixed(0)} MB in ${written.seconds.toFixed(0)} s; ` +
        `RSS ${(written.before / 1048576).toFixed(0)} MB before, peak ${(written.peak / 1048576).toFixed(0)} MB (${written.exact ? "VmHWM" : "sampled"})`,
    );
    expect(written.peak - written.before).toBeLessThan(GROWTH_LIMIT);

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

  it("is a bound a shared strings table that grows with the sheet does not fit in", async () => {
    const written = await writeCapped(path.join(dir, "unbounded.xlsx"), ROWS, "unbounded");
    expect("failed" in written && /heap out of memory/i.test(written.failed)).toBe(true);
  });
});
