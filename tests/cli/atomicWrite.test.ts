import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AtomicWriteFs, FileKind, nodeAtomicWriteFs, WriteHandle, writeFileAtomic } from "../../src/cli/atomicWrite";
import { CliIO, EXIT, loadBuildDependencies, nodeIO, processIO, runCli } from "../../src/cli/run";
import { renderZoho } from "../fixtures/generateExports";

type Step = "write" | "sync" | "close" | "rename";

/** A system error as node makes them. */
function enospc(syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: "ENOSPC", errno: -28, syscall });
}

/**
 * A file system in memory: regular files and symbolic links by absolute path. `failOn`
 * makes one step fail like a full disk (a write stores half of its bytes first).
 */
function memoryFs(failOn: Step | null = null) {
  const files = new Map<string, { bytes: Uint8Array; mode: number }>();
  const links = new Map<string, string>();
  const calls: string[] = [];
  const kind = (file: string, mode: number, link: boolean): FileKind => ({
    isFile: () => !link,
    isDirectory: () => false,
    isSymbolicLink: () => link,
    mode,
  });
  const fsApi: AtomicWriteFs = {
    lstat: async (file) => {
      if (links.has(file)) return kind(file, 0o777, true);
      const entry = files.get(file);
      if (!entry) throw Object.assign(new Error(`ENOENT: ${file}`), { code: "ENOENT", syscall: "lstat" });
      return kind(file, 0o100000 | entry.mode, false);
    },
    mkdir: async () => undefined,
    createExclusive: async (file): Promise<WriteHandle> => {
      calls.push(`create ${path.basename(file)}`);
      if (files.has(file) || links.has(file)) throw Object.assign(new Error("EEXIST"), { code: "EEXIST" });
      const entry = { bytes: new Uint8Array(0), mode: 0o644 };
      files.set(file, entry);
      return {
        write: async (bytes) => {
          calls.push("write");
          const kept = failOn === "write" ? bytes.slice(0, bytes.length >> 1) : bytes;
          entry.bytes = new Uint8Array([...entry.bytes, ...kept]);
          if (failOn === "write") throw enospc("write");
        },
        chmod: async (mode) => {
          entry.mode = mode;
        },
        sync: async () => {
          calls.push("sync");
          if (failOn === "sync") throw enospc("fsync");
        },
        close: async () => {
          calls.push("close");
          if (failOn === "close") throw enospc("close");
        },
      };
    },
    rename: async (from, to) => {
      calls.push("rename");
      if (failOn === "rename") throw enospc("rename");
      const entry = files.get(from);
      if (!entry) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      files.delete(from);
      links.delete(to);
      files.set(to, entry);
    },
    unlink: async (file) => {
      calls.push(`unlink ${path.basename(file)}`);
      files.delete(file);
    },
    syncDirectory: async () => {
      calls.push("syncDirectory");
    },
    randomSuffix: () => "r4nd0m",
    pid: 4242,
  };
  return { fsApi, files, links, calls };
}

/** A path in memory only (the real file system is never touched by these tests). */
const TARGET = path.resolve("/books/deals.xlsx");
const OLD = new Uint8Array([80, 75, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]);
const NEW = new Uint8Array(Array.from({ length: 64 }, (_, i) => (i * 7) % 256));

