/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The Data pane in the pane's language (the preset picker and the import summary) and the
 * steps of an import: reading with row counts, checking, writing N sheets, in that order,
 * the writing step staying on screen until the host's write has ended.
 */
import * as React from "react";
import { readFileSync } from "fs";
import { join } from "path";
import { TextDecoder as NodeTextDecoder } from "util";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { HostWriteResult } from "../../src/host/types";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { renderZoho } from "../fixtures/generateExports";
import { fakeHost } from "./fakeHost";
import { installNoResizeObserver, openPane } from "./paneSupport";

// jsdom has no TextDecoder (every browser the pane runs in has one): lend Node's.
if (typeof globalThis.TextDecoder === "undefined") {
  (globalThis as unknown as { TextDecoder: unknown }).TextDecoder = NodeTextDecoder;
}
installNoResizeObserver();

const FXIAOKE = join(__dirname, "../../samples/fxiaoke-deals-sample.csv");

/**
 * Runs `action` with React rendering on its own scheduler as in a browser (not in act()
 * batches), so the steps are committed between the import's macrotasks, and polls `until`.
 */
async function likeABrowser(action: () => void, until: () => boolean): Promise<void> {
  const env = globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const previous = env.IS_REACT_ACT_ENVIRONMENT;
  env.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    action();
    for (let waited = 0; waited < 30000 && !until(); waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    env.IS_REACT_ACT_ENVIRONMENT = previous;
  }
}

/** Every state the progress shows: its current step and the whole list's text. */
function watchSteps(pane: HTMLElement): { seen: { step: string; text: string }[]; stop(): void } {
  const seen: { step: string; text: string }[] = [];
  const observer = new MutationObserver(() => {
    const progress = pane.querySelector<HTMLElement>('[data-testid="import-progress"]');
    if (!progress) return;
    const entry = { step: progress.dataset.step ?? "", text: progress.textContent ?? "" };
    const last = seen[seen.length - 1];
    if (!last || last.step !== entry.step || last.text !== entry.text) seen.push(entry);
  });
  observer.observe(pane, { subtree: true, childList: true, characterData: true, attributes: true });
  return { seen, stop: () => observer.disconnect() };
}

/** A host whose writes wait until the test lets them end. */
function slowWriteHost(options: Parameters<typeof fakeHost>[0]) {
  const host = fakeHost(options);
  const record = host.writePlan.bind(host);
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let pending = 0;
  host.writePlan = async (plan: WorkbookPlan, writeOptions): Promise<HostWriteResult> => {
    pending++;
    await released;
    return record(plan, writeOptions);
  };
  return { host, release, pending: () => pending };
}

describe("the Data pane in Chinese", () => {
  it("lists the presets by their Chinese names", async () => {
    render(<App host={fakeHost({ displayLanguage: "zh-CN" })} />);
    const pane = await openPane("data");
    const picker = within(pane).getByLabelText("预设") as HTMLSelectElement;
    const options = [...picker.options].map((o) => o.textContent);
    expect(options).toEqual([
      "自动识别",
      "Zoho CRM（商机）",
      "Salesforce（报表导出或 Data Loader）",
      "HubSpot（交易导出）",
      "纷享销客（商机）",
      "Microsoft Dynamics 365（商机）",
      "Pipedrive（交易导出）",
      "Odoo CRM（销售管道）",
      "通用（常见的中英文表头）",
    ]);
    expect(within(pane).getByRole("option", { name: "纷享销客（商机）" })).toBeTruthy();
  });

  it("names the detected preset in the summary in Chinese, and in English after switching", async () => {
    const bytes = new Uint8Array(readFileSync(FXIAOKE));
    const host = fakeHost({ displayLanguage: "zh-CN", sample: { name: "商机.csv", bytes } });
    render(<App host={host} />);
    const pane = await openPane("data");
    await likeABrowser(
      () => fireEvent.click(within(pane).getByTestId("data-sample")),
      () => within(pane).queryByTestId("import-summary") !== null && pane.querySelector('[data-testid="import-progress"]') === null,
    );
    expect(within(pane).getByTestId("import-summary").textContent).toMatch(/^已导入 [\d,]+ 个商机，\d+ 个问题（预设：纷享销客）。$/);
    expect((within(pane).getByLabelText("预设") as HTMLSelectElement).value).toBe("fxiaoke");

    // The summary follows the pane's language.
    const settings = await openPane("settings");
    fireEvent.change(within(settings).getByTestId("settings-language"), { target: { value: "en-US" } });
    const data = await openPane("data");
    expect((await within(data).findByTestId("import-summary")).textContent).toContain("(preset: Fxiaoke)");
    expect(screen.getByRole("option", { name: "Fxiaoke 纷享销客 (商机)" })).toBeTruthy();
  }, 60000);
});

