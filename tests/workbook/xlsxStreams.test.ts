import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { withRawDelStream } from "../../src/workbook/xlsx/partStreams";
import { openZip } from "../../src/workbook/xlsx/zipReader";
import { writeZipFile } from "../../src/workbook/xlsx/zipWriter";

/** `text` as UTF-8 chunks of `size` bytes (cutting through characters and markers). */
async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect(source: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

describe("raw DEL stream", () => {
  it("decodes _x007F_ left to right as a reader does, at any chunk size", async () => {
    const text = "a_x007F_b_x005F_x007F_c_x007f_ é_x0041_名_x007F";
    const expected = "a\u007Fb_x005F_x007F_c\u007F é_x0041_名_x007F";
    for (let size = 1; size <= Buffer.byteLength(text) + 1; size++)
      expect(await collect(withRawDelStream(chunked(text, size)))).toBe(expected);
  });
});

describe("zip reader and streamed zip entries", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-zipstream-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("reads stored and deflated entries another writer made, with data descriptors", async () => {
    const zip = new JSZip();
    const big = "<row>1</row>".repeat(50_000);
    zip.file("/_rels/.rels", "<Relationships/>", { compression: "STORE" });
    zip.file("xl/worksheets/sheet1.xml", big, { compression: "DEFLATE" });
    zip.folder("xl/empty");
    zip.file("xl/名前.xml", "");
    const file = path.join(dir, "in.zip");
    await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", streamFiles: true }));
    const reader = await openZip(file);
    try {
      expect(reader.entries.map((e) => e.name)).toEqual([
        "_rels/.rels",
        "xl/worksheets/sheet1.xml",
        "xl/名前.xml",
      ]);
      expect(await reader.text(reader.entries[0])).toBe("<Relationships/>");
      expect(await reader.text(reader.entries[1])).toBe(big);
      expect(await reader.text(reader.entries[2])).toBe("");
    } finally {
      await reader.close();
    }
  });

  it("writes streamed entries with their CRC and sizes in both headers", async () => {
    const file = path.join(dir, "out.zip");
    const big = "<row>2</row>".repeat(200_000);
    await writeZipFile(file, [
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", data: chunked(big, 65_536) },
      { name: "xl/empty.xml", data: chunked("", 1) },
    ]);
    const zip = await JSZip.loadAsync(await fs.readFile(file), { checkCRC32: true });
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(big);
    expect(await zip.file("xl/empty.xml")!.async("string")).toBe("");
    const reader = await openZip(file);
    try {
      expect(reader.entries.map((e) => [e.name, e.size])).toEqual([
        ["[Content_Types].xml", 8],
        ["xl/worksheets/sheet1.xml", big.length],
        ["xl/empty.xml", 0],
      ]);
      expect(await reader.text(reader.entries[1])).toBe(big);
    } finally {
      await reader.close();
    }
  });

  it("stops a streamed entry that fails and closes the file", async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from("<a>");
      throw new Error("source broke");
    }
    await expect(
      writeZipFile(path.join(dir, "broken.zip"), [{ name: "a.xml", data: failing() }]),
    ).rejects.toThrow("source broke");
  });
});
