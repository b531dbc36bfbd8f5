/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * A file of several pipelines in the Data pane: the pane offers them once the file is read,
 * and importing it again with one chosen imports that pipeline's deals alone.
 */
import * as React from "react";
import { TextDecoder as NodeTextDecoder } from "util";
import { act, fireEvent, render, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { fakeHost } from "./fakeHost";
import { installNoResizeObserver, openPane } from "./paneSupport";

if (typeof globalThis.TextDecoder === "undefined") {
  (globalThis as unknown as { TextDecoder: unknown }).TextDecoder = NodeTextDecoder;
}
installNoResizeObserver();

// Three deals of the Sales Pipeline, two of Renewals (one of them won).
const CSV = [
  "Record ID,Deal Name,Pipeline,Deal Stage,Amount,Close Date,Deal owner",
  "1,A,Sales Pipeline,Appointment Scheduled,100,2025-06-01,Ann",
  "2,B,Renewals,Renewal Due,50,2025-06-01,Bo",
  "3,C,Sales Pipeline,Closed Won,200,2025-05-01,Ann",
  "4,D,Renewals,Closed Won,70,2025-05-02,Bo",
  "5,E,Sales Pipeline,Contract Sent,30,2025-07-01,Ann",
  "",
].join("\r\n");

describe("a file of several pipelines in the Data pane", () => {
  it("offers its pipelines, and imports the one chosen alone", async () => {
    const host = fakeHost({ sample: { name: "deals.csv", bytes: new Uint8Array(Buffer.from(CSV, "utf8")) } });
    render(<App host={host} />);
    const pane = await openPane("data");
    expect(within(pane).queryByTestId("data-only-pipeline")).toBeNull();
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("data-sample"));
    });
    expect((await within(pane).findByTestId("import-summary", {}, { timeout: 20000 })).textContent).toMatch(/^Imported 5 deals/);
    expect(within(pane).getByText(/The file holds deals of 2 pipelines \(Sales Pipeline \(3\), Renewals \(2\)\)/)).toBeTruthy();
    const picker = within(pane).getByTestId("data-only-pipeline") as HTMLSelectElement;
    expect([...picker.options].map((option) => [option.value, option.textContent])).toEqual([
      ["", "All pipelines, in one funnel"],
      ["Sales Pipeline", "Sales Pipeline"],
      ["Renewals", "Renewals"],
    ]);
    fireEvent.change(picker, { target: { value: "Renewals" } });
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "Import again with these settings" }));
    });
    await within(pane).findByText(/^Imported 2 deals/, {}, { timeout: 20000 });
    expect(within(pane).getByText(/Only the deals of pipeline "Renewals" were imported: 3 row\(s\) of other pipelines \(Sales Pipeline \(3\)\)/)).toBeTruthy();
    expect((within(pane).getByTestId("data-only-pipeline") as HTMLSelectElement).value).toBe("Renewals");
    // The stage list the editor shows is Renewals' own: none of the Sales Pipeline's.
    fireEvent.click(within(pane).getByRole("button", { name: "Stage pipeline" }));
    const stages = (await within(pane).findAllByLabelText(/^Stage \d+$/)).map((input) => (input as HTMLInputElement).value);
    expect(stages).toEqual(["Renewal Due"]);
  });
});
