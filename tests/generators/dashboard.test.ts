import fc from "fast-check";
import { composeWorkbook } from "../../src/compose/compose";
import type { Deal } from "../../src/core/deal";
import { carryInputs, SavedRow, SavedSheet } from "../../src/workbook/inputs";
import { planWorkbook } from "../../src/compose/workbook";
import { isInvalid, PlanResult } from "../../src/generators/common";
import {
  DASHBOARD_LAYOUTS,
  DashboardLayout,
  DashboardOptions,
  dashboardPanelsFrom,
  dashboardQuotasFrom,
  planDashboardSheet,
} from "../../src/generators/dashboard";
import { dealsLayout, dealsSheetPlan, DEALS_COLUMN_LETTERS } from "../../src/generators/deals";
import { planRepsSheet } from "../../src/generators/reps";
import { parseRange, RangeBox } from "../../src/workbook/address";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { isFormulaCell, SheetPlan, sheetRef, WorkbookPlan } from "../../src/workbook/plan";
import { resolvedPlan } from "../../src/workbook/prepare";
import { chartBox } from "../../src/workbook/sheetGeometry";
import { validatePlan } from "../../src/workbook/validatePlan";
import { buildDeals, expectNear, PIPELINE, PIPELINE_ZH, plannedAt, serial } from "./sampleDeals";

function plan(result: PlanResult): WorkbookPlan {
  if (isInvalid(result)) throw new Error(JSON.stringify(result.errors));
  return result;
}

/**
 * Deals, Reps (quota 5,000 each) and the Dashboard over them, as compose bundles them.
 * The sample deals (tests/generators/sampleDeals.ts), by hand:
 *   won:  D01 1000 (cr 2024-10-01, cl 2024-11-15), D02 3000 (2024-12-01 -> 2025-01-10),
 *         D03 2000 (2024-12-05 -> 2025-01-20), D05 4000 (2025-01-10 -> 2025-03-01),
 *         D07 1500 (2025-02-10 -> 2025-04-05), D12 600 (2025-03-01 -> 2025-04-25)
 *   lost: D04 500 (cl 2025-02-14), D06 800 (cr 2025-02-01, cl 2025-03-20), D11 900 (cl 2025-02-28)
 *   open: D08 2500 x 0.8 (cr 2025-03-01), D09 1200 x 0.25 (cr 2025-03-05), D10 700 x 0.1 (cr 2025-03-15)
 */
function dashboardBook(options: DashboardOptions, locale: "en-US" | "zh-CN" = "en-US", edit: (deals: Deal[]) => Deal[] = (d) => d): WorkbookPlan {
  const pipeline = locale === "zh-CN" ? PIPELINE_ZH : PIPELINE;
  const deals = edit(buildDeals(pipeline));
  const dealsRef = dealsLayout(deals, pipeline, locale);
  const reps = plan(planRepsSheet(deals, pipeline, { locale, quotas: 5000, dealsRef }));
  const panels = dashboardPanelsFrom(reps);
  const dashboard = plan(planDashboardSheet(panels, { locale, dealsRef, quotas: dashboardQuotasFrom(panels), ...options }));
  return { sheets: [dealsSheetPlan(deals, pipeline, { locale }), ...reps.sheets, ...dashboard.sheets] };
}

const dashboardOf = (wb: WorkbookPlan): SheetPlan => wb.sheets[wb.sheets.length - 1];

/** Tile cells with 4 tiles a row from row 5, 3 columns by 5 rows each, a blank row between rows of tiles. */
const TILE = {
  wonRevenue: { value: "A6", base: "C7", change: "C8", extra: "C9" },
  winRate: { value: "D6", base: "F7", change: "F8" },
  openPipeline: { value: "G6", base: "I7", change: "I8" },
  weightedPipeline: { value: "J6", base: "L7", change: "L8" },
  averageDeal: { value: "A12", base: "C13", change: "C14" },
  cycle: { value: "D12", base: "F13", change: "F14" },
  attainment: { value: "G12", base: "I13", change: "I14" },
};

