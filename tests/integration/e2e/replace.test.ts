/**
 * Rebuilding a tracked sheet in the preview keeps what the user typed on it, in place: the
 * sample is imported and a funnel generated, a target conversion is typed into the grid
 * (the funnel's tracked input), then
 * - the funnel is generated again and "Replace Funnel" chosen,
 * - the sample is read again on the Data pane and "Update deals" chosen,
 * and each time the workbook keeps the same tabs in the same order (no "Funnel (2)"), the
 * typed target is still there with the sheet computing from it, and the pane says how many
 * typed inputs were kept. Then "Add a copy" writes "Funnel (2)" beside it, from the defaults,
 * and leaves the tracked Funnel as it was. Screenshots: artifacts/replace-<step>.png.
 */
import { join } from "path";
import type { Page } from "playwright-core";
import { sheetsEnUS } from "../../../src/i18n/sheets.en-US";
import { ARTIFACTS, findCell, importSample, navigate, openPreview, PreviewSession, readGrid, splitAddress } from "./support";

let session: PreviewSession | undefined;
let page: Page;
const consoleErrors: string[] = [];

/** The typed target conversion, on the funnel's third stage row. */
const TYPED = "0.99";
let targetCell = "";
let stageCell = "";
let flagCell = "";
let stage = "";
/** How many target cells held a value before the rebuild (each is a kept input). */
let targetsKept = 0;

const nav = (id: string): Promise<void> => navigate(page, id);

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `replace-${name}.png`), fullPage: false });
}

/** The workbook's tabs, in order. */
async function tabs(): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid^="sheet-tab-"]')].map((el) => el.dataset.testid!.slice("sheet-tab-".length)));
}

/** Shows a sheet and reads its grid. */
async function gridOf(sheet: string): Promise<Map<string, string>> {
  await page.getByTestId(`sheet-tab-${sheet}`).click();
  await page.getByTestId(`cell-${sheet}-A1`).waitFor();
  return readGrid(page, sheet);
}

/** What a pane's result bar says, its body only (the bar scrolled into view for the screenshot). */
async function outcome(id: string): Promise<string> {
  const bar = page.getByTestId(`pane-${id}`).getByTestId("outcome-success");
  await bar.waitFor({ timeout: 60000 });
  await bar.scrollIntoViewIfNeeded();
  return (await bar.locator(".fui-MessageBarBody").innerText()).replace(/\s+/g, " ").trim();
}

beforeAll(async () => {
  session = await openPreview(consoleErrors);
  ({ page } = session);
  await importSample(page);
  await page.getByTestId("pane-data").getByTestId("outcome-success").waitFor({ timeout: 60000 });
});

afterAll(async () => {
  await session?.close();
});

describe("replacing a tracked sheet in the preview", () => {
  it("types a target conversion into the generated funnel", async () => {
    await nav("funnel");
    await page.getByTestId("funnel-generate").click();
    expect(await outcome("funnel")).toContain("Created Funnel.");
    expect(await tabs()).toEqual(["Deals", "ImportIssues", "Funnel"]);
    const grid = await gridOf("Funnel");
    const header = splitAddress(findCell(grid, sheetsEnUS["funnel.header.target"])!);
    const stageHeader = splitAddress(findCell(grid, sheetsEnUS["funnel.header.stage"])!);
    const flagHeader = splitAddress(findCell(grid, sheetsEnUS["funnel.header.flag"])!);
    const row = header.row + 3;
    targetCell = `${header.column}${row}`;
    stageCell = `${stageHeader.column}${row}`;
    flagCell = `${flagHeader.column}${row}`;
    stage = grid.get(stageCell)!;
    expect(stage).toBeTruthy();
    expect(grid.get(targetCell)).not.toBe(TYPED);
    await page.getByTestId(`cell-Funnel-${targetCell}`).click();
    await page.getByTestId("cell-editor").fill(TYPED);
    await page.getByTestId("cell-editor").press("Enter");
    await page.waitForFunction(([id, want]) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.dataset.value === want, [`cell-Funnel-${targetCell}`, TYPED]);
    // A 99% target is missed: the sheet flags the stage.
    expect((await readGrid(page, "Funnel")).get(flagCell)).toBe(sheetsEnUS["funnel.flag.below"]);
    const after = await readGrid(page, "Funnel");
    const stages = [...after].filter(([a, v]) => splitAddress(a).column === stageHeader.column && splitAddress(a).row > header.row && v !== "").length;
    targetsKept = [...after].filter(([a, v]) => splitAddress(a).column === header.column && splitAddress(a).row > header.row && splitAddress(a).row <= header.row + stages && v !== "").length;
    expect(targetsKept).toBeGreaterThan(0);
    await shot("1-typed");
  });

  it("replaces the funnel in place when it is generated again, keeping the typed target", async () => {
    await page.getByTestId("pane-funnel").getByRole("button", { name: "Dismiss" }).click();
    await page.getByTestId("funnel-generate").click();
    const choice = page.getByTestId("funnel-replace-choice");
    await choice.waitFor({ timeout: 60000 });
    expect(await choice.innerText()).toContain("Funnel is already in this workbook.");
    await shot("2-choice");
    await choice.getByRole("button", { name: "Replace Funnel" }).click();
    const said = await outcome("funnel");
    expect(said).toContain("Created Funnel.");
    expect(said).toContain(targetsKept === 1 ? "Kept 1 typed input." : `Kept ${targetsKept} typed inputs.`);
    expect(await tabs()).toEqual(["Deals", "ImportIssues", "Funnel"]);
    const grid = await gridOf("Funnel");
    expect([grid.get(stageCell), grid.get(targetCell), grid.get(flagCell)]).toEqual([stage, TYPED, sheetsEnUS["funnel.flag.below"]]);
    await shot("3-replaced");
  });

  it("updates the deals and the funnel in place, keeping the typed target", async () => {
    await nav("data");
    await page.getByTestId("data-sample").click();
    const choice = page.getByTestId("data-update-choice");
    await choice.waitFor({ timeout: 60000 });
    await shot("4-update-choice");
    await choice.getByTestId("data-update").click();
    const said = await outcome("data");
    expect(said).toContain("Updated Deals, ImportIssues, Funnel.");
    expect(said).toContain(targetsKept === 1 ? "Kept 1 typed input." : `Kept ${targetsKept} typed inputs.`);
    expect(await tabs()).toEqual(["Deals", "ImportIssues", "Funnel"]);
    const grid = await gridOf("Funnel");
    expect([grid.get(stageCell), grid.get(targetCell), grid.get(flagCell)]).toEqual([stage, TYPED, sheetsEnUS["funnel.flag.below"]]);
    await shot("5-updated");
  });

  it("adds an untracked copy beside it when asked, from the defaults", async () => {
    await nav("funnel");
    await page.getByTestId("funnel-generate").click();
    const choice = page.getByTestId("funnel-replace-choice");
    await choice.waitFor({ timeout: 60000 });
    await choice.getByRole("button", { name: "Add a copy" }).click();
    expect(await outcome("funnel")).toContain("Created Funnel (2).");
    expect(await tabs()).toEqual(["Deals", "ImportIssues", "Funnel", "Funnel (2)"]);
    const copy = await gridOf("Funnel (2)");
    expect(copy.get(stageCell)).toBe(stage);
    expect(copy.get(targetCell)).not.toBe(TYPED);
    await shot("6-copy");
    const tracked = await gridOf("Funnel");
    expect(tracked.get(targetCell)).toBe(TYPED);
  });

  it("logged no console error and made no request off the machine", () => {
    expect(consoleErrors).toEqual([]);
  });
});
