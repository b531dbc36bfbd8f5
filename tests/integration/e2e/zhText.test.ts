/**
 * The task pane in Chinese says everything in Chinese, as rendered in Chromium: the sample is
 * imported and a funnel generated in English, the language is switched to 简体中文, and every
 * pane's text (what it shows, the hidden text for screen readers, the options of its
 * selects) and its visible placeholder, aria-label, title and alt attributes are checked with
 * the catalogs' rule (tests/i18n/untranslatedRule.ts: Latin letters without Chinese, or a run
 * of three English words). What stays as written is taken out first: product and CRM names,
 * codes (CSV, UTF-8, KPI, USD...), the workbook's sheet names and the sample's own data
 * (its headers, values and file name). The messages written before the switch (the import's
 * and the funnel's results) are in Chinese too. A planted English label shows the scan fails.
 * Screenshots: artifacts/zh-text-<pane>.png.
 */
import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { parseCrmExport } from "../../../src/import";
import { PRESET_IDS, presetName } from "../../../src/import/presets";
import { PANE_IDS } from "../../../src/taskpane/panes/paneIds";
import { CURRENCIES } from "../../../src/taskpane/settings";
import { untranslated } from "../../i18n/untranslatedRule";
import { ARTIFACTS, importSample, navigate, openPreview, PreviewSession, ROOT } from "./support";

const SAMPLE_NAME = "zoho-deals-sample.csv";
const SAMPLE = join(ROOT, "samples", SAMPLE_NAME);

/** Names that read the same in Chinese: the product, its host, the CRMs, the language's own name. */
const NAMES = [
  "SalesQuant",
  "Microsoft",
  "Excel",
  "LibreOffice",
  "Salesforce",
  "HubSpot",
  "Zoho",
  "Dynamics 365",
  "Pipedrive",
  "Odoo",
  "Data Loader",
  "CRM",
  // The language selector names each language in itself.
  "English",
];

/** Codes written as they are in any language: file types, encodings, metrics, currencies. */
const CODES = ["CSV", "XLSX", "UTF-8", "UTF-16", "LE", "BE", "GB18030", "GBK", "Windows-1252", "Big5", "Shift-JIS", "BOM", "KPI", "OK", ...CURRENCIES];

let session: PreviewSession | undefined;
let page: Page;
const consoleErrors: string[] = [];
/** The sample's own words (headers, values, the stages and status words read from it). */
let sampleWords: string[] = [];

const nav = (id: string): Promise<void> => navigate(page, id);

/** Every text the task pane column shows or announces, one per line or cell, and its visible attributes. */
async function paneTexts(): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector<HTMLElement>('[data-testid="taskpane"]')!;
    const out: string[] = [];
    // innerText: rendered text only (a hidden pane gives none), visually hidden text included.
    for (const part of pane.innerText.split(/[\n\t]+/)) out.push(part);
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    for (const el of pane.querySelectorAll<HTMLElement>("[placeholder], [aria-label], [title], [alt]")) {
      if (!visible(el)) continue;
      for (const name of ["placeholder", "aria-label", "title", "alt"]) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
    }
    // A closed select shows one option; the others are read when it opens.
    for (const select of pane.querySelectorAll("select")) {
      if (!visible(select)) continue;
      for (const option of select.options) out.push(option.text);
    }
    return out.map((text) => text.replace(/\s+/g, " ").trim()).filter((text) => text !== "");
  });
}

/** The workbook's sheet names, from its tabs: written by the user's choices, shown as they are. */
async function sheetNames(): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid^="sheet-tab-"]')].map((el) => el.dataset.testid!.slice("sheet-tab-".length)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The texts that read as untranslated English once names, codes, sheet names and the
 * sample's own words are taken out, each as `"text": why`.
 */
function english(texts: string[], sheets: string[]): string[] {
  // Longest first, so "Closed Won" goes before "Won"; codes and names only as whole words.
  const asWritten = [...new Set([...sampleWords, ...sheets, ...NAMES, ...CODES])].filter((w) => w.trim() !== "").sort((a, b) => b.length - a.length);
  const pattern = new RegExp(asWritten.map((w) => `(?<![A-Za-z0-9])${escapeRegExp(w)}(?![A-Za-z0-9])`).join("|"), "g");
  const found: string[] = [];
  for (const text of new Set(texts)) {
    const bare = text.replace(pattern, " ").replace(/\s+/g, " ").trim();
    const why = bare === "" ? null : untranslated(bare);
    if (why) found.push(`${JSON.stringify(text)}: ${why}`);
  }
  return found;
}

/** A screenshot of the whole pane column, however long the pane. */
async function shot(name: string): Promise<void> {
  const box = await page.evaluate(() => {
    const pane = document.querySelector<HTMLElement>('[data-testid="taskpane"]')!;
    return { width: pane.getBoundingClientRect().width, height: pane.scrollHeight };
  });
  const height = Math.max(900, Math.ceil(box.height));
  await page.setViewportSize({ width: 1400, height });
  await page.screenshot({ path: join(ARTIFACTS, `zh-text-${name}.png`), clip: { x: 0, y: 0, width: Math.ceil(box.width) + 1, height } });
  await page.setViewportSize({ width: 1400, height: 900 });
}

/** What a pane's result bar says (its body: the title, OK or 确定, then the message; no buttons). */
async function outcomeText(id: string, kind: "success" | "error" = "success"): Promise<string> {
  const bar = page.getByTestId(`pane-${id}`).getByTestId(`outcome-${kind}`);
  await bar.waitFor({ timeout: 60000 });
  return (await bar.locator(".fui-MessageBarBody").innerText()).replace(/\s+/g, " ").trim();
}

