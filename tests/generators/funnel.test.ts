import { Deal } from "../../src/core/deal";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { isFormulaCell, WorkbookPlan } from "../../src/workbook/plan";
import { resolvedPlan } from "../../src/workbook/prepare";
import { isInvalid, PlanResult } from "../../src/generators/common";
import { planFunnelFromDeals, planFunnelSheet } from "../../src/generators/funnel";
import { buildDeals, expectedFunnelCounts, plannedAt, PIPELINE, PIPELINE_ZH, withDeals } from "./sampleDeals";

function plan(result: PlanResult): WorkbookPlan {
  if (isInvalid(result)) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe("funnel from deals", () => {
  const deals = buildDeals();
  const wb = plan(withDeals(planFunnelFromDeals, deals, PIPELINE, { targetConversions: [null, 0.8, 0.9, 0.8, 0.9] }));
  const funnel = wb.sheets.find((s) => s.name === "Funnel")!;

  it("bundles the Deals sheet and names the table Funnel", () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(["Deals", "Funnel"]);
    expect(funnel.tables).toEqual([expect.objectContaining({ name: "Funnel", range: "A4:J9" })]);
  });

  it("puts the stage names in column B, then Won", () => {
    const body = funnel.blocks.find((b) => b.at === "A5")!;
    expect(body.cells.map((r) => r[1])).toEqual(["Initial contact", "Needs analysis", "Proposal", "Negotiation & signing", "Won"]);
  });

  it("keeps counts and conversion live as formulas over the Deals sheet", () => {
    const body = funnel.blocks.find((b) => b.at === "A5")!;
    expect(body.cells.every((r) => isFormulaCell(r[2]) && isFormulaCell(r[4]))).toBe(true);
    const resolved = resolvedPlan({ sheets: [{ ...funnel, blocks: [body] }] }).sheets[0].blocks[0];
    expect((resolved.cells[1][2] as { f: string }).f).toBe(`=COUNTIFS('Deals'!$N$2:$N$13,">="&A6)`);
    expect((body.cells[1][4] as { f: string }).f).toBe(`=IF(C5=0,"",C6/C5)`);
  });

  it("counts each deal in every stage it reached (hand count 12, 9, 8, 7, 6)", () => {
    const ev = evaluatePlan(wb);
    const counts = ev.values("Funnel", "C5:C9").map((r) => r[0]);
    // By hand: all 12 deals reach stage 1; stage 2: 6 won + D04 (lost at 3rd) + D08 + D09 = 9;
    // stage 3: 6 won + D04 + D08 = 8; stage 4: 6 won + D08 = 7; Won: 6.
    expect(counts).toEqual([12, 9, 8, 7, 6]);
    expect(counts).toEqual(expectedFunnelCounts(deals, 4));
  });

  it("computes amount, conversions, drop-off, gap and flag from the definitions", () => {
    const ev = evaluatePlan(wb);
    const counts = expectedFunnelCounts(deals, 4);
    const amounts = counts.map((_, i) =>
      deals.filter((d) => (d.status === "won" ? 4 : d.status === "lost" ? d.lostAtStage ?? 0 : d.stagePosition!) >= i).reduce((s, d) => s + d.amount, 0),
    );
    const targets = [null, 0.8, 0.9, 0.8, 0.9];
    const rows = ev.values("Funnel", "C5:J9");
    rows.forEach((row, i) => {
      const step = i === 0 ? 1 : counts[i] / counts[i - 1];
      expect(row[0]).toBe(counts[i]);
      expect(row[1]).toBe(amounts[i]);
      expect(row[2]).toBeCloseTo(step, 9);
      expect(row[3]).toBeCloseTo(counts[i] / counts[0], 9);
      expect(row[4]).toBeCloseTo(1 - step, 9);
      if (targets[i] === null) {
        expect(row[6]).toBe("");
        expect(row[7]).toBe("");
      } else {
        expect(row[6]).toBeCloseTo(step - targets[i]!, 9);
        expect(row[7]).toBe(step < targets[i]! ? "Below target" : "");
      }
    });
    // 9/12 = 75% < 80%: the second stage is flagged; 8/9 = 88.9% < 90% flagged; 7/8 = 87.5% >= 80% not.
    expect(rows.map((r) => r[7])).toEqual(["", "Below target", "Below target", "", "Below target"]);
  });

  it("moves when a deal is edited (live)", () => {
    const ev = evaluatePlan(wb);
    // D10 (row 11) is open in stage 1; mark it won: it now counts in every stage.
    ev.set("Deals", "J11", "Won");
    expect(ev.values("Funnel", "C5:C9").map((r) => r[0])).toEqual([12, 10, 9, 8, 7]);
    ev.set("Deals", "E2", 5000); // D01 amount 1000 -> 5000, a won deal: +4000 in every stage
    expect(ev.value("Funnel", "D9")).toBe(1000 + 3000 + 2000 + 4000 + 1500 + 600 + 700 + 4000);
  });

  it("writes zh-CN labels, sheet names and status words, with the same table name", () => {
    const zh = plan(withDeals(planFunnelFromDeals, buildDeals(PIPELINE_ZH), PIPELINE_ZH, { locale: "zh-CN" }));
    expect(zh.sheets.map((s) => s.name)).toEqual(["商机", "销售漏斗"]);
    const f = zh.sheets[1];
    expect(f.tables![0].name).toBe("Funnel");
    expect(f.blocks.find((b) => b.at === "A4")!.cells[0][1]).toBe("阶段");
    const ev = evaluatePlan(zh);
    expect(ev.values("销售漏斗", "B5:C9")).toEqual([
      ["初步接触", 12],
      ["需求分析", 9],
      ["方案制定", 8],
      ["谈判签约", 7],
      ["赢单", 6],
    ]);
    expect(ev.value("商机", "J2")).toBe("赢单");
  });

  it("matches stage names exactly, wildcards included", () => {
    const pipeline = { ...PIPELINE, stages: [{ name: "Prop*", probability: 0.1 }, { name: "Proposal", probability: 0.5 }] };
    const open = (id: string, stage: number): Deal => ({
      ...deals[0],
      id,
      status: "open",
      stage: pipeline.stages[stage].name,
      stagePosition: stage,
      furthestStage: stage,
    });
    const ev = evaluatePlan(plan(withDeals(planFunnelFromDeals, [open("a", 1), open("b", 0)], pipeline)));
    // "Proposal" is the second stage even though the pattern "Prop*" would match it first.
    expect(ev.values("Deals", "N2:N3")).toEqual([[2], [1]]);
    expect(ev.values("Funnel", "C5:C7").map((r) => r[0])).toEqual([2, 1, 0]);
  });

  it("refuses a pipeline with duplicate or no stages, naming the field", () => {
    const dup = withDeals(planFunnelFromDeals, deals, { ...PIPELINE, stages: [PIPELINE.stages[0], PIPELINE.stages[0]] });
    expect(isInvalid(dup) && dup.errors[0].field).toBe("pipeline.stages[1].name");
    const empty = withDeals(planFunnelFromDeals, deals, { ...PIPELINE, stages: [] });
    expect(isInvalid(empty) && empty.errors[0]).toEqual({ field: "pipeline.stages", message: "Add at least one stage." });
    const badTarget = withDeals(planFunnelFromDeals, deals, PIPELINE, { targetConversions: [null, 1.5] });
    expect(isInvalid(badTarget) && badTarget.errors[0].field).toBe("targetConversions[1]");
  });
});

