/**
 * Native-formula equivalence: for random inputs (fast-check), each SALES.* function gives
 * what HyperFormula computes for the native Excel formula over the same data, within 1e-9
 * relative, and the same error where the native formula errs. Inputs stay inside the
 * domain where the catalogue means the native formula (e.g. no negative counts: there
 * SALES.* deliberately answers #NUM!, see docs/differences-from-excel.md).
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { callGrid, code } from "./support";

const RUNS = 100;
type Cell = number | string | boolean | null;

/** Evaluates `formula` in sheet Calc with `data` in sheet Data (columns A, B, C...). */
function native(data: Cell[][], formula: string): unknown {
  const hf = HyperFormula.buildFromSheets(
    { Data: data.length ? data : [[null]], Calc: [[formula]] },
    { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false },
  );
  const v = hf.getCellValue({ sheet: hf.getSheetId("Calc")!, row: 0, col: 0 }) as unknown;
  hf.destroy();
  if (typeof v === "object" && v !== null && "value" in v) return (v as { value: string }).value;
  return v;
}

/** Same number within 1e-9 relative (1e-9 absolute near 0), or the same error text. */
function expectSame(ours: unknown, theirs: unknown): void {
  const a = code(ours);
  if (typeof theirs === "number" && typeof a === "number") {
    const tolerance = 1e-9 * Math.max(1, Math.abs(a), Math.abs(theirs));
    if (Math.abs(a - theirs) > tolerance) throw new Error(`SALES gives ${a}, native gives ${theirs}`);
    return;
  }
  expect(a).toEqual(theirs);
}

const one = (id: string, ...args: unknown[]) => callGrid(id, ...args)[0][0];
const column = (xs: Cell[]) => xs.map((x) => [x]);
const range = (col: string, n: number) => `Data!${col}1:${col}${Math.max(n, 1)}`;

const count = fc.integer({ min: 0, max: 1000 });
const money = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((x) => x / 100);
const positive = fc.integer({ min: 1, max: 1_000_000 }).map((x) => x / 100);
const unit = fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000);

/** Element-wise functions against their native arithmetic (A1, B1, ... are the arguments). */
const ELEMENTWISE: [string, string, fc.Arbitrary<number>[]][] = [
  ["CONVERSION", "=Data!A1/Data!B1", [count, count]],
  ["ATTAINMENT", "=Data!A1/Data!B1", [money, fc.oneof(fc.constant(0), positive)]],
  ["WINRATE", "=Data!A1/(Data!A1+Data!B1)", [count, count]],
  ["GROWTH", "=(Data!A1-Data!B1)/ABS(Data!B1)", [money, fc.oneof(fc.constant(0), money)]],
  ["CAGR", "=RRI(Data!C1,Data!A1,Data!B1)", [positive, fc.oneof(fc.constant(0), positive), fc.integer({ min: 1, max: 400 }).map((x) => x / 8)]],
  ["PACE", "=Data!A1/(Data!B1*MIN(Data!C1,Data!D1)/Data!D1)", [money, fc.oneof(fc.constant(0), positive), positive, positive]],
  ["PROJECTION", "=Data!A1*Data!C1/MIN(Data!B1,Data!C1)", [money, positive, positive]],
  ["RUNRATE", "=Data!A1*Data!B1", [money, fc.integer({ min: 1, max: 365 })]],
  ["COVERAGE", "=Data!A1/Data!B1", [money, fc.oneof(fc.constant(0), positive)]],
  ["VELOCITY", "=Data!A1*Data!B1*Data!C1/Data!D1", [count, money, unit, count]],
  ["CHURN", "=Data!A1/Data!B1", [count, count]],
  ["RETENTION", "=(Data!B1-Data!C1)/Data!A1", [count, count, count]],
  ["NRR", "=(Data!A1+Data!B1-Data!C1-Data!D1)/Data!A1", [fc.oneof(fc.constant(0), positive), positive, positive, positive]],
  ["GRR", "=(Data!A1-Data!B1-Data!C1)/Data!A1", [fc.oneof(fc.constant(0), positive), positive, positive]],
  ["CAC", "=Data!A1/Data!B1", [money, count]],
  ["SHARE", "=Data!A1/Data!B1", [money, money]],
  ["COSTRATIO", "=Data!A1/Data!B1", [money, money]],
];

