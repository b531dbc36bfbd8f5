import fc from "fast-check";
import {
  CommissionCredits,
  CommissionPlan,
  CommissionRun,
  creditDeals,
  parseCommissionPlan,
  RepPeriodPayout,
  runCommissionPlan,
  validateCommissionPlan,
} from "../../src/core/commission";

function run(plan: CommissionPlan, input: CommissionCredits): CommissionRun {
  const result = runCommissionPlan(plan, input);
  if ("errors" in result) throw new Error(JSON.stringify(result.errors));
  return result;
}

function one(plan: CommissionPlan, amount: number, extra: Partial<CommissionCredits> = {}): RepPeriodPayout {
  return run(plan, { periods: ["P1"], reps: ["Ann"], credits: [{ rep: "Ann", period: 0, amount }], ...extra }).rows[0];
}

const base: CommissionPlan = {
  basis: "amount",
  method: "marginal",
  tiers: [
    { from: 0, rate: 0.05 },
    { from: 10000, rate: 0.1 },
    { from: 20000, rate: 0.2 },
  ],
  quota: 20000,
};

describe("runCommissionPlan: worked examples", () => {
  it("pays a marginal amount plan band by band", () => {
    // 25,000: 10,000 x 5% + 10,000 x 10% + 5,000 x 20% = 500 + 1,000 + 1,000 = 2,500
    const row = one(base, 25000);
    expect(row.tierCommission).toBeCloseTo(2500, 9);
    expect(row.payout).toBeCloseTo(2500, 9);
    expect(row.attainment).toBeCloseTo(1.25, 12);
    expect(row.tiers.map((t) => t.basis)).toEqual([10000, 10000, 5000]);
  });

  it("pays a retroactive plan at the highest tier on everything", () => {
    // 25,000 reaches 20,000: 25,000 x 20% = 5,000; 19,999 stays at 10%: 1,999.90
    expect(one({ ...base, method: "retroactive" }, 25000).payout).toBeCloseTo(5000, 9);
    expect(one({ ...base, method: "retroactive" }, 19999).payout).toBeCloseTo(1999.9, 9);
  });

  it("pays the issue's hybrid plan: 5% below 50%, 10% on everything from 50%, 20% above quota", () => {
    const hybrid: CommissionPlan = {
      basis: "attainment",
      method: "hybrid",
      marginalFrom: 1,
      tiers: [
        { from: 0, rate: 0.05 },
        { from: 0.5, rate: 0.1 },
        { from: 1, rate: 0.2 },
      ],
      quota: 100000,
    };
    // 40,000 (40%): 40,000 x 5% = 2,000
    expect(one(hybrid, 40000).payout).toBeCloseTo(2000, 8);
    // 80,000 (80%): 80,000 x 10% = 8,000 (retroactive from 50%)
    expect(one(hybrid, 80000).payout).toBeCloseTo(8000, 8);
    // 130,000: 100,000 x 10% + 30,000 x 20% = 16,000
    const above = one(hybrid, 130000);
    expect(above.payout).toBeCloseTo(16000, 8);
    expect(above.tiers.map((t) => Math.round(t.basis))).toEqual([0, 100000, 30000]);
  });

  it("reads attainment tiers as multipliers of target pay (accelerator and decelerator)", () => {
    const accel: CommissionPlan = {
      basis: "attainment",
      method: "marginal",
      tiers: [
        { from: 0, rate: 0.5 },
        { from: 0.6, rate: 1 },
        { from: 1, rate: 2 },
      ],
      quota: 50000,
      targetPay: 10000,
    };
    // 60,000 of 50,000 = 120%: curve = 0.6 x 0.5 + 0.4 x 1 + 0.2 x 2 = 0.3 + 0.4 + 0.4 = 1.1 -> 11,000
    expect(one(accel, 60000).payout).toBeCloseTo(11000, 8);
    // 20,000 = 40% (decelerated): 0.4 x 0.5 = 0.2 -> 2,000
    expect(one(accel, 20000).payout).toBeCloseTo(2000, 8);
  });

  it("pays nothing below the gate and everything at it", () => {
    const gated = { ...base, gate: 0.5 };
    // 9,999 of 20,000 = 49.995% < 50%: 0
    expect(one(gated, 9999).payout).toBe(0);
    // 10,000 = 50%: 10,000 x 5% = 500
    expect(one(gated, 10000).payout).toBeCloseTo(500, 9);
    const line = one(gated, 9999).lines.find((l) => l.component === "gate")!;
    expect(line.amount).toBeCloseTo(-499.95, 9);
  });

  it("limits the period's payout to the cap", () => {
    // 25,000 earns 2,500; cap 2,000
    const row = one({ ...base, cap: 2000 }, 25000);
    expect(row.payout).toBe(2000);
    expect(row.lines.find((l) => l.component === "cap")!.amount).toBeCloseTo(-500, 9);
  });

  it("prorates the quota and applies a ramp", () => {
    const plan: CommissionPlan = {
      basis: "attainment",
      method: "retroactive",
      tiers: [
        { from: 0, rate: 0.05 },
        { from: 1, rate: 0.1 },
      ],
      quota: 20000,
      ramp: { Ann: [0.5] },
      proration: { Ann: [0.5] },
    };
    // effective quota = 20,000 x 0.5 x 0.5 = 5,000; 6,000 credited = 120% -> 10% on 6,000 = 600
    const row = one(plan, 6000);
    expect(row.effectiveQuota).toBe(5000);
    expect(row.attainment).toBeCloseTo(1.2, 12);
    expect(row.payout).toBeCloseTo(600, 9);
  });

  it("carries a recoverable draw across periods and recovers it", () => {
    const plan = { ...base, draw: { amount: 1000, recoverable: true } };
    // period 1: 4,000 x 5% = 200 -> paid 1,000, balance 800
    // period 2: 30,000 -> 500 + 1,000 + 2,000 = 3,500; available 3,500 - 800 = 2,700 -> paid 2,700, balance 0
    // period 3: 0 -> paid 1,000, balance 1,000
    const rows = run(plan, {
      periods: ["P1", "P2", "P3"],
      reps: ["Ann"],
      credits: [
        { rep: "Ann", period: 0, amount: 4000 },
        { rep: "Ann", period: 1, amount: 30000 },
      ],
    }).rows;
    expect(rows.map((r) => r.payout)).toEqual([1000, 2700, 1000]);
    expect(rows.map((r) => r.closingBalance)).toEqual([800, 0, 1000]);
  });

  it("pays a non-recoverable draw as a guaranteed minimum", () => {
    const plan = { ...base, draw: { amount: 1000, recoverable: false } };
    const rows = run(plan, {
      periods: ["P1", "P2"],
      reps: ["Ann"],
      credits: [
        { rep: "Ann", period: 0, amount: 4000 },
        { rep: "Ann", period: 1, amount: 30000 },
      ],
    }).rows;
    // 200 -> 1,000 (nothing carried); 3,500 -> 3,500
    expect(rows.map((r) => r.payout)).toEqual([1000, 3500]);
    expect(rows.map((r) => r.closingBalance)).toEqual([0, 0]);
  });

  it("claws a cancelled deal back at the rate it was paid", () => {
    // P1: 25,000 earns 2,500, effective rate 2,500 / 25,000 = 10%.
    // P2: 5,000 earns 250; a 5,000 deal from P1 is cancelled: 5,000 x 10% = 500 reversed.
    // net = 250 - 500 = -250: paid 0, 250 carried. P3: 10,000 earns 500 -> paid 500 - 250 = 250.
    const rows = run(base, {
      periods: ["P1", "P2", "P3"],
      reps: ["Ann"],
      credits: [
        { rep: "Ann", period: 0, amount: 25000 },
        { rep: "Ann", period: 1, amount: 5000 },
        { rep: "Ann", period: 2, amount: 10000 },
      ],
      clawbacks: [{ rep: "Ann", period: 1, originalPeriod: 0, amount: 5000 }],
    }).rows;
    expect(rows[0].paidRate).toBeCloseTo(0.1, 12);
    expect(rows[1].clawback).toBeCloseTo(500, 9);
    expect(rows.map((r) => r.payout)).toEqual([2500, 0, 250].map((v) => expect.closeTo(v, 9)));
    expect(rows[1].closingBalance).toBeCloseTo(250, 9);
  });

  it("claws back at the capped rate when the original period was capped", () => {
    // P1: 25,000 earns 2,500 capped at 2,000: rate = 2,000 / 25,000 = 8%; reversal of 5,000 = 400
    const rows = run(
      { ...base, cap: 2000 },
      {
        periods: ["P1", "P2"],
        reps: ["Ann"],
        credits: [
          { rep: "Ann", period: 0, amount: 25000 },
          { rep: "Ann", period: 1, amount: 20000 },
        ],
        clawbacks: [{ rep: "Ann", period: 1, originalPeriod: 0, amount: 5000 }],
      },
    ).rows;
    expect(rows[1].clawback).toBeCloseTo(400, 9);
    // P2: 20,000 earns 1,500 -> 1,500 - 400 = 1,100
    expect(rows[1].payout).toBeCloseTo(1100, 9);
  });

  it("pays SPIFs per qualifying deal and the highest bonus band reached", () => {
    const plan: CommissionPlan = {
      ...base,
      spif: { amount: 100, minDealAmount: 5000 },
      bonusBands: [
        { from: 1, amount: 500 },
        { from: 1.2, amount: 1000 },
      ],
    };
    const credits = creditDeals(
      [
        { id: "A", amount: 6000, period: 0, splits: [{ rep: "Ann", share: 1 }] },
        { id: "B", amount: 4000, period: 0, splits: [{ rep: "Ann", share: 1 }] },
        { id: "C", amount: 15000, period: 0, splits: [{ rep: "Ann", share: 0.5 }, { rep: "Bo", share: 0.5 }] },
      ],
      { ...plan, quota: { Ann: 20000, Bo: 20000 } },
      ["P1"],
    );
    if ("errors" in credits) throw new Error(JSON.stringify(credits.errors));
    const rows = run({ ...plan, quota: { Ann: 20000, Bo: 20000 } }, credits).rows;
    // Ann: 6,000 + 4,000 + 7,500 = 17,500 (87.5%): 500 + 750 = 1,250 tier; SPIF: A (1) + C (0.5) = 1.5 x 100 = 150;
    // no bonus (below 100%) -> 1,400
    expect(rows[0].credited).toBe(17500);
    expect(rows[0].spif).toBeCloseTo(150, 9);
    expect(rows[0].bonus).toBe(0);
    expect(rows[0].payout).toBeCloseTo(1400, 9);
    // Bo: 7,500 -> 375 tier + 50 SPIF
    expect(rows[1].payout).toBeCloseTo(425, 9);
    // a single rep at 125%: 25,000 -> 2,500 + bonus of the 120% band 1,000
    expect(one(plan, 25000).payout).toBeCloseTo(3500, 9);
  });

  it("makes every audit trail add up to the payout", () => {
    const rows = run(
      { ...base, cap: 3000, gate: 0.3, draw: { amount: 800, recoverable: true }, spif: { amount: 50 } },
      {
        periods: ["P1", "P2", "P3"],
        reps: ["Ann"],
        credits: [
          { rep: "Ann", period: 0, amount: 3000, spifDeals: 1 },
          { rep: "Ann", period: 1, amount: 40000, spifDeals: 2 },
          { rep: "Ann", period: 2, amount: 12000 },
        ],
        clawbacks: [{ rep: "Ann", period: 2, originalPeriod: 1, amount: 4000 }],
      },
    ).rows;
    for (const row of rows) {
      const sum = row.lines.filter((l) => l.component !== "payout").reduce((a, l) => a + l.amount, 0);
      expect(sum).toBeCloseTo(row.payout, 9);
      expect(row.tiers.reduce((a, t) => a + t.amount, 0)).toBeCloseTo(row.tierCommission, 9);
    }
  });
});