describe("the steps of an import", () => {
  it("shows reading with counts, then checking, then writing 1 sheet until the write ends", async () => {
    const fixture = renderZoho(7, 3000, (deal) => !deal.bad);
    const rows = fixture.truth.length;
    const { host, release, pending } = slowWriteHost({ sample: { name: "big.csv", bytes: fixture.bytes } });
    render(<App host={host} />);
    const pane = await openPane("data");
    const watch = watchSteps(pane);
    await likeABrowser(
      () => fireEvent.click(within(pane).getByTestId("data-sample")),
      () => pending() > 0,
    );

    // The write has not ended: the pane says it is writing, after reading and checking.
    const progress = within(pane).getByTestId("import-progress");
    expect(progress.dataset.step).toBe("writing");
    const steps = within(progress).getAllByRole("listitem");
    expect(steps.map((li) => li.dataset.state)).toEqual(["done", "done", "current"]);
    expect(steps[0].textContent).toBe(`Read big.csv: ${rows.toLocaleString("en-US")} rows ✓ (done)`);
    expect(steps[1].textContent).toBe("Checking the deals ✓ (done)");
    expect(steps[2].textContent).toBe("Writing 1 sheet");
    expect(steps[2].getAttribute("aria-current")).toBe("step");
    // No second import starts while this one writes.
    expect(within(pane).getByTestId("data-sample").hasAttribute("disabled")).toBe(true);

    await likeABrowser(release, () => pane.querySelector('[data-testid="import-progress"]') === null);
    watch.stop();
    expect(host.written).toHaveLength(1);
    expect(within(pane).getByTestId("import-summary").textContent).toContain(`Imported ${rows.toLocaleString("en-US")} deals`);

    // In order, each step once: reading (counts growing, with thousands separators), checking, writing.
    const order = watch.seen.map((s) => s.step).filter((step, i, all) => all[i - 1] !== step);
    expect(order).toEqual(["reading", "checking", "writing"]);
    const reading = watch.seen.filter((s) => s.step === "reading").map((s) => s.text);
    expect(reading.some((text) => /Reading big\.csv… \d{1,3}(,\d{3})+ of \d{1,3}(,\d{3})+ rows/.test(text))).toBe(true);
    expect(watch.seen.find((s) => s.step === "checking")!.text).toContain(`Read big.csv: ${rows.toLocaleString("en-US")} rows`);
  }, 60000);

  it("says the steps in Chinese with the counts written the Chinese way", async () => {
    const fixture = renderZoho(11, 2500, (deal) => !deal.bad);
    const rows = fixture.truth.length;
    const { host, release, pending } = slowWriteHost({ displayLanguage: "zh-CN", sample: { name: "big.csv", bytes: fixture.bytes } });
    render(<App host={host} />);
    const pane = await openPane("data");
    const watch = watchSteps(pane);
    await likeABrowser(
      () => fireEvent.click(within(pane).getByTestId("data-sample")),
      () => pending() > 0,
    );
    const steps = within(within(pane).getByTestId("import-progress")).getAllByRole("listitem");
    expect(steps.map((li) => li.textContent)).toEqual([`已读取 big.csv：${rows.toLocaleString("zh-CN")} 行 ✓ (已完成)`, "检查商机 ✓ (已完成)", "写入 1 个工作表"]);
    expect(within(pane).getByRole("list", { name: "导入步骤" })).toBeTruthy();
    await likeABrowser(release, () => pane.querySelector('[data-testid="import-progress"]') === null);
    watch.stop();
    const order = watch.seen.map((s) => s.step).filter((step, i, all) => all[i - 1] !== step);
    expect(order).toEqual(["reading", "checking", "writing"]);
    expect(watch.seen.some((s) => /正在读取 big\.csv… [\d,]+ \/ [\d,]+ 行/.test(s.text))).toBe(true);
  }, 60000);
});