describe("element-wise functions equal their native arithmetic", () => {
  it.each(ELEMENTWISE)("%s equals %s", (id, formula, arbitraries) => {
    fc.assert(
      fc.property(fc.tuple(...arbitraries), (values) => {
        const ours = one(id, ...values.map((v) => [[v]]));
        expectSame(ours, native([values], formula));
      }),
      { numRuns: RUNS },
    );
  });

  it("LTV without discount equals arpu*gross_margin/churn_rate - acquisition_cost", () => {
    fc.assert(
      fc.property(money, unit, unit, money, (arpu, margin, churn, cost) => {
        expectSame(one("LTV", [[arpu]], [[margin]], [[churn]], null, [[cost]]), native([[arpu, margin, churn, cost]], "=Data!A1*Data!B1/Data!C1-Data!D1"));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("list functions equal their native formulas", () => {
  const withBlanks = <T>(arb: fc.Arbitrary<T>) => fc.array(fc.option(arb, { nil: null, freq: 5 }), { minLength: 0, maxLength: 25 });

  it("WEIGHTED equals SUMPRODUCT(amounts, probabilities)", () => {
    const pairs = fc.array(fc.oneof(fc.tuple(money, unit), fc.constant([null, null] as [null, null])), { maxLength: 25 });
    fc.assert(
      fc.property(pairs, (rows) => {
        const n = rows.length;
        const cells = n ? rows : [[null, null]]; // an empty selection still passes one blank cell
        const ours = one("WEIGHTED", column(cells.map((r) => r[0])), column(cells.map((r) => r[1])));
        expectSame(ours, native(rows, `=SUMPRODUCT(${range("A", n)},${range("B", n)})`));
      }),
      { numRuns: RUNS },
    );
  });

  it("NPS equals (COUNTIF(>=9) - COUNTIF(<=6)) / COUNT * 100", () => {
    fc.assert(
      fc.property(withBlanks(fc.integer({ min: 0, max: 10 })), (scores) => {
        const n = scores.length;
        const r = range("A", n);
        const ours = one("NPS", column(scores.length ? scores : [null]));
        expectSame(ours, native(column(scores), `=(COUNTIF(${r},">=9")-COUNTIF(${r},"<=6"))/COUNT(${r})*100`));
      }),
      { numRuns: RUNS },
    );
  });

  it("CSAT equals COUNTIF(ratings, >=min) / COUNT(ratings)", () => {
    fc.assert(
      fc.property(withBlanks(fc.integer({ min: 1, max: 5 })), fc.integer({ min: 1, max: 5 }), (ratings, min) => {
        const r = range("A", ratings.length);
        const ours = one("CSAT", column(ratings.length ? ratings : [null]), [[min]]);
        expectSame(ours, native(column(ratings), `=COUNTIF(${r},">=${min}")/COUNT(${r})`));
      }),
      { numRuns: RUNS },
    );
  });

  it("HHI equals SUMPRODUCT((100*values/SUM(values))^2)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 1, maxLength: 25 }), (values) => {
        const r = range("A", values.length);
        expectSame(one("HHI", column(values)), native(column(values), `=SUMPRODUCT((100*${r}/SUM(${r}))^2)`));
      }),
      { numRuns: RUNS },
    );
  });

  it("CYCLE equals AVERAGE(end - start) over complete pairs", () => {
    const pair = fc.tuple(fc.integer({ min: 40000, max: 46000 }), fc.integer({ min: 0, max: 400 }));
    fc.assert(
      fc.property(fc.array(pair, { minLength: 0, maxLength: 20 }), (pairs) => {
        const rows = pairs.map(([s, d]) => [s, s + d]);
        const n = rows.length;
        const starts: Cell[] = n ? rows.map((r) => r[0]) : [null];
        const ends: Cell[] = n ? rows.map((r) => r[1]) : [null];
        const ours = one("CYCLE", column(starts), column(ends));
        expectSame(ours, native(rows, `=SUMPRODUCT(${range("B", n)}-${range("A", n)})/COUNT(${range("A", n)})`));
      }),
      { numRuns: RUNS },
    );
  });

  it("SCORE equals SUMPRODUCT(weights, MIN(ratio, cap)) / SUM(weights)", () => {
    const item = fc.tuple(money, positive, fc.integer({ min: 0, max: 10 }));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 30 }).map((x) => x / 10), (items, cap) => {
        const n = items.length;
        const ratio = `(${range("A", n)}/${range("B", n)})`;
        const ours = one(
          "SCORE",
          column(items.map((i) => i[0])),
          column(items.map((i) => i[1])),
          column(items.map((i) => i[2])),
          [[cap]],
          null,
        );
        const formula = `=SUMPRODUCT(${range("C", n)},(${ratio}>${cap})*${cap}+(${ratio}<=${cap})*${ratio})/SUM(${range("C", n)})`;
        expectSame(ours, native(items, formula));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("forecast functions equal FORECAST and AVERAGE", () => {
  it("FORECAST equals FORECAST.LINEAR (slope and intercept by SLOPE and AVERAGE)", () => {
    const point = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 12 }), fc.integer({ min: -20, max: 20 }), (points, x) => {
        const n = points.length;
        const ys = range("A", n);
        const xs = range("B", n);
        const ours = one("FORECAST", [[x]], column(points.map((p) => p[0])), column(points.map((p) => p[1])));
        const formula = `=SLOPE(${ys},${xs})*${x}+AVERAGE(${ys})-SLOPE(${ys},${xs})*AVERAGE(${xs})`;
        expectSame(ours, native(points, formula));
      }),
      { numRuns: RUNS },
    );
  });

  it("FORECAST with default periods uses 1..n", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 12 }), (ys) => {
        const n = ys.length;
        const rows = ys.map((y, i) => [y, i + 1]);
        const formula = `=SLOPE(${range("A", n)},${range("B", n)})*${n + 1}+AVERAGE(${range("A", n)})-SLOPE(${range("A", n)},${range("B", n)})*AVERAGE(${range("B", n)})`;
        expectSame(one("FORECAST", [[n + 1]], column(ys), null), native(rows, formula));
      }),
      { numRuns: RUNS },
    );
  });

  it("MOVINGAVG equals AVERAGE over each window, #N/A before the first", () => {
    const values = fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null, freq: 4 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 5 }), (xs, w) => {
        const grid = callGrid("MOVINGAVG", column(xs), w);
        const hf = HyperFormula.buildFromArray(
          xs.map((x, i) => [x, i >= w - 1 ? `=AVERAGE(A${i - w + 2}:A${i + 1})` : null]),
          { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false },
        );
        xs.forEach((_x, i) => {
          if (i < w - 1) {
            expect(code(grid[i][0])).toBe("#N/A");
            return;
          }
          const v = hf.getCellValue({ sheet: 0, row: i, col: 1 }) as unknown;
          expectSame(grid[i][0], typeof v === "object" && v !== null ? (v as { value: string }).value : v);
        });
        hf.destroy();
      }),
      { numRuns: RUNS },
    );
  });
});

