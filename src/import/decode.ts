import { ImportError } from "./errors";

/**
 * Encodings the import understands. "utf-16" means: UTF-16 with a byte-order mark.
 * "windows-1252" is the Western European code page Excel writes for "CSV" on German, French,
 * Spanish... Windows; "shift_jis" and "big5" are Japanese and Traditional Chinese Excel's.
 */
export type ImportEncoding =
  | "auto"
  | "utf-8"
  | "utf-16"
  | "utf-16le"
  | "utf-16be"
  | "gb18030"
  | "windows-1252"
  | "shift_jis"
  | "big5";

/** Every value of {@link ImportEncoding}, "auto" first, for a CLI option or a pane's list. */
export const IMPORT_ENCODINGS: readonly ImportEncoding[] = [
  "auto",
  "utf-8",
  "utf-16",
  "utf-16le",
  "utf-16be",
  "gb18030",
  "windows-1252",
  "shift_jis",
  "big5",
];

/** An encoding actually used to decode bytes. */
export type UsedEncoding = Exclude<ImportEncoding, "auto" | "utf-16">;

/** The single-byte and multi-byte legacy encodings auto-detection weighs, in tie-break order. */
export type LegacyEncoding = "gb18030" | "windows-1252" | "big5" | "shift_jis";
const LEGACY_CANDIDATES: readonly LegacyEncoding[] = [
  "gb18030",
  "windows-1252",
  "big5",
  "shift_jis",
];

/**
 * Why the encoding was chosen: "bom", the byte-order mark; "option", the caller asked for it;
 * "valid", the bytes are valid UTF-8 (or pure ASCII); "plausible", the bytes were weighed
 * against several encodings (UTF-16 without a BOM, a legacy code page, a mixed file).
 */
export type DecodeBasis = "bom" | "option" | "valid" | "plausible";

/**
 * Physical lines (1-based, counted by 0x0A bytes) decoded in another encoding than
 * `DecodedText.encoding`: `lines` lists at most the first {@link MAX_LISTED_LINES}, `count`
 * says how many there were in all.
 */
export interface OtherEncodingLines {
  encoding: UsedEncoding;
  lines: number[];
  count: number;
}

export interface DecodedText {
  text: string;
  /** The encoding actually used (for a mixed file, that of most lines). */
  encoding: UsedEncoding;
  /** True when the bytes started with a byte-order mark (removed from `text`). */
  bom: boolean;
  /** Why `encoding` was chosen. */
  basis: DecodeBasis;
  /** A file of two encodings (two exports concatenated): the lines not in `encoding`; else null. */
  otherEncodingLines: OtherEncodingLines | null;
}

/** At most this many line numbers are listed in {@link OtherEncodingLines.lines}. */
export const MAX_LISTED_LINES = 1000;

/** Legacy detection weighs the invalid-UTF-8 lines up to this many bytes (whole lines). */
const SAMPLE_BYTES = 1 << 20;
/** UTF-16 without a BOM is looked for in the first this many bytes. */
const UTF16_SAMPLE_BYTES = 1 << 16;
/** The least plausibility score a legacy encoding needs to be chosen (see {@link decodeBytes}). */
export const MIN_PLAUSIBILITY = 0.5;

