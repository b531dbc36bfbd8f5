/**
 * The manifest: valid against the Office schemas in schemas/office (xmllint), resource ids defined
 * and short enough, https everywhere, icons present at the sizes named, and the build's
 * production URL rewrite.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteBaseUrl } = require("../../scripts/build-helpers");

const root = path.resolve(__dirname, "../..");
const schemas = process.env.OFFICE_SCHEMAS ?? path.join(root, "schemas", "office");
const manifestPath = path.join(root, "manifest.xml");
const manifest = fs.readFileSync(manifestPath, "utf8");

function xmllint(file: string): string {
  return execFileSync(
    "xmllint",
    ["--noout", "--schema", path.join(schemas, "OfficeAppManifestV1_1.xsd"), file],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}

describe("manifest.xml", () => {
  it("is valid against the Office manifest schema", () => {
    expect(() => xmllint(manifestPath)).not.toThrow();
  });

  it("is still valid after the production URL rewrite", () => {
    const rewritten = rewriteBaseUrl(manifest, "https://sales.example.com/addin/");
    expect(rewritten).not.toContain("localhost");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
    fs.writeFileSync(file, rewritten);
    expect(() => xmllint(file)).not.toThrow();
  });

  it("refuses a production base URL that is not https", () => {
    expect(() => rewriteBaseUrl(manifest, "http://sales.example.com/")).toThrow(/https/);
  });

  it("defines every resource id it references, each at most 32 characters", () => {
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const referenced = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    expect(referenced.size).toBeGreaterThan(5);
    for (const id of referenced) expect(defined).toContain(id);
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("uses https for every URL", () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    for (const m of manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)) expect(m[1]).toMatch(/^https:\/\//);
  });

  it("names icons that exist at the sizes it declares", () => {
    for (const m of manifest.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)) {
      const file = path.join(root, m[1]);
      expect(fs.existsSync(file)).toBe(true);
      const size = Number(/-(\d+)\.png$/.exec(m[1])![1]);
      const png = fs.readFileSync(file);
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
    for (const size of [16, 32, 64, 80]) expect(fs.existsSync(path.join(root, `assets/icon-${size}.png`))).toBe(true);
  });

  it("offers the display name, description and ribbon labels in zh-CN", () => {
    for (const element of ["DisplayName", "Description"]) {
      expect(manifest).toMatch(new RegExp(`<${element} DefaultValue="[^"]+">\\s*<Override Locale="zh-CN"`));
    }
    for (const id of ["Group.Label", "OpenPane.Label", "NewFunnel.Label", "OpenPane.Tooltip"]) {
      expect(manifest).toMatch(new RegExp(`id="${id.replace(".", "\\.")}"[^>]*>\\s*<bt:Override Locale="zh-CN"`));
    }
  });

  it("declares SALES custom functions in the JavaScript-only runtime with zh-CN metadata", () => {
    expect(manifest).toContain('xsi:type="CustomFunctions"');
    expect(manifest).toMatch(/id="Functions.Namespace" DefaultValue="SALES"/);
    expect(manifest).toMatch(/functions\.json">\s*<bt:Override Locale="zh-CN" Value="[^"]+functions\.zh-CN\.json"/);
    // No shared runtime: the functions have their own page and script.
    expect(manifest).not.toContain("SharedRuntime");
  });
});
