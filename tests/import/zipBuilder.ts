/**
 * Builds small zip packages in memory for the .xlsx bound tests: each entry deflated (or
 * stored) with Node's zlib, with sizes in the central directory that may be made to lie.
 */
import * as zlib from "zlib";

export interface ZipEntrySpec {
  name: string;
  /** The entry's content, or its compressed bytes already made (`raw`). */
  data?: Uint8Array;
  /** Pre-compressed deflate bytes; `declaredSize` must then be given. */
  raw?: Uint8Array;
  /** Store instead of deflate. */
  store?: boolean;
  /** Uncompressed size to write in the headers instead of the real one (a liar). */
  declaredSize?: number;
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

/** A zip package: local headers and data, the central directory, the EOCD record. */
export function buildZip(entries: ZipEntrySpec[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = entry.data ? Buffer.from(entry.data) : Buffer.alloc(0);
    const compressed = entry.raw ? Buffer.from(entry.raw) : entry.store ? data : zlib.deflateRawSync(data, { level: 9 });
    const size = entry.declaredSize ?? data.length;
    const crc = entry.raw ? 0 : zlib.crc32(data);
    const method = entry.store ? 0 : 8;
    const common = [u16(20), u16(0), u16(method), u16(0), u16(0x21), u32(crc), u32(compressed.length), u32(size), u16(name.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, name]);
    parts.push(local, compressed);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    offset += local.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const eocd = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(directory.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([...parts, directory, eocd]));
}

/** Deflated zeros, `megabytes` MiB of them (zlib level 9: about 1,000 to 1). */
export function deflatedZeros(megabytes: number): Uint8Array {
  return new Uint8Array(zlib.deflateRawSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 }));
}
