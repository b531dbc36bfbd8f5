/**
 * What the task pane's component tests share: jsdom without ResizeObserver (Fluent's
 * MessageBar observes its own size for reflow), opening a pane, importing the fake host's
 * "Export" table through the Data pane, and last month's workbook for the monthly update.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readSheetValues, SheetRequest } from "../../src/compose";
import type { SavedSheet } from "../../src/workbook/inputs";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** Gives jsdom a ResizeObserver that observes nothing. Call once per test file. */
export function installNoResizeObserver(): void {
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;
}

/** Clicks a pane's tab and waits for the pane. */
export async function openPane(id: string): Promise<HTMLElement> {
  fireEvent.click(screen.getByTestId(`nav-${id}`));
  return screen.findByTestId(`pane-${id}`);
}

/** Imports the host's table "Export" from the Data pane and waits for the summary. */
export async function importTable(): Promise<void> {
  const pane = await openPane("data");
  await waitFor(() => expect(within(pane).getByLabelText("Table")).toBeTruthy());
  fireEvent.change(within(pane).getByLabelText("Table"), { target: { value: "Export" } });
  await act(async () => {
    fireEvent.click(within(pane).getByRole("button", { name: "Use a table" }));
  });
  await within(pane).findByTestId("import-summary", {}, { timeout: 20000 });
}

/** The Reps request the pane remembers after generating Reps with its defaults. */
export function repsRequest(): SheetRequest {
  const read = readSheetValues("reps", {}, { hasDeals: true, examples: true });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return { id: "reps", values: read.values } as SheetRequest;
}

/**
 * A workbook built last month: Deals and "My reps" (Reps, renamed) with quotas typed for Ann
 * and Carl (who has left since).
 */
export function lastMonth(): Map<string, SavedSheet> {
  return new Map<string, SavedSheet>([
    ["deals", { role: "deals", name: "Deals", generated: "A1:L20", inputs: new Map() }],
    [
      "reps",
      {
        role: "reps",
        name: "My reps",
        generated: "A1:P20",
        inputs: new Map([
          [
            "quota",
            [
              { key: "Ann", values: [50000] },
              { key: "Carl", values: [40000] },
            ],
          ],
        ]),
      },
    ],
  ]);
}
