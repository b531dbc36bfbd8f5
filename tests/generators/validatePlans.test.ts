import { validatePlan } from "../../src/workbook/validatePlan";
import { everyGeneratorPlan } from "./allPlans";

describe.each(["en-US", "zh-CN"] as const)("every generator's plan in %s", (locale) => {
  const plans = everyGeneratorPlan(locale);
  it.each(Object.keys(plans))("%s passes validatePlan", (key) => {
    expect(validatePlan(plans[key])).toEqual([]);
  });
});
