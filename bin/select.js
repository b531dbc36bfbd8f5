/*
 * Which entry `bin/salesquant.js` runs: the compiled CLI (build/cli, written by
 * `npm run build:cli`) when it exists and was compiled from the sources exactly as they are
 * now, else the TypeScript sources through ts-node (no build step needed).
 *
 * "As they are now" is a fingerprint of the inputs of the compilation: the path, size and
 * modification time of every file and folder under src/, and of tsconfig.json and
 * tsconfig.cli.json. build-cli.js records it in build/cli/sources.stamp; any edit, new,
 * deleted or renamed file since then changes it (a folder's time changes when its entries
 * do), and the compiled output is not used. Walking src/ costs a few milliseconds.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

/** Paths relative to the repository root. */
const COMPILED_MAIN = path.join("build", "cli", "cli", "main.js");
const SOURCE_MAIN = path.join("src", "cli", "main.ts");
const STAMP = path.join("build", "cli", "sources.stamp");
const SOURCE_DIR = "src";
const CONFIG_FILES = ["tsconfig.json", "tsconfig.cli.json"];

function describe(fsApi, root, relative, lines) {
  const stat = fsApi.statSync(path.join(root, relative));
  lines.push(`${relative.split(path.sep).join("/")}\0${stat.isDirectory() ? "d" : "f"}\0${stat.size}\0${stat.mtimeMs}`);
  return stat;
}

function walk(fsApi, root, relative, lines) {
  if (!describe(fsApi, root, relative, lines).isDirectory()) return;
  const names = fsApi.readdirSync(path.join(root, relative)).sort();
  for (const name of names) walk(fsApi, root, path.join(relative, name), lines);
}

/** The fingerprint of the compilation's inputs under `root` (throws when src/ cannot be read). */
function fingerprint(root, fsApi = fs) {
  const lines = [];
  for (const file of CONFIG_FILES) {
    try {
      describe(fsApi, root, file, lines);
    } catch {
      lines.push(`${file}\0missing`);
    }
  }
  walk(fsApi, root, SOURCE_DIR, lines);
  return crypto.createHash("sha256").update(lines.join("\n")).digest("hex");
}

/**
 * `{ kind: "compiled", file }` when build/cli holds a compilation of the current sources,
 * else `{ kind: "source", file }` (the TypeScript entry, for ts-node). Never throws.
 */
function selectEntry(root, fsApi = fs) {
  try {
    const compiled = path.join(root, COMPILED_MAIN);
    const stamp = fsApi.readFileSync(path.join(root, STAMP), "utf8").trim();
    if (stamp !== "" && fsApi.existsSync(compiled) && stamp === fingerprint(root, fsApi)) {
      return { kind: "compiled", file: compiled };
    }
  } catch {
    // No build, or sources that cannot be read: ts-node, as without a build.
  }
  return { kind: "source", file: path.join(root, SOURCE_MAIN) };
}

module.exports = { COMPILED_MAIN, SOURCE_MAIN, STAMP, fingerprint, selectEntry };
