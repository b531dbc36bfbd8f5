/**
 * Streaming edits of package parts too large to hold as one string: a worksheet, whose cells
 * pass through untouched while the short tail after `</sheetData>` is edited as text, and a
 * text part whose `_x007F_` escapes become raw DEL characters. Each takes and gives chunks of
 * UTF-8 bytes and holds back only what an edit could still need.
 */
import { StringDecoder } from "string_decoder";

const SHEET_DATA_END = Buffer.from("</sheetData>");

/**
 * Passes worksheet XML through up to and including `</sheetData>`, then hands what follows
 * (the elements after the cells, through `</worksheet>`) to `editTail` and gives its result.
 * Cell text cannot hold a raw `<`, so the first `</sheetData>` is the element's end.
 */
export async function* withWorksheetTail(
  source: AsyncIterable<Buffer>,
  editTail: (tail: string) => string,
): AsyncGenerator<Buffer> {
  let held = Buffer.alloc(0);
  let tail: Buffer[] | undefined;
  for await (const chunk of source) {
    if (tail) {
      tail.push(chunk);
      continue;
    }
    const data = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
    const at = data.indexOf(SHEET_DATA_END);
    if (at >= 0) {
      const end = at + SHEET_DATA_END.length;
      yield data.subarray(0, end);
      tail = [data.subarray(end)];
      continue;
    }
    // Keep the bytes that could start the marker; the rest is cell data.
    const keep = Math.min(data.length, SHEET_DATA_END.length - 1);
    if (data.length > keep) yield data.subarray(0, data.length - keep);
    held = Buffer.from(data.subarray(data.length - keep));
  }
  if (!tail) throw new Error("The worksheet part has no </sheetData>.");
  yield Buffer.from(editTail(Buffer.concat(tail).toString("utf8")), "utf8");
}

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
/** An escape is 7 characters: a match that could still grow starts in the last 6. */
const ESCAPE_REACH = 6;

/**
 * Puts DEL back as a raw character in a text part (see `withRawDel` in writeXlsx.ts): escapes
 * are read left to right as a reader decodes them, so a literal `_x005F_x007F_` stays as it is.
 */
export async function* withRawDelStream(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  const step = (final: boolean): string => {
    let cut = final ? pending.length : Math.max(0, pending.length - ESCAPE_REACH);
    let out = "";
    let last = 0;
    for (const m of pending.matchAll(ESCAPE)) {
      if (m.index >= cut) break;
      out += pending.slice(last, m.index) + (m[1].toUpperCase() === "007F" ? "\u007F" : m[0]);
      last = m.index + m[0].length;
    }
    // A match across the cut is whole (it starts before the last 6 characters): cut after it.
    cut = Math.max(cut, last);
    out += pending.slice(last, cut);
    pending = pending.slice(cut);
    return out;
  };
  for await (const chunk of source) {
    pending += decoder.write(chunk);
    const out = step(false);
    if (out.length > 0) yield Buffer.from(out, "utf8");
  }
  pending += decoder.end();
  const out = step(true);
  if (out.length > 0) yield Buffer.from(out, "utf8");
}
