/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import * as React from "react";
import { render } from "@testing-library/react";
import { ChartView } from "../../src/preview/ChartView";
import { textWidth } from "../../src/preview/chartLayout";
import type { ChartData } from "../../src/workbook/preview/previewWorkbook";
import type { ChartPlan } from "../../src/workbook/plan";

function chart(over: Partial<ChartPlan>, categories: string[], series: ChartData["series"]): ChartData {
  return {
    chart: { type: "column", title: "Chart", categories: "A1:A2", series: [], anchor: "A1", width: 560, height: 320, ...over },
    categories,
    series,
  };
}

function draw(data: ChartData): HTMLElement {
  return render(<ChartView data={data} testId="c" />).container;
}

const texts = (root: HTMLElement, id: string) => [...root.querySelectorAll(`[data-testid="${id}"]`)].map((el) => el.textContent ?? "");
/** A label as shown: its lines (tspans) joined by spaces, or its text when on one line. */
const shown = (el: Element) => {
  const spans = [...el.querySelectorAll("tspan")];
  return spans.length > 0 ? spans.map((s) => s.textContent).join(" ") : el.textContent ?? "";
};

const MONTHS = Array.from({ length: 12 }, (_x, i) => `2024-${String(i + 1).padStart(2, "0")}`);
const STAGES = ["Initial contact", "Needs analysis", "Proposal", "Negotiation & signing", "Won"];

