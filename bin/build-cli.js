#!/usr/bin/env node
/*
 * `npm run build:cli`: compiles the command line (src/cli/main.ts and what it imports) with
 * tsconfig.cli.json into build/cli, then writes build/cli/sources.stamp, the fingerprint of the
 * sources it compiled (see select.js), which tells bin/salesquant.js the output is current.
 * The fingerprint is taken before compiling: a source edited during the compilation leaves a
 * stamp that no longer matches, so that output is never used.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { STAMP, fingerprint } = require("./select");

const root = path.join(__dirname, "..");
const outDir = path.join(root, "build", "cli");

fs.rmSync(outDir, { recursive: true, force: true });
const before = fingerprint(root);
const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")], {
  cwd: root,
  stdio: "inherit",
});
if (tsc.status !== 0) {
  process.exitCode = tsc.status ?? 1;
} else {
  fs.writeFileSync(path.join(root, STAMP), `${before}\n`);
  if (fingerprint(root) !== before) {
    process.stderr.write("build:cli: src/ changed while compiling; bin/salesquant.js keeps using ts-node until build:cli runs again.\n");
  }
}
