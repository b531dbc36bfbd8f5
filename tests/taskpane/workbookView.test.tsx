/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { WorkbookView } from "../../src/preview/WorkbookView";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;
(window as unknown as { requestAnimationFrame: (f: () => void) => number }).requestAnimationFrame = (f) => {
  f();
  return 0;
};

function workbook(): PreviewWorkbook {
  const wb = new PreviewWorkbook();
  wb.applyPlan({
    sheets: [
      {
        name: "Goals",
        blocks: [
          { at: "A1", cells: [["Target", "Actual", "Attainment"]] },
          { at: "A2", cells: [[200, 150, { f: "=B2/A2" }]], numberFormat: ["#,##0", "#,##0", "0.0%"] },
        ],
        tables: [{ name: "Goals", range: "A1:C2" }],
        conditionalFormats: [{ type: "iconSet", range: "C2", icons: "3Arrows", thresholds: [0.5, 1] }],
        charts: [{ type: "column", title: "Actual vs target", categories: "A1:B1", series: [{ name: "Values", values: "A2:B2" }], anchor: "E1", width: 300, height: 200 }],
      },
    ],
  });
  return wb;
}

describe("the preview grid", () => {
  it("shows computed values by their number formats, with an icon that is not colour alone", () => {
    render(<WorkbookView workbook={workbook()} locale="en-US" />);
    // 150 / 200 = 75%: the middle arrow of three (0.5 <= 0.75 < 1)
    expect(screen.getByTestId("cell-Goals-C2").textContent).toBe("► 75.0%");
    expect(screen.getByTestId("cell-Goals-C2").dataset.value).toBe("0.75");
    expect(screen.getByRole("img", { name: "Actual vs target" })).toBeTruthy();
  });

  it("recomputes when an input is edited, by mouse or keyboard", () => {
    const wb = workbook();
    render(<WorkbookView workbook={wb} locale="en-US" />);
    fireEvent.click(screen.getByTestId("cell-Goals-B2"));
    fireEvent.change(screen.getByTestId("cell-editor"), { target: { value: "250" } });
    act(() => {
      fireEvent.submit(screen.getByTestId("cell-editor").closest("form")!);
    });
    // 250 / 200 = 125%
    expect(screen.getByTestId("cell-Goals-C2").textContent).toBe("▲ 125.0%");
    // The left arrow moves to A2 (the target): the editor shows its content.
    fireEvent.keyDown(screen.getByTestId("preview-grid"), { key: "ArrowLeft" });
    expect((screen.getByTestId("cell-editor") as HTMLInputElement).value).toBe("200");
    expect(wb.selection).toEqual({ sheet: "Goals", range: "A2:A2" });
  });

  it("says the workbook is empty before anything is generated", () => {
    render(<WorkbookView workbook={new PreviewWorkbook()} locale="zh-CN" />);
    expect(screen.getByText("工作簿为空。请在任务窗格中生成工作表。")).toBeTruthy();
  });
});
