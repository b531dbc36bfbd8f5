/**
 * Monthly, Reps, Review, Forecast and Customers over the Deals sheet, evaluated by
 * HyperFormula and compared with numbers computed here from the definitions.
 */
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { WorkbookPlan } from "../../src/workbook/plan";
import { isInvalid, PlanResult } from "../../src/generators/common";
import { planMonthlySheet } from "../../src/generators/monthly";
import { planRepsSheet } from "../../src/generators/reps";
import { planReviewSheet } from "../../src/generators/review";
import { planForecastSheet } from "../../src/generators/forecast";
import { planCustomersSheet } from "../../src/generators/customers";
import { buildDeals, expectNear, monthOf, PIPELINE, PIPELINE_ZH, serial, wonRevenueBy, withDeals } from "./sampleDeals";

function plan(result: PlanResult): WorkbookPlan {
  if (isInvalid(result)) throw new Error(JSON.stringify(result.errors));
  return result;
}
const deals = buildDeals();
// The sample's data is as of 2025-04-25 (D12 won then; D08 and D09 are open, their close
// dates only expected), so April is not over. A lost deal closed on 2025-04-30 ends it.
const aprilOver = [
  ...deals,
  { ...deals[3], id: "D13", name: "Deal D13", amount: 300, createdDate: "2025-04-01", closeDate: "2025-04-30", source: "Web" },
];

describe("Monthly", () => {
  const wb = plan(withDeals(planMonthlySheet, deals, PIPELINE));
  it("lists every month from the first to the last won close month (2024-11 .. 2025-04)", () => {
    const ev = evaluatePlan(wb);
    const months = ev.values("Monthly", "E4:E9").map((r) => r[0]);
    expect(months).toEqual(["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"].map(serial));
    expect(ev.values("Monthly", "A4:A9").map((r) => r[0])).toEqual(["2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04 (partial)"]);
    expect(wb.sheets[1].tables![0]).toEqual(expect.objectContaining({ name: "Monthly", range: "A3:E9" }));
  });
  it("sums won revenue by close month and computes growth vs an ABS base", () => {
    const ev = evaluatePlan(wb);
    const byMonth = wonRevenueBy(deals, (d) => monthOf(d.closeDate));
    const labels = ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04"];
    const expected = labels.map((m) => byMonth.get(m) ?? 0);
    // By hand: Nov 1000; Dec 0; Jan 3000+2000; Feb 0; Mar 4000; Apr 1500+600.
    expect(expected).toEqual([1000, 0, 5000, 0, 4000, 2100]);
    const rows = ev.values("Monthly", "B4:D9");
    expect(rows.map((r) => r[0])).toEqual(expected);
    expect(rows.map((r) => r[1])).toEqual([1, 0, 2, 0, 1, 2]);
    expect(rows[0][2]).toBeNull();
    expectNear(rows[1][2], -1); // 0 vs 1000
    expect(rows[2][2]).toBe(""); // base 0: blank, not #DIV/0!
    expect(rows[5][2]).toBeNull(); // April is partial: no growth (was (2100 - 4000) / 4000 = -47.5%)
  });
  it("marks a last month not over on the data's date partial, with a note and no growth", () => {
    const ev = evaluatePlan(wb);
    expect(ev.value("Monthly", "A2")).toBe("Data as of 2025-04-25: a period marked partial is not over yet; its numbers are those so far and its growth is left blank.");
    expect(ev.value("Monthly", "B9")).toBe(1500 + 600); // so far: D07 (04-05) and D12 (04-25)
    expect(wb.sheets[1].blocks.find((b) => b.at === "A4")!.cells[5][3]).toBeNull();
    // The chart stops at March, the last complete month, as the Review's does.
    const chart = wb.sheets[1].charts![0];
    expect([chart.categories, chart.series[0].values]).toEqual(["A4:A8", "B4:B8"]);
  });
  it("computes the last month's growth once the month is over", () => {
    const over = plan(withDeals(planMonthlySheet, aprilOver, PIPELINE));
    const ev = evaluatePlan(over);
    expect(ev.value("Monthly", "A9")).toBe("2025-04");
    expect(ev.value("Monthly", "A2")).toBeNull();
    expectNear(ev.value("Monthly", "D9"), (2100 - 4000) / 4000);
    expect(over.sheets[1].charts![0].categories).toBe("A4:A9");
  });
  it("says partial in Chinese", () => {
    const zh = plan(withDeals(planMonthlySheet, buildDeals(PIPELINE_ZH), PIPELINE_ZH, { locale: "zh-CN" }));
    const ev = evaluatePlan(zh);
    expect(ev.value("月度收入", "A9")).toBe("2025-04（部分）");
    expect(ev.value("月度收入", "A2")).toBe("数据截至 2025-04-25：标为“部分”的期间尚未结束，其数字为截至目前的数据，增长率留空。");
    expect(ev.value("月度收入", "D9")).toBeNull();
  });
  it("moves when a deal's status changes", () => {
    const ev = evaluatePlan(wb);
    ev.set("Deals", "J5", "Won"); // D04 (Feb, 500) lost -> won
    expect(ev.value("Monthly", "B7")).toBe(500);
    expectNear(ev.value("Monthly", "D7"), -0.9); // (500-5000)/5000
  });
});

