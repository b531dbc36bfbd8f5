/**
 * The xlsx writer on a Deals export of 100,000 and of 1,048,575 rows x 16 columns (Excel's
 * row limit with the header), rows generated as they are read (tests/integration/workbook/
 * dealsPlan.ts):
 * - time as a ratio to ExcelJS's streaming writer writing the same cells with no formatting,
 *   no table and no second pass;
 * - peak resident memory growth during the write, as a multiple of the .xlsx size.
 * Each write runs in a child process of its own (same Node flags), so each has its own peak.
 */
import { execFileSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { writeXlsxFile } from "../src/workbook/xlsx/writeXlsx";
import { dealRow, dealsPlan, DEALS_HEADER } from "../tests/integration/workbook/dealsPlan";

const SIZES = [100_000, 1_048_575];

const vmHwm = (): number =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))![1]) * 1024;

interface Measured {
  s: number;
  /** Peak resident memory (VmHWM) above the resident memory before the write. */
  peakGrowth: number;
  size: number;
}

/** One write in this process (run as a child: each write gets its own peak memory). */
async function measureHere(
  kind: "ours" | "baseline",
  rows: number,
  file: string,
): Promise<Measured> {
  const start = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  if (kind === "ours") await writeXlsxFile(dealsPlan(rows), file);
  else await excelJsBaseline(rows, file);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return { s, peakGrowth: vmHwm() - start, size: (await fs.stat(file)).size };
}

/** The write in a child process of its own, so neither write inherits the other's heap. */
function measured(kind: "ours" | "baseline", rows: number, file: string): Measured {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, __filename, "--child", kind, String(rows), file],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split("\n").pop()!) as Measured;
}

/** Plain ExcelJS streaming, as its documentation shows it: addRow, commit. */
async function excelJsBaseline(rows: number, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet("Deals");
  sheet.addRow(DEALS_HEADER).commit();
  for (let i = 0; i < rows; i++) {
    const values = dealRow(i).map((c) =>
      c !== null && typeof c === "object" ? { formula: c.f.slice(1) } : c,
    );
    sheet.addRow(values as ExcelJS.CellValue[]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

/** Runs the sizes given (default 100,000 and 1,048,575 rows); run directly, it takes them from argv. */
export default async function run(sizes: number[] = SIZES): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-bench-xlsx-"));
  try {
    for (const rows of sizes) {
      const baselineFile = path.join(dir, "baseline.xlsx");
      const oursFile = path.join(dir, "deals.xlsx");
      const baseline = measured("baseline", rows, baselineFile);
      await fs.rm(baselineFile);
      const ours = measured("ours", rows, oursFile);
      const size = ours.size;
      await fs.rm(oursFile);
      console.log(
        `xlsx writer, ${rows.toLocaleString("en-US")} rows x 16: time / ExcelJS unformatted streaming = ${(ours.s / baseline.s).toFixed(2)}x ` +
          `(${ours.s.toFixed(0)} s vs ${baseline.s.toFixed(0)} s)`,
      );
      console.log(
        `xlsx writer, ${rows.toLocaleString("en-US")} rows x 16: peak RSS growth ${mb(ours.peakGrowth)} = ${(ours.peakGrowth / size).toFixed(1)}x the ${mb(size)} .xlsx ` +
          `(ExcelJS unformatted ${mb(baseline.peakGrowth)})`,
      );
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2] === "--child") {
  const [kind, rows, file] = process.argv.slice(3);
  measureHere(kind as "ours" | "baseline", Number(rows), file)
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
} else if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number);
  run(sizes.length > 0 ? sizes : SIZES).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
