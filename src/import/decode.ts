import { ImportError } from "./errors";

/** Encodings the import understands. "utf-16" means: UTF-16 with a byte-order mark. */
export type ImportEncoding = "auto" | "utf-8" | "utf-16" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  text: string;
  /** The encoding actually used. */
  encoding: Exclude<ImportEncoding, "auto" | "utf-16">;
  /** True when the bytes started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

/**
 * Turns the bytes of a CRM export into text.
 *
 * Rules, in order, when `encoding` is "auto":
 * 1. a byte-order mark decides: EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE;
 * 2. bytes that are valid UTF-8 are UTF-8;
 * 3. anything else is GB18030 (what Chinese Excel writes for "CSV"). GB18030, not GBK:
 *    its four-byte sequences carry characters GBK lacks (𠮷 U+20BB7, 䶮 U+4DAE).
 * An explicit encoding skips detection (a BOM of that encoding is still removed). Bytes
 * that are not valid in the chosen encoding throw an {@link ImportError}: a file that
 * cannot be read is an error, never a page of replacement characters.
 *
 * @example
 * decodeBytes(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])) // { text: "你好", encoding: "gb18030", bom: false }
 */
export function decodeBytes(bytes: Uint8Array, encoding: ImportEncoding = "auto"): DecodedText {
  const bomEncoding = detectBom(bytes);
  if (encoding === "auto") {
    if (bomEncoding) return decodeStrict(bytes, bomEncoding, true);
    try {
      return decodeStrict(bytes, "utf-8", false);
    } catch {
      return decodeStrict(bytes, "gb18030", false);
    }
  }
  if (encoding === "utf-16") {
    if (bomEncoding !== "utf-16le" && bomEncoding !== "utf-16be") {
      throw new ImportError("error.noBom");
    }
    return decodeStrict(bytes, bomEncoding, true);
  }
  return decodeStrict(bytes, encoding, bomEncoding === encoding);
}

function detectBom(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

function decodeStrict(
  bytes: Uint8Array,
  encoding: DecodedText["encoding"],
  hasBom: boolean,
): DecodedText {
  const bomLength = !hasBom ? 0 : encoding === "utf-8" ? 3 : 2;
  let decoder: TextDecoder;
  try {
    // ignoreBOM: the BOM is removed here, by length, so the decoder must not guess.
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new ImportError("error.decoderMissing", { encoding });
  }
  try {
    const text = decoder.decode(bytes.subarray(bomLength));
    return { text, encoding, bom: hasBom };
  } catch {
    throw new ImportError("error.notEncoding", { encoding: encoding.toUpperCase() });
  }
}
