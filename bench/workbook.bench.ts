/**
 * Workbook writers on a 100,000-row x 8-column block:
 * - the Office writer through the recording fake: syncs, total payload, largest request,
 *   time as a ratio to planning the block;
 * - the xlsx writer: time as a ratio to ExcelJS's streaming writer writing the same values
 *   with no formatting, and peak resident memory above the starting point.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { FakeExcel } from "../tests/fakes/excel/fakeExcel";
import { WorkbookPlan } from "../src/workbook/plan";
import { writePlan } from "../src/workbook/office/writePlan";
import { writeXlsxFile } from "../src/workbook/xlsx/writeXlsx";

const ROWS = 100_000;
const COLUMNS = 8;

function planBlock(): WorkbookPlan {
  const header = [
    "Deal",
    "Owner",
    "Stage",
    "Amount",
    "Probability",
    "Weighted",
    "Created",
    "Region",
  ];
  const cells = Array.from({ length: ROWS }, (_, i) => {
    const r = i + 2;
    return [
      `D-${100000 + i}`,
      `Rep ${i % 37}`,
      `Stage ${i % 4}`,
      1000 + (i % 997) * 13.5,
      (i % 10) / 10,
      { f: `=D${r}*E${r}` },
      45000 + (i % 365),
      ["North", "South", "East", "West"][i % 4],
    ];
  });
  return {
    sheets: [
      {
        name: "Deals",
        blocks: [
          { at: "A1", cells: [header], style: { bold: true, fill: "#D9E1F2" } },
          {
            at: "A2",
            cells,
            numberFormat: [null, null, null, "#,##0.00", "0%", "#,##0.00", "yyyy-mm-dd", null],
          },
        ],
        tables: [{ name: "Deals", range: `A1:H${ROWS + 1}` }],
        freeze: { rows: 1, columns: 0 },
      },
    ],
  };
}

async function timed<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; value: T; peakRssMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = process.hrtime.bigint();
  const value = await work();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, value, peakRssMb: (peak - start) / 1024 / 1024 };
}

async function excelJsBaseline(plan: WorkbookPlan, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet("Deals");
  for (const block of plan.sheets[0].blocks) {
    for (const row of block.cells) {
      sheet
        .addRow(
          row.map((c) => (c !== null && typeof c === "object" ? { formula: c.f.slice(1) } : c)),
        )
        .commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

export default async function run(): Promise<void> {
  const planning = await timed(async () => planBlock());
  const plan = planning.value;

  const fake = new FakeExcel();
  const office = await timed(() => writePlan(plan, { run: fake.run, isSetSupported: () => true }));
  const syncs = fake.syncEvents();
  const totalPayload = syncs.reduce((sum, s) => sum + s.payload, 0);
  const largest = Math.max(...syncs.map((s) => s.payload));
  console.log(
    `workbook: office writer (recording fake), ${ROWS} x ${COLUMNS}: ${office.value.syncs} syncs`,
  );
  console.log(
    `workbook: office writer total payload ${(totalPayload / 1e6).toFixed(1)} MB, largest request ${(largest / 1e6).toFixed(2)} MB (limit 5 MB)`,
  );
  console.log(
    `workbook: office writer time / planning time = ${(office.ms / planning.ms).toFixed(1)}x`,
  );

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-bench-"));
  try {
    const baseline = await timed(() => excelJsBaseline(plan, path.join(dir, "baseline.xlsx")));
    const ours = await timed(() => writeXlsxFile(plan, path.join(dir, "plan.xlsx")));
    console.log(
      `workbook: xlsx writer time / ExcelJS unformatted streaming = ${(ours.ms / baseline.ms).toFixed(2)}x`,
    );
    console.log(
      `workbook: xlsx writer peak RSS growth ${ours.peakRssMb.toFixed(0)} MB (ExcelJS unformatted ${baseline.peakRssMb.toFixed(0)} MB)`,
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
