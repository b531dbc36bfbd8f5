import type { TextValues } from "../i18n/translate";

/** Longest fragment of the user's data (a path, a value, a column name, an id) printed whole. */
export const FRAGMENT_LIMIT = 200;
/** Longest message from another part of the product (words and data together) printed whole. */
export const MESSAGE_LIMIT = 500;
/** Longest line printed (before escaping), whatever it holds: the bound no caller can miss. */
export const LINE_LIMIT = 2000;

/**
 * Cuts text longer than `limit` characters to `limit` characters ending in "…" (never in the
 * middle of a surrogate pair). Shorter text comes back as it is.
 *
 * @example
 * clip("x".repeat(300)) // "xxx…" (200 characters)
 */
export function clip(text: string, limit: number = FRAGMENT_LIMIT): string {
  if (text.length <= limit) return text;
  let cut = limit - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/** Every string of the values clipped to {@link FRAGMENT_LIMIT} (numbers as they are). */
export function clipValues(values: TextValues): TextValues {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === "string" ? clip(value) : value]));
}

/**
 * Characters a terminal acts on instead of showing: C0 controls (tab and line feed too),
 * DEL, C1 controls (CSI, OSC...) and the bidirectional embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069), which reorder what is shown.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Writes terminal control characters visibly: `\x1b` for controls up to U+00FF, `\u202e`
 * for the bidirectional ones. Everything else is untouched (a backslash too).
 *
 * @example
 * escapeControls("a\u001b[2Jb\u202ec") // "a\\x1b[2Jb\\u202ec"
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** One line as the command line prints it: at most {@link LINE_LIMIT} characters, control characters escaped. */
export function printable(line: string): string {
  return escapeControls(clip(line, LINE_LIMIT));
}

/** The output half of the command line's I/O. */
export interface LineOutput {
  stdout(line: string): void;
  stderr(line: string): void;
}

const guarded = new WeakSet<object>();

/**
 * The I/O with every printed line passed through {@link printable}: the one place output is
 * bounded and escaped, so no message can forget it. Guarding twice changes nothing.
 */
export function guardOutput<T extends LineOutput>(io: T): T {
  if (guarded.has(io)) return io;
  const safe: T = Object.create(io, {
    stdout: { value: (line: string) => io.stdout(printable(line)), enumerable: true },
    stderr: { value: (line: string) => io.stderr(printable(line)), enumerable: true },
  });
  guarded.add(safe);
  return safe;
}

/**
 * An error in one short sentence: a system error without the path it names (the caller names
 * the file, clipped), anything else clipped to {@link MESSAGE_LIMIT}.
 *
 * @example
 * errorText(enospc) // "ENOSPC: no space left on device"
 */
export function errorText(error: unknown): string {
  const system = error as Partial<NodeJS.ErrnoException> | null;
  const message = system && typeof system.message === "string" ? system.message : String(error);
  if (system && typeof system.code === "string" && typeof system.syscall === "string") {
    const at = message.indexOf(`, ${system.syscall}`);
    return clip(at > 0 ? message.slice(0, at) : message, MESSAGE_LIMIT);
  }
  return clip(message, MESSAGE_LIMIT);
}
