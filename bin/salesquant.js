#!/usr/bin/env node
/*
 * The `salesquant` command. Runs the TypeScript sources of src/cli through ts-node in
 * transpile-only mode (no type check at start-up), so the repository needs no build step
 * for `npx salesquant build ...`.
 */
"use strict";
const path = require("path");

require("ts-node").register({
  transpileOnly: true,
  project: path.join(__dirname, "..", "tsconfig.json"),
  compilerOptions: { module: "commonjs" },
});

require(path.join(__dirname, "..", "src", "cli", "main.ts"))
  .main(process.argv.slice(2))
  .catch((error) => {
    process.stderr.write(`salesquant: ${error && error.message ? error.message : error}\n`);
    process.exitCode = 1;
  });
