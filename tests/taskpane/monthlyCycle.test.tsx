/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { SheetRequest } from "../../src/compose";
import { REQUESTS_SETTING } from "../../src/taskpane/wiring/updateWorkbook";
import type { SavedSheet } from "../../src/workbook/inputs";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { plannedAt } from "../generators/sampleDeals";
import { fakeHost } from "./fakeHost";
import { importTable, installNoResizeObserver, lastMonth, openPane, repsRequest } from "./paneSupport";

installNoResizeObserver();

/** Ann and Bob own the deals; last month's Reps sheet also had Carl, who has left. */
const exportTable = {
  headers: ["Deal Name", "Account Name", "Deal Owner", "Amount", "Stage", "Closing Date", "Created Time"],
  rows: [
    ["A1", "Acme", "Ann", 1000, "Closed Won", "2025-01-15", "2024-12-01"],
    ["B1", "Gamma", "Bob", 2000, "Closed Won", "2025-02-20", "2025-01-10"],
    ["B2", "Delta", "Bob", 700, "Closed Lost", "2025-02-25", "2025-01-12"],
    ["A3", "Epsilon", "Ann", 900, "Qualification", "2025-03-30", "2025-02-01"],
  ],
};

const sheetWith = (plan: WorkbookPlan, table: string) => plan.sheets.find((s) => s.tables?.some((t) => t.name === table));
const title = (plan: WorkbookPlan, table: string) => sheetWith(plan, table)!.blocks.find((b) => b.at === "A1")!.cells[0][0];

describe("Data pane: a workbook that tracks Deals is updated", () => {
  it("offers Update deals first, keeps typed inputs by key and lists the orphans", async () => {
    const host = fakeHost({ tables: { Export: exportTable }, saved: lastMonth() });
    await host.setSetting(REQUESTS_SETTING, { reps: repsRequest() });
    render(<App host={host} />);
    // Before a file is read, the pane says what to do next month, not what "this file" does.
    const before = await openPane("data");
    expect(within(before).getByTestId("data-tracked-next").textContent).toBe(
      "This workbook has a Deals sheet. Import next month's export here and choose Update deals: it rebuilds Deals and every sheet made from it, keeping the inputs you typed.",
    );
    await importTable();
    const pane = screen.getByTestId("pane-data");
    // Read, not written: the user chooses.
    expect(host.written).toHaveLength(0);
    expect(within(pane).queryByTestId("data-tracked-next")).toBeNull();
    const choice = within(pane).getByTestId("data-update-choice");
    expect(choice.textContent).toContain("over this file");
    const update = within(choice).getByRole("button", { name: "Update deals" });
    expect(within(choice).getByRole("button", { name: "Import as new sheets" })).toBeTruthy();
    await act(async () => {
      fireEvent.click(update);
    });
    const outcome = await within(pane).findByTestId("outcome-success", {}, { timeout: 20000 });
    // One write replacing the tracked Deals and Reps.
    expect(host.written).toHaveLength(1);
    expect(host.writeOptions[0].replace).toEqual(expect.arrayContaining(["deals", "reps"]));
    const reps = sheetWith(host.written[0], "Reps")!;
    expect(reps).toBeTruthy();
    // Ann's typed quota is back in her row.
    expect(JSON.stringify(reps.blocks)).toContain("50000");
    expect(within(outcome).getByText("Kept 1 typed input.")).toBeTruthy();
    // Carl is gone: his quota is listed with its sheet, key and value.
    const orphans = within(outcome).getByTestId("orphan-inputs");
    const cells = within(orphans).getAllByRole("cell").map((c) => c.textContent);
    expect(cells).toEqual(["My reps", "Carl", "40000"]);
    expect(within(pane).queryByTestId("data-update-choice")).toBeNull();
    expect(within(pane).getByTestId("data-tracked-next")).toBeTruthy();
  });

  it("still allows a fresh import, written as new sheets", async () => {
    const host = fakeHost({ tables: { Export: exportTable }, saved: lastMonth() });
    render(<App host={host} />);
    await importTable();
    const pane = screen.getByTestId("pane-data");
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "Import as new sheets" }));
    });
    await within(pane).findByTestId("outcome-success", {}, { timeout: 20000 });
    expect(host.written).toHaveLength(1);
    expect(host.writeOptions[0].replace).toBeUndefined();
    expect(sheetWith(host.written[0], "Deals")).toBeTruthy();
  });

  it("a failed import clears the previous summary", async () => {
    const host = fakeHost({ tables: { Export: exportTable }, saved: lastMonth() });
    render(<App host={host} />);
    await importTable();
    const pane = screen.getByTestId("pane-data");
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "Update deals" }));
    });
    await within(pane).findByTestId("carried-inputs", {}, { timeout: 20000 });
    // No selection: the import fails.
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "Use the selection" }));
    });
    await within(pane).findByTestId("outcome-error");
    expect(within(pane).queryByTestId("import-summary")).toBeNull();
    expect(within(pane).queryByTestId("carried-inputs")).toBeNull();
    expect(within(pane).queryByTestId("data-update-choice")).toBeNull();
  });

  it("says 更新商机 in Chinese", async () => {
    const host = fakeHost({ displayLanguage: "zh-CN", tables: { Export: exportTable }, saved: lastMonth() });
    render(<App host={host} />);
    const pane = await openPane("data");
    fireEvent.change(await within(pane).findByLabelText("表格"), { target: { value: "Export" } });
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "使用表格" }));
    });
    expect(await within(pane).findByRole("button", { name: "更新商机" }, { timeout: 20000 })).toBeTruthy();
  });
});

