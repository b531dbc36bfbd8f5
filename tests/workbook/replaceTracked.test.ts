/**
 * The monthly cycle through the Office host over the recording fake of Excel: a workbook
 * built from one export, typed into, renamed and referred to by the user's own sheet, is
 * updated from the next export in place.
 */
import { composeWorkbook, readSheetValues, SheetRequest } from "../../src/compose";
import type { Deal } from "../../src/core/deal";
import { createOfficeHost } from "../../src/host/office";
import type { TaskPaneHost } from "../../src/host/types";
import { rememberRequest, updateTracked } from "../../src/taskpane/wiring/updateWorkbook";
import { FakeExcel } from "../fakes/excel/fakeExcel";
import { buildDeals, PIPELINE } from "../generators/sampleDeals";

const en = { locale: "en-US" as const, currency: "USD" };

/** The parts of Office.js the host reads. */
function fakeOffice(): typeof Office {
  const saved = new Map<string, unknown>();
  return {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      displayLanguage: "en-US",
      requirements: { isSetSupported: () => true },
      document: {
        settings: {
          get: (key: string) => saved.get(key) ?? null,
          set: (key: string, value: unknown) => void saved.set(key, value),
          saveAsync: (callback: (r: { status: string }) => void) => callback({ status: "succeeded" }),
        },
      },
    },
  } as unknown as typeof Office;
}

/** Carol left; Dan joined and took over her deals. */
export function nextMonthDeals(): Deal[] {
  return buildDeals().map((d) => (d.owner === "Carol" ? { ...d, owner: "Dan" } : d));
}

/** Generates a sheet from a pane request over the Deals sheet already written, remembering the request. */
async function generate(host: TaskPaneHost, request: SheetRequest): Promise<string[]> {
  const composed = composeWorkbook([request], { deals: { deals: buildDeals(), pipeline: PIPELINE }, dealsSheet: { name: "Deals", locale: "en-US" } }, en);
  if (!composed.ok) throw new Error(composed.errors.map((e) => e.message).join("; "));
  const result = await host.writePlan(composed.plan);
  await rememberRequest(host, composed.plan, request);
  return result.sheets;
}

function valuesOf<K extends "reps" | "funnel">(id: K): SheetRequest {
  const read = readSheetValues(id, id === "funnel" ? { source: "deals" } : {}, { hasDeals: true });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return { id, values: read.values } as SheetRequest;
}

/** The row (1-based) of `text` in column A of a sheet, from row 5. */
function rowOf(fake: FakeExcel, sheet: string, text: string): number {
  const column = fake.values(sheet, "A5:A40").map((r) => r[0]);
  const i = column.indexOf(text);
  if (i < 0) throw new Error(`${text} not on ${sheet}: ${JSON.stringify(column)}`);
  return 5 + i;
}

/** The workbook after the first month: imported, typed into, renamed, referred to. */
async function firstMonth(): Promise<{ fake: FakeExcel; host: TaskPaneHost }> {
  const fake = new FakeExcel();
  const host = createOfficeHost(fakeOffice(), fake.run);
  const imported = composeWorkbook([{ id: "deals", values: {} }], { deals: { deals: buildDeals(), pipeline: PIPELINE } }, en);
  if (!imported.ok) throw new Error("no import");
  expect((await host.writePlan(imported.plan)).sheets).toEqual(["Deals"]);
  expect(await generate(host, valuesOf("reps"))).toEqual(["Reps"]);
  expect(await generate(host, valuesOf("funnel"))).toEqual(["Funnel"]);
  await fake.run(async (context) => {
    const reps = context.workbook.worksheets.getItem("Reps");
    reps.getRange(`C${rowOf(fake, "Reps", "Bob")}`).values = [[50000]];
    reps.getRange(`C${rowOf(fake, "Reps", "Carol")}`).values = [[40000]];
    context.workbook.worksheets.getItem("Funnel").name = "My funnel";
    const mine = context.workbook.worksheets.add("Mine");
    mine.getRange("A1:B1").formulas = [["='Reps'!B5", "=SUM(Deals[Amount])"]];
    await context.sync();
  });
  return { fake, host };
}

