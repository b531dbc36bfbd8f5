/**
 * Worked examples for every SALES.* function, called the way Excel calls them (2D arrays,
 * null for blanks), with each expected value derived by hand from the definition in
 * shared/FUNCTIONS.md, and every error row of the catalogue.
 */
import { call, callGrid, code, codes, err } from "./support";

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const row = (...xs: unknown[]) => [xs];

describe("funnel and conversion", () => {
  it("CONVERSION divides converted by total, cell by cell", () => {
    // 25/100 = 0.25; column against a single cell: 1/4, 2/4
    expect(call("CONVERSION", [[25]], [[100]])).toBe(0.25);
    expect(callGrid("CONVERSION", col(1, 2), [[4]])).toEqual([[0.25], [0.5]]);
  });
  it("CONVERSION errors: total 0 is #DIV/0!, a negative is #NUM! even with total 0", () => {
    expect(err("CONVERSION", [[5]], [[0]])).toBe("#DIV/0!");
    expect(err("CONVERSION", [[5]], [[null]])).toBe("#DIV/0!"); // a blank total counts as 0
    expect(err("CONVERSION", [[-1]], [[0]])).toBe("#NUM!");
    expect(err("CONVERSION", [[1]], [[-4]])).toBe("#NUM!");
    expect(err("CONVERSION", [["12"]], [[4]])).toBe("#VALUE!");
  });
  it("FUNNEL step, cumulative and dropoff", () => {
    // step: 1, 50/200 = 0.25, 10/50 = 0.2
    expect(callGrid("FUNNEL", row(200, 50, 10), null)).toEqual([[1, 0.25, 0.2]]);
    // cumulative: 200/200, 50/200 = 0.25, 10/200 = 0.05 (column keeps its shape)
    expect(callGrid("FUNNEL", col(200, 50, 10), "CUMULATIVE")).toEqual([[1], [0.25], [0.05]]);
    // dropoff: 0, 1 - 0.25 = 0.75, 1 - 0.2 = 0.8
    expect(callGrid("FUNNEL", row(200, 50, 10), "dropoff")).toEqual([[0, 0.75, 0.8]]);
  });
  it("FUNNEL puts #DIV/0! only in the cell after a zero stage", () => {
    // step: 1, 0/100 = 0, 5/0 -> #DIV/0!, 2/5 = 0.4
    expect(codes(callGrid("FUNNEL", row(100, 0, 5, 2), "step"))).toEqual([[1, 0, "#DIV/0!", 0.4]]);
    // cumulative with c[0] = 0: every cell divides by 0
    expect(codes(callGrid("FUNNEL", row(0, 5), "cumulative"))).toEqual([["#DIV/0!", "#DIV/0!"]]);
    expect(code(callGrid("FUNNEL", row(1, 2), "sideways")[0][0])).toBe("#VALUE!");
    expect(codes(callGrid("FUNNEL", row(10, -1, 5), null))).toEqual([[1, "#NUM!", "#NUM!"]]);
  });
  it("WINRATE is won / (won + lost)", () => {
    expect(call("WINRATE", [[30]], [[70]])).toBe(0.3); // 30 / 100
    expect(err("WINRATE", [[0]], [[0]])).toBe("#DIV/0!");
    expect(err("WINRATE", [[-1]], [[3]])).toBe("#NUM!");
  });
});

describe("goals and pace", () => {
  it("ATTAINMENT is actual / target with the catalogue's errors", () => {
    expect(call("ATTAINMENT", [[120]], [[100]])).toBe(1.2);
    expect(call("ATTAINMENT", [[-30]], [[100]])).toBe(-0.3); // a net credit is allowed
    expect(err("ATTAINMENT", [[5]], [[0]])).toBe("#DIV/0!");
    expect(err("ATTAINMENT", [[5]], [[-1]])).toBe("#NUM!");
    expect(err("ATTAINMENT", [[true]], [[10]])).toBe("#VALUE!");
  });
  it("PACE prorates the target to the time elapsed", () => {
    // 50 / (100 * 10/20) = 50 / 50 = 1
    expect(call("PACE", [[50]], [[100]], [[10]], [[20]])).toBe(1);
    // elapsed 30 > 20 counts as 20: 50 / 100 = 0.5
    expect(call("PACE", [[50]], [[100]], [[30]], [[20]])).toBe(0.5);
    expect(err("PACE", [[50]], [[100]], [[0]], [[20]])).toBe("#NUM!");
    expect(err("PACE", [[50]], [[100]], [[5]], [[0]])).toBe("#NUM!");
    expect(err("PACE", [[50]], [[0]], [[5]], [[10]])).toBe("#DIV/0!");
  });
  it("PROJECTION extends the actual to the whole period", () => {
    expect(call("PROJECTION", [[30]], [[10]], [[30]])).toBe(90); // 30 * 30 / 10
    expect(call("PROJECTION", [[30]], [[40]], [[30]])).toBe(30); // elapsed beyond the period
    expect(err("PROJECTION", [[30]], [[-1]], [[30]])).toBe("#NUM!");
    expect(err("PROJECTION", [[30]], [[1]], [[0]])).toBe("#NUM!");
  });
  it("RUNRATE annualizes a period's value", () => {
    expect(call("RUNRATE", [[10000]], [[12]])).toBe(120000);
    expect(err("RUNRATE", [[10000]], [[0]])).toBe("#NUM!");
  });
});

