/**
 * Every generator's plan written as .xlsx by the xlsx writer, recalculated by LibreOffice,
 * and compared cell by cell with HyperFormula's values for the same plan, plus the key
 * numbers computed independently from the sample deals. The dashboard is rendered to PNG
 * under artifacts/generators/ for a person to look at.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { parseCell, cellAddress } from "../../../src/workbook/address";
import { isFormulaCell, WorkbookPlan } from "../../../src/workbook/plan";
import type { Locale } from "../../../src/core/locale";
import { evaluatePlan } from "../../../src/workbook/preview/evaluate";
import { writeXlsxFile } from "../../../src/workbook/xlsx/writeXlsx";
import { recalculateWithLibreOffice, renderToPng } from "../../support/libreoffice";
import { RawValue, rawRange, rawValue, readAllValues } from "./rawValues";
import { composed, everyGeneratorPlan } from "../../generators/allPlans";
import { planWorkbook } from "../../../src/compose/workbook";
import { buildDeals, expectedFunnelCounts, PIPELINE, PIPELINE_ZH, wonRevenueBy, monthOf } from "../../generators/sampleDeals";

const ARTIFACTS = path.resolve(__dirname, "../../../artifacts/generators");

function same(lo: RawValue, hf: unknown): boolean {
  // An empty-text result: LibreOffice caches "", HyperFormula gives "".
  const blank = (v: unknown) => v === null || v === "" || v === undefined;
  if (blank(lo) && blank(hf)) return true;
  if (typeof lo === "number" && typeof hf === "number") return Math.abs(lo - hf) <= 1e-7 * Math.max(1, Math.abs(hf));
  return lo === hf;
}

/** Every formula cell of the plan: LibreOffice's value equals HyperFormula's. */
async function compareAllFormulas(plan: WorkbookPlan, recalculated: string): Promise<number> {
  const ev = evaluatePlan(plan);
  const all = await readAllValues(recalculated);
  const mismatches: string[] = [];
  let compared = 0;
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      const at = parseCell(block.at);
      block.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!isFormulaCell(cell)) return;
          const address = cellAddress(at.row + r, at.column + c);
          const hf = ev.value(sheet.name, address);
          const lo = rawValue(all, sheet.name, address);
          compared++;
          if (!same(lo, hf)) mismatches.push(`${sheet.name}!${address} ${cell.f}: LibreOffice ${JSON.stringify(lo)}, HyperFormula ${JSON.stringify(hf)}`);
        }),
      );
    }
  }
  expect(mismatches).toEqual([]);
  return compared;
}

async function writeAndRecalc(plan: WorkbookPlan, name: string, dir: string): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  await writeXlsxFile(plan, file);
  return recalculateWithLibreOffice(file, dir);
}

describe.each(["en-US", "zh-CN"] as const)("generated workbooks recalculated by LibreOffice (%s)", (locale: Locale) => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), `salesquant-generators-${locale}-`));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("the CLI workbook: every formula agrees, and the funnel, reps and monthly match independent counts", async () => {
    const pipeline = locale === "zh-CN" ? PIPELINE_ZH : PIPELINE;
    const deals = buildDeals(pipeline);
    const plan = composed(planWorkbook(deals, pipeline, { locale, sheets: { reps: { quota: "5000" }, customers: { asOf: "2025-06-30" }, funnel: { targets: "-\n80\n90\n80\n90" } } }));
    const recalculated = await writeAndRecalc(plan, "workbook", dir);
    const compared = await compareAllFormulas(plan, recalculated);
    expect(compared).toBeGreaterThan(200);
    const all = await readAllValues(recalculated);

    const [funnel, reps, monthly] = [plan.sheets[1].name, plan.sheets[2].name, plan.sheets[3].name];
    expect(rawRange(all, funnel, "C5:C9").map((r) => r[0])).toEqual(expectedFunnelCounts(deals, 4));
    const byRep = wonRevenueBy(deals, (d) => d.owner);
    expect(rawRange(all, reps, "A5:B7")).toEqual([...byRep.entries()].sort((a, b) => a[0].localeCompare(b[0])));
    const byMonth = wonRevenueBy(deals, (d) => monthOf(d.closeDate));
    const months = ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04"];
    expect(rawRange(all, monthly, "B4:B9").map((r) => r[0])).toEqual(months.map((m) => byMonth.get(m) ?? 0));

    await fs.mkdir(ARTIFACTS, { recursive: true });
    const named = path.join(dir, `workbook-${locale}.xlsx`);
    await fs.copyFile(path.join(dir, "workbook.xlsx"), named);
    const pngs = await renderToPng(named, ARTIFACTS);
    expect(pngs.length).toBeGreaterThanOrEqual(plan.sheets.length);
  });

  it("goals and the planning templates: every formula agrees", async () => {
    const plans = everyGeneratorPlan(locale);
    const sheets = ["goals", "actionPlan", "feedback", "risks", "competitors", "training", "typedFunnel"].flatMap((k) => plans[k].sheets);
    const plan: WorkbookPlan = { sheets };
    const recalculated = await writeAndRecalc(plan, "templates", dir);
    const compared = await compareAllFormulas(plan, recalculated);
    expect(compared).toBeGreaterThan(90);
    if (locale === "en-US") {
      await fs.mkdir(ARTIFACTS, { recursive: true });
      expect((await renderToPng(path.join(dir, "templates.xlsx"), ARTIFACTS)).length).toBeGreaterThanOrEqual(sheets.length);
    }
  });

  it("the quarterly review and the dashboard layouts write and agree", async () => {
    const plans = everyGeneratorPlan(locale);
    const recalculated = await writeAndRecalc(plans.review, "review", dir);
    await compareAllFormulas(plans.review, recalculated);
    if (locale === "en-US") {
      const file = path.join(dir, "dashboard-large.xlsx");
      await writeXlsxFile(plans.dashboard, file);
      await fs.mkdir(ARTIFACTS, { recursive: true });
      const pngs = await renderToPng(file, ARTIFACTS);
      expect(pngs.length).toBeGreaterThan(0);
    }
  });
});

describe("names that look like formulas, operators or wildcards", () => {
  it("stay text in LibreOffice and match only themselves", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-generators-hostile-"));
    try {
      const owners = ['=HYPERLINK("http://example.invalid","x")', "+cmd", "-1+1", "@SUM(A1)", "A*", "Ab", ">5", 'Quote "q"'];
      const base = buildDeals();
      const deals = base.map((d, i) => ({ ...d, owner: owners[i % owners.length], customer: owners[(i + 3) % owners.length] }));
      const plan = composed(planWorkbook(deals, PIPELINE, { sheets: { customers: { asOf: "2025-06-30" } } }));
      const recalculated = await writeAndRecalc(plan, "hostile", dir);
      await compareAllFormulas(plan, recalculated);
      const all = await readAllValues(recalculated);
      const reps = rawRange(all, "Reps", `A5:B${4 + owners.length}`);
      const sorted = [...owners].sort((a, b) => a.localeCompare(b));
      expect(reps.map((r) => r[0])).toEqual(sorted);
      for (const [rep, revenue] of reps) {
        const expected = deals.filter((d) => d.owner === rep && d.status === "won").reduce((s, d) => s + d.amount, 0);
        expect([rep, revenue]).toEqual([rep, expected]);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