/** What differs between two snapshots, by part (empty when they are equal). */
function difference(after: string, before: string): Record<string, unknown> {
  const a = JSON.parse(after) as Record<string, unknown>;
  const b = JSON.parse(before) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const sheetsA = a.sheets as { name: string }[];
  const sheetsB = b.sheets as { name: string }[];
  if (sheetsA.map((s) => s.name).join("|") !== sheetsB.map((s) => s.name).join("|")) out.sheetNames = [sheetsA.map((s) => s.name), sheetsB.map((s) => s.name)];
  sheetsA.forEach((s, i) => {
    for (const k of Object.keys(s) as (keyof typeof s)[])
      if (JSON.stringify(s[k]) !== JSON.stringify((sheetsB[i] as typeof s | undefined)?.[k]))
        out[`${s.name}.${k}`] =
          k === ("cells" as never)
            ? (s[k] as unknown as [number, unknown][]).filter(([c, v]) => JSON.stringify(v) !== JSON.stringify(new Map((sheetsB[i] as unknown as { cells: [number, unknown][] }).cells).get(c))).slice(0, 2)
            : "differs";
  });
  for (const k of ["tables", "names", "active"])
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = [a[k], b[k]];
  return out;
}

describe("updating a workbook from the next export (Office host, recording fake)", () => {
  it("replaces every tracked sheet in place and keeps what the user typed, renamed and referred to", async () => {
    const { fake, host } = await firstMonth();
    const order = fake.state.sheets.map((s) => s.name);
    const result = await updateTracked(host, { deals: nextMonthDeals(), pipeline: PIPELINE }, en);
    if (!result.ok) throw new Error(result.errors.join("; "));

    expect(fake.state.sheets.map((s) => s.name)).toEqual(order);
    expect(result.write.sheets).toEqual(["Deals", "Reps", "My funnel"]);
    expect(fake.state.tables.has("Deals")).toBe(true);
    expect([...fake.state.tables.keys()].some((t) => /\d$/.test(t) && t.startsWith("Deals"))).toBe(false);
    // Bob's typed quota is back in Bob's row; Dan's row is new and blank; Carol's is reported.
    expect(fake.values("Reps", `C${rowOf(fake, "Reps", "Bob")}`)).toEqual([[50000]]);
    expect(fake.values("Reps", `C${rowOf(fake, "Reps", "Dan")}`)).toEqual([[null]]);
    expect(result.orphans).toEqual([{ sheet: "Reps", role: "reps", input: "quota", key: "Carol", values: [40000] }]);
    expect(result.carried).toBeGreaterThan(0);
    // The user's formulas still point at the (new) Reps and Deals.
    expect(fake.cell("Mine", "A1")?.formula).toBe("='Reps'!B5");
    expect(fake.cell("Mine", "B1")?.formula).toBe("=SUM(Deals[Amount])");
    // The workbook remembers the new sheets, under the user's name for the funnel.
    const saved = await host.readSavedBook();
    expect([...saved.keys()].sort()).toEqual(["deals", "funnel", "reps"]);
    expect(saved.get("funnel")?.name).toBe("My funnel");
    expect(saved.get("reps")?.inputs.get("quota")?.find((r) => r.key === "Bob")?.values).toEqual([50000]);
    expect([...fake.state.names.values()].some((n) => n.reference.includes("#REF!"))).toBe(false);
  });

  it("a failure at any step of the update leaves the workbook exactly as it was", async () => {
    const { fake: probe, host: probeHost } = await firstMonth();
    const start = probe.syncCount;
    await updateTracked(probeHost, { deals: nextMonthDeals(), pipeline: PIPELINE }, en);
    // Every sync of the update but the last (the retirement of the old sheets, past undoing).
    const syncs = probe.syncCount - start;
    expect(syncs).toBeGreaterThan(4);
    for (let at = 1; at < syncs; at++) {
      const { fake, host } = await firstMonth();
      const before = fake.snapshot();
      fake.failAtSync = fake.syncCount + at;
      await expect(updateTracked(host, { deals: nextMonthDeals(), pipeline: PIPELINE }, en)).rejects.toThrow();
      expect({ at, ...difference(fake.snapshot(), before) }).toEqual({ at });
    }
  });
});