describe("dashboard KPI tiles", () => {
  // Each period runs up to the as-of date and is compared with the previous period up to the
  // same day: here Q2 to 30 May against Q1 to 28 February (there is no 30 February).
  describe("quarterly, as of 2025-05-30 (1 Apr-30 May against 1 Jan-28 Feb), target 10,000", () => {
    const wb = dashboardBook({ period: "quarterly", asOf: "2025-05-30", target: 10000 });
    const sheet = dashboardOf(wb);
    const ev = evaluatePlan(wb);
    const v = (address: string) => ev.value("Dashboard", address);

    it("states the period and the previous period", () => {
      expect(v("B2")).toBe(serial("2025-05-30"));
      expect([v("D2"), v("E2")]).toEqual([serial("2025-04-01"), serial("2025-05-30")]);
      expect([v("D3"), v("E3")]).toEqual([serial("2025-01-01"), serial("2025-02-28")]);
      expect(v("B3")).toBe(10000);
    });

    it("labels each tile", () => {
      expect(v("A5")).toBe("Won revenue");
      expect(v("D5")).toBe("Win rate");
      expect(v("G5")).toBe("Open pipeline");
      expect(v("J5")).toBe("Weighted pipeline");
      expect(v("A11")).toBe("Average deal size");
      expect(v("D11")).toBe("Sales cycle (days)");
      expect(v("G11")).toBe("Quota attainment");
    });

    it("won revenue: 1500 + 600 to 30 May against 3000 + 2000 to 28 Feb (not D05's 4000 of 1 Mar), and 21% of the target", () => {
      expect(v(TILE.wonRevenue.value)).toBe(2100);
      expect(v(TILE.wonRevenue.base)).toBe(5000);
      expectNear(v(TILE.wonRevenue.change), (2100 - 5000) / 5000);
      expectNear(v(TILE.wonRevenue.extra), 0.21);
    });

    it("win rate: 2 won / 2 closed to 30 May against 2 won (D02, D03) / 4 closed (and D04, D11) to 28 Feb, change in percentage points", () => {
      expect(v(TILE.winRate.value)).toBe(1);
      expect(v(TILE.winRate.base)).toBe(0.5);
      expectNear(v(TILE.winRate.change), 50); // 100% - 50% = 50 points
      // "+50.0" under "Change (points)", not "+50.0%": the unit is the caption's, as for days.
      expect(plannedAt(sheet, "D8")).toBe("Change (points)");
      const change = sheet.blocks.find((b) => b.at === TILE.winRate.change)!;
      expect(change.numberFormat).toBe("+0.0;-0.0;0.0");
    });

    it("open pipeline on 2025-05-30 against 2025-02-28 (D05, D06 and D07 were open then; D11 closed that day)", () => {
      expect(v(TILE.openPipeline.value)).toBe(2500 + 1200 + 700);
      expect(v(TILE.openPipeline.base)).toBe(4000 + 800 + 1500);
      expectNear(v(TILE.openPipeline.change), (4400 - 6300) / 6300);
    });

    it("weighted pipeline: amount x probability of the deals open at each date", () => {
      expectNear(v(TILE.weightedPipeline.value), 2500 * 0.8 + 1200 * 0.25 + 700 * 0.1);
      // D05, D06 and D07 carry the probability the export gives them now (won 1, lost 0).
      expectNear(v(TILE.weightedPipeline.base), 4000 + 0 + 1500);
      expectNear(v(TILE.weightedPipeline.change), (2370 - 5500) / 5500);
    });

    it("average deal: 2100 / 2 against 5000 / 2", () => {
      expect(v(TILE.averageDeal.value)).toBe(1050);
      expect(v(TILE.averageDeal.base)).toBe(2500);
      expectNear(v(TILE.averageDeal.change), (1050 - 2500) / 2500);
    });

    it("sales cycle: (54 + 55) / 2 days against (40 + 46) / 2", () => {
      // D07 2025-02-10 -> 04-05 = 18 + 31 + 5; D12 03-01 -> 04-25 = 30 + 25;
      // D02 2024-12-01 -> 01-10 = 40; D03 12-05 -> 01-20 = 46.
      expectNear(v(TILE.cycle.value), 54.5);
      expectNear(v(TILE.cycle.base), 43);
      expectNear(v(TILE.cycle.change), 54.5 - 43);
    });

    it("attainment: all won revenue (12,100) over three quotas of 5,000", () => {
      expectNear(v(TILE.attainment.value), 12100 / 15000);
      expect(v(TILE.attainment.base)).toBe(15000);
      expectNear(v(TILE.attainment.change), 12100 / 15000 - 1);
    });

    it("keeps every tile a formula (no typed number), over the Deals sheet and the scorecard", () => {
      const resolved = resolvedPlan(wb).sheets[2];
      for (const tile of Object.values(TILE)) {
        for (const address of Object.values(tile)) {
          const cell = plannedAt(resolved, address);
          expect(isFormulaCell(cell!)).toBe(true);
        }
      }
      const formulaOf = (address: string) => (plannedAt(resolved, address) as { f: string }).f;
      expect(formulaOf(TILE.wonRevenue.value)).toBe(
        `=SUMIFS('Deals'!$E$2:$E$13,'Deals'!$J$2:$J$13,"Won",'Deals'!$H$2:$H$13,">="&$D$2,'Deals'!$H$2:$H$13,"<="&$E$2)`,
      );
      expect(formulaOf(TILE.attainment.value)).toBe(`=IF(SUM('Reps'!$C$5:$C$7)=0,"",SUMPRODUCT(ISNUMBER('Reps'!$C$5:$C$7)*'Reps'!$B$5:$B$7)/SUM('Reps'!$C$5:$C$7))`);
      const functions = new Set(
        sheet.blocks.flatMap((b) => b.cells.flat()).filter(isFormulaCell).flatMap((c) => [...c.f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])),
      );
      const classic = ["SUMIFS", "COUNTIFS", "SUMPRODUCT", "IF", "IFERROR", "OR", "ABS", "ISNUMBER", "SUM", "EOMONTH", "MONTH", "DAY", "MIN", "INT", "MAX", "TODAY"];
      for (const f of functions) expect(classic).toContain(f);
    });

    it("moves when a deal, the target or the as-of date changes", () => {
      const live = evaluatePlan(wb);
      const row = 2 + buildDeals().findIndex((d) => d.id === "D08"); // open 2500, closes 2025-05-30
      live.set("Deals", `${DEALS_COLUMN_LETTERS.status}${row}`, "Won");
      expect(live.value("Dashboard", TILE.wonRevenue.value)).toBe(2100 + 2500);
      expect(live.value("Dashboard", TILE.openPipeline.value)).toBe(1200 + 700);
      expect(live.value("Dashboard", TILE.winRate.value)).toBe(1);
      live.set("Dashboard", "B3", 23000);
      expectNear(live.value("Dashboard", TILE.wonRevenue.extra), 4600 / 23000);
      live.set("Dashboard", "B3", null);
      expect(live.value("Dashboard", TILE.wonRevenue.extra)).toBe("");
      live.set("Reps", "C5", null); // Alice (1000 + 3000 won) has no quota any more
      expectNear(live.value("Dashboard", TILE.attainment.value), (12100 + 2500 - 4000) / 10000);
      live.set("Dashboard", "B2", serial("2025-02-20")); // Q1 to 20 Feb against Q4 2024 to 20 Nov
      expect(live.value("Dashboard", TILE.wonRevenue.value)).toBe(3000 + 2000); // D05 closes 1 Mar
      expect(live.value("Dashboard", TILE.wonRevenue.base)).toBe(1000); // D01, 2024-11-15
      expect([live.value("Dashboard", "D3"), live.value("Dashboard", "E3")]).toEqual([serial("2024-10-01"), serial("2024-11-20")]);
      live.set("Dashboard", "B2", serial("2024-11-14")); // a day before D01 closed
      expect(live.value("Dashboard", TILE.wonRevenue.value)).toBe(0);
    });

    it("arrows the changes (up, level, down) and colours them by better or worse; a shorter cycle is better", () => {
      const formats = sheet.conditionalFormats ?? [];
      const icons = formats.filter((f) => f.type === "iconSet");
      expect(icons.map((f) => f.range)).toEqual([TILE.wonRevenue.change, TILE.winRate.change, TILE.openPipeline.change, TILE.weightedPipeline.change, TILE.averageDeal.change, TILE.attainment.change]);
      expect(icons.every((f) => f.type === "iconSet" && f.icons === "3Arrows" && !f.reverse)).toBe(true);
      const colours = (range: string) => formats.filter((f) => f.type === "formula" && f.range === range) as { formula: string; style: { fontColor?: string } }[];
      expect(colours(TILE.cycle.change).map((f) => [f.formula, f.style.fontColor])).toEqual([
        [`=AND(ISNUMBER(F14),F14<-0.05)`, "#107C41"],
        [`=AND(ISNUMBER(F14),F14>=0.05)`, "#C00000"],
      ]);
      expect(colours(TILE.wonRevenue.change).map((f) => f.style.fontColor)).toEqual(["#107C41", "#C00000"]);
      // The win rate's change is in points shown to 0.1: level within half of it.
      expect(icons.find((f) => f.range === TILE.winRate.change)).toEqual(expect.objectContaining({ thresholds: [-0.05, 0.05] }));
      expect(colours(TILE.winRate.change).map((f) => [f.formula, f.style.fontColor])).toEqual([
        [`=AND(ISNUMBER(F8),F8>=0.05)`, "#107C41"],
        [`=AND(ISNUMBER(F8),F8<-0.05)`, "#C00000"],
      ]);
      expect(icons.find((f) => f.range === TILE.wonRevenue.change)).toEqual(expect.objectContaining({ thresholds: [-0.0005, 0.0005] }));
      // The rules hold where they apply: evaluate them as written on their cell.
      const cycleWorse = `=AND(ISNUMBER(${TILE.cycle.change}),${TILE.cycle.change}>=0.05)`;
      const probe = evaluatePlan({ sheets: [...wb.sheets.slice(0, 2), { ...sheet, blocks: [...sheet.blocks, { at: "Z1", cells: [[{ f: cycleWorse }]] }] }] });
      expect(probe.value("Dashboard", "Z1")).toBe(true); // 54.5 days against 45.3: longer, worse
    });

    it("colours the share of target by the pace: green at or above the share of the period gone by, red below", () => {
      const rules = (sheet.conditionalFormats ?? []).filter((f) => f.type === "formula" && f.range === TILE.wonRevenue.extra) as { formula: string; style: { fontColor?: string } }[];
      expect(rules.map((f) => f.style.fontColor)).toEqual(["#107C41", "#C00000"]);
      // The rules evaluated as written, on their cell: 1 Apr to 30 May is 60 of Q2's 91 days.
      const probe = evaluatePlan({ sheets: [...wb.sheets.slice(0, -1), { ...sheet, blocks: [...sheet.blocks, { at: "Z1", cells: [[{ f: rules[0].formula }], [{ f: rules[1].formula }]] }] }] });
      const green = () => probe.value("Dashboard", "Z1");
      const red = () => probe.value("Dashboard", "Z2");
      expect([v(TILE.wonRevenue.extra), green(), red()]).toEqual([0.21, false, true]); // 21% < 60/91 = 65.9%
      probe.set("Dashboard", "B3", 2100 / (60 / 91)); // exactly on pace
      expect([green(), red()]).toEqual([true, false]);
      probe.set("Dashboard", "B3", 2100 / (60 / 91) + 1);
      expect([green(), red()]).toEqual([false, true]);
      probe.set("Dashboard", "B2", serial("2025-06-30")); // the quarter's last day: the whole target is due
      probe.set("Dashboard", "B3", 2100);
      expect([green(), red()]).toEqual([true, false]);
      probe.set("Dashboard", "B3", null); // no target: no share, no colour
      expect([green(), red()]).toEqual([false, false]);
    });

    it("passes plan validation", () => {
      expect(validatePlan(wb)).toEqual([]);
    });
  });

  describe("monthly, as of 2025-03-20 (1-20 March against 1-20 February)", () => {
    const wb = dashboardBook({ asOf: "2025-03-20" });
    const ev = evaluatePlan(wb);
    const v = (address: string) => ev.value("Dashboard", address);

    it("computes each tile, blank where the base has nothing to compare", () => {
      expect([v("D2"), v("E2"), v("D3"), v("E3")]).toEqual([serial("2025-03-01"), serial("2025-03-20"), serial("2025-02-01"), serial("2025-02-20")]);
      expect(v(TILE.wonRevenue.value)).toBe(4000); // D05
      expect(v(TILE.wonRevenue.base)).toBe(0);
      expect(v(TILE.wonRevenue.change)).toBe(""); // against 0: blank, not #DIV/0!
      expect(v(TILE.wonRevenue.extra)).toBe(""); // no target typed
      expect(v(TILE.winRate.value)).toBe(0.5); // D05 won, D06 lost on the 20th
      expect(v(TILE.winRate.base)).toBe(0); // D04 lost on 14 Feb (D11 on the 28th is after the 20th)
      expectNear(v(TILE.winRate.change), 50); // 50% - 0% = 50 points
      // 2025-03-20: D08, D09, D10 open, D07 and D12 open until April (D06 closed that day).
      // 2025-02-20: D05, D06, D07 and D11 (lost on the 28th).
      expect(v(TILE.openPipeline.value)).toBe(2500 + 1200 + 700 + 1500 + 600);
      expect(v(TILE.openPipeline.base)).toBe(4000 + 800 + 1500 + 900);
      expectNear(v(TILE.openPipeline.change), (6500 - 7200) / 7200);
      expectNear(v(TILE.weightedPipeline.value), 2370 + 1500 + 600);
      expectNear(v(TILE.weightedPipeline.base), 4000 + 0 + 1500 + 0);
      expect(v(TILE.averageDeal.value)).toBe(4000);
      expect(v(TILE.averageDeal.base)).toBe("");
      expect(v(TILE.averageDeal.change)).toBe("");
      expect(v(TILE.cycle.value)).toBe(50);
      expect(v(TILE.cycle.base)).toBe("");
      expect(v(TILE.cycle.change)).toBe("");
    });

  });

  describe("the period to date against the previous period to the same day", () => {
    // [as of, period start, period end, previous start, previous end], worked out on a calendar.
    const cases: [string, string, string, string, string][] = [
      ["2025-05-27", "2025-05-01", "2025-05-27", "2025-04-01", "2025-04-27"],
      // The last day of a month: the whole month before, though it is longer.
      ["2025-04-30", "2025-04-01", "2025-04-30", "2025-03-01", "2025-03-31"],
      ["2025-02-28", "2025-02-01", "2025-02-28", "2025-01-01", "2025-01-31"],
      // A day the month before lacks: its last day.
      ["2025-03-30", "2025-03-01", "2025-03-30", "2025-02-01", "2025-02-28"],
      ["2024-03-30", "2024-03-01", "2024-03-30", "2024-02-01", "2024-02-29"],
      ["2025-01-15", "2025-01-01", "2025-01-15", "2024-12-01", "2024-12-15"],
      ["2025-05-01", "2025-05-01", "2025-05-01", "2025-04-01", "2025-04-01"],
    ];
    const quarterly: [string, string, string, string, string][] = [
      ["2025-04-15", "2025-04-01", "2025-04-15", "2025-01-01", "2025-01-15"],
      ["2025-06-30", "2025-04-01", "2025-06-30", "2025-01-01", "2025-03-31"],
      ["2025-05-31", "2025-04-01", "2025-05-31", "2025-01-01", "2025-02-28"],
      ["2025-02-10", "2025-01-01", "2025-02-10", "2024-10-01", "2024-11-10"],
      ["2025-12-31", "2025-10-01", "2025-12-31", "2025-07-01", "2025-09-30"],
    ];
    const periods = (period: "monthly" | "quarterly", asOf: number) => {
      const live = evaluatePlan(dashboardBook({ period, asOf: "2025-01-01" }));
      live.set("Dashboard", "B2", asOf);
      return ["D2", "E2", "D3", "E3"].map((a) => live.value("Dashboard", a));
    };

    it.each(cases)("monthly, as of %s: %s to %s against %s to %s", (asOf, ...expected) => {
      expect(periods("monthly", serial(asOf))).toEqual(expected.map(serial));
    });

    it.each(quarterly)("quarterly, as of %s: %s to %s against %s to %s", (asOf, ...expected) => {
      expect(periods("quarterly", serial(asOf))).toEqual(expected.map(serial));
    });

    it("agrees with a calendar over any day from 1950 to 2100, monthly and quarterly", () => {
      // By calendar: the period's first day; the same day `months` earlier, or that month's
      // last day when it is shorter, or the whole previous period on a period's last day.
      const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m: 1..12
      const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
      const expected = (day: string, months: 1 | 3): string[] => {
        const [y, m, d] = day.split("-").map(Number);
        const firstMonth = months === 1 ? m : m - ((m - 1) % 3);
        const lastMonth = firstMonth + months - 1;
        const periodEnds = d === daysIn(y, m) && m === lastMonth;
        const pm = m - months; // the as-of month, `months` earlier (may be 0 or less: Date.UTC rolls it back a year)
        const py = new Date(Date.UTC(y, pm - 1, 1)).getUTCFullYear();
        const pmm = new Date(Date.UTC(y, pm - 1, 1)).getUTCMonth() + 1;
        const previousEnd = periodEnds ? iso(y, firstMonth, 0) : iso(py, pmm, Math.min(d, daysIn(py, pmm)));
        return [iso(y, firstMonth, 1), day, iso(y, firstMonth - months, 1), previousEnd];
      };
      const books = { 1: evaluatePlan(dashboardBook({ period: "monthly", asOf: "2025-01-01" })), 3: evaluatePlan(dashboardBook({ period: "quarterly", asOf: "2025-01-01" })) };
      const day = (serialDay: unknown) => new Date(Date.UTC(1899, 11, 30) + Number(serialDay) * 86400000).toISOString().slice(0, 10);
      fc.assert(
        fc.property(fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }), fc.constantFrom(1 as const, 3 as const), (date, months) => {
          const asOf = date.toISOString().slice(0, 10);
          const live = books[months];
          live.set("Dashboard", "B2", serial(asOf));
          expect(["D2", "E2", "D3", "E3"].map((a) => day(live.value("Dashboard", a)))).toEqual(expected(asOf, months));
        }),
        { numRuns: 300 },
      );
    });

    it("takes a typed date and time as its day", () => {
      expect(periods("monthly", serial("2025-05-27") + 0.75)).toEqual(["2025-05-01", "2025-05-27", "2025-04-01", "2025-04-27"].map(serial));
    });

    it("counts a deal on the as-of day and not the day after", () => {
      // D12, won 600 on 2025-04-25; D07, won 1500 on 2025-04-05.
      const live = evaluatePlan(dashboardBook({ asOf: "2025-04-25" }));
      expect(live.value("Dashboard", TILE.wonRevenue.value)).toBe(1500 + 600);
      live.set("Dashboard", "B2", serial("2025-04-24"));
      expect(live.value("Dashboard", TILE.wonRevenue.value)).toBe(1500);
      expect(live.value("Dashboard", TILE.openPipeline.value)).toBe(2500 + 1200 + 700 + 600); // D12 still open
    });
  });

  describe("as of the deals' last day when no date is given", () => {
    const asOf = (wb: WorkbookPlan) => evaluatePlan(wb).value("Dashboard", "B2");
    const todaySerial = () => {
      const now = new Date();
      return serial(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`);
    };

    it("is the latest created or won/lost close date, not an open deal's expected close", () => {
      const wb = dashboardBook({});
      expect(plannedAt(dashboardOf(wb), "B2")).toHaveProperty("f");
      const ev = evaluatePlan(wb);
      const v = (address: string) => ev.value("Dashboard", address);
      // D12 won, closed 2025-04-25: the last thing that happened. D08 and D09 are open and
      // expected to close 2025-05-30 and 2025-06-30: those days have not happened.
      expect(v("B2")).toBe(serial("2025-04-25"));
      expect([v("D2"), v("E2"), v("D3"), v("E3")]).toEqual([serial("2025-04-01"), serial("2025-04-25"), serial("2025-03-01"), serial("2025-03-25")]);
      expect(v(TILE.wonRevenue.value)).toBe(1500 + 600); // D07 2025-04-05, D12 2025-04-25
      expect(v(TILE.wonRevenue.base)).toBe(4000); // D05 2025-03-01
    });

    it("moves with the deals: a deal lost later, or created later, moves it", () => {
      const lostInMay = dashboardBook({}, "en-US", (deals) => deals.map((d) => (d.id === "D11" ? { ...d, closeDate: "2025-05-02" } : d)));
      expect(asOf(lostInMay)).toBe(serial("2025-05-02"));
      const createdInMay = dashboardBook({}, "en-US", (deals) => deals.map((d) => (d.id === "D10" ? { ...d, createdDate: "2025-05-09" } : d)));
      expect(asOf(createdInMay)).toBe(serial("2025-05-09"));
    });

    it("reads the Chinese status words", () => {
      expect(evaluatePlan(dashboardBook({}, "zh-CN")).value("仪表板", "B2")).toBe(serial("2025-04-25"));
    });

    it("keeps a date typed over it through a refresh; the formula itself is written anew", () => {
      const refreshed = (asOf: SavedRow[]) => {
        const book = dashboardBook({});
        const dashboard = { ...dashboardOf(book), role: "dashboard" };
        const saved: SavedSheet = { role: "dashboard", name: "Dashboard", generated: "A1:L40", inputs: new Map([["asOf", asOf], ["target", [{ values: [50000] }]]]) };
        const carried = carryInputs({ sheets: [...book.sheets.slice(0, -1), dashboard] }, new Map([["dashboard", saved]]));
        return evaluatePlan(carried.plan);
      };
      // Typed last month: the period stays March.
      const typed = refreshed([{ values: [serial("2025-03-31")] }]);
      expect([typed.value("Dashboard", "B2"), typed.value("Dashboard", "D2"), typed.value("Dashboard", "B3")]).toEqual([serial("2025-03-31"), serial("2025-03-01"), 50000]);
      // The formula of an earlier build (=TODAY() before the deals' day was the default) is not carried.
      const generated = refreshed([{ values: [{ f: "=TODAY()" }] }]);
      expect(generated.value("Dashboard", "B2")).toBe(serial("2025-04-25"));
      expect(generated.value("Dashboard", "B3")).toBe(50000);
    });

    it("falls back to the latest expected close of open deals, then to today", () => {
      const openOnly = (deals: Deal[]) => deals.filter((d) => d.status === "open").map((d) => ({ ...d, createdDate: null }));
      expect(asOf(dashboardBook({}, "en-US", openOnly))).toBe(serial("2025-06-30")); // D09
      const undated = (deals: Deal[]) => openOnly(deals).map((d) => ({ ...d, closeDate: null }));
      expect(asOf(dashboardBook({}, "en-US", undated))).toBe(todaySerial());
    });
  });

  it("writes zh-CN labels and reads the Chinese status words", () => {
    const wb = dashboardBook({ period: "quarterly", asOf: "2025-05-30" }, "zh-CN");
    const ev = evaluatePlan(wb);
    expect(dashboardOf(wb).name).toBe("仪表板");
    expect(ev.value("仪表板", "A5")).toBe("赢单收入");
    expect(ev.value("仪表板", "A2")).toBe("截至");
    expect(ev.value("仪表板", TILE.wonRevenue.value)).toBe(2100);
    expect(ev.value("仪表板", TILE.winRate.base)).toBe(0.5);
    expectNear(ev.value("仪表板", TILE.winRate.change), 50);
    expect(dashboardOf(wb).blocks.find((b) => b.at === TILE.winRate.change)!.numberFormat).toBe("+0.0;-0.0;0.0");
    expect(ev.value("仪表板", "D8")).toBe("变化（百分点）");
    expectNear(ev.value("仪表板", TILE.attainment.value), 12100 / 15000);
  });

  describe("without deals", () => {
    const funnel = { name: "Funnel", blocks: [], charts: [{ type: "funnel" as const, title: "Funnel", categories: "B5:B9", series: [{ name: "Deals", values: "C5:C9" }], anchor: "A12", width: 400, height: 300 }] };

    it("leaves out every tile whose source is missing, and the period inputs with them", () => {
      const d = plan(planDashboardSheet(dashboardPanelsFrom({ sheets: [funnel] }), {}));
      const sheet = d.sheets[0];
      expect(sheet.blocks.map((b) => b.at)).toEqual(["A1"]);
      expect(sheet.inputs).toBeUndefined();
      expect(sheet.conditionalFormats).toBeUndefined();
      expect(sheet.charts![0].anchor).toBe("A3");
    });

    it("keeps the attainment tile when the scorecard is charted", () => {
      const deals = buildDeals();
      const reps = plan(planRepsSheet(deals, PIPELINE, { quotas: 5000 }));
      const panels = dashboardPanelsFrom(reps);
      const d = plan(planDashboardSheet(panels, { quotas: dashboardQuotasFrom(panels) }));
      const sheet = d.sheets[0];
      expect(plannedAt(sheet, "A3")).toBe("Quota attainment");
      expect(plannedAt(sheet, "A1")).toBe("Sales dashboard");
      expect(plannedAt(sheet, "B2")).toBeUndefined();
      const ev = evaluatePlan({ sheets: [dealsSheetPlan(deals, PIPELINE), ...reps.sheets, sheet] });
      expectNear(ev.value("Dashboard", "A4"), 12100 / 15000);
    });

    it("composes from typed sheets with no tile and no error, and asks for deals when told to read them", () => {
      const typed = composeWorkbook(
        [
          { id: "funnel", values: { source: "typed", stages: ["A", "B"], counts: ["10", "5"], targets: [] } },
          { id: "dashboard", values: { source: "typed", layout: "grid", period: null, asOf: null, target: null } },
        ],
        {},
        { locale: "en-US", currency: "USD" },
      );
      if (!typed.ok) throw new Error(JSON.stringify(typed.errors));
      const dashboard = typed.plan.sheets[typed.plan.sheets.length - 1];
      expect(dashboard.blocks.map((b) => b.at)).toEqual(["A1"]);
      expect(dashboard.charts).toHaveLength(1);
      const ev = evaluatePlan(typed.plan);
      expect(ev.value(dashboard.name, "A1")).toBe("Sales dashboard");
      const wanting = composeWorkbook(
        [{ id: "dashboard", values: { source: "deals", layout: "grid", period: "monthly", asOf: null, target: null } }],
        {},
        { locale: "en-US", currency: "USD" },
      );
      expect(wanting.ok).toBe(false);
    });
  });

  it("is in the whole workbook, with the Deals sheet it reads, and computes with no error", () => {
    const built = planWorkbook(buildDeals(), PIPELINE, { sheets: { reps: { quota: "5000" }, dashboard: { asOf: "2025-05-30", period: "quarterly" } } });
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const ev = evaluatePlan(built.plan);
    const values = ev.values("Dashboard", "A1:L15").flat();
    expect(values.filter((x) => typeof x === "string" && x.startsWith("#"))).toEqual([]);
    expect(ev.value("Dashboard", TILE.wonRevenue.value)).toBe(2100);
    expectNear(ev.value("Dashboard", TILE.attainment.value), 12100 / 15000);
  });
});

describe("dashboard revenue by source", () => {
  it("charts the Review's whole mix, deals without a source included, so it adds up to all won revenue", () => {
    // D12 (won, 600) has no source here: Event 4000, Referral 4500, Web 3000, (no source) 600.
    const deals = buildDeals().map((d) => (d.id === "D12" ? { ...d, source: "" } : d));
    const built = planWorkbook(deals, PIPELINE, { sheets: { reps: { quota: "5000" }, review: { period: "quarterly" } } });
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const pie = dashboardOf(built.plan).charts!.find((c) => c.type === "pie")!;
    expect([pie.categories, pie.series[0].values]).toEqual([sheetRef("Review", "N5:N8"), sheetRef("Review", "O5:O8")]);
    const ev = evaluatePlan(built.plan);
    expect(ev.values("Review", "N5:O8")).toEqual([["Event", 4000], ["Referral", 4500], ["Web", 3000], ["(no source)", 600]]);
    const wonTotal = deals.filter((d) => d.status === "won").reduce((s, d) => s + d.amount, 0);
    expect(ev.values("Review", "O5:O8").reduce((s, r) => s + (r[0] as number), 0)).toBe(wonTotal);
  });
});

describe("dashboard layouts", () => {
  const wb = dashboardBook({ asOf: "2025-04-15" });
  // The four roles, as the whole workbook charts them.
  const built = planWorkbook(buildDeals(), PIPELINE, { sheets: { customers: { asOf: "2025-06-30" } } });
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const panels = dashboardPanelsFrom({ sheets: built.plan.sheets.filter((s) => s.name !== "Dashboard") });
  const dealsRef = dealsLayout(buildDeals(), PIPELINE);
  const quotas = dashboardQuotasFrom(panels);

  const laidOut = (layout: DashboardLayout, withTiles = true): SheetPlan =>
    plan(planDashboardSheet(panels, { layout, ...(withTiles ? { dealsRef, quotas } : {}) })).sheets[0];
  const boxes = (sheet: SheetPlan): RangeBox[] => sheet.charts!.map((c) => chartBox(sheet, c));
  const overlap = (a: RangeBox, b: RangeBox) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
  const lastTileRow = (sheet: SheetPlan) => Math.max(...sheet.blocks.map((b) => parseRange(b.at).top + b.cells.length - 1));

  it("plans every column and row the charts cover, so the boxes hold whatever Excel's default font", () => {
    expect(dashboardOf(wb).name).toBe("Dashboard");
    for (const layout of DASHBOARD_LAYOUTS) {
      const sheet = laidOut(layout);
      for (const box of boxes(sheet)) {
        for (let c = box.left; c <= box.right; c++) expect(Object.keys(sheet.columnWidths!).length).toBeGreaterThanOrEqual(c);
        for (let r = box.top; r <= box.bottom; r++) expect(sheet.rowHeights![r]).toBeDefined();
      }
    }
  });

  it.each(DASHBOARD_LAYOUTS.map((l) => [l]))("%s: four charts below the tiles, none overlapping another", (layout) => {
    for (const withTiles of [true, false]) {
      const sheet = laidOut(layout, withTiles);
      const b = boxes(sheet);
      expect(b).toHaveLength(4);
      if (withTiles) for (const box of b) expect(box.top).toBeGreaterThan(lastTileRow(sheet));
      else for (const box of b) expect(box.top).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) expect(overlap(b[i], b[j])).toBe(false);
      expect(resolvedPlan({ sheets: [sheet] }).sheets[0].charts![0].categories).toBe("'Funnel'!B5:B9");
    }
  });

  it("2 x 2 grid: two anchor columns and two anchor rows, each chart in its own quarter", () => {
    const sheet = laidOut("grid");
    const anchors = sheet.charts!.map((c) => parseRange(c.anchor));
    expect(new Set(anchors.map((a) => a.left)).size).toBe(2);
    expect(new Set(anchors.map((a) => a.top)).size).toBe(2);
    const [a, b, c, d] = boxes(sheet);
    expect(a.top).toBe(b.top);
    expect(c.top).toBe(d.top);
    expect(a.left).toBe(c.left);
    expect(b.left).toBe(d.left);
    expect(b.left).toBeGreaterThan(a.right);
    expect(c.top).toBeGreaterThan(a.bottom);
    expect(sheet.charts!.every((x) => x.width === sheet.charts![0].width && x.height === sheet.charts![0].height)).toBe(true);
  });

  it("one large, three small: the large chart on top spans the width of the three small side by side", () => {
    const sheet = laidOut("oneLargeThreeSmall");
    const [large, ...small] = boxes(sheet);
    expect(small).toHaveLength(3);
    expect(new Set(small.map((s) => s.top)).size).toBe(1);
    expect(small[0].top).toBeGreaterThan(large.bottom);
    expect(small[1].left).toBeGreaterThan(small[0].right);
    expect(small[2].left).toBeGreaterThan(small[1].right);
    expect(large.left).toBe(small[0].left);
    expect(large.right).toBe(small[2].right);
    const charts = sheet.charts!;
    expect(charts[0].width).toBeGreaterThan(3 * charts[1].width);
    expect(charts[0].height).toBeGreaterThan(charts[1].height);
  });

  it("single column: one anchor column, the charts stacked", () => {
    const sheet = laidOut("singleColumn");
    const b = boxes(sheet);
    expect(new Set(b.map((x) => x.left)).size).toBe(1);
    for (let i = 1; i < b.length; i++) expect(b[i].top).toBeGreaterThan(b[i - 1].bottom);
    // Narrow: the tiles wrap to the charts' width (two a row).
    const columns = Math.max(...b.map((x) => x.right));
    expect(Math.max(...sheet.blocks.map((bl) => parseRange(bl.at).left + bl.cells[0].length - 1))).toBeLessThanOrEqual(columns);
  });

  it("says what to do when there is nothing to show", () => {
    const d = plan(planDashboardSheet([], { locale: "zh-CN" }));
    expect(d.sheets[0].name).toBe("仪表板");
    expect(plannedAt(d.sheets[0], "A3")).toMatch(/暂无图表/);
  });
});
