/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The Commission pane's period settings: period, fiscal year start, year to date and the
 * negative true-up, checked as you type with the command line's messages, and the sheets
 * they give.
 */
import * as React from "react";
import { act, fireEvent, render, within } from "@testing-library/react";
import { commissionPeriodSettings } from "../../src/compose/sheets";
import { CALC_COLUMNS, commissionText, FIRST_ROW } from "../../src/generators/commission";
import { commissionMessage } from "../../src/i18n/commission";
import { App } from "../../src/taskpane/App";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { fakeHost } from "../taskpane/fakeHost";
import { installNoResizeObserver, openPane, importTable } from "../taskpane/paneSupport";

installNoResizeObserver();

/** Ann wins 1,000 (January) and 500 (February), Bob wins 2,000 (April). */
const exportTable = {
  headers: ["Deal Name", "Account Name", "Deal Owner", "Amount", "Stage", "Closing Date", "Created Time"],
  rows: [
    ["A1", "Acme", "Ann", 1000, "Closed Won", "2025-01-15", "2024-12-01"],
    ["A2", "Beta", "Ann", 500, "Closed Won", "2025-02-10", "2025-01-05"],
    ["B1", "Gamma", "Bob", 2000, "Closed Won", "2025-04-20", "2025-01-10"],
  ],
};

describe("commissionPeriodSettings", () => {
  it("gives the plan validation's messages for the period fields", () => {
    expect(commissionPeriodSettings({ period: "quarter", fiscalYearStart: "4", cumulative: true, negativeTrueUp: "clawback" })).toEqual({
      settings: { period: "quarter", fiscalYearStart: 4, cumulative: true, negativeTrueUp: "clawback" },
      errors: [],
    });
    const bad = commissionPeriodSettings({ period: "month", fiscalYearStart: "x", cumulative: false, negativeTrueUp: "carry" });
    expect(bad.errors.map((e) => e.message)).toEqual(['fiscalYearStart must be a whole month number from 1 to 12 (got "x").']);
    expect(commissionMessage("zh-CN", bad.errors[0])).toBe('fiscalYearStart 必须是 1 到 12 的整数月份（实际为 "x"）。');
    // a negative true-up choice is sent only with year to date
    expect(commissionPeriodSettings({ period: "year", fiscalYearStart: "", cumulative: false, negativeTrueUp: "clawback" }).settings).toEqual({
      period: "year",
      fiscalYearStart: 1,
    });
  });
});

describe("the Commission pane's period settings", () => {
  it("checks the fiscal year start as it is typed and writes nothing while it is wrong", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("commission");
    const periods = within(pane).getByTestId("commission-periods");
    fireEvent.change(within(periods).getByLabelText(/Fiscal year starts in month/), { target: { value: "13" } });
    await within(periods).findByText("fiscalYearStart must be a whole month number from 1 to 12 (got 13).");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("commission-generate"));
    });
    await within(pane).findByTestId("outcome-error");
    expect(host.written).toHaveLength(0);
  }, 60000);

  it("builds a quarterly year-to-date plan over the imported deals", async () => {
    const host = fakeHost({ tables: { Export: exportTable } });
    render(<App host={host} />);
    await importTable();
    const pane = await openPane("commission");
    const periods = within(pane).getByTestId("commission-periods");
    fireEvent.change(within(periods).getByLabelText("Period"), { target: { value: "quarter" } });
    fireEvent.change(within(periods).getByLabelText(/Fiscal year starts in month/), { target: { value: "1" } });
    fireEvent.click(within(periods).getByLabelText(/Year to date/));
    await within(periods).findByLabelText("A negative true-up is");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("commission-generate"));
    });
    await within(pane).findByTestId("outcome-success", {}, { timeout: 20000 });
    // the Deals sheet the Data pane wrote, and the commission sheets that read it
    const dealsSheets = host.written[0].sheets.filter((sheet) => sheet.tables?.some((table) => table.name === "Deals"));
    const written = host.written[host.written.length - 1];
    const ev = evaluatePlan({ sheets: [...dealsSheets, ...written.sheets] });
    const calc = commissionText("en-US", "sheet.calc");
    const read = (col: string) => [0, 1, 2, 3].map((i) => ev.value(calc, `${col}${FIRST_ROW + i}`));
    // Quarters 2025-Q1 and 2025-Q2 for Ann, then Bob. The pane's default plan: 5% up to
    // 100,000 (every credit here is under it), quota 250,000 a quarter.
    // Ann: Q1 1,500 to date -> 75; Q2 still 1,500 to date -> 75 earned, 75 earlier: 0 due.
    // Bob: Q1 nothing; Q2 2,000 to date -> 100.
    expect(read(CALC_COLUMNS.period)).toEqual(["2025-Q1", "2025-Q2", "2025-Q1", "2025-Q2"]);
    expect(read(CALC_COLUMNS.ytdCredited)).toEqual([1500, 1500, 0, 2000]);
    const pay = read(CALC_COLUMNS.payout) as number[];
    [75, 0, 0, 100].forEach((v, i) => expect(pay[i]).toBeCloseTo(v, 9));
  }, 60000);
});
