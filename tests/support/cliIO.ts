/**
 * The command line's input and output in memory, for tests: files to read by name (text is
 * UTF-8), every line printed, and every file written.
 */
import type { CliIO } from "../../src/cli/run";

export function fakeCliIO(files: Record<string, Uint8Array | string>, options: { chunkBytes?: number } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, Uint8Array> = {};
  const io: CliIO = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    readFile: async (file) => {
      const content = Object.prototype.hasOwnProperty.call(files, file) ? files[file] : undefined;
      if (content === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: "ENOENT", syscall: "open" });
      return typeof content === "string" ? new Uint8Array(Buffer.from(content, "utf8")) : content;
    },
    // As the node I/O gives a regular file: in chunks (small ones, to cut rows anywhere),
    // read again from the start each time.
    openChunks: async (file) => {
      const content = Object.prototype.hasOwnProperty.call(files, file) ? files[file] : undefined;
      if (content === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, stat '${file}'`), { code: "ENOENT", syscall: "stat" });
      const bytes = typeof content === "string" ? new Uint8Array(Buffer.from(content, "utf8")) : content;
      const size = options.chunkBytes ?? 4096;
      return {
        size: bytes.length,
        chunks: async function* () {
          for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
        },
      };
    },
    writeFile: async (file, bytes) => {
      if (bytes instanceof Uint8Array) written[file] = bytes;
      else {
        const chunks: Uint8Array[] = [];
        for await (const chunk of bytes) chunks.push(chunk);
        written[file] = new Uint8Array(Buffer.concat(chunks));
      }
    },
  };
  return { io, out, err, written };
}
