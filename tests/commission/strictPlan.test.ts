/**
 * Strict plans: unknown fields at every depth (with the closest known field), finite and
 * bounded rates and amounts, maps keyed by rep names read by their own keys only, and the
 * messages in both languages through the commission catalog.
 */
import { CommissionPlan, parseCommissionPlan, runCommissionPlan, validateCommissionPlan } from "../../src/core/commission";
import { closestName } from "../../src/core/commission/messages";
import { commissionMessage } from "../../src/i18n/commission";

const base = {
  basis: "amount",
  method: "marginal",
  tiers: [
    { from: 0, rate: 0.05 },
    { from: 10000, rate: 0.1 },
  ],
  quota: 20000,
};

function errorsOf(json: unknown) {
  const parsed = parseCommissionPlan(json);
  return "errors" in parsed ? parsed.errors : [];
}

describe("unknown fields at every depth", () => {
  it("refuses spif.minDeal, which used to leave the SPIF minimum blank, and suggests minDealAmount", () => {
    const errors = errorsOf({ ...base, spif: { amount: 200, minDeal: 20000 } });
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ["spif.minDeal", "spif.minDeal is not a field of spif; did you mean minDealAmount?"],
    ]);
  });
  it("refuses draw.recoverble and suggests recoverable (which is then missing too)", () => {
    const errors = errorsOf({ ...base, draw: { amount: 1000, recoverble: true } });
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ["draw.recoverble", "draw.recoverble is not a field of draw; did you mean recoverable?"],
      ["draw.recoverable", "draw.recoverable must be true or false."],
    ]);
  });
  it("names the path inside lists and at the top", () => {
    const errors = errorsOf({ ...base, gates: 0.5, tiers: [{ from: 0, rat: 0.05 }], bonusBands: [{ from: 1, amout: 100 }] });
    expect(errors.map((e) => e.message)).toEqual([
      "gates is not a field of the plan; did you mean gate?",
      "tiers[0].rat is not a field of tiers[0]; did you mean rate?",
      "tiers[0].rate is missing.",
      "bonusBands[0].amout is not a field of bonusBands[0]; did you mean amount?",
      "bonusBands[0].amount is missing.",
    ]);
  });
  it("says nothing about a suggestion when no field is close", () => {
    expect(errorsOf({ ...base, spif: { amount: 1, colour: "red" } }).map((e) => e.message)).toEqual(["Unknown field spif.colour: it is not a field of spif."]);
  });
  it("refuses the same in a plan object given to the engine", () => {
    const plan = { ...base, spif: { amount: 200, minDeal: 20000 } } as unknown as CommissionPlan;
    expect(validateCommissionPlan(plan).map((e) => e.field)).toEqual(["spif.minDeal"]);
  });
  it("still accepts $schema and description in a file", () => {
    expect("plan" in parseCommissionPlan({ ...base, $schema: "x", description: "y" })).toBe(true);
  });
});

describe("closestName", () => {
  it("prefers a name that starts with or contains the typed one as a word, else the nearest spelling", () => {
    expect(closestName("minDeal", ["amount", "minDealAmount"])).toBe("minDealAmount");
    expect(closestName("Tom", ["Ann Lee", "Tom Brennan"])).toBe("Tom Brennan");
    expect(closestName("recoverble", ["amount", "recoverable"])).toBe("recoverable");
    expect(closestName("Brennan", ["Ann Lee", "Tom Brennan"])).toBe("Tom Brennan");
    expect(closestName("zz", ["amount", "recoverable"])).toBeUndefined();
  });
});

