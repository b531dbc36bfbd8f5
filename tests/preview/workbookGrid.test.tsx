/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { WorkbookView } from "../../src/preview/WorkbookView";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { columnPixels, rowPixels } from "../../src/workbook/sheetGeometry";
import type { SheetPlan } from "../../src/workbook/plan";
import { EXTRA_ROWS } from "../../src/preview/gridGeometry";

(window as unknown as { requestAnimationFrame: (f: () => void) => number }).requestAnimationFrame = (f) => {
  f();
  return 0;
};

const rowElements = () => screen.getByTestId("preview-grid").querySelectorAll('[role="row"]').length;

describe("the preview grid's geometry", () => {
  it("draws a chart over the grid at its anchor, by the planned column widths and row heights", () => {
    const sheet: SheetPlan = {
      name: "Dash",
      blocks: [{ at: "A1", cells: [["Month", "Revenue"], ["2024-01", 10], ["2024-02", 20]] }],
      columnWidths: { A: 14, B: 9, C: 30 },
      rowHeights: { 1: 30, 3: 24 },
      charts: [{ type: "column", title: "Revenue", categories: "A2:A3", series: [{ name: "Revenue", values: "B2:B3" }], anchor: "D5", width: 300, height: 200 }],
    };
    const wb = new PreviewWorkbook();
    wb.applyPlan({ sheets: [sheet] });
    render(<WorkbookView workbook={wb} locale="en-US" />);
    const chart = screen.getByTestId("chart-Dash-0");
    // Inside the grid (not below it), at the left of column D and the top of row 5.
    expect(screen.getByTestId("preview-grid").contains(chart)).toBe(true);
    const rowHeader = parseFloat(screen.getByTestId("preview-grid").querySelector<HTMLElement>('[role="rowheader"]')!.style.width);
    const header = parseFloat(screen.getByTestId("preview-grid").querySelector<HTMLElement>('[role="columnheader"]')!.parentElement!.style.height || "22");
    const left = rowHeader + columnPixels(sheet, 1) + columnPixels(sheet, 2) + columnPixels(sheet, 3);
    const top = header + rowPixels(sheet, 1) + rowPixels(sheet, 2) + rowPixels(sheet, 3) + rowPixels(sheet, 4);
    expect([parseFloat(chart.style.left), parseFloat(chart.style.top)]).toEqual([left, top]);
    // 14 characters -> 103 px, 30 pt -> 40 px: the .xlsx drawing's sizes.
    expect(screen.getByTestId("cell-Dash-A1").style.width).toBe("103px");
    expect(screen.getByTestId("cell-Dash-A1").style.height).toBe("40px");
    // The grid reaches past the chart's bottom-right cell.
    expect(screen.getByTestId("cell-Dash-A14")).toBeTruthy();
  });

  it("lets a title run over its empty neighbours instead of cutting it", () => {
    const wb = new PreviewWorkbook();
    wb.applyPlan({
      sheets: [
        {
          name: "Dashboard",
          blocks: [
            { at: "A1", cells: [["Sales dashboard for the quarter"]], style: { bold: true, fontSize: 16 } },
            { at: "A3", cells: [["Won revenue this month", 1200]] },
            { at: "D3", cells: [["x"]] },
          ],
        },
      ],
    });
    render(<WorkbookView workbook={wb} locale="en-US" />);
    const title = screen.getByTestId("cell-Dashboard-A1").querySelector<HTMLElement>("span")!;
    // Columns A..F (4 used + 2 spare) are empty right of A1: the text may use all six.
    expect(parseFloat(title.style.width)).toBe(6 * 64 - 9);
    expect(getComputedStyle(title).textOverflow).not.toBe("ellipsis");
    // B3 holds a number: A3's text stops at its own edge.
    expect(screen.getByTestId("cell-Dashboard-A3").querySelector<HTMLElement>("span")!.style.width).toBe("");
  });
});

describe("a long sheet", () => {
  const ROWS = 100000;
  let wb: PreviewWorkbook;
  beforeAll(() => {
    wb = new PreviewWorkbook({ maxRows: 200000 });
    const cells = Array.from({ length: ROWS }, (_x, i) => [`Deal ${i + 1}`, (i + 1) * 10]);
    wb.applyPlan({ sheets: [{ name: "Deals", blocks: [{ at: "A1", cells: [["Deal", "Amount"]] }, { at: "A2", cells }] }] });
  });

  it("draws only the rows in view plus a margin, and shows row 50,000 after scrolling", () => {
    render(<WorkbookView workbook={wb} locale="en-US" />);
    // Every row of the sheet (and a few empty ones after it, as Excel goes on) can be reached.
    expect(screen.getByTestId("preview-grid").dataset.rows).toBe(String(ROWS + 1 + EXTRA_ROWS));
    expect(rowElements()).toBeLessThan(100);
    expect(screen.getByTestId("cell-Deals-A1").dataset.value).toBe("Deal");
    expect(screen.queryByTestId("cell-Deals-A50000")).toBeNull();
    // The grid is as tall as every row, so the scroll bar reaches the end.
    expect(parseFloat(screen.getByTestId("preview-grid").style.height)).toBe(22 + (ROWS + 1 + EXTRA_ROWS) * 20);
    const scroller = screen.getByTestId("preview-scroller");
    act(() => {
      scroller.scrollTop = 49999 * 20;
      fireEvent.scroll(scroller);
    });
    expect(screen.getByTestId("cell-Deals-A50000").dataset.value).toBe("Deal 49999");
    expect(screen.getByTestId("cell-Deals-B50000").textContent).toBe("499990");
    expect(screen.queryByTestId("cell-Deals-A1")).toBeNull();
    expect(rowElements()).toBeLessThan(100);
  });

  it("scrolls to follow the keyboard", () => {
    render(<WorkbookView workbook={wb} locale="en-US" />);
    const grid = screen.getByTestId("preview-grid");
    fireEvent.click(screen.getByTestId("cell-Deals-A60"));
    for (let i = 0; i < 30; i++) fireEvent.keyDown(grid, { key: "ArrowDown" });
    expect(wb.selection).toEqual({ sheet: "Deals", range: "A90:A90" });
    expect(screen.getByTestId("cell-Deals-A90").getAttribute("tabindex")).toBe("0");
  });
});

describe("merged cells", () => {
  it("draws a merged range as one cell, so a tile's number is not cut", () => {
    const wb = new PreviewWorkbook();
    wb.applyPlan({
      sheets: [{ name: "Tiles", blocks: [{ at: "A1", cells: [[2.544, null, "next"]], numberFormat: "0.0%" }], merges: ["A1:B2"], columnWidths: { A: 4, B: 4 } }],
    });
    render(<WorkbookView workbook={wb} locale="en-US" />);
    const tile = screen.getByTestId("cell-Tiles-A1");
    // 4 characters -> 33 px a column; rows of 20 px.
    expect([tile.style.width, tile.style.height, tile.style.marginRight]).toEqual(["66px", "40px", "-33px"]);
    expect(tile.textContent).toBe("254.4%");
  });
});
