import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** An open temporary file: what the atomic write does with it. */
export interface WriteHandle {
  /** Writes every byte (looping over short writes) at the current position. */
  write(bytes: Uint8Array): Promise<void>;
  /** Sets the permission bits (the replaced file's, so replacing does not change them). */
  chmod(mode: number): Promise<void>;
  /** fsync: the bytes are on the disk, not only in the cache. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** What the file looks like before the write: lstat (a symbolic link is not followed). */
export interface FileKind {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  mode: number;
}

/**
 * The file-system calls of {@link writeFileAtomic}, injected so a test can make any of them
 * fail (a full disk on write, on fsync, on rename) and check what is left behind.
 */
export interface AtomicWriteFs {
  /** lstat; throws ENOENT when nothing is there. */
  lstat(file: string): Promise<FileKind>;
  /** Creates the folder and its parents (no error when it exists). */
  mkdir(dir: string): Promise<void>;
  /** Creates a new file for writing; fails when anything (a file, a link) is already there. */
  createExclusive(file: string): Promise<WriteHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** fsync of a folder, so a rename in it survives a crash; may fail where folders cannot be synced (Windows). */
  syncDirectory(dir: string): Promise<void>;
  /** A short random text making the temporary name unique. */
  randomSuffix(): string;
  pid: number;
}

/** A refusal to write that is the user's to fix (a symbolic link, a folder): the message, about "it" (the file), says what to do. */
export class OutputRefused extends Error {
  override readonly name = "OutputRefused";
}

/** The real node file system. */
export const nodeAtomicWriteFs: AtomicWriteFs = {
  lstat: (file) => fs.promises.lstat(file),
  mkdir: async (dir) => {
    await fs.promises.mkdir(dir, { recursive: true });
  },
  createExclusive: async (file) => {
    const handle = await fs.promises.open(file, "wx", 0o666);
    return {
      write: async (bytes) => {
        let done = 0;
        while (done < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
          if (bytesWritten <= 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
          done += bytesWritten;
        }
      },
      chmod: (mode) => handle.chmod(mode),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => fs.promises.rename(from, to),
  unlink: (file) => fs.promises.unlink(file),
  syncDirectory: async (dir) => {
    const handle = await fs.promises.open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  randomSuffix: () => randomBytes(6).toString("hex"),
  pid: process.pid,
};

/** The temporary file's name, beside the target: `.deals.xlsx.1234.9f3a0c2b71de.tmp`. */
export function temporaryName(target: string, pid: number, suffix: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${pid}.${suffix}.tmp`);
}

/** What a file is written from: its bytes, or a stream of chunks (a large workbook is never held whole). */
export type FileContent = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Replaces `file` with `bytes` (whole, or streamed chunk by chunk) so that no reader and no crash ever sees a part-written file.
 *
 * Rules:
 * - the bytes go to a new temporary file in the same folder (created exclusively, so a
 *   link planted at its name is not followed), which is fsynced, then renamed over `file`;
 *   the folder is then fsynced where the system allows it;
 * - on any failure (full disk on write or fsync, a failed rename, a stream that fails) the temporary file is
 *   removed and `file` is left exactly as it was, and the error is thrown;
 * - a replaced file keeps its permission bits;
 * - `file` that is a symbolic link is refused ({@link OutputRefused}): the workbook is never
 *   written through a link, and the link is not replaced either. (Should a link appear after
 *   the check, the rename replaces the link itself, never the file it points to.) A folder
 *   or any other non-regular file is refused too.
 *
 * @example
 * await writeFileAtomic("out/deals.xlsx", bytes) // out/deals.xlsx replaced in one step
 */
export async function writeFileAtomic(file: string, bytes: FileContent, fsApi: AtomicWriteFs = nodeAtomicWriteFs): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  await fsApi.mkdir(dir);

  let existing: FileKind | null = null;
  try {
    existing = await fsApi.lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (existing?.isSymbolicLink()) {
    throw new OutputRefused("it is a symbolic link, and the workbook is not written through links. Give the path of the file itself, or remove the link.");
  }
  if (existing?.isDirectory()) throw new OutputRefused("it is a folder.");
  if (existing && !existing.isFile()) throw new OutputRefused("it is not a regular file.");

  const temporary = temporaryName(target, fsApi.pid, fsApi.randomSuffix());
  const handle = await fsApi.createExclusive(temporary);
  let open = true;
  try {
    if (bytes instanceof Uint8Array) await handle.write(bytes);
    else for await (const chunk of bytes) await handle.write(chunk);
    if (existing) await handle.chmod(existing.mode & 0o777);
    await handle.sync();
    open = false;
    await handle.close();
    await fsApi.rename(temporary, target);
  } catch (error) {
    if (open) await handle.close().catch(() => undefined);
    await fsApi.unlink(temporary).catch(() => undefined);
    throw error;
  }
  // The new file is in place; syncing the folder makes the rename itself durable where it can be done.
  await fsApi.syncDirectory(dir).catch(() => undefined);
}