describe("preview charts", () => {
  it("gives the forecast's three lines a legend, a value axis in the chart's format and whole month labels", () => {
    const actual = [120000, 135000, 128000, 150000, 161000, 158000, 170000, null, null, null, null, null];
    const trend = MONTHS.map((_m, i) => 118000 + 6500 * i);
    const average = [null, null, 127667, 137667, 146333, 156333, 163000, 166000, 168000, 170000, 172000, 174000];
    const root = draw(
      chart({ type: "line", title: "Revenue forecast", numberFormat: "$#,##0", showLegend: true }, MONTHS, [
        { name: "Actual", values: actual },
        { name: "Trend", values: trend },
        { name: "Moving average", values: average },
      ]),
    );
    expect(texts(root, "c-legend-entry")).toEqual(["Actual", "Trend", "Moving average"]);
    // Three lines that differ by more than colour: the legend's samples carry their dashes.
    const dashes = [...root.querySelectorAll('[data-testid="c-legend-entry"] line')].map((l) => l.getAttribute("stroke-dasharray"));
    expect(new Set(dashes).size).toBe(3);
    // Nice steps from 0 past the largest value (189,500), every tick in "$#,##0".
    const ticks = texts(root, "c-tick");
    expect(ticks[0]).toBe("$0");
    expect(ticks).toContain("$100,000");
    expect(ticks.every((t) => /^\$\d{1,3}(,\d{3})*$/.test(t))).toBe(true);
    const values = ticks.map((t) => Number(t.replace(/[$,]/g, "")));
    expect(values[values.length - 1]).toBeGreaterThanOrEqual(118000 + 6500 * 11);
    // Every shown month whole, and at least every second month shown.
    const labels = [...root.querySelectorAll('[data-testid="c-category"]')];
    expect(labels.length).toBeGreaterThanOrEqual(6);
    labels.forEach((l) => expect(MONTHS).toContain(shown(l)));
    // The first label is not clipped by the chart's left edge.
    const first = labels[0];
    const x = Number(first.getAttribute("x"));
    if (first.getAttribute("text-anchor") === "middle") expect(x - textWidth(shown(first)) / 2).toBeGreaterThanOrEqual(0);
    const last = labels[labels.length - 1];
    expect(Number(last.getAttribute("x")) + textWidth(shown(last)) / 2).toBeLessThanOrEqual(558);
  });

  it("shows funnel stages whole (wrapped at spaces, never cut) with their counts", () => {
    const root = draw(chart({ type: "funnel", title: "Sales funnel", width: 300, height: 220, dataLabels: true, showLegend: false }, STAGES, [{ name: "Deals", values: [200, 120, 60, 30, 12] }]));
    expect([...root.querySelectorAll('[data-testid="c-category"]')].map(shown)).toEqual(STAGES);
    expect(texts(root, "c-data-label")).toEqual(["200", "120", "60", "30", "12"]);
    expect(root.querySelector('[data-testid="c-legend"]')).toBeNull();
    // Excel's funnel has no value axis either.
    expect(root.querySelector('[data-testid="c-value-axis"]')).toBeNull();
  });

  it("draws bars of two series with a legend, rep names whole and money ticks", () => {
    const reps = ["Carla Dimitrova", "Wang Fang", "Jean-Baptiste Okonkwo", "Ana Li"];
    const root = draw(
      chart({ type: "bar", title: "Won revenue vs quota", numberFormat: "[$¥-804]#,##0", showLegend: true, width: 420, height: 260 }, reps, [
        { name: "Won revenue", values: [180000, 95000, 240000, 60000] },
        { name: "Quota", values: [200000, 200000, 200000, 150000] },
      ]),
    );
    expect([...root.querySelectorAll('[data-testid="c-category"]')].map(shown)).toEqual(reps);
    expect(texts(root, "c-legend-entry")).toEqual(["Won revenue", "Quota"]);
    const ticks = texts(root, "c-tick");
    expect(ticks[0]).toBe("¥0");
    expect(ticks).toContain("¥100,000");
  });

  it("labels a few columns with their values and leaves many columns unlabelled", () => {
    const few = draw(chart({ title: "Attainment", numberFormat: "0%" }, ["Q1", "Q2", "Q3"], [{ name: "Attainment", values: [0.8, 1.05, 0.6] }]));
    expect(texts(few, "c-data-label")).toEqual(["80%", "105%", "60%"]);
    expect(texts(few, "c-tick")).toEqual(["0%", "20%", "40%", "60%", "80%", "100%", "120%"]);
    // One series and no showLegend: no legend.
    expect(few.querySelector('[data-testid="c-legend"]')).toBeNull();
    const many = draw(chart({ title: "Monthly" }, MONTHS.concat(MONTHS), [{ name: "Revenue", values: MONTHS.concat(MONTHS).map((_m, i) => i * 10) }]));
    expect(texts(many, "c-data-label")).toEqual([]);
    expect(many.querySelectorAll('[data-testid="c-category"]').length).toBeGreaterThan(0);
  });

  it("slants or thins out long category labels rather than cut them", () => {
    const names = ["Initial contact", "Needs analysis", "Proposal", "Negotiation & signing", "Closed won", "Closed lost", "On hold", "Qualification"];
    const root = draw(chart({ title: "Deals by stage", width: 300, height: 220 }, names, [{ name: "Deals", values: [5, 4, 3, 2, 1, 1, 1, 1] }]));
    const labels = [...root.querySelectorAll('[data-testid="c-category"]')].map(shown);
    expect(labels.length).toBeGreaterThan(0);
    labels.forEach((l) => expect(names).toContain(l));
    const mode = root.querySelector('[data-testid="c-categories"]')!.getAttribute("data-mode");
    if (mode === "rotate") {
      // A slanted label ends at its slot's centre: the first one's start stays inside the chart.
      const first = root.querySelector('[data-testid="c-category"]')!;
      expect(Number(first.getAttribute("x")) - textWidth(shown(first)) * Math.SQRT1_2).toBeGreaterThanOrEqual(0);
    }
  });

  it("gives a pie a legend of its categories and slice shares", () => {
    const root = draw(chart({ type: "doughnut", title: "Revenue by source", showLegend: true, dataLabels: true, width: 380, height: 300 }, ["Referral", "Web", "Partner"], [{ name: "Revenue", values: [50, 30, 20] }]));
    expect(texts(root, "c-legend-entry")).toEqual(["Referral", "Web", "Partner"]);
    expect(texts(root, "c-data-label")).toEqual(["50%", "30%", "20%"]);
    expect(root.querySelector('[data-testid="c-value-axis"]')).toBeNull();
  });

  it("is drawn at its planned size", () => {
    const root = draw(chart({ width: 333, height: 211 }, ["A"], [{ name: "S", values: [1] }]));
    const figure = root.querySelector<HTMLElement>('[data-testid="c"]')!;
    expect([figure.style.width, figure.style.height]).toEqual(["333px", "211px"]);
  });
});
