/**
 * SpreadsheetML text escaping (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 *
 * Cell text, shared strings and notes are stored as XML text, which cannot carry every
 * character a string may hold: an XML parser turns a raw carriage return into a line feed,
 * and XML 1.0 forbids most control characters (a file holding one is corrupt). SpreadsheetML
 * writes such a character as `_xHHHH_` (its UTF-16 code unit in hexadecimal), and a literal
 * text that itself looks like `_xHHHH_` gets its underscore escaped as `_x005F_`, so that
 * reading it back does not decode it.
 */

/**
 * What one pass escapes (so an escape just written is never escaped again), for element
 * content (`controls` = CR) or attribute values (CR, LF and tab, which XML would turn into
 * spaces there):
 * - `controls`, the other C0 controls XML 1.0 forbids, DEL (dropped by ExcelJS's encoder);
 * - U+FFFE and U+FFFF (not XML characters) and unpaired surrogates (not encodable in UTF-8);
 * - an underscore that starts `_xHHHH_` (either case of hex digit) in the output: followed
 *   by `xHHHH` and then an underscore, or a character of the above, whose escape starts
 *   with one (`_x0f77` before a lone surrogate would otherwise read back as U+0F77).
 */
function needsEscape(controls: string): RegExp {
  const unit = `[${controls}\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`;
  return new RegExp(`_(?=x[0-9A-Fa-f]{4}(?:_|${unit}))|${unit}`, "g");
}

const NEEDS_ESCAPE = needsEscape("\\r");
const NEEDS_ESCAPE_IN_ATTRIBUTE = needsEscape("\\r\\n\\t");

const escapeUnit = (unit: string): string =>
  `_x${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/**
 * Escapes `text` as an ST_Xstring for element content (cell text, shared strings, notes).
 * XML-escaping (`&`, `<`) is a separate, later step (ExcelJS does it for cells and notes).
 *
 * Rules: CR -> `_x000D_`; U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+007F, U+FFFE,
 * U+FFFF and unpaired surrogates -> `_xHHHH_` (upper-case hex); the underscore of a literal
 * `_xHHHH_`, or of `_xHHHH` before a character escaped here (whose escape would close it), ->
 * `_x005F_`; tab and line feed stay (legal in element content); everything else is unchanged.
 *
 * @example
 * escapeXstring("a\r\nb") // "a_x000D_\nb"
 * escapeXstring("_x000D_") // "_x005F_x000D_"
 * escapeXstring("bell\u0007") // "bell_x0007_"
 */
export function escapeXstring(text: string): string {
  return text.replace(NEEDS_ESCAPE, escapeUnit);
}

/**
 * Escapes `text` as an ST_Xstring for an attribute value (a table column's name or totals
 * label), where XML would turn a raw line feed or tab into a space: those are escaped too.
 *
 * @example escapeXstringForAttribute("Won\nrevenue") // "Won_x000A_revenue"
 */
export function escapeXstringForAttribute(text: string): string {
  return text.replace(NEEDS_ESCAPE_IN_ATTRIBUTE, escapeUnit);
}

/**
 * Decodes an ST_Xstring: every `_xHHHH_` (either case of hex digit) becomes its UTF-16 code
 * unit, read left to right, so `_x005F_x000D_` gives the literal `_x000D_`.
 * The inverse of both escapes above.
 *
 * @example unescapeXstring("a_x000D_\nb") // "a\r\nb"
 */
export function unescapeXstring(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
