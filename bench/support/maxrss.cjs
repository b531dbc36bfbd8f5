// Preloaded into a measured child process: prints its peak resident memory when it exits.
// Linux's VmHWM (/proc/self/status) is the peak of the process's own address space. Its
// maxRSS (getrusage) is not: exec keeps the high-water mark of the image forked from the
// parent, so a child of a bench holding a million-row export read about 550 MB at rest.
// maxRSS is the fallback where /proc is missing.
const fs = require("fs");

function peakKb() {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]);
  } catch {
    // no /proc: not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => process.stderr.write(`maxrss-kb ${peakKb()}\n`));
