/**
 * An import keeps nothing that holds the file's text: a kept cell that were a view into the
 * text (V8 keeps substrings of 13 characters or more that way) would keep the whole file in
 * memory with the deals.
 */
import * as v8 from "v8";
import * as vm from "vm";
import { parseCrmText } from "../../src/import/normalize";
import { ownText, ownTexts } from "../../src/import/ownText";

/** The engine's garbage collector, exposed for this test only. */
function collector(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

describe("ownText", () => {
  it("gives an equal text, whatever it holds", () => {
    for (const text of ["", "short", "a deal name of some length", "客户".repeat(20), "lone \ud800 surrogate and more", '"quoted\\"\n\t']) {
      expect(ownText(text)).toBe(text);
    }
    const record = { a: "a text long enough to be a view", b: ["x", { c: "another long enough text" }], n: 3, z: null };
    expect(ownTexts(structuredClone(record))).toEqual(record);
  });

  it("the deals and issues of an import do not hold the file's text", () => {
    const gc = collector();
    const rows = 20_000;
    const filler = "Notes that no deal keeps; ".repeat(60);
    const lines = ["Deal Name,Amount,Stage,Account Name,Deal Owner,Description"];
    for (let i = 0; i < rows; i++) lines.push(`Expansion deal number ${i} for a customer,${1000 + i},${i % 7 === 0 ? "" : "Qualification"},Customer with a long name ${i % 50},Ann Lee,${filler}`);
    let text: string | null = lines.join("\n");
    lines.length = 0;
    const textBytes = text.length;
    gc();
    const before = process.memoryUsage().heapUsed;
    const result = parseCrmText(text, { preset: "zoho" });
    text = null;
    gc();
    const kept = process.memoryUsage().heapUsed - before + textBytes;
    expect(result.deals.length).toBeGreaterThan(10_000);
    expect(result.issues.length).toBeGreaterThan(1000);
    // Kept: the deals and issues (a few MB), not the 32 MB of text on top of them.
    expect(kept).toBeLessThan(textBytes * 0.5);
  });
});