describe("commission equals the native tier formulas", () => {
  /** A tier table starting at 0 with strictly ascending thresholds and rates >= 0. */
  const table = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 50000 }), fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 6 })
    .map((steps) => {
      let t = 0;
      return steps.map(([gap, rate], i) => {
        if (i > 0) t += gap;
        return [t, rate / 1000] as [number, number];
      });
    });
  const amount = fc.integer({ min: 0, max: 400000 });

  it("marginal equals the SUMPRODUCT differential-rate formula", () => {
    fc.assert(
      fc.property(table, amount, (tiers, a) => {
        const n = tiers.length;
        // column C: differential rates (rate minus the previous tier's rate)
        const rows = tiers.map(([t, r], i) => [t, r, i === 0 ? r : r - tiers[i - 1][1]]);
        const formula = `=SUMPRODUCT((${a}>${range("A", n)})*(${a}-${range("A", n)})*${range("C", n)})`;
        const ours = one("COMMISSION", [[a]], column(tiers.map((t) => t[0])), column(tiers.map((t) => t[1])), null, null);
        expectSame(ours, native(rows, formula));
      }),
      { numRuns: RUNS },
    );
  });

  it("retroactive equals amount * VLOOKUP(amount, table, 2, TRUE)", () => {
    fc.assert(
      fc.property(table, amount, (tiers, a) => {
        const n = tiers.length;
        const formula = `=${a}*VLOOKUP(${a},Data!A1:B${n},2,TRUE())`;
        const ours = one("COMMISSION", [[a]], column(tiers.map((t) => t[0])), column(tiers.map((t) => t[1])), "retroactive", null);
        expectSame(ours, native(tiers, formula));
      }),
      { numRuns: RUNS },
    );
  });

  it("COMMISSION.DEAL equals the difference of two differential formulas", () => {
    fc.assert(
      fc.property(table, amount, amount, (tiers, prior, deal) => {
        const n = tiers.length;
        const rows = tiers.map(([t, r], i) => [t, r, i === 0 ? r : r - tiers[i - 1][1]]);
        const c = (x: number) => `SUMPRODUCT((${x}>${range("A", n)})*(${x}-${range("A", n)})*${range("C", n)})`;
        const ours = one("COMMISSION.DEAL", [[deal]], [[prior]], column(tiers.map((t) => t[0])), column(tiers.map((t) => t[1])));
        expectSame(ours, native(rows, `=${c(prior + deal)}-${c(prior)}`));
      }),
      { numRuns: RUNS },
    );
  });
});