describe("Generating a sheet the workbook already tracks", () => {
  const tracked = () =>
    new Map<string, SavedSheet>([
      ["funnel", { role: "funnel", name: "My funnel", generated: "A1:J12", inputs: new Map([["count", [{ key: "Needs analysis", values: [77] }, { key: "Gone stage", values: [5] }]]]) }],
    ]);

  it("asks: Replace keeps the typed inputs and replaces the role in one write", async () => {
    const host = fakeHost({ saved: tracked() });
    render(<App host={host} />);
    const pane = await openPane("funnel");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("funnel-generate"));
    });
    const choice = await within(pane).findByTestId("funnel-replace-choice");
    expect(host.written).toHaveLength(0);
    expect(within(choice).getByRole("button", { name: "Add a copy" })).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(choice).getByRole("button", { name: "Replace My funnel" }));
    });
    const outcome = await within(pane).findByTestId("outcome-success");
    expect(host.writeOptions[0]).toEqual({ replace: ["funnel"] });
    expect(JSON.stringify(sheetWith(host.written[0], "Funnel")!.blocks)).toContain("77");
    expect(within(outcome).getByText("Kept 1 typed input.")).toBeTruthy();
    expect(within(within(outcome).getByTestId("orphan-inputs")).getAllByRole("cell").map((c) => c.textContent)).toEqual(["My funnel", "Gone stage", "5"]);
    // Remembered for the next update.
    expect((host.getSetting(REQUESTS_SETTING) as Record<string, SheetRequest>).funnel.id).toBe("funnel");
  });

  it("Replace: a target given in the form beats the one typed on the sheet; a stage the form leaves blank keeps its own", async () => {
    const saved = new Map<string, SavedSheet>([
      ["funnel", { role: "funnel", name: "My funnel", generated: "A1:J12", inputs: new Map([["target", [{ key: "Needs analysis", values: [0.3] }, { key: "Proposal", values: [0.2] }]]]) }],
    ]);
    const host = fakeHost({ saved });
    render(<App host={host} />);
    const pane = await openPane("funnel");
    // A target for the second stage only (the first has none to aim at).
    fireEvent.change(within(pane).getByLabelText(/Target conversion per stage/), { target: { value: "-\n45" } });
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("funnel-generate"));
    });
    const choice = await within(pane).findByTestId("funnel-replace-choice");
    await act(async () => {
      fireEvent.click(within(choice).getByRole("button", { name: "Replace My funnel" }));
    });
    const outcome = await within(pane).findByTestId("outcome-success");
    const funnel = sheetWith(host.written[0], "Funnel")!;
    const targetOf = (stage: string) => {
      for (let r = 1; r <= 20; r++) if (plannedAt(funnel, `B${r}`) === stage) return plannedAt(funnel, `H${r}`);
      return undefined;
    };
    expect([targetOf("Needs analysis"), targetOf("Proposal")]).toEqual([0.45, 0.2]);
    expect(within(outcome).getByText("Kept 1 typed input.")).toBeTruthy();
    expect(within(outcome).getByTestId("replaced-inputs").textContent).toBe("1 input cell(s) took the value in this form instead of the one on the sheet.");
  });

  it("Add a copy writes today's way and does not remember it", async () => {
    const host = fakeHost({ saved: tracked() });
    render(<App host={host} />);
    const pane = await openPane("funnel");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("funnel-generate"));
    });
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "Add a copy" }));
    });
    await within(pane).findByTestId("outcome-success");
    expect(host.writeOptions[0].replace).toBeUndefined();
    expect(host.getSetting(REQUESTS_SETTING)).toBeUndefined();
  });

  it("writes at once, and remembers the request, when the role is not tracked", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("funnel");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("funnel-generate"));
    });
    await within(pane).findByTestId("outcome-success");
    expect(within(pane).queryByTestId("funnel-replace-choice")).toBeNull();
    expect(Object.keys(host.getSetting(REQUESTS_SETTING) as object)).toEqual(["funnel"]);
  });
});

