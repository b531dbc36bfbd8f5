/**
 * `salesquant build ... | head -1`: the reader closes the pipe after the first line; the
 * build still succeeds, with no stack trace.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

it("finishes with exit 0 when the reader of its output stops early", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "salesquant-pipe-"));
  try {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "salesquant.js"), "build", "--input", path.join(ROOT, "samples", "zoho-deals-sample.csv"), "--out", path.join(dir, "x.xlsx")], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60000);
