import fc from "fast-check";
import { isCoreError } from "../../src/core/errors";
import {
  commissionForDeal,
  drawStep,
  TierTable,
  tierCommission,
  tierCommissionDetail,
  validateTierTable,
} from "../../src/core/commission/tiers";

/** thresholds 0 / 100 / 200, rates 5% / 10% / 20%: bands [0,100) [100,200) [200,inf). */
function table(thresholds = [0, 100, 200], rates = [0.05, 0.1, 0.2]): TierTable {
  const t = validateTierTable(thresholds, rates);
  if (isCoreError(t)) throw new Error(t.message);
  return t;
}

describe("validateTierTable", () => {
  it("accepts a strictly ascending table", () => {
    expect(isCoreError(validateTierTable([0, 100, 200], [0.05, 0.1, 0.2]))).toBe(false);
  });
  it("rejects thresholds out of order with VALUE naming the position", () => {
    const r = validateTierTable([0, 200, 100], [0.05, 0.1, 0.2]);
    expect(isCoreError(r) && r.code).toBe("VALUE");
    expect(isCoreError(r) && r.message).toMatch(/threshold 3/);
  });
  it("rejects equal thresholds (not strictly ascending)", () => {
    const r = validateTierTable([0, 100, 100], [0.05, 0.1, 0.2]);
    expect(isCoreError(r) && r.code).toBe("VALUE");
  });
  it("rejects a negative rate with NUM", () => {
    const r = validateTierTable([0, 100], [0.05, -0.1]);
    expect(isCoreError(r) && r.code).toBe("NUM");
  });
  it("rejects lists of different lengths with VALUE", () => {
    const r = validateTierTable([0, 100], [0.05]);
    expect(isCoreError(r) && r.code).toBe("VALUE");
  });
  it("rejects an empty table with VALUE", () => {
    const r = validateTierTable([], []);
    expect(isCoreError(r) && r.code).toBe("VALUE");
  });
  it("checks order before the sign of rates (unsorted wins)", () => {
    const r = validateTierTable([100, 0], [-1, 0.1]);
    expect(isCoreError(r) && r.code).toBe("VALUE");
  });
});

describe("tierCommission", () => {
  const t = table();
  it("pays marginal rates on their own bands", () => {
    // 250: 100*0.05 (band 0-100) + 100*0.1 (band 100-200) + 50*0.2 (above 200) = 5 + 10 + 10 = 25
    expect(tierCommission(250, t, "marginal")).toBeCloseTo(25, 10);
    // 50: 50*0.05 = 2.5
    expect(tierCommission(50, t, "marginal")).toBeCloseTo(2.5, 10);
  });
  it("pays the highest reached rate on everything when retroactive", () => {
    // 250 reaches the 200 tier: 250*0.2 = 50
    expect(tierCommission(250, t, "retroactive")).toBeCloseTo(50, 10);
    // 150 reaches the 100 tier: 150*0.1 = 15
    expect(tierCommission(150, t, "retroactive")).toBeCloseTo(15, 10);
  });
  it("applies a tier from its threshold inclusive", () => {
    // exactly 100: retroactive is already 10% -> 10; marginal is 100*0.05 = 5
    expect(tierCommission(100, t, "retroactive")).toBeCloseTo(10, 10);
    expect(tierCommission(100, t, "marginal")).toBeCloseTo(5, 10);
    // just below: 99.99*0.05
    expect(tierCommission(99.99, t, "retroactive")).toBeCloseTo(4.9995, 10);
  });
  it("pays nothing below the first threshold", () => {
    const high = table([1000, 2000], [0.1, 0.2]);
    expect(tierCommission(999, high, "marginal")).toBe(0);
    expect(tierCommission(999, high, "retroactive")).toBe(0);
    // 1500 marginal: only (1500-1000)*0.1 = 50; retroactive: 1500*0.1 = 150
    expect(tierCommission(1500, high, "marginal")).toBeCloseTo(50, 10);
    expect(tierCommission(1500, high, "retroactive")).toBeCloseTo(150, 10);
  });
  it("limits the payout to the cap", () => {
    expect(tierCommission(250, t, "retroactive", 40)).toBe(40);
    expect(tierCommission(250, t, "marginal", 40)).toBeCloseTo(25, 10);
  });
  it("returns NUM for a negative amount or a negative cap", () => {
    const a = tierCommission(-1, t, "marginal");
    expect(isCoreError(a) && a.code).toBe("NUM");
    const b = tierCommission(1, t, "marginal", -5);
    expect(isCoreError(b) && b.code).toBe("NUM");
  });
  it("reads attainment and multipliers as an accelerator curve", () => {
    // {0,1,1.3} / {1,1.5,2} at 120% attainment: 1*1 + 0.2*1.5 = 1.3 times target pay
    const curve = table([0, 1, 1.3], [1, 1.5, 2]);
    expect(tierCommission(1.2, curve, "marginal")).toBeCloseTo(1.3, 10);
    // at 140%: 1 + 0.3*1.5 + 0.1*2 = 1.65
    expect(tierCommission(1.4, curve, "marginal")).toBeCloseTo(1.65, 10);
  });
  it("matches the band-by-band definition on random tables", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 12000 }),
        (raw, rawRates, amount) => {
          const thresholds = [...raw].sort((a, b) => a - b);
          const rates = rawRates.slice(0, thresholds.length).map((r) => r / 100);
          const tt = table(thresholds, rates);
          // definition: sum over tiers of rate * overlap of [t_i, t_{i+1}) with [0, amount]
          let expected = 0;
          for (let i = 0; i < thresholds.length; i++) {
            const top = i + 1 < thresholds.length ? thresholds[i + 1] : Infinity;
            expected += rates[i] * Math.max(0, Math.min(amount, top) - thresholds[i]);
          }
          const got = tierCommission(amount, tt, "marginal") as number;
          expect(Math.abs(got - expected)).toBeLessThan(1e-6);
        },
      ),
    );
  });
});