describe("writeFileAtomic (injected file system)", () => {
  it("writes a temporary file beside the target, syncs it, renames it over the target, then syncs the folder", async () => {
    const { fsApi, files, calls } = memoryFs();
    files.set(TARGET, { bytes: OLD, mode: 0o640 });
    await writeFileAtomic(TARGET, NEW, fsApi);
    expect(calls).toEqual(["create .deals.xlsx.4242.r4nd0m.tmp", "write", "sync", "close", "rename", "syncDirectory"]);
    expect([...files.keys()]).toEqual([TARGET]);
    expect(files.get(TARGET)).toEqual({ bytes: NEW, mode: 0o640 });
  });

  it.each<Step>(["write", "sync", "close", "rename"])("a full disk on %s leaves the old file byte-identical and no temporary file", async (step) => {
    const { fsApi, files, calls } = memoryFs(step);
    files.set(TARGET, { bytes: OLD.slice(), mode: 0o644 });
    await expect(writeFileAtomic(TARGET, NEW, fsApi)).rejects.toMatchObject({ code: "ENOSPC" });
    expect([...files.keys()]).toEqual([TARGET]);
    expect(Buffer.from(files.get(TARGET)!.bytes).equals(Buffer.from(OLD))).toBe(true);
    expect(calls).toContain("unlink .deals.xlsx.4242.r4nd0m.tmp");
    expect(calls).not.toContain("syncDirectory");
  });

  it.each<Step>(["write", "sync", "rename"])("a full disk on %s with no file there before leaves nothing", async (step) => {
    const { fsApi, files } = memoryFs(step);
    await expect(writeFileAtomic(TARGET, NEW, fsApi)).rejects.toMatchObject({ code: "ENOSPC" });
    expect(files.size).toBe(0);
  });

  it("writes a stream chunk by chunk, in order", async () => {
    const { fsApi, files, calls } = memoryFs();
    async function* chunks() {
      yield NEW.subarray(0, 10);
      yield NEW.subarray(10, 40);
      yield NEW.subarray(40);
    }
    await writeFileAtomic(TARGET, chunks(), fsApi);
    expect(calls.filter((c) => c === "write")).toHaveLength(3);
    expect(files.get(TARGET)!.bytes).toEqual(NEW);
  });

  it("a stream that fails part-way leaves the old file byte-identical and no temporary file", async () => {
    const { fsApi, files, calls } = memoryFs();
    files.set(TARGET, { bytes: OLD.slice(), mode: 0o644 });
    async function* failing() {
      yield NEW.subarray(0, 10);
      throw new Error("the package could not be read back");
    }
    await expect(writeFileAtomic(TARGET, failing(), fsApi)).rejects.toThrow("could not be read back");
    expect([...files.keys()]).toEqual([TARGET]);
    expect(files.get(TARGET)!.bytes).toEqual(OLD);
    expect(calls).toContain("unlink .deals.xlsx.4242.r4nd0m.tmp");
    expect(calls).not.toContain("rename");
  });

  it("refuses a symbolic link: neither the link nor what it points to changes, nothing is created", async () => {
    const { fsApi, files, links, calls } = memoryFs();
    const pointed = path.resolve("/elsewhere/important.xlsx");
    files.set(pointed, { bytes: OLD, mode: 0o644 });
    links.set(TARGET, pointed);
    await expect(writeFileAtomic(TARGET, NEW, fsApi)).rejects.toThrow(/symbolic link/);
    expect(links.get(TARGET)).toBe(pointed);
    expect(files.get(pointed)!.bytes).toEqual(OLD);
    expect(calls).toEqual([]);
  });

  it("a folder that cannot be synced (Windows) does not fail a write that is in place", async () => {
    const { fsApi, files } = memoryFs();
    fsApi.syncDirectory = async () => {
      throw Object.assign(new Error("EISDIR: illegal operation on a directory, fsync"), { code: "EISDIR" });
    };
    await writeFileAtomic(TARGET, NEW, fsApi);
    expect(files.get(TARGET)!.bytes).toEqual(NEW);
  });
});

/** The real file system with one step failing like a full disk (a write puts half of its bytes on the disk first). */
function faultyNodeFs(failOn: Step): AtomicWriteFs {
  return {
    ...nodeAtomicWriteFs,
    createExclusive: async (file) => {
      const real = await nodeAtomicWriteFs.createExclusive(file);
      return {
        ...real,
        write: async (bytes) => {
          if (failOn !== "write") return real.write(bytes);
          await real.write(bytes.slice(0, bytes.length >> 1));
          throw enospc("write");
        },
        sync: async () => {
          if (failOn === "sync") throw enospc("fsync");
          return real.sync();
        },
      };
    },
    rename: async (from, to) => {
      if (failOn === "rename") throw enospc("rename");
      return nodeAtomicWriteFs.rename(from, to);
    },
  };
}