describe("funnel from typed counts", () => {
  const stages = [
    { name: "Initial contact", count: 200, amount: 1_000_000 },
    { name: "Needs analysis", count: 120, target: 0.5 },
    { name: "Proposal", count: 60, target: 0.6 },
    { name: "Negotiation & signing", count: 30 },
  ];
  const wb = plan(planFunnelSheet(stages));

  it("keeps the typed counts as input cells and everything else as formulas", () => {
    const sheet = wb.sheets[0];
    expect(["C5", "C6", "C7", "C8"].map((a) => plannedAt(sheet, a))).toEqual([200, 120, 60, 30]);
    expect(sheet.blocks.find((b) => b.at === "C5")!.style).toEqual(expect.objectContaining({ fill: expect.any(String) }));
    expect(isFormulaCell(plannedAt(sheet, "F7")!)).toBe(true);
  });

  it("computes conversion 60%, 50%, 50% and cumulative 15% by hand", () => {
    const ev = evaluatePlan(wb);
    const rows = ev.values("Funnel", "E5:I8");
    expect(rows.map((r) => r[0])).toEqual([1, 0.6, 0.5, 0.5]);
    expect(rows.map((r) => r[1])).toEqual([1, 0.6, 0.3, 0.15]);
    expect(rows[1][4]).toBeCloseTo(0.1, 9); // 60% vs target 50%
    expect(rows[2][4]).toBeCloseTo(-0.1, 9); // 50% vs 60%
    expect(ev.value("Funnel", "J7")).toBe("Below target");
    ev.set("Funnel", "C7", 90); // proposal 90 of 120 = 75% now above 60%
    expect(ev.value("Funnel", "E7")).toBe(0.75);
    expect(ev.value("Funnel", "J7")).toBe("");
    ev.set("Funnel", "C5", 0); // a zero first stage leaves conversions blank, not #DIV/0!
    expect(ev.value("Funnel", "E6")).toBe("");
    expect(ev.value("Funnel", "F8")).toBe("");
  });

  it("refuses negative counts and blank names", () => {
    const bad = planFunnelSheet([{ name: " ", count: 3 }, { name: "B", count: -1 }]);
    expect(isInvalid(bad) && bad.errors.map((e) => e.field)).toEqual(["stages[0].name", "stages[1].count"]);
  });
});
