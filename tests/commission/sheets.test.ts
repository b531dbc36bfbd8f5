import fc from "fast-check";
import { CommissionCredits, CommissionPlan, RepPeriodPayout, runCommissionPlan } from "../../src/core/commission";
import { commissionEnUS } from "../../src/i18n/commission.en-US";
import { commissionZhCN } from "../../src/i18n/commission.zh-CN";
import { isInvalid } from "../../src/generators/common";
import { CALC_COLUMNS, FIRST_ROW, PLAN_CELLS, planCommissionWorkbook, STATEMENT_LINES } from "../../src/generators/commission";
import { evaluatePlan, PlanEvaluation } from "../../src/workbook/preview/evaluate";
import { isFormulaCell, WorkbookPlan } from "../../src/workbook/plan";
import { resolvedPlan } from "../../src/workbook/prepare";

/** Position of a Calc column in a row of the Calc block (columns from A, one letter each). */
const CALC_ORDER_INDEX = (col: string) => col.charCodeAt(0) - "A".charCodeAt(0);

const PLAN_SHEET = commissionEnUS["sheet.plan"];
const REPS_SHEET = commissionEnUS["sheet.reps"];
const CALC_SHEET = commissionEnUS["sheet.calc"];
const STATEMENT_SHEET = commissionEnUS["sheet.statement"];
const SUMMARY_SHEET = commissionEnUS["sheet.summary"];

function workbook(plan: CommissionPlan, credits: CommissionCredits, locale: "en-US" | "zh-CN" = "en-US"): WorkbookPlan {
  const wb = planCommissionWorkbook(plan, credits, { locale });
  if (isInvalid(wb)) throw new Error(JSON.stringify(wb.errors));
  return wb;
}

function engineRows(plan: CommissionPlan, credits: CommissionCredits): RepPeriodPayout[] {
  const run = runCommissionPlan(plan, credits);
  if ("errors" in run) throw new Error(JSON.stringify(run.errors));
  return run.rows;
}

function sheetPayouts(ev: PlanEvaluation, count: number, sheet = CALC_SHEET): number[] {
  const col = CALC_COLUMNS.payout;
  return ev.values(sheet, `${col}${FIRST_ROW}:${col}${FIRST_ROW + count - 1}`).map((r) => r[0] as number);
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => {
    expect(typeof v).toBe("number");
    expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected[i])));
  });
}

const plan: CommissionPlan = {
  basis: "amount",
  method: "marginal",
  tiers: [
    { from: 0, rate: 0.05 },
    { from: 10000, rate: 0.1 },
    { from: 20000, rate: 0.2 },
  ],
  quota: { Ann: 20000, Bo: 15000 },
  gate: 0.25,
  cap: 6000,
  draw: { amount: 1000, recoverable: true },
  spif: { amount: 100 },
  bonusBands: [{ from: 1.2, amount: 500 }],
  ramp: { Bo: [0.5, 0.75] },
};
const credits: CommissionCredits = {
  periods: ["2025-01", "2025-02", "2025-03"],
  reps: ["Ann", "Bo"],
  credits: [
    { rep: "Ann", period: 0, amount: 25000, spifDeals: 2 },
    { rep: "Ann", period: 1, amount: 3000 },
    { rep: "Ann", period: 2, amount: 12000, spifDeals: 1 },
    { rep: "Bo", period: 0, amount: 9000 },
    { rep: "Bo", period: 1, amount: 16000 },
  ],
  clawbacks: [{ rep: "Ann", period: 2, originalPeriod: 0, amount: 5000 }],
};

