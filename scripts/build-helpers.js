/**
 * Pure helpers used by webpack.config.js and by tests: the production base URL (validated,
 * escaped for the manifest's XML and the metadata's JSON) and the zh-CN functions metadata merge. Plain JavaScript so the build needs no TypeScript loader.
 */
const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Checks a production base URL and returns it normalised (as the WHATWG URL parser writes it,
 * with a final "/"): it must parse as a URL, be https, carry no user name or password, and have
 * no query or fragment (file names are appended to it). Throws a message naming the problem.
 */
function validateBaseUrl(raw) {
  const text = String(raw ?? "").trim();
  if (!text) throw new Error("The production base URL is empty.");
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`The production base URL is not a URL: ${text}`);
  }
  if (url.protocol !== "https:") throw new Error(`The production base URL must be https: ${text}`);
  if (url.username || url.password) {
    throw new Error("The production base URL must not carry a user name or password (user:pass@).");
  }
  if (/[?#]/.test(text)) throw new Error(`The production base URL must not have a query or fragment: ${text}`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** Escapes text for an XML attribute value or element content. */
function xmlEscape(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);
}

/** Escapes text for the inside of a JSON string. */
function jsonEscape(text) {
  return JSON.stringify(String(text)).slice(1, -1);
}

/**
 * Replaces the development base URL with `baseUrl` (validated by validateBaseUrl). Full URLs
 * take the base (with its path); bare origins (the manifest's AppDomain) its origin. `escape`
 * writes the replacement for the file it goes into (xmlEscape, jsonEscape); none by default.
 */
function rewriteBaseUrl(text, baseUrl, escape = (s) => s) {
  const base = validateBaseUrl(baseUrl);
  const origin = new URL(base).origin;
  return text
    .split(DEV_BASE_URL)
    .join(escape(base))
    .split(DEV_BASE_URL.slice(0, -1))
    .join(escape(origin));
}

/**
 * The manifest (XML) with the production base URL, escaped. Comments are left alone: they speak
 * of the development URL, and a "--" in a base URL would end an XML comment early.
 */
function rewriteManifest(xml, baseUrl) {
  validateBaseUrl(baseUrl);
  return xml
    .split(/(<!--[\s\S]*?-->)/)
    .map((part) => (part.startsWith("<!--") ? part : rewriteBaseUrl(part, baseUrl, xmlEscape)))
    .join("");
}

/** Functions metadata (JSON text) with the production base URL, escaped. */
function rewriteJson(json, baseUrl) {
  return rewriteBaseUrl(json, baseUrl, jsonEscape);
}

/**
 * The base URL a build writes into the manifest and the functions metadata:
 *   - `given` (--env baseUrl or SALESQUANT_BASE_URL), validated, whenever there is one;
 *   - else localhost for a development build;
 *   - else, for a production build, an error: a production manifest pointing at localhost is
 *     useless to users, so it takes an explicit opt-in (`allowLocalhost`, which `npm run build`
 *     passes for tests and CI) and a warning.
 */
function resolveBaseUrl({ production, given, allowLocalhost = false }) {
  if (given !== undefined && given !== null && String(given).trim() !== "") return validateBaseUrl(given);
  if (!production) return DEV_BASE_URL;
  if (allowLocalhost) {
    console.warn(
      `SalesQuant: production build for local use: manifest.xml points at ${DEV_BASE_URL}. ` +
        "Set SALESQUANT_BASE_URL=https://your.host/path/ to build for hosting.",
    );
    return DEV_BASE_URL;
  }
  throw new Error(
    "A production build needs the address it will be hosted at: set SALESQUANT_BASE_URL=https://your.host/path/ " +
      "(or --env baseUrl=...). `npm run build` builds with a localhost manifest for local testing.",
  );
}

/**
 * Builds the zh-CN functions metadata from the en-US one: same ids, names and parameter
 * names and types; descriptions from the catalog. Throws when the catalog misses an id or
 * a parameter, so an untranslated function cannot ship.
 */
function localizeFunctionsMetadata(en, catalog) {
  const missing = [];
  const functions = en.functions.map((fn) => {
    const entry = catalog[fn.id];
    if (!entry || !entry.description) {
      missing.push(fn.id);
      return fn;
    }
    const parameters = (fn.parameters || []).map((p) => {
      const text = entry.parameters && entry.parameters[p.name];
      if (!text) missing.push(`${fn.id}(${p.name})`);
      return { ...p, description: text || p.description };
    });
    const out = { ...fn, description: entry.description, parameters };
    if (entry.result && fn.result) out.result = { ...fn.result, description: entry.result };
    return out;
  });
  if (missing.length) {
    throw new Error(`src/i18n/functions-zh-CN.json lacks zh-CN text for: ${missing.join(", ")}`);
  }
  return { ...en, functions };
}

module.exports = {
  DEV_BASE_URL,
  validateBaseUrl,
  xmlEscape,
  jsonEscape,
  rewriteBaseUrl,
  rewriteManifest,
  rewriteJson,
  resolveBaseUrl,
  localizeFunctionsMetadata,
};