/**
 * Turns the bytes of a CRM export into text, never silently into mojibake.
 *
 * An explicit `encoding` skips detection (a BOM of that encoding is still removed; `basis`
 * is "option"). Bytes that are not valid in it throw an {@link ImportError}; windows-1252
 * decodes every byte but 81 8D 8F 90 9D, which it leaves undefined and which are refused.
 *
 * With "auto", in order:
 * 1. A byte-order mark decides: EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE (basis "bom").
 * 2. UTF-16 without a BOM (basis "plausible"): the file has an even length and, in its first
 *    64 KiB, zero bytes at odd offsets (LE) or even offsets (BE) in at least 10% of the
 *    two-byte units and at most a tenth as many at the other parity; and it decodes as such.
 *    (CSV text in UTF-8 or a code page never holds zero bytes; ASCII in UTF-16 is half zeros.)
 * 3. Bytes that are valid UTF-8, pure ASCII included, are UTF-8 (basis "valid"), unless their
 *    UTF-8 reading is implausible: the mean weight of its first 1 Mi characters' non-ASCII
 *    characters (1 for Latin, Greek, Cyrillic, punctuation, currency, CJK, kana, Hangul,
 *    full-width; 0.5 for CJK extension A and beyond the BMP; 0 for controls, combining marks,
 *    Hebrew, Arabic...) is below 0.5. Short GB18030 text can be valid UTF-8 (状态, D7 B4 CC AC,
 *    is U+05F4 U+032C): then the legacy encodings are weighed on the first 1 MiB as in rule 4
 *    and one that scores at least 0.5 and more than UTF-8 and decodes the whole file wins
 *    (basis "plausible"); else UTF-8.
 * 4. Otherwise the physical lines (split at 0x0A, a newline in every candidate) are sorted:
 *    lines of ASCII only, lines of valid UTF-8 with non-ASCII, and "legacy" lines that are not
 *    UTF-8. The legacy lines (whole, the first 1 MiB of them) are weighed in GB18030,
 *    Windows-1252, Big5 and Shift-JIS (the last two when the runtime decodes them). An
 *    encoding in which the sample is not valid is out. The others are scored: every run of
 *    non-ASCII bytes is split into characters and each character gets a weight per byte:
 *    - GB18030: GB2312 level-1 hanzi (B0-D7 lead, A1-FE trail: the 3,755 most common,
 *      商机客户金额...) and the punctuation rows A1 and A3 (，。：（）) weigh 1; level-2
 *      hanzi (D8-F7) 0.5; the rows A2, A4-A9 (numbers, kana, Greek, Cyrillic, boxes) 0.25;
 *      GBK's extension (lead 81-A0 or trail 40-A0: rare characters such as 黵 for the bytes
 *      FC 72 of "ür"), user-defined areas and four-byte sequences 0.
 *    - Big5: the 5,401 common hanzi (A440-C67E) and the punctuation row A1 weigh 1; the less
 *      common hanzi (C9-F9) 0.5; rows A2-A3 0.25; the rest (HKSCS, user-defined) 0.
 *    - Shift-JIS: row 81 (punctuation), 82 (full-width digits, letters, hiragana), 83 up to
 *      83 96 (katakana) and JIS level-1 kanji (889F-9872) weigh 1; level-2 kanji (989F-EAA4)
 *      0.5; half-width katakana (A1-DF), Greek, Cyrillic and boxes 0.25; the rest 0.
 *    - Windows-1252, one character a byte: a letter (C0-FF but D7 F7, and Š Œ Ž š œ ž Ÿ)
 *      weighs 1 in a run of one or two bytes next to an ASCII letter ("Jürgen", "ação"), 0.5
 *      alone in a run of one between non-letters ("à"), else 0 (three or more non-ASCII
 *      letters in a row are not Western text); a symbol (€ £ ¥ ¢ © ® ™ ° § µ ² ³ ½ « » ‹ ›
 *      – — ‘ ’ “ ” … • · ´ ‰ ¿ ¡ ª º × ÷ and no-break space) weighs 1 in a run of one, 0.5 in
 *      a run of two, else 0; any other byte 0.
 *    - A two-byte character of a multi-byte encoding that is a whole run between two ASCII
 *      letters ("AÇÃO" read as GB18030) weighs half, since a lone hanzi inside a Latin word
 *      is rare while two accented letters are not.
 *    The score is the sum of the weights over the number of non-ASCII bytes, from 0 to 1.
 *    The highest score wins, ties going to the earlier of GB18030, Windows-1252, Big5,
 *    Shift-JIS. The winner needs a score of at least {@link MIN_PLAUSIBILITY} (0.5), else
 *    the file throws "error.encodingUnknown": no encoding reads it as plausible text. It must
 *    then decode the whole file (all its legacy lines) without error; if not, the next
 *    candidate that passes the threshold is tried.
 * 5. Without UTF-8 lines the whole file is decoded in the winner (basis "plausible"). With
 *    both UTF-8 and legacy lines (two exports concatenated), each line is decoded in UTF-8
 *    when valid, else in the winner (a valid UTF-8 line whose UTF-8 reading scores below 0.5
 *    and below its reading in the winner, by the weights above, is read in the winner);
 *    `encoding` is that of more lines (UTF-8 on a tie) and
 *    `otherEncodingLines` lists the others, so a line read differently is always reported.
 *
 * Cost: one native UTF-8 validation for UTF-8 files; for other files a single pass over the
 * bytes in JavaScript, scoring of at most 1 MiB, and one native decode of the whole.
 *
 * @example
 * decodeBytes(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])).text // "你好" (GB18030)
 * decodeBytes(new Uint8Array([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e])).text // "Jürgen" (Windows-1252)
 */