describe("growth", () => {
  it("GROWTH divides by ABS(previous)", () => {
    expect(call("GROWTH", [[110]], [[100]])).toBeCloseTo(0.1, 15); // 10 / 100
    expect(call("GROWTH", [[-50]], [[-100]])).toBe(0.5); // (-50 + 100) / 100
    expect(err("GROWTH", [[5]], [[0]])).toBe("#DIV/0!");
  });
  it("CAGR equals (end/start)^(1/periods) - 1", () => {
    // (121/100)^(1/2) = 1.1
    expect(call("CAGR", [[100]], [[121]], [[2]])).toBeCloseTo(0.1, 14);
    expect(call("CAGR", [[100]], [[0]], [[3]])).toBe(-1); // everything lost
    expect(err("CAGR", [[0]], [[121]], [[2]])).toBe("#NUM!");
    expect(err("CAGR", [[100]], [[-1]], [[2]])).toBe("#NUM!");
    expect(err("CAGR", [[100]], [[121]], [[0]])).toBe("#NUM!");
  });
});

describe("pipeline", () => {
  it("WEIGHTED sums amount * probability and skips blank pairs", () => {
    // 1000*0.5 + 500*0.2 = 600; the blank pair is skipped; (null, 0.3) counts the amount as 0
    expect(call("WEIGHTED", col(1000, 500, null, null), col(0.5, 0.2, null, 0.3))).toBe(600);
    expect(err("WEIGHTED", col(1000), col(60))).toBe("#NUM!"); // 60 is not 60%
    expect(err("WEIGHTED", col(1000, 2), row(0.5, 0.1))).toBe("#VALUE!"); // column vs row
  });
  it("COVERAGE is pipeline / remaining target", () => {
    expect(call("COVERAGE", [[300000]], [[100000]])).toBe(3);
    expect(err("COVERAGE", [[1]], [[0]])).toBe("#DIV/0!");
    expect(err("COVERAGE", [[1]], [[-5]])).toBe("#NUM!");
  });
  it("VELOCITY is money per day", () => {
    // 50 * 10000 * 0.2 / 40 = 100000 / 40 = 2500
    expect(call("VELOCITY", [[50]], [[10000]], [[0.2]], [[40]])).toBe(2500);
    expect(err("VELOCITY", [[50]], [[10000]], [[0.2]], [[0]])).toBe("#DIV/0!");
    expect(err("VELOCITY", [[50]], [[10000]], [[20]], [[40]])).toBe("#NUM!");
    expect(err("VELOCITY", [[-1]], [[10000]], [[0.2]], [[40]])).toBe("#NUM!");
  });
  it("CYCLE averages end - start over pairs with both dates", () => {
    // (45030 - 45000) = 30, (45020 - 45010) = 10; the open deal (no end) is skipped: 40 / 2 = 20
    expect(call("CYCLE", col(45000, 45010, 45005), col(45030, 45020, null))).toBe(20);
    expect(err("CYCLE", col(45000), col(44999))).toBe("#NUM!");
    expect(err("CYCLE", col(45000, null), col(null, 45001))).toBe("#DIV/0!");
  });
});