describe("Reps", () => {
  const wb = plan(withDeals(planRepsSheet, deals, PIPELINE, { quotas: { Alice: 5000, Bob: 4000, Carol: 5000 }, satisfaction: { Alice: 4.5 } }));
  it("lists reps by name with a Reps and a Scorecard table", () => {
    const ev = evaluatePlan(wb);
    expect(ev.values("Reps", "A5:A7").map((r) => r[0])).toEqual(["Alice", "Bob", "Carol"]);
    expect(wb.sheets[1].tables!.map((t) => t.name)).toEqual(["Reps", "Scorecard"]);
  });
  it("computes revenue, attainment, win rate, average deal and cycle days from the definitions", () => {
    const ev = evaluatePlan(wb);
    const rows = ev.values("Reps", "A5:J7");
    for (const row of rows) {
      const rep = row[0] as string;
      const mine = deals.filter((d) => d.owner === rep);
      const wonDeals = mine.filter((d) => d.status === "won");
      const lostCount = mine.filter((d) => d.status === "lost").length;
      const revenue = wonDeals.reduce((s, d) => s + d.amount, 0);
      const quota = { Alice: 5000, Bob: 4000, Carol: 5000 }[rep]!;
      const cycles = wonDeals.map((d) => serial(d.closeDate!) - serial(d.createdDate!));
      expect(row[1]).toBe(revenue);
      expectNear(row[3], revenue / quota);
      expect(row[4]).toBe(wonDeals.length);
      expect(row[5]).toBe(lostCount);
      expectNear(row[6], wonDeals.length / (wonDeals.length + lostCount));
      expectNear(row[7], revenue / wonDeals.length);
      expectNear(row[8], cycles.reduce((a, b) => a + b, 0) / cycles.length);
    }
    // By hand: Alice won D01 1000 + D02 3000 = 4000 (80% of 5000); Bob 2000; Carol 4000+1500+600 = 6100.
    expect(rows.map((r) => r[1])).toEqual([4000, 2000, 6100]);
  });
  it("scores each rep as the weighted mean of capped ratios, and ranks them", () => {
    const ev = evaluatePlan(wb);
    const teamAverageWon = (2 + 1 + 3) / 3;
    const cap = 1.5;
    const score = (att: number, winRate: number, won: number, sat: number | null): number => {
      let num = 0.5 * Math.min(att / 1, cap) + 0.2 * Math.min(winRate / 0.3, cap) + 0.15 * Math.min(won / teamAverageWon, cap);
      let den = 0.5 + 0.2 + 0.15;
      if (sat !== null) {
        num += 0.15 * Math.min(sat / 5, cap);
        den += 0.15;
      }
      return num / den;
    };
    // Alice: 4000/5000, 2 won 1 lost; Bob: 2000/4000, 1 won 2 lost; Carol: 6100/5000, 3 won 0 lost.
    const expected = [score(0.8, 2 / 3, 2, 4.5), score(0.5, 1 / 3, 1, null), score(1.22, 1, 3, null)];
    const got = ev.values("Reps", "K5:L7");
    got.forEach((row, i) => expect(row[0]).toBeCloseTo(expected[i], 9));
    const order = [...expected].sort((a, b) => b - a);
    expect(got.map((r) => r[1])).toEqual(expected.map((s) => order.indexOf(s) + 1));
    ev.set("Reps", "C7", 50000); // Carol's quota up: her attainment and score fall
    expectNear(ev.value("Reps", "D7"), 6100 / 50000);
    expectNear(ev.value("Reps", "K7"), score(6100 / 50000, 1, 3, null));
  });
  it("refuses a quota of 0", () => {
    const bad = withDeals(planRepsSheet, deals, PIPELINE, { quotas: { Bob: 0 } });
    expect(isInvalid(bad) && bad.errors[0].field).toBe("quotas.Bob");
  });
});

