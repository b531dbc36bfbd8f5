/**
 * Texts of their own for what an import keeps.
 *
 * The CSV reader gives each cell as a substring of the file's text, and a JavaScript engine
 * keeps a substring (in V8, one of 13 characters or more) as a view into the text it was cut
 * from. One deal name kept that way keeps the whole file's text alive: 170 MB for a
 * million-row export, for as long as the deals are held (the workbook build, the task pane's
 * session). Everything an import returns is therefore copied out of the file's text.
 */

/** Below this length a substring is already a copy (V8's SlicedString::kMinLength). */
const SHORTEST_VIEW = 13;

/**
 * `text` as a string that holds its own characters (equal to `text`).
 *
 * @example
 * ownText(fileText.slice(120, 160)) // the same 40 characters, not a view into fileText
 */
export function ownText(text: string): string {
  // A JSON round trip makes a flat copy and keeps every code unit, lone surrogates included.
  return text.length < SHORTEST_VIEW ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * `value` with every string in it (in arrays and plain objects, at any depth) replaced by
 * {@link ownText}'s copy, in place; returns `value`.
 */
export function ownTexts<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = ownValue(value[i]);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = ownValue(record[key]);
  }
  return value;
}

function ownValue(value: unknown): unknown {
  return typeof value === "string" ? ownText(value) : ownTexts(value);
}