describe("planCommissionWorkbook: the sheets", () => {
  const wb = workbook(plan, credits);
  it("adds Plan, Reps, Calc, Statement and Summary sheets with stable table names", () => {
    expect(wb.sheets.map((s) => s.name)).toEqual([PLAN_SHEET, REPS_SHEET, CALC_SHEET, STATEMENT_SHEET, SUMMARY_SHEET]);
    const tables = wb.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name));
    for (const name of ["CommissionPlan", "CommissionTiers", "CommissionReps", "CommissionCalc", "CommissionStatement"]) {
      expect(tables).toContain(name);
    }
  });
  it("offers the method and the basis as validation lists", () => {
    const v = wb.sheets[0].validations!;
    expect(v).toContainEqual({ type: "list", range: PLAN_CELLS.method, source: ["marginal", "retroactive", "hybrid"] });
    expect(v).toContainEqual({ type: "list", range: PLAN_CELLS.basis, source: ["amount", "attainment"] });
  });
  it("keeps every Calc cell a formula (live)", () => {
    const calc = wb.sheets[2].blocks.find((b) => b.at === `A${FIRST_ROW}`)!;
    // the opening balance of the first row is the only literal (nothing carried before), but for
    // "earned earlier this year", 0 in a plan that is not year-to-date
    const earlier = CALC_ORDER_INDEX(CALC_COLUMNS.earlier);
    const literals = calc.cells.flatMap((row) => row.filter((c, i) => i !== earlier && !isFormulaCell(c)));
    expect(literals).toEqual([0]);
    expect(calc.cells.map((row) => row[earlier])).toEqual(calc.cells.map(() => 0));
  });
  it("uses the SUMPRODUCT differential formula and INDEX/MATCH, never SALES.*", () => {
    const text = JSON.stringify(resolvedPlan(wb));
    expect(text).toMatch(/SUMPRODUCT\(\(F4>'Commission plan'!\$D\$4:\$D\$6\)/);
    expect(text).toMatch(/INDEX\('Commission plan'!\$E\$4:\$E\$6,MATCH\(F4,/);
    expect(text).not.toMatch(/SALES\./);
  });
  it("refuses an invalid plan, naming the field", () => {
    const bad = planCommissionWorkbook({ ...plan, tiers: [{ from: 5, rate: 0.1 }, { from: 1, rate: 0.2 }] }, credits);
    expect(isInvalid(bad) && bad.errors[0].field).toBe("tiers[1].from");
  });
  it("has every en-US label in zh-CN", () => {
    expect(Object.keys(commissionZhCN).sort()).toEqual(Object.keys(commissionEnUS).sort());
  });
});

describe("the sheets compute the engine's payouts (HyperFormula)", () => {
  it("equals the engine on the worked plan, Statement and Summary included", () => {
    const wb = workbook(plan, credits);
    const ev = evaluatePlan(wb);
    const rows = engineRows(plan, credits);
    expectClose(sheetPayouts(ev, rows.length), rows.map((r) => r.payout));
    const closing = CALC_COLUMNS.closing;
    expectClose(
      ev.values(CALC_SHEET, `${closing}${FIRST_ROW}:${closing}${FIRST_ROW + rows.length - 1}`).map((r) => r[0] as number),
      rows.map((r) => r.closingBalance),
    );
    // Statement: 8 lines per rep and period, amounts as the audit trail
    const amounts = ev.values(STATEMENT_SHEET, `F${FIRST_ROW}:F${FIRST_ROW + rows.length * 8 - 1}`).map((r) => r[0] as number);
    expectClose(
      amounts,
      rows.flatMap((r) => STATEMENT_LINES.map((c) => r.lines.find((l) => l.component === c)!.amount)),
    );
    expectClose([ev.value(SUMMARY_SHEET, "B3") as number], [rows.reduce((a, r) => a + r.payout, 0)]);
    expect(ev.value(PLAN_SHEET, PLAN_CELLS.check)).toBe("OK");
  });

  it("follows an edited input: a credited amount, a rate, the method", () => {
    const wb = workbook(plan, credits);
    const ev = evaluatePlan(wb);
    // Bo's February credit (row 4 + 3 periods + 1) goes from 16,000 to 40,000
    ev.set(REPS_SHEET, `F${FIRST_ROW + 4}`, 40000);
    const edited: CommissionCredits = {
      ...credits,
      credits: credits.credits.map((c) => (c.rep === "Bo" && c.period === 1 ? { ...c, amount: 40000 } : c)),
    };
    expectClose(sheetPayouts(ev, 6), engineRows(plan, edited).map((r) => r.payout));
    // the top rate goes from 20% to 30%, then the method to retroactive
    ev.set(PLAN_SHEET, "E6", 0.3);
    const richer = { ...plan, tiers: plan.tiers.map((t, i) => (i === 2 ? { ...t, rate: 0.3 } : t)) };
    expectClose(sheetPayouts(ev, 6), engineRows(richer, edited).map((r) => r.payout));
    ev.set(PLAN_SHEET, PLAN_CELLS.method, "retroactive");
    expectClose(sheetPayouts(ev, 6), engineRows({ ...richer, method: "retroactive" }, edited).map((r) => r.payout));
  });

  it("turns the check red and every tier commission #N/A when thresholds are unsorted", () => {
    const wb = workbook(plan, credits);
    const ev = evaluatePlan(wb);
    ev.set(PLAN_SHEET, "D5", 30000);
    expect(ev.value(PLAN_SHEET, PLAN_CELLS.check)).not.toBe("OK");
    expect(ev.value(CALC_SHEET, `${CALC_COLUMNS.tier}${FIRST_ROW}`)).toBe("#N/A");
    expect(ev.value(CALC_SHEET, `${CALC_COLUMNS.payout}${FIRST_ROW}`)).toBe("#N/A");
    const cf = wb.sheets[0].conditionalFormats!.find((c) => c.type === "formula" && c.formula.includes("<>"));
    expect(cf).toBeDefined();
  });

  it("computes the same in zh-CN", () => {
    const wb = workbook(plan, credits, "zh-CN");
    const ev = evaluatePlan(wb);
    const rows = engineRows(plan, credits);
    expectClose(sheetPayouts(ev, rows.length, commissionZhCN["sheet.calc"]), rows.map((r) => r.payout));
  });

  it("writes the plan's options in Chinese in a zh-CN workbook, and follows them when edited", () => {
    const wb = workbook(plan, credits, "zh-CN");
    const planSheet = wb.sheets[0];
    // The option words a Chinese user reads and picks, written here by hand.
    expect(planSheet.validations).toContainEqual({ type: "list", range: PLAN_CELLS.method, source: ["累进", "全额", "混合"] });
    expect(planSheet.validations).toContainEqual({ type: "list", range: PLAN_CELLS.basis, source: ["金额", "达成率"] });
    expect(planSheet.validations).toContainEqual({ type: "list", range: PLAN_CELLS.drawType, source: ["可追回", "不可追回"] });
    const ev = evaluatePlan(wb);
    const zhPlan = commissionZhCN["sheet.plan"];
    const zhCalc = commissionZhCN["sheet.calc"];
    expect(ev.value(zhPlan, PLAN_CELLS.method)).toBe("累进");
    expect(ev.value(zhPlan, PLAN_CELLS.basis)).toBe("金额");
    expect(ev.value(zhPlan, PLAN_CELLS.drawType)).toBe("可追回");
    expect(ev.value(zhPlan, PLAN_CELLS.negativeTrueUp)).toBe("结转");
    expectClose(sheetPayouts(ev, 6, zhCalc), engineRows(plan, credits).map((r) => r.payout));
    ev.set(zhPlan, PLAN_CELLS.method, "全额");
    expectClose(sheetPayouts(ev, 6, zhCalc), engineRows({ ...plan, method: "retroactive" }, credits).map((r) => r.payout));
    // A non-recoverable draw: nothing is carried to the next period.
    ev.set(zhPlan, PLAN_CELLS.drawType, "不可追回");
    const nonRecoverable = { ...plan, method: "retroactive" as const, draw: { amount: 1000, recoverable: false } };
    const closing = CALC_COLUMNS.closing;
    expectClose(
      ev.values(zhCalc, `${closing}${FIRST_ROW}:${closing}${FIRST_ROW + 5}`).map((r) => r[0] as number),
      engineRows(nonRecoverable, credits).map((r) => r.closingBalance),
    );
    expectClose(sheetPayouts(ev, 6, zhCalc), engineRows(nonRecoverable, credits).map((r) => r.payout));
    // The plan file's English word still means the same (typed, or kept from an English-worded sheet).
    ev.set(zhPlan, PLAN_CELLS.method, "marginal");
    ev.set(zhPlan, PLAN_CELLS.drawType, "recoverable");
    expectClose(sheetPayouts(ev, 6, zhCalc), engineRows(plan, credits).map((r) => r.payout));
  });

  it("equals the engine for random plans and credits, before and after an edit", () => {
    const tiersArb = fc
      .uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 4 })
      .chain((raw) =>
        fc
          .array(fc.integer({ min: 0, max: 30 }), { minLength: raw.length, maxLength: raw.length })
          .map((rates) => [...raw].sort((a, b) => a - b).map((from, i) => ({ from: from * 1000, rate: rates[i] / 100 }))),
      );
    const planArb = fc.record({
      tiers: tiersArb,
      method: fc.constantFrom("marginal" as const, "retroactive" as const, "hybrid" as const),
      basis: fc.constantFrom("amount" as const, "attainment" as const),
      useTargetPay: fc.boolean(),
      gate: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
      cap: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: undefined }),
      draw: fc.option(fc.record({ amount: fc.integer({ min: 0, max: 3000 }), recoverable: fc.boolean() }), { nil: undefined }),
      spif: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
      quotaA: fc.integer({ min: 5000, max: 60000 }),
      quotaB: fc.integer({ min: 5000, max: 60000 }),
      ramp: fc.array(fc.integer({ min: 25, max: 100 }), { minLength: 3, maxLength: 3 }),
    });
    const amountsArb = fc.array(fc.integer({ min: 0, max: 80000 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(planArb, amountsArb, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 80000 }), (p, amounts, clawAmount, editTo) => {
        const tiers =
          p.basis === "attainment" ? p.tiers.map((t) => ({ from: t.from / 20000, rate: p.useTargetPay ? t.rate * 10 : t.rate })) : p.tiers;
        const cp: CommissionPlan = {
          basis: p.basis,
          method: p.method === "hybrid" && tiers.length < 2 ? "marginal" : p.method,
          tiers,
          marginalFrom: p.method === "hybrid" && tiers.length >= 2 ? tiers[tiers.length - 1].from : undefined,
          quota: { A: p.quotaA, B: p.quotaB },
          targetPay: p.basis === "attainment" && p.useTargetPay ? 10000 : undefined,
          gate: p.gate === undefined ? undefined : p.gate / 100,
          draw: p.draw,
          spif: p.spif === undefined ? undefined : { amount: p.spif },
          ramp: { B: p.ramp.map((r) => r / 100) },
          bonusBands: [{ from: 1, amount: 250 }],
        };
        // a cap only where the plan accepts it (a gate within the cap's reach)
        const withCap = p.cap === undefined ? cp : { ...cp, cap: p.cap };
        const finalPlan = "errors" in runCommissionPlan(withCap, { periods: ["1"], reps: [], credits: [] }) ? cp : withCap;
        const cr: CommissionCredits = {
          periods: ["P1", "P2", "P3"],
          reps: ["A", "B"],
          credits: amounts.map((amount, i) => ({ rep: i < 3 ? "A" : "B", period: i % 3, amount, spifDeals: i % 2 })),
          clawbacks: clawAmount > 0 ? [{ rep: "A", period: 2, originalPeriod: 0, amount: Math.min(clawAmount, amounts[0]) }] : [],
        };
        const ev = evaluatePlan(workbook(finalPlan, cr));
        expectClose(sheetPayouts(ev, 6), engineRows(finalPlan, cr).map((r) => r.payout));
        // edit A's first credited amount
        ev.set(REPS_SHEET, `F${FIRST_ROW}`, editTo);
        const edited = { ...cr, credits: cr.credits.map((c, i) => (i === 0 ? { ...c, amount: editTo } : c)) };
        expectClose(sheetPayouts(ev, 6), engineRows(finalPlan, edited).map((r) => r.payout));
      }),
      { numRuns: 60 },
    );
  });
});

