import { planImportIssuesSheet } from "../../src/generators/importIssues";
import type { ImportIssue } from "../../src/import/errors";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";

const ISSUES: ImportIssue[] = [
  {
    record: 3,
    line: 4,
    id: "D-3",
    name: "=HYPERLINK(\"http://x\")",
    reason: "date",
    message: '"2025-02-30" is not a calendar date (column "Close Date").',
    messageKey: "row.notCalendarDate",
    messageValues: { value: "2025-02-30", column: "Close Date" },
  },
  {
    record: 9,
    line: 12,
    id: "D-9",
    name: "Two\nlines",
    reason: "stage",
    message: 'Unknown stage "Limbo": it is not in the pipeline.',
    messageKey: "row.unknownStage",
    messageValues: { value: "Limbo" },
  },
];

describe("planImportIssuesSheet", () => {
  it("lists record, line, id, name, reason and details under an ImportIssues table", () => {
    const sheet = planImportIssuesSheet(ISSUES, "en-US");
    expect(sheet.name).toBe("ImportIssues");
    expect(sheet.tables).toEqual([expect.objectContaining({ name: "ImportIssues", range: "A3:F5" })]);
    const evaluation = evaluatePlan({ sheets: [sheet] });
    expect(evaluation.values("ImportIssues", "A3:E5")).toEqual([
      ["Record", "Line", "ID", "Name", "Reason"],
      [3, 4, "D-3", "=HYPERLINK(\"http://x\")", "Date not readable"],
      [9, 12, "D-9", "Two\nlines", "Unknown stage"],
    ]);
  });

  it("keeps a hostile name a plain string, never a formula cell", () => {
    const sheet = planImportIssuesSheet(ISSUES, "en-US");
    const cell = sheet.blocks.find((block) => block.at === "A4")?.cells[0][3];
    expect(cell).toBe("=HYPERLINK(\"http://x\")");
  });

  it("localizes the headers and reasons in Chinese", () => {
    const sheet = planImportIssuesSheet(ISSUES, "zh-CN");
    // The tab is named in the workbook's language; the table keeps its stable name.
    expect([sheet.name, sheet.tables?.[0].name]).toEqual(["导入问题", "ImportIssues"]);
    const evaluation = evaluatePlan({ sheets: [sheet] });
    expect(evaluation.values(sheet.name, "A3:F3")).toEqual([["记录", "行号", "编号", "名称", "原因", "详情"]]);
    expect(evaluation.value(sheet.name, "E4")).toBe("日期无法识别");
  });

  it("writes each reason's details in the sheet's language", () => {
    const en = evaluatePlan({ sheets: [planImportIssuesSheet(ISSUES, "en-US")] });
    expect(en.values("ImportIssues", "F4:F5")).toEqual([[ISSUES[0].message], [ISSUES[1].message]]);
    const sheet = planImportIssuesSheet(ISSUES, "zh-CN");
    const zh = evaluatePlan({ sheets: [sheet] });
    expect(zh.values(sheet.name, "F4:F5")).toEqual([
      ["“2025-02-30”不是有效的日历日期（列“Close Date”）。"],
      ["未知阶段“Limbo”：销售管道中没有该阶段。"],
    ]);
    expect(zh.value(sheet.name, "A2")).toBe("共 2 行未计入任何指标。请在导出文件中修正后重新导入。");
  });

  it("says so when nothing was left out, keeping the table one row high", () => {
    const sheet = planImportIssuesSheet([], "en-US");
    expect(sheet.tables?.[0].range).toBe("A3:F4");
    expect(evaluatePlan({ sheets: [sheet] }).value("ImportIssues", "E4")).toBe("No rows were left out.");
  });
});
