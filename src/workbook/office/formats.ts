/**
 * Conditional formats, data validation and cell notes through Office.js, each skipped with a
 * notice where the host lacks the API set it needs.
 */
import { ConditionalFormatPlan, FormatStyle, SheetPlan, ValidationPlan } from "../plan";
import type { WriteSession } from "./rollback";

const OPERATORS: Record<string, Excel.ConditionalCellValueOperator> = {
  between: "Between" as Excel.ConditionalCellValueOperator,
  notBetween: "NotBetween" as Excel.ConditionalCellValueOperator,
  equal: "EqualTo" as Excel.ConditionalCellValueOperator,
  notEqual: "NotEqualTo" as Excel.ConditionalCellValueOperator,
  greaterThan: "GreaterThan" as Excel.ConditionalCellValueOperator,
  lessThan: "LessThan" as Excel.ConditionalCellValueOperator,
  greaterThanOrEqual: "GreaterThanOrEqual" as Excel.ConditionalCellValueOperator,
  lessThanOrEqual: "LessThanOrEqual" as Excel.ConditionalCellValueOperator,
};

const ICON_STYLES: Record<string, Excel.IconSet> = {
  "3TrafficLights": "ThreeTrafficLights1" as Excel.IconSet,
  "3Arrows": "ThreeArrows" as Excel.IconSet,
  "3Symbols": "ThreeSymbols" as Excel.IconSet,
  "3Flags": "ThreeFlags" as Excel.IconSet,
};

const withEquals = (text: string): string => (text.startsWith("=") ? text : `=${text}`);

function applyFormatStyle(format: Excel.ConditionalRangeFormat, style: FormatStyle): void {
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fill !== undefined) format.fill.color = style.fill;
}

function addConditionalFormat(range: Excel.Range, cf: ConditionalFormatPlan): void {
  switch (cf.type) {
    case "cellValue": {
      const added = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      added.cellValue.rule = {
        formula1: withEquals(cf.formula1),
        ...(cf.formula2 !== undefined ? { formula2: withEquals(cf.formula2) } : {}),
        operator: OPERATORS[cf.operator],
      };
      applyFormatStyle(added.cellValue.format, cf.style);
      return;
    }
    case "formula": {
      const added = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      added.custom.rule.formula = withEquals(cf.formula);
      applyFormatStyle(added.custom.format, cf.style);
      return;
    }
    case "dataBar": {
      const added = range.conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
      added.dataBar.positiveFormat.fillColor = cf.color;
      return;
    }
    case "colorScale": {
      const added = range.conditionalFormats.add("ColorScale" as Excel.ConditionalFormatType);
      const [low, a, b] = cf.colors;
      added.colorScale.criteria =
        b === undefined
          ? {
              minimum: { type: "LowestValue", color: low },
              maximum: { type: "HighestValue", color: a },
            }
          : {
              minimum: { type: "LowestValue", color: low },
              midpoint: { type: "Percentile", formula: "50", color: a },
              maximum: { type: "HighestValue", color: b },
            };
      return;
    }
    case "iconSet": {
      const added = range.conditionalFormats.add("IconSet" as Excel.ConditionalFormatType);
      added.iconSet.style = ICON_STYLES[cf.icons];
      added.iconSet.reverseIconOrder = cf.reverse ?? false;
      added.iconSet.criteria = [
        {} as Excel.ConditionalIconCriterion,
        { type: "Number", operator: "GreaterThanOrEqual", formula: `=${cf.thresholds[0]}` },
        { type: "Number", operator: "GreaterThanOrEqual", formula: `=${cf.thresholds[1]}` },
      ];
      return;
    }
  }
}

function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  if (v.type === "list") {
    const source = Array.isArray(v.source) ? v.source.join(",") : withEquals(v.source);
    return { list: { inCellDropDown: true, source } };
  }
  const between = v.min !== undefined && v.max !== undefined;
  const basic: Excel.BasicDataValidation = between
    ? { operator: "Between", formula1: v.min!, formula2: v.max! }
    : v.min !== undefined
      ? { operator: "GreaterThanOrEqualTo", formula1: v.min }
      : v.max !== undefined
        ? { operator: "LessThanOrEqualTo", formula1: v.max }
        : { operator: "Between", formula1: -1e307, formula2: 1e307 };
  if (v.type === "whole") return { wholeNumber: basic };
  if (v.type === "decimal") return { decimal: basic };
  return { date: basic as unknown as Excel.DateTimeDataValidation };
}

/** Queues a sheet's conditional formats (ExcelApi 1.6), validations (1.8) and notes (1.18). */
export function writeFormatsAndValidations(
  session: WriteSession,
  sheet: SheetPlan,
  proxy: Excel.Worksheet,
): void {
  const { excelApi, notices } = session;
  if ((sheet.conditionalFormats ?? []).length > 0) {
    if (excelApi("1.6"))
      for (const cf of sheet.conditionalFormats!)
        addConditionalFormat(proxy.getRange(cf.range), cf);
    else
      notices.push(
        `Conditional formats on "${sheet.name}" were skipped: this Excel does not support them from add-ins (ExcelApi 1.6).`,
      );
  }
  if ((sheet.validations ?? []).length > 0) {
    if (excelApi("1.8")) {
      for (const v of sheet.validations!) {
        const validation = proxy.getRange(v.range).dataValidation;
        validation.rule = validationRule(v);
        validation.ignoreBlanks = v.allowBlank ?? true;
        if (v.prompt) validation.prompt = { message: v.prompt, showPrompt: true, title: "" };
      }
    } else
      notices.push(
        `Drop-down lists and input checks on "${sheet.name}" were skipped: this Excel lacks ExcelApi 1.8.`,
      );
  }
  if ((sheet.notes ?? []).length > 0) {
    if (excelApi("1.18")) for (const note of sheet.notes!) proxy.notes.add(note.cell, note.text);
    else
      notices.push(`Cell notes on "${sheet.name}" were skipped: this Excel lacks ExcelApi 1.18.`);
  }
}
