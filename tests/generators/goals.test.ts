import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { isFormulaCell, WorkbookPlan } from "../../src/workbook/plan";
import { isInvalid, PlanResult } from "../../src/generators/common";
import { defaultGoals, GoalInput, planGoalsSheet } from "../../src/generators/goals";
import { dealsLayout, dealsSheetPlan } from "../../src/generators/deals";
import { composeWorkbook, readSheetValues } from "../../src/compose";
import type { Deal } from "../../src/core/deal";
import { buildDeals, expectNear, PIPELINE, PIPELINE_ZH, plannedAt, serial } from "./sampleDeals";

function plan(result: PlanResult): WorkbookPlan {
  if (isInvalid(result)) throw new Error(JSON.stringify(result.errors));
  return result;
}

const year = { start: "2025-01-01", deadline: "2025-12-31" };
const goals: GoalInput[] = [
  { kpi: "Revenue", baseline: 1_000_000, target: 1_200_000, actual: 660_000, unit: "money", accumulates: true, weight: 0.3, ...year },
  { kpi: "New customers", baseline: 40, target: 50, actual: 23, unit: "count", accumulates: true, weight: 0.15, ...year },
  { kpi: "Conversion rate", baseline: 0.2, target: 0.25, actual: 0.24, unit: "percent", accumulates: false, weight: 0.15, ...year },
  { kpi: "Sales cost ratio", baseline: 0.15, target: 0.12, actual: 0.15, unit: "percent", better: "lower", weight: 0.1, ...year },
  { kpi: "Channel coverage", baseline: 0.6, target: 0.7, actual: null, unit: "percent", weight: 0.1, ...year },
];

describe("SMART goals / KPI scorecard", () => {
  // 2025-07-02 is 182 days after 2025-01-01 and the year is 364 days long: half the time elapsed.
  const wb = plan(planGoalsSheet(goals, { asOf: "2025-07-02" }));

  it("has one row per goal in the Goals table with inputs and formulas", () => {
    const sheet = wb.sheets[0];
    expect(sheet.tables![0]).toEqual(expect.objectContaining({ name: "Goals", range: "A7:S12" }));
    expect(plannedAt(sheet, "A8")).toBe("Revenue");
    expect(plannedAt(sheet, "M8")).toBe(660_000);
    expect(["N8", "P8", "Q8"].every((a) => isFormulaCell(plannedAt(sheet, a)!))).toBe(true);
    expect(sheet.blocks.find((b) => b.at === "B4")!.cells).toEqual([[1], [0.95]]);
  });

  it("computes growth, attainment, elapsed time, pace and status from the definitions", () => {
    const ev = evaluatePlan(wb);
    const rows = ev.values("Goals", "H8:S12");
    // Revenue: growth (1.2M-1M)/1M = 20%; attainment 660k/1.2M = 55%; elapsed 50%; pace 110%: on track.
    expectNear(rows[0][0], 0.2);
    expectNear(rows[0][6], 0.55);
    expectNear(rows[0][7], 0.5);
    expectNear(rows[0][8], 1.1);
    expect(rows[0][9]).toBe("On track");
    // New customers: 23/50 = 46%, pace 92% < 95%: behind.
    expectNear(rows[1][8], 0.92);
    expect(rows[1][9]).toBe("Behind");
    // Conversion is a level, not a total: pace = attainment = 96%: at risk.
    expectNear(rows[2][8], 0.96);
    expect(rows[2][9]).toBe("At risk");
    // Cost ratio, lower is better: 12%/15% = 80%: behind.
    expectNear(rows[3][6], 0.8);
    expect(rows[3][9]).toBe("Behind");
    // No actual yet: blank, not 0%.
    expect([rows[4][6], rows[4][8], rows[4][9], rows[4][11]]).toEqual(["", "", "", ""]);
    // Weighted score over the goals with weights: SUM(w x attainment) / SUM(w).
    const total = (0.3 * 0.55 + 0.15 * 0.46 + 0.15 * 0.96 + 0.1 * 0.8) / (0.3 + 0.15 + 0.15 + 0.1 + 0.1);
    expectNear(ev.value("Goals", "S14"), total);
  });

  it("stays live: moving the as-of date or the thresholds changes pace and status", () => {
    const ev = evaluatePlan(wb);
    ev.set("Goals", "B3", serial("2025-10-01")); // 273 of 364 days
    expectNear(ev.value("Goals", "P8"), 0.55 / (273 / 364));
    expect(ev.value("Goals", "Q8")).toBe("Behind");
    ev.set("Goals", "B5", 0.5); // at risk from 50%
    expect(ev.value("Goals", "Q8")).toBe("At risk");
    ev.set("Goals", "M8", 1_300_000);
    expect(ev.value("Goals", "Q8")).toBe("On track");
  });

  it("pre-fills the article's seven KPIs in both languages", () => {
    expect(defaultGoals("en-US", 2025).map((g) => g.kpi)).toEqual([
      "Revenue",
      "New customers",
      "Conversion rate",
      "Customer satisfaction",
      "Sales growth rate",
      "Channel coverage",
      "Sales cost ratio",
    ]);
    const zh = plan(planGoalsSheet(defaultGoals("zh-CN", 2025), { locale: "zh-CN", asOf: "2025-07-02" }));
    expect(zh.sheets[0].name).toBe("目标");
    expect(zh.sheets[0].tables![0].name).toBe("Goals");
    const ev = evaluatePlan(zh);
    expect(ev.values("目标", "A8:A14").map((r) => r[0])).toEqual(["销售额", "新客户数", "转化率", "客户满意度", "销售增长率", "铺货率", "销售费用率"]);
    ev.set("目标", "M14", 0.1); // cost ratio 10% vs target 12%, lower is better: 120%
    expectNear(ev.value("目标", "N14"), 1.2);
    expect(ev.value("目标", "Q14")).toBe("正常");
  });

  it("refuses a deadline before the start and a zero target, naming the field", () => {
    const bad = planGoalsSheet([
      { kpi: "A", target: 10, start: "2025-05-01", deadline: "2025-01-01" },
      { kpi: "B", target: 0, start: "2025-01-01", deadline: "2025-12-31" },
      { kpi: "C", target: 5, start: "2025-02-30", deadline: "2025-12-31" },
    ]);
    expect(isInvalid(bad) && bad.errors.map((e) => e.field)).toEqual(["goals[0].deadline", "goals[1].target", "goals[2].start"]);
    expect(isInvalid(bad) && bad.errors[0].message).toBe('The deadline of "A" is before its start.');
    const none = planGoalsSheet([], { locale: "zh-CN" });
    expect(isInvalid(none) && none.errors[0].message).toBe("请至少添加一个目标。");
  });
});

