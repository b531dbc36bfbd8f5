import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { isFormulaCell, WorkbookPlan } from "../../src/workbook/plan";
import { splitSheetRef } from "../../src/workbook/address";
import { resolvedPlan } from "../../src/workbook/prepare";
import { isInvalid, PlanResult } from "../../src/generators/common";
import { planWorkbook } from "../../src/compose/workbook";
import type { ComposeResult } from "../../src/compose/result";
import { DASHBOARD_LAYOUTS, dashboardPanelsFrom, planDashboardSheet } from "../../src/generators/dashboard";
import { DEALS_COLUMN_LETTERS } from "../../src/generators/deals";
import { buildDeals, expectedFunnelCounts, PIPELINE, PIPELINE_ZH, wonRevenueBy } from "./sampleDeals";

function plan(result: PlanResult): WorkbookPlan {
  if (isInvalid(result)) throw new Error(JSON.stringify(result.errors));
  return result;
}

function book(result: ComposeResult): WorkbookPlan {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

function formulasOf(wb: WorkbookPlan): string[] {
  const out: string[] = [];
  for (const s of resolvedPlan(wb).sheets) for (const b of s.blocks) for (const row of b.cells) for (const c of row) if (isFormulaCell(c)) out.push(c.f);
  return out;
}

const ALLOWED = new Set([
  "SUM", "SUMIFS", "COUNTIFS", "COUNTIF", "SUMPRODUCT", "INDEX", "MATCH", "IF", "IFERROR", "MIN", "MAX", "ABS", "AVERAGE", "SLOPE",
  "ISNUMBER", "YEAR", "MONTH", "DAY", "EOMONTH", "TODAY", "INT", "SUMSQ", "COUNT", "AND", "OR",
]);

describe("planWorkbook", () => {
  const deals = buildDeals();
  const wb = book(planWorkbook(deals, PIPELINE, { sheets: { reps: { quota: "5000" }, customers: { asOf: "2025-06-30" } } }));

  it("holds Deals, Funnel, Reps, Monthly, Review, Forecast, Customers and Dashboard, with unique names", () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(["Deals", "Funnel", "Reps", "Monthly", "Review", "Forecast", "Customers", "Dashboard"]);
    const tables = wb.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name));
    expect(tables).toEqual(["Deals", "Funnel", "Reps", "Scorecard", "Monthly", "Review", "Forecast", "Customers"]);
  });

  it("uses only classic native functions and quoted references to sheets of the plan", () => {
    const names = new Set(wb.sheets.map((s) => s.name));
    for (const f of formulasOf(wb)) {
      for (const m of f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(ALLOWED).toContain(m[1]);
      for (const m of f.matchAll(/'((?:[^']|'')+)'!/g)) expect(names).toContain(m[1].replace(/''/g, "'"));
    }
    for (const chart of wb.sheets.find((s) => s.name === "Dashboard")!.charts!) {
      for (const range of [chart.categories, ...chart.series.map((s) => s.values)]) expect(names).toContain(splitSheetRef(range).sheet);
    }
  });

  it("computes with no error anywhere and agrees with independent counts", () => {
    const ev = evaluatePlan(wb);
    for (const sheet of wb.sheets) {
      for (const block of sheet.blocks) {
        const rows = block.cells.length;
        const cols = block.cells[0].length;
        const [col, row] = [block.at.replace(/\d+/g, ""), Number(block.at.replace(/\D+/g, ""))];
        const start = col.charCodeAt(0) - 64;
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            const v = ev.value(sheet.name, `${String.fromCharCode(64 + start + c)}${row + r}`);
            if (typeof v === "string" && /^#(DIV\/0!|NUM!|VALUE!|N\/A|REF!|NAME\?|NULL!|ERROR!|SPILL!|CYCLE!)$/.test(v)) throw new Error(`${sheet.name}!${String.fromCharCode(64 + start + c)}${row + r} = ${v}`);
          }
        }
      }
    }
    expect(ev.values("Funnel", "C5:C9").map((r) => r[0])).toEqual(expectedFunnelCounts(deals, 4));
    const byRep = wonRevenueBy(deals, (d) => d.owner);
    expect(ev.values("Reps", "A5:B7")).toEqual([...byRep.entries()].sort((a, b) => a[0].localeCompare(b[0])));
    expect(ev.value("Monthly", "B9")).toBe(2100);
  });

  it("moves every sheet when a deal changes", () => {
    const ev = evaluatePlan(wb);
    const row = 2 + deals.findIndex((d) => d.id === "D08"); // open, Bob, 2500, closes 2025-05-30
    ev.set("Deals", `${DEALS_COLUMN_LETTERS.status}${row}`, "Won");
    expect(ev.value("Funnel", "C9")).toBe(7);
    expect(ev.value("Reps", "B6")).toBe(2000 + 2500);
    expect(ev.value("Forecast", "B6")).toBe(1200 + 700);
    expect(ev.value("Customers", "B7")).toBe(4000); // Acme unchanged
  });

  it("refuses the whole workbook when one part is wrong, with every error once", () => {
    const bad = planWorkbook(deals, { ...PIPELINE, stages: [] }, { sheets: { reps: { quota: "0" } } });
    // The quota is an option of the Reps sheet, checked by its declaration and named by its flag.
    expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual(["pipeline.stages", "--reps-quota"]);
  });

  it("writes a zh-CN workbook with the same table names", () => {
    const zh = book(planWorkbook(buildDeals(PIPELINE_ZH), PIPELINE_ZH, { locale: "zh-CN", sheets: { customers: { asOf: "2025-06-30" } } }));
    expect(zh.sheets.map((s) => s.name)).toEqual(["商机", "销售漏斗", "销售绩效", "月度收入", "复盘", "预测", "客户档案", "仪表板"]);
    const ev = evaluatePlan(zh);
    expect(ev.values("销售漏斗", "C5:C9").map((r) => r[0])).toEqual([12, 9, 8, 7, 6]);
    expect(ev.value("销售漏斗", "D4")).toBe("金额");
  });
});

