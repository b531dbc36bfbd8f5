/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { runCommissionPlan } from "../../src/core/commission/engine";
import { creditWonDeals } from "../../src/core/commission/wonDeals";
import type { Deal } from "../../src/core/deal";
import { CALC_COLUMNS, commissionText, FIRST_ROW } from "../../src/generators/commission";
import { parseCrmText } from "../../src/import/normalize";
import { App } from "../../src/taskpane/App";
import { tableToCsv } from "../../src/taskpane/wiring/importDeals";
import type { SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { fakeHost } from "./fakeHost";
import { installNoResizeObserver, openPane, importTable } from "./paneSupport";

installNoResizeObserver();

/** Five deals: Ann wins 1,000 (Jan) and 500 (Feb), Bob wins 2,000 (Feb), Bob loses one, Ann has one open. */
const exportTable = {
  headers: ["Deal Name", "Account Name", "Deal Owner", "Amount", "Stage", "Closing Date", "Created Time"],
  rows: [
    ["A1", "Acme", "Ann", 1000, "Closed Won", "2025-01-15", "2024-12-01"],
    ["A2", "Beta", "Ann", 500, "Closed Won", "2025-02-10", "2025-01-05"],
    ["B1", "Gamma", "Bob", 2000, "Closed Won", "2025-02-20", "2025-01-10"],
    ["B2", "Delta", "Bob", 700, "Closed Lost", "2025-02-25", "2025-01-12"],
    ["A3", "Epsilon", "Ann", 900, "Qualification", "2025-03-30", "2025-02-01"],
  ],
};

async function generateCommission(): Promise<void> {
  const pane = await openPane("commission");
  await act(async () => {
    fireEvent.click(within(pane).getByTestId("commission-generate"));
  });
  await within(pane).findByTestId("outcome-success", {}, { timeout: 20000 });
}

const isDeals = (sheet: SheetPlan) => sheet.tables?.some((table) => table.name === "Deals") ?? false;

/** Payout per "rep period" from the Calc sheet, read by its Rep and Period columns. */
function payouts(ev: ReturnType<typeof evaluatePlan>, calc: string, rowCount: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let row = FIRST_ROW; row < FIRST_ROW + rowCount; row++) {
    const rep = ev.value(calc, `${CALC_COLUMNS.rep}${row}`);
    const period = ev.value(calc, `${CALC_COLUMNS.period}${row}`);
    out[`${rep} ${period}`] = ev.value(calc, `${CALC_COLUMNS.payout}${row}`) as number;
  }
  return out;
}

// The pane's defaults: marginal on the amount, tiers 0 / 100,000 / 250,000 at 5% / 8% / 12%,
// quota 250,000. Every credit here is under 100,000, so each pays 5% of its amount.
const defaultPlan = {
  basis: "amount" as const,
  method: "marginal" as const,
  tiers: [
    { from: 0, rate: 0.05 },
    { from: 100000, rate: 0.08 },
    { from: 250000, rate: 0.12 },
  ],
  quota: 250000,
};

/** The engine's payouts for the same deals, keyed like {@link payouts}. */
function enginePayouts(deals: Deal[]): Record<string, number> {
  const credits = creditWonDeals(deals, defaultPlan);
  if ("errors" in credits) throw new Error("credits refused");
  const run = runCommissionPlan(defaultPlan, credits);
  if ("errors" in run) throw new Error("plan refused");
  return Object.fromEntries(run.rows.map((row) => [`${row.rep} ${credits.periods[row.period]}`, row.payout]));
}

