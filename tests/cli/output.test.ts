import { HELP_TEXT } from "../../src/cli/args";
import { clip, errorText, escapeControls, guardOutput, LINE_LIMIT, printable } from "../../src/cli/output";
import { BuildDependencies, EXIT, loadBuildDependencies, runCli } from "../../src/cli/run";
import { fakeCliIO } from "../support/cliIO";

/** Characters a terminal would act on, as listed in docs/cli.md (written out here, not imported). */
const TERMINAL_CONTROL = /[\x00-\x1f\x7f\x80-\x9f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069]/;
const ELLIPSIS = "\u2026";

const fakeIO = fakeCliIO;

/** The real composition, a writer that writes nothing. */
function deps(): BuildDependencies {
  return { planWorkbook: loadBuildDependencies().planWorkbook, writeXlsx: async () => new Uint8Array([1]) };
}

function expectSafe(lines: string[]): void {
  for (const line of lines) {
    expect(line).not.toMatch(TERMINAL_CONTROL);
    expect(line.length).toBeLessThanOrEqual(LINE_LIMIT * 6);
  }
}

describe("clip, escapeControls, printable", () => {
  it("clips to the limit with an ellipsis, and leaves short text alone", () => {
    expect(clip("abc", 5)).toBe("abc");
    expect(clip("abcde", 5)).toBe("abcde");
    expect(clip("abcdef", 5)).toBe(`abcd${ELLIPSIS}`);
    const long = clip("x".repeat(50_000_000));
    expect(long).toBe(`${"x".repeat(199)}${ELLIPSIS}`);
    // never half a surrogate pair: "😀" is two UTF-16 units
    expect(clip("ab😀cd", 4)).toBe(`ab${ELLIPSIS}`);
  });

  it("escapes C0, DEL, C1 and the bidirectional overrides and isolates visibly", () => {
    expect(escapeControls("a\x1b[2Jb")).toBe("a\\x1b[2Jb");
    expect(escapeControls("\x00\x07\t\n\r\x7f\x9b")).toBe("\\x00\\x07\\x09\\x0a\\x0d\\x7f\\x9b");
    expect(escapeControls("\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069")).toBe(
      "\\u202aa\\u202bb\\u202cc\\u202dd\\u202ee\\u2066f\\u2067g\\u2068h\\u2069",
    );
    // ordinary text, Chinese, emoji, NBSP and the ellipsis stay as they are
    expect(escapeControls("商机 Ünïcode 😀 \u00a0…")).toBe("商机 Ünïcode 😀 \u00a0…");
  });

  it("bounds a line before escaping it", () => {
    const line = printable("\x1b".repeat(10_000));
    expect(line).toBe(`${"\\x1b".repeat(LINE_LIMIT - 1)}${ELLIPSIS}`);
  });

  it("guards the output once: every line through printable, files untouched", async () => {
    const { io, out, err } = fakeIO({ f: "content" });
    const safe = guardOutput(io);
    expect(guardOutput(safe)).toBe(safe);
    safe.stdout("\x1b]0;title\x07");
    safe.stderr("\u202eevil");
    expect(out).toEqual(["\\x1b]0;title\\x07"]);
    expect(err).toEqual(["\\u202eevil"]);
    expect(new TextDecoder().decode(await safe.readFile("f"))).toBe("content");
  });

  it("says a system error without the path in it", () => {
    const error = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write" });
    expect(errorText(error)).toBe("ENOSPC: no space left on device");
    const open = Object.assign(new Error(`EACCES: permission denied, open '/x/${"a".repeat(1000)}'`), { code: "EACCES", syscall: "open" });
    expect(errorText(open)).toBe("EACCES: permission denied");
    expect(errorText(new Error("y".repeat(1000))).length).toBe(500);
  });
});

