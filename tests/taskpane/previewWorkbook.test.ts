import { formatCellValue } from "../../src/workbook/preview/numberFormat";
import { parseCellInput, PreviewWorkbook, shiftFormula } from "../../src/workbook/preview/previewWorkbook";
import { createPreviewHost, memoryStorage } from "../../src/host/preview";
import { sheetRef, WorkbookPlan } from "../../src/workbook/plan";
import { DEFAULT_SETTINGS, effectiveCurrency, normalizeSettings } from "../../src/taskpane/settings";

/** Two stages: 10 deals then 4, target conversion 50% in C1. */
function smallPlan(): WorkbookPlan {
  return {
    sheets: [
      {
        name: "Funnel",
        blocks: [
          { at: "A1", cells: [["Stage", "Deals", 0.5]] },
          { at: "A2", cells: [["Contact", 10], ["Proposal", 4]] },
          { at: "C3", cells: [[{ f: "=B3/B2" }]], numberFormat: "0.0%" },
        ],
        tables: [{ name: "Funnel", range: "A1:B3" }],
        conditionalFormats: [{ type: "cellValue", range: "C3", operator: "lessThan", formula1: "$C$1", style: { fill: "#FFC7CE" } }],
        charts: [{ type: "bar", title: "Deals", categories: "A2:A3", series: [{ name: "Deals", values: "B2:B3" }], anchor: "E1", width: 300, height: 200 }],
      },
      { name: "Summary", blocks: [{ at: "A1", cells: [[{ f: `=${sheetRef("Funnel", "B2")}+${sheetRef("Funnel", "B3")}` }]] }] },
    ],
  };
}

describe("PreviewWorkbook", () => {
  it("computes formulas and recomputes after an edit", () => {
    const wb = new PreviewWorkbook();
    wb.applyPlan(smallPlan());
    // 4 / 10 = 40%
    expect(wb.value("Funnel", "C3")).toBeCloseTo(0.4, 12);
    expect(wb.display("Funnel", "C3")).toBe("40.0%");
    wb.setInput("Funnel", "B3", "5");
    // 5 / 10 = 50%
    expect(wb.display("Funnel", "C3")).toBe("50.0%");
    expect(wb.value("Summary", "A1")).toBe(15);
  });

  it("renames a clashing sheet and rewrites the references to it", () => {
    const wb = new PreviewWorkbook();
    wb.applyPlan(smallPlan());
    const second = wb.applyPlan(smallPlan());
    expect(second.sheets).toEqual(["Funnel (2)", "Summary (2)"]);
    expect(second.tables).toEqual(["Funnel2"]);
    wb.setInput("Funnel (2)", "B2", "20");
    // the second summary follows the second funnel: 20 + 4; the first keeps 10 + 4
    expect(wb.value("Summary (2)", "A1")).toBe(24);
    expect(wb.value("Summary", "A1")).toBe(14);
  });

  it("colours a cell whose value is below the threshold cell", () => {
    const wb = new PreviewWorkbook();
    wb.applyPlan(smallPlan());
    // 40% < 50%: flagged
    expect(wb.decorations("Funnel").get("3:3")?.fill).toBe("#FFC7CE");
    wb.setInput("Funnel", "B3", "6");
    // 60% >= 50%: not flagged
    expect(wb.decorations("Funnel").get("3:3")).toBeUndefined();
  });

  it("resolves chart ranges", () => {
    const wb = new PreviewWorkbook();
    wb.applyPlan(smallPlan());
    const chart = wb.sheet("Funnel")!.plan.charts![0];
    expect(wb.chartData("Funnel", chart)).toMatchObject({ categories: ["Contact", "Proposal"], series: [{ name: "Deals", values: [10, 4] }] });
  });

  it("keeps data text that looks like a formula as text", () => {
    const wb = new PreviewWorkbook();
    wb.applyPlan({ sheets: [{ name: "Deals", blocks: [{ at: "A1", cells: [["=1+1", "+cmd"]] }] }] });
    expect(wb.value("Deals", "A1")).toBe("=1+1");
    expect(wb.value("Deals", "B1")).toBe("+cmd");
  });

  it("adds nothing when a block is not rectangular", () => {
    const wb = new PreviewWorkbook();
    expect(() => wb.applyPlan({ sheets: [{ name: "Bad", blocks: [{ at: "A1", cells: [[1, 2], [3]] }] }] })).toThrow(/rectangular/);
    expect(wb.sheets).toHaveLength(0);
  });
});

