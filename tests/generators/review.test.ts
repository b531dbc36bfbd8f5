/**
 * The review's trailing period that is not over yet as of the data's date: marked partial,
 * no growth against a whole period, and left out of the trend chart. Expected numbers are
 * summed here straight from the sample deals; the sheet's are computed by HyperFormula.
 */
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { WorkbookPlan } from "../../src/workbook/plan";
import { isInvalid, PlanResult } from "../../src/generators/common";
import { planReviewSheet } from "../../src/generators/review";
import type { Deal } from "../../src/core/deal";
import { buildDeals, expectNear, PIPELINE, PIPELINE_ZH, withDeals } from "./sampleDeals";

function plan(result: PlanResult): WorkbookPlan {
  if (isInvalid(result)) throw new Error(JSON.stringify(result.errors));
  return result;
}

const deals = buildDeals();

/** Won amounts closed from `from` to `to` (ISO, both included). */
function wonBetween(list: readonly Deal[], from: string, to: string): number {
  return list.filter((d) => d.status === "won" && d.closeDate !== null && d.closeDate >= from && d.closeDate <= to).reduce((s, d) => s + d.amount, 0);
}

describe("Review: a period not over yet", () => {
  // The sample's last event is D12 won on 2025-04-25 (D08 and D09 are open: their close
  // dates in May and June are only expected). So the data is as of 2025-04-25.
  it("ends the monthly review at the as-of date and marks its last month partial, without growth", () => {
    const wb = plan(withDeals(planReviewSheet, deals, PIPELINE, { period: "monthly" }));
    const ev = evaluatePlan(wb);
    expect(ev.values("Review", "A5:A11").map((r) => r[0])).toEqual(["2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04 (partial)"]);
    expect(ev.value("Review", "A12")).toBeNull(); // no May or June at $0 and -100%
    // The partial month's numbers are those so far: D07 (04-05) and D12 (04-25).
    expect(ev.value("Review", "D11")).toBe(wonBetween(deals, "2025-04-01", "2025-04-25"));
    expect(ev.value("Review", "D11")).toBe(2100);
    // Growth is left blank for it; a complete month still compares with the one before (Mar 4000 vs Feb 0: blank base).
    expect([ev.value("Review", "K11"), ev.value("Review", "L11")]).toEqual([null, null]);
    expect(ev.value("Review", "K6")).toBe(""); // Nov 1000 vs Oct 0
    expect(ev.value("Review", "A3")).toContain("2025-04-25");
    const trend = wb.sheets[1].charts![0];
    expect([trend.categories, trend.series[0].values]).toEqual(["A5:A10", "D5:D10"]);
  });

  it("marks the quarter in progress and still compares the complete ones", () => {
    const wb = plan(withDeals(planReviewSheet, deals, PIPELINE, { period: "quarterly" }));
    const ev = evaluatePlan(wb);
    expect(ev.values("Review", "A5:A7").map((r) => r[0])).toEqual(["2024 Q4", "2025 Q1", "2025 Q2 (partial)"]);
    const revenue = ev.values("Review", "D5:D7").map((r) => r[0]);
    expect(revenue).toEqual([wonBetween(deals, "2024-10-01", "2024-12-31"), wonBetween(deals, "2025-01-01", "2025-03-31"), wonBetween(deals, "2025-04-01", "2025-04-25")]);
    expect(revenue).toEqual([1000, 9000, 2100]);
    expectNear(ev.value("Review", "K6"), (9000 - 1000) / 1000);
    expect(ev.value("Review", "K7")).toBeNull(); // was (2100 - 9000) / 9000 = -76.7%, a part of a quarter against a whole one
    expect(wb.sheets[1].charts![0].series[0].values).toBe("D5:D6");
  });

  it("with an explicit end past the as-of date, marks every period not over yet", () => {
    const wb = plan(withDeals(planReviewSheet, deals, PIPELINE, { period: "monthly", from: "2025-03-01", to: "2025-06-30", asOf: "2025-05-15" }));
    const ev = evaluatePlan(wb);
    expect(ev.values("Review", "A5:A8").map((r) => r[0])).toEqual(["2025-03", "2025-04", "2025-05 (partial)", "2025-06 (partial)"]);
    expectNear(ev.value("Review", "K6"), (2100 - 4000) / 4000);
    expect([ev.value("Review", "K7"), ev.value("Review", "K8")]).toEqual([null, null]);
    expect(wb.sheets[1].charts![0].categories).toBe("A5:A6");
  });

  it("treats a period ending on the as-of date as complete: no label, no note, growth computed", () => {
    const wb = plan(withDeals(planReviewSheet, deals, PIPELINE, { period: "monthly", asOf: "2025-04-30" }));
    const ev = evaluatePlan(wb);
    expect(ev.value("Review", "A11")).toBe("2025-04");
    expect(ev.value("Review", "A3")).toBeNull();
    expectNear(ev.value("Review", "K11"), (2100 - 4000) / 4000);
    expect(wb.sheets[1].charts![0].categories).toBe("A5:A11");
  });

  it("marks a week in progress", () => {
    const wb = plan(withDeals(planReviewSheet, deals, PIPELINE, { period: "weekly", from: "2025-01-08", asOf: "2025-01-22" }));
    const ev = evaluatePlan(wb);
    // 2025-01-22 is a Wednesday: the week from Monday 01-20 runs to 01-26.
    expect(ev.values("Review", "A5:A8").map((r) => r[0])).toEqual(["2025-01-06", "2025-01-13", "2025-01-20 (partial)", null]);
    expect(ev.value("Review", "D7")).toBe(wonBetween(deals, "2025-01-20", "2025-01-22"));
  });

  it("says partial in Chinese", () => {
    const zh = buildDeals(PIPELINE_ZH);
    const wb = plan(withDeals(planReviewSheet, zh, PIPELINE_ZH, { locale: "zh-CN", period: "monthly" }));
    const ev = evaluatePlan(wb);
    expect(ev.value("复盘", "A11")).toBe("2025-04（部分）");
    expect(ev.value("复盘", "A3")).toBe("数据截至 2025-04-25：标为“部分”的期间尚未结束，其数字为截至目前的数据，增长率留空。");
    expect(ev.value("复盘", "K11")).toBeNull();
  });

  it("refuses an as-of date that is not a date", () => {
    const bad = withDeals(planReviewSheet, deals, PIPELINE, { asOf: "2025-02-30" });
    expect(isInvalid(bad) && bad.errors.map((e) => e.field)).toEqual(["asOf"]);
  });
});

