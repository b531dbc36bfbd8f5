/**
 * A minimal streaming ZIP reader for the package ExcelJS writes: the central directory at the
 * end of the file is read once, then each entry is read on demand as a stream (inflated with
 * native zlib when deflated), so no entry has to fit in memory. Data descriptors need no
 * handling (sizes come from the central directory); ZIP64 sizes and offsets are read.
 */
import { createReadStream, promises as fs } from "fs";
import { Readable } from "stream";
import { createInflateRaw } from "zlib";

export interface ZipReaderEntry {
  /** Path inside the package, without a leading "/" (ExcelJS writes "/_rels/.rels"). */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
}

export interface ZipReader {
  /** Entries in the order the central directory lists them, directories left out. */
  entries: ZipReaderEntry[];
  /** The entry's uncompressed bytes, as a stream. */
  open(entry: ZipReaderEntry): Promise<Readable>;
  /** The entry's uncompressed text (UTF-8): for small parts only. */
  text(entry: ZipReaderEntry): Promise<string>;
  close(): Promise<void>;
}

const END = 0x06054b50;
const END64_LOCATOR = 0x07064b50;
const END64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** ZIP64 extended information (header id 1) replaces the 32-bit fields that hold 0xFFFFFFFF. */
function zip64Fields(
  extra: Buffer,
  fields: { size: number; compressedSize: number; headerOffset: number },
): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let p = at + 4;
      const next = (): number => {
        const value = Number(extra.readBigUInt64LE(p));
        p += 8;
        return value;
      };
      if (fields.size === 0xffffffff) fields.size = next();
      if (fields.compressedSize === 0xffffffff) fields.compressedSize = next();
      if (fields.headerOffset === 0xffffffff) fields.headerOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/**
 * Opens the ZIP file `file` for reading entry by entry.
 *
 * @example const zip = await openZip("cells.xlsx"); const xml = await zip.text(zip.entries[0]);
 */
export async function openZip(file: string): Promise<ZipReader> {
  const handle = await fs.open(file, "r");
  try {
    const { size: fileSize } = await handle.stat();
    // The end record is 22 bytes plus a comment of at most 65,535 bytes.
    const tailStart = Math.max(0, fileSize - 22 - 0xffff);
    const tail = await readAt(handle, tailStart, fileSize - tailStart);
    let endAt = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === END) {
        endAt = i;
        break;
      }
    }
    if (endAt < 0) throw new Error(`${file} is not a ZIP file (no end of central directory).`);
    let count = tail.readUInt16LE(endAt + 10);
    let directorySize = tail.readUInt32LE(endAt + 12);
    let directoryOffset = tail.readUInt32LE(endAt + 16);
    if (endAt >= 20 && tail.readUInt32LE(endAt - 20) === END64_LOCATOR) {
      const end64 = await readAt(handle, Number(tail.readBigUInt64LE(endAt - 20 + 8)), 56);
      if (end64.readUInt32LE(0) !== END64) throw new Error(`${file}: bad ZIP64 end record.`);
      count = Number(end64.readBigUInt64LE(32));
      directorySize = Number(end64.readBigUInt64LE(40));
      directoryOffset = Number(end64.readBigUInt64LE(48));
    }
    const directory = await readAt(handle, directoryOffset, directorySize);
    const entries: ZipReaderEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (directory.readUInt32LE(at) !== CENTRAL)
        throw new Error(`${file}: bad central directory record ${i + 1}.`);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const name = directory.toString("utf8", at + 46, at + 46 + nameLength);
      const fields = {
        size: directory.readUInt32LE(at + 24),
        compressedSize: directory.readUInt32LE(at + 20),
        headerOffset: directory.readUInt32LE(at + 42),
      };
      zip64Fields(
        directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
        fields,
      );
      if (!name.endsWith("/"))
        entries.push({
          name: name.replace(/^\/+/, ""),
          method: directory.readUInt16LE(at + 10),
          ...fields,
        });
      at += 46 + nameLength + extraLength + commentLength;
    }

    const open = async (entry: ZipReaderEntry): Promise<Readable> => {
      const local = await readAt(handle, entry.headerOffset, 30);
      if (local.readUInt32LE(0) !== LOCAL)
        throw new Error(`${file}: bad local header for ${entry.name}.`);
      const start = entry.headerOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (entry.compressedSize === 0) return Readable.from([]);
      const raw = createReadStream(file, {
        start,
        end: start + entry.compressedSize - 1,
        highWaterMark: 1 << 20,
      });
      if (entry.method === 0) return raw;
      if (entry.method !== 8)
        throw new Error(`${file}: ${entry.name} uses compression method ${entry.method}.`);
      const inflate = createInflateRaw({ chunkSize: 1 << 16 });
      raw.on("error", (error) => inflate.destroy(error));
      return raw.pipe(inflate);
    };
    const text = async (entry: ZipReaderEntry): Promise<string> => {
      const chunks: Buffer[] = [];
      for await (const chunk of await open(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    };
    return { entries, open, text, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