describe("validation names the field", () => {
  const fields = (plan: CommissionPlan) => validateCommissionPlan(plan).map((e) => e.field);
  it("flags thresholds not strictly ascending", () => {
    expect(fields({ ...base, tiers: [{ from: 0, rate: 0.1 }, { from: 0, rate: 0.2 }] })).toEqual(["tiers[1].from"]);
  });
  it("flags a negative rate", () => {
    expect(fields({ ...base, tiers: [{ from: 0, rate: -0.1 }] })).toEqual(["tiers[0].rate"]);
  });
  it("flags a hybrid plan without a valid marginalFrom", () => {
    expect(fields({ ...base, method: "hybrid", marginalFrom: 0 })).toEqual(["marginalFrom"]);
    expect(fields({ ...base, method: "hybrid", marginalFrom: 10000 })).toEqual([]);
  });
  it("flags a gate beyond the cap's reach", () => {
    // at a 100% gate (20,000) the plan already pays 500 + 1,000 = 1,500 > cap 1,000
    expect(fields({ ...base, gate: 1, cap: 1000 })).toEqual(["gate"]);
    expect(fields({ ...base, gate: 1, cap: 1500 })).toEqual([]);
  });
  it("flags zero quotas, negative caps and a draw without a flag", () => {
    const plan = { ...base, quota: { Ann: 0 }, cap: -1, draw: { amount: 5 } } as unknown as CommissionPlan;
    expect(fields(plan)).toEqual(["quota.Ann", "cap", "draw.recoverable"]);
  });
  it("flags split percentages that do not add up, and overlays the plan does not allow", () => {
    const deal = (splits: { rep: string; share: number; overlay?: boolean }[]) => [{ id: "X", amount: 100, period: 0, splits }];
    const bad = creditDeals(deal([{ rep: "A", share: 0.6 }, { rep: "B", share: 0.3 }]), base, ["P"]);
    expect("errors" in bad && bad.errors[0].field).toBe("deals[0].splits");
    const overlay = deal([{ rep: "A", share: 1 }, { rep: "B", share: 1, overlay: true }]);
    const refused = creditDeals(overlay, base, ["P"]);
    expect("errors" in refused && refused.errors[0].field).toBe("deals[0].splits[1].overlay");
    const allowed = creditDeals(overlay, { ...base, allowOverlay: true }, ["P"]);
    expect("credits" in allowed && allowed.credits.map((c) => c.amount)).toEqual([100, 100]);
  });
  it("never computes an invalid plan", () => {
    const result = runCommissionPlan({ ...base, tiers: [{ from: 5, rate: 0.1 }, { from: 1, rate: 0.1 }] }, {
      periods: ["P"],
      reps: ["Ann"],
      credits: [],
    });
    expect("errors" in result).toBe(true);
  });
});

