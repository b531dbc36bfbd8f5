/**
 * The runner's calling convention, decided once for every function: blanks, text,
 * booleans, input error values, broadcasting, shapes, non-finite numbers and the order of
 * errors in one cell.
 */
import { call, callGrid, code, codes, err, StubError } from "./support";

describe("the runner's calling convention", () => {
  it("treats null, undefined and empty text as blank: 0 for a number", () => {
    expect(call("ATTAINMENT", [[null]], [[4]])).toBe(0);
    expect(call("ATTAINMENT", [[""]], [[4]])).toBe(0);
    expect(call("ATTAINMENT", undefined, [[4]])).toBe(0);
    expect(err("ATTAINMENT", [[4]], [[""]])).toBe("#DIV/0!");
  });
  it("accepts plain values as well as 1x1 arrays", () => {
    expect(call("ATTAINMENT", 3, 4)).toBe(0.75);
  });
  it("rejects text and booleans with #VALUE! naming the parameter", () => {
    const e = call("ATTAINMENT", [[5]], [["ten"]]) as StubError;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("target");
    expect(err("ATTAINMENT", [[false]], [[4]])).toBe("#VALUE!");
  });
  it("propagates an input error value unchanged, and duck-typed ones by their code", () => {
    const na = new StubError("#N/A", "lookup failed");
    expect(call("ATTAINMENT", [[na]], [[4]])).toBe(na);
    expect(err("ATTAINMENT", [[{ code: "#DIV/0!" }]], [[4]])).toBe("#DIV/0!");
    expect(err("ATTAINMENT", [[{ code: "#SPILL!" }]], [[4]])).toBe("#VALUE!");
    expect(err("NPS", [[5, new StubError("#REF!")]])).toBe("#REF!");
  });
  it("recognises an error cell passed as a data-type value", () => {
    expect(err("ATTAINMENT", [[{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }]], [[4]])).toBe("#N/A");
    expect(err("NPS", [[10, { type: "Error", basicValue: "#DIV/0!" }]])).toBe("#DIV/0!");
    // any other object is not an error: it is a value of the wrong type
    expect(err("ATTAINMENT", [[{ type: "String", basicValue: "x" }]], [[4]])).toBe("#VALUE!");
  });
  it("orders errors in one cell: input error, then #VALUE!, then #NUM!, then #DIV/0!", () => {
    expect(err("CONVERSION", [["x"]], [[new StubError("#N/A")]])).toBe("#N/A");
    expect(err("CONVERSION", [[-1]], [["x"]])).toBe("#VALUE!");
    expect(err("CONVERSION", [[-1]], [[0]])).toBe("#NUM!");
    expect(err("CONVERSION", [[Infinity]], [[0]])).toBe("#NUM!");
    // a fixed list error (NUM) against a text amount in one cell: #VALUE! wins there
    const grid = callGrid("COMMISSION", [[1], ["x"]], [[0, 1]], [[0.1, -1]], null, null);
    expect(codes(grid)).toEqual([["#NUM!"], ["#VALUE!"]]);
  });
  it("broadcasts a single cell over a range and keeps the range's shape", () => {
    expect(callGrid("ATTAINMENT", [[1, 2], [3, 4]], [[2]])).toEqual([
      [0.5, 1],
      [1.5, 2],
    ]);
    expect(callGrid("ATTAINMENT", [[8]], [[1, 2, 4]])).toEqual([[8, 4, 2]]);
  });
  it("makes every cell its own: one bad cell does not spoil the others", () => {
    expect(codes(callGrid("ATTAINMENT", [[1], ["x"], [3]], [[0], [1], [3]]))).toEqual([["#DIV/0!"], ["#VALUE!"], [1]]);
  });
  it("rejects mismatched shapes (a row against a column) with one #VALUE!", () => {
    expect(codes(callGrid("ATTAINMENT", [[1, 2]], [[1], [2]]))).toEqual([["#VALUE!"]]);
    expect(codes(callGrid("ATTAINMENT", [[1], [2, 3]], [[1]]))).toEqual([["#VALUE!"]]);
  });
  it("never returns NaN or infinity", () => {
    expect(err("ATTAINMENT", [[1e308]], [[1e-308]])).toBe("#NUM!");
    expect(err("RUNRATE", [[1e308]], [[10]])).toBe("#NUM!");
    expect(err("ATTAINMENT", [[NaN]], [[1]])).toBe("#NUM!");
  });
  it("reads options case-insensitively and rejects unknown ones", () => {
    expect(callGrid("FUNNEL", [[10, 5]], " Step ")).toEqual([[1, 0.5]]);
    expect(code(callGrid("FUNNEL", [[10, 5]], 3)[0][0])).toBe("#VALUE!");
    expect(code(callGrid("FUNNEL", [[10, 5]], [["step", "step"]])[0][0])).toBe("#VALUE!");
  });
  it("uses the default for a blank optional number, per cell", () => {
    // satisfied_min blank -> 4: 0.5; 3 -> 0.75
    expect(callGrid("CSAT", [[5, 4, 3, 2]], [[null], [3]])).toEqual([[0.5], [0.75]]);
  });
});