describe("Review", () => {
  it("rolls up by quarter with win rate, conversion and growth", () => {
    // As of the end of June, Q2 2025 is over (see review.test.ts for a period not over yet).
    const wb = plan(withDeals(planReviewSheet, deals, PIPELINE, { period: "quarterly", asOf: "2025-06-30" }));
    const ev = evaluatePlan(wb);
    // Dates span 2024-10-01 .. 2025-06-30: Q4 2024, Q1, Q2 2025.
    expect(ev.values("Review", "A5:A7").map((r) => r[0])).toEqual(["2024 Q4", "2025 Q1", "2025 Q2"]);
    const quarters = [
      ["2024-10-01", "2024-12-31"],
      ["2025-01-01", "2025-03-31"],
      ["2025-04-01", "2025-06-30"],
    ];
    const rows = ev.values("Review", "B5:L7");
    quarters.forEach(([a, b], i) => {
      const inQ = (iso: string | null) => iso !== null && iso >= a && iso <= b;
      const won = deals.filter((d) => d.status === "won" && inQ(d.closeDate));
      const lost = deals.filter((d) => d.status === "lost" && inQ(d.closeDate));
      const created = deals.filter((d) => inQ(d.createdDate));
      const revenue = won.reduce((s, d) => s + d.amount, 0);
      expect(rows[i][0]).toBe(serial(a));
      expect(rows[i][1]).toBe(serial(b));
      expect(rows[i][2]).toBe(revenue);
      expect(rows[i][3]).toBe(won.length);
      expect(rows[i][4]).toBe(lost.length);
      expect(rows[i][5]).toBe(won.length + lost.length === 0 ? "" : won.length / (won.length + lost.length));
      expect(rows[i][6]).toBe(won.length === 0 ? "" : revenue / won.length);
      expect(rows[i][7]).toBe(created.length);
      const createdWon = created.filter((d) => d.status === "won").length;
      if (created.length === 0) expect(rows[i][8]).toBe("");
      else expectNear(rows[i][8], createdWon / created.length);
    });
    // By hand: Q4 2024 won 1000; Q1 2025 won 3000+2000+4000 = 9000 -> +800%; Q2 2100 -> -76.7%.
    expect(rows.map((r) => r[2])).toEqual([1000, 9000, 2100]);
    expectNear(rows[1][9], 8);
    expectNear(rows[2][9], (2100 - 9000) / 9000);
    expect(rows.map((r) => r[10])).toEqual([null, null, null]); // no year before in the data
  });
  it("compares with the same month a year before when the data reaches back", () => {
    const moved = buildDeals().map((d) => (d.id === "D01" ? { ...d, createdDate: "2024-01-01", closeDate: "2024-01-20" } : d));
    const wb = plan(withDeals(planReviewSheet, moved, PIPELINE, { period: "monthly" }));
    const ev = evaluatePlan(wb);
    // Months 2024-01 .. 2025-06: row 5 = 2024-01 (1000), row 17 = 2025-01 (5000): +400%.
    expect(ev.value("Review", "A17")).toBe("2025-01");
    expectNear(ev.value("Review", "L17"), 4);
    expect(ev.value("Review", "L18")).toBe(""); // 2024-02 had 0
  });
  it("sums the revenue mix by source", () => {
    const wb = plan(withDeals(planReviewSheet, deals, PIPELINE, { period: "monthly" }));
    const ev = evaluatePlan(wb);
    const bySource = wonRevenueBy(deals, (d) => d.source);
    const rows = ev.values("Review", "N5:P7");
    expect(rows.map((r) => r[0])).toEqual(["Event", "Referral", "Web"]);
    rows.forEach((r) => expect(r[1]).toBe(bySource.get(r[0] as string)));
    expectNear(rows.reduce((s, r) => s + (r[2] as number), 0), 1);
    expect(wb.sheets[1].charts!.map((c) => c.type)).toEqual(["line", "pie"]);
  });
  it("groups weeks from Monday", () => {
    const wb = plan(withDeals(planReviewSheet, deals, PIPELINE, { period: "weekly", from: "2025-01-08", to: "2025-01-21" }));
    const ev = evaluatePlan(wb);
    // 2025-01-08 is a Wednesday: weeks start 2025-01-06, 01-13, 01-20.
    expect(ev.values("Review", "A5:A7").map((r) => r[0])).toEqual(["2025-01-06", "2025-01-13", "2025-01-20"]);
    expect(ev.values("Review", "D5:D7").map((r) => r[0])).toEqual([3000, 0, 2000]);
  });
  it("refuses an end before the start", () => {
    const bad = withDeals(planReviewSheet, deals, PIPELINE, { from: "2025-05-01", to: "2025-01-01" });
    expect(isInvalid(bad) && bad.errors[0].field).toBe("from");
  });
});