describe("dashboard", () => {
  const wb = book(planWorkbook(buildDeals(), PIPELINE, { sheets: { customers: { asOf: "2025-06-30" } } }));
  const panels = dashboardPanelsFrom({ sheets: wb.sheets.filter((s) => s.name !== "Dashboard") });

  it("picks the funnel, the revenue trend, actual vs target and the mix", () => {
    expect(panels.map((p) => [p.sheet, p.chart.type])).toEqual([
      ["Funnel", "funnel"],
      ["Review", "line"],
      ["Reps", "bar"],
      ["Review", "pie"],
    ]);
  });

  it("lays out the charts in each layout, pointing at the other sheets", () => {
    for (const layout of DASHBOARD_LAYOUTS) {
      const d = plan(planDashboardSheet(panels, { layout }));
      const charts = resolvedPlan(d).sheets[0].charts!;
      expect(charts).toHaveLength(4);
      expect(charts[0].categories).toBe("'Funnel'!B5:B9");
      expect(new Set(charts.map((c) => c.anchor)).size).toBe(4);
    }
    const large = plan(planDashboardSheet(panels, { layout: "oneLargeThreeSmall" })).sheets[0].charts!;
    expect(large[0].width).toBeGreaterThan(large[1].width);
    const column = plan(planDashboardSheet(panels, { layout: "singleColumn" })).sheets[0].charts!;
    expect(column.every((c) => c.anchor.startsWith("A"))).toBe(true);
  });

  it("says what to do when there is nothing to chart", () => {
    const d = plan(planDashboardSheet([], { locale: "zh-CN" }));
    expect(d.sheets[0].name).toBe("仪表板");
    expect(d.sheets[0].blocks[1].cells[0][0]).toMatch(/暂无图表/);
  });
});