describe("bounds", () => {
  const fields = (json: unknown) => errorsOf(json).map((e) => e.field);
  it("refuses a rate above 10 (1000%) and names the field; 10 itself is accepted", () => {
    const errors = errorsOf({ ...base, tiers: [{ from: 0, rate: 15 }] });
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ["tiers[0].rate", "tiers[0].rate (15) is above 10 (that is 1500%): rates and attainment are decimals, 0.1 is 10%."],
    ]);
    expect(fields({ ...base, tiers: [{ from: 0, rate: 10 }] })).toEqual([]);
  });
  it("refuses an amount above 1e12 wherever money is", () => {
    const big = 2e12;
    expect(fields({ ...base, cap: big, quota: { Ann: big }, defaultQuota: big, draw: { amount: big, recoverable: true } })).toEqual([
      "quota.Ann",
      "defaultQuota",
      "cap",
      "draw.amount",
    ]);
    expect(fields({ ...base, spif: { amount: big, minDealAmount: big }, bonusBands: [{ from: 1, amount: big }] })).toEqual([
      "spif.amount",
      "spif.minDealAmount",
      "bonusBands[0].amount",
    ]);
    expect(fields({ ...base, tiers: [{ from: 0, rate: 0.1 }, { from: big, rate: 0.2 }] })).toEqual(["tiers[1].from"]);
    expect(fields({ ...base, cap: 1e12 })).toEqual([]);
  });
  it("refuses attainment levels and factors above 10, and numbers that are not finite", () => {
    expect(fields({ ...base, gate: 11, ramp: { Ann: [0.5, 12] }, bonusBands: [{ from: 20, amount: 5 }] })).toEqual([
      "gate",
      "ramp.Ann[1]",
      "bonusBands[0].from",
    ]);
    const plan = { ...base, cap: Infinity, tiers: [{ from: 0, rate: NaN }] } as unknown as CommissionPlan;
    expect(validateCommissionPlan(plan).map((e) => [e.field, e.key])).toEqual([
      ["tiers[0].rate", "error.finite"],
      ["cap", "error.finite"],
    ]);
  });
});

describe("reps named like Object's own properties", () => {
  const names = ["constructor", "__proto__", "toString", "hasOwnProperty"];
  it("reads a JSON __proto__ key as a rep name, without changing any prototype", () => {
    const json = JSON.parse(
      '{"basis":"amount","method":"marginal","tiers":[{"from":0,"rate":0.1}],' +
        '"quota":{"__proto__":1000,"constructor":2000,"toString":4000,"hasOwnProperty":8000},' +
        '"ramp":{"__proto__":[0.5]},"proration":{"constructor":[0.5]}}',
    );
    const parsed = parseCommissionPlan(json);
    if (!("plan" in parsed)) throw new Error(JSON.stringify(parsed.errors));
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const run = runCommissionPlan(parsed.plan, {
      periods: ["2025-01"],
      reps: names,
      credits: names.map((rep) => ({ rep, period: 0, amount: 1000 })),
    });
    if ("errors" in run) throw new Error(JSON.stringify(run.errors));
    // every rep: 1,000 credited x 10% = 100 paid. Effective quotas: __proto__ 1,000 x ramp 0.5 = 500;
    // constructor 2,000 x proration 0.5 = 1,000; toString 4,000; hasOwnProperty 8,000.
    expect(run.rows.map((r) => [r.rep, r.effectiveQuota, r.payout])).toEqual([
      ["constructor", 1000, 100],
      ["__proto__", 500, 100],
      ["toString", 4000, 100],
      ["hasOwnProperty", 8000, 100],
    ]);
  });
  it("gives them the default quota and factor 1 when the maps do not name them", () => {
    const plan: CommissionPlan = { ...(base as CommissionPlan), quota: { Ann: 5000 }, defaultQuota: 3000, ramp: { Ann: [0.5] }, proration: { Ann: [0.5] } };
    const run = runCommissionPlan(plan, { periods: ["2025-01"], reps: names, credits: names.map((rep) => ({ rep, period: 0, amount: 600 })) });
    if ("errors" in run) throw new Error(JSON.stringify(run.errors));
    // quota 3,000 x 1 x 1; 600 x 5% = 30 each
    expect(run.rows.map((r) => [r.effectiveQuota, r.payout])).toEqual(names.map(() => [3000, 30]));
  });
  it("refuses a rep named like a property when the quota map does not name it and there is no default", () => {
    const plan: CommissionPlan = { ...(base as CommissionPlan), quota: { Ann: 5000 } };
    const run = runCommissionPlan(plan, { periods: ["P"], reps: ["constructor"], credits: [] });
    expect("errors" in run && run.errors.map((e) => e.field)).toEqual(["quota.constructor"]);
  });
});

describe("messages in both languages", () => {
  it("translates each problem through the commission catalog", () => {
    const [error] = errorsOf({ ...base, spif: { amount: 200, minDeal: 20000 } });
    expect(commissionMessage("en-US", error)).toBe("spif.minDeal is not a field of spif; did you mean minDealAmount?");
    expect(commissionMessage("zh-CN", error)).toBe("spif.minDeal 不是 spif 的字段；是否要写 minDealAmount？");
    const [rate] = errorsOf({ ...base, tiers: [{ from: 0, rate: 15 }] });
    expect(commissionMessage("zh-CN", rate)).toBe("tiers[0].rate（15）超过 10（即 1500%）：费率和达成率用小数表示，0.1 即 10%。");
  });
});
