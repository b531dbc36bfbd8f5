import { decodeBytes } from "../../src/import/decode";
import { ImportError } from "../../src/import/errors";
import { encodeGb18030, encodeUtf16, encodeUtf8, gb18030Supplementary } from "../fixtures/gb18030";

const TEXT = "商机名称,金额\r\n𠮷祥,¥1,200\r\n";

describe("decodeBytes", () => {
  it("reads UTF-8 with a BOM and removes the BOM", () => {
    expect(decodeBytes(encodeUtf8(TEXT, true))).toEqual({ text: TEXT, encoding: "utf-8", bom: true });
  });

  it("reads UTF-8 without a BOM", () => {
    expect(decodeBytes(encodeUtf8(TEXT, false))).toEqual({ text: TEXT, encoding: "utf-8", bom: false });
  });

  it("reads UTF-16 little- and big-endian by their BOMs", () => {
    expect(decodeBytes(encodeUtf16(TEXT, "le"))).toEqual({ text: TEXT, encoding: "utf-16le", bom: true });
    expect(decodeBytes(encodeUtf16(TEXT, "be"))).toEqual({ text: TEXT, encoding: "utf-16be", bom: true });
  });

  it("falls back to GB18030 when the bytes are not UTF-8", () => {
    // 你好 in GB2312/GBK/GB18030 is C4 E3 BA C3 (the national standard's code table).
    expect(decodeBytes(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]))).toEqual({ text: "你好", encoding: "gb18030", bom: false });
  });

  it("decodes GB18030 four-byte sequences that GBK lacks", () => {
    // 𠮷 U+20BB7: linear index 0x20BB7 - 0x10000 = 68535 from 90 30 81 30:
    // 68535 = 5*12600 + 4*1260 + 49*10 + 5 -> 95 34 B2 35.
    expect(gb18030Supplementary(0x20bb7)).toEqual([0x95, 0x34, 0xb2, 0x35]);
    const bytes = new Uint8Array([0x95, 0x34, 0xb2, 0x35, 0x2c, 0xc4, 0xe3]);
    expect(decodeBytes(bytes).text).toBe("𠮷,你");
  });

  it("round-trips a whole Chinese export through GB18030", () => {
    const text = "商机名称,客户名称\r\n䶮龙采购,𠮷野家餐饮\r\n";
    expect(decodeBytes(encodeGb18030(text))).toEqual({ text, encoding: "gb18030", bom: false });
  });

  it("obeys an explicit encoding", () => {
    const bytes = encodeGb18030("名称");
    expect(decodeBytes(bytes, "gb18030").text).toBe("名称");
    expect(decodeBytes(encodeUtf8("a,b", true), "utf-8")).toEqual({ text: "a,b", encoding: "utf-8", bom: true });
    expect(decodeBytes(encodeUtf16("a,b", "be"), "utf-16").text).toBe("a,b");
  });

  it("throws a clear ImportError for bytes that are not text in the chosen encoding", () => {
    expect(() => decodeBytes(encodeGb18030("名称"), "utf-8")).toThrow(ImportError);
    expect(() => decodeBytes(encodeGb18030("名称"), "utf-8")).toThrow(/not valid UTF-8/);
    expect(() => decodeBytes(encodeUtf8("abc", false), "utf-16")).toThrow(/byte-order mark/);
    expect(() => decodeBytes(new Uint8Array([0x81, 0x20, 0xff]))).toThrow(ImportError);
  });
});
