// Preloaded into a measured child process: prints its peak resident memory when it exits.
process.on("exit", () => process.stderr.write(`maxrss-kb ${process.resourceUsage().maxRSS}\n`));
