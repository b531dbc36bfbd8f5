/**
 * The monthly cycle through the preview host: the same scenario as replaceTracked.test.ts,
 * over the in-browser workbook (HyperFormula).
 */
import { HyperFormula } from "hyperformula";
import { composeWorkbook, readSheetValues, SheetRequest } from "../../src/compose";
import { createPreviewHost } from "../../src/host/preview";
import type { TaskPaneHost } from "../../src/host/types";
import { rememberRequest, updateTracked } from "../../src/taskpane/wiring/updateWorkbook";
import { PreviewWorkbook } from "../../src/workbook/preview/previewWorkbook";
import { buildDeals, PIPELINE } from "../generators/sampleDeals";

const en = { locale: "en-US" as const, currency: "USD" };
const nextMonthDeals = () => buildDeals().map((d) => (d.owner === "Carol" ? { ...d, owner: "Dan" } : d));

function request<K extends "reps" | "funnel">(id: K): SheetRequest {
  const read = readSheetValues(id, id === "funnel" ? { source: "deals" } : {}, { hasDeals: true });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return { id, values: read.values } as SheetRequest;
}

async function generate(host: TaskPaneHost, r: SheetRequest): Promise<string[]> {
  const composed = composeWorkbook([r], { deals: { deals: buildDeals(), pipeline: PIPELINE }, dealsSheet: { name: "Deals", locale: "en-US" } }, en);
  if (!composed.ok) throw new Error(composed.errors.map((e) => e.message).join("; "));
  const written = await host.writePlan(composed.plan);
  await rememberRequest(host, composed.plan, r);
  return written.sheets;
}

function rowOf(book: PreviewWorkbook, sheet: string, text: string): number {
  const column = book.values(sheet, "A5:A40").map((r) => r[0]);
  const i = column.indexOf(text);
  if (i < 0) throw new Error(`${text} not on ${sheet}`);
  return 5 + i;
}

async function firstMonth(): Promise<{ book: PreviewWorkbook; host: TaskPaneHost }> {
  const book = new PreviewWorkbook();
  const host = createPreviewHost(book);
  const imported = composeWorkbook([{ id: "deals", values: {} }], { deals: { deals: buildDeals(), pipeline: PIPELINE } }, en);
  if (!imported.ok) throw new Error("no import");
  await host.writePlan(imported.plan);
  expect(await generate(host, request("reps"))).toEqual(["Reps"]);
  expect(await generate(host, request("funnel"))).toEqual(["Funnel"]);
  book.setInput("Reps", `C${rowOf(book, "Reps", "Bob")}`, "50000");
  book.setInput("Reps", `C${rowOf(book, "Reps", "Carol")}`, "40000");
  book.renameSheet("Funnel", "My funnel");
  await host.writePlan({ sheets: [{ name: "Mine", blocks: [{ at: "A1", cells: [["x"]] }] }] });
  book.setInput("Mine", "A1", "='Reps'!B5");
  return { book, host };
}

/** Everything the preview shows and remembers, to compare before and after. */
function snapshot(book: PreviewWorkbook): string {
  return JSON.stringify({
    sheets: book.sheets.map((s) => ({ name: s.name, plan: s.plan, rows: s.rows, columns: s.columns })),
    cells: book.sheets.map((s) => book.values(s.name, `A1:T${Math.max(s.rows, 30)}`)),
    contents: book.sheets.map((s) => Array.from({ length: 30 }, (_, r) => ["A", "B", "C", "E"].map((c) => book.content(s.name, `${c}${r + 1}`)))),
    names: book.names(),
    active: book.activeSheet,
  });
}

describe("updating a workbook from the next export (preview host)", () => {
  it("replaces every tracked sheet in place and keeps what the user typed, renamed and referred to", async () => {
    const { book, host } = await firstMonth();
    const order = book.sheets.map((s) => s.name);
    const bobRevenue = book.values("Reps", `B${rowOf(book, "Reps", "Bob")}`)[0][0];
    const result = await updateTracked(host, { deals: nextMonthDeals(), pipeline: PIPELINE }, en);
    if (!result.ok) throw new Error(result.errors.join("; "));

    expect(book.sheets.map((s) => s.name)).toEqual(order);
    expect(result.write.sheets).toEqual(["Deals", "Reps", "My funnel"]);
    expect(book.tables().map((t) => t.table.name).sort()).toEqual(["Deals", "Funnel", "Reps", "Scorecard"]);
    expect(book.values("Reps", `C${rowOf(book, "Reps", "Bob")}`)).toEqual([[50000]]);
    expect(book.values("Reps", `C${rowOf(book, "Reps", "Dan")}`)).toEqual([[null]]);
    expect(result.orphans).toEqual([{ sheet: "Reps", role: "reps", input: "quota", key: "Carol", values: [40000] }]);
    // Mine!A1 reads the new Reps sheet (computed, not #REF!).
    expect(book.content("Mine", "A1")).toMatch(/^='?Reps'?!B5$/);
    expect(book.value("Mine", "A1")).toBe(book.value("Reps", "B5"));
    expect(typeof book.value("Mine", "A1")).toBe("number");
    expect(book.value("Reps", `B${rowOf(book, "Reps", "Bob")}`)).toBe(bobRevenue);
    const saved = await host.readSavedBook();
    expect(saved.get("funnel")?.name).toBe("My funnel");
    expect(saved.get("reps")?.inputs.get("quota")?.find((r) => r.key === "Bob")?.values).toEqual([50000]);
  });

  // removeSheet is the last step, past undoing (the retirement of the old sheets).
  it.each(["renameSheet", "addNamedExpression", "removeNamedExpression", "setCellContents"] as const)(
    "a failure in %s during the update leaves the workbook as it was",
    async (method) => {
      const { book, host } = await firstMonth();
      const before = snapshot(book);
      const original = HyperFormula.prototype[method] as (...args: unknown[]) => unknown;
      // Fails the second call of that kind the update makes.
      let calls = 0;
      const spy = jest.spyOn(HyperFormula.prototype, method).mockImplementation(function (this: HyperFormula, ...args: unknown[]) {
        calls += 1;
        if (calls === 2) throw new Error(`injected failure in ${method}`);
        return original.apply(this, args);
      } as never);
      try {
        await expect(updateTracked(host, { deals: nextMonthDeals(), pipeline: PIPELINE }, en)).rejects.toThrow("injected");
      } finally {
        spy.mockRestore();
      }
      expect(snapshot(book)).toBe(before);
    },
  );
});
