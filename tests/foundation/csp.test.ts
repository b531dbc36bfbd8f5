/**
 * Every page's Content-Security-Policy (a meta tag in its template, which the build keeps):
 * scripts from the add-in's origin and Office's script host only (the preview: its own origin
 * only), no eval, no inline script, inline styles (Fluent UI writes them at run time), images
 * from the origin and data:, requests to the origin, no plugins, no foreign <base>.
 */
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "../..");
const OFFICE = "https://appsforoffice.microsoft.com";
const TEMPLATES: Record<string, string> = {
  taskpane: "src/taskpane/taskpane.html",
  functions: "src/functions/functions.html",
  commands: "src/commands/commands.html",
  preview: "src/preview/preview.html",
};

/** The policy of the page's CSP meta tag as directive -> sources, or null without one. */
function cspOf(html: string): Map<string, string[]> | null {
  const tags = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
  if (tags.length !== 1) return null;
  const policy = new Map<string, string[]>();
  for (const part of tags[0][1].split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

describe.each(Object.entries(TEMPLATES))("%s.html's Content-Security-Policy", (name, file) => {
  const html = fs.readFileSync(path.join(root, file), "utf8");
  const policy = cspOf(html);

  it("is one meta tag, before any script or style", () => {
    expect(policy).not.toBeNull();
    const at = html.search(/<meta\s+http-equiv="Content-Security-Policy"/i);
    for (const tag of ["<script", "<style", "<link"]) {
      const first = html.indexOf(tag);
      if (first >= 0) expect(at).toBeLessThan(first);
    }
  });

  it("allows scripts from the add-in and Office's script host only, never eval or inline", () => {
    const scripts = policy!.get("script-src")!;
    expect(scripts).toEqual(name === "preview" ? ["'self'"] : ["'self'", OFFICE]);
  });

  it("restricts everything else to the add-in's origin", () => {
    expect(policy!.get("default-src")).toEqual(["'self'"]);
    expect(policy!.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy!.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy!.get("connect-src")).toEqual(["'self'"]);
    expect(policy!.get("object-src")).toEqual(["'none'"]);
    expect(policy!.get("base-uri")).toEqual(["'self'"]);
    for (const sources of policy!.values()) {
      for (const source of sources) expect(source).not.toMatch(/^\*|^https?:$|^http:|unsafe-eval/);
    }
  });

  it("loads remote scripts only from hosts the policy allows", () => {
    const remote = [...html.matchAll(/<script[^>]*\ssrc="(https?:[^"]+)"/g)].map((m) => new URL(m[1]).origin);
    for (const origin of remote) expect(policy!.get("script-src")).toContain(origin);
    if (name === "preview") expect(remote).toEqual([]);
  });
});

describe("builds under that policy", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpackConfig = require("../../webpack.config.js");

  it("use no eval-based source maps (script-src has no 'unsafe-eval'), in development too", () => {
    expect(webpackConfig({}, { mode: "development" }).devtool).not.toMatch(/eval/);
    expect(webpackConfig({ allowLocalhost: true }, { mode: "production" }).devtool).not.toMatch(/eval/);
  });
});
