/**
 * The chunked reading of an export (a file never held whole) gives exactly what reading the
 * whole file gives, or declines (null) so the caller reads it whole. The reference is the
 * whole-file path: decodeBytes, readCsvRecords, decodeExport + readDecodedExportByColumn.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { completeHead, readCsvRecords, readCsvRecordsFromChunks } from "../../src/import/csv";
import { decodeBytes, ImportEncoding, NotUtf8Chunks, utf8Chunks } from "../../src/import/decode";
import { ImportError } from "../../src/import/errors";
import { decodeExport, ImportOptions, readChunkedExportByColumn, readDecodedExportByColumn } from "../../src/import/normalize";
import { recordCollector } from "../support/recordCollector";
import { allFixtures, renderZoho } from "../fixtures/generateExports";
import { encodeGb18030, encodeUtf16 } from "../fixtures/gb18030";

// Papaparse as it is, its parse calls counted.
jest.mock("papaparse", () => {
  const actual = jest.requireActual("papaparse");
  return { __esModule: true, default: { ...actual, parse: jest.fn(actual.parse) } };
});
const parse = Papa.parse as jest.Mock;


/** The pieces of `items` cut at `size` (the last may be shorter). */
function pieces<T extends { length: number; slice(a: number, b: number): T }>(items: T, size: number): T[] {
  const out: T[] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** What the whole-text reader gives, or the error it throws. */
function whole(text: string) {
  const once = recordCollector();
  try {
    const summary = readCsvRecords(text, once.visitor);
    return { seen: once.seen, summary };
  } catch (error) {
    return { error: String(error) };
  }
}

/**
 * The chunked reader over `text`: its first `headChars` characters as the head (the reader
 * decides the separator and line break there), the rest in `size`-character chunks; without a
 * head, all of it is parsed `size` characters at a time.
 */
async function chunked(text: string, size: number, headChars?: number) {
  const iterator = iterate(pieces(text.slice(headChars ?? text.length), size));
  const read = recordCollector();
  try {
    const head = await completeHead(text.slice(0, headChars ?? text.length), iterator);
    const summary = await readCsvRecordsFromChunks(head, iterator, read.visitor, headChars === undefined ? { sliceChars: size } : {});
    return { seen: read.seen, summary };
  } catch (error) {
    return { error: String(error) };
  }
}

describe("CSV text in chunks", () => {
  it("visits the same header, records, lines and malformed markers at every chunk size", async () => {
    const texts = [
      'Name,Amount\r\n"Two\r\nlines, here",1\r\n"Say ""hi""",2\r\nbroken "quote,3\r\n"open,4\r\n\r\nTotal,9\r\n',
      "sep=;\nName;Amount\n\ufeffBOM-led;1\n\n\na;2\n",
      "\n\nName,Amount\ra,1\rb,2",
      "Name\tAmount\n\ufeff\n\ufeffx\t1\n",
      'Name,Amount\n"never closed,1\nb,2\n',
      "Name,Amount\n",
      "",
    ];
    for (const text of texts) {
      const expected = whole(text);
      for (let size = 1; size <= text.length + 1; size++) {
        expect({ text, size, got: await chunked(text, size) }).toEqual({ text, size, got: expected });
      }
    }
  });

  it("agrees with the whole-text reader on any text and any cutting (property)", async () => {
    const alphabet = fc.constantFrom("a", "b", ",", ";", "\t", '"', '""', "\n", "\r", "\r\n", "\ufeff", " ", "汉");
    await fc.assert(
      fc.asyncProperty(fc.array(alphabet, { maxLength: 80 }), fc.integer({ min: 1, max: 40 }), async (parts, size) => {
        const text = parts.join("");
        expect(await chunked(text, size)).toEqual(whole(text));
      }),
      { numRuns: 400 },
    );
  });

  it("reads chunks cut anywhere after a megabyte-long head", async () => {
    const filler = "Name,Amount\r\n" + "Acme,1\r\n".repeat((1 << 20) / 8);
    const tail = '"Two\r\nlines, here",1\r\n\ufeffBOM-led,2\r\n"Say ""hi""",3\r\nbroken "quote,4\r\n\r\nTotal,9\r\n';
    for (const shift of [0, 1, 2, 3, 5]) {
      const text = filler.slice(0, filler.length - shift * 8) + tail;
      // 131,000 records: compared as JSON, which a deep comparison of objects takes seconds for.
      const expected = JSON.stringify(whole(text));
      for (const size of [1, 2, 7]) {
        const got = JSON.stringify(await chunked(text, size, (1 << 20) + 1));
        expect({ shift, size, same: got === expected }).toEqual({ shift, size, same: true });
      }
    }
  });

  it("reads a row longer than many chunks a bounded number of times", async () => {
    // One 200,000-character quoted field in 1,000-character chunks: read again only when the
    // text held after it doubles, so about log2(200) readings, not 200.
    const text = `Name,Notes\nA,"${"x".repeat(200_000)}"\nB,short\n`;
    const [head, ...rest] = pieces(text, 1000);
    parse.mockClear();
    let pulls = 0;
    async function* counted() {
      for (const piece of rest) {
        pulls++;
        yield piece;
      }
    }
    const iterator = counted();
    const read = recordCollector();
    await readCsvRecordsFromChunks(await completeHead(head, iterator), iterator, read.visitor);
    // The line break is probed once; the 201 chunks are parsed in about log2(200) readings.
    expect(parse.mock.calls.length).toBeLessThan(20);
    expect(pulls).toBe(rest.length);
    expect(read.seen.records.map((r) => [r.cells[0], String(r.cells[1]).length])).toEqual([
      ["A", 200_000],
      ["B", 5],
    ]);
  });
});

/** The file's text through utf8Chunks, cut into `size`-byte chunks: null, the text, or the thrown error's name. */
async function chunkText(bytes: Uint8Array, size: number, encoding: ImportEncoding = "auto"): Promise<string | null> {
  const text = await utf8Chunks(iterate(pieces(bytes, size)), bytes.length, encoding);
  if (!text) return null;
  let out = text.head;
  try {
    for (let next = await text.rest.next(); !next.done; next = await text.rest.next()) out += next.value;
  } catch (error) {
    if (error instanceof NotUtf8Chunks) return "NotUtf8Chunks";
    throw error;
  }
  return out;
}

describe("UTF-8 text from chunks of bytes", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const big = (line: string) => `Name,Amount\n${line.repeat(Math.ceil((1 << 20) / line.length) + 10)}`;
  const cases: [string, Uint8Array][] = [
    ["ASCII", utf8("Name,Amount\nAcme,100\n")],
    ["UTF-8 with Chinese", utf8("名称,金额\n华为,100\n")],
    ["UTF-8 BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Name\nZoë\n")])],
    ["UTF-8 BOM then bytes that are not UTF-8", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Name\n"), 0xfc, 0x0a])],
    ["UTF-16LE BOM", encodeUtf16("Name\nAcme\n", "le")],
    ["UTF-16LE without BOM", encodeUtf16("Name,Amount\nAcme,100\n", "le").subarray(2)],
    ["GB18030", Uint8Array.from(encodeGb18030("名称,金额\n华为,100\n"))],
    ["Windows-1252 (not UTF-8)", Uint8Array.from([...utf8("Name\nJ"), 0xfc, ...utf8("rgen\n")])],
    // Valid UTF-8 that reads as implausible characters (C1 controls): decodeBytes weighs legacy encodings.
    ["implausible UTF-8", utf8("Name\n\u0085\u0086\u0087\u0088\n")],
    // Over a megabyte of UTF-8, then one byte that is not: decided only at the end.
    ["UTF-8 for a megabyte, then Windows-1252", Uint8Array.from([...utf8(big("Zoë,1\n")), 0xfc, 0x0a])],
    ["UTF-8 for a megabyte, then a cut sequence", Uint8Array.from([...utf8(big("汉,1\n")), 0xe6, 0xb1])],
    ["a megabyte of UTF-8", utf8(big("Zoë,1\n"))],
  ];

  it.each(cases)("%s: the text decodeBytes gives when it reads UTF-8, else declined", async (_name, bytes) => {
    for (const encoding of ["auto", "utf-8", "gb18030"] as ImportEncoding[]) {
      // The text when decodeBytes reads the whole file as UTF-8 (not a mix of UTF-8 and other lines).
      let expected: string | null;
      try {
        const decoded = decodeBytes(bytes, encoding);
        expected = decoded.encoding === "utf-8" && !decoded.otherEncodingLines ? decoded.text : null;
      } catch {
        expected = null;
      }
      for (const size of bytes.length > 100_000 ? [4093, 1 << 20] : [1, 3, 4096]) {
        const got = await chunkText(bytes, size, encoding);
        // Declined (null) or given up partway (NotUtf8Chunks): the caller reads the whole file.
        // Declining is always safe; giving up partway is only for a file that is not UTF-8.
        const ok = got === null || (expected === null ? got === "NotUtf8Chunks" : got === expected);
        expect([encoding, size, ok]).toEqual([encoding, size, true]);
      }
    }
  });

  it("does not decline plain UTF-8", async () => {
    for (const [name, bytes] of cases.filter(([n]) => ["ASCII", "UTF-8 with Chinese", "UTF-8 BOM", "a megabyte of UTF-8"].includes(n))) {
      expect([name, await chunkText(bytes, 4096)]).toEqual([name, decodeBytes(bytes).text]);
    }
  });
});