export function decodeBytes(bytes: Uint8Array, encoding: ImportEncoding = "auto"): DecodedText {
  const bomEncoding = detectBom(bytes);
  if (encoding === "auto") return detect(bytes, bomEncoding);
  if (encoding === "utf-16") {
    if (bomEncoding !== "utf-16le" && bomEncoding !== "utf-16be") {
      throw new ImportError("error.noBom");
    }
    return decodeWhole(bytes, bomEncoding, true, "option");
  }
  return decodeWhole(bytes, encoding, bomEncoding === encoding, "option");
}

function detect(bytes: Uint8Array, bomEncoding: UsedEncoding | null): DecodedText {
  if (bomEncoding) return decodeWhole(bytes, bomEncoding, true, "bom");
  const utf16 = utf16ByZeros(bytes);
  if (utf16) {
    const text = tryDecode(bytes, utf16);
    if (text !== null) return result(text, utf16, "plausible");
  }
  const utf8 = tryDecode(bytes, "utf-8");
  if (utf8 !== null) {
    const utf8Score = utf8Plausibility(utf8);
    if (utf8Score >= MIN_PLAUSIBILITY) return result(utf8, "utf-8", "valid");
    for (const { encoding, score } of rankLegacy(headLines(bytes))) {
      if (score < MIN_PLAUSIBILITY || score <= utf8Score) break;
      const text = tryDecode(bytes, encoding);
      if (text !== null) return result(text, encoding, "plausible");
    }
    return result(utf8, "utf-8", "valid");
  }

  const lines = classifyLines(bytes);
  const candidates = rankLegacy(legacySample(bytes, lines));
  const usable = candidates.filter((candidate) => candidate.score >= MIN_PLAUSIBILITY);
  for (const { encoding } of usable) {
    reclaimDoubtful(bytes, lines, encoding);
    if (lines.utf8Lines > 0) {
      const mixed = decodeMixed(bytes, lines, encoding);
      if (mixed) return mixed;
    } else {
      const text = tryDecode(bytes, encoding);
      if (text !== null) return result(text, encoding, "plausible");
    }
  }
  throw new ImportError("error.encodingUnknown", {
    encodings: availableLegacy()
      .map((name) => name.toUpperCase())
      .join(", "),
    choices: IMPORT_ENCODINGS.filter((name) => name !== "auto").join(", "),
  });
}

function result(text: string, encoding: UsedEncoding, basis: DecodeBasis): DecodedText {
  return { text, encoding, bom: false, basis, otherEncodingLines: null };
}

