/**
 * Robustness through the built dist/functions.js, loaded the way Excel loads it: every
 * function gets arbitrary arguments (numbers huge and tiny, blanks, text, numeric text,
 * booleans, error values, ranges of mismatched shapes) and must answer a finite number, a
 * rectangular 2D array of finite numbers and errors, or a CustomFunctions.Error; never
 * throw anything else, never NaN, infinity, undefined or a ragged array.
 */
import fc from "fast-check";
import { loadBuiltFunctions, StubError } from "../harness/excelRuntime";

const RUNS = 200;
const runtime = loadBuiltFunctions();

const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, 1e308, -1e308, 5e-324, 0.5, 10, 1e15) },
  { weight: 2, arbitrary: fc.constantFrom(null, "", undefined) },
  { weight: 1, arbitrary: fc.constantFrom("12", "abc", "marginal", "retroactive", "step", "cumulative", "dropoff", " ") },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!").map((c) => new StubError(c as never, "input")) },
);

const grid = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
const argument = fc.oneof({ weight: 2, arbitrary: cell }, { weight: 3, arbitrary: grid }, { weight: 1, arbitrary: cell.map((c) => [[c]]) });

function isFiniteNumberOrError(v: unknown): boolean {
  return (typeof v === "number" && Number.isFinite(v)) || v instanceof StubError;
}

function isWellFormed(result: unknown): boolean {
  if (result instanceof StubError) return true;
  if (typeof result === "number") return Number.isFinite(result);
  if (!Array.isArray(result) || result.length === 0) return false;
  const cols = Array.isArray(result[0]) ? result[0].length : -1;
  if (cols <= 0) return false;
  return result.every((row) => Array.isArray(row) && row.length === cols && row.every(isFiniteNumberOrError));
}

const tried: Record<string, number> = {};

describe("every function, fed arbitrary Excel inputs through dist/functions.js", () => {
  const functions = runtime.metadata.functions;

  it("registers the whole catalogue", () => {
    expect(functions.length).toBe(31);
  });

  it.each(functions.map((f) => [f.id, f.parameters.length] as const))("%s answers every input well-formed", (id, arity) => {
    tried[id] = 0;
    fc.assert(
      fc.property(fc.array(argument, { minLength: arity, maxLength: arity }), (args) => {
        tried[id]++;
        const result = runtime.call(id, ...args);
        if (!isWellFormed(result)) throw new Error(`${id} returned ${JSON.stringify(result)}`);
      }),
      { numRuns: RUNS },
    );
    expect(tried[id]).toBeGreaterThanOrEqual(RUNS);
  });

  it("treats an omitted optional argument (null or undefined) as its default", () => {
    expect(runtime.call("COMMISSION", [[250]], [[0, 100, 200]], [[0.05, 0.1, 0.2]])).toEqual([[25]]);
    expect(runtime.call("COMMISSION", [[250]], [[0, 100, 200]], [[0.05, 0.1, 0.2]], null, null)).toEqual([[25]]);
  });

  afterAll(() => {
    const lines = Object.entries(tried).map(([id, n]) => `${id}: ${n} inputs`);
    console.log(`robustness through dist/functions.js\n${lines.join("\n")}`);
  });
});
