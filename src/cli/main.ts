/**
 * The `salesquant` command: `salesquant build --input FILE --out FILE.xlsx`.
 * See `salesquant --help` and docs/cli.md.
 */
import { processIO, runCli } from "./run";

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const code = await runCli(argv, processIO);
  process.exitCode = code;
}

if (require.main === module) void main();