describe("Review: revenue mix by source", () => {
  // D12 (won, 600, April) without a source: the mix must still add up to all won revenue.
  const unsourced = deals.map((d) => (d.id === "D12" ? { ...d, source: "" } : d));
  /** Won revenue by source, straight from the deals ("" for none). */
  const wonBySource = (list: readonly Deal[], source: string) =>
    list.filter((d) => d.status === "won" && d.source.toLowerCase() === source.toLowerCase()).reduce((s, d) => s + d.amount, 0);

  it("adds a (no source) row so the shares are of all won revenue", () => {
    const wb = plan(withDeals(planReviewSheet, unsourced, PIPELINE, { period: "quarterly" }));
    const ev = evaluatePlan(wb);
    const rows = ev.values("Review", "N5:P8");
    expect(rows.map((r) => r[0])).toEqual(["Event", "Referral", "Web", "(no source)"]);
    // By hand: Event D05 4000; Referral D02 3000 + D07 1500; Web D01 1000 + D03 2000; none D12 600.
    expect(rows.map((r) => r[1])).toEqual([4000, 4500, 3000, 600]);
    expect(rows.map((r) => r[1])).toEqual([wonBySource(unsourced, "Event"), wonBySource(unsourced, "Referral"), wonBySource(unsourced, "Web"), wonBySource(unsourced, "")]);
    const allWon = unsourced.filter((d) => d.status === "won").reduce((s, d) => s + d.amount, 0);
    expect(allWon).toBe(12100);
    rows.forEach((r, i) => expectNear(r[2], [4000, 4500, 3000, 600][i] / 12100));
    expect(ev.value("Review", "N9")).toBeNull();
    const pie = wb.sheets[1].charts!.find((c) => c.type === "pie")!;
    expect([pie.categories, pie.series[0].values]).toEqual(["N5:N8", "O5:O8"]);
    expect(pie.dataLabels).toBe(true);
    expect(pie.numberFormat).toBe('"$"#,##0;-"$"#,##0'); // whole dollars on the labels
  });

  it("moves a deal to (no source) when its source is cleared on the Deals sheet", () => {
    const wb = plan(withDeals(planReviewSheet, unsourced, PIPELINE, { period: "quarterly" }));
    const ev = evaluatePlan(wb);
    ev.set("Deals", "L2", null); // D01 (won, 1000, Web)
    expect(ev.values("Review", "O5:O8").map((r) => r[0])).toEqual([4000, 4500, 2000, 1600]);
    expectNear(ev.value("Review", "P8"), 1600 / 12100);
  });

  it("has the row whenever some deal has no source, and none when every deal has one", () => {
    // The sample's D06 (lost) and D10 (open) have no source: the row is there, at 0 while neither is won.
    const ev = evaluatePlan(plan(withDeals(planReviewSheet, deals, PIPELINE, { period: "quarterly" })));
    expect(ev.values("Review", "N8:O8")[0]).toEqual(["(no source)", 0]);
    ev.set("Deals", "J11", "Won"); // D10 (700) won
    expect(ev.value("Review", "O8")).toBe(700);
    const sourced = deals.map((d) => (d.source === "" ? { ...d, source: "Web" } : d));
    const wb = plan(withDeals(planReviewSheet, sourced, PIPELINE, { period: "quarterly" }));
    expect(evaluatePlan(wb).value("Review", "N8")).toBeNull();
    expect(wb.sheets[1].charts!.find((c) => c.type === "pie")!.categories).toBe("N5:N7");
  });

  it("says (no source) in Chinese", () => {
    const zh = buildDeals(PIPELINE_ZH).map((d) => (d.id === "D12" ? { ...d, source: "" } : d));
    const ev = evaluatePlan(plan(withDeals(planReviewSheet, zh, PIPELINE_ZH, { locale: "zh-CN", period: "quarterly" })));
    expect(ev.values("复盘", "N8:O8")[0]).toEqual(["（未填来源）", 600]);
  });
});
