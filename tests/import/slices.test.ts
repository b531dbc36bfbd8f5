/**
 * The sliced (asynchronous) CSV path reads exactly what the one-pass path reads, yields to the
 * event loop between slices, and reports progress after each slice.
 */
import { decodeBytes } from "../../src/import/decode";
import { nextMacrotask, readCsvRecords, readCsvRecordsInSlices } from "../../src/import/csv";
import { ImportError } from "../../src/import/errors";
import { parseCrmExport, parseCrmText, parseCrmTextInSlices } from "../../src/import/normalize";
import type { ImportProgress } from "../../src/import/normalize";
import { recordCollector } from "../support/recordCollector";
import { allFixtures, renderZoho } from "../fixtures/generateExports";


describe("the sliced CSV path gives the one-pass result", () => {
  it("on every CSV fixture, with default slices and with slices cut inside records and quoted fields", async () => {
    const fixtures = (await allFixtures()).filter((fixture) => !fixture.name.endsWith(".xlsx"));
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
    for (const fixture of fixtures) {
      const once = await parseCrmExport(fixture.bytes);
      // Some fixtures have bad rows and footers: both paths must report them alike.
      for (const slices of [true, 97, 1024]) {
        const sliced = await parseCrmExport(fixture.bytes, { slices });
        expect({ name: fixture.name, slices, result: sliced }).toEqual({ name: fixture.name, slices, result: once });
      }
    }
  });

  it("visits the same header, records, lines and malformed markers at any slice size", async () => {
    const text = 'Name,Amount\r\n"Two\r\nlines, here",1\r\n"Say ""hi""",2\r\nbroken "quote,3\r\n"open,4\r\n\r\nTotal,9\r\n';
    const once = recordCollector();
    const summaryOnce = readCsvRecords(text, once.visitor);
    for (let size = 1; size <= text.length + 1; size++) {
      const sliced = recordCollector();
      const summary = await readCsvRecordsInSlices(text, sliced.visitor, { sliceChars: size });
      expect({ size, seen: sliced.seen, summary }).toEqual({ size, seen: once.seen, summary: summaryOnce });
    }
  });

  it("parseCrmTextInSlices matches parseCrmText on decoded text, BOM and all", async () => {
    const fixture = renderZoho(11, 300);
    const text = decodeBytes(fixture.bytes, "auto").text;
    expect(await parseCrmTextInSlices("\ufeff" + text, { slices: 500 })).toEqual(parseCrmText("\ufeff" + text));
  });
});

describe("slices and progress", () => {
  it("yields between slices and reports growing progress after each", async () => {
    const fixture = renderZoho(5, 2000);
    const text = decodeBytes(fixture.bytes, "auto").text;
    const sliceChars = 32 * 1024;
    const expectedSlices = Math.ceil(text.length / sliceChars);
    expect(expectedSlices).toBeGreaterThan(5);
    const progress: ImportProgress[] = [];
    let yields = 0;
    const { records } = await readCsvRecordsInSlices(text, recordCollector().visitor, {
      sliceChars,
      yieldBetweenSlices: async () => {
        yields++;
        await nextMacrotask();
      },
      onProgress: (fraction) => progress.push({ rowsDone: 0, fraction }),
    });
    expect(records).toBe(2000);
    // One yield after each slice papaparse reads.
    expect(yields).toBe(expectedSlices);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions[fractions.length - 1]).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(fractions.filter((f) => f > 0 && f < 1).length).toBeGreaterThan(3);
  });

  it("lets other macrotasks run while an import is in progress", async () => {
    const fixture = renderZoho(6, 3000);
    let ticks = 0;
    let importing = true;
    const ticker = async () => {
      while (importing) {
        ticks++;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };
    const ticking = ticker();
    const seen: number[] = [];
    const result = await parseCrmExport(fixture.bytes, { slices: 16 * 1024, onProgress: (p) => seen.push(p.rowsDone) });
    importing = false;
    await ticking;
    expect(result.stats.records).toBe(3000);
    // Rows counted so far grow slice by slice, up to every record.
    expect(seen.some((done) => done > 0 && done < 3000)).toBe(true);
    expect(seen[seen.length - 1]).toBe(result.deals.length + result.issues.length);
    expect(ticks).toBeGreaterThan(1);
  });

  it("rejects with the ImportError of an unreadable file", async () => {
    await expect(parseCrmTextInSlices("", { slices: true })).rejects.toBeInstanceOf(ImportError);
    await expect(parseCrmTextInSlices("Note,When\ncall,Monday\n", { slices: 4 })).rejects.toBeInstanceOf(ImportError);
  });
});
