/**
 * Customer profiles (客户档案): per customer from the Deals sheet, won revenue, deals won,
 * first and last won date, average deal, days since the last purchase (against an as-of
 * cell), share of total revenue, and the revenue concentration of the customer base (HHI)
 * with its reading as a risk signal.
 *
 * Layout: title A1; A3 as-of date (input, default =TODAY()); A4 HHI with its reading in C4;
 * header row 6, one row per customer from row 7 (table `Customers`, A:H):
 * `Customer | Won revenue | Deals won | First won | Last won | Average deal |
 *  Days since last purchase | Share of revenue`.
 *
 * Rules: HHI = sum of (100 x share)^2, 0..10000 (= SUMSQ(shares) x 10000); below 1500
 * unconcentrated, 1500..2500 moderate, above 2500 high. First/last won dates use the
 * SUMPRODUCT(MAX(...)) pattern (classic Excel, no MINIFS): last = MAX over the customer's
 * won close dates; first = 100000 - MAX(100000 - date), valid for dates before year 2173.
 * Customers are listed by won revenue (highest first) as the data stands when generated.
 * Each row scans the Deals rows (exact name comparison), so at most `maxCustomers` (default
 * 200) are listed; the rest form one "Other customers (n)" row (total won revenue and deals
 * minus the listed ones) so shares still add up to 100%. The HHI then counts the listed
 * customers only: a lower bound that misses at most (share of the rest) x (largest share
 * among the rest) x 10000.
 */
import { Deal, Pipeline } from "../core/deal";
import { PlanCell, WorkbookPlan } from "../workbook/plan";
import {
  distinctTexts,
  FieldError,
  fitHeaderWidths,
  fitWidth,
  formulaText,
  headerRow,
  INPUT_STYLE,
  invalid,
  isoToSerial,
  LABEL_STYLE,
  noteBlock,
  PlanResult,
  sheetFormats,
  sheetText,
  tableOver,
  textFor,
  titleBlock,
  validateStageNames,
} from "./common";
import { dealsRange, dealsRefFor, DealsSourceOptions, statusLiteral } from "./deals";

export const CUSTOMERS_TABLE_NAME = "Customers";
export const CUSTOMERS_HEADER_ROW = 6;
export const CUSTOMERS_FIRST_ROW = 7;
/** HHI readings: below the first is unconcentrated, above the second high. */
export const HHI_THRESHOLDS = [1500, 2500] as const;

export interface CustomersOptions extends DealsSourceOptions {
  /** As-of date (ISO); default the formula =TODAY(). */
  asOf?: string;
  /** Most customers listed one per row (default 200); the rest share one row. */
  maxCustomers?: number;
}

export const DEFAULT_MAX_CUSTOMERS = 200;

/**
 * Plans the customer profiles over the Deals sheet.
 *
 * @example
 * planCustomersSheet(deals, pipeline, { asOf: "2025-06-30" }) // B4 "=IF(SUM(B7:B11)=0,"",SUMSQ(H7:H11)*10000)"
 */
