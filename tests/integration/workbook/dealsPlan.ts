/**
 * A Deals export of any length, 16 columns (15 values and a formula) with a table, whose rows
 * are generated as they are read: a plan held whole would take more memory than the writer,
 * so a large one shows what the writer needs. Shared by the row-limit integration test and
 * bench/xlsxWriter.bench.ts.
 */
import { computedRows, PlanCell, WorkbookPlan } from "../../../src/workbook/plan";

const STAGES = ["Lead", "Qualified", "Proposal", "Won", "Lost"];
const REGIONS = ["North", "South", "East", "West"];
const SOURCES = ["Web", "Referral", "Event"];

export const DEALS_HEADER = [
  "Deal",
  "Account",
  "Owner",
  "Stage",
  "Amount",
  "Probability",
  "Weighted",
  "Created",
  "Close",
  "Region",
  "Product",
  "Source",
  "Days open",
  "Won",
  "Notes",
  "Currency",
];

/** Data row `i` (0-based, on sheet row i + 2), all 16 columns, the formula in G. */
export function dealRow(i: number): PlanCell[] {
  const r = i + 2;
  return [
    `D-${1_000_000 + i}`,
    `Account ${i % 5003}`,
    `Rep ${i % 37}`,
    STAGES[i % 5],
    1000 + (i % 997) * 13.5,
    (i % 10) / 10,
    { f: `=E${r}*F${r}` },
    45_000 + (i % 365),
    45_030 + (i % 400),
    REGIONS[i % 4],
    `Product ${i % 23}`,
    SOURCES[i % 3],
    i % 120,
    i % 7 === 0,
    `Note ${i}`,
    "EUR",
  ];
}

/**
 * The Deals sheet with `rows` data rows under a header, its rows computed when they are read
 * (`computedRows`, as the product's own Deals sheet), in three blocks around the formula
 * column.
 */
export function dealsPlan(rows: number): WorkbookPlan {
  return {
    sheets: [
      {
        name: "Deals",
        blocks: [
          { at: "A1", cells: [DEALS_HEADER], style: { bold: true } },
          {
            at: "A2",
            cells: computedRows(rows, (i) => dealRow(i).slice(0, 6)),
            numberFormat: [null, null, null, null, "#,##0.00", "0%"],
          },
          { at: "G2", cells: computedRows(rows, (i) => [dealRow(i)[6]]), numberFormat: "#,##0.00" },
          {
            at: "H2",
            cells: computedRows(rows, (i) => dealRow(i).slice(7)),
            numberFormat: ["yyyy-mm-dd", "yyyy-mm-dd", null, null, null, "0", null, null, null],
          },
        ],
        tables: [{ name: "Deals", range: `A1:P${rows + 1}` }],
        freeze: { rows: 1, columns: 0 },
      },
    ],
  };
}