describe("customers and satisfaction", () => {
  it("CHURN, RETENTION, CAC", () => {
    expect(call("CHURN", [[5]], [[100]])).toBe(0.05);
    expect(err("CHURN", [[5]], [[0]])).toBe("#DIV/0!");
    expect(err("CHURN", [[-5]], [[10]])).toBe("#NUM!");
    // (110 - 20) / 100 = 0.9
    expect(call("RETENTION", [[100]], [[110]], [[20]])).toBe(0.9);
    expect(err("RETENTION", [[0]], [[110]], [[20]])).toBe("#DIV/0!");
    expect(err("RETENTION", [[100]], [[-1]], [[20]])).toBe("#NUM!");
    expect(call("CAC", [[50000]], [[25]])).toBe(2000);
    expect(err("CAC", [[50000]], [[0]])).toBe("#DIV/0!");
    expect(err("CAC", [[50000]], [[-2]])).toBe("#NUM!");
  });
  it("NRR and GRR", () => {
    // (1000 + 200 - 50 - 100) / 1000 = 1050 / 1000
    expect(call("NRR", [[1000]], [[200]], [[50]], [[100]])).toBe(1.05);
    // (1000 - 50 - 100) / 1000 = 0.85
    expect(call("GRR", [[1000]], [[50]], [[100]])).toBe(0.85);
    expect(err("GRR", [[1000]], [[-50]], [[100]])).toBe("#NUM!"); // would lift GRR above 1
    expect(err("GRR", [[0]], [[0]], [[0]])).toBe("#DIV/0!");
    expect(err("NRR", [[0]], [[1]], [[0]], [[0]])).toBe("#DIV/0!");
    expect(err("NRR", [[10]], [[-1]], [[0]], [[0]])).toBe("#NUM!");
  });
  it("LTV: simple and discounted models", () => {
    // 100 * 0.8 / 0.05 = 1600
    expect(call("LTV", [[100]], [[0.8]], [[0.05]], null, null)).toBeCloseTo(1600, 9);
    // minus acquisition cost 300: 1300
    expect(call("LTV", [[100]], [[0.8]], [[0.05]], null, [[300]])).toBeCloseTo(1300, 9);
    // discounted: m = 80, r = 0.8, i = 0.1: 80 * 0.8 / (1 + 0.1 - 0.8) = 64 / 0.3
    expect(call("LTV", [[100]], [[0.8]], [[0.2]], [[0.1]], null)).toBeCloseTo(64 / 0.3, 9);
    // at i = 0 the discounted model is m(1-c)/c = 80 * 0.8 / 0.2 = 320, one margin (80) less than m/c = 400
    expect(call("LTV", [[100]], [[0.8]], [[0.2]], [[0]], null)).toBeCloseTo(320, 9);
    expect(err("LTV", [[100]], [[0.8]], [[0]], null, null)).toBe("#DIV/0!");
    expect(err("LTV", [[100]], [[80]], [[0.1]], null, null)).toBe("#NUM!");
    expect(err("LTV", [[100]], [[0.8]], [[0.1]], [[-0.1]], null)).toBe("#NUM!");
  });
  it("NPS counts promoters minus detractors, skipping blanks", () => {
    // promoters 10, 9 (2); passive 8; detractor 3 (1): (2 - 1) / 4 * 100 = 25
    expect(call("NPS", col(10, 9, 8, 3, null, ""))).toBe(25);
    expect(err("NPS", col(11))).toBe("#NUM!");
    expect(err("NPS", col(null))).toBe("#DIV/0!");
    // text and booleans in a list are skipped, as AVERAGE skips them: one promoter of one = 100
    expect(call("NPS", col(10, "n/a", true, "7"))).toBe(100);
  });
  it("CSAT is the share at or above satisfied_min", () => {
    // 5 and 4 of 4 ratings: 0.5; with min 3: 3 of 4 = 0.75
    expect(call("CSAT", row(5, 4, 3, 2), null)).toBe(0.5);
    expect(call("CSAT", row(5, 4, 3, 2), [[3]])).toBe(0.75);
    expect(err("CSAT", [[null]], null)).toBe("#DIV/0!");
    // only text: no ratings at all
    expect(err("CSAT", col("good", "bad"), null)).toBe("#DIV/0!");
  });
  it("skips a pair holding text in lists read in pairs, as SUMPRODUCT and FORECAST.LINEAR do", () => {
    // WEIGHTED: 1000*0.5 + (the "n/a" pair skipped) + 400*0.25 = 500 + 100 = 600
    expect(call("WEIGHTED", col(1000, 2000, 400), col(0.5, "n/a", 0.25))).toBe(600);
  });
  it("keeps text in a tier table an error: a broken table never pays", () => {
    expect(err("COMMISSION", [[250]], col(0, "100"), col(0.05, 0.1), null, null)).toBe("#VALUE!");
  });
});

