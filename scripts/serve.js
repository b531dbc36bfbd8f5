/**
 * A small static file server for dist/ (no dependencies): used by `npm start` and by the
 * end-to-end tests. Serves on loopback only.
 */
const fs = require("fs");
const path = require("path");
const http = require("http");
const https = require("https");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".map": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function handler(root) {
  const base = path.resolve(root);
  return (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let file = path.resolve(base, "." + decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "no-store",
      });
      res.end(data);
    });
  };
}

/** Serves `root` over http on 127.0.0.1:`port` (0 = any free port). Resolves to { server, url }. */
function serveHttp(root, port = 0) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler(root));
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => {
      resolve({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}

/** Serves `root` over https on localhost:`port` with the given key and certificate. */
function serveHttps(root, port, tls) {
  return new Promise((resolve, reject) => {
    const server = https.createServer(tls, handler(root));
    server.on("error", reject);
    server.listen(port, "localhost", () => resolve({ server, url: `https://localhost:${port}/` }));
  });
}

module.exports = { serveHttp, serveHttps };
