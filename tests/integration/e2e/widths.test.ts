/**
 * The task pane at Excel's task-pane widths: the preview's pane column (its left column) is
 * set to 320 px (Excel's narrowest) and 500 px, and the Data pane (after loading the
 * sample, its mapping and pipeline editors open), Scorecard, Commission and Dashboard are
 * opened in English and Chinese. Nothing in
 * the pane may overflow it sideways: not the pane itself, not a select, input or table, and
 * no visible element may reach past the pane's right edge. Screenshots go to artifacts/.
 */
import { join } from "path";
import type { Page } from "playwright-core";
import { ARTIFACTS, importSample, navigate, openPreview, PreviewSession } from "./support";

const WIDTHS = [320, 500] as const;
const PANES = ["data", "scorecard", "commission", "dashboard"] as const;
const LOCALES = ["en-US", "zh-CN"] as const;

let session: PreviewSession | undefined;
let page: Page;
const consoleErrors: string[] = [];

/** Sets the preview's pane column to `width` px (its border outside), as Excel sizes its task pane. */
async function paneWidth(width: number): Promise<void> {
  await page.evaluate((w) => {
    const pane = document.querySelector<HTMLElement>('[data-testid="taskpane"]')!;
    pane.style.width = `${w}px`;
  }, width);
  await page.waitForFunction((w) => document.querySelector<HTMLElement>('[data-testid="taskpane"]')!.getBoundingClientRect().width >= w, width);
}

const nav = (id: string): Promise<void> => navigate(page, id);

/**
 * What overflows sideways in the task pane column: the column itself (scrollWidth over
 * clientWidth), every visible select, input and table, and every visible element whose box
 * reaches past the column's right edge. Each as "what: numbers" for a readable failure.
 */
async function overflows(): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector<HTMLElement>('[data-testid="taskpane"]')!;
    const found: string[] = [];
    // The element, its Fluent component (fui-Field__label...) and its text or value.
    const name = (el: Element) => {
      const id = el.getAttribute("data-testid") ?? el.getAttribute("aria-label") ?? el.getAttribute("name") ?? "";
      const fluent = [...el.classList].find((c) => c.startsWith("fui-")) ?? "";
      const text = (el instanceof HTMLInputElement ? el.value : (el.textContent ?? "")).trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${fluent ? `.${fluent}` : ""}${id ? ` ${id}` : ""}>${text ? ` "${text}"` : ""}`;
    };
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    if (pane.scrollWidth > pane.clientWidth) found.push(`the pane: scrollWidth ${pane.scrollWidth} > clientWidth ${pane.clientWidth}`);
    for (const el of pane.querySelectorAll<HTMLElement>("select, input:not([type=hidden]):not([type=file]), textarea, table")) {
      if (!visible(el)) continue;
      if (el.scrollWidth > el.clientWidth) found.push(`${name(el)}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
    }
    const right = pane.getBoundingClientRect().left + pane.clientWidth;
    for (const el of pane.querySelectorAll<HTMLElement>("*")) {
      if (!visible(el)) continue;
      // Visually hidden text (1 px, clipped) is for screen readers only.
      const style = getComputedStyle(el);
      if (style.clip !== "auto" && style.position === "absolute") continue;
      const box = el.getBoundingClientRect();
      if (box.right > right + 0.5) {
        // Only the outermost element that sticks out (its children stick out with it).
        const parent = el.parentElement;
        if (parent && parent !== pane && parent.getBoundingClientRect().right > right + 0.5) continue;
        found.push(`${name(el)}: right edge ${Math.round(box.right)} > pane ${Math.round(right)}`);
      }
    }
    return found;
  });
}

/** A screenshot of the whole pane column, however long the pane (the page is made that tall for it). */
async function shot(name: string, width: number): Promise<void> {
  const height = await page.evaluate(() => document.querySelector('[data-testid="taskpane"]')!.scrollHeight);
  await page.setViewportSize({ width: 1400, height: Math.max(900, height) });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), clip: { x: 0, y: 0, width: width + 1, height: Math.max(900, height) } });
  await page.setViewportSize({ width: 1400, height: 900 });
}

async function setLanguage(locale: (typeof LOCALES)[number]): Promise<void> {
  await nav("settings");
  await page.getByTestId("settings-language").selectOption(locale);
  await page.getByTestId("nav-settings").filter({ hasText: locale === "zh-CN" ? "设置" : "Settings" }).waitFor();
}

beforeAll(async () => {
  session = await openPreview(consoleErrors);
  ({ page } = session);
  // The sample's import: the Data pane then shows its summary, notes and issues.
  await importSample(page);
  await page.getByTestId("import-progress").waitFor({ state: "detached", timeout: 60000 });
  // The column mapping and the stage pipeline editors open too (the panels stay open).
  for (const header of await page.getByTestId("pane-data").locator(".fui-AccordionHeader__button").all()) await header.click();
  await page.getByTestId("pane-data").locator(".fui-AccordionPanel").nth(1).waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe("the task pane at Excel's task-pane widths", () => {
  for (const locale of LOCALES) {
    for (const width of WIDTHS) {
      it(`fits ${width} px in ${locale}: Data, Scorecard, Commission, Dashboard`, async () => {
        await setLanguage(locale);
        await paneWidth(width);
        const found: Record<string, string[]> = {};
        for (const id of PANES) {
          await nav(id);
          // Checked at the usual height, where the pane scrolls (its scroll bar takes room too).
          found[id] = await overflows();
          await shot(`widths-${locale}-${width}-${id}`, width);
        }
        expect(found).toEqual(Object.fromEntries(PANES.map((id) => [id, []])));
      });
    }
  }

  it("logged no console error and made no request off the machine", () => {
    expect(consoleErrors).toEqual([]);
  });
});
