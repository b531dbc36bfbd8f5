/**
 * `--quotas FILE.csv`: each rep's quota, typed once in a small table instead of into the
 * workbook. Columns are found by header, in either language: the rep (Rep, Owner, Sales rep,
 * Name, 销售, 负责人...), the quota (Quota, Target, 配额, 指标...) and optionally the period
 * (Period, Month, Quarter, 期间, 月份...). Amounts may carry thousands separators or a
 * currency mark ("$120,000").
 *
 * What the quotas become:
 * - the Reps sheet's quota inputs: a rep's quota, or with a period column the sum of the rep's
 *   rows (the quota for the periods the file lists);
 * - the commission plan's per-rep quota when the plan names none: one quota per plan period,
 *   so a rep's rows must agree (a different quota per period is a ramp, which the plan says).
 */
import Papa from "papaparse";
import { fieldHeaderKey } from "../import/dictionary";
import { parseAmount } from "../import/values";

export interface QuotaFile {
  /** Rep -> quota per row, in file order. */
  rows: Map<string, number[]>;
  /** True when the file has a period column. */
  periods: boolean;
}

const REP_HEADERS = ["rep", "sales rep", "owner", "deal owner", "opportunity owner", "name", "salesperson", "销售", "销售员", "负责人", "姓名", "人员"];
const QUOTA_HEADERS = ["quota", "target", "sales quota", "quota amount", "配额", "指标", "目标", "销售指标", "业绩目标"];
const PERIOD_HEADERS = ["period", "month", "quarter", "year", "期间", "月份", "季度", "年份"];

function columnOf(headers: string[], words: readonly string[]): number {
  const keys = headers.map(fieldHeaderKey);
  return keys.findIndex((k) => words.includes(k));
}

/**
 * Reads a quotas CSV (UTF-8, BOM or not). Returns the quotas, or the reasons it cannot.
 *
 * @example readQuotaFile("Rep,Quota\nAnn Lee,\"120,000\"\n") // { rows: Map { "Ann Lee" => [120000] }, periods: false }
 */
export function readQuotaFile(text: string): QuotaFile | { errors: string[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ""), { skipEmptyLines: "greedy" });
  const [headers, ...body] = parsed.data;
  if (!headers) return { errors: ["the file is empty; it needs a header row with a rep and a quota column."] };
  const rep = columnOf(headers, REP_HEADERS);
  const quota = columnOf(headers, QUOTA_HEADERS);
  const period = columnOf(headers, PERIOD_HEADERS);
  const errors: string[] = [];
  if (rep < 0) errors.push(`no rep column (a header such as "Rep" or "Owner"; the headers are ${headers.map((h) => `"${h}"`).join(", ")}).`);
  if (quota < 0) errors.push(`no quota column (a header such as "Quota" or "Target"; the headers are ${headers.map((h) => `"${h}"`).join(", ")}).`);
  if (errors.length > 0) return { errors };
  const rows = new Map<string, number[]>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const name = (cells[rep] ?? "").trim();
    const raw = (cells[quota] ?? "").trim();
    if (name === "" && raw === "") return;
    if (name === "") return void errors.push(`line ${line}: the rep is blank.`);
    const amount = parseAmount(raw);
    if (!amount.ok || amount.value === null || !(amount.value.amount > 0)) return void errors.push(`line ${line}: "${raw}" is not a quota above 0 (rep "${name}").`);
    rows.set(name, [...(rows.get(name) ?? []), amount.value.amount]);
  });
  if (errors.length > 0) return { errors };
  if (period < 0)
    for (const [name, values] of rows)
      if (values.length > 1) errors.push(`"${name}" has ${values.length} quotas and the file has no period column; give one row per rep, or a period column.`);
  if (rows.size === 0) errors.push("the file names no rep.");
  return errors.length > 0 ? { errors } : { rows, periods: period >= 0 };
}

/** The Reps sheet's quota per rep: the rep's quota, or the sum of the rep's periods. */
export function scorecardQuotas(file: QuotaFile): Record<string, number> {
  return Object.fromEntries(Array.from(file.rows, ([rep, values]) => [rep, values.reduce((a, b) => a + b, 0)]));
}

/**
 * The commission plan's per-rep quota (one per plan period), or the reps whose rows differ.
 *
 * @example commissionQuotas(file) // { quota: { "Ann Lee": 40000 } } or { differ: ["Bo Chen"] }
 */
export function commissionQuotas(file: QuotaFile): { quota: Record<string, number> } | { differ: string[] } {
  const differ = Array.from(file.rows).filter(([, values]) => values.some((v) => v !== values[0])).map(([rep]) => rep);
  if (differ.length > 0) return { differ };
  return { quota: Object.fromEntries(Array.from(file.rows, ([rep, values]) => [rep, values[0]])) };
}