describe("writing the workbook on the real file system", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "salesquant-out-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The node I/O over `fsApi`, printing into arrays. */
  function io(fsApi?: AtomicWriteFs) {
    const out: string[] = [];
    const err: string[] = [];
    const base: CliIO = fsApi ? nodeIO(fsApi) : processIO;
    return { out, err, io: { ...base, stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line) } as CliIO };
  }

  it.each<Step>(["write", "sync", "rename"])("builds twice; the second build failing on %s keeps the first workbook byte for byte, with no temporary file", async (step) => {
    fs.writeFileSync(path.join(dir, "a.csv"), renderZoho(1, 40).bytes);
    fs.writeFileSync(path.join(dir, "b.csv"), renderZoho(2, 80).bytes);
    const out = path.join(dir, "deals.xlsx");
    const deps = loadBuildDependencies();

    const first = io(nodeAtomicWriteFs);
    expect(await runCli(["build", "--input", path.join(dir, "a.csv"), "--out", out, "--quiet"], first.io, deps)).toBe(EXIT.done);
    const before = fs.readFileSync(out);
    expect(before.subarray(0, 2).toString("latin1")).toBe("PK");

    const second = io(faultyNodeFs(step));
    expect(await runCli(["build", "--input", path.join(dir, "b.csv"), "--out", out, "--quiet"], second.io, deps)).toBe(EXIT.failed);
    expect(second.err.join("\n")).toMatch(/cannot write .*deals\.xlsx: ENOSPC: no space left on device\. A file already there is left as it was\./);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["a.csv", "b.csv", "deals.xlsx"]);
  });

  it("streams the workbook from a temporary folder that is removed after a write, and after a failed one", async () => {
    const temporary = path.join(dir, "tmp");
    fs.mkdirSync(temporary);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    try {
      fs.writeFileSync(path.join(dir, "a.csv"), renderZoho(4, 40).bytes);
      const out = path.join(dir, "deals.xlsx");
      const written: number[] = [];
      const counting: AtomicWriteFs = {
        ...nodeAtomicWriteFs,
        createExclusive: async (file) => {
          const real = await nodeAtomicWriteFs.createExclusive(file);
          return { ...real, write: (bytes) => (written.push(bytes.length), real.write(bytes)) };
        },
      };
      expect(await runCli(["build", "--input", path.join(dir, "a.csv"), "--out", out, "--quiet"], io(counting).io, loadBuildDependencies())).toBe(EXIT.done);
      expect(written.reduce((a, b) => a + b, 0)).toBe(fs.statSync(out).size);
      expect(fs.readdirSync(temporary)).toEqual([]);
      expect(await runCli(["build", "--input", path.join(dir, "a.csv"), "--out", out, "--quiet"], io(faultyNodeFs("write")).io, loadBuildDependencies())).toBe(
        EXIT.failed,
      );
      expect(fs.readdirSync(temporary)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });

  it("replaces the workbook in place and keeps its permissions", async () => {
    const out = path.join(dir, "deals.xlsx");
    fs.writeFileSync(out, "old");
    fs.chmodSync(out, 0o600);
    await writeFileAtomic(out, NEW);
    expect(new Uint8Array(fs.readFileSync(out))).toEqual(NEW);
    if (process.platform !== "win32") expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(["deals.xlsx"]);
  });

  it("creates missing folders of --out", async () => {
    const out = path.join(dir, "a", "b", "deals.xlsx");
    await writeFileAtomic(out, NEW);
    expect(new Uint8Array(fs.readFileSync(out))).toEqual(NEW);
  });

  (process.platform === "win32" ? it.skip : it)("refuses to write through a symbolic link (exit 1): the file it points to and the link are unchanged", async () => {
    fs.writeFileSync(path.join(dir, "a.csv"), renderZoho(3, 30).bytes);
    const pointed = path.join(dir, "precious.xlsx");
    fs.writeFileSync(pointed, "precious bytes");
    const link = path.join(dir, "deals.xlsx");
    fs.symlinkSync(pointed, link);
    const run = io();
    expect(await runCli(["build", "--input", path.join(dir, "a.csv"), "--out", link, "--quiet"], run.io, loadBuildDependencies())).toBe(EXIT.failed);
    expect(run.err.join("\n")).toMatch(/deals\.xlsx: it is a symbolic link, and the workbook is not written through links/);
    expect(run.out).toEqual([]);
    expect(fs.readFileSync(pointed, "utf8")).toBe("precious bytes");
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe(pointed);
    expect(fs.readdirSync(dir).sort()).toEqual(["a.csv", "deals.xlsx", "precious.xlsx"]);
  });

  it("refuses a folder named like the workbook", async () => {
    const out = path.join(dir, "deals.xlsx");
    fs.mkdirSync(out);
    await expect(writeFileAtomic(out, NEW)).rejects.toThrow(/it is a folder/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