/** Scans the pane shown now; returns what reads as English. */
async function scan(name: string): Promise<string[]> {
  const found = english(await paneTexts(), await sheetNames());
  await shot(name);
  return found;
}

beforeAll(async () => {
  const raw = readFileSync(SAMPLE);
  const cells = Papa.parse<string[]>(raw.toString("utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data.flat();
  const imported = await parseCrmExport(raw);
  sampleWords = [
    SAMPLE_NAME,
    ...cells,
    ...imported.pipeline.stages.map((s) => s.name),
    ...imported.pipeline.wonLabels,
    ...imported.pipeline.lostLabels,
    ...imported.deals.flatMap((d) => [d.name, d.owner, d.customer, d.stage, d.id, d.source].filter((v): v is string => typeof v === "string")),
    ...imported.issues.flatMap((issue) => [issue.id, issue.name, ...Object.values(issue.messageValues).map(String)]),
    ...Object.values(imported.detected.columns).filter((v): v is string => typeof v === "string"),
  ].map((w) => w.trim());
  for (const id of PRESET_IDS) sampleWords.push(presetName(id, "zh-CN"));

  session = await openPreview(consoleErrors);
  ({ page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("the task pane in Chinese", () => {
  it("re-says in Chinese the results written in English before the switch", async () => {
    await importSample(page);
    expect(await outcomeText("data")).toBe("OKCreated Deals, ImportIssues.");
    await nav("funnel");
    await page.getByTestId("funnel-generate").click();
    expect(await outcomeText("funnel")).toBe("OKCreated Funnel.");

    await nav("settings");
    await page.getByTestId("settings-language").selectOption("zh-CN");
    await page.getByTestId("nav-settings").filter({ hasText: "设置" }).waitFor();
    await nav("data");
    expect(await outcomeText("data")).toBe("确定已创建 Deals、ImportIssues。");
    await nav("funnel");
    expect(await outcomeText("funnel")).toBe("确定已创建 Funnel。");
  });

  it("shows no English in any pane, its dialogs or its messages", async () => {
    const found: Record<string, string[]> = {};
    // The Data pane with its summary, notes, issues and both editors open.
    await nav("data");
    for (const header of await page.getByTestId("pane-data").locator(".fui-AccordionHeader__button").all()) await header.click();
    await page.getByTestId("pane-data").locator(".fui-AccordionPanel").nth(1).waitFor();
    for (const id of PANE_IDS) {
      await nav(id);
      found[id] = await scan(id);
    }
    // Generating the funnel again asks Replace or Add a copy; replacing says what was kept.
    await nav("funnel");
    await page.getByTestId("funnel-generate").click();
    await page.getByTestId("funnel-replace-choice").waitFor({ timeout: 60000 });
    found["funnel: replace or copy"] = await scan("funnel-replace-choice");
    await page.getByTestId("funnel-replace-choice").getByRole("button").first().click();
    await page.getByTestId("pane-funnel").getByTestId("carried-inputs").waitFor({ timeout: 60000 });
    found["funnel: replaced"] = await scan("funnel-replaced");
    // Each template's own form, and a sheet generated in Chinese.
    await nav("templates");
    const templates = await page.getByTestId("pane-templates").locator("select").first().locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    for (const template of templates) {
      await page.getByTestId("pane-templates").locator("select").first().selectOption(template);
      found[`templates: ${template}`] = await scan(`templates-${template}`);
    }
    await page.getByTestId("templates-generate").click();
    await page.getByTestId("pane-templates").getByTestId("outcome-success").waitFor({ timeout: 60000 });
    found["templates: generated"] = await scan("templates-generated");
    // Every commission method and credit source shows its own fields.
    await nav("commission");
    for (const select of await page.getByTestId("pane-commission").locator("select").all()) {
      const values = await select.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      const first = await select.inputValue();
      for (const value of values) {
        await select.selectOption(value);
        found[`commission: ${value}`] = english(await paneTexts(), await sheetNames());
      }
      await select.selectOption(first);
    }
    const want = Object.fromEntries(Object.keys(found).map((k) => [k, []]));
    expect(found).toEqual(want);
  });

  it("catches an English label planted in a pane", async () => {
    await nav("goals");
    await page.evaluate(() => {
      const pane = document.querySelector('[data-testid="pane-goals"]')!;
      const button = document.createElement("button");
      button.textContent = "Export the report";
      button.setAttribute("data-testid", "planted");
      pane.prepend(button);
      const input = document.createElement("input");
      input.placeholder = "Type a name";
      input.setAttribute("aria-label", "目标名称");
      input.setAttribute("data-testid", "planted-input");
      pane.prepend(input);
    });
    const found = english(await paneTexts(), await sheetNames());
    await page.evaluate(() => document.querySelectorAll('[data-testid^="planted"]').forEach((el) => el.remove()));
    expect(found).toEqual(['"Export the report": no Chinese', '"Type a name": no Chinese']);
    // Mixed in with Chinese, a run of three English words is caught too; names and codes are not.
    expect(english(["导出 the whole report", "从 Salesforce 导入 CSV（UTF-8）", "Deals"], ["Deals"])).toEqual(['"导出 the whole report": English phrase "the whole report"']);
    // The sample's own words stay as written.
    expect(english(["Qualification", "Bo Chen"], [])).toEqual([]);
  });

  it("logged no console error and made no request off the machine", () => {
    expect(consoleErrors).toEqual([]);
  });
});