describe("tierCommissionDetail", () => {
  const t = table();
  it("credits each band its part when marginal", () => {
    expect(tierCommissionDetail(150, t, "marginal")).toEqual([
      { threshold: 0, rate: 0.05, credited: 100, commission: 5 },
      { threshold: 100, rate: 0.1, credited: 50, commission: 5 },
      { threshold: 200, rate: 0.2, credited: 0, commission: 0 },
    ]);
  });
  it("credits the whole amount to the highest tier reached when retroactive", () => {
    expect(tierCommissionDetail(150, t, "retroactive")).toEqual([
      { threshold: 0, rate: 0.05, credited: 0, commission: 0 },
      { threshold: 100, rate: 0.1, credited: 150, commission: 15 },
      { threshold: 200, rate: 0.2, credited: 0, commission: 0 },
    ]);
  });
  it("credits nothing below the first threshold", () => {
    const rows = tierCommissionDetail(50, table([100, 200], [0.1, 0.2]), "marginal");
    expect(rows).toEqual([
      { threshold: 100, rate: 0.1, credited: 0, commission: 0 },
      { threshold: 200, rate: 0.2, credited: 0, commission: 0 },
    ]);
  });
  it("returns NUM for a negative amount", () => {
    const r = tierCommissionDetail(-3, t, "marginal");
    expect(isCoreError(r) && r.code).toBe("NUM");
  });
});

describe("commissionForDeal", () => {
  const t = table();
  it("pays the marginal difference the deal makes", () => {
    // C(130) = 100*0.05 + 30*0.1 = 8; C(80) = 4; the deal earns 4
    expect(commissionForDeal(50, 80, t)).toBeCloseTo(4, 10);
  });
  it("allows a credit note while the booked amount stays >= 0", () => {
    // C(150) - C(250) = (5 + 5) - 25 = -15
    expect(commissionForDeal(-100, 250, t)).toBeCloseTo(-15, 10);
  });
  it("returns NUM when the credit note takes the booked amount below 0", () => {
    const r = commissionForDeal(-100, 50, t);
    expect(isCoreError(r) && r.code).toBe("NUM");
  });
  it("returns NUM for a negative prior amount", () => {
    const r = commissionForDeal(10, -1, t);
    expect(isCoreError(r) && r.code).toBe("NUM");
  });
});

describe("drawStep", () => {
  it("tops a recoverable draw up and carries the shortfall", () => {
    // available = 300 - 0; payout = max(300, 1000) = 1000; balance = 1000 - 300 = 700
    expect(drawStep(300, 1000, true, 0)).toEqual({ payout: 1000, balance: 700 });
  });
  it("recovers the balance from later earnings", () => {
    // available = 2000 - 700 = 1300 >= draw: payout 1300, balance 0
    expect(drawStep(2000, 1000, true, 700)).toEqual({ payout: 1300, balance: 0 });
    // available = 1200 - 700 = 500 < 1000: payout 1000, balance 500
    expect(drawStep(1200, 1000, true, 700)).toEqual({ payout: 1000, balance: 500 });
  });
  it("pays a non-recoverable draw as a guaranteed minimum", () => {
    expect(drawStep(300, 1000, false, 0)).toEqual({ payout: 1000, balance: 0 });
    expect(drawStep(3000, 1000, false, 500)).toEqual({ payout: 3000, balance: 0 });
  });
  it("returns NUM for negative inputs", () => {
    for (const r of [drawStep(-1, 0, true, 0), drawStep(0, -1, true, 0), drawStep(0, 0, true, -1)]) {
      expect(isCoreError(r) && r.code).toBe("NUM");
    }
  });
  it("keeps total paid = total earned + balance left over any recoverable sequence", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 24 }),
        fc.integer({ min: 0, max: 3000 }),
        (earnings, draw) => {
          let balance = 0;
          let paid = 0;
          for (const earned of earnings) {
            const step = drawStep(earned, draw, true, balance);
            if (isCoreError(step)) throw new Error(step.message);
            paid += step.payout;
            balance = step.balance;
          }
          const earnedTotal = earnings.reduce((a, b) => a + b, 0);
          expect(paid).toBe(earnedTotal + balance);
        },
      ),
    );
  });
});
