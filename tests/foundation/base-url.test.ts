/**
 * The production base URL (scripts/build-helpers.js, webpack.config.js): validated (https, no
 * credentials, a real URL, no query or fragment, ends with "/"), escaped for the file it goes
 * into (XML for the manifest, JSON for the functions metadata), and required by a production
 * build unless the build opts into a localhost manifest (`npm run build`, for tests and CI).
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

/* eslint-disable @typescript-eslint/no-require-imports */
const { validateBaseUrl, xmlEscape, rewriteBaseUrl, rewriteManifest, rewriteJson, resolveBaseUrl, DEV_BASE_URL } = require("../../scripts/build-helpers");
const webpackConfig = require("../../webpack.config.js");
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const schemas = process.env.OFFICE_SCHEMAS ?? path.join(root, "schemas", "office");

describe("validateBaseUrl", () => {
  it.each([
    ["https://addin.example.com/salesquant/", "https://addin.example.com/salesquant/"],
    ["https://addin.example.com/salesquant", "https://addin.example.com/salesquant/"],
    ["https://addin.example.com", "https://addin.example.com/"],
    ["https://Addin.Example.com:8443/a&b/", "https://addin.example.com:8443/a&b/"],
    ["  https://addin.example.com/x/  ", "https://addin.example.com/x/"],
  ])("accepts %s as %s", (raw, expected) => {
    expect(validateBaseUrl(raw)).toBe(expected);
  });

  it.each([
    ["http://addin.example.com/", /https/],
    ["ftp://addin.example.com/", /https/],
    ["https://user:pass@addin.example.com/", /user name or password/],
    ["https://user@addin.example.com/", /user name or password/],
    ["not a url", /not a URL/],
    ["https://", /not a URL/],
    ["", /empty/],
    ["https://addin.example.com/?a=1", /query or fragment/],
    ["https://addin.example.com/#top", /query or fragment/],
  ])("refuses %s", (raw, message) => {
    expect(() => validateBaseUrl(raw)).toThrow(message);
  });
});

describe("escaping the base URL", () => {
  it("escapes XML's special characters", () => {
    expect(xmlEscape(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
  });

  it("writes a manifest that stays valid XML and schema-valid with & in the base URL", () => {
    const base = "https://sales.example.com/a&b/";
    const rewritten = rewriteManifest(manifest, base);
    expect(rewritten.replace(/<!--[\s\S]*?-->/g, "")).not.toContain("localhost");
    expect(rewritten).toContain('DefaultValue="https://sales.example.com/a&amp;b/taskpane.html"');
    expect(rewritten).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#)/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
    fs.writeFileSync(file, rewritten);
    expect(() =>
      execFileSync("xmllint", ["--noout", "--schema", path.join(schemas, "OfficeAppManifestV1_1.xsd"), file], { stdio: ["ignore", "pipe", "pipe"] }),
    ).not.toThrow();
  });

  it("leaves the manifest's comments alone, so a -- in the base URL cannot end one early", () => {
    const xml = "<!-- Development URLs point at https://localhost:3000/ --><a v=\"https://localhost:3000/x\"/>";
    expect(rewriteManifest(xml, "https://sales.example.com/a--b/")).toBe(
      "<!-- Development URLs point at https://localhost:3000/ --><a v=\"https://sales.example.com/a--b/x\"/>",
    );
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
    fs.writeFileSync(file, rewriteManifest(manifest, "https://sales.example.com/a--b/"));
    expect(() => execFileSync("xmllint", ["--noout", file], { stdio: ["ignore", "pipe", "pipe"] })).not.toThrow();
  });

  it("writes functions metadata that stays JSON with the base URL in it", () => {
    const json = JSON.stringify({ helpUrl: `${DEV_BASE_URL}help/functions.html` });
    const base = "https://sales.example.com/it's/";
    expect(JSON.parse(rewriteJson(json, base)).helpUrl).toBe(`${base}help/functions.html`);
  });

  it("rewrites full URLs with the base and bare origins with its origin", () => {
    const text = `<AppDomain>https://localhost:3000</AppDomain><x v="https://localhost:3000/taskpane.html"/>`;
    expect(rewriteBaseUrl(text, "https://a.example.com/p/")).toBe(
      `<AppDomain>https://a.example.com</AppDomain><x v="https://a.example.com/p/taskpane.html"/>`,
    );
  });

  it("validates the base URL it rewrites with", () => {
    expect(() => rewriteManifest(manifest, "https://u:p@sales.example.com/")).toThrow(/user name or password/);
  });
});

describe("the base URL a build uses", () => {
  it("is localhost for a development build without one", () => {
    expect(resolveBaseUrl({ production: false })).toBe(DEV_BASE_URL);
  });

  it("is the given one, validated, for any build", () => {
    expect(resolveBaseUrl({ production: true, given: "https://a.example.com/x" })).toBe("https://a.example.com/x/");
    expect(() => resolveBaseUrl({ production: false, given: "http://a.example.com/" })).toThrow(/https/);
  });

  it("is required by a production build, unless it opts into a localhost manifest", () => {
    expect(() => resolveBaseUrl({ production: true })).toThrow(/SALESQUANT_BASE_URL/);
    expect(() => resolveBaseUrl({ production: true, given: "" })).toThrow(/SALESQUANT_BASE_URL/);
    expect(resolveBaseUrl({ production: true, allowLocalhost: true })).toBe(DEV_BASE_URL);
  });

  describe("webpack.config.js", () => {
    const saved = process.env.SALESQUANT_BASE_URL;
    beforeEach(() => delete process.env.SALESQUANT_BASE_URL);
    afterAll(() => {
      if (saved === undefined) delete process.env.SALESQUANT_BASE_URL;
      else process.env.SALESQUANT_BASE_URL = saved;
    });

    it("fails a production build without SALESQUANT_BASE_URL", () => {
      expect(() => webpackConfig({}, { mode: "production" })).toThrow(/SALESQUANT_BASE_URL/);
    });

    it("builds for production with SALESQUANT_BASE_URL, or with the localhost opt-in npm run build uses", () => {
      process.env.SALESQUANT_BASE_URL = "https://a.example.com/x/";
      expect(webpackConfig({}, { mode: "production" }).mode).toBe("production");
      delete process.env.SALESQUANT_BASE_URL;
      const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
      try {
        expect(webpackConfig({ allowLocalhost: true }, { mode: "production" }).mode).toBe("production");
        expect(warn).toHaveBeenCalledWith(expect.stringContaining("localhost"));
      } finally {
        warn.mockRestore();
      }
      const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
      expect(pkg.scripts.build).toMatch(/--env allowLocalhost\b/);
    });

    it("refuses an invalid SALESQUANT_BASE_URL", () => {
      process.env.SALESQUANT_BASE_URL = "https://a.example.com/?q=1";
      expect(() => webpackConfig({}, { mode: "production" })).toThrow(/query or fragment/);
    });
  });
});