describe("what salesquant build prints is bounded and escaped", () => {
  it("escapes control characters of the data in the issue lines and the summary", async () => {
    const csv =
      "Deal ID,Deal Name,Deal Owner,Amount,Stage\n" +
      // Won, so the unreadable amount leaves the row out; --stages makes "Nope" an unknown stage.
      "\x1b]0;owned\x07,A,Ann,12\u202e34,Closed Won\n" +
      "D2,B,Bob,100,\x1b[2J\x9bNope\u2066\n" +
      "D3,C,Cy,200,Qualification\n";
    const { io, out, err } = fakeIO({ "in\x1b[31m.csv": csv });
    expect(await runCli(["build", "--input", "in\x1b[31m.csv", "--out", "o\u202e.xlsx", "--stages", "Qualification", "--quiet"], io, deps())).toBe(EXIT.done);
    expect(err).toEqual([]);
    expectSafe(out);
    expect(out[0]).toMatch(/^Wrote o\\u202e\.xlsx: 1 deals .* from in\\x1b\[31m\.csv /);
    // The id is quoted as JSON (which writes ESC as \u001b); the amount's override and the stage's controls are escaped.
    expect(out[1]).toBe('  line 2 (record 1, id "\\u001b]0;owned\\u0007"): "12\\u202e34" is not an amount (column "Amount").');
    expect(out[2]).toBe('  line 3 (record 2, id "D2"): Unknown stage "\\x1b[2J\\x9bNope\\u2066": it is not in the pipeline.');
  });

  it("clips a huge value to 200 characters in the issue line", async () => {
    const value = `${"9".repeat(10)}x${"7".repeat(1_000_000)}`;
    const id = "I".repeat(5000);
    const csv = `Deal ID,Deal Name,Deal Owner,Amount,Stage\n${id},A,Ann,${value},Closed Won\nD2,B,Bob,100,Qualification\n`;
    const { io, out } = fakeIO({ "in.csv": csv });
    expect(await runCli(["build", "--input", "in.csv", "--out", "o.xlsx", "--quiet"], io, deps())).toBe(EXIT.done);
    expectSafe(out);
    // After the notes about the file (Zoho stages no deal uses), the row left out.
    expect(out.find((line) => line.startsWith("  line 2"))).toBe(
      `  line 2 (record 1, id "${"I".repeat(199)}${ELLIPSIS}"): "${value.slice(0, 199)}${ELLIPSIS}" is not an amount (column "Amount").`,
    );
  });

  it("clips a 50 MB header in the error and escapes it", async () => {
    const header = `Name,\x1b[31m${"H".repeat(50 * 1024 * 1024)}`;
    const { io, err } = fakeIO({ "huge.csv": `${header}\n1,2\n` });
    expect(await runCli(["build", "--input", "huge.csv", "--out", "o.xlsx", "--quiet"], io, deps())).toBe(EXIT.unreadableInput);
    expect(err).toHaveLength(1);
    expectSafe(err);
    expect(err[0].length).toBeLessThan(1000);
    // the columns, "Name, ESC[31mHHH...", cut to 199 characters and the ellipsis; ESC shown as \x1b
    expect(err[0]).toContain(`Its columns: Name, \\x1b[31m${"H".repeat(199 - "Name, \x1b[31m".length)}${ELLIPSIS}. Choose another preset`);
  });

  it("clips and escapes paths and argument values in error messages", async () => {
    const { io, err } = fakeIO({});
    const path = `\x1b[8m${"p".repeat(100_000)}.csv`;
    expect(await runCli(["build", "--input", path, "--out", "o.xlsx"], io)).toBe(EXIT.unreadableInput);
    expect(err.pop()).toBe(`salesquant: the input file \\x1b[8m${"p".repeat(199 - 4)}${ELLIPSIS} does not exist.`);
    expect(await runCli(["build", "--input", "a.csv", "--out", `${"q".repeat(300)}\u202e.txt`], io)).toBe(EXIT.badArguments);
    expect(err.pop()).toBe(`salesquant: --out must name an .xlsx file, not "${"q".repeat(199)}${ELLIPSIS}".`);
    expect(await runCli(["build", "--input", "a.csv", "--out", "o.xlsx", "--preset", `\u2067${"z".repeat(300)}`], io)).toBe(EXIT.badArguments);
    expect(err.pop()).toMatch(new RegExp(`^salesquant: Unknown preset "\\\\u2067z{198}${ELLIPSIS}"\\. Use auto, `));
  });

  it("bounds and escapes the errors of a commission plan", async () => {
    const key = `\x1b[2J${"k".repeat(100_000)}`;
    const { io, err } = fakeIO({ "plan.json": JSON.stringify({ basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.1 }], quota: 1, [key]: 1 }) });
    expect(await runCli(["build", "--input", "a.csv", "--out", "o.xlsx", "--commission-plan", "plan.json"], io)).toBe(EXIT.badArguments);
    expectSafe(err);
    expect(err[1]).toBe(`  \\x1b[2J${"k".repeat(199 - 4)}${ELLIPSIS}: Unknown field \\x1b[2J${"k".repeat(499 - 14 - 4)}${ELLIPSIS}`);
  });

  it("prints the help text unchanged, line by line", async () => {
    const { io, out } = fakeIO({});
    expect(await runCli(["--help"], io)).toBe(EXIT.done);
    expect(out.join("\n")).toBe(HELP_TEXT);
  });
});
