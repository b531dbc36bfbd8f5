import { collectEvery, freeMemory } from "../../src/cli/memory";

describe("freeMemory", () => {
  it("frees garbage at once (a full collection is available in Node)", async () => {
    await freeMemory();
    const before = process.memoryUsage().heapUsed;
    // About 80 MB of objects that become garbage when the function returns.
    (() => {
      const garbage = Array.from({ length: 1_000_000 }, (_, i) => ({ i, text: `row ${i}` }));
      return garbage.length;
    })();
    const withGarbage = process.memoryUsage().heapUsed;
    await freeMemory();
    const after = process.memoryUsage().heapUsed;
    expect(withGarbage - before).toBeGreaterThan(30 * 1048576);
    expect(after - before).toBeLessThan((withGarbage - before) / 4);
  });
});

describe("collectEvery", () => {
  it("frees garbage inside synchronous work each time another stretch of bytes is done, not before", () => {
    const collect = collectEvery(1000);
    collect(0);
    const garbage = (): number => Array.from({ length: 1_000_000 }, (_, i) => ({ i, text: `row ${i}` })).length;
    const before = process.memoryUsage().heapUsed;
    garbage();
    const withGarbage = process.memoryUsage().heapUsed;
    expect(withGarbage - before).toBeGreaterThan(30 * 1048576);
    collect(999);
    expect(process.memoryUsage().heapUsed).toBeGreaterThanOrEqual(withGarbage);
    collect(1000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan((withGarbage - before) / 4);
  });
});
