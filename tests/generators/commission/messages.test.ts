/**
 * The commission workbook refuses wrong credits in the caller's language: the engine's
 * credit problems and the Deals-sheet source problems alike.
 */
import { CommissionPlan } from "../../../src/core/commission";
import { Deal } from "../../../src/core/deal";
import { planCommissionWorkbook } from "../../../src/generators/commission";
import { isInvalid } from "../../../src/generators/common";
import { dealsLayout } from "../../../src/generators/deals";
import { oneStageDeal, oneStagePipeline } from "../../support/oneStageDeal";

const plan: CommissionPlan = { basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.1 }], quota: 1000 };

function refusal(result: ReturnType<typeof planCommissionWorkbook>): [string, string][] {
  if (!isInvalid(result)) throw new Error("expected a refusal");
  return result.errors.map((e) => [e.field, e.message]);
}

describe("typed credits the workbook refuses", () => {
  const credits = { periods: ["Jan"], reps: ["Ann", "Ann"], credits: [{ rep: "Zoe", period: 0, amount: 100 }] };

  it("are said in Chinese for zh-CN", () => {
    expect(refusal(planCommissionWorkbook(plan, credits, { locale: "zh-CN" }))).toEqual([
      ["reps", "有销售代表被列出了两次。"],
      ["credits[0].rep", "credits[0].rep（Zoe）不在销售代表列表中。"],
    ]);
  });
  it("and in English for en-US", () => {
    expect(refusal(planCommissionWorkbook(plan, credits, { locale: "en-US" }))).toEqual([
      ["reps", "A rep is listed twice."],
      ["credits[0].rep", "credits[0].rep (Zoe) is not in the rep list."],
    ]);
  });
});

describe("credits read from the Deals sheet", () => {
  const deals: Deal[] = [oneStageDeal("D1", "Ann", 100, "won", "2025-01-10", { name: "Deal D1", openProbability: 0.1 })];
  const pipeline = oneStagePipeline(0.1);

  it("refuse a period that is not a close month, in Chinese for zh-CN", () => {
    const source = dealsLayout(deals, pipeline, "zh-CN");
    const result = planCommissionWorkbook(plan, { periods: ["Q1"], reps: ["Ann"], credits: [] }, { locale: "zh-CN", creditsFromDeals: source });
    expect(refusal(result)).toEqual([["periods[0]", "periods[0]（Q1）必须是month期间标签（例如 2025-01），才能从商机表读取。"]]);
  });
  it("refuse reps that differ only in case, in Chinese for zh-CN and English for en-US", () => {
    const credits = { periods: ["2025-01"], reps: ["Ann", "ANN"], credits: [] };
    const zh = planCommissionWorkbook(plan, credits, { locale: "zh-CN", creditsFromDeals: dealsLayout(deals, pipeline, "zh-CN") });
    expect(refusal(zh)).toEqual([["reps", "Ann 和 ANN 只有大小写不同：商机表的比较不区分大小写，因此二者是同一名销售代表。"]]);
    const en = planCommissionWorkbook(plan, credits, { locale: "en-US", creditsFromDeals: dealsLayout(deals, pipeline, "en-US") });
    expect(refusal(en)).toEqual([["reps", "Ann and ANN differ only in case: the Deals sheet's comparison ignores case, so they are one rep."]]);
  });
});
