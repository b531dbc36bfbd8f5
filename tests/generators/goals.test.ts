import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { isFormulaCell, WorkbookPlan } from "../../src/workbook/plan";
import { isInvalid, PlanResult } from "../../src/generators/common";
import { defaultGoals, GoalInput, planGoalsSheet } from "../../src/generators/goals";
import { expectNear, plannedAt, serial } from "./sampleDeals";

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