/** Won amounts closed from `from` to `to` (ISO, both included), summed straight from the deals. */
function wonBetween(deals: readonly Deal[], from: string, to: string): number {
  return deals.filter((d) => d.status === "won" && d.closeDate !== null && d.closeDate >= from && d.closeDate <= to).reduce((s, d) => s + d.amount, 0);
}

describe("Goals read from the deals", () => {
  const deals = buildDeals();
  const layout = dealsLayout(deals, PIPELINE, "en-US");
  const fromDeals = (g: Partial<GoalInput> & Pick<GoalInput, "start" | "deadline">): GoalInput => ({
    kpi: "Revenue",
    target: 20_000,
    unit: "money",
    fromDeals: "wonRevenue",
    baseline: 1_000_000, // typed numbers are not used once the goal reads the deals
    actual: 5,
    ...g,
  });
  const withDealsSheet = (goalsList: GoalInput[], asOf: string): WorkbookPlan => {
    const goalsPlan = plan(planGoalsSheet(goalsList, { asOf, dealsRef: layout }));
    return { ...goalsPlan, sheets: [dealsSheetPlan(deals, PIPELINE, {}), ...goalsPlan.sheets] };
  };

  it("takes the baseline from last period's won deals and the actual from this period's, up to the as-of date", () => {
    const wb = withDealsSheet(
      [
        fromDeals({ start: "2025-01-01", deadline: "2025-12-31" }), // last period: calendar 2024
        fromDeals({ kpi: "Q2 revenue", start: "2025-04-01", deadline: "2025-06-30", target: 12_000 }), // last period: Q1
        fromDeals({ kpi: "Four weeks", start: "2025-01-15", deadline: "2025-02-14", target: 4_000 }), // 31 days: 2024-12-15 .. 2025-01-14
      ],
      "2025-04-20",
    );
    expect(isFormulaCell(plannedAt(wb.sheets[1], "F8")!) && isFormulaCell(plannedAt(wb.sheets[1], "M8")!)).toBe(true);
    const ev = evaluatePlan(wb);
    const rows = ev.values("Goals", "F8:N10");
    // By hand from the sample deals: 2024 won 1000 (D01); 2025 up to 04-20: 3000+2000+4000+1500.
    expect([wonBetween(deals, "2024-01-01", "2024-12-31"), wonBetween(deals, "2025-01-01", "2025-04-20")]).toEqual([1000, 10_500]);
    expect(rows[0][0]).toBe(1000);
    expect(rows[0][7]).toBe(10_500);
    expectNear(rows[0][2], (20_000 - 1000) / 1000); // growth required, no longer 0%
    expectNear(rows[0][8], 10_500 / 20_000);
    // Q2: baseline Q1 = 3000+2000+4000; actual 04-01 .. 04-20 = 1500 (D12 closes 04-25, after the as-of date).
    expect([rows[1][0], rows[1][7]]).toEqual([wonBetween(deals, "2025-01-01", "2025-03-31"), wonBetween(deals, "2025-04-01", "2025-04-20")]);
    expect([rows[1][0], rows[1][7]]).toEqual([9000, 1500]);
    // Not whole months: the 31 days before. 2024-12-15 .. 2025-01-14 won 3000 (D02); 01-15 .. 02-14 won 2000 (D03).
    expect([rows[2][0], rows[2][7]]).toEqual([3000, 2000]);
    // Actuals exist: no note under the table.
    expect(ev.value("Goals", "A12")).toBe("");
  });

  it("stays live: a deal that changes status or date moves baseline and actual", () => {
    const wb = withDealsSheet([fromDeals({ start: "2025-01-01", deadline: "2025-12-31" })], "2025-12-31");
    const ev = evaluatePlan(wb);
    expect([ev.value("Goals", "F8"), ev.value("Goals", "M8")]).toEqual([1000, wonBetween(deals, "2025-01-01", "2025-12-31")]);
    ev.set("Deals", "J5", "Won"); // D04, 500, closed 2025-02-14: lost -> won
    expect(ev.value("Goals", "M8")).toBe(11_100 + 500);
    ev.set("Deals", "H2", serial("2025-05-02")); // D01 moves from 2024 into 2025
    expect(ev.value("Goals", "F8")).toBe("");
    expect(ev.value("Goals", "M8")).toBe(11_600 + 1000);
  });

  it("leaves the baseline blank, not 0, when nothing was won in the period before", () => {
    const wb = withDealsSheet([fromDeals({ start: "2024-01-01", deadline: "2024-12-31" })], "2024-12-31");
    const ev = evaluatePlan(wb);
    expect(ev.value("Goals", "F8")).toBe("");
    expect(ev.value("Goals", "H8")).toBe("");
    expect(ev.value("Goals", "M8")).toBe(1000);
  });

  it("keeps typed numbers without a deals reference", () => {
    const typed = plan(planGoalsSheet([fromDeals({ start: "2025-01-01", deadline: "2025-12-31" })], { asOf: "2025-07-02" }));
    expect([plannedAt(typed.sheets[0], "F8"), plannedAt(typed.sheets[0], "M8")]).toEqual([1_000_000, 5]);
  });
});

