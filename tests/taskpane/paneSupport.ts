/**
 * What the task pane's component tests share: jsdom without ResizeObserver (Fluent's
 * MessageBar observes its own size for reflow), opening a pane, and importing the fake
 * host's "Export" table through the Data pane.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";

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
