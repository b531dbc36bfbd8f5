/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { renderZoho } from "../fixtures/generateExports";
import { TextDecoder as NodeTextDecoder } from "util";
import { fakeHost } from "./fakeHost";

// jsdom has no TextDecoder (every browser the pane runs in has one): lend Node's.
if (typeof globalThis.TextDecoder === "undefined") {
  (globalThis as unknown as { TextDecoder: unknown }).TextDecoder = NodeTextDecoder;
}

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;
(window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;

/** "Reading x… 1,600 of 6,000 rows" -> [1600, 6000]; null while the total is unknown. */
function counts(text: string): [number, number] | null {
  const m = /([\d,]+) of ([\d,]+) rows/.exec(text);
  return m ? [Number(m[1].replace(/,/g, "")), Number(m[2].replace(/,/g, ""))] : null;
}

describe("Data pane progress during a long import", () => {
  it("shows the row counts growing while the export is read, then the summary", async () => {
    // About 1 MB of CSV: several of the importer's slices (256 K characters each).
    const rows = 6000;
    const fixture = renderZoho(31, rows);
    expect(fixture.bytes.length).toBeGreaterThan(3 * 256 * 1024);
    const host = fakeHost({ sample: { name: "big.csv", bytes: fixture.bytes } });
    render(<App host={host} />);
    fireEvent.click(screen.getByTestId("nav-data"));
    const pane = await screen.findByTestId("pane-data");

    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const text = pane.querySelector('[data-testid="import-progress"]')?.textContent ?? null;
      if (text !== null && seen[seen.length - 1] !== text) seen.push(text);
    });
    observer.observe(pane, { subtree: true, childList: true, characterData: true, attributes: true });
    // As in a browser: React renders on its own scheduler's tasks, not in act() batches, so
    // the slices' progress updates are painted between the importer's macrotasks.
    const actEnvironment = globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const previous = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      fireEvent.click(within(pane).getByTestId("data-sample"));
      for (let waited = 0; waited < 30000 && within(pane).queryByTestId("import-summary") === null; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = previous;
    }
    const summary = within(pane).getByTestId("import-summary");
    observer.disconnect();

    const states = seen.map(counts).filter((c): c is [number, number] => c !== null);
    // Intermediate states: some rows read, not all of them yet.
    const intermediate = states.filter(([done, total]) => done > 0 && done < rows && total > done);
    expect(intermediate.length).toBeGreaterThanOrEqual(1);
    // The counts only grow.
    for (let i = 1; i < states.length; i++) expect(states[i][0]).toBeGreaterThanOrEqual(states[i - 1][0]);
    // The estimated total stays near the real number of records (the share of the file read).
    for (const [, total] of intermediate) expect(Math.abs(total - rows) / rows).toBeLessThan(0.2);
    // The fixture's truth: every generated row is either imported or reported.
    const bad = fixture.truth.filter((deal) => deal.bad).length;
    // Counts are written the way the pane's language writes them (5,996 in en-US).
    expect(summary.textContent).toContain(`Imported ${(rows - bad).toLocaleString("en-US")} deals with ${bad} issues`);
    expect(pane.querySelector('[data-testid="import-progress"]')).toBeNull();
    expect(host.written).toHaveLength(1);
  }, 60000);
});
