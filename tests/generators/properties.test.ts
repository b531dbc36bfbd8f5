/**
 * Random deal sets (fast-check): the whole workbook, evaluated by HyperFormula, agrees with
 * plain loops over the same deals. Owners and customers include names that look like
 * formulas, operators or wildcards: they must stay text and match only themselves.
 */
import fc from "fast-check";
import { Deal, DealStatus } from "../../src/core/deal";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { planWorkbook } from "../../src/compose/workbook";
import { repNames } from "../../src/generators/reps";
import { expectNear, PIPELINE } from "./sampleDeals";

const HOSTILE = ["alice", "Alice", '=HYPERLINK("http://example.invalid","x")', "+cmd", "-1+1", "@SUM(A1)", "A*", "A?", ">5", "<>", "Bob", "bob ", 'Quote "q"', "Line\nbreak"];

const dealArb = fc.record({
  owner: fc.constantFrom(...HOSTILE),
  customer: fc.constantFrom(...HOSTILE, "Acme", "Acme Ltd"),
  amount: fc.integer({ min: 0, max: 100000 }),
  status: fc.constantFrom<DealStatus>("open", "won", "lost"),
  stage: fc.integer({ min: 0, max: 3 }),
  lostAt: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  createdDay: fc.integer({ min: 0, max: 500 }),
  cycle: fc.integer({ min: 0, max: 120 }),
  probability: fc.constantFrom(0.1, 0.25, 0.5, 0.8),
});

function iso(day: number): string {
  return new Date(Date.UTC(2024, 0, 1) + day * 86400000).toISOString().slice(0, 10);
}

type DealRow = typeof dealArb extends fc.Arbitrary<infer T> ? T : never;

function toDeals(rows: DealRow[]): Deal[] {
  return rows.map((r, i) => ({
    id: `R${i}`,
    name: r.owner,
    customer: r.customer,
    owner: r.owner,
    amount: r.amount,
    currency: "USD",
    createdDate: iso(r.createdDay),
    closeDate: iso(r.createdDay + r.cycle),
    stage: r.status === "open" ? PIPELINE.stages[r.stage].name : r.status === "won" ? "Closed Won" : "Closed Lost",
    stagePosition: r.status === "open" ? r.stage : null,
    status: r.status,
    probability: r.status === "won" ? 1 : r.status === "lost" ? 0 : r.probability,
    lostAtStage: r.status === "lost" ? r.lostAt : null,
    source: "",
    furthestStage: r.status === "won" ? 4 : r.status === "lost" ? r.lostAt ?? 0 : r.stage,
  }));
}

describe("the workbook agrees with plain loops over random deals", () => {
  it("funnel, reps, customers and pipeline", () => {
    fc.assert(
      fc.property(fc.array(dealArb, { minLength: 1, maxLength: 25 }), (rows) => {
        const deals = toDeals(rows);
        const composed = planWorkbook(deals, PIPELINE, { sheets: { customers: { asOf: "2025-12-31" } } });
        if (!composed.ok) throw new Error(JSON.stringify(composed.errors));
        const plan = composed.plan;
        const ev = evaluatePlan(plan);

        for (let stage = 0; stage <= 4; stage++) {
          let n = 0;
          for (const d of deals) if ((d.status === "won" ? 4 : d.status === "lost" ? d.lostAtStage ?? 0 : d.stagePosition!) >= stage) n++;
          expect(ev.value("Funnel", `C${5 + stage}`)).toBe(n);
        }

        // Equality in Excel is case-insensitive: "Bob" and "bob " differ (a space), but a
        // rep's row counts every deal whose owner equals it ignoring case.
        const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
        repNames(deals).forEach((rep, i) => {
          const row = 5 + i;
          expect(ev.value("Reps", `A${row}`)).toBe(rep);
          const mine = deals.filter((d) => same(d.owner, rep));
          expect(ev.value("Reps", `B${row}`)).toBe(mine.filter((d) => d.status === "won").reduce((s, d) => s + d.amount, 0));
          expect(ev.value("Reps", `E${row}`)).toBe(mine.filter((d) => d.status === "won").length);
          expect(ev.value("Reps", `F${row}`)).toBe(mine.filter((d) => d.status === "lost").length);
        });

        const customers = ev.values("Customers", `A7:B${6 + new Set(deals.map((d) => d.customer.toLowerCase())).size}`);
        for (const [name, revenue] of customers) {
          const expected = deals.filter((d) => same(d.customer, name as string) && d.status === "won").reduce((s, d) => s + d.amount, 0);
          expect([name, revenue]).toEqual([name, expected]);
        }

        let weighted = 0;
        for (const d of deals) if (d.status === "open") weighted += d.amount * d.probability;
        expectNear(ev.value("Forecast", "B7"), weighted);
      }),
      { numRuns: 25, seed: 20251127 },
    );
  });
});