describe("Goals composed from the form", () => {
  const deals = buildDeals();
  const env = { today: "2025-04-30", locale: "en-US" as const };

  it("reads the revenue goal from the imported deals, bundling the Deals sheet", () => {
    const read = readSheetValues("goals", {}, { ...env, hasDeals: true });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.values.source).toBe("deals");
    const result = composeWorkbook([{ id: "goals", values: read.values }], { deals: { deals, pipeline: PIPELINE } }, { locale: "en-US", currency: "USD" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.sheets.map((s) => s.name)).toEqual(["Deals", "Goals"]);
    const ev = evaluatePlan(result.plan);
    // Fiscal year 2025: baseline = won in 2024, actual = won 2025-01-01 .. 2025-04-30; target 1,000,000.
    expect(ev.value("Goals", "F8")).toBe(wonBetween(deals, "2024-01-01", "2024-12-31"));
    expect(ev.value("Goals", "M8")).toBe(wonBetween(deals, "2025-01-01", "2025-04-30"));
    expectNear(ev.value("Goals", "H8"), (1_000_000 - 1000) / 1000);
  });

  it("without deals keeps the typed example baseline and asks for nothing", () => {
    const read = readSheetValues("goals", {}, env);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.values.source).toBe("typed");
    const result = composeWorkbook([{ id: "goals", values: read.values }], {}, { locale: "en-US", currency: "USD" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.sheets.map((s) => s.name)).toEqual(["Goals"]);
    expect(evaluatePlan(result.plan).value("Goals", "F8")).toBe(1_000_000);
  });

  it("reads the deals in Chinese too, comparing with the Chinese status word", () => {
    const zhDeals = buildDeals(PIPELINE_ZH);
    const read = readSheetValues("goals", {}, { ...env, locale: "zh-CN", hasDeals: true });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const result = composeWorkbook([{ id: "goals", values: read.values }], { deals: { deals: zhDeals, pipeline: PIPELINE_ZH } }, { locale: "zh-CN", currency: "CNY" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const ev = evaluatePlan(result.plan);
    expect([ev.value("目标", "F8"), ev.value("目标", "M8")]).toEqual([1000, wonBetween(zhDeals, "2025-01-01", "2025-04-30")]);
  });
});

describe("Goals without actuals", () => {
  it("says under the table why the chart is empty, until an actual is typed", () => {
    const wb = plan(planGoalsSheet(defaultGoals("en-US", 2025), { asOf: "2025-07-02" }));
    const ev = evaluatePlan(wb);
    // Seven goals in rows 8..14: the note is in A16, two rows below the table.
    expect(ev.value("Goals", "A16")).toMatch(/^No actuals yet/);
    ev.set("Goals", "M9", 12);
    expect(ev.value("Goals", "A16")).toBe("");
    const zh = evaluatePlan(plan(planGoalsSheet(defaultGoals("zh-CN", 2025), { locale: "zh-CN", asOf: "2025-07-02" })));
    expect(zh.value("目标", "A16")).toMatch(/^尚无实际值/);
  });
});