describe("an export read from a file in chunks", () => {
  const file = (bytes: Uint8Array, size: number) => ({ size: bytes.length, chunks: () => iterate(pieces(bytes, size)) });
  const byWhole = async (bytes: Uint8Array, options: ImportOptions = {}) => {
    const result = await readDecodedExportByColumn(decodeExport(bytes, options), options);
    return { ...result, deals: [...result.deals] };
  };

  it("gives the whole file's deals, issues and stats for every UTF-8 fixture, and declines the others", async () => {
    const fixtures = await allFixtures();
    let read = 0;
    for (const fixture of fixtures) {
      const decoded = decodeExport(fixture.bytes);
      const expected = decoded.format === "csv" && decoded.encoding === "utf-8" && !decoded.other ? await byWhole(fixture.bytes) : null;
      for (const size of [7, 64 * 1024]) {
        const got = await readChunkedExportByColumn(file(fixture.bytes, size));
        expect({ name: fixture.name, size, got: got && { ...got, deals: [...got.deals] } }).toEqual({ name: fixture.name, size, got: expected });
      }
      if (expected) read++;
    }
    expect(read).toBeGreaterThanOrEqual(4);
  });

  it("reads a large export in one pass with progress, as the whole file reads", async () => {
    const fixture = renderZoho(7, 14_000);
    expect(fixture.bytes.length).toBeGreaterThan(1 << 21);
    let opened = 0;
    const progress: number[] = [];
    const got = await readChunkedExportByColumn(
      { size: fixture.bytes.length, chunks: () => (opened++, iterate(pieces(fixture.bytes, 1 << 16))) },
      { onProgress: (p) => progress.push(p.fraction) },
    );
    expect(opened).toBe(1);
    expect(got && { ...got, deals: [...got.deals] }).toEqual(await byWhole(fixture.bytes));
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
  });

  it("declines an .xlsx package, a format or encoding option it does not read, and a refusal partway", async () => {
    const text = new TextEncoder().encode("Deal Name,Amount,Stage\nAcme,100,Closed Won\n");
    const zipLike = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...text]);
    expect(await readChunkedExportByColumn(file(zipLike, 2))).toBeNull();
    expect(await readChunkedExportByColumn(file(text, 5), { format: "xlsx" })).toBeNull();
    expect(await readChunkedExportByColumn(file(text, 5), { encoding: "gb18030" })).toBeNull();
    // The header holds no amount column: refused partway, so the whole file decides (and refuses it too).
    const noAmount = new TextEncoder().encode("Deal Name,Stage\nAcme,Closed Won\n");
    expect(await readChunkedExportByColumn(file(noAmount, 5))).toBeNull();
    await expect(byWhole(noAmount)).rejects.toBeInstanceOf(ImportError);
    // A CSV export with format "csv" and a UTF-8 option is read.
    expect((await readChunkedExportByColumn(file(text, 5), { format: "csv", encoding: "utf-8" }))?.stats.imported).toBe(1);
  });

  it("stops reading the file, and closes it, when it declines", async () => {
    const gb = Uint8Array.from(encodeGb18030(`名称,金额\n${"华为,100\n".repeat(20_000)}`));
    // UTF-8 whose header has no amount column: refused at the header, long before the end.
    const noAmount = new TextEncoder().encode(`Deal Name,Stage\n${"Acme,Closed Won\n".repeat(200_000)}`);
    expect(noAmount.length).toBeGreaterThan(3 << 20);
    for (const bytes of [gb, noAmount]) {
      let pulled = 0;
      let closed = false;
      async function* source() {
        try {
          for (const piece of pieces(bytes, 4096)) {
            pulled++;
            yield piece;
          }
        } finally {
          closed = true;
        }
      }
      expect(await readChunkedExportByColumn({ size: bytes.length, chunks: source })).toBeNull();
      expect({ closed, readAll: pulled >= Math.ceil(bytes.length / 4096) }).toEqual({ closed: true, readAll: false });
    }
  });

  it("passes on a read error partway, with the file closed", async () => {
    const bytes = renderZoho(3, 20_000).bytes;
    let closed = false;
    async function* failing() {
      try {
        let at = 0;
        for (const piece of pieces(bytes, 4096)) {
          if ((at += piece.length) > 2 << 20) throw Object.assign(new Error("EIO: i/o error, read"), { syscall: "read" });
          yield piece;
        }
      } finally {
        closed = true;
      }
    }
    await expect(readChunkedExportByColumn({ size: bytes.length, chunks: failing })).rejects.toThrow("EIO");
    expect(closed).toBe(true);
  });
});
