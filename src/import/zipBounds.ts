import { ImportError } from "./errors";
import type { ImportLimits } from "./limits";

/** One entry of a zip package as its central directory describes it. */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localHeaderOffset: number;
  /** CRC-32 of the uncompressed bytes, as the central directory gives it. */
  crc32: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
}

/** An unsigned 64-bit field as a number (exact up to 2^53, far beyond any bound here). */
function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x100000000;
}

function unreadable(detail: string): ImportError {
  return new ImportError("error.xlsxUnreadable", { detail });
}

/**
 * The entries of a zip package, read from its End Of Central Directory record and central
 * directory only (ZIP64 included): nothing is inflated, and memory is one small object per
 * entry. Reading stops at `maxEntries + 1` entries.
 *
 * @example
 * readZipDirectory(bytes, 10000)[0] // { name: "[Content_Types].xml", method: 8, compressedSize: 371, uncompressedSize: 1312, ... }
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntryInfo[] {
  // The EOCD record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(bytes, at) === EOCD_SIGNATURE && at + 22 + u16(bytes, at + 20) <= bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw unreadable("no zip end of central directory record");
  let count = u16(bytes, eocd + 10);
  let directorySize = u32(bytes, eocd + 12);
  let directoryOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && u32(bytes, locator) === ZIP64_LOCATOR_SIGNATURE) {
      const zip64 = u64(bytes, locator + 8);
      if (zip64 + 56 > bytes.length || u32(bytes, zip64) !== ZIP64_EOCD_SIGNATURE) {
        throw unreadable("broken ZIP64 end of central directory record");
      }
      count = u64(bytes, zip64 + 32);
      directorySize = u64(bytes, zip64 + 40);
      directoryOffset = u64(bytes, zip64 + 48);
    }
  }
  if (directoryOffset + directorySize > bytes.length) throw unreadable("the zip central directory lies outside the file");
  const entries: ZipEntryInfo[] = [];
  let at = directoryOffset;
  const end = directoryOffset + directorySize;
  while (entries.length < count && entries.length <= maxEntries) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL_SIGNATURE) throw unreadable("broken zip central directory");
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) throw unreadable("broken zip central directory");
    let compressedSize = u32(bytes, at + 20);
    let uncompressedSize = u32(bytes, at + 24);
    let localHeaderOffset = u32(bytes, at + 42);
    // ZIP64 extra field: the 64-bit values of the fields that hold 0xFFFFFFFF, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const size = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const fieldEnd = Math.min(extra + 4 + size, extraEnd);
        if (uncompressedSize === 0xffffffff && field + 8 <= fieldEnd) {
          uncompressedSize = u64(bytes, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= fieldEnd) {
          compressedSize = u64(bytes, field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff && field + 8 <= fieldEnd) localHeaderOffset = u64(bytes, field);
      }
      extra += 4 + size;
    }
    const name = new TextDecoder("utf-8").decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, method: u16(bytes, at + 10), compressedSize, uncompressedSize, localHeaderOffset, crc32: u32(bytes, at + 16) });
    at = next;
  }
  return entries;
}

function tooLarge(key: "error.xlsxTooLarge" | "error.xlsxEntryTooLarge" | "error.xlsxRatio" | "error.xlsxTooManyEntries" | "error.xlsxSizeMismatch", values: Record<string, string | number>): ImportError {
  return new ImportError(key, values);
}

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString("en-US", { maximumFractionDigits: 1 });
}

/**
 * Refuses an .xlsx package that would inflate past the bounds, before anything is inflated.
 *
 * Rules, from the central directory: at most `maxXlsxEntries` entries; no entry above
 * `maxXlsxEntryBytes` uncompressed; all together at most `maxXlsxBytes`; an entry above
 * `xlsxRatioFloorBytes` uncompressed at most `maxXlsxRatio` times its compressed size. A
 * refusal is an {@link ImportError} naming the entry and the sizes.
 *
 * @example
 * checkZipBounds(zipBombBytes, importLimits()) // throws ImportError "error.xlsxRatio"
 */
