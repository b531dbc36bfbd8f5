import type { Locale } from "../core/locale";
import type { TextValues } from "../i18n/translate";
import { importText, ImportTextKey } from "../i18n/import";
import { cliText, formatCount } from "../i18n/cli";
import { ImportIssue, isNotice } from "../import/errors";

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

/**
 * One issue as the command line prints it: where it is (line, record, the id quoted as JSON)
 * and the reason in `locale` (en-US by default), the id and the values in the reason clipped.
 *
 * @example
 * issueLine(issue) // '  line 4 (record 3, id "D-7"): "abc" is not an amount (column "Amount").'
 * issueLine(issue, "zh-CN") // '  第 4 行（记录 3，编号 "D-7"）：“abc”不是金额（列“Amount”）。'
 */
export function issueLine(issue: ImportIssue, locale: Locale = "en-US"): string {
  const id = issue.id.trim() === "" ? "" : cliText(locale, "issue.id", { id: JSON.stringify(clip(issue.id)) });
  return cliText(locale, "issue.line", {
    line: issue.line,
    record: issue.record,
    id,
    reason: importText(locale, issue.messageKey, clipValues(issue.messageValues)),
  });
}

/**
 * The first `limit` issues, one line each, rows left out before notices (they are what
 * changes the numbers), then how many more.
 */
export function issueLines(issues: readonly ImportIssue[], limit: number, locale: Locale = "en-US"): string[] {
  const ordered = [...issues.filter((issue) => !isNotice(issue)), ...issues.filter(isNotice)];
  const lines = ordered.slice(0, limit).map((issue) => issueLine(issue, locale));
  if (ordered.length > limit) lines.push(cliText(locale, "list.more", { count: formatCount(locale, ordered.length - limit) }));
  return lines;
}

/**
 * How many rows were left out for each reason, most frequent first, in words: the shape of
 * a file's problems in one line.
 *
 * @example
 * leftOutSummary(issues) // "Amount not readable: 2, Unknown stage: 1"
 * leftOutSummary(issues, "zh-CN") // "金额无法识别：2，未知阶段：1"
 */
export function leftOutSummary(issues: readonly ImportIssue[], locale: Locale = "en-US"): string {
  const counts = new Map<string, number>();
  for (const issue of issues) {
    if (!isNotice(issue)) counts.set(issue.reason, (counts.get(issue.reason) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) =>
      cliText(locale, "issue.reasonCount", { reason: importText(locale, `reason.${reason}` as ImportTextKey), count: formatCount(locale, count) }),
    )
    .join(cliText(locale, "list.comma"));
}