function detectBom(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return "utf-8";
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * UTF-16LE/BE by where the zero bytes are (rule 2 of {@link decodeBytes}), else null: `bytes`
 * are the file's first bytes (at least {@link UTF16_SAMPLE_BYTES} of them, or all), `length`
 * the file's.
 */
function utf16ByZeros(bytes: Uint8Array, length = bytes.length): "utf-16le" | "utf-16be" | null {
  if (length < 2 || length % 2 !== 0) return null;
  const end = Math.min(bytes.length, UTF16_SAMPLE_BYTES);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < end; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = Math.floor(end / 2);
  if (oddZeros >= units * 0.1 && evenZeros * 10 <= oddZeros) return "utf-16le";
  if (evenZeros >= units * 0.1 && oddZeros * 10 <= evenZeros) return "utf-16be";
  return null;
}

const decoders = new Map<string, TextDecoder | null>();

/** A strict decoder, or null when the runtime lacks the encoding. */
function decoderFor(encoding: string): TextDecoder | null {
  if (!decoders.has(encoding)) {
    let decoder: TextDecoder | null;
    try {
      // ignoreBOM: a BOM is removed by length, so the decoder must not guess.
      decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    } catch {
      decoder = null;
    }
    decoders.set(encoding, decoder);
  }
  return decoders.get(encoding) ?? null;
}

/** Legacy candidates this runtime can decode. */
function availableLegacy(): LegacyEncoding[] {
  return LEGACY_CANDIDATES.filter((name) => name === "windows-1252" || decoderFor(name) !== null);
}

/**
 * Code points of the 1252 bytes 80-9F (the code page's table; 0 for the five undefined
 * bytes). Decoded here, not by TextDecoder: Node's "windows-1252" is ISO-8859-1 there
 * (80 -> U+0080, not €).
 */
const CP1252_80_9F = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Windows-1252 text, or null when a byte is one of the five the code page leaves undefined. */
function decode1252(bytes: Uint8Array): string | null {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x80 && b <= 0x9f) {
      const code = CP1252_80_9F[b - 0x80];
      if (code === 0) return null;
      units[i] = code;
    } else units[i] = b;
  }
  const utf16 = decoderFor("utf-16le");
  if (utf16) return utf16.decode(units);
  let text = "";
  for (let i = 0; i < units.length; i += 8192)
    text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}

/** The text, or null when the bytes are not valid in `encoding` (or it cannot be decoded). */
function tryDecode(bytes: Uint8Array, encoding: UsedEncoding): string | null {
  if (encoding === "windows-1252") return decode1252(bytes);
  const decoder = decoderFor(encoding);
  if (!decoder) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function decodeWhole(
  bytes: Uint8Array,
  encoding: UsedEncoding,
  hasBom: boolean,
  basis: DecodeBasis,
): DecodedText {
  const bomLength = !hasBom ? 0 : encoding === "utf-8" ? 3 : 2;
  if (encoding !== "windows-1252" && !decoderFor(encoding))
    throw new ImportError("error.decoderMissing", { encoding });
  const text = tryDecode(bytes.subarray(bomLength), encoding);
  if (text === null)
    throw new ImportError("error.notEncoding", { encoding: encoding.toUpperCase() });
  return { text, encoding, bom: hasBom, basis, otherEncodingLines: null };
}

// ---------------------------------------------------------------------------------------
// Lines: which are UTF-8, which are not.

const LINE_ASCII = 0;
const LINE_UTF8 = 1;
const LINE_LEGACY = 2;

interface LineClasses {
  /** Byte offset where each line starts; a line ends before the next start (its 0x0A included). */
  starts: number[];
  kinds: Uint8Array;
  /** 1-based numbers of valid UTF-8 lines whose UTF-8 reading scores below MIN_PLAUSIBILITY, with that score. */
  doubtful: Map<number, number>;
  utf8Lines: number;
  legacyLines: number;
}

function classifyLines(bytes: Uint8Array): LineClasses {
  const starts: number[] = [];
  const kindList: number[] = [];
  const doubtful = new Map<number, number>();
  let utf8Lines = 0;
  let legacyLines = 0;
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline + 1;
    const kind = lineKind(bytes, start, end);
    starts.push(start);
    kindList.push(kind);
    if (kind === LINE_UTF8) {
      utf8Lines++;
      const score = lineScore.weight / lineScore.chars;
      if (score < MIN_PLAUSIBILITY) doubtful.set(starts.length, score);
    } else if (kind === LINE_LEGACY) legacyLines++;
    start = end;
  }
  return { starts, kinds: Uint8Array.from(kindList), doubtful, utf8Lines, legacyLines };
}

/** The UTF-8 weights of the last line {@link lineKind} found valid. */
const lineScore = { weight: 0, chars: 0 };

/**
 * Valid UTF-8 lines that read better in `legacy` (their UTF-8 reading scores below
 * MIN_PLAUSIBILITY and lower than their legacy reading): made legacy lines.
 */