export function checkZipBounds(bytes: Uint8Array, limits: ImportLimits): ZipEntryInfo[] {
  const entries = readZipDirectory(bytes, limits.maxXlsxEntries);
  if (entries.length > limits.maxXlsxEntries) {
    throw tooLarge("error.xlsxTooManyEntries", { limit: limits.maxXlsxEntries });
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > limits.maxXlsxEntryBytes) {
      throw tooLarge("error.xlsxEntryTooLarge", { entry: entry.name, size: mib(entry.uncompressedSize), limit: mib(limits.maxXlsxEntryBytes) });
    }
    total += entry.uncompressedSize;
    if (total > limits.maxXlsxBytes) {
      throw tooLarge("error.xlsxTooLarge", { limit: mib(limits.maxXlsxBytes) });
    }
    if (entry.uncompressedSize > limits.xlsxRatioFloorBytes && entry.uncompressedSize > limits.maxXlsxRatio * entry.compressedSize) {
      const ratio = entry.compressedSize === 0 ? "∞" : Math.round(entry.uncompressedSize / entry.compressedSize).toLocaleString("en-US");
      throw tooLarge("error.xlsxRatio", { entry: entry.name, ratio, limit: limits.maxXlsxRatio });
    }
  }
  return entries;
}

/** Compressed bytes handed to the inflater at a time. */
const INFLATE_SLICE_BYTES = 16 * 1024;

type DecompressionStreamLike = new (format: string) => { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };

/**
 * The stored (compressed, for method 8) bytes of an entry, found through its local header; a
 * view on `bytes`, nothing copied.
 *
 * @throws ImportError ("error.xlsxUnreadable") when the local header is not where the directory says.
 */
export function entryData(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL_SIGNATURE) throw unreadable(`broken zip entry ${entry.name}`);
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  return bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
}

/**
 * Checks that no entry inflates past the size its central directory declares, inflating
 * each deflated entry as a stream and counting (nothing is kept; memory stays one chunk),
 * stopping an entry as soon as it goes past. Together with {@link checkZipBounds} this bounds
 * what the .xlsx reader inflates even when the directory lies. Skipped where the runtime has
 * no `DecompressionStream("deflate-raw")`.
 *
 * @example
 * await checkInflatedSizes(bytes, checkZipBounds(bytes, limits)) // throws "error.xlsxSizeMismatch" on a liar
 */
export async function checkInflatedSizes(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): Promise<void> {
  const Decompression = (globalThis as { DecompressionStream?: DecompressionStreamLike }).DecompressionStream;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) {
        throw tooLarge("error.xlsxSizeMismatch", { entry: entry.name, size: entry.uncompressedSize });
      }
      continue;
    }
    if (entry.method !== 8 || !Decompression) continue;
    let inflated = 0;
    let tooBig = false;
    const stream = new Decompression("deflate-raw");
    const writer = stream.writable.getWriter();
    // Fed in small slices, so a runtime that inflates a whole written chunk at once holds at
    // most about a thousand times a slice (deflate's largest ratio). A truncated or broken
    // stream is left to the .xlsx reader to report in its own words.
    const feeding = (async () => {
      for (let offset = 0; offset < data.length; offset += INFLATE_SLICE_BYTES) {
        await writer.write(data.subarray(offset, offset + INFLATE_SLICE_BYTES));
      }
      await writer.close();
    })().then(undefined, () => undefined);
    const reader = stream.readable.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        inflated += value.byteLength;
        if (inflated > entry.uncompressedSize) {
          tooBig = true;
          break;
        }
      }
    } catch {
      // Broken deflate data: the .xlsx reader says so in its own words.
    } finally {
      reader.cancel().then(undefined, () => undefined);
    }
    await feeding;
    if (tooBig) throw tooLarge("error.xlsxSizeMismatch", { entry: entry.name, size: entry.uncompressedSize });
  }
}