describe("Forecast", () => {
  const wb = plan(withDeals(planForecastSheet, deals, PIPELINE, { horizon: 2, window: 3 }));
  /** Least-squares line through (1, y1), (2, y2)...: mean + slope x (x - mean x). */
  const fit = (y: number[]) => {
    const x = y.map((_, i) => i + 1);
    const mx = x.reduce((a, b) => a + b) / x.length;
    const my = y.reduce((a, b) => a + b) / y.length;
    const slope = x.reduce((s, xi, i) => s + (xi - mx) * (y[i] - my), 0) / x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
    return (xi: number) => my + slope * (xi - mx);
  };
  it("fits the complete months only when the last one is not over (April, as of 2025-04-25)", () => {
    const ev = evaluatePlan(wb);
    // Fitted: Nov 1000, Dec 0, Jan 5000, Feb 0, Mar 4000. By hand: mean x 3, mean y 2000,
    // slope (2000 + 2000 + 0 - 2000 + 4000) / 10 = 600, so the line is 2000 + 600 (x - 3).
    const line = fit([1000, 0, 5000, 0, 4000]);
    expect(line(7)).toBeCloseTo(4400, 9);
    const rows = ev.values("Forecast", "A10:E17");
    expect(rows.map((r) => r[0])).toEqual(["2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04 (partial)", "2025-05", "2025-06"]);
    expect(rows.map((r) => r[2])).toEqual([1000, 0, 5000, 0, 4000, 2100, null, null]); // April's actual so far is shown
    rows.forEach((r, i) => expect(r[3]).toBeCloseTo(line(i + 1), 6));
    expect(rows[1][4]).toBeNull();
    expectNear(rows[2][4], (1000 + 0 + 5000) / 3);
    expectNear(rows[4][4], (5000 + 0 + 4000) / 3);
    // From the partial month on, the moving average carries the last complete one.
    rows.slice(5).forEach((r) => expectNear(r[4], 3000));
    expectNear(ev.value("Forecast", "B3"), 4400); // June, on the line
    expectNear(ev.value("Forecast", "B4"), 3000);
    expectNear(ev.value("Forecast", "B5"), 3000 * 12);
    expect(ev.value("Forecast", "A2")).toBe("Data as of 2025-04-25: 2025-04 is not over yet, so the trend, moving average and run-rate use the complete months only (up to 2025-03).");
    // The chart's actual line ends in March; trend and moving average run on to June.
    const chart = wb.sheets[1].charts![0];
    expect([chart.categories, ...chart.series.map((s) => s.values)]).toEqual(["A10:A17", "C10:C14", "D10:D17", "E10:E17"]);
  });
  it("extends the least-squares line, the moving average and the run-rate through every complete month", () => {
    const ev = evaluatePlan(plan(withDeals(planForecastSheet, aprilOver, PIPELINE, { horizon: 2, window: 3 })));
    const y = [1000, 0, 5000, 0, 4000, 2100];
    const line = fit(y);
    const rows = ev.values("Forecast", "B10:E17");
    expect(rows.map((r) => r[1])).toEqual([...y, null, null]);
    rows.forEach((r, i) => expect(r[2]).toBeCloseTo(line(i + 1), 6));
    expect(rows[1][3]).toBeNull();
    expectNear(rows[2][3], (1000 + 0 + 5000) / 3);
    expectNear(rows[5][3], (0 + 4000 + 2100) / 3);
    expectNear(rows[6][3], (0 + 4000 + 2100) / 3);
    expectNear(ev.value("Forecast", "B3"), line(7));
    expectNear(ev.value("Forecast", "B5"), ((0 + 4000 + 2100) / 3) * 12);
    expect(ev.value("Forecast", "A2")).toBeNull();
    expect(ev.value("Forecast", "A15")).toBe("2025-04");
  });
  it("draws the actual line through every month when all are complete", () => {
    const chart = plan(withDeals(planForecastSheet, aprilOver, PIPELINE, { horizon: 2, window: 3 })).sheets[1].charts![0];
    expect(chart.series.map((s) => s.values)).toEqual(["C10:C17", "D10:D17", "E10:E17"]);
  });
  it("says so in Chinese", () => {
    const ev = evaluatePlan(plan(withDeals(planForecastSheet, buildDeals(PIPELINE_ZH), PIPELINE_ZH, { locale: "zh-CN" })));
    expect(ev.value("预测", "A15")).toBe("2025-04（部分）");
    expect(ev.value("预测", "A2")).toBe("数据截至 2025-04-25：2025-04 尚未结束，线性趋势、移动平均和年化运行率只用已完整的月份（至 2025-03）。");
    expectNear(ev.value("预测", "B5"), 3000 * 12);
  });
  it("sums the open and the weighted open pipeline", () => {
    const ev = evaluatePlan(wb);
    const open = deals.filter((d) => d.status === "open");
    // By hand: 2500 + 1200 + 700 = 4400; weighted 2500*0.8 + 1200*0.25 + 700*0.1 = 2370.
    expect(ev.value("Forecast", "B6")).toBe(open.reduce((s, d) => s + d.amount, 0));
    expectNear(ev.value("Forecast", "B7"), 2370);
    ev.set("Deals", "K9", 0.5); // D08 probability 0.8 -> 0.5
    expectNear(ev.value("Forecast", "B7"), 2370 - 2500 * 0.3);
  });
});