describe("Commission pane credits the imported deals by close month, live over the Deals sheet", () => {
  const deals = parseCrmText(tableToCsv(exportTable)).deals;

  it("a pane opened before the import credits the imported deals, not its typed examples", async () => {
    const host = fakeHost({ tables: { Export: exportTable } });
    render(<App host={host} />);
    const early = await openPane("commission");
    expect((within(early).getByLabelText(/Credited amounts/) as HTMLSelectElement).value).toBe("typed");
    await importTable();
    await generateCommission();
    const commission = host.written[host.written.length - 1];
    const reps = JSON.stringify(commission.sheets);
    expect(reps).toContain("'Deals'!");
    expect(reps).not.toContain("Alice");
  }, 60000);

  it("reads the Deals sheet the Data pane wrote (under its actual name), and an edited deal moves the payout", async () => {
    // The workbook already had a "Deals" sheet: the writer names the new one "Deals (2)".
    const host = fakeHost({ tables: { Export: exportTable }, rename: { Deals: "Deals (2)" } });
    render(<App host={host} />);
    await importTable();
    await generateCommission();
    expect(host.written).toHaveLength(2);
    const dealsSheet: SheetPlan = { ...host.written[0].sheets.find(isDeals)!, name: "Deals (2)" };
    const commission = host.written[1];
    // Nothing bundled: the commission sheets read the Deals sheet already in the workbook.
    expect(commission.sheets.some(isDeals)).toBe(false);
    const formulas = JSON.stringify(commission.sheets);
    expect(formulas).toContain("'Deals (2)'!");
    expect(formulas).not.toMatch(/'Deals'!/);

    const ev = evaluatePlan({ sheets: [dealsSheet, ...commission.sheets] });
    const calc = commissionText("en-US", "sheet.calc");
    // By hand, 5% of each month's won amount: Ann Jan 1,000 -> 50, Ann Feb 500 -> 25,
    // Bob Jan nothing -> 0, Bob Feb 2,000 -> 100.
    const expected = { "Ann 2025-01": 50, "Ann 2025-02": 25, "Bob 2025-01": 0, "Bob 2025-02": 100 };
    const sheetPays = payouts(ev, calc, 4);
    expect(Object.keys(sheetPays).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, pay] of Object.entries(expected)) expect(sheetPays[key]).toBeCloseTo(pay, 9);
    const engine = enginePayouts(deals);
    for (const [key, pay] of Object.entries(engine)) expect(sheetPays[key]).toBeCloseTo(pay, 9);

    // Edit deal A1 (Deals row 2, Amount in E) from 1,000 to 3,000: Ann's January pays 5% x 3,000 = 150.
    ev.set("Deals (2)", "E2", 3000);
    const edited = payouts(ev, calc, 4);
    expect(edited["Ann 2025-01"]).toBeCloseTo(150, 9);
    expect(edited["Bob 2025-02"]).toBeCloseTo(100, 9);
  }, 60000);

  it("brings its own Deals sheet when the one written speaks another language, and reads that one", async () => {
    const host = fakeHost({ tables: { Export: exportTable } });
    render(<App host={host} />);
    await importTable();
    // Switch to Chinese: the English Deals sheet's status words would not match 赢单.
    const settings = await openPane("settings");
    await act(async () => {
      fireEvent.change(within(settings).getByTestId("settings-language"), { target: { value: "zh-CN" } });
    });
    await waitFor(() => expect(screen.getByRole("tab", { name: "设置" })).toBeTruthy());
    await generateCommission();
    const commission: WorkbookPlan = host.written[host.written.length - 1];
    const bundled = commission.sheets.filter(isDeals);
    expect(bundled).toHaveLength(1);
    const ev = evaluatePlan(commission);
    const calc = commissionText("zh-CN", "sheet.calc");
    const engine = enginePayouts(deals);
    const sheetPays = payouts(ev, calc, 4);
    expect(Object.keys(sheetPays).sort()).toEqual(Object.keys(engine).sort());
    for (const [key, pay] of Object.entries(engine)) expect(sheetPays[key]).toBeCloseTo(pay, 9);
    // Bob's February deal B1 is the third row of the bundled Deals sheet (row 4): 2,000 -> 4,000 pays 200.
    expect(ev.value(bundled[0].name, "B4")).toBe("B1");
    ev.set(bundled[0].name, "E4", 4000);
    expect(payouts(ev, calc, 4)["Bob 2025-02"]).toBeCloseTo(200, 9);
  }, 60000);

  it("keeps typed credits when no deals were imported", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    await generateCommission();
    const plan = host.written[0];
    expect(plan.sheets.some(isDeals)).toBe(false);
    expect(JSON.stringify(plan.sheets)).not.toContain("Deals");
  }, 60000);
});
