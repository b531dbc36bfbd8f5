/**
 * End-to-end support: build the dev bundle, serve dist/ on loopback, launch Debian's
 * Chromium through playwright-core, and read the preview grid.
 */
import { spawnSync } from "child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, statSync } from "fs";
import { createServer, Server } from "http";
import { tmpdir } from "os";
import { extname, join, normalize, resolve } from "path";
import { AddressInfo } from "net";
import { BrowserContext, chromium, Page } from "playwright-core";

export const ROOT = resolve(__dirname, "../../..");
/**
 * The end-to-end build goes to its own directory: dist/ is shared with other builds (a full
 * build cleans it), which must not pull files from under a running test.
 */
export const DIST = join(ROOT, "build/e2e-preview");
export const ARTIFACTS = join(ROOT, "artifacts");

/** Builds the task pane and preview entries (development mode) into DIST unless told to reuse it. */
export function buildPreview(): void {
  if (process.env.SALESQUANT_E2E_REUSE_DIST === "1" && existsSync(join(DIST, "preview.html"))) return;
  const result = spawnSync(process.execPath, [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "development", "--env", "only=taskpane,preview", "--output-path", DIST], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 600000,
  });
  if (result.status !== 0) throw new Error(`webpack failed:\n${result.stdout}\n${result.stderr}`);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** A static file server for the built preview on 127.0.0.1 (a free port). */
export async function serveDist(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const file = join(DIST, path === "/" ? "preview.html" : path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** Debian's Chromium, headless, with a fresh profile and no background traffic. */
export async function launchChromium(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), "salesquant-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The preview open in Chromium, served from DIST on loopback. */
export interface PreviewSession {
  server: Server;
  url: string;
  context: BrowserContext;
  page: Page;
  /** Stops the browser and the server. */
  close(): Promise<void>;
}

/**
 * Builds the preview (unless reused), serves it and opens a Chromium page on it, showing the
 * task pane (preview.html, its navigation drawn). Console
 * errors, page errors and every request to anything but loopback (aborted: no request may
 * leave the machine) are pushed to `errors`.
 */
export async function openPreview(errors: string[]): Promise<PreviewSession> {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildPreview();
  const { server, url } = await serveDist();
  const context = await launchChromium();
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
    errors.push(`blocked request to ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`${url}preview.html`);
  await page.getByTestId("nav-home").waitFor();
  return {
    server,
    url,
    context,
    page,
    close: async () => {
      await context.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** Opens a pane from the navigation and waits until it shows. */
export async function navigate(page: Page, id: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await page.getByTestId(`pane-${id}`).waitFor({ state: "visible" });
}

/** Loads the shipped sample from the Data pane and waits for the import's summary. */
export async function importSample(page: Page): Promise<void> {
  await navigate(page, "data");
  await page.getByTestId("data-sample").click();
  await page.getByTestId("import-summary").waitFor({ timeout: 60000 });
}

/** Every cell the grid shows for a sheet: A1 address -> raw computed value (data-value). */
export async function readGrid(page: Page, sheet: string): Promise<Map<string, string>> {
  const entries = await page.evaluate((prefix) => {
    const out: [string, string][] = [];
    document.querySelectorAll<HTMLElement>(`[data-testid^="${prefix}"]`).forEach((el) => {
      out.push([el.dataset.testid!.slice(prefix.length), el.dataset.value ?? ""]);
    });
    return out;
  }, `cell-${sheet}-`);
  return new Map(entries);
}

/** The address of the first cell holding exactly `text`, or undefined. */
export function findCell(grid: Map<string, string>, text: string): string | undefined {
  for (const [address, value] of grid) if (value === text) return address;
  return undefined;
}

export function splitAddress(address: string): { column: string; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { column: m[1], row: Number(m[2]) };
}
