/**
 * An .xlsx input is refused before it inflates past the bounds (src/import/limits.ts):
 * the central directory is read first, then every deflated entry is inflated as a counted
 * stream; a legit export is still read.
 */
import ExcelJS from "exceljs";
import { parseCrmExport } from "../../src/import";
import { ImportError } from "../../src/import/errors";
import { DEFAULT_IMPORT_LIMITS, importLimits } from "../../src/import/limits";
import { checkZipBounds, readZipDirectory } from "../../src/import/zipBounds";
import { renderDynamicsXlsx } from "../fixtures/generateExports";
import { importText } from "../../src/i18n/import";
import { buildZip, deflatedZeros } from "./zipBuilder";

async function refusal(bytes: Uint8Array, options = {}): Promise<ImportError> {
  try {
    await parseCrmExport(bytes, { format: "xlsx", ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error("the .xlsx was not refused");
}

/** Counts the inflating streams made while it is installed. */
function countInflaters(): { made(): number; restore(): void } {
  const scope = globalThis as { DecompressionStream?: new (format: string) => object };
  const Original = scope.DecompressionStream!;
  let made = 0;
  scope.DecompressionStream = class extends (Original as new (format: string) => object) {
    constructor(format: string) {
      super(format);
      made++;
    }
  };
  return { made: () => made, restore: () => void (scope.DecompressionStream = Original) };
}

const CONTENT_TYPES = new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

describe("xlsx bounds", () => {
  it("chooses the documented bounds", () => {
    expect(DEFAULT_IMPORT_LIMITS).toMatchObject({
      maxXlsxBytes: 1024 * 1024 * 1024,
      maxXlsxEntryBytes: 512 * 1024 * 1024,
      maxXlsxRatio: 100,
      xlsxRatioFloorBytes: 1024 * 1024,
      maxXlsxEntries: 10000,
    });
  });

  it("refuses a zip bomb (200 MiB of zeros deflated at level 9) by its ratio, before inflating it", async () => {
    const compressed = deflatedZeros(200);
    const bomb = buildZip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "xl/worksheets/sheet1.xml", raw: compressed, declaredSize: 200 * 1024 * 1024 },
    ]);
    const inflaters = countInflaters();
    const load = jest.spyOn(ExcelJS.Workbook.prototype, "xlsx", "get");
    const error = await refusal(bomb);
    expect(error.messageKey).toBe("error.xlsxRatio");
    expect(error.messageValues).toMatchObject({ entry: "xl/worksheets/sheet1.xml", limit: 100 });
    expect(Number(String(error.messageValues.ratio).replace(/,/g, ""))).toBeGreaterThan(1000);
    expect(error.message).toMatch(/xl\/worksheets\/sheet1\.xml is compressed 1,0\d\d to 1/);
    expect(load).not.toHaveBeenCalled();
    expect(inflaters.made()).toBe(0);
    inflaters.restore();
    load.mockRestore();
  });

  it("refuses an entry declared past the per-entry bound from the directory alone (no data needed)", async () => {
    // 2 GiB declared, a few bytes present: only the directory can have been read.
    const zip = buildZip([{ name: "xl/worksheets/sheet1.xml", raw: new Uint8Array([3, 0]), declaredSize: 0xfffffff0 }]);
    const error = await refusal(zip);
    expect(error.messageKey).toBe("error.xlsxEntryTooLarge");
    expect(error.message).toBe(
      "The .xlsx file is refused: its part xl/worksheets/sheet1.xml would unpack to 4,096 MB, more than the 512 MB allowed.",
    );
  });

  it("refuses a package whose entries together pass the total bound", async () => {
    const entries = [0, 1, 2].map((i) => ({ name: `xl/media/p${i}.bin`, raw: new Uint8Array([3, 0]), declaredSize: 400 * 1024 * 1024 }));
    const error = await refusal(buildZip(entries), { limits: { xlsxRatioFloorBytes: Number.MAX_SAFE_INTEGER } });
    expect(error.messageKey).toBe("error.xlsxTooLarge");
    expect(error.messageValues).toEqual({ limit: "1,024" });
  });

  it("refuses too many entries", async () => {
    const entries = Array.from({ length: 4 }, (_, i) => ({ name: `e${i}.xml`, data: CONTENT_TYPES }));
    const error = await refusal(buildZip(entries), { limits: { maxXlsxEntries: 3 } });
    expect(error.messageKey).toBe("error.xlsxTooManyEntries");
  });

  it("refuses an entry that inflates past the size its directory declares (a lying directory)", async () => {
    // 8 MiB of zeros declared as 1,000 bytes: under every directory bound, caught while streaming.
    const liar = buildZip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "xl/worksheets/sheet1.xml", raw: deflatedZeros(8), declaredSize: 1000 },
    ]);
    const load = jest.spyOn(ExcelJS.Workbook.prototype, "xlsx", "get");
    const error = await refusal(liar);
    expect(error.messageKey).toBe("error.xlsxSizeMismatch");
    expect(error.messageValues).toEqual({ entry: "xl/worksheets/sheet1.xml", size: 1000 });
    expect(load).not.toHaveBeenCalled();
    load.mockRestore();
  });

  it("says the refusal in Chinese too", async () => {
    const zip = buildZip([{ name: "xl/worksheets/sheet1.xml", raw: new Uint8Array([3, 0]), declaredSize: 0xfffffff0 }]);
    const error = await refusal(zip);
    expect(importText("zh-CN", error.messageKey, error.messageValues)).toBe(
      "已拒绝该 .xlsx 文件：其部件 xl/worksheets/sheet1.xml 解压后为 4,096 MB，超过允许的 512 MB。",
    );
  });

  it("still reads a legit export, and reads its directory exactly", async () => {
    const fixture = await renderDynamicsXlsx(7, 60);
    const entries = checkZipBounds(fixture.bytes, importLimits());
    const zip = await (await import("jszip")).default.loadAsync(fixture.bytes);
    expect(entries.filter((entry) => !entry.name.endsWith("/")).map((entry) => entry.name).sort()).toEqual(Object.keys(zip.files).filter((name) => !zip.files[name].dir).sort());
    for (const entry of entries.filter((each) => !each.name.endsWith("/"))) {
      const content = await zip.file(entry.name)!.async("uint8array");
      expect([entry.name, entry.uncompressedSize]).toEqual([entry.name, content.length]);
    }
    const result = await parseCrmExport(fixture.bytes);
    expect(result.stats.format).toBe("xlsx");
    expect(result.stats.records).toBe(60);
    expect(result.deals.length).toBeGreaterThan(40);
  });

  it("calls a file without a zip directory unreadable", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const error = await refusal(bytes);
    expect(error.messageKey).toBe("error.xlsxUnreadable");
    expect(() => readZipDirectory(bytes, 10)).toThrow(ImportError);
  });
});
