/**
 * Column widths: every header shows on one line and the labels a sheet writes show whole,
 * in both languages. Widths are checked against text sizes counted here by hand: a character
 * is one width unit (the "0" of the default font), a Chinese or full-width one two, bold text
 * a tenth more, and a cell keeps one unit for its padding.
 */
import type { Locale } from "../../src/core/locale";
import { parseCell, parseRange } from "../../src/workbook/address";
import { SheetPlan } from "../../src/workbook/plan";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { defaultGoals, planGoalsSheet } from "../../src/generators/goals";
import { planMonthlySheet } from "../../src/generators/monthly";
import { planReviewSheet } from "../../src/generators/review";
import { planRisksSheet } from "../../src/generators/templates";
import { everyGeneratorPlan, must } from "./allPlans";
import { buildDeals, PIPELINE, PIPELINE_ZH, withDeals } from "./sampleDeals";

/** Width units of a text, counted independently of the generators. */
function units(text: string, bold = false): number {
  const wide = [...text].filter((ch) => /[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]/.test(ch)).length;
  const total = [...text].length + wide;
  return bold ? total * 1.1 : total;
}

/** Column letters up to ZZ. */
function letterOf(column: number): string {
  return column <= 26 ? String.fromCharCode(64 + column) : letterOf(Math.floor((column - 1) / 26)) + String.fromCharCode(65 + ((column - 1) % 26));
}

/** Width of a column (1-based), or of a run of merged columns. */
function widthOf(sheet: SheetPlan, fromColumn: number, toColumn = fromColumn): number {
  let width = 0;
  for (let c = fromColumn; c <= toColumn; c++) {
    const letter = letterOf(c);
    width += sheet.columnWidths?.[letter] ?? 8.43;
  }
  return width;
}

/** Every text cell of the sheet's header rows (bold, wrapping, shaded), with its column. */
function headerCells(sheet: SheetPlan): { address: string; text: string; column: number }[] {
  const out: { address: string; text: string; column: number }[] = [];
  for (const block of sheet.blocks) {
    if (!(block.style?.bold && block.style.wrap)) continue;
    const at = parseCell(block.at);
    block.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (typeof cell === "string" && cell !== "") out.push({ address: `${letterOf(at.column + j)}${at.row + i}`, text: cell, column: at.column + j });
      }),
    );
  }
  return out;
}

describe.each<Locale>(["en-US", "zh-CN"])("column widths (%s)", (locale) => {
  const plans = everyGeneratorPlan(locale);

  it("shows every header of every generated sheet on one line", () => {
    const tooNarrow: string[] = [];
    for (const key of Object.keys(plans)) {
      for (const sheet of plans[key].sheets) {
        for (const h of headerCells(sheet)) {
          if (units(h.text, true) + 1 > widthOf(sheet, h.column)) tooNarrow.push(`${sheet.name}!${h.address} "${h.text}" (${widthOf(sheet, h.column)})`);
        }
      }
    }
    expect(tooNarrow).toEqual([]);
  });

  it("shows the labels beside a value whole: Reps' cap (N9), Customers' as-of and HHI (A3:A4)", () => {
    const reps = plans.reps.sheets[1];
    const cap = reps.blocks.find((b) => b.at === "N9")!.cells[0][0] as string;
    expect(units(cap, true) + 1).toBeLessThanOrEqual(widthOf(reps, 14));
    const customers = plans.customers.sheets[1];
    const labels = customers.blocks.find((b) => b.at === "A3")!.cells.map((row) => row[0] as string);
    expect(labels).toHaveLength(2);
    for (const label of labels) expect(units(label, true) + 1).toBeLessThanOrEqual(widthOf(customers, 1));
  });

  it("shows the Forecast's summary labels and month labels whole in column A", () => {
    const sheet = plans.forecast.sheets[1];
    const labels = sheet.blocks.filter((b) => /^A[3-7]$/.test(b.at)).map((b) => b.cells[0][0] as string);
    expect(labels).toHaveLength(5);
    for (const label of labels) expect(units(label, true) + 1).toBeLessThanOrEqual(widthOf(sheet, 1));
  });
});