export function planCustomersSheet(deals: readonly Deal[], pipeline: Pipeline, options: CustomersOptions = {}): PlanResult {
  const locale = options.locale;
  const errors: FieldError[] = validateStageNames(pipeline.stages.map((s) => s.name), locale, "pipeline.stages");
  const asOfSerial = options.asOf === undefined ? null : isoToSerial(options.asOf);
  if (options.asOf !== undefined && asOfSerial === null) errors.push({ field: "asOf", message: sheetText(locale, "error.dateInvalid", { value: options.asOf }) });
  if (errors.length > 0) return invalid(errors);

  const t = textFor(locale);
  const formats = sheetFormats(options);
  const layout = dealsRefFor(deals, pipeline, options);
  const amount = dealsRange(layout, "amount");
  const status = dealsRange(layout, "status");
  const customer = dealsRange(layout, "customer");
  const close = dealsRange(layout, "close");
  const won = statusLiteral(layout, "won");

  // Names that differ only in case are one customer (the sheet's "=" comparison ignores case).
  const revenue = new Map<string, number>();
  for (const d of deals) {
    const key = d.customer.toLowerCase();
    revenue.set(key, (revenue.get(key) ?? 0) + (d.status === "won" ? d.amount : 0));
  }
  const customers = distinctTexts(deals.map((d) => d.customer)).sort(
    (a, b) => revenue.get(b.toLowerCase())! - revenue.get(a.toLowerCase())! || a.localeCompare(b),
  );
  const maxCustomers = Math.max(1, Math.floor(options.maxCustomers ?? DEFAULT_MAX_CUSTOMERS));
  const listed = customers.slice(0, maxCustomers);
  const others = customers.length - listed.length;
  const first = CUSTOMERS_FIRST_ROW;
  const lastListed = first + Math.max(listed.length, 1) - 1;
  const last = lastListed + (others > 0 ? 1 : 0);
  const cells: PlanCell[][] = listed.map((name, i) => {
    const r = first + i;
    const wonDated = `(${customer}=$A${r})*(${status}=${won})*ISNUMBER(${close})`;
    return [
      name,
      // Exact text comparison (not SUMIFS criteria, where "=x", ">5" or "A*" would be operators or wildcards).
      { f: `=SUMPRODUCT((${customer}=$A${r})*(${status}=${won})*${amount})` },
      { f: `=SUMPRODUCT((${customer}=$A${r})*(${status}=${won}))` },
      { f: `=IF(SUMPRODUCT(${wonDated})=0,"",100000-SUMPRODUCT(MAX(${wonDated}*(100000-${close}))))` },
      { f: `=IF(SUMPRODUCT(${wonDated})=0,"",SUMPRODUCT(MAX(${wonDated}*${close})))` },
      { f: `=IF(C${r}=0,"",B${r}/C${r})` },
      { f: `=IF(E${r}="","",$B$3-E${r})` },
      { f: `=IF(SUM($B$${first}:$B$${last})=0,"",B${r}/SUM($B$${first}:$B$${last}))` },
    ];
  });
  if (cells.length === 0) cells.push(new Array(8).fill(null));
  if (others > 0) {
    const r = last;
    cells.push([
      t("customers.others", { n: others }),
      { f: `=SUMIFS(${amount},${status},${won})-SUM(B${first}:B${lastListed})` },
      { f: `=COUNTIFS(${status},${won})-SUM(C${first}:C${lastListed})` },
      null,
      null,
      { f: `=IF(C${r}=0,"",B${r}/C${r})` },
      null,
      { f: `=IF(SUM($B$${first}:$B$${last})=0,"",B${r}/SUM($B$${first}:$B$${last}))` },
    ]);
  }
  const headers = [
    t("customers.header.customer"),
    t("customers.header.revenue"),
    t("customers.header.won"),
    t("customers.header.first"),
    t("customers.header.last"),
    t("customers.header.averageDeal"),
    t("customers.header.daysSince"),
    t("customers.header.share"),
  ];
  const sheetName = options.sheetName ?? t("sheet.customers");
  const reading = `=IF(B4="","",IF(B4<${HHI_THRESHOLDS[0]},${formulaText(t("customers.reading.low"))},IF(B4<=${HHI_THRESHOLDS[1]},${formulaText(
    t("customers.reading.moderate"),
  )},${formulaText(t("customers.reading.high"))})))`;
  const plan: WorkbookPlan = {
    sheets: [
      {
        name: sheetName,
        tabColor: "#FFC000",
        blocks: [
          titleBlock("A1", t("customers.title")),
          { at: "A3", cells: [[t("word.asOf")], [t("customers.hhi")]], style: LABEL_STYLE },
          { at: "B3", cells: [[asOfSerial ?? { f: "=TODAY()" }]], numberFormat: formats.date, style: INPUT_STYLE },
          { at: "B4", cells: [[{ f: `=IF(SUM(B${first}:B${last})=0,"",SUMSQ(H${first}:H${lastListed})*10000)` }, { f: reading }]], numberFormat: ["#,##0", null] },
          ...(others > 0 ? [noteBlock("D3", t("customers.note.top", { n: listed.length }))] : []),
          headerRow(`A${CUSTOMERS_HEADER_ROW}`, headers),
          { at: `A${first}`, cells, numberFormat: [null, formats.money, formats.count, formats.date, formats.date, formats.money, "#,##0", formats.percent] },
        ],
        tables: [tableOver(CUSTOMERS_TABLE_NAME, `A${CUSTOMERS_HEADER_ROW}`, headers.length, cells.length)],
        conditionalFormats: [
          { type: "dataBar", range: `H${first}:H${lastListed}`, color: "#FFC000" },
          { type: "cellValue", range: "B4", operator: "greaterThan", formula1: String(HHI_THRESHOLDS[1]), style: { fill: "#F8CBAD", fontColor: "#9C0006" } },
          { type: "colorScale", range: `G${first}:G${lastListed}`, colors: ["#C6EFCE", "#FFEB9C", "#F8CBAD"] },
        ],
        // Every header on one line; A also holds the labels of A3:A4 (bold).
        columnWidths: fitHeaderWidths(
          { A: fitWidth([t("word.asOf"), t("customers.hhi")], { min: 26, bold: true }), B: 15, C: 10, D: 12, E: 12, F: 14, G: 14, H: 12 },
          `A${CUSTOMERS_HEADER_ROW}`,
          headers,
        ),
        freeze: { rows: CUSTOMERS_HEADER_ROW, columns: 1 },
      },
    ],
    activeSheet: sheetName,
  };
  return plan;
}
