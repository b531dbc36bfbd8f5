import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { randomBytes } from "crypto";
import fc from "fast-check";
import JSZip from "jszip";
import * as zlib from "zlib";
import { crc32, deflateInBlocks, writeZipFile } from "../../src/workbook/xlsx/zipWriter";

const MB = 1 << 20;

async function* chunksOf(data: Buffer, sizes: readonly number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const size of sizes) {
    yield data.subarray(at, at + size);
    at += size;
  }
  if (at < data.length) yield data.subarray(at);
}

/** Everything deflateInBlocks makes of `data` cut at `sizes`, joined. */
async function deflated(data: Buffer, sizes: readonly number[] = [], level = 6): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const piece of deflateInBlocks(chunksOf(data, sizes), level)) out.push(piece);
  return Buffer.concat(out);
}

/** Rows of a sheet, about `bytes` long: what the writer mostly compresses. */
function sheetRows(bytes: number): Buffer {
  const rows: string[] = [];
  let length = 0;
  for (let r = 1; length < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 5000}</v></c><c r="B${r}"><v>${(r * 31) % 977}.5</v></c></row>`;
    rows.push(row);
    length += row.length;
  }
  return Buffer.from(rows.join(""));
}

describe("deflateInBlocks", () => {
  it("makes one raw DEFLATE stream that inflates to the input, however it is cut", async () => {
    const data = Buffer.concat([sheetRows(2.5 * MB), randomBytes(MB / 2), sheetRows(MB / 3)]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 1.5 * MB }), { maxLength: 8 }), async (sizes) => {
        expect(zlib.inflateRawSync(await deflated(data, sizes)).equals(data)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });

  it("ends the stream whatever the last block holds: nothing, exactly a block, or part of one", async () => {
    for (const data of [Buffer.alloc(0), sheetRows(MB).subarray(0, MB), sheetRows(2 * MB).subarray(0, 2 * MB), sheetRows(MB + 1)]) {
      const out = await deflated(data, [MB / 4, MB / 4, MB / 4]);
      // inflateRawSync refuses a stream without its final block ("unexpected end of file").
      expect(zlib.inflateRawSync(out).equals(data)).toBe(true);
    }
  });

  it("takes incompressible blocks, whose output is larger than a job's buffer", async () => {
    const noise = randomBytes(3 * MB);
    const out = await deflated(noise, [64 * 1024]);
    expect(out.length).toBeGreaterThan(noise.length);
    expect(zlib.inflateRawSync(out).equals(noise)).toBe(true);
  });

  it("compresses rows as well as a single pass of zlib at the same level", async () => {
    const rows = sheetRows(5 * MB);
    const single = zlib.deflateRawSync(rows, { level: 6 }).length;
    expect((await deflated(rows, [64 * 1024])).length).toBeLessThanOrEqual(single * 1.002);
  });

  it("passes on the error of a source that fails", async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield sheetRows(1.5 * MB);
      throw new Error("the rows could not be made");
    }
    const read = async () => {
      for await (const piece of deflateInBlocks(failing(), 6)) void piece;
    };
    await expect(read()).rejects.toThrow("the rows could not be made");
  });
});

describe("zipWriter", () => {
  it("computes the standard CRC-32 check value", () => {
    // The published check value of CRC-32/ISO-HDLC for the ASCII digits "123456789".
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it("writes entries another ZIP reader reads back byte for byte", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-zip-"));
    try {
      const file = path.join(dir, "test.zip");
      const big = Buffer.from("<row>1</row>".repeat(100_000));
      const streamed = sheetRows(2.5 * MB);
      await writeZipFile(file, [
        { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
        { name: "xl/worksheets/sheet1.xml", data: big },
        { name: "xl/worksheets/sheet2.xml", data: chunksOf(streamed, new Array(40).fill(64 * 1024)) },
        { name: "xl/名前.xml", data: Buffer.alloc(0) },
      ]);
      const zip = await JSZip.loadAsync(await fs.readFile(file), { checkCRC32: true });
      expect(Object.keys(zip.files)).toEqual([
        "[Content_Types].xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/名前.xml",
      ]);
      // A streamed part, deflated in blocks, with its CRC and sizes in the headers written after it.
      expect((await zip.file("xl/worksheets/sheet2.xml")!.async("nodebuffer")).equals(streamed)).toBe(true);
      expect(await zip.file("[Content_Types].xml")!.async("string")).toBe("<Types/>");
      expect((await zip.file("xl/worksheets/sheet1.xml")!.async("nodebuffer")).equals(big)).toBe(
        true,
      );
      expect((await zip.file("xl/名前.xml")!.async("nodebuffer")).length).toBe(0);
      expect((await fs.stat(file)).size).toBeLessThan(big.length / 20 + streamed.length / 4);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
