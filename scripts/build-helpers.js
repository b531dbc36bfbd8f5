/**
 * Pure helpers used by webpack.config.js and by tests: the production URL rewrite and the
 * zh-CN functions metadata merge. Plain JavaScript so the build needs no TypeScript loader.
 */
const DEV_BASE_URL = "https://localhost:3000/";

/** Replaces the development base URL with `baseUrl` (which must be https and end with "/"). */
function rewriteBaseUrl(text, baseUrl) {
  let base = String(baseUrl);
  if (!/^https:\/\//.test(base)) throw new Error(`The production base URL must be https: ${base}`);
  if (!base.endsWith("/")) base += "/";
  // Full URLs take the base (with its path); bare origins (the manifest's AppDomain) its origin.
  const origin = new URL(base).origin;
  return text.split(DEV_BASE_URL).join(base).split(DEV_BASE_URL.slice(0, -1)).join(origin);
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

module.exports = { DEV_BASE_URL, rewriteBaseUrl, localizeFunctionsMetadata };