function reclaimDoubtful(bytes: Uint8Array, lines: LineClasses, legacy: LegacyEncoding): void {
  let reclaimed = 0;
  for (const [line, utf8Score] of lines.doubtful) {
    const n = line - 1;
    if (lines.kinds[n] !== LINE_UTF8) continue;
    const part = bytes.subarray(
      lines.starts[n],
      n + 1 < lines.starts.length ? lines.starts[n + 1] : bytes.length,
    );
    if (tryDecode(part, legacy) === null || plausibility(part, legacy) <= utf8Score) continue;
    lines.kinds[n] = LINE_LEGACY;
    reclaimed++;
  }
  lines.utf8Lines -= reclaimed;
  lines.legacyLines += reclaimed;
}

/**
 * How plausible a code point read from UTF-8 is in a CRM export: 1 for Latin letters and
 * symbols (U+00A0-024F), Greek and Cyrillic, general punctuation, currency and letterlike
 * symbols, CJK punctuation, kana, CJK ideographs (U+4E00-9FFF), Hangul and full-width forms;
 * 0.5 for CJK extension A and characters beyond the BMP (emoji, rare ideographs); 0 for the
 * rest (C1 controls, combining marks, Hebrew and Arabic points, private use...).
 */
function utf8Weight(code: number): number {
  if (code >= 0xa0 && code <= 0x24f) return 1;
  if (code >= 0x370 && code <= 0x4ff) return 1;
  if (code >= 0x2000 && code <= 0x214f) return 1;
  if (code >= 0x3000 && code <= 0x30ff) return 1;
  if (code >= 0x4e00 && code <= 0x9fff) return 1;
  if (code >= 0xac00 && code <= 0xd7af) return 1;
  if (code >= 0xff00 && code <= 0xffef) return 1;
  if ((code >= 0x3400 && code <= 0x4dbf) || code >= 0x10000) return 0.5;
  return 0;
}

/** The mean {@link utf8Weight} of the non-ASCII characters among the first 1 Mi characters; 1 without any. */
function utf8Plausibility(text: string): number {
  let total = 0;
  let chars = 0;
  const end = Math.min(text.length, SAMPLE_BYTES);
  for (let i = 0; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    const code = text.codePointAt(i) as number;
    if (code > 0xffff) i++;
    total += utf8Weight(code);
    chars++;
  }
  return chars === 0 ? 1 : total / chars;
}

/** The first {@link SAMPLE_BYTES} of the file, cut after its last newline there (whole file if shorter). */
function headLines(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  const newline = bytes.lastIndexOf(0x0a, SAMPLE_BYTES - 1);
  return bytes.subarray(0, newline < 0 ? SAMPLE_BYTES : newline + 1);
}

/** ASCII, valid UTF-8 with non-ASCII, or not UTF-8 (what a fatal UTF-8 decoder refuses). */
function lineKind(bytes: Uint8Array, start: number, end: number): number {
  let kind = LINE_ASCII;
  let i = start;
  lineScore.weight = 0;
  lineScore.chars = 0;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    kind = LINE_UTF8;
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return LINE_LEGACY;
    if (i + need >= end) return LINE_LEGACY;
    const second = bytes[i + 1];
    if (second < low || second > high) return LINE_LEGACY;
    let code = (b & (0x3f >> need)) * 64 + (second & 0x3f);
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next < 0x80 || next > 0xbf) return LINE_LEGACY;
      code = code * 64 + (next & 0x3f);
    }
    lineScore.weight += utf8Weight(code);
    lineScore.chars++;
    i += need + 1;
  }
  return kind;
}

// ---------------------------------------------------------------------------------------
// Plausibility of the legacy encodings.

interface Ranked {
  encoding: LegacyEncoding;
  score: number;
}

/** The sample: the legacy lines, whole, up to {@link SAMPLE_BYTES}. */
function legacySample(bytes: Uint8Array, lines: LineClasses): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let n = 0; n < lines.kinds.length && size < SAMPLE_BYTES; n++) {
    if (lines.kinds[n] !== LINE_LEGACY) continue;
    const end = n + 1 < lines.starts.length ? lines.starts[n + 1] : bytes.length;
    const part = bytes.subarray(lines.starts[n], end);
    parts.push(part);
    size += part.length;
  }
  const sample = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    sample.set(part, offset);
    offset += part.length;
  }
  return sample;
}

