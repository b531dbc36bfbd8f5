/**
 * The dev server (scripts/serve.js, used by `npm start`): hostile paths get 400 or 404 and never
 * take the server down, only files under the served folder are read (no sibling folder whose name
 * starts the same, no symlink out of it), and responses carry no wildcard CORS. Each test runs
 * its own server on a free loopback port over a temporary folder.
 */
import { spawn } from "child_process";
import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import type { AddressInfo } from "net";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveHttp, OFFICE_ORIGIN } = require("../../scripts/serve");

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let top: string;
let dist: string;
let server: http.Server;
let port: number;

/** One request with the path sent exactly as given (no client-side normalisation). */
function request(rawPath: string, options: { method?: string; headers?: http.OutgoingHttpHeaders } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: rawPath, method: options.method ?? "GET", headers: options.headers, agent: false, timeout: 5000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timed out: ${rawPath}`)));
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  top = fs.mkdtempSync(path.join(os.tmpdir(), "sq-serve-"));
  dist = path.join(top, "dist");
  fs.mkdirSync(path.join(dist, "assets"), { recursive: true });
  fs.writeFileSync(path.join(dist, "taskpane.html"), "<!doctype html><p>pane</p>");
  fs.writeFileSync(path.join(dist, "functions.json"), '{"functions":[]}');
  fs.writeFileSync(path.join(dist, "assets", "a b.txt"), "spaced");
  fs.mkdirSync(path.join(top, "dist-other"));
  fs.writeFileSync(path.join(top, "dist-other", "secret.txt"), "SECRET");
  fs.writeFileSync(path.join(top, "outside.txt"), "SECRET");
  fs.symlinkSync(path.join(top, "dist-other", "secret.txt"), path.join(dist, "escape.txt"));
  fs.symlinkSync(path.join(top, "dist-other"), path.join(dist, "escape-dir"));
  fs.symlinkSync(path.join(dist, "taskpane.html"), path.join(dist, "inside-link.html"));
  ({ server } = await serveHttp(dist, 0));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server?.closeAllConnections?.();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  fs.rmSync(top, { recursive: true, force: true });
});

describe("scripts/serve.js", () => {
  it("serves files under the folder", async () => {
    const page = await request("/taskpane.html");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain("pane");
    expect((await request("/assets/a%20b.txt")).body).toBe("spaced");
    expect((await request("/taskpane.html?x=1#y")).status).toBe(200);
    expect((await request("/inside-link.html")).status).toBe(200);
  });

  it.each([
    ["/%00", 400],
    ["/taskpane.html%00.png", 400],
    ["/%E0%A4%A", 400],
    ["/%", 400],
    ["/..%2fdist-other%2fsecret.txt", 404],
    ["/../dist-other/secret.txt", 404],
    ["/..%2f..%2f..%2f..%2fetc%2fpasswd", 404],
    ["/%2e%2e/outside.txt", 404],
    ["/..%5coutside.txt", 404],
    ["/escape.txt", 404],
    ["/escape-dir/secret.txt", 404],
    ["/missing.html", 404],
    ["/assets", 404],
    ["//outside.txt", 404],
  ])("answers %s with %i and keeps serving", async (rawPath, status) => {
    const reply = await request(rawPath);
    expect(reply.status).toBe(status);
    expect(reply.body).not.toContain("SECRET");
    expect((await request("/taskpane.html")).status).toBe(200);
  });

  it("answers a request that is not a path with 400", async () => {
    expect((await request("*")).status).toBe(400);
    expect((await request("/taskpane.html")).status).toBe(200);
  });

  it("serves GET and HEAD only", async () => {
    const head = await request("/taskpane.html", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    const post = await request("/taskpane.html", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("sends no wildcard CORS and no CORS at all to other origins", async () => {
    for (const file of ["/taskpane.html", "/functions.json"]) {
      const reply = await request(file, { headers: { Origin: "https://evil.example" } });
      expect(reply.status).toBe(200);
      expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
    }
    expect((await request("/functions.json")).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("lets Excel on the web read the functions metadata, and nothing else", async () => {
    const origin = "https://excel.officeapps.live.com";
    expect(OFFICE_ORIGIN.test(origin)).toBe(true);
    for (const bad of ["https://excel.officeapps.live.com.evil.example", "http://excel.officeapps.live.com", "https://evilofficeapps.live.com", "null"]) {
      expect(OFFICE_ORIGIN.test(bad)).toBe(false);
    }
    const metadata = await request("/functions.json", { headers: { Origin: origin } });
    expect(metadata.headers["access-control-allow-origin"]).toBe(origin);
    expect(metadata.headers.vary).toMatch(/Origin/);
    const page = await request("/taskpane.html", { headers: { Origin: origin } });
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("survives hostile requests in a process of its own (an uncaught error would end it)", async () => {
    const script = `require(${JSON.stringify(path.resolve(__dirname, "../../scripts/serve.js"))})
      .serveHttp(${JSON.stringify(dist)}, 0).then(({ url }) => console.log(url));`;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    const ownPort = port;
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the server did not start")), 10000);
        child.stdout.on("data", (d: Buffer) => {
          clearTimeout(timer);
          resolve(d.toString().trim());
        });
        child.on("exit", (code) => reject(new Error(`the server exited with ${code}`)));
      });
      port = Number(new URL(url).port);
      for (const raw of ["/%00", "/%E0%A4%A", "/..%2fdist-other%2fsecret.txt"]) {
        await request(raw).catch(() => undefined);
      }
      expect(child.exitCode).toBeNull();
      expect((await request("/taskpane.html")).status).toBe(200);
    } finally {
      port = ownPort;
      child.kill();
    }
  });

  it("tells browsers not to sniff types", async () => {
    expect((await request("/taskpane.html")).headers["x-content-type-options"]).toBe("nosniff");
  });
});
