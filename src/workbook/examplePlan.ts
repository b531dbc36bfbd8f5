/**
 * A small plan that uses every feature of the plan model, with numbers simple enough to
 * check by hand. Both writers apply it in tests; LibreOffice recalculates the .xlsx.
 *
 * Sheet "Funnel" (stages of the source article: initial contact, needs analysis, proposal,
 * negotiation): deals per stage 120, 60, 30, 12; conversion from the previous stage
 * (first stage 100%); a totals row with the sum (222) and the overall win rate 12/120.
 * Sheet "Stage Summary" (a name with a space, so references are quoted): a target win
 * rate input, the overall rate read across sheets, the gap, a sum and an average through
 * a defined name, a status text and the target count of won deals through another name.
 */
import { excelSerial } from "../core/dates";
import { formula, WorkbookPlan } from "./plan";

export const EXAMPLE_FUNNEL_SHEET = "Funnel";
export const EXAMPLE_SUMMARY_SHEET = "Stage Summary";

/** Data strings that look like formulas: the writers must keep them text. */
export const EXAMPLE_RISKY_TEXTS = ["=1+1 (typed by a rep)", "+86 call back", "-", "@risk"];

/**
 * The example plan.
 *
 * @example
 * evaluatePlan(examplePlan()).value("Funnel", "B8") // 222
 */
