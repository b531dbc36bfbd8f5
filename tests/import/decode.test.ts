import fc from "fast-check";
import { decodeBytes, IMPORT_ENCODINGS, MAX_LISTED_LINES } from "../../src/import/decode";
import { ImportError } from "../../src/import/errors";
import { concatBytes, encode1252, encodeUtf16NoBom, hex } from "../fixtures/encodings";
import { encodeGb18030, encodeUtf16, encodeUtf8, gb18030Supplementary } from "../fixtures/gb18030";

const TEXT = "商机名称,金额\r\n𠮷祥,¥1,200\r\n";
const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "ascii"));

describe("decodeBytes", () => {
  it("reads UTF-8 with a BOM and removes the BOM", () => {
    expect(decodeBytes(encodeUtf8(TEXT, true))).toEqual({
      text: TEXT,
      encoding: "utf-8",
      bom: true,
      basis: "bom",
      otherEncodingLines: null,
    });
  });

  it("reads UTF-8 without a BOM", () => {
    expect(decodeBytes(encodeUtf8(TEXT, false))).toEqual({
      text: TEXT,
      encoding: "utf-8",
      bom: false,
      basis: "valid",
      otherEncodingLines: null,
    });
  });

  it("reads a pure-ASCII file as UTF-8", () => {
    expect(decodeBytes(ascii("Deal,Amount\r\nAcme,100\r\n"))).toEqual({
      text: "Deal,Amount\r\nAcme,100\r\n",
      encoding: "utf-8",
      bom: false,
      basis: "valid",
      otherEncodingLines: null,
    });
    expect(decodeBytes(new Uint8Array(0))).toMatchObject({
      text: "",
      encoding: "utf-8",
      basis: "valid",
    });
  });

  it("reads UTF-16 little- and big-endian by their BOMs", () => {
    expect(decodeBytes(encodeUtf16(TEXT, "le"))).toMatchObject({
      text: TEXT,
      encoding: "utf-16le",
      bom: true,
      basis: "bom",
    });
    expect(decodeBytes(encodeUtf16(TEXT, "be"))).toMatchObject({
      text: TEXT,
      encoding: "utf-16be",
      bom: true,
      basis: "bom",
    });
  });

  it("reads UTF-16 without a BOM by where its zero bytes are", () => {
    // "a,b\n" by hand: LE 61 00 2C 00 62 00 0A 00, BE 00 61 00 2C 00 62 00 0A.
    expect(decodeBytes(hex("61 00 2C 00 62 00 0A 00"))).toEqual({
      text: "a,b\n",
      encoding: "utf-16le",
      bom: false,
      basis: "plausible",
      otherEncodingLines: null,
    });
    expect(decodeBytes(hex("00 61 00 2C 00 62 00 0A"))).toMatchObject({
      text: "a,b\n",
      encoding: "utf-16be",
      basis: "plausible",
    });
    // 商 U+5546, 机 U+673A: LE 46 55 3A 67.
    expect(decodeBytes(hex("46 55 3A 67 2C 00 31 00 0D 00 0A 00")).text).toBe("商机,1\r\n");
    const text = "商机名称,金额\r\n华东大客户,1200\r\n";
    expect(decodeBytes(encodeUtf16NoBom(text, "le"))).toMatchObject({ text, encoding: "utf-16le" });
    expect(decodeBytes(encodeUtf16NoBom(text, "be"))).toMatchObject({ text, encoding: "utf-16be" });
  });

  it("falls back to GB18030 when the bytes are not UTF-8 and read as Chinese", () => {
    // 你好 in GB2312/GBK/GB18030 is C4 E3 BA C3 (the national standard's code table).
    expect(decodeBytes(hex("C4 E3 BA C3"))).toEqual({
      text: "你好",
      encoding: "gb18030",
      bom: false,
      basis: "plausible",
      otherEncodingLines: null,
    });
  });

  it("keeps a Chinese GB18030 export GB18030", () => {
    // 商 C9CC 机 BBFA 名 C3FB 称 B3C6 金 BDF0 额 B6EE, by the GB2312 table.
    const bytes = concatBytes(
      hex("C9 CC BB FA C3 FB B3 C6 2C BD F0 B6 EE 0D 0A"),
      encodeGb18030("华东大客户,1200\r\n"),
    );
    expect(encodeGb18030("商机名称,金额")).toEqual(hex("C9 CC BB FA C3 FB B3 C6 2C BD F0 B6 EE"));
    expect(decodeBytes(bytes)).toMatchObject({
      text: "商机名称,金额\r\n华东大客户,1200\r\n",
      encoding: "gb18030",
      basis: "plausible",
    });
  });

  it("decodes GB18030 four-byte sequences that GBK lacks", () => {
    // 𠮷 U+20BB7: linear index 0x20BB7 - 0x10000 = 68535 from 90 30 81 30:
    // 68535 = 5*12600 + 4*1260 + 49*10 + 5 -> 95 34 B2 35.
    expect(gb18030Supplementary(0x20bb7)).toEqual([0x95, 0x34, 0xb2, 0x35]);
    expect(decodeBytes(hex("95 34 B2 35 2C C4 E3")).text).toBe("𠮷,你");
  });

  it("round-trips a whole Chinese export through GB18030", () => {
    const text = "商机名称,客户名称\r\n䶮龙采购,𠮷野家餐饮\r\n";
    expect(decodeBytes(encodeGb18030(text))).toMatchObject({
      text,
      encoding: "gb18030",
      bom: false,
    });
  });

  it("reads a German Windows-1252 export as Windows-1252, not as GB18030 mojibake", () => {
    // Jürgen,Müller GmbH,€1.200 from the code page: ü FC, € 80. Valid GB18030 too (FC 72 and
    // FC 6C are GBK characters, 80 is €), but two rare ideographs inside Latin words.
    const row = hex(
      "4A FC 72 67 65 6E 2C 4D FC 6C 6C 65 72 20 47 6D 62 48 2C 80 31 2E 32 30 30 0D 0A",
    );
    expect(new TextDecoder("gb18030", { fatal: true }).decode(row)).not.toContain("Jürgen");
    const bytes = concatBytes(
      ascii("Name,Firma,Betrag\r\n"),
      row,
      hex("57 65 69 DF 2C 53 74 72 61 DF 65 2C 39 39 20 80 0D 0A"),
    );
    expect(decodeBytes(bytes)).toEqual({
      text: "Name,Firma,Betrag\r\nJürgen,Müller GmbH,€1.200\r\nWeiß,Straße,99 €\r\n",
      encoding: "windows-1252",
      bom: false,
      basis: "plausible",
      otherEncodingLines: null,
    });
  });

  it("reads a French Windows-1252 export", () => {
    // Société Générale,Crédit,1 200 € : é E9, € 80; « » AB BB.
    const bytes = hex(
      "53 6F 63 69 E9 74 E9 20 47 E9 6E E9 72 61 6C 65 2C 43 72 E9 64 69 74 2C 31 20 32 30 30 20 80 0A " +
        "AB 20 50 72 EA 74 20 BB 2C 46 72 61 6E E7 6F 69 73 0A",
    );
    expect(decodeBytes(bytes)).toMatchObject({
      text: "Société Générale,Crédit,1 200 €\n« Prêt »,François\n",
      encoding: "windows-1252",
    });
  });

  it("decides short ambiguous files by the same score", () => {
    // C4 E3 BA C3: 你好 in GB18030 (two common hanzi, score 1), ÄãºÃ in 1252 (four non-ASCII
    // bytes in a row, score 0): GB18030.
    expect(decodeBytes(hex("C4 E3 BA C3")).encoding).toBe("gb18030");
    // E9 alone: a GB18030 lead byte without its trail (invalid), é in 1252 (a lone letter, 0.5).
    expect(decodeBytes(hex("E9"))).toMatchObject({ text: "é", encoding: "windows-1252" });
    // A C7 C3 O: 1252 AÇÃO (two letters inside a word, 1) against GB18030 A莵O... a lone
    // hanzi inside a Latin word (halved, 0.5): Windows-1252.
    expect(decodeBytes(hex("41 C7 C3 4F"))).toMatchObject({
      text: "AÇÃO",
      encoding: "windows-1252",
    });
    // C9 CC: 商 alone (1 in GB18030) against ÉÌ (two letters without an ASCII letter, 0).
    expect(decodeBytes(hex("C9 CC"))).toMatchObject({ text: "商", encoding: "gb18030" });
  });

  it("reads GB18030 that happens to be valid UTF-8 as GB18030 when its UTF-8 reading is implausible", () => {
    // 状态 is D7 B4 CC AC in GB18030; as UTF-8 that is U+05F4 (Hebrew punctuation) and U+032C
    // (a combining mark): valid, score 0, against 1 for two common hanzi.
    expect(decodeBytes(hex("D7 B4 CC AC 2C 30 0A"))).toMatchObject({
      text: "状态,0\n",
      encoding: "gb18030",
      basis: "plausible",
    });
    // Accented Latin in UTF-8 stays UTF-8: Jürgen = 4A C3 BC 72 67 65 6E.
    expect(decodeBytes(hex("4A C3 BC 72 67 65 6E"))).toMatchObject({
      text: "Jürgen",
      encoding: "utf-8",
      basis: "valid",
    });
    // In a mixed file too: line 2 is valid UTF-8 but reads as GB18030.
    const mixed = concatBytes(
      encodeUtf8("商机,1\n", false),
      hex("D7 B4 CC AC 2C 30 0A"),
      hex("C4 E3 BA C3 0A"),
      encodeUtf8("客户,2\n", false),
      encodeUtf8("金额,3\n", false),
    );
    expect(decodeBytes(mixed)).toMatchObject({
      text: "商机,1\n状态,0\n你好\n客户,2\n金额,3\n",
      encoding: "utf-8",
      otherEncodingLines: { encoding: "gb18030", lines: [2, 3], count: 2 },
    });
  });

  it("reads Shift-JIS and Big5 when the runtime decodes them", () => {
    // こんにちは in Shift-JIS: 82 B1 82 F1 82 C9 82 BF 82 CD (hiragana row 82).
    expect(decodeBytes(hex("82 B1 82 F1 82 C9 82 BF 82 CD"))).toMatchObject({
      text: "こんにちは",
      encoding: "shift_jis",
    });
    // 中文,台灣 in Big5: 中 A4A4, 文 A4E5, 台 A578, 灣 C657.
    expect(decodeBytes(hex("A4 A4 A4 E5 2C A5 78 C6 57 0A"))).toMatchObject({
      text: "中文,台灣\n",
      encoding: "big5",
    });
  });

  it("decodes a file of UTF-8 and GB18030 lines line by line and reports the GB18030 lines", () => {
    const bytes = concatBytes(
      encodeUtf8("商机名称,金额\n", false), // 1
      encodeUtf8("华东大客户,1200\n", false), // 2
      hex("C9 CC BB FA 2C 31 0A"), // 3: 商机,1 in GB18030
      encodeUtf8('"多行\n备注",5\n', false), // 4, 5: a quoted field across lines
      ascii("Acme,7\n"), // 6
      hex("C4 E3 BA C3 2C 32 0A"), // 7: 你好,2 in GB18030
      encodeUtf8("尾行,3", false), // 8
    );
    expect(decodeBytes(bytes)).toEqual({
      text: '商机名称,金额\n华东大客户,1200\n商机,1\n"多行\n备注",5\nAcme,7\n你好,2\n尾行,3',
      encoding: "utf-8",
      bom: false,
      basis: "plausible",
      otherEncodingLines: { encoding: "gb18030", lines: [3, 7], count: 2 },
    });
  });

  it("names the UTF-8 lines when most lines are GB18030, and lists at most the first 1,000", () => {
    const utf8Line = encodeUtf8("华东客户,1\n", false);
    const gbLine = hex("C9 CC BB FA 2C 31 0A");
    const parts: Uint8Array[] = [];
    for (let i = 0; i < 1500; i++) parts.push(gbLine, utf8Line);
    parts.push(gbLine);
    const decoded = decodeBytes(concatBytes(...parts));
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.otherEncodingLines?.encoding).toBe("utf-8");
    expect(decoded.otherEncodingLines?.count).toBe(1500);
    expect(decoded.otherEncodingLines?.lines).toHaveLength(MAX_LISTED_LINES);
    expect(decoded.otherEncodingLines?.lines.slice(0, 3)).toEqual([2, 4, 6]);
    expect(decoded.text.startsWith("商机,1\n华东客户,1\n商机,1\n")).toBe(true);
  });

  it("obeys an explicit encoding", () => {
    const bytes = encodeGb18030("名称");
    expect(decodeBytes(bytes, "gb18030")).toEqual({
      text: "名称",
      encoding: "gb18030",
      bom: false,
      basis: "option",
      otherEncodingLines: null,
    });
    expect(decodeBytes(encodeUtf8("a,b", true), "utf-8")).toMatchObject({
      text: "a,b",
      encoding: "utf-8",
      bom: true,
      basis: "option",
    });
    expect(decodeBytes(encodeUtf16("a,b", "be"), "utf-16").text).toBe("a,b");
    // C4 E3 as 1252 is Äã, as asked, even though auto-detection would say 你.
    expect(decodeBytes(hex("C4 E3"), "windows-1252").text).toBe("Äã");
    expect(decodeBytes(hex("80 8A 9F"), "windows-1252").text).toBe("€ŠŸ");
  });

  it("throws a clear ImportError for bytes that are not text in the chosen encoding", () => {
    expect(() => decodeBytes(encodeGb18030("名称"), "utf-8")).toThrow(ImportError);
    expect(() => decodeBytes(encodeGb18030("名称"), "utf-8")).toThrow(/not valid UTF-8/);
    expect(() => decodeBytes(encodeUtf8("abc", false), "utf-16")).toThrow(/byte-order mark/);
    // 81 8D 8F 90 9D are undefined in Windows-1252.
    for (const undefinedByte of ["81", "8D", "8F", "90", "9D"]) {
      expect(() => decodeBytes(hex(`41 ${undefinedByte} 42`), "windows-1252")).toThrow(
        /not valid WINDOWS-1252/,
      );
    }
    expect(() => decodeBytes(hex("82 B1 82"), "shift_jis")).toThrow(ImportError);
  });

  it("throws rather than guess when no encoding fits", () => {
    // 81 20: a lead byte before a space in every multi-byte candidate, undefined in 1252.
    expect(() => decodeBytes(hex("81 20 FF"))).toThrow(ImportError);
    expect(() => decodeBytes(hex("81 20 FF"))).toThrow(/could not be recognized/);
    // 1 € € €: valid GB18030 (80 is €) and 1252, but plausible in neither (a run of three symbols).
    expect(() => decodeBytes(hex("31 80 80 80 0A"))).toThrow(/could not be recognized/);
  });

  it("lists the encodings a CLI or the pane can offer", () => {
    expect(IMPORT_ENCODINGS).toEqual([
      "auto",
      "utf-8",
      "utf-16",
      "utf-16le",
      "utf-16be",
      "gb18030",
      "windows-1252",
      "shift_jis",
      "big5",
    ]);
  });
});

