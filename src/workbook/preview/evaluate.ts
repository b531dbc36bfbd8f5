/**
 * Evaluates a plan's formulas with HyperFormula: the engine behind the browser preview
 * and the plan tests. HyperFormula is GPL-3.0: this module is for the preview page and
 * tests only, never imported by the add-in's task pane or functions bundles.
 */
import { HyperFormula, DetailedCellError } from "hyperformula";
import { parseCell } from "../address";
import { isFormulaCell, PlanCell, WorkbookPlan } from "../plan";
import { resolvedPlan } from "../prepare";
import { needsTextProtection } from "../validatePlan";

export type EvaluatedValue = number | string | boolean | null;

export interface PlanEvaluation {
  readonly hf: HyperFormula;
  /** Computed value of a cell; errors come back as their Excel text ("#DIV/0!"). */
  value(sheet: string, address: string): EvaluatedValue;
  /** Computed values of a rectangular range, row by row. */
  values(sheet: string, range: string): EvaluatedValue[][];
  /** Edits an input cell (a number, text, or a formula cell) and recomputes. */
  set(sheet: string, address: string, cell: PlanCell): void;
}

export interface EvaluateOptions {
  /** HyperFormula's sheet size defaults to 40,000 rows. */
  maxRows?: number;
}

/** HyperFormula content for a plan cell: formulas as "=...", text kept text. */
export function hyperFormulaContent(cell: PlanCell): string | number | boolean | null {
  if (cell === null || typeof cell === "number" || typeof cell === "boolean") return cell;
  if (isFormulaCell(cell)) return cell.f;
  // A leading apostrophe makes HyperFormula keep the rest as text, as Excel does.
  return needsTextProtection(cell) ? `'${cell}` : cell;
}

function toValue(raw: unknown): EvaluatedValue {
  if (raw instanceof DetailedCellError) return raw.value;
  if (raw === undefined) return null;
  return raw as EvaluatedValue;
}

/**
 * Loads a plan into a fresh HyperFormula workbook, sheets under their planned names and
 * reference tokens resolved to them (`resolvedPlan`), and computes every formula.
 */
export function evaluatePlan(raw: WorkbookPlan, options: EvaluateOptions = {}): PlanEvaluation {
  const plan = resolvedPlan(raw);
  const hf = HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    maxRows: options.maxRows ?? 40000,
  });
  const ids = new Map<string, number>();
  for (const sheet of plan.sheets) {
    const name = hf.addSheet(sheet.name);
    ids.set(sheet.name, hf.getSheetId(name)!);
  }
  hf.batch(() => {
    for (const sheet of plan.sheets) {
      const id = ids.get(sheet.name)!;
      for (const block of sheet.blocks) {
        const at = parseCell(block.at);
        const content = block.cells.map((row) => row.map(hyperFormulaContent));
        hf.setCellContents({ sheet: id, row: at.row - 1, col: at.column - 1 }, content);
      }
    }
  });
  // Workbook names are registered after the cells so their references resolve.
  for (const n of plan.names ?? []) {
    if (hf.isItPossibleToAddNamedExpression(n.name, n.refersTo)) hf.addNamedExpression(n.name, n.refersTo);
  }
  const sheetId = (sheet: string): number => {
    const id = ids.get(sheet);
    if (id === undefined) throw new Error(`No sheet named ${sheet} in the plan`);
    return id;
  };
  return {
    hf,
    value(sheet, address) {
      const p = parseCell(address);
      return toValue(hf.getCellValue({ sheet: sheetId(sheet), row: p.row - 1, col: p.column - 1 }));
    },
    values(sheet, range) {
      const [a, b] = range.split(":");
      const p = parseCell(a);
      const q = parseCell(b ?? a);
      const out: EvaluatedValue[][] = [];
      for (let r = p.row; r <= q.row; r++) {
        const row: EvaluatedValue[] = [];
        for (let c = p.column; c <= q.column; c++) {
          row.push(toValue(hf.getCellValue({ sheet: sheetId(sheet), row: r - 1, col: c - 1 })));
        }
        out.push(row);
      }
      return out;
    },
    set(sheet, address, cell) {
      const p = parseCell(address);
      hf.setCellContents({ sheet: sheetId(sheet), row: p.row - 1, col: p.column - 1 }, [[hyperFormulaContent(cell)]]);
    },
  };
}