/** The legacy candidates valid on the sample, best score first (ties in candidate order). */
function rankLegacy(sample: Uint8Array): Ranked[] {
  const ranked: Ranked[] = [];
  for (const encoding of availableLegacy()) {
    if (tryDecode(sample, encoding) === null) continue;
    ranked.push({ encoding, score: plausibility(sample, encoding) });
  }
  // Array.prototype.sort is stable: equal scores keep the candidate order.
  return ranked.sort((a, b) => b.score - a.score);
}

function isAsciiLetter(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}

/**
 * The plausibility score of bytes (already known valid) in a legacy encoding: the weights of
 * {@link decodeBytes} rule 4 summed over the non-ASCII bytes, divided by their number.
 */
export function plausibility(bytes: Uint8Array, encoding: LegacyEncoding): number {
  let total = 0;
  let nonAscii = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    let end = i;
    while (end < bytes.length && bytes[end] >= 0x80) end++;
    // A multi-byte character may take ASCII trail bytes: the run extends through them.
    const lettersAround = isAsciiLetter(bytes[i - 1]);
    const runEnd = encoding === "windows-1252" ? end : multiByteRunEnd(bytes, i, encoding);
    const letterAfter = isAsciiLetter(bytes[runEnd]);
    const runNonAscii = countNonAscii(bytes, i, runEnd);
    nonAscii += runNonAscii;
    total +=
      encoding === "windows-1252"
        ? weigh1252(bytes, i, runEnd, lettersAround || letterAfter)
        : weighMultiByte(bytes, i, runEnd, encoding, lettersAround && letterAfter);
    i = runEnd;
  }
  return nonAscii === 0 ? 1 : total / nonAscii;
}

function countNonAscii(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (bytes[i] >= 0x80) count++;
  return count;
}

/** Bytes one character of a multi-byte encoding takes at `i` (a non-ASCII byte). */
function charLength(bytes: Uint8Array, i: number, encoding: LegacyEncoding): number {
  const b = bytes[i];
  if (encoding === "gb18030") {
    if (b === 0x80 || b === 0xff) return 1;
    const next = bytes[i + 1];
    return next !== undefined && next >= 0x30 && next <= 0x39 ? 4 : 2;
  }
  if (encoding === "shift_jis") return b === 0x80 || (b >= 0xa0 && b <= 0xdf) || b >= 0xfd ? 1 : 2;
  return b === 0x80 || b === 0xff ? 1 : 2;
}

/** Where a run of multi-byte characters starting at `i` ends: after the last character that starts with a non-ASCII byte. */
function multiByteRunEnd(bytes: Uint8Array, i: number, encoding: LegacyEncoding): number {
  let j = i;
  while (j < bytes.length && bytes[j] >= 0x80) j += charLength(bytes, j, encoding);
  return Math.min(j, bytes.length);
}

function weighMultiByte(
  bytes: Uint8Array,
  start: number,
  end: number,
  encoding: LegacyEncoding,
  insideLatinWord: boolean,
): number {
  let total = 0;
  const lone = insideLatinWord && end - start === 2;
  for (let i = start; i < end;) {
    const length = charLength(bytes, i, encoding);
    const weight = charWeight(bytes[i], bytes[i + 1], length, encoding);
    // Per byte: ASCII trail bytes count too, but the score divides by non-ASCII bytes only,
    // so the character is credited for its non-ASCII bytes.
    total += weight * countNonAscii(bytes, i, Math.min(i + length, end)) * (lone ? 0.5 : 1);
    i += length;
  }
  return total;
}