describe("Real data wins over example data", () => {
  it("badges a pane on typed numbers and titles its sheet (example data)", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("funnel");
    expect(within(pane).getByTestId("funnel-example").textContent).toBe("Example data");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("funnel-generate"));
    });
    await within(pane).findByTestId("outcome-success");
    expect(title(host.written[0], "Funnel")).toMatch(/\(example data\)$/);
  });

  it("says 示例数据 in Chinese", async () => {
    const host = fakeHost({ displayLanguage: "zh-CN" });
    render(<App host={host} />);
    const pane = await openPane("funnel");
    expect(within(pane).getByTestId("funnel-example").textContent).toBe("示例数据");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("funnel-generate"));
    });
    await within(pane).findByTestId("outcome-success");
    expect(title(host.written[0], "Funnel")).toMatch(/（示例数据）$/);
  });

  it("after an import, panes read the deals without a badge, and the dashboard does not chart the example funnel", async () => {
    const host = fakeHost({ tables: { Export: exportTable } });
    render(<App host={host} />);
    // An example funnel first, before any deals.
    let funnel = await openPane("funnel");
    await act(async () => {
      fireEvent.click(within(funnel).getByTestId("funnel-generate"));
    });
    await within(funnel).findByTestId("outcome-success");
    const exampleSheet = host.written[0].sheets.find((s) => s.charts?.length)!.name;
    await importTable();
    funnel = await openPane("funnel");
    expect(within(funnel).queryByTestId("funnel-example")).toBeNull();
    const goals = await openPane("goals");
    expect(within(goals).queryByTestId("goals-example")).toBeNull();
    const commission = await openPane("commission");
    expect(within(commission).queryByTestId("commission-example")).toBeNull();

    const dashboard = await openPane("dashboard");
    await act(async () => {
      fireEvent.click(within(dashboard).getByTestId("dashboard-generate"));
    });
    await within(dashboard).findByTestId("outcome-success", {}, { timeout: 20000 });
    const plan = host.written[host.written.length - 1];
    const board = plan.sheets[plan.sheets.length - 1];
    const series = (board.charts ?? []).flatMap((c) => c.series.map((s) => s.values));
    expect(series.some((ref) => ref.startsWith(`'${exampleSheet}'!`) || ref.startsWith(`${exampleSheet}!`))).toBe(false);

    // Picked by the user, the example funnel is charted.
    fireEvent.click(within(dashboard).getByTestId("dashboard-include-examples"));
    await act(async () => {
      fireEvent.click(within(dashboard).getByTestId("dashboard-generate"));
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    const picked = host.written[host.written.length - 1];
    const pickedBoard = picked.sheets[picked.sheets.length - 1];
    expect(pickedBoard.charts!.some((c) => c.series.some((s) => s.values.startsWith(`'${exampleSheet}'!`)))).toBe(true);
  });
});
