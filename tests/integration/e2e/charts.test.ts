/**
 * The preview's charts in headless Chromium, over the shipped sample export: each chart is
 * drawn over the grid at its anchor cell, its category labels are whole and inside the
 * chart, multi-series charts carry a legend; the title of the dashboard runs over its empty
 * neighbours. Screenshots of each sheet go to artifacts/ for a person to look at.
 */
import { join } from "path";
import type { Page } from "playwright-core";
import { ARTIFACTS, navigate, openPreview, PreviewSession, ROOT } from "./support";

const SAMPLE = join(ROOT, "samples/zoho-deals-sample.csv");

let session: PreviewSession | undefined;
let page: Page;
const consoleErrors: string[] = [];

const nav = (id: string): Promise<void> => navigate(page, id);

async function generate(id: string): Promise<string> {
  const pane = page.getByTestId(`pane-${id}`);
  await pane.getByTestId(`${id}-generate`).click();
  await pane.getByTestId("outcome-success").waitFor({ timeout: 60000 });
  await pane.getByRole("button", { name: "Dismiss" }).click();
  const id2 = await page.locator('[data-testid^="sheet-tab-"][aria-selected="true"]').getAttribute("data-testid");
  return id2!.slice("sheet-tab-".length);
}

interface ChartReport {
  testId: string;
  type: string;
  box: { left: number; top: number; right: number; bottom: number };
  labels: { text: string; left: number; right: number }[];
  legend: string[];
  ticks: string[];
}

/** Every chart of the page (boxes as the page shows them now): its box, its category labels (text and extent) and legend entries. */
async function charts(): Promise<ChartReport[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure[data-testid^="chart-"]')].map((figure) => {
      const id = figure.dataset.testid!;
      const rect = (el: Element) => el.getBoundingClientRect();
      const joined = (el: Element) => {
        const spans = [...el.querySelectorAll("tspan")];
        return spans.length > 0 ? spans.map((s) => s.textContent).join(" ") : el.textContent ?? "";
      };
      const box = rect(figure);
      return {
        testId: id,
        type: figure.dataset.chartType ?? "",
        box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
        labels: [...figure.querySelectorAll(`[data-testid="${id}-category"]`)].map((el) => ({ text: joined(el), left: rect(el).left, right: rect(el).right })),
        legend: [...figure.querySelectorAll(`[data-testid="${id}-legend-entry"]`)].map((el) => el.textContent ?? ""),
        ticks: [...figure.querySelectorAll(`[data-testid="${id}-tick"]`)].map((el) => el.textContent ?? ""),
      };
    }),
  );
}

/** Checks every chart of `sheet` (each scrolled into view first) and takes a screenshot of the first. */
async function checkSheet(sheet: string): Promise<ChartReport[]> {
  const ids = (await charts()).map((c) => c.testId);
  expect(ids.length).toBeGreaterThan(0);
  const found: ChartReport[] = [];
  for (const id of ids) {
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    const chart = (await charts()).find((c) => c.testId === id)!;
    found.push(chart);
    // Drawn at its anchor: the chart's corner is the anchor cell's (to a pixel).
    const anchor = await page.getByTestId(id).getAttribute("data-anchor");
    const cell = await page.getByTestId(`cell-${sheet}-${anchor}`).boundingBox();
    expect([id, cell === null]).toEqual([id, false]);
    expect(Math.abs(chart.box.left - cell!.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(chart.box.top - cell!.y)).toBeLessThanOrEqual(1);
    // Labels inside the chart (none clipped at either end).
    for (const label of chart.labels) {
      expect([id, label.text, label.left >= chart.box.left - 0.5, label.right <= chart.box.right + 0.5]).toEqual([id, label.text, true, true]);
    }
  }
  // The picture: the grid scrolled back to column A, a few rows above the first chart.
  await page.evaluate((id) => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="preview-scroller"]')!;
    scroller.scrollLeft = 0;
    scroller.scrollTop = Math.max(0, document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!.offsetTop - 120);
  }, ids[0]);
  await page.waitForTimeout(100);
  await page.screenshot({ path: join(ARTIFACTS, `preview-charts-${sheet.replace(/\W+/g, "-")}.png`), fullPage: false });
  return found;
}

beforeAll(async () => {
  session = await openPreview(consoleErrors);
  ({ page } = session);
  await nav("data");
  await page.getByTestId("data-file").setInputFiles(SAMPLE);
  await page.getByTestId("import-summary").waitFor({ timeout: 60000 });
  await page.getByTestId("sheet-tab-Deals").waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe("preview charts in Chromium", () => {
  it("draws the funnel at its anchor with every stage name whole", async () => {
    await nav("funnel");
    const sheet = await generate("funnel");
    const [funnel] = await checkSheet(sheet);
    // The sample's pipeline: long stage names that used to be cut ("Proposal/Pri").
    expect(funnel.labels.map((l) => l.text)).toEqual(expect.arrayContaining(["Proposal/Price Quote", "Id. Decision Makers", "Perception Analysis"]));
  });

  it("gives the forecast a legend for its three lines and a money axis", async () => {
    await nav("forecast");
    const sheet = await generate("forecast");
    const [forecast] = await checkSheet(sheet);
    expect(forecast.legend).toHaveLength(3);
    expect(forecast.ticks[0]).toMatch(/0/);
  });

  it("draws the scorecard's bars with rep names whole", async () => {
    await nav("scorecard");
    const sheet = await generate("scorecard");
    const [reps] = await checkSheet(sheet);
    expect(reps.legend.length).toBe(2);
    expect(reps.labels.every((l) => !/…$/.test(l.text))).toBe(true);
  });

  it("places the dashboard's charts in their boxes, under a whole title", async () => {
    await nav("dashboard");
    await page.getByTestId("pane-dashboard").getByText("One large, three small").click();
    const sheet = await generate("dashboard");
    const found = await checkSheet(sheet);
    expect(found.length).toBeGreaterThanOrEqual(2);
    // The title is not ellipsised: its text is wider than column A and shown whole.
    const title = page.getByTestId(`cell-${sheet}-A1`).locator("span").first();
    const overflow = await title.evaluate((el) => ({ text: el.textContent, scroll: el.scrollWidth, client: el.clientWidth, ellipsis: getComputedStyle(el).textOverflow }));
    expect(overflow.ellipsis).not.toBe("ellipsis");
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client + 1);
  });

  it("logged no console error", () => {
    expect(consoleErrors).toEqual([]);
  });
});