function charWeight(lead: number, trail: number, length: number, encoding: LegacyEncoding): number {
  if (encoding === "gb18030") {
    if (length !== 2 || trail < 0xa1) return 0;
    if (lead === 0xa1 || lead === 0xa3) return 1;
    if (lead >= 0xb0 && lead <= 0xd7) return 1;
    if (lead >= 0xd8 && lead <= 0xf7) return 0.5;
    if (lead === 0xa2 || (lead >= 0xa4 && lead <= 0xa9)) return 0.25;
    return 0;
  }
  if (encoding === "big5") {
    if (length !== 2) return 0;
    const code = (lead << 8) | trail;
    if (lead === 0xa1) return 1;
    if (code >= 0xa440 && code <= 0xc67e) return 1;
    if (lead >= 0xc9 && lead <= 0xf9) return 0.5;
    if (lead === 0xa2 || lead === 0xa3) return 0.25;
    return 0;
  }
  // shift_jis
  if (length === 1) return lead >= 0xa1 && lead <= 0xdf ? 0.25 : 0;
  const code = (lead << 8) | trail;
  if (lead === 0x81 || lead === 0x82) return 1;
  if (lead === 0x83) return trail <= 0x96 ? 1 : 0.25;
  if (lead === 0x84) return 0.25;
  if (code >= 0x889f && code <= 0x9872) return 1;
  if (code >= 0x989f && code <= 0xeaa4) return 0.5;
  return 0;
}

/** Western European letters of 1252 outside C0-FF: Š Œ Ž š œ ž Ÿ. */
const LETTERS_1252 = new Set([0x8a, 0x8c, 0x8e, 0x9a, 0x9c, 0x9e, 0x9f]);
/** Symbols of 1252 found in Western text: € ‚ „ … • – — ‘ ’ “ ” ‹ › ™ ‰ and A0-BF, × ÷ (not ¤ ¦ ¨ ¯ ¸ ¬ ±...). */
const SYMBOLS_1252 = new Set([
  0x80, 0x84, 0x85, 0x89, 0x8b, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99, 0x9b, 0xa0, 0xa1,
  0xa2, 0xa3, 0xa5, 0xa7, 0xa9, 0xaa, 0xab, 0xae, 0xb0, 0xb2, 0xb3, 0xb4, 0xb5, 0xb7, 0xba, 0xbb,
  0xbd, 0xbf, 0xd7, 0xf7,
]);

function weigh1252(bytes: Uint8Array, start: number, end: number, nextToLetter: boolean): number {
  const run = end - start;
  let total = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    const letter = (b >= 0xc0 && b !== 0xd7 && b !== 0xf7) || LETTERS_1252.has(b);
    if (letter) total += run <= 2 && nextToLetter ? 1 : run === 1 ? 0.5 : 0;
    else if (SYMBOLS_1252.has(b)) total += run === 1 ? 1 : run === 2 ? 0.5 : 0;
  }
  return total;
}

// ---------------------------------------------------------------------------------------
// Mixed files.

/**
 * Decodes line by line: spans of consecutive UTF-8 lines in UTF-8, of legacy lines in
 * `legacy` (ASCII lines join the span before them). Null when a legacy span does not decode.
 */
function decodeMixed(
  bytes: Uint8Array,
  lines: LineClasses,
  legacy: LegacyEncoding,
): DecodedText | null {
  const main: UsedEncoding = lines.utf8Lines >= lines.legacyLines ? "utf-8" : legacy;
  const other: UsedEncoding = main === "utf-8" ? legacy : "utf-8";
  const otherKind = main === "utf-8" ? LINE_LEGACY : LINE_UTF8;
  const listed: number[] = [];
  const pieces: string[] = [];
  let count = 0;
  let spanStart = 0;
  let spanKind = LINE_ASCII;
  const flush = (end: number): boolean => {
    if (end <= spanStart) return true;
    const part = bytes.subarray(spanStart, end);
    const text = tryDecode(part, spanKind === LINE_LEGACY ? legacy : "utf-8");
    if (text === null) return false;
    pieces.push(text);
    return true;
  };
  for (let n = 0; n < lines.kinds.length; n++) {
    const kind = lines.kinds[n];
    if (kind === otherKind) {
      count++;
      if (listed.length < MAX_LISTED_LINES) listed.push(n + 1);
    }
    if (kind === LINE_ASCII || kind === spanKind) continue;
    if (spanKind !== LINE_ASCII && !flush(lines.starts[n])) return null;
    if (spanKind !== LINE_ASCII) spanStart = lines.starts[n];
    spanKind = kind;
  }
  if (!flush(bytes.length)) return null;
  return {
    text: pieces.join(""),
    encoding: main,
    bom: false,
    basis: "plausible",
    otherEncodingLines: { encoding: other, lines: listed, count },
  };
}

