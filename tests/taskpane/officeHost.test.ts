import { createOfficeHost } from "../../src/host/office";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { FakeExcel } from "../fakes/excel/fakeExcel";

/** The parts of Office.js the host reads: language, theme, requirement sets, document settings. */
function fakeOffice(saved: Map<string, unknown>, failSave = false): typeof Office {
  const pending = new Map<string, unknown>();
  return {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      displayLanguage: "zh-CN",
      officeTheme: { bodyBackgroundColor: "#1F1F1F", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#2B2B2B", controlForegroundColor: "#EEEEEE" },
      requirements: { isSetSupported: () => true },
      document: {
        settings: {
          get: (key: string) => (pending.has(key) ? pending.get(key) : saved.get(key) ?? null),
          set: (key: string, value: unknown) => void pending.set(key, value),
          saveAsync: (callback: (r: { status: string; error?: { message: string } }) => void) => {
            if (failSave) return callback({ status: "failed", error: { message: "The document is read-only." } });
            pending.forEach((v, k) => saved.set(k, v));
            callback({ status: "succeeded" });
          },
        },
      },
    },
  } as unknown as typeof Office;
}

const plan: WorkbookPlan = {
  sheets: [{ name: "Funnel", blocks: [{ at: "A1", cells: [["Stage", "Deals"], ["Contact", 10]] }], tables: [{ name: "Funnel", range: "A1:B2" }] }],
};

describe("the Office host", () => {
  it("reports Excel's language and the Office theme", () => {
    const host = createOfficeHost(fakeOffice(new Map()), new FakeExcel().run);
    expect(host.displayLanguage).toBe("zh-CN");
    expect(host.theme?.bodyBackgroundColor).toBe("#1F1F1F");
  });

  it("writes plans through the workbook layer and reads the table back", async () => {
    const excel = new FakeExcel();
    const host = createOfficeHost(fakeOffice(new Map()), excel.run);
    const first = await host.writePlan(plan);
    const second = await host.writePlan(plan);
    expect(first.sheets).toEqual(["Funnel"]);
    expect(second.sheets).toEqual(["Funnel (2)"]);
    expect(await host.listTables()).toEqual(expect.arrayContaining(["Funnel"]));
    expect(await host.readTable("Funnel")).toEqual({ headers: ["Stage", "Deals"], rows: [["Contact", 10]] });
  });

  it("persists settings in the document and reports a failed save", async () => {
    const saved = new Map<string, unknown>();
    const host = createOfficeHost(fakeOffice(saved), new FakeExcel().run);
    await host.setSetting("salesquant.settings", { language: "en-US" });
    expect(saved.get("salesquant.settings")).toEqual({ language: "en-US" });
    expect(host.getSetting("salesquant.settings")).toEqual({ language: "en-US" });
    const readOnly = createOfficeHost(fakeOffice(new Map(), true), new FakeExcel().run);
    await expect(readOnly.setSetting("k", 1)).rejects.toThrow("read-only");
  });
});
