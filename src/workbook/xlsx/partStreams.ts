/**
 * A streaming edit of package parts too large to hold as one string: a text part whose
 * `_x007F_` escapes become raw DEL characters. It takes and gives chunks of UTF-8 bytes and
 * holds back only what an edit could still need.
 */
import { StringDecoder } from "string_decoder";

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
/** An escape is 7 characters: a match that could still grow starts in the last 6. */
const ESCAPE_REACH = 6;

/**
 * Puts DEL back as a raw character in a text part (see `COMMENTS_PART` in writeXlsx.ts): escapes
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
