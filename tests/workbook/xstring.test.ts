import { escapeXml, unescapeXml } from "../../src/workbook/xlsx/chartXml";
import fc from "fast-check";
import {
  escapeXstring,
  escapeXstringForAttribute,
  unescapeXstring,
} from "../../src/workbook/xlsx/xstring";

/** Characters XML 1.0 cannot hold (Char production), and a raw CR, which parsers turn into LF. */
const NOT_XML_TEXT =
  /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** ExcelJS's reader decodes `_xHHHH_` with upper-case hex digits only, left to right. */
const excelJsDecode = (text: string): string =>
  text.replace(/_x([0-9A-F]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** An alphabet dense in what escaping is about: underscores, hex digits, controls, surrogates. */
const trickyText = fc.string({
  unit: fc.constantFrom(
    "_", "x", "X", "0", "5", "7", "D", "d", "F", "f", "a", " ",
    "\r", "\n", "\t", "\u0000", "\u0007", "\u000B", "\u001F", "\u007F",
    "\uFFFE", "\uFFFF", "\uD83D", "\uDE00", "\u00E9", "中",
  ),
  maxLength: 30,
});

describe("ST_Xstring escaping", () => {
  it("escapes CR, forbidden controls and literal escapes as the standard spells them", () => {
    // Each expected string is spelled out from ECMA-376 22.9.2.19: `_x` + 4 hex digits + `_`.
    expect(escapeXstring("a\r\nb")).toBe("a_x000D_\nb");
    expect(escapeXstring("a\rb")).toBe("a_x000D_b");
    expect(escapeXstring("\tx")).toBe("\tx");
    expect(escapeXstring("_x000D_")).toBe("_x005F_x000D_");
    expect(escapeXstring("_x000d_")).toBe("_x005F_x000d_");
    expect(escapeXstring("_x00D_")).toBe("_x00D_"); // three hex digits: not an escape
    expect(escapeXstring("nul\u0000 bell\u0007 vt\u000B ff\u000C us\u001F")).toBe(
      "nul_x0000_ bell_x0007_ vt_x000B_ ff_x000C_ us_x001F_",
    );
    expect(escapeXstring("\uFFFE\uFFFF")).toBe("_xFFFE__xFFFF_");
    expect(escapeXstring("lone \uD800 and \uDC00")).toBe("lone _xD800_ and _xDC00_");
    expect(escapeXstring("pair \uD83D\uDE00")).toBe("pair \uD83D\uDE00");
    // The escape after `_x0f77` would close a look-alike: its underscore is escaped too.
    expect(escapeXstring("_x0f77\uDE00")).toBe("_x005F_x0f77_xDE00_");
    expect(escapeXstring("_x0041\r")).toBe("_x005F_x0041_x000D_");
    expect(escapeXstring("_x0041\n")).toBe("_x0041\n");
    expect(escapeXstring("Zhāng 张 & <b>")).toBe("Zhāng 张 & <b>");
  });

  it("escapes line feed and tab too in attribute values", () => {
    expect(escapeXstringForAttribute("Won\r\nrevenue\t€")).toBe("Won_x000D__x000A_revenue_x0009_€");
    expect(escapeXstringForAttribute("_x0041\n")).toBe("_x005F_x0041_x000A_");
  });

  it("decodes escapes in either case, left to right", () => {
    expect(unescapeXstring("a_x000D_\nb")).toBe("a\r\nb");
    expect(unescapeXstring("_x005F_x000D_")).toBe("_x000D_");
    expect(unescapeXstring("_x000d__xfffe_")).toBe("\r\uFFFE");
  });

  it("round-trips any text, through its own decoder and ExcelJS's, leaving only XML characters", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const escaped = escapeXstring(text);
        expect(escaped).not.toMatch(NOT_XML_TEXT);
        expect(unescapeXstring(escaped)).toBe(text);
        expect(excelJsDecode(escaped)).toBe(text);
        const attribute = escapeXstringForAttribute(text);
        expect(attribute).not.toMatch(/[\r\n\t]/);
        expect(unescapeXstring(attribute)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("unescapeXml", () => {
  it("decodes the predefined entities and character references, and undoes escapeXml", () => {
    expect(unescapeXml("R&amp;D &lt;&quot;Q1&quot;&gt; &apos;x&apos; &#x4E2D;&#25991; &#x20BB7;")).toBe(`R&D <"Q1"> 'x' 中文 𠮷`);
    expect(unescapeXml("&#x110000; &unknown;")).toBe("&#x110000; &unknown;");
    const text = `P&L <"Q1"> 'Ann & Bo'`;
    expect(unescapeXml(escapeXml(text))).toBe(text);
  });
});