describe("market, mix and cost", () => {
  it("SHARE, COSTRATIO", () => {
    expect(call("SHARE", [[30]], [[120]])).toBe(0.25);
    expect(err("SHARE", [[30]], [[0]])).toBe("#DIV/0!");
    expect(call("COSTRATIO", [[15000]], [[100000]])).toBe(0.15);
    expect(err("COSTRATIO", [[15000]], [[0]])).toBe("#DIV/0!");
  });
  it("HHI sums squared percentage shares", () => {
    // shares 50%, 30%, 20%: 2500 + 900 + 400 = 3800; one holder: 10000
    expect(call("HHI", row(50, 30, 20))).toBeCloseTo(3800, 9);
    expect(call("HHI", row(7, null))).toBe(10000);
    expect(err("HHI", row(5, -1))).toBe("#NUM!");
    expect(err("HHI", row(0, 0))).toBe("#DIV/0!");
  });
});

describe("forecast", () => {
  it("FORECAST fits the least-squares line", () => {
    // values 10, 20, 30 at periods 1, 2, 3: slope 10, intercept 0 -> x = 4 gives 40
    expect(call("FORECAST", [[4]], row(10, 20, 30), null)).toBeCloseTo(40, 12);
    // points (1,1), (2,3), (3,2): mean x 2, mean y 2; sxy = (-1)(-1) + 0 + (1)(0) = 1; sxx = 2
    // slope 0.5, intercept 1: at x = 4 -> 3; x spills as a column
    const grid = callGrid("FORECAST", col(4, 0), col(1, 3, 2), col(1, 2, 3));
    expect(grid[0][0]).toBeCloseTo(3, 12);
    expect(grid[1][0]).toBeCloseTo(1, 12);
    expect(err("FORECAST", [[4]], row(1, 2, 3), row(1, 2))).toBe("#N/A");
    expect(err("FORECAST", [[4]], row(1, 2), row(5, 5))).toBe("#DIV/0!");
    expect(err("FORECAST", [["x"]], row(1, 2), row(5, 6))).toBe("#VALUE!");
  });
  it("MOVINGAVG averages the last window positions", () => {
    // window 2: #N/A, (10+20)/2, (20+30)/2, (30+40)/2
    expect(codes(callGrid("MOVINGAVG", row(10, 20, 30, 40), 2))).toEqual([["#N/A", 15, 25, 35]]);
    // a blank is skipped like AVERAGE: window [20, blank] -> 20; [blank, blank]... here [null, 40] -> 40
    expect(codes(callGrid("MOVINGAVG", col(10, 20, null, 40), 2))).toEqual([["#N/A"], [15], [20], [40]]);
    expect(codes(callGrid("MOVINGAVG", col(1, null, null), 2))).toEqual([["#N/A"], [1], ["#DIV/0!"]]);
    // window 2.9 is truncated to 2
    expect(codes(callGrid("MOVINGAVG", row(2, 4), 2.9))).toEqual([["#N/A", 3]]);
    expect(code(callGrid("MOVINGAVG", row(2, 4), 0)[0][0])).toBe("#NUM!");
  });
});

