/**
 * Deals held by column must read back as the very deals given: every field, nulls, field
 * order, any number or text, and refuse changes.
 */
import fc from "fast-check";
import type { Deal } from "../../src/core/deal";
import { DealColumns } from "../../src/core/dealTable";

const compactDeals = (deals: readonly Deal[]): readonly Deal[] => DealColumns.from(deals).toArray();
import { buildDeals } from "../generators/sampleDeals";

const isoDay = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const deal: fc.Arbitrary<Deal> = fc.record({
  id: fc.string(),
  name: fc.string({ maxLength: 60 }),
  customer: fc.constantFrom("Acme", "Globex", "", "客户甲", "Umbrella Corporation International"),
  owner: fc.constantFrom("Ann Lee", "Bo Chen", "王芳"),
  amount: fc.double({ noNaN: true, noDefaultInfinity: true }),
  currency: fc.constantFrom("USD", "CNY", "EUR"),
  createdDate: fc.option(isoDay),
  closeDate: fc.option(isoDay),
  stage: fc.constantFrom("Qualification", "Proposal", "Closed Won", "Closed Lost"),
  stagePosition: fc.option(fc.nat(40)),
  status: fc.constantFrom("open" as const, "won" as const, "lost" as const),
  probability: fc.double({ min: 0, max: 1, noNaN: true }),
  lostAtStage: fc.option(fc.nat(40)),
  source: fc.constantFrom("", "Web", "Partner"),
  furthestStage: fc.nat(41),
});

describe("DealColumns", () => {
  it("reads back every deal field for field, in the same field order", () => {
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 40 }), (deals) => {
        const held = compactDeals(deals);
        expect(held).toHaveLength(deals.length);
        expect(held).toEqual(deals);
        expect(JSON.stringify(held)).toBe(JSON.stringify(deals));
        // -0 and the exact bits of every amount survive.
        held.forEach((d, i) => expect(Object.is(d.amount, deals[i].amount)).toBe(true));
      }),
    );
  });

  it("reads as the sample deals through the array methods generators use", () => {
    const deals = buildDeals();
    const held = compactDeals(deals);
    expect(held.filter((d) => d.status === "won")).toEqual(deals.filter((d) => d.status === "won"));
    expect(held.map((d) => d.amount).reduce((a, b) => a + b, 0)).toBe(deals.map((d) => d.amount).reduce((a, b) => a + b, 0));
    expect([...held]).toEqual(deals);
  });

  it("does not keep the given array, and refuses changes", () => {
    const deals = buildDeals();
    const held = compactDeals(deals);
    const first = { ...deals[0] };
    deals[0].name = "changed after";
    deals.length = 0;
    expect(held[0]).toEqual(first);
    expect(() => (held as Deal[]).push(first)).toThrow(TypeError);
  });

  it("grows past its first capacity and rewrites a deal in place, keeping -1 and NaN", () => {
    const deals = buildDeals();
    const table = new DealColumns();
    for (let i = 0; i < 3000; i++) table.append({ ...deals[i % deals.length], id: `D-${i}` });
    expect(table.length).toBe(3000);
    expect(table.get(2999)).toEqual({ ...deals[2999 % deals.length], id: "D-2999" });
    const pending = { ...table.get(1500), stagePosition: -1, probability: NaN, lostAtStage: null, closeDate: null };
    table.set(1500, pending);
    expect(table.get(1500)).toEqual(pending);
    expect([...table].map((d) => d.id).slice(0, 3)).toEqual(["D-0", "D-1", "D-2"]);
    expect(() => table.get(3000)).toThrow(RangeError);
  });
});
