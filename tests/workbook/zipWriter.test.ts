import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { crc32, writeZipFile } from "../../src/workbook/xlsx/zipWriter";

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
      await writeZipFile(file, [
        { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
        { name: "xl/worksheets/sheet1.xml", data: big },
        { name: "xl/名前.xml", data: Buffer.alloc(0) },
      ]);
      const zip = await JSZip.loadAsync(await fs.readFile(file), { checkCRC32: true });
      expect(Object.keys(zip.files)).toEqual([
        "[Content_Types].xml",
        "xl/worksheets/sheet1.xml",
        "xl/名前.xml",
      ]);
      expect(await zip.file("[Content_Types].xml")!.async("string")).toBe("<Types/>");
      expect((await zip.file("xl/worksheets/sheet1.xml")!.async("nodebuffer")).equals(big)).toBe(
        true,
      );
      expect((await zip.file("xl/名前.xml")!.async("nodebuffer")).length).toBe(0);
      expect((await fs.stat(file)).size).toBeLessThan(big.length / 20);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