describe("Review: column A fits the longest period label", () => {
  it("fits '2025-04 (partial)' (17 characters)", () => {
    const sheet = must(withDeals(planReviewSheet, buildDeals(), PIPELINE, { period: "monthly" })).sheets[1];
    expect(sheet.columnWidths!.A).toBeGreaterThanOrEqual(17 + 1);
    expect(sheet.columnWidths!.A).toBeLessThanOrEqual(17 + 4);
  });
  it("fits '2025年第2季度（部分）' (21 units: 7 Chinese or full-width characters and 7 others)", () => {
    const sheet = must(withDeals(planReviewSheet, buildDeals(PIPELINE_ZH), PIPELINE_ZH, { locale: "zh-CN", period: "quarterly" })).sheets[1];
    expect(evaluatePlan({ sheets: [sheet] }).value("复盘", "A7")).toBe("2025年第2季度（部分）");
    expect(units("2025年第2季度（部分）")).toBe(21);
    expect(sheet.columnWidths!.A).toBeGreaterThanOrEqual(21 + 1);
  });
});

describe("Monthly: the growth header stays in its row", () => {
  it("gives 'Growth vs previous month' (24 characters, bold) one line", () => {
    const sheet = must(withDeals(planMonthlySheet, buildDeals(), PIPELINE)).sheets[1];
    expect(sheet.columnWidths!.D).toBeGreaterThanOrEqual(24 * 1.1 + 1);
    expect(sheet.columnWidths!.A).toBeGreaterThanOrEqual("2025-04 (partial)".length + 1);
  });
});

describe("Goals: headers, goal texts and the total's label", () => {
  const goals = (locale: Locale) => must(planGoalsSheet(defaultGoals(locale, 2025), { locale, asOf: "2025-06-30" })).sheets[0];

  it("fits Accumulates and Time elapsed, the longest goal text and the threshold labels (en-US)", () => {
    const sheet = goals("en-US");
    expect(sheet.columnWidths!.J).toBeGreaterThanOrEqual(11 * 1.1 + 1); // "Accumulates"
    expect(sheet.columnWidths!.O).toBeGreaterThanOrEqual(12 * 1.1 + 1); // "Time elapsed"
    // "Raise the share of satisfied customers in the survey": 52 characters.
    expect(sheet.columnWidths!.C).toBeGreaterThanOrEqual(52 + 1);
    // "On track when pace is at least", "At risk when pace is at least": bold labels beside B's inputs.
    expect(sheet.columnWidths!.A).toBeGreaterThanOrEqual(30 * 1.1 + 1);
  });

  it("writes the total's label over O:R, right-aligned beside its value in S, wide enough in both languages", () => {
    for (const locale of ["en-US", "zh-CN"] as Locale[]) {
      const sheet = goals(locale);
      const last = 7 + defaultGoals(locale, 2025).length; // header row 7, goals from row 8
      const row = last + 2; // a blank row below the table
      expect(sheet.merges).toContain(`O${row}:R${row}`);
      const label = sheet.blocks.find((b) => b.at === `O${row}`)!;
      expect(label.style).toEqual(expect.objectContaining({ bold: true, horizontalAlignment: "right" }));
      const text = label.cells[0][0] as string;
      expect(text).toBe(locale === "en-US" ? "Weighted score (all goals)" : "加权总分（全部目标）");
      const merged = parseRange(`O${row}:R${row}`);
      expect(units(text, true) + 1).toBeLessThanOrEqual(widthOf(sheet, merged.left, merged.right));
    }
  });

  it("fits the satisfaction goal's text in Chinese (提高调查中满意客户的比例: 24 units)", () => {
    const sheet = goals("zh-CN");
    expect(units("提高调查中满意客户的比例")).toBe(24);
    expect(sheet.columnWidths!.C).toBeGreaterThanOrEqual(24 + 1);
    expect(sheet.columnWidths!.J).toBeGreaterThanOrEqual(units("是否累计", true) + 1);
  });
});

describe("Risks: 'Impact (1-5)' on one line", () => {
  it.each<[Locale, string]>([
    ["en-US", "Impact (1-5)"],
    ["zh-CN", "影响（1-5）"],
  ])("%s", (locale, header) => {
    const sheet = must(planRisksSheet(undefined, { locale, asOf: "2025-06-30" })).sheets[0];
    expect(sheet.blocks.find((b) => b.at === "A5")!.cells[0][3]).toBe(header);
    expect(sheet.columnWidths!.D).toBeGreaterThanOrEqual(units(header, true) + 1);
  });
});
