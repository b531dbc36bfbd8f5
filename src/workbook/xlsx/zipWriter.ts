/**
 * A minimal ZIP writer for .xlsx packages, compressing with Node's native zlib (several times
 * faster than a JavaScript deflate on large sheet parts). Writes DEFLATE entries with UTF-8
 * names to a file, one entry at a time. An entry is a buffer or a stream of chunks: a stream
 * is deflated as it comes (memory stays bounded however large the part), and its local
 * header, written first, gets its CRC and sizes once the data is through. No ZIP64: every
 * part and the package stay under 4 GB and 65,535 entries, or the writer refuses.
 */
import { promises as fs } from "fs";
import * as zlib from "zlib";

export interface ZipEntry {
  /** Path inside the package, e.g. "xl/worksheets/sheet1.xml". */
  name: string;
  /** The bytes, whole or as a stream of chunks (read once, in order). */
  data: Buffer | AsyncIterable<Buffer>;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** Node's own CRC-32 (Node 20.15 and later), else the table above. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 (IEEE) of a buffer, as ZIP stores it; `previous` continues a running CRC. */
export function crc32(data: Uint8Array, previous = 0): number {
  if (nativeCrc32) return nativeCrc32(data, previous) >>> 0;
  let crc = previous ^ -1;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** 1980-01-01 00:00, the earliest DOS time: the package does not carry a build time. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 1 << 11;
/** Sizes and offsets must stay below this without ZIP64. */
export const ZIP_SIZE_LIMIT = 0xffffffff;
/** Entries must stay below this without ZIP64. */
export const ZIP_ENTRY_LIMIT = 0xffff;

/**
 * The fields a local header and a central record share, in the same order (version needed and
 * flags before them, the extra field's length after): method, time, date, CRC, sizes, name length.
 */
function writeEntryFields(record: Buffer, at: number, name: Buffer, crc: number, compressed: number, size: number, method: number): void {
  record.writeUInt16LE(20, at - 4);
  record.writeUInt16LE(UTF8_NAMES, at - 2);
  record.writeUInt16LE(method, at);
  record.writeUInt16LE(DOS_TIME, at + 2);
  record.writeUInt16LE(DOS_DATE, at + 4);
  record.writeUInt32LE(crc, at + 6);
  record.writeUInt32LE(compressed, at + 10);
  record.writeUInt32LE(size, at + 14);
  record.writeUInt16LE(name.length, at + 18);
}

/** The fixed part of an entry's local header (the name follows it); `method` 8 deflated, 0 stored. */
export function localHeader(name: Buffer, crc: number, compressed: number, size: number, method = 8): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  writeEntryFields(local, 8, name, crc, compressed, size, method);
  return local;
}

/** The fixed part of an entry's central directory record (the name follows it). */
export function centralRecord(name: Buffer, crc: number, compressed: number, size: number, offset: number, method = 8): Buffer {
  const record = Buffer.alloc(46);
  record.writeUInt32LE(0x02014b50, 0);
  // Version made by (2.0), then the fields a local header has.
  record.writeUInt16LE(20, 4);
  writeEntryFields(record, 10, name, crc, compressed, size, method);
  record.writeUInt32LE(offset, 42);
  return record;
}

/** The end of central directory record of `count` entries whose directory is at `offset`. */
export function endRecord(count: number, directorySize: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

/** Bytes of a stream deflated as one job: large enough that the job dwarfs its hand-off (and at least a window). */
const BLOCK_BYTES = 1 << 20;
/**
 * Blocks compressing while the next is filled. One is enough: a block of XML deflates (level 6)
 * in well under half the time its rows take to make, and each more would hold another
 * megabyte.
 */
const BLOCKS_IN_FLIGHT = 1;
/** DEFLATE's window: how far back a block may point into the one before it. */
const WINDOW_BYTES = 32 * 1024;

const deflateRawJob = (data: Buffer, options: zlib.ZlibOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => zlib.deflateRaw(data, options, (error, result) => (error ? reject(error) : resolve(result))));

/**
 * A stream of chunks deflated as one raw DEFLATE stream, a megabyte at a time, each block one
 * job on libuv's thread pool (pigz's scheme): a block ends with a sync flush (byte-aligned, not
 * final) and starts from the last 32 KB of the one before as its dictionary, so the blocks join
 * into one stream that compresses as well as a single pass; only the last block is final. The
 * next block's chunks (a sheet's rows) are made while one compresses, and neither side waits
 * for the other's turn of the event loop, which a `zlib.createDeflateRaw` stream needs for
 * every 64 KB it writes (the 100,000-row build's write phase took 3.1-3.3 s that way, 2.4-3.0 s
 * this way).
 *
 * @example
 * for await (const deflated of deflateInBlocks(rows, 6)) await write(deflated)
 */
export async function* deflateInBlocks(source: AsyncIterable<Buffer>, level: number): AsyncGenerator<Buffer> {
  // The blocks' buffers are reused once their job is done: a block's megabyte is copied into
  // one of BLOCKS_IN_FLIGHT + 1 buffers rather than allocated anew (garbage the collector
  // frees late: a new buffer per block raised the 100,000-row build's peak by about 30 MB).
  const free: Buffer[] = [];
  const pending: { job: Promise<Buffer>; block: Buffer }[] = [];
  let window: Buffer | undefined;
  const dispatch = (block: Buffer, size: number, last: boolean): void => {
    const data = block.subarray(0, size);
    const options: zlib.ZlibOptions = {
      level,
      // XML deflates to about a tenth: an eighth is room for a block's output in one job
      // (more output takes another job, not an error).
      chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, size >> 3),
      finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    };
    // zlib copies the dictionary when the job is made; the window is copied too, since its
    // block's buffer is reused.
    if (window) options.dictionary = window;
    if (!last) window = Buffer.from(data.subarray(size - WINDOW_BYTES));
    const job = deflateRawJob(data, options);
    // Given a handler now: a job that fails while an earlier one is awaited, or after the
    // writer stopped, is not an unhandled rejection (the awaited promise still throws).
    job.catch(() => undefined);
    pending.push({ job, block });
  };
  let block: Buffer = Buffer.allocUnsafe(BLOCK_BYTES);
  let size = 0;
  for await (const chunk of source) {
    for (let at = 0; at < chunk.length; ) {
      const copied = chunk.copy(block, size, at);
      size += copied;
      at += copied;
      if (size < BLOCK_BYTES) continue;
      dispatch(block, size, false);
      while (pending.length > BLOCKS_IN_FLIGHT) {
        const done = pending.shift()!;
        yield await done.job;
        free.push(done.block);
      }
      block = free.pop() ?? Buffer.allocUnsafe(BLOCK_BYTES);
      size = 0;
    }
  }
  dispatch(block, size, true);
  for (const { job } of pending.splice(0)) yield await job;
}

function tooLarge(name: string): RangeError {
  return new RangeError(`${name} is too large for a package without ZIP64 (4 GB).`);
}

/**
 * Writes `entries` as a ZIP file at `file`, compressing each with zlib at `level`.
 *
 * @example await writeZipFile("out.xlsx", [{ name: "[Content_Types].xml", data }])
 */
export async function writeZipFile(
  file: string,
  entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>,
  level = 6,
): Promise<void> {
  const handle = await fs.open(file, "w");
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  // Every write says where it goes: local headers are rewritten in place after their data.
  const write = async (data: Buffer, at: number): Promise<void> => {
    for (let done = 0; done < data.length;) {
      const { bytesWritten } = await handle.write(data, done, data.length - done, at + done);
      done += bytesWritten;
    }
  };
  try {
    for await (const entry of entries) {
      if (count + 1 >= ZIP_ENTRY_LIMIT)
        throw new RangeError(
          `The package has too many parts for a ZIP without ZIP64 (${count + 1}).`,
        );
      const name = Buffer.from(entry.name, "utf8");
      const dataAt = offset + 30 + name.length;
      let crc = 0;
      let size = 0;
      let compressedSize = 0;
      if (Buffer.isBuffer(entry.data)) {
        const compressed = zlib.deflateRawSync(entry.data, { level });
        crc = crc32(entry.data);
        size = entry.data.length;
        compressedSize = compressed.length;
        if (size >= ZIP_SIZE_LIMIT || dataAt + compressedSize >= ZIP_SIZE_LIMIT)
          throw tooLarge(entry.name);
        await write(Buffer.concat([localHeader(name, crc, compressedSize, size), name]), offset);
        await write(compressed, dataAt);
      } else {
        const source = entry.data;
        const counted = (async function* counted() {
          for await (const chunk of source) {
            crc = crc32(chunk, crc);
            size += chunk.length;
            if (size >= ZIP_SIZE_LIMIT) throw tooLarge(entry.name);
            yield chunk;
          }
        })();
        for await (const chunk of deflateInBlocks(counted, level)) {
          if (dataAt + compressedSize + chunk.length >= ZIP_SIZE_LIMIT) throw tooLarge(entry.name);
          await write(chunk, dataAt + compressedSize);
          compressedSize += chunk.length;
        }
        await write(Buffer.concat([localHeader(name, crc, compressedSize, size), name]), offset);
      }

      central.push(centralRecord(name, crc, compressedSize, size, offset), name);
      offset = dataAt + compressedSize;
      count += 1;
    }
    const directory = Buffer.concat(central);
    if (offset + directory.length >= ZIP_SIZE_LIMIT)
      throw new RangeError("The package is too large for a ZIP without ZIP64 (4 GB).");
    await write(Buffer.concat([directory, endRecord(count, directory.length, offset)]), offset);
  } finally {
    await handle.close();
  }
}
