/**
 * The `salesquant` command: `salesquant build --input FILE --out FILE.xlsx` writes the workbook,
 * `salesquant inspect --input FILE` says how the export is read.
 * See `salesquant --help` and docs/cli.md.
 */
import { processIO, runCli } from "./run";

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // A reader that stops early (`salesquant build ... | head -1`) closes the pipe: the rest of
  // the summary has nowhere to go, which is no reason to fail the build.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  const code = await runCli(argv, processIO);
  process.exitCode = code;
}

if (require.main === module) void main();