describe("planCommissionWorkbook refuses what the engine refuses", () => {
  const refusals = (p: CommissionPlan, c: CommissionCredits) => {
    const run = runCommissionPlan(p, c);
    const wb = planCommissionWorkbook(p, c);
    return { engine: "errors" in run ? run.errors : [], sheets: isInvalid(wb) ? wb.errors : [] };
  };
  it("with the same errors for listed bad credits and plans", () => {
    const cases: [CommissionPlan, CommissionCredits][] = [
      [plan, { ...credits, periods: [] }],
      [plan, { ...credits, reps: ["Ann", "Ann"] }],
      [plan, { ...credits, reps: ["Ann", "Cy"] }],
      [plan, { ...credits, credits: [{ rep: "Zed", period: 3, amount: -1, spifDeals: Number.NaN }] }],
      [plan, { ...credits, clawbacks: [{ rep: "Zed", period: 0, originalPeriod: 1.5, amount: Infinity }] }],
      [{ ...plan, method: "hybrid" }, credits],
    ];
    for (const [p, c] of cases) {
      const { engine, sheets } = refusals(p, c);
      expect(engine.length).toBeGreaterThan(0);
      expect(sheets).toEqual(engine);
    }
  });
  it("for random credits, valid or not", () => {
    const period = fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant(0.5));
    const amount = fc.oneof(fc.integer({ min: -10, max: 30000 }), fc.constant(Number.NaN));
    const rep = fc.constantFrom("Ann", "Bo", "Zed");
    const creditsArb = fc.record({
      periods: fc.array(fc.constantFrom("2025-01", "2025-02", "2025-03"), { maxLength: 3 }),
      reps: fc.array(rep, { maxLength: 3 }),
      credits: fc.array(fc.record({ rep, period, amount, spifDeals: fc.option(amount, { nil: undefined }) }), { maxLength: 3 }),
      clawbacks: fc.array(fc.record({ rep, period, originalPeriod: period, amount }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(creditsArb, (c) => {
        const { engine, sheets } = refusals(plan, c);
        expect(sheets).toEqual(engine);
      }),
      { numRuns: 150 },
    );
  });
});