export function examplePlan(): WorkbookPlan {
  return {
    activeSheet: EXAMPLE_FUNNEL_SHEET,
    sheets: [
      {
        name: EXAMPLE_FUNNEL_SHEET,
        tabColor: "#2F5597",
        columnWidths: { A: 20, B: 10, C: 12, D: 24 },
        rowHeights: { 1: 24 },
        freeze: { rows: 3, columns: 1 },
        merges: ["A1:D1"],
        blocks: [
          {
            at: "A1",
            cells: [["Sales funnel"]],
            style: { bold: true, fontSize: 14, fontColor: "#1F3864" },
          },
          {
            at: "A3",
            cells: [["Stage", "Deals", "Conversion", "Remark"]],
            style: { bold: true, fill: "#D9E1F2", border: "thin", horizontalAlignment: "center" },
          },
          {
            at: "A4",
            numberFormat: [null, "#,##0", "0.0%", null],
            style: { border: "thin" },
            cells: [
              ["Initial contact", 120, formula("=B4/$B$4"), EXAMPLE_RISKY_TEXTS[0]],
              ["Needs analysis", 60, formula("=B5/B4"), EXAMPLE_RISKY_TEXTS[1]],
              ["Proposal", 30, formula("=B6/B5"), EXAMPLE_RISKY_TEXTS[2]],
              ["Negotiation", 12, formula("=B7/B6"), EXAMPLE_RISKY_TEXTS[3]],
            ],
          },
          {
            at: "A8",
            numberFormat: [null, "#,##0", "0.0%", null],
            style: { bold: true, border: "medium", wrap: true },
            cells: [["Total", formula("=SUM(B4:B7)"), formula("=B7/B4"), null]],
          },
        ],
        tables: [
          {
            name: "Funnel",
            range: "A3:D8",
            style: "TableStyleMedium2",
            totalsRow: true,
            showBandedRows: true,
          },
        ],
        conditionalFormats: [
          {
            type: "cellValue",
            range: "C5:C7",
            operator: "lessThan",
            formula1: "0.45",
            style: { fill: "#F8CBAD", fontColor: "#9C0006" },
          },
          { type: "formula", range: "A4:A7", formula: "=$B4>=100", style: { bold: true } },
          { type: "dataBar", range: "B4:B7", color: "#5B9BD5" },
          { type: "colorScale", range: "C4:C7", colors: ["#F8696B", "#FFEB84", "#63BE7B"] },
          { type: "iconSet", range: "C4:C7", icons: "3TrafficLights", thresholds: [0.45, 0.9] },
        ],
        charts: [
          {
            type: "funnel",
            title: "Deals by stage",
            categories: "A4:A7",
            series: [{ name: "Deals", values: "B4:B7" }],
            anchor: "F3",
            width: 480,
            height: 260,
            dataLabels: true,
          },
          {
            type: "column",
            title: "Conversion by stage",
            categories: "A4:A7",
            series: [{ name: "Conversion", values: "C4:C7" }],
            anchor: "F18",
            width: 480,
            height: 260,
            numberFormat: "0%",
          },
        ],
        notes: [{ cell: "B4", text: "Deals that entered the stage this quarter." }],
      },
      {
        name: EXAMPLE_SUMMARY_SHEET,
        columnWidths: { A: 26, B: 14 },
        blocks: [
          { at: "A1", cells: [["Metric", "Value"]], style: { bold: true, fill: "#E2EFDA" } },
          {
            at: "A2",
            cells: [["Target win rate", 0.08]],
            numberFormat: [null, "0.0%"],
            style: { fill: "#FFF2CC" },
          },
          {
            at: "A3",
            numberFormat: [null, "0.0%"],
            cells: [
              ["Overall win rate", formula("='Funnel'!B7/'Funnel'!B4")],
              ["Gap to target", formula("=B3-B2")],
            ],
          },
          {
            at: "A5",
            cells: [
              ["Deals in funnel", formula("=SUM('Funnel'!B4:B7)")],
              ["Average deals per stage", formula("=AVERAGE(DealsByStage)")],
              ["Status", formula('=IF(B3>=B2,"On track","Behind")')],
              ["Target deals won", formula("=ROUND(TargetWinRate*'Funnel'!B4,0)")],
              ["Region", "North"],
            ],
          },
          {
            at: "A10",
            numberFormat: [null, "yyyy-mm-dd"],
            cells: [["Review date", excelSerial(new Date(Date.UTC(2024, 2, 15)))]],
          },
        ],
        validations: [
          { type: "decimal", range: "B2", min: 0, max: 1, prompt: "A rate between 0% and 100%." },
          { type: "list", range: "B9", source: ["North", "South", "East", "West"] },
          { type: "date", range: "B10", min: excelSerial(new Date(Date.UTC(2024, 0, 1))) },
          { type: "list", range: "D2", source: "='Funnel'!$A$4:$A$7", allowBlank: true },
        ],
        charts: [
          {
            type: "pie",
            title: "Share of deals",
            categories: "'Funnel'!A4:A7",
            series: [{ name: "Deals", values: "'Funnel'!B4:B7" }],
            anchor: "D4",
            width: 360,
            height: 240,
            showLegend: true,
          },
          {
            type: "doughnut",
            title: "Deals (doughnut)",
            categories: "'Funnel'!A4:A7",
            series: [{ name: "Deals", values: "'Funnel'!B4:B7" }],
            anchor: "J4",
            width: 360,
            height: 240,
            showLegend: true,
          },
          {
            type: "line",
            title: "Conversion along the funnel",
            categories: "'Funnel'!A5:A7",
            series: [{ name: "Conversion", values: "'Funnel'!C5:C7" }],
            anchor: "D18",
            width: 360,
            height: 240,
            numberFormat: "0%",
          },
          {
            type: "bar",
            title: "Deals and conversion",
            categories: "'Funnel'!A4:A7",
            series: [
              { name: "Deals", values: "'Funnel'!B4:B7" },
              { name: "Conversion", values: "'Funnel'!C4:C7" },
            ],
            anchor: "J18",
            width: 360,
            height: 240,
            showLegend: true,
          },
        ],
      },
    ],
    names: [
      { name: "DealsByStage", refersTo: "='Funnel'!$B$4:$B$7", comment: "Deals per funnel stage" },
      { name: "TargetWinRate", refersTo: "='Stage Summary'!$B$2" },
    ],
  };
}
