/**
 * The credit and deal problems of the commission engine (`creditDeals`, `validateCredits`)
 * carry catalog keys: English as before for an en-US caller, Chinese for a zh-CN one.
 */
import { CommissionCredits, CommissionDeal, CommissionPlan, creditDeals, runCommissionPlan } from "../../../src/core/commission";
import { PlanFieldError } from "../../../src/core/commission/types";
import { commissionMessage, localizeCommissionMessages } from "../../../src/i18n/commission";

const plan: CommissionPlan = { basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.1 }], quota: 1000 };

function dealErrors(deals: CommissionDeal[], periods = ["2025-01", "2025-02"], p: CommissionPlan = plan): PlanFieldError[] {
  const result = creditDeals(deals, p, periods);
  if (!("errors" in result)) throw new Error("expected errors");
  return result.errors;
}

function creditErrors(credits: CommissionCredits): PlanFieldError[] {
  const result = runCommissionPlan(plan, credits);
  if (!("errors" in result)) throw new Error("expected errors");
  return result.errors;
}

const said = (errors: PlanFieldError[], locale: "en-US" | "zh-CN") => errors.map((e) => [e.field, commissionMessage(locale, e)]);

describe("a bad split", () => {
  const errors = dealErrors([{ id: "D1", amount: 100, period: 0, splits: [{ rep: "Ann", share: 0.6 }, { rep: "Bo", share: 0.3 }] }]);

  it("carries its key and values", () => {
    expect(errors).toEqual([
      { field: "deals[0].splits", key: "error.splitsTotal", values: { field: "deals[0].splits", total: 0.9 }, message: "deals[0].splits add up to 0.9, not 100%." },
    ]);
  });
  it("is Chinese for a zh-CN caller", () => {
    expect(said(errors, "zh-CN")).toEqual([["deals[0].splits", "deals[0].splits 的分成比例合计为 0.9，不是 100%。"]]);
  });
  it("is Chinese through localizeCommissionMessages, field and key unchanged", () => {
    expect(localizeCommissionMessages("zh-CN", errors)).toEqual([
      { ...errors[0], message: "deals[0].splits 的分成比例合计为 0.9，不是 100%。" },
    ]);
  });
});

describe("an unknown rep", () => {
  const errors = creditErrors({
    periods: ["Jan", "Feb"],
    reps: ["Ann"],
    credits: [{ rep: "Zoe", period: 0, amount: 100 }],
    clawbacks: [{ rep: "Tom", period: 1, originalPeriod: 0, amount: 50 }],
  });

  it("is said in English as before", () => {
    expect(said(errors, "en-US")).toEqual([
      ["credits[0].rep", "credits[0].rep (Zoe) is not in the rep list."],
      ["clawbacks[0].rep", "clawbacks[0].rep (Tom) is not in the rep list."],
    ]);
  });
  it("is Chinese for a zh-CN caller", () => {
    expect(said(errors, "zh-CN")).toEqual([
      ["credits[0].rep", "credits[0].rep（Zoe）不在销售代表列表中。"],
      ["clawbacks[0].rep", "clawbacks[0].rep（Tom）不在销售代表列表中。"],
    ]);
  });
});

describe("a rep listed twice", () => {
  const errors = creditErrors({ periods: ["Jan"], reps: ["Ann", "Ann"], credits: [{ rep: "Ann", period: 0, amount: 100 }] });

  it("is said in English as before", () => {
    expect(said(errors, "en-US")).toEqual([["reps", "A rep is listed twice."]]);
  });
  it("is Chinese for a zh-CN caller", () => {
    expect(said(errors, "zh-CN")).toEqual([["reps", "有销售代表被列出了两次。"]]);
  });
});