describe("commission and incentives", () => {
  const thresholds = col(0, 100, 200);
  const rates = col(0.05, 0.1, 0.2);
  it("COMMISSION marginal and retroactive", () => {
    // marginal 250: 100*0.05 + 100*0.1 + 50*0.2 = 5 + 10 + 10 = 25
    expect(call("COMMISSION", [[250]], thresholds, rates, null, null)).toBeCloseTo(25, 12);
    // retroactive 250: the 200 tier pays 0.2 on all 250 = 50; capped at 40
    expect(call("COMMISSION", [[250]], thresholds, rates, "Retroactive", null)).toBeCloseTo(50, 12);
    expect(call("COMMISSION", [[250]], thresholds, rates, "retroactive", [[40]])).toBe(40);
    // exactly at a threshold the tier applies (inclusive): retroactive 100 -> 0.1 * 100 = 10
    expect(call("COMMISSION", [[100]], thresholds, rates, "retroactive", null)).toBeCloseTo(10, 12);
  });
  it("COMMISSION reads an accelerator as attainment and multipliers", () => {
    // attainment 1.2 on {0,1,1.3} / {1,1.5,2}: 1*1 + 0.2*1.5 = 1.3
    expect(call("COMMISSION", [[1.2]], row(0, 1, 1.3), row(1, 1.5, 2), null, null)).toBeCloseTo(1.3, 12);
  });
  it("COMMISSION tier table errors", () => {
    expect(err("COMMISSION", [[250]], col(0, 200, 100), rates, null, null)).toBe("#VALUE!"); // unsorted
    expect(err("COMMISSION", [[250]], col(0, 100), rates, null, null)).toBe("#VALUE!"); // sizes differ
    expect(err("COMMISSION", [[250]], col(0, 100, null), col(0.05, 0.1, 0.2), null, null)).toBe("#VALUE!"); // half-blank row
    expect(err("COMMISSION", [[250]], col(null), col(null), null, null)).toBe("#VALUE!"); // empty
    expect(err("COMMISSION", [[250]], thresholds, col(0.05, -0.1, 0.2), null, null)).toBe("#NUM!");
    expect(err("COMMISSION", [[-1]], thresholds, rates, null, null)).toBe("#NUM!");
    expect(err("COMMISSION", [[250]], thresholds, rates, "flat", null)).toBe("#VALUE!");
    // trailing blank rows (spare rows under the table) are skipped
    expect(call("COMMISSION", [[250]], col(0, 100, 200, null), col(0.05, 0.1, 0.2, null), null, null)).toBeCloseTo(25, 12);
  });
  it("COMMISSION.DEAL is C(prior + deal) - C(prior)", () => {
    // C(130) = 5 + 3 = 8; C(80) = 4; 8 - 4 = 4
    expect(call("COMMISSION.DEAL", [[50]], [[80]], thresholds, rates)).toBeCloseTo(4, 12);
    // a credit note of -50 on 130: C(80) - C(130) = -4
    expect(call("COMMISSION.DEAL", [[-50]], [[130]], thresholds, rates)).toBeCloseTo(-4, 12);
    expect(err("COMMISSION.DEAL", [[-50]], [[10]], thresholds, rates)).toBe("#NUM!");
  });
  it("COMMISSION.DETAIL spills one row per tier", () => {
    // marginal 150: tier 0 credited 100 (5), tier 100 credited 50 (5), tier 200 nothing
    expect(callGrid("COMMISSION.DETAIL", 150, thresholds, rates, null)).toEqual([
      [0, 0.05, 100, 5],
      [100, 0.1, 50, 5],
      [200, 0.2, 0, 0],
    ]);
    // retroactive 150: the whole amount in the 100 tier: 150 * 0.1 = 15
    const retro = callGrid("COMMISSION.DETAIL", [[150]], thresholds, rates, "retroactive");
    expect(retro.map((r) => r[2])).toEqual([0, 150, 0]);
    expect(retro[1][3]).toBeCloseTo(15, 12);
    expect(code(callGrid("COMMISSION.DETAIL", col(1, 2), thresholds, rates, null)[0][0])).toBe("#VALUE!");
  });
  it("DRAW recoverable and guaranteed", () => {
    // earned 300, draw 1000: available 300, payout 1000, balance 700
    expect(callGrid("DRAW", 300, 1000, null, null)).toEqual([[1000, 700]]);
    // next period earned 2000 with balance 700: available 1300 > draw, payout 1300, balance 0
    expect(callGrid("DRAW", 2000, 1000, true, 700)).toEqual([[1300, 0]]);
    // guarantee: payout MAX(300, 1000), balance 0; 0 reads as FALSE
    expect(callGrid("DRAW", 300, 1000, 0, null)).toEqual([[1000, 0]]);
    expect(code(callGrid("DRAW", -1, 1000, null, null)[0][0])).toBe("#NUM!");
    expect(code(callGrid("DRAW", 1, 1000, "yes", null)[0][0])).toBe("#VALUE!");
  });
  it("SCORE weights capped ratios", () => {
    // ratios 1.2 (capped 1.1) and 0.8: (0.6*1.1 + 0.4*0.8) / 1 = 0.66 + 0.32 = 0.98
    expect(call("SCORE", row(120, 80), row(100, 100), row(0.6, 0.4), [[1.1]], null)).toBeCloseTo(0.98, 12);
    // lower is better for the second KPI only: 40 days against 50 -> 50/40 = 1.25
    // (1 * 1.2 + 1 * 1.25) / 2 = 1.225
    expect(call("SCORE", row(120, 40), row(100, 50), row(1, 1), null, row(false, true))).toBeCloseTo(1.225, 12);
    expect(err("SCORE", row(1), row(0), row(1), null, null)).toBe("#DIV/0!");
    expect(err("SCORE", row(1), row(1), row(-1), null, null)).toBe("#NUM!");
    expect(err("SCORE", row(1), row(1), row(0), null, null)).toBe("#DIV/0!");
  });
});
