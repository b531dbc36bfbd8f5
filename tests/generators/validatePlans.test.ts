import { validatePlan } from "../../src/workbook/validatePlan";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { isFormulaCell } from "../../src/workbook/plan";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { everyGeneratorPlan } from "./allPlans";

/** Classic functions every generated formula may use (all in Excel 2010, HyperFormula and LibreOffice 7.4). */
const CLASSIC = new Set([
  "SUM", "SUMIFS", "COUNTIFS", "COUNTIF", "COUNT", "SUMPRODUCT", "SUMSQ", "INDEX", "IF", "IFERROR", "AND", "OR", "MIN", "MAX",
  "ABS", "AVERAGE", "SLOPE", "ISNUMBER", "YEAR", "MONTH", "DAY", "EOMONTH", "TODAY", "INT",
]);

describe.each(["en-US", "zh-CN"] as const)("every generator's plan in %s", (locale) => {
  const plans = everyGeneratorPlan(locale);

  it.each(Object.keys(plans))("%s passes validatePlan", (key) => {
    expect(validatePlan(plans[key])).toEqual([]);
  });

  it.each(Object.keys(plans))("%s uses only classic functions, and HyperFormula computes every formula without an error", (key) => {
    const plan = plans[key];
    const ev = evaluatePlan(plan);
    const problems: string[] = [];
    for (const sheet of plan.sheets) {
      for (const block of sheet.blocks) {
        const at = parseCell(block.at);
        block.cells.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (!isFormulaCell(cell)) return;
            for (const m of cell.f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) if (!CLASSIC.has(m[1])) problems.push(`${m[1]} in ${cell.f}`);
            const address = cellAddress(at.row + r, at.column + c);
            const value = ev.value(sheet.name, address);
            if (typeof value === "string" && /^#[A-Z/0]+[!?A]?$/.test(value)) problems.push(`${sheet.name}!${address} = ${value}`);
          }),
        );
      }
    }
    expect(problems).toEqual([]);
  });
});