describe("the other deal problems", () => {
  const cases: { deals: CommissionDeal[]; plan?: CommissionPlan; en: string; zh: string }[] = [
    {
      deals: [{ id: "D1", amount: -5, period: 0, splits: [{ rep: "Ann", share: 1 }] }],
      en: "deals[0].amount must be a number of 0 or more.",
      zh: "deals[0].amount 必须是大于或等于 0 的数字。",
    },
    {
      deals: [{ id: "D1", amount: 5, period: 2, splits: [{ rep: "Ann", share: 1 }] }],
      en: "deals[0].period must be a period index from 0 to 1.",
      zh: "deals[0].period 必须是 0 到 1 之间的期间序号。",
    },
    {
      deals: [{ id: "D1", amount: 5, period: 1, cancelledPeriod: 1, splits: [{ rep: "Ann", share: 1 }] }],
      en: "deals[0].cancelledPeriod must be a period after the deal's own and before 2.",
      zh: "deals[0].cancelledPeriod 必须是该交易所在期间之后、序号小于 2 的期间。",
    },
    {
      deals: [{ id: "D1", amount: 5, period: 0, splits: [{ rep: "Ann", share: -1 }] }],
      en: "deals[0].splits[0].share must be 0 or more.",
      zh: "deals[0].splits[0].share 必须大于或等于 0。",
    },
    {
      deals: [{ id: "D1", amount: 5, period: 0, splits: [{ rep: "Ann", share: 1 }, { rep: "Bo", share: 0.5, overlay: true }] }],
      en: "deals[0].splits[1] is an overlay credit, which this plan does not allow (allowOverlay).",
      zh: "deals[0].splits[1] 是叠加分成（overlay），而本方案不允许叠加分成（allowOverlay）。",
    },
  ];

  it.each(cases)("$en", ({ deals, en, zh }) => {
    const errors = dealErrors(deals);
    expect(errors).toHaveLength(1);
    expect(errors[0].key).toMatch(/^error\./);
    expect(errors[0].message).toBe(en);
    expect(commissionMessage("en-US", errors[0])).toBe(en);
    expect(commissionMessage("zh-CN", errors[0])).toBe(zh);
  });
});

describe("the other credit problems", () => {
  it("no period", () => {
    const errors = creditErrors({ periods: [], reps: ["Ann"], credits: [] });
    expect(said(errors, "en-US")).toEqual([["periods", "List at least one period."]]);
    expect(said(errors, "zh-CN")).toEqual([["periods", "请至少列出一个期间。"]]);
  });
  it("periods out of range, negative amounts and SPIF deals, a reversal before its payment", () => {
    const errors = creditErrors({
      periods: ["Jan", "Feb"],
      reps: ["Ann"],
      credits: [{ rep: "Ann", period: 2, amount: -1, spifDeals: -1 }],
      clawbacks: [{ rep: "Ann", period: 0, originalPeriod: 1, amount: 10 }],
    });
    expect(said(errors, "en-US")).toEqual([
      ["credits[0].period", "credits[0].period must be a period index from 0 to 1."],
      ["credits[0].amount", "credits[0].amount must be 0 or more."],
      ["credits[0].spifDeals", "credits[0].spifDeals must be 0 or more."],
      ["clawbacks[0].originalPeriod", "clawbacks[0].originalPeriod must be before the period of the reversal."],
    ]);
    expect(said(errors, "zh-CN")).toEqual([
      ["credits[0].period", "credits[0].period 必须是 0 到 1 之间的期间序号。"],
      ["credits[0].amount", "credits[0].amount 必须大于或等于 0。"],
      ["credits[0].spifDeals", "credits[0].spifDeals 必须大于或等于 0。"],
      ["clawbacks[0].originalPeriod", "clawbacks[0].originalPeriod 必须早于冲回所在的期间。"],
    ]);
  });
  it("every problem has a key, so no caller is left with English", () => {
    const errors = [
      ...creditErrors({ periods: [], reps: ["Ann", "Ann"], credits: [{ rep: "Zoe", period: 3, amount: -1, spifDeals: -1 }] }),
      ...dealErrors([{ id: "D1", amount: 5, period: 0, splits: [{ rep: "Ann", share: 0.5 }] }]),
    ];
    expect(errors.length).toBeGreaterThan(4);
    for (const e of errors) expect([e.field, typeof e.key]).toEqual([e.field, "string"]);
  });
});
