import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { WorkbookPlan } from "../../src/workbook/plan";
import { isInvalid, PlanResult } from "../../src/generators/common";
import { planActionPlanSheet, planCompetitorsSheet, planFeedbackSheet, planRisksSheet, planTrainingSheet } from "../../src/generators/templates";
import { planRepsSheet } from "../../src/generators/reps";
import { buildDeals, expectNear, PIPELINE, withDeals } from "./sampleDeals";

function plan(result: PlanResult): WorkbookPlan {
  if (isInvalid(result)) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe("action plan", () => {
  const wb = plan(
    planActionPlanSheet(
      [
        { task: "Call Acme", due: "2025-05-01", status: "inProgress", done: 0.5 },
        { task: "Send offer", due: "2025-05-01", status: "done", done: 1 },
        { task: "Plan event", due: "2025-07-01" },
      ],
      { asOf: "2025-06-01", rows: 5 },
    ),
  );
  it("flags tasks due before the as-of date that are not done", () => {
    const ev = evaluatePlan(wb);
    expect(ev.values("Action plan", "G6:G10").map((r) => r[0])).toEqual(["Overdue", "", "", "", ""]);
    ev.set("Action plan", "B3", 45900); // 2025-08-31: the event task is late too
    expect(ev.value("Action plan", "G8")).toBe("Overdue");
  });
  it("is the ActionPlan table with a status list", () => {
    const sheet = wb.sheets[0];
    expect(sheet.tables![0]).toEqual(expect.objectContaining({ name: "ActionPlan", range: "A5:G10" }));
    expect(sheet.validations![0]).toEqual(expect.objectContaining({ type: "list", range: "E6:E10", source: ["Not started", "In progress", "Done", "Blocked"] }));
  });
  it("refuses a due date before the start", () => {
    const bad = planActionPlanSheet([{ task: "X", start: "2025-02-01", due: "2025-01-01" }]);
    expect(isInvalid(bad) && bad.errors[0].field).toBe("items[0].due");
  });
});

describe("feedback", () => {
  const nps = [10, 9, 8, 7, 6, 3, 10, 0];
  const csat = [5, 4, 3, 5, 2, 1, 4, 4];
  const wb = plan(planFeedbackSheet(nps.map((n, i) => ({ customer: `C${i}`, nps: n, csat: csat[i] })), { asOf: "2025-06-01" }));
  it("computes NPS and CSAT with native COUNTIF formulas", () => {
    const ev = evaluatePlan(wb);
    let promoters = 0;
    let detractors = 0;
    for (const n of nps) {
      if (n >= 9) promoters++;
      if (n <= 6) detractors++;
    }
    // By hand: 3 promoters (10, 9, 10), 3 detractors (6, 3, 0) of 8: NPS 0; CSAT 5 of 8 rate 4+.
    expect(ev.value("Feedback", "I6")).toBe(8);
    expectNear(ev.value("Feedback", "I7"), ((promoters - detractors) / nps.length) * 100);
    expectNear(ev.value("Feedback", "I8"), csat.filter((c) => c >= 4).length / csat.length);
    ev.set("Feedback", "D11", 10); // the 6 becomes a 10: 4 promoters, 2 detractors -> 25
    expectNear(ev.value("Feedback", "I7"), 25);
    const sheetText = JSON.stringify(wb.sheets[0].blocks);
    expect(sheetText).toContain("COUNTIF(");
    expect(sheetText).not.toContain("SALES.");
  });
  it("refuses scores outside their scale", () => {
    const bad = planFeedbackSheet([{ customer: "A", nps: 11 }, { customer: "B", csat: 0 }]);
    expect(isInvalid(bad) && bad.errors.map((e) => e.field)).toEqual(["entries[0].nps", "entries[1].csat"]);
  });
});

describe("risks, competitors, training", () => {
  it("scores risks as probability x impact", () => {
    const wb = plan(planRisksSheet([{ risk: "Price war", category: "competition", probability: 4, impact: 5, response: "control" }], { rows: 3 }));
    const ev = evaluatePlan(wb);
    expect(ev.values("Risks", "A6:H6")[0]).toEqual(["Price war", "Competition", 4, 5, 20, "Control", null, "Open"]);
    expect(ev.value("Risks", "E7")).toBe("");
    ev.set("Risks", "C7", 2);
    ev.set("Risks", "D7", 3);
    expect(ev.value("Risks", "E7")).toBe(6);
    expect(wb.sheets[0].conditionalFormats!.map((c) => c.type)).toEqual(["cellValue", "cellValue", "cellValue"]);
    const bad = planRisksSheet([{ risk: "X", probability: 6 }]);
    expect(isInvalid(bad) && bad.errors[0].field).toBe("items[0].probability");
  });
  it("totals competitor shares and charts them", () => {
    const wb = plan(planCompetitorsSheet(undefined, { locale: "zh-CN" }));
    const ev = evaluatePlan(wb);
    expect(wb.sheets[0].name).toBe("竞争对手");
    expect(wb.sheets[0].tables![0].name).toBe("Competitors");
    expectNear(ev.value("竞争对手", "I6"), 0.25 + 0.3 + 0.2 + 0.15);
    expect(wb.sheets[0].charts![0]).toEqual(expect.objectContaining({ type: "pie", categories: "A6:A9", series: [expect.objectContaining({ values: "D6:D9" })] }));
  });
  it("shows the scorecard gap of each rep in the training plan", () => {
    const deals = buildDeals();
    const reps = plan(withDeals(planRepsSheet, deals, PIPELINE, { quotas: 5000 }));
    const training = plan(planTrainingSheet([{ rep: "Bob", skill: "negotiation" }, { rep: "Nobody" }], { scorecard: { sheet: "Reps", reps: 3 }, rows: 3 }));
    const ev = evaluatePlan({ sheets: [...reps.sheets, ...training.sheets] });
    const bobScore = ev.value("Reps", "K6") as number;
    expect(ev.value("Reps", "A6")).toBe("Bob");
    expectNear(ev.value("Training", "C6"), Math.max(0, 1 - bobScore));
    expect(ev.value("Training", "C7")).toBe("");
    expect(ev.value("Training", "B6")).toBe("Negotiation");
    expect(training.sheets[0].tables![0].name).toBe("Training");
  });
});