describe("parseCommissionPlan", () => {
  it("reads a plan file", () => {
    const parsed = parseCommissionPlan({
      basis: "Amount",
      method: "marginal",
      tiers: [{ from: 0, rate: 0.1 }],
      quota: { Ann: 1000 },
      draw: { amount: 100, recoverable: true },
    });
    expect("plan" in parsed && parsed.plan.basis).toBe("amount");
  });
  it("lists every problem with its field", () => {
    const parsed = parseCommissionPlan({ basis: "amount", method: "flat", tiers: [], quota: 0, tiers2: 1 });
    // the unknown field is reported together with the other problems, not instead of them
    expect("errors" in parsed && parsed.errors.map((e) => e.field)).toEqual(["tiers2", "method", "tiers", "quota"]);
    const second = parseCommissionPlan({ basis: "amount", method: "flat", tiers: [], quota: 0 });
    expect("errors" in second && second.errors.map((e) => e.field)).toEqual(["method", "tiers", "quota"]);
  });
  it("reports missing required fields", () => {
    const parsed = parseCommissionPlan({ method: "marginal" });
    expect("errors" in parsed && parsed.errors.map((e) => e.field)).toEqual(["basis", "tiers", "quota"]);
  });
});

describe("properties", () => {
  const tiersArb = fc
    .uniqueArray(fc.integer({ min: 0, max: 50000 }), { minLength: 1, maxLength: 5 })
    .chain((raw) =>
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: raw.length, maxLength: raw.length }).map((rates) =>
        [...raw].sort((a, b) => a - b).map((from, i) => ({ from, rate: rates[i] / 100 })),
      ),
    );

  it("marginal payout is continuous and never decreasing in the amount", () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 0, max: 80000 }), (tiers, amount) => {
        const plan: CommissionPlan = { basis: "amount", method: "marginal", tiers, quota: 10000 };
        const at = one(plan, amount).payout;
        const after = one(plan, amount + 0.01).payout;
        expect(after).toBeGreaterThanOrEqual(at - 1e-9);
        // a cent more never moves the payout by more than a cent x the highest rate
        expect(after - at).toBeLessThanOrEqual(0.01 * 0.4 + 1e-9);
      }),
    );
  });

  it("retroactive payout jumps only at thresholds", () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 0, max: 80000 }), (tiers, amount) => {
        const plan: CommissionPlan = { basis: "amount", method: "retroactive", tiers, quota: 10000 };
        const lo = amount;
        const hi = amount + 0.5;
        const crosses = tiers.some((t) => t.from > lo && t.from <= hi);
        const jump = one(plan, hi).payout - one(plan, lo).payout;
        if (!crosses) expect(Math.abs(jump)).toBeLessThanOrEqual(0.5 * 0.4 + 1e-9);
      }),
    );
  });

  it("never pays above the cap and pays nothing below the gate", () => {
    fc.assert(
      fc.property(
        tiersArb,
        fc.integer({ min: 0, max: 80000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 150 }),
        (tiers, amount, cap, gatePercent) => {
          const capped: CommissionPlan = { basis: "amount", method: "retroactive", tiers, quota: 20000, cap };
          expect(one(capped, amount).payout).toBeLessThanOrEqual(cap);
          const gate = gatePercent / 100;
          const gated: CommissionPlan = { basis: "amount", method: "marginal", tiers, quota: 20000, gate };
          if (amount / 20000 < gate) expect(one(gated, amount).payout).toBe(0);
        },
      ),
    );
  });

  it("with a recoverable draw, total paid = total earned + outstanding balance", () => {
    fc.assert(
      fc.property(
        tiersArb,
        fc.array(fc.integer({ min: 0, max: 60000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 4000 }),
        (tiers, amounts, draw) => {
          const plan: CommissionPlan = { basis: "amount", method: "marginal", tiers, quota: 20000, draw: { amount: draw, recoverable: true } };
          const rows = run(plan, {
            periods: amounts.map((_, i) => `P${i}`),
            reps: ["Ann"],
            credits: amounts.map((amount, period) => ({ rep: "Ann", period, amount })),
          }).rows;
          const paid = rows.reduce((a, r) => a + r.payout, 0);
          const earned = rows.reduce((a, r) => a + r.net, 0);
          expect(paid).toBeCloseTo(earned + rows[rows.length - 1].closingBalance, 6);
        },
      ),
    );
  });

  it("splits never credit more than the deal unless overlay is on", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        (amount, weights, addOverlay, allowOverlay) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const splits = weights.map((w, i) => ({ rep: `R${i}`, share: w / total }));
          // shares rounded by floating point may miss 1 by a hair: the last one takes the rest
          splits[splits.length - 1].share = 1 - splits.slice(0, -1).reduce((a, s) => a + s.share, 0);
          const all = addOverlay ? [...splits, { rep: "Overlay", share: 1, overlay: true }] : splits;
          const result = creditDeals([{ id: "D", amount, period: 0, splits: all }], { ...base, allowOverlay }, ["P"]);
          if ("errors" in result) {
            expect(addOverlay && !allowOverlay).toBe(true);
            return;
          }
          const credited = result.credits.reduce((a, c) => a + c.amount, 0);
          if (!addOverlay) expect(credited).toBeLessThanOrEqual(amount * (1 + 1e-12));
        },
      ),
    );
  });
});