// ---------------------------------------------------------------------------------------
// A file in chunks, read as UTF-8 without holding it.

/**
 * Thrown by the text of {@link utf8Chunks} when a byte is not UTF-8: {@link decodeBytes} would
 * read the file another way (a legacy or mixed encoding) or refuse it, so the chunked reading
 * is abandoned and the file read whole.
 */
export class NotUtf8Chunks extends Error {
  constructor() {
    super("The file is not UTF-8 throughout.");
    this.name = "NotUtf8Chunks";
  }
}

/** The text of a file read in chunks (see {@link utf8Chunks}). */
export interface Utf8Chunks {
  /** The first characters: more than {@link SAMPLE_BYTES} of them, or the whole text. */
  head: string;
  /** The rest of the text, chunk by chunk; throws {@link NotUtf8Chunks} at a byte that is not UTF-8. */
  rest: AsyncIterator<string>;
}

/**
 * The text of a file given as chunks of bytes, decoded exactly as {@link decodeBytes} decodes
 * it when that is UTF-8, without ever holding the file: a reader can parse it as it comes.
 *
 * Returns null when decodeBytes could read the file otherwise, as far as its first bytes tell:
 * an `encoding` other than "auto" and "utf-8", a UTF-16 BOM, UTF-16 by its zero bytes (rule 2,
 * `size` being the file's length), or a UTF-8 reading of the first {@link SAMPLE_BYTES}
 * characters that is not plausible (rule 3: decodeBytes then weighs the legacy encodings).
 * Null too when a byte among the first characters is not UTF-8. A UTF-8 BOM is removed.
 * Otherwise decodeBytes reads the file as UTF-8 exactly when every byte is, and `rest` throws
 * {@link NotUtf8Chunks} at the first that is not (including a sequence cut by the end).
 *
 * @example
 * const text = await utf8Chunks(fs.createReadStream(file), size, "auto");
 * if (text) for (let next = await text.rest.next(); !next.done; next = await text.rest.next()) parse(next.value);
 */
export async function utf8Chunks(chunks: AsyncIterable<Uint8Array>, size: number, encoding: ImportEncoding = "auto"): Promise<Utf8Chunks | null> {
  if (encoding !== "auto" && encoding !== "utf-8") return null;
  const source = chunks[Symbol.asyncIterator]();
  const close = async (): Promise<null> => {
    await source.return?.();
    return null;
  };
  // The first bytes: enough for the BOM and the UTF-16 rule.
  const firstParts: Uint8Array[] = [];
  let firstLength = 0;
  let ended = false;
  while (firstLength < UTF16_SAMPLE_BYTES) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    firstParts.push(next.value);
    firstLength += next.value.length;
  }
  const first = new Uint8Array(firstLength);
  let at = 0;
  for (const part of firstParts) {
    first.set(part, at);
    at += part.length;
  }
  const bom = detectBom(first);
  if (encoding === "auto" && (bom === "utf-16le" || bom === "utf-16be" || (bom === null && utf16ByZeros(first, size)))) return close();

  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new NotUtf8Chunks();
    }
  };
  // Returning `rest` early (a reader that stops) closes the source too.
  async function* text(): AsyncGenerator<string> {
    try {
      yield decode(first.subarray(bom === "utf-8" ? 3 : 0));
      if (!ended) {
        for (let next = await source.next(); !next.done; next = await source.next()) yield decode(next.value);
      }
      yield decode();
    } finally {
      await source.return?.();
    }
  }
  const rest = text();
  let head = "";
  try {
    while (head.length <= SAMPLE_BYTES) {
      const next = await rest.next();
      if (next.done) break;
      head += next.value;
    }
  } catch (error) {
    // The text's generator has ended and closed the source.
    if (error instanceof NotUtf8Chunks) return null;
    throw error;
  }
  if (encoding === "auto" && bom === null && utf8Plausibility(head) < MIN_PLAUSIBILITY) {
    await rest.return(undefined);
    return null;
  }
  return { head, rest };
}