describe("Customers", () => {
  const wb = plan(withDeals(planCustomersSheet, deals, PIPELINE, { asOf: "2025-06-30" }));
  it("profiles each customer from its won deals", () => {
    const ev = evaluatePlan(wb);
    const rows = ev.values("Customers", "A7:H11");
    const total = deals.filter((d) => d.status === "won").reduce((s, d) => s + d.amount, 0);
    for (const row of rows) {
      const won = deals.filter((d) => d.customer === row[0] && d.status === "won");
      const revenue = won.reduce((s, d) => s + d.amount, 0);
      expect(row[1]).toBe(revenue);
      expect(row[2]).toBe(won.length);
      if (won.length === 0) {
        expect(row.slice(3, 7)).toEqual(["", "", "", ""]);
      } else {
        const dates = won.map((d) => serial(d.closeDate!));
        expect(row[3]).toBe(Math.min(...dates));
        expect(row[4]).toBe(Math.max(...dates));
        expectNear(row[5], revenue / won.length);
        expect(row[6]).toBe(serial("2025-06-30") - Math.max(...dates));
      }
      expectNear(row[7], revenue / total);
    }
    // By hand, highest revenue first: Cora 4000, Acme 4000, Beta 2600, Dyna 1500, Echo 0.
    expect(rows.map((r) => r[0])).toEqual(["Acme", "Cora", "Beta", "Dyna", "Echo"]);
  });
  it("computes the HHI and its reading", () => {
    const ev = evaluatePlan(wb);
    const shares = [4000, 4000, 2600, 1500, 0].map((v) => (100 * v) / 12100);
    const hhi = shares.reduce((s, x) => s + x * x, 0); // about 2768: high
    expectNear(ev.value("Customers", "B4"), hhi);
    expect(ev.value("Customers", "C4")).toBe("High concentration (risk)");
    ev.set("Deals", "E2", 0); // Acme's first deal 1000 -> 0
    const after = [3000, 4000, 2600, 1500, 0].map((v) => (100 * v) / 11100).reduce((s, x) => s + x * x, 0);
    expectNear(ev.value("Customers", "B4"), after);
  });
  it("lists the largest customers and puts the rest on one row", () => {
    const top = plan(withDeals(planCustomersSheet, deals, PIPELINE, { asOf: "2025-06-30", maxCustomers: 3 }));
    const ev = evaluatePlan(top);
    // Acme 4000, Cora 4000, Beta 2600 listed; Dyna 1500 + Echo 0 are the other 2 (1 deal won).
    expect(ev.values("Customers", "A10:C10")).toEqual([["Other customers (2)", 1500, 1]]);
    const shares = ev.values("Customers", "H7:H10").map((r) => r[0] as number);
    expectNear(shares.reduce((a, b) => a + b, 0), 1);
    const listed = [4000, 4000, 2600].map((v) => (100 * v) / 12100);
    expectNear(ev.value("Customers", "B4"), listed.reduce((s2, x) => s2 + x * x, 0), 1e-6);
    ev.set("Deals", `E${2 + deals.findIndex((d) => d.id === "D07")}`, 2500); // Dyna's win 1500 -> 2500
    expect(ev.value("Customers", "B10")).toBe(2500);
  });

  it("writes zh-CN sheet names and readings", () => {
    const zh = plan(withDeals(planCustomersSheet, buildDeals(PIPELINE_ZH), PIPELINE_ZH, { locale: "zh-CN", asOf: "2025-06-30" }));
    const ev = evaluatePlan(zh);
    expect(zh.sheets.map((s) => s.name)).toEqual(["商机", "客户档案"]);
    expect(ev.value("客户档案", "C4")).toBe("高度集中（风险）");
    expect(ev.value("客户档案", "B7")).toBe(4000);
  });
});
