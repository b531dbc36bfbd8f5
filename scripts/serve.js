/**
 * A small static file server for dist/ (no dependencies): used by `npm start`. Serves on
 * loopback only.
 *
 * Only regular files under the served folder are read: the decoded path is resolved and must
 * stay inside the folder (path.relative, so a sibling such as dist-other/ is outside), and so must
 * its real path (a symlink may not lead out). Malformed percent-encoding or a NUL is 400,
 * anything else not served is 404, a method other than GET or HEAD is 405. No request can throw
 * out of the handler: an unexpected error is a 500, and the server keeps serving.
 *
 * CORS: none, except that Excel on the web (an OFFICE_ORIGIN) may read the custom functions
 * metadata (functions.json, functions.zh-CN.json), which Office fetches from its own origin.
 * Every other file is same-origin only: another web page cannot read what this server serves.
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

/** Origins of Office on the web (https only, the exact domains or their subdomains). */
const OFFICE_ORIGIN = /^https:\/\/([a-z0-9-]+\.)*(officeapps\.live\.com|office\.com|office365\.com|microsoft365\.com|cloud\.microsoft)$/;

/** Files Office on the web fetches cross-origin: the custom functions metadata. */
const CROSS_ORIGIN_FILES = new Set(["functions.json", "functions.zh-CN.json"]);

/** True when `file` is `dir` itself or inside it (not a sibling that merely shares its prefix). */
function inside(dir, file) {
  const rel = path.relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** The request's path decoded, or null when it is not a path or is malformed (bad %-encoding, NUL). */
function requestPath(rawUrl) {
  const raw = String(rawUrl || "").split(/[?#]/)[0];
  if (!raw.startsWith("/")) return null;
  let decoded;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return decoded.includes("\0") ? null : decoded;
}

/** The real path of the regular file to serve for `decoded`, or null (404). */
async function resolveFile(base, decoded) {
  let file = path.resolve(base, "." + path.sep + decoded);
  if (!inside(base, file)) return null;
  const realBase = await fs.promises.realpath(base);
  for (let attempt = 0; attempt < 2; attempt++) {
    let real;
    try {
      real = await fs.promises.realpath(file);
    } catch {
      return null;
    }
    if (!inside(realBase, real)) return null;
    const stat = await fs.promises.stat(real);
    if (stat.isFile()) return real;
    if (!stat.isDirectory()) return null;
    file = path.join(real, "index.html");
  }
  return null;
}

function send(res, status, headers = {}, body = "") {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", ...headers });
  res.end(body);
}

function handler(root) {
  const base = path.resolve(root);
  const text = { "Content-Type": "text/plain; charset=utf-8" };
  const serve = async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, { ...text, Allow: "GET, HEAD" }, "Method not allowed");
      return;
    }
    const decoded = requestPath(req.url);
    if (decoded === null) {
      send(res, 400, text, "Bad request");
      return;
    }
    const file = await resolveFile(base, decoded);
    if (!file) {
      send(res, 404, text, "Not found");
      return;
    }
    const data = await fs.promises.readFile(file);
    const headers = { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" };
    if (CROSS_ORIGIN_FILES.has(path.basename(file))) {
      headers.Vary = "Origin";
      const origin = req.headers.origin;
      if (origin && OFFICE_ORIGIN.test(origin)) headers["Access-Control-Allow-Origin"] = origin;
    }
    send(res, 200, headers, req.method === "HEAD" ? "" : data);
  };
  return (req, res) => {
    try {
      serve(req, res).catch(() => send(res, 500, text, "Server error"));
    } catch {
      send(res, 500, text, "Server error");
    }
  };
}

/** A malformed request line never reaches the handler: answer 400 and drop the connection. */
function hardened(server) {
  server.on("clientError", (err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  return server;
}

/** Serves `root` over http on 127.0.0.1:`port` (0 = any free port). Resolves to { server, url }. */
function serveHttp(root, port = 0) {
  return new Promise((resolve, reject) => {
    const server = hardened(http.createServer(handler(root)));
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => {
      resolve({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}

/** Serves `root` over https on localhost:`port` with the given key and certificate. */
function serveHttps(root, port, tls) {
  return new Promise((resolve, reject) => {
    const server = hardened(https.createServer(tls, handler(root)));
    server.on("error", reject);
    server.listen(port, "localhost", () => resolve({ server, url: `https://localhost:${port}/` }));
  });
}

module.exports = { serveHttp, serveHttps, OFFICE_ORIGIN };
