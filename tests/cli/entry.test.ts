/**
 * bin/salesquant.js runs the compiled CLI (build/cli) only when it was compiled from the
 * sources as they are now, else the TypeScript sources through ts-node (bin/select.js).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { COMPILED_MAIN, EntryFs, fingerprint, selectEntry, SOURCE_MAIN, STAMP } from "../../bin/select";

const ROOT = path.join(__dirname, "..", "..");

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "salesquant-entry-"));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function write(relative: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  fs.writeFileSync(path.join(root, relative), text);
}

/** Sets a file's or folder's modification time, `seconds` from now. */
function age(relative: string, seconds: number): void {
  const time = new Date(Date.now() + seconds * 1000);
  fs.utimesSync(path.join(root, relative), time, time);
}

/** A checkout with sources, configs and (optionally) a build stamped as build-cli.js stamps it. */
function checkout({ built = true, stamped = true } = {}): void {
  write("tsconfig.json", "{}");
  write("tsconfig.cli.json", "{}");
  write(SOURCE_MAIN, "export async function main() {}\n");
  write("src/core/metrics.ts", "export const one = 1;\n");
  if (built) write(COMPILED_MAIN, "exports.main = async () => {};\n");
  if (stamped) write(STAMP, `${fingerprint(root)}\n`);
}

const kind = () => selectEntry(root).kind;

describe("selectEntry", () => {
  it("runs the sources when there is no build (a fresh clone)", () => {
    checkout({ built: false, stamped: false });
    expect(selectEntry(root)).toEqual({ kind: "source", file: path.join(root, SOURCE_MAIN) });
  });

  it("runs the sources when the build has no stamp (compiled by hand, or a compilation that failed)", () => {
    checkout({ stamped: false });
    expect(kind()).toBe("source");
  });

  it("runs the compiled CLI when it was compiled from the current sources", () => {
    checkout();
    expect(selectEntry(root)).toEqual({ kind: "compiled", file: path.join(root, COMPILED_MAIN) });
  });

  it("runs the sources when the compiled entry is missing", () => {
    checkout();
    fs.rmSync(path.join(root, COMPILED_MAIN));
    expect(kind()).toBe("source");
  });

  it("runs the sources when a file under src/ is newer than the build", () => {
    checkout();
    age("src/core/metrics.ts", 5);
    expect(kind()).toBe("source");
  });

  it("runs the sources when a file under src/ was replaced by an older one (a copy keeping its time)", () => {
    checkout();
    age("src/core/metrics.ts", -3600);
    expect(kind()).toBe("source");
  });

  it("runs the sources when a file was added, deleted or renamed under src/", () => {
    checkout();
    write("src/core/forecast.ts", "export const two = 2;\n");
    expect(kind()).toBe("source");

    checkout();
    fs.rmSync(path.join(root, "src/core/metrics.ts"));
    expect(kind()).toBe("source");

    checkout();
    fs.renameSync(path.join(root, "src/core/metrics.ts"), path.join(root, "src/core/kpi.ts"));
    expect(kind()).toBe("source");
  });

  it("runs the sources when a compiler config changed", () => {
    for (const config of ["tsconfig.json", "tsconfig.cli.json"]) {
      checkout();
      fs.writeFileSync(path.join(root, config), '{ "compilerOptions": { "target": "ES2022" } }');
      expect([config, kind()]).toEqual([config, "source"]);
    }
  });

  it("runs the sources, without throwing, when src/ cannot be read", () => {
    checkout();
    const broken: EntryFs = {
      readFileSync: (file, encoding) => fs.readFileSync(file, encoding),
      existsSync: (file) => fs.existsSync(file),
      statSync: (file) => fs.statSync(file),
      readdirSync: () => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
    };
    expect(selectEntry(root, broken).kind).toBe("source");
    expect(selectEntry(root).kind).toBe("compiled");
  });
});

describe("bin/salesquant.js with build-cli.js, in a copy of the repository layout", () => {
  /** A checkout whose src/cli/main.ts says which file ran; bin/ and the configs are the real ones. */
  function repository(): void {
    for (const file of ["salesquant.js", "select.js", "build-cli.js"]) write(path.join("bin", file), fs.readFileSync(path.join(ROOT, "bin", file), "utf8"));
    for (const file of ["tsconfig.json", "tsconfig.cli.json"]) write(file, fs.readFileSync(path.join(ROOT, file), "utf8"));
    write(SOURCE_MAIN, 'export async function main(argv: readonly string[]): Promise<void> {\n  process.stdout.write(`${__filename.endsWith(".js") ? "compiled" : "source"} ${argv.join(" ")}\\n`);\n}\n');
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  }

  function node(...args: string[]) {
    const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it("runs the sources before a build, the compiled CLI after it, and the sources again once src/ changes; printing nothing of its own", () => {
    repository();
    expect(node("bin/salesquant.js", "build", "--quiet")).toEqual({ status: 0, stdout: "source build --quiet\n", stderr: "" });

    expect(node("bin/build-cli.js")).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(fs.existsSync(path.join(root, COMPILED_MAIN))).toBe(true);
    expect(node("bin/salesquant.js", "build", "--quiet")).toEqual({ status: 0, stdout: "compiled build --quiet\n", stderr: "" });

    age(SOURCE_MAIN, 5);
    expect(node("bin/salesquant.js", "inspect")).toEqual({ status: 0, stdout: "source inspect\n", stderr: "" });

    expect(node("bin/build-cli.js").status).toBe(0);
    expect(node("bin/salesquant.js", "inspect").stdout).toBe("compiled inspect\n");
  });

  it("leaves no stamp when the compilation fails, so the sources run", () => {
    repository();
    write("src/cli/broken.ts", "export const n: number = 'text';\n");
    write(SOURCE_MAIN, `import "./broken";\n${fs.readFileSync(path.join(root, SOURCE_MAIN), "utf8")}`);
    expect(node("bin/build-cli.js").status).not.toBe(0);
    expect(fs.existsSync(path.join(root, STAMP))).toBe(false);
    expect(node("bin/salesquant.js", "build").stdout).toBe("source build\n");
  });
});
