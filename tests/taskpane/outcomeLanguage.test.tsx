/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * A message shown before the pane's language changes reads in the new language after it:
 * the result of a write, an update's kept inputs and orphans, a failed write, an import that
 * could not read the file (its reason from the import catalog), a generator's refusal and the
 * settings' own "saved".
 * Sheet names and a host's own words stay as written. Form fields left as the example
 * defaults (a typed funnel's stage names) follow the language too; typed ones stay.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { DEFAULT_STAGES_EN, DEFAULT_STAGES_ZH } from "../../src/core/deal";
import { importText } from "../../src/i18n/import";
import { formatUi } from "../../src/i18n/uiLocale";
import { ImportError, parseCrmExport } from "../../src/import";
import { tableToCsv } from "../../src/taskpane/wiring/importDeals";
import { REQUESTS_SETTING } from "../../src/taskpane/wiring/updateWorkbook";
import { fakeHost } from "./fakeHost";
import { importTable, installNoResizeObserver, lastMonth, openPane, repsRequest } from "./paneSupport";

installNoResizeObserver();

const exportTable = {
  headers: ["Deal Name", "Account Name", "Deal Owner", "Amount", "Stage", "Closing Date", "Created Time"],
  rows: [
    ["A1", "Acme", "Ann", 1000, "Closed Won", "2025-01-15", "2024-12-01"],
    ["B1", "Gamma", "Bob", 2000, "Closed Won", "2025-02-20", "2025-01-10"],
    ["B2", "Delta", "Bob", "lots", "Closed Lost", "2025-02-25", "2025-01-12"],
  ],
};

/** A table the importer cannot read: no stage or amount column. */
const unreadable = { headers: ["Colour", "Shape"], rows: [["red", "round"]] };

/** Switches the pane's language from Settings and waits for the navigation to follow. */
async function switchTo(locale: "en-US" | "zh-CN"): Promise<void> {
  const pane = await openPane("settings");
  await act(async () => {
    fireEvent.change(within(pane).getByTestId("settings-language"), { target: { value: locale } });
  });
  await waitFor(() => expect(screen.getByTestId("nav-settings").textContent).toBe(locale === "zh-CN" ? "设置" : "Settings"));
}

/** The text of a pane's result bar (without its buttons). */
function barText(pane: HTMLElement, kind: "success" | "error"): string {
  const bar = within(pane).getByTestId(`outcome-${kind}`);
  return bar.querySelector(".fui-MessageBarBody")?.textContent ?? "";
}

describe("result messages follow the pane's language", () => {
  it("says what an import created in Chinese after switching, with the sheet names as written", async () => {
    render(<App host={fakeHost({ tables: { Export: exportTable } })} />);
    await importTable();
    const pane = screen.getByTestId("pane-data");
    await within(pane).findByTestId("outcome-success");
    expect(barText(pane, "success")).toBe(`${formatUi("en-US", "common.ok")}Created Deals, ImportIssues.`);
    await switchTo("zh-CN");
    await openPane("data");
    expect(barText(pane, "success")).toBe(`${formatUi("zh-CN", "common.ok")}已创建 Deals、ImportIssues。`);
    expect(within(pane).getByRole("button", { name: "关闭" })).toBeTruthy();
    // Home's last actions list the same sheets the language's way.
    const home = await openPane("home");
    expect(within(home).getByTestId("recent-actions").textContent).toBe("数据：Deals、ImportIssues");
    // And back.
    await switchTo("en-US");
    expect(barText(pane, "success")).toContain("Created Deals, ImportIssues.");
  });

  it("says what Update deals kept and could not carry over in the new language", async () => {
    const host = fakeHost({ tables: { Export: exportTable }, saved: lastMonth() });
    await host.setSetting(REQUESTS_SETTING, { reps: repsRequest() });
    render(<App host={host} />);
    await importTable();
    const pane = screen.getByTestId("pane-data");
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "Update deals" }));
    });
    await within(pane).findByTestId("outcome-success", {}, { timeout: 20000 });
    const before = barText(pane, "success");
    expect(before).toContain("Updated Deals, ImportIssues, Reps.");
    expect(before).toContain("Kept 1 typed input.");
    expect(before).toContain("These typed inputs have no row any more");
    await switchTo("zh-CN");
    await openPane("data");
    const after = barText(pane, "success");
    expect(after).toContain("已更新 Deals、ImportIssues、Reps。");
    expect(after).toContain("保留了 1 个手动输入的值。");
    expect(after).toContain(formatUi("zh-CN", "common.orphans"));
    expect(after).not.toMatch(/Updated|Kept|These typed inputs/);
    const orphans = within(pane).getByTestId("orphan-inputs");
    expect(within(orphans).getAllByRole("columnheader").map((c) => c.textContent)).toEqual(["工作表", "行", "值"]);
    // The orphan itself is the workbook's: its sheet, key and value as they were.
    expect(within(orphans).getAllByRole("cell").map((c) => c.textContent)).toEqual(["My reps", "Carl", "40000"]);
  });

  it("says why a write failed in the new language, the host's own words as they were", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("funnel");
    host.failNextWrite("The sheet is protected.");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("funnel-generate"));
    });
    await within(pane).findByTestId("outcome-error", {}, { timeout: 20000 });
    expect(barText(pane, "error")).toContain(formatUi("en-US", "common.writeFailed", { message: "The sheet is protected." }));
    await switchTo("zh-CN");
    await openPane("funnel");
    expect(barText(pane, "error")).toContain(formatUi("zh-CN", "common.writeFailed", { message: "The sheet is protected." }));
  });

  it("says why a file could not be read in the pane's language, before and after a switch", async () => {
    let expected: ImportError | undefined;
    try {
      await parseCrmExport(tableToCsv(unreadable));
    } catch (error) {
      expected = error as ImportError;
    }
    expect(expected).toBeInstanceOf(ImportError);
    render(<App host={fakeHost({ tables: { Export: unreadable } })} />);
    const pane = await openPane("data");
    await waitFor(() => expect(within(pane).getByLabelText("Table")).toBeTruthy());
    fireEvent.change(within(pane).getByLabelText("Table"), { target: { value: "Export" } });
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "Use a table" }));
    });
    await within(pane).findByTestId("outcome-error", {}, { timeout: 20000 });
    const english = importText("en-US", expected!.messageKey, expected!.messageValues);
    expect(barText(pane, "error")).toContain(formatUi("en-US", "data.failed", { message: english }));
    await switchTo("zh-CN");
    await openPane("data");
    const chinese = importText("zh-CN", expected!.messageKey, expected!.messageValues);
    expect(chinese).not.toBe(english);
    expect(barText(pane, "error")).toContain(formatUi("zh-CN", "data.failed", { message: chinese }));
  });

  it("says why a generator refused in the new language", async () => {
    render(<App host={fakeHost()} />);
    const pane = await openPane("dashboard");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("dashboard-generate"));
    });
    await within(pane).findByTestId("outcome-error");
    expect(barText(pane, "error")).toContain(formatUi("en-US", "dashboard.needsSheets"));
    await switchTo("zh-CN");
    await openPane("dashboard");
    expect(barText(pane, "error")).toBe(`${formatUi("zh-CN", "common.error")}${formatUi("zh-CN", "common.fixErrors")}${formatUi("zh-CN", "dashboard.needsSheets")}`);
  });

  it("says the settings were saved in the language just chosen", async () => {
    render(<App host={fakeHost()} />);
    await switchTo("zh-CN");
    const pane = screen.getByTestId("pane-settings");
    expect(barText(pane, "success")).toBe(`${formatUi("zh-CN", "common.ok")}${formatUi("zh-CN", "settings.saved")}`);
  });
});

describe("untouched example fields follow the pane's language", () => {
  it("gives the typed funnel the example stages of the new language, and keeps what was typed", async () => {
    render(<App host={fakeHost()} />);
    const pane = await openPane("funnel");
    const stages = () => within(pane).getByLabelText(/^(Stages \(one per line\)|阶段（每行一个）)/) as HTMLTextAreaElement;
    expect(stages().value).toBe(DEFAULT_STAGES_EN.join("\n"));
    await switchTo("zh-CN");
    await openPane("funnel");
    expect(stages().value).toBe(DEFAULT_STAGES_ZH.join("\n"));
    fireEvent.change(stages(), { target: { value: "线索\n成交" } });
    await switchTo("en-US");
    await openPane("funnel");
    expect(stages().value).toBe("线索\n成交");
  });
});