describe("preview host", () => {
  it("writes plans, lists and reads tables, and keeps settings", async () => {
    const storage = memoryStorage();
    const host = createPreviewHost(new PreviewWorkbook(), { storage, displayLanguage: "zh-CN" });
    expect(await host.writePlan(smallPlan())).toEqual({ sheets: ["Funnel", "Summary"], notices: [] });
    expect(await host.listTables()).toEqual(["Funnel"]);
    expect(await host.readTable("Funnel")).toEqual({ headers: ["Stage", "Deals"], rows: [["Contact", 10], ["Proposal", 4]] });
    await host.setSetting("k", { a: 1 });
    expect(createPreviewHost(new PreviewWorkbook(), { storage }).getSetting("k")).toEqual({ a: 1 });
    await expect(host.readSelection()).rejects.toThrow(/Select/);
  });
});

describe("helpers", () => {
  it("names a second Funnel sheet and table as the Office writer does", () => {
    const wb = new PreviewWorkbook();
    const plan = {
      sheets: [{ name: "Funnel", blocks: [{ at: "A1", cells: [["Stage"], ["Won"]] }], tables: [{ name: "Funnel", range: "A1:A2" }] }],
    };
    wb.applyPlan(plan);
    const second = wb.applyPlan(plan);
    expect(second.sheets).toEqual(["Funnel (2)"]);
    expect(second.tables).toEqual(["Funnel2"]);
  });
  it("shifts relative references only", () => {
    expect(shiftFormula("=B2<$C$1", 2, 1)).toBe("=C4<$C$1");
    expect(shiftFormula("=IF(A1=\"A1\",'A1 sheet'!A1,SUM(A$1:$A2))", 1, 1)).toBe("=IF(B2=\"A1\",'A1 sheet'!B2,SUM(B$1:$A3))");
  });
  it("reads typed input", () => {
    expect(parseCellInput("45%")).toBeCloseTo(0.45, 12);
    expect(parseCellInput("1,200")).toBe(1200);
    expect(parseCellInput("=A1*2")).toEqual({ f: "=A1*2" });
    expect(parseCellInput("")).toBeNull();
    expect(parseCellInput("Won")).toBe("Won");
  });
  it("formats numbers like Excel", () => {
    expect(formatCellValue(0.256, "0.0%")).toBe("25.6%");
    expect(formatCellValue(-1234.5, "$#,##0.00")).toBe("-$1,234.50");
    expect(formatCellValue(1234.5, "[$¥-804]#,##0")).toBe("¥1,235");
    expect(formatCellValue(1234.5, '"¥"#,##0.00;-"¥"#,##0.00')).toBe("¥1,234.50");
    // 2025-01-01 is 45658 days after 1899-12-30
    expect(formatCellValue(45658, "yyyy-mm-dd")).toBe("2025-01-01");
    expect(formatCellValue(0.1 + 0.2)).toBe("0.3");
    expect(formatCellValue(true)).toBe("TRUE");
    expect(formatCellValue("#DIV/0!", "0%")).toBe("#DIV/0!");
  });
});

describe("settings", () => {
  it("falls back to defaults for malformed stored settings", () => {
    expect(normalizeSettings({ fiscalYearStart: 13, language: "fr", currency: "dollars" })).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ onTrackThreshold: 0.9, atRiskThreshold: 0.95 })).toMatchObject({ onTrackThreshold: 1, atRiskThreshold: 0.95 });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
  it("uses the chosen currency, else the deals' most common one, else the locale's", () => {
    expect(effectiveCurrency({ ...DEFAULT_SETTINGS, currency: "EUR" }, "zh-CN", [{ currency: "USD" }])).toBe("EUR");
    expect(effectiveCurrency(DEFAULT_SETTINGS, "zh-CN", [{ currency: "USD" }, { currency: "USD" }, { currency: "CNY" }])).toBe("USD");
    expect(effectiveCurrency(DEFAULT_SETTINGS, "zh-CN")).toBe("CNY");
    expect(effectiveCurrency(DEFAULT_SETTINGS, "en-US")).toBe("USD");
  });
});