describe("decodeBytes, properties", () => {
  const lower = [..."abcdefghijklmnopqrstuvwxyz"];
  const upper = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
  // The Latin-1 letters, À-ÿ without × and ÷.
  const latin1 = [..."ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"];
  const asciiWord = (min: number) =>
    fc
      .array(fc.constantFrom(...lower, ...upper), { minLength: min, maxLength: 6 })
      .map((cs) => cs.join(""));
  const caseWord = (letters: string[], min: number) =>
    fc.array(fc.constantFrom(...letters), { minLength: min, maxLength: 6 }).map((cs) => cs.join(""));
  const isLower = (c: string) => c === c.toLowerCase() && c !== c.toUpperCase();
  const latin1Lower = latin1.filter((c) => isLower(c) || c === "ß");
  const latin1Upper = latin1.filter((c) => !isLower(c) && c !== "ß");
  // A word as people write them: ASCII letters, one or two Latin-1 letters of the same case,
  // ASCII letters ("Müller", "créée", "ÉLÉGANCE"). Mixed-case runs such as "aÀÀ" are left
  // out: two capital accents after a small letter is no language's spelling, and its bytes
  // are a common hanzi in GB18030.
  const wordOf = (ascii: string[], accented: string[]) =>
    fc
      .tuple(caseWord(ascii, 1), fc.array(fc.constantFrom(...accented), { minLength: 1, maxLength: 2 }), caseWord(ascii, 0))
      .map(([head, accents, tail]) => head + accents.join("") + tail);
  const word = fc.oneof(wordOf(lower, latin1Lower), wordOf(upper, latin1Upper));
  const line = fc.array(
    fc.oneof(word, asciiWord(1), fc.integer({ min: 0, max: 99999 }).map(String)),
    { minLength: 1, maxLength: 6 },
  );

  it("gives back Latin-1 words written in Windows-1252", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const text = lines.map((cells) => cells.join(",")).join("\r\n") + "\r\n";
        fc.pre(/[^\x00-\x7f]/.test(text));
        const decoded = decodeBytes(encode1252(text));
        expect(decoded.text).toBe(text);
        expect(decoded.encoding).toBe("windows-1252");
      }),
      { numRuns: 300, seed: 1252 },
    );
  });

  const CRM_WORDS = [
    "商机",
    "客户",
    "金额",
    "阶段",
    "负责人",
    "销售",
    "日期",
    "成交",
    "赢单",
    "输单",
    "状态",
    "来源",
    "名称",
    "公司",
    "有限",
    "北京",
    "上海",
    "广州",
    "深圳",
    "科技",
    "合同",
    "报价",
    "谈判",
    "线索",
    "预计",
    "产品",
    "服务",
    "华东",
    "华南",
    "大客户",
    "渠道",
    "续约",
    "新签",
    "方案",
    "采购",
    "集团",
    "股份",
    "经理",
  ];

  it("gives back Chinese CRM words written in GB18030", () => {
    const cell = fc
      .array(fc.constantFrom(...CRM_WORDS), { minLength: 1, maxLength: 4 })
      .map((words) => words.join(""));
    const gbLine = fc.array(fc.oneof(cell, fc.integer({ min: 0, max: 99999 }).map(String)), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.array(gbLine, { minLength: 1, maxLength: 20 }), (lines) => {
        const text = lines.map((cells) => cells.join(",")).join("\r\n") + "\r\n";
        fc.pre(/[^\x00-\x7f]/.test(text));
        const decoded = decodeBytes(encodeGb18030(text));
        expect(decoded.text).toBe(text);
        expect(decoded.encoding).toBe("gb18030");
        expect(decoded.otherEncodingLines).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
