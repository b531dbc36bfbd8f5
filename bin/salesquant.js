#!/usr/bin/env node
/*
 * The `salesquant` command. Runs the compiled CLI in build/cli (`npm run build:cli`, part of
 * `npm run build`) when it was compiled from the current sources; otherwise (a fresh clone,
 * or sources edited since) runs the TypeScript sources of src/cli through ts-node in
 * transpile-only mode (no type check at start-up), so the repository needs no build step for
 * `npx salesquant build ...`. select.js decides.
 */
"use strict";
const path = require("path");
const { selectEntry } = require("./select");

const root = path.join(__dirname, "..");
const entry = selectEntry(root);

if (entry.kind === "source") {
  require("ts-node").register({
    transpileOnly: true,
    project: path.join(root, "tsconfig.json"),
    compilerOptions: { module: "commonjs" },
  });
}

require(entry.file)
  .main(process.argv.slice(2))
  .catch((error) => {
    process.stderr.write(`salesquant: ${error && error.message ? error.message : error}\n`);
    process.exitCode = 1;
  });
