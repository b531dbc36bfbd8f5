/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * When the Data pane cannot plan the Deals sheets of a file it read, the details of why follow
 * a change of the pane's language like every other message: they are asked for in each
 * language when the planning fails. (The pane's own checks keep such a file from planning
 * today, so the planner is replaced here by one that refuses in the language it is given.)
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";

jest.mock("../../src/taskpane/wiring/importDeals", () => {
  const actual = jest.requireActual("../../src/taskpane/wiring/importDeals");
  return {
    ...actual,
    planImportedSheets: async (_result: unknown, locale: string) => ({
      ok: false,
      errors: [{ field: "pipeline.stages", message: locale === "zh-CN" ? "阶段名称重复：Won" : "The stage name Won is used twice." }],
    }),
  };
});

import { App } from "../../src/taskpane/App";
import { formatUi } from "../../src/i18n/uiLocale";
import { fakeHost } from "./fakeHost";
import { importTable, installNoResizeObserver, openPane } from "./paneSupport";

installNoResizeObserver();

const exportTable = {
  headers: ["Deal Name", "Account Name", "Deal Owner", "Amount", "Stage", "Closing Date"],
  rows: [["A1", "Acme", "Ann", 1000, "Closed Won", "2025-01-15"]],
};

function errorText(pane: HTMLElement): string {
  return within(pane).getByTestId("outcome-error").textContent ?? "";
}

test("the reasons a file's sheets could not be planned read in the pane's language after a switch", async () => {
  render(<App host={fakeHost({ tables: { Export: exportTable } })} />);
  await importTable();
  const pane = screen.getByTestId("pane-data");
  await within(pane).findByTestId("outcome-error");
  expect(errorText(pane)).toContain(formatUi("en-US", "common.fixErrors"));
  expect(errorText(pane)).toContain("The stage name Won is used twice.");
  const settings = await openPane("settings");
  await act(async () => {
    fireEvent.change(within(settings).getByTestId("settings-language"), { target: { value: "zh-CN" } });
  });
  await waitFor(() => expect(screen.getByTestId("nav-settings").textContent).toBe("设置"));
  await openPane("data");
  expect(errorText(pane)).toContain(formatUi("zh-CN", "common.fixErrors"));
  expect(errorText(pane)).toContain("阶段名称重复：Won");
  expect(errorText(pane)).not.toContain("used twice");
});
