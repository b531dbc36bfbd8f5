/**
 * npm start: builds the add-in (development mode) and serves dist/
 *   - over https on https://localhost:3000/ for sideloading into Excel (manifest.xml points there);
 *   - over http on http://127.0.0.1:3001/ for the browser preview (no Excel needed).
 * Certificates: the Office dev certificates when installed (`npx office-addin-dev-certs install`,
 * in ~/.office-addin-dev-certs), else a self-signed one made with openssl into .cert/.
 */
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { serveHttp, serveHttps } = require("./serve");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");

function certificates() {
  const officeDir = path.join(os.homedir(), ".office-addin-dev-certs");
  const office = { key: path.join(officeDir, "localhost.key"), cert: path.join(officeDir, "localhost.crt") };
  if (fs.existsSync(office.key) && fs.existsSync(office.cert)) {
    return { key: fs.readFileSync(office.key), cert: fs.readFileSync(office.cert), source: "Office dev certificates" };
  }
  const dir = path.join(root, ".cert");
  const key = path.join(dir, "localhost.key");
  const cert = path.join(dir, "localhost.crt");
  if (!fs.existsSync(cert)) {
    fs.mkdirSync(dir, { recursive: true });
    const r = spawnSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "365",
       "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
      { stdio: "ignore" },
    );
    if (r.status !== 0) return null;
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), source: "a self-signed certificate in .cert/" };
}

async function main() {
  if (!process.argv.includes("--no-build")) {
    console.log("Building the add-in (development mode)...");
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "development"], {
      cwd: root,
      stdio: "inherit",
    });
  }
  const preview = await serveHttp(dist, Number(process.env.PREVIEW_PORT || 3001));
  const tls = certificates();
  let addin = null;
  if (tls) {
    try {
      addin = await serveHttps(dist, Number(process.env.PORT || 3000), tls);
    } catch (e) {
      console.warn(`Could not serve https on port 3000: ${e.message}`);
    }
  }
  console.log("");
  console.log("SalesQuant is running.");
  console.log(`  Browser preview (no Excel needed):  ${preview.url}preview.html`);
  console.log(`  Sample CRM export to import:        samples/ in this repository`);
  if (addin) {
    console.log(`  Add-in for Excel (${tls.source}): ${addin.url}taskpane.html`);
    console.log("");
    console.log("Next steps with Excel:");
    console.log("  - Excel desktop: `npm run sideload` (trust the certificate first: `npx office-addin-dev-certs install`).");
    console.log("  - Excel on the web: Insert > Add-ins > Upload My Add-in > choose manifest.xml.");
  } else {
    console.log("  (https on localhost:3000 is not available: install openssl or the Office dev certificates.)");
  }
  console.log("Press Ctrl+C to stop.");
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
