/**
 * npm run bench: runs every bench/*.bench.ts in turn. Each prints ratios measured in this
 * one run against a baseline (the native formula, the raw parser...), not bare times.
 */
import fs from "fs";
import path from "path";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  for (const file of files) {
    console.log(`\n=== ${file.replace(".bench.ts", "")} ===`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file));
    await mod.default();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
