/**
 * The workbook reads in Chinese: every text a user reads in a zh-CN workbook (sheet names,
 * titles, labels, table headers, words formulas write, chart titles and series, list choices
 * and input prompts, notes, the words of number formats, defined-name comments) passes the
 * catalogs' rule (untranslatedRule.ts), once the names, stages and values copied from the
 * export are set aside (the deals' rows on Deals are read too: their status words are the
 * product's) and the commission sheets' period labels, codes the same in every language, are
 * allowed as whole values there.
 *
 * The workbook is built as the command line builds it (`planWorkbook` over an Fxiaoke export
 * with rows left out, with a commission plan and quotas), and the sheets only the task pane
 * makes (typed funnel, goals, every template, dashboards of every layout and both sources,
 * other review periods, typed commission credits, example sheets) are composed the way the
 * pane composes them; every plan goes through `preparePlan`, as every writer's does.
 */
import type { CommissionPlan } from "../../src/core/commission/types";
import { parseCommissionPlan } from "../../src/core/commission/validate";
import { composeWorkbook, readSheetValues, SheetRequest } from "../../src/compose/compose";
import { creditsFromLines, FormSheetId } from "../../src/compose/sheets";
import { commissionEnUS } from "../../src/i18n/commission.en-US";
import { planWorkbook } from "../../src/compose/workbook";
import { reviewPeriods } from "../../src/generators/review";
import { ImportNote, importNotes } from "../../src/import/notes";
import { ImportResult, parseCrmExport } from "../../src/import/normalize";
import { preparePlan } from "../../src/workbook/prepare";
import type { SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { isFormulaCell } from "../../src/workbook/plan";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { renderFxiaoke } from "../fixtures/generateExports";
import { untranslated } from "./untranslatedRule";

/** An Fxiaoke 纷享销客 export as the shipped sample is made (GB18030, Chinese headers and dates): 120 rows, some left out. */
const FIXTURE = renderFxiaoke(8, 120);

/**
 * The reps of the fixture, named by the commission plan and the quotas as a user would, and
 * one the plan names who owns no deal (the plan sheet warns about such a name).
 */
const REPS = ["王伟", "李娜", "张敏", "𠮷田", "赵六"];

/** A plan using every part of the commission sheets: hybrid tiers, gate, cap, draw, ramp, SPIF, bonus bands, a name without deals. */
const HYBRID_PLAN = {
  basis: "attainment",
  method: "hybrid",
  marginalFrom: 1,
  tiers: [
    { from: 0, rate: 0.05 },
    { from: 0.5, rate: 0.1 },
    { from: 1, rate: 0.2 },
  ],
  quota: { 王伟: 100000, 李娜: 80000, 赵六: 90000 },
  defaultQuota: 100000,
  gate: 0.25,
  cap: 30000,
  draw: { amount: 2000, recoverable: true },
  ramp: { 李娜: [0.5, 0.75, 1] },
  spif: { amount: 200, minDealAmount: 20000 },
  bonusBands: [{ from: 1.2, amount: 1000 }],
};

/** A quarterly year-to-date plan on amounts, retroactive, with target pay elsewhere: the other wording of the sheets. */
const QUARTERLY_PLAN = {
  period: "quarter",
  fiscalYearStart: 4,
  cumulative: true,
  negativeTrueUp: "clawback",
  basis: "amount",
  method: "retroactive",
  tiers: [
    { from: 0, rate: 0.03 },
    { from: 200000, rate: 0.06 },
  ],
  quota: 300000,
  draw: { amount: 1000, recoverable: false },
  proration: { 张敏: [0.5] },
};

const TARGET_PAY_PLAN = {
  basis: "attainment",
  method: "marginal",
  targetPay: 20000,
  tiers: [
    { from: 0, rate: 0.5 },
    { from: 1, rate: 1.5 },
  ],
  quota: 150000,
};

function plan(json: unknown): CommissionPlan {
  const parsed = parseCommissionPlan(json);
  if ("errors" in parsed) throw new Error(`fixture plan: ${JSON.stringify(parsed.errors)}`);
  return parsed.plan;
}

/** One text a user reads, where, and the role of its sheet (none for workbook-wide texts). */
interface Seen {
  where: string;
  text: string;
  role?: string;
  /** A formula literal that is the right side of an `=` comparison. */
  compared?: boolean;
}

/**
 * Codes of the commission sheets, the same in every language (src/generators/commission): the
 * plan's period labels ("2025-03", "2025-Q1", "FY2026-Q1", "FY2026"), keys that sort as text
 * in time order, are read back by the period arithmetic (core/commission/periods.ts) and are
 * what a user types as the period of typed credits. A code is allowed as a whole value on a
 * commission sheet only, never inside a sentence or on another sheet. (The plan's option
 * words, "marginal" or "recoverable", are written in the workbook's language and read here
 * like any other text.)
 */
const COMMISSION_PERIOD_LABEL = /^(FY)?\d{4}(-Q[1-4]|-\d{2})?$/;

/**
 * The plan file's English option words. The Calc and Plan formulas of a Chinese workbook test
 * for them beside the Chinese word (`OR(B5="累进",B5="marginal")`), so a sheet worded in
 * English before, or the plan file's word typed in, still computes: allowed on a commission
 * sheet as the right side of a comparison only, which no cell shows.
 */
const ENGLISH_OPTION_WORDS: ReadonlySet<string> = new Set(
  Object.entries(commissionEnUS)
    .filter(([key]) => key.startsWith("option."))
    .map(([, word]) => word),
);

function isCommissionCode(seen: Seen): boolean {
  if (!(seen.role ?? "").startsWith("commission")) return false;
  return COMMISSION_PERIOD_LABEL.test(seen.text) || (seen.compared === true && ENGLISH_OPTION_WORDS.has(seen.text));
}

/** The strings of a formula that show as its result or in the formula bar's text: its string literals. */
function formulaLiterals(formula: string): string[] {
  return [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')).filter((s) => s !== "");
}

/** The string literals of a formula that are the right side of an `=` comparison (not the formula's own leading `=`). */
function comparedLiterals(formula: string): Set<string> {
  return new Set(
    [...formula.matchAll(/(?<=.)(?<![<>])="((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')),
  );
}

/** The literal words of a number format ("0.0\"倍\"", "[$¥-804]" is a currency, not a word). */
function formatLiterals(format: string): string[] {
  return [...format.matchAll(/"([^"]*)"/g)].map((m) => m[1]).filter((s) => /[A-Za-z\u3400-\u9fff]/.test(s));
}

/** Every text a user reads in the prepared plan. */
function textsOf(workbook: WorkbookPlan): Seen[] {
  const seen: Seen[] = [];
  let role: string | undefined;
  const add = (where: string, text: string | undefined, compared = false) => {
    if (text !== undefined && text !== "") seen.push({ where, text, ...(role ? { role } : {}), ...(compared ? { compared } : {}) });
  };
  for (const sheet of workbook.sheets) {
    role = sheet.role;
    add(`sheet name`, sheet.name);
    for (const block of sheet.blocks) {
      const start = parseCell(block.at);
      block.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const address = cellAddress(start.row + r, start.column + c);
          // The deals' own cells on Deals too: their data is set aside below, their status words are checked.
          if (typeof cell === "string") add(`${sheet.name}!${address}`, cell);
          else if (cell !== null && isFormulaCell(cell)) {
            const compared = comparedLiterals(cell.f);
            for (const literal of formulaLiterals(cell.f)) add(`${sheet.name}!${address} formula`, literal, compared.has(literal));
          }
        }),
      );
      const formats = block.numberFormat === undefined ? [] : Array.isArray(block.numberFormat) ? block.numberFormat : [block.numberFormat];
      for (const format of formats) if (format) for (const word of formatLiterals(format)) add(`${sheet.name}!${block.at} number format`, word);
    }
    for (const chart of sheet.charts ?? []) {
      add(`${sheet.name} chart`, chart.title);
      for (const series of chart.series) add(`${sheet.name} chart "${chart.title}" series`, series.name);
      if (chart.numberFormat) for (const word of formatLiterals(chart.numberFormat)) add(`${sheet.name} chart "${chart.title}" number format`, word);
    }
    for (const validation of sheet.validations ?? []) {
      add(`${sheet.name}!${validation.range} input prompt`, validation.prompt);
      if (validation.type === "list" && Array.isArray(validation.source)) for (const choice of validation.source) add(`${sheet.name}!${validation.range} list choice`, choice);
    }
    for (const format of sheet.conditionalFormats ?? []) {
      const text = format.type === "formula" ? format.formula : format.type === "cellValue" ? `${format.formula1} ${format.formula2 ?? ""}` : "";
      for (const literal of formulaLiterals(text)) add(`${sheet.name}!${format.range} conditional format`, literal);
    }
    for (const note of sheet.notes ?? []) add(`${sheet.name}!${note.cell} note`, note.text);
  }
  role = undefined;
  for (const name of workbook.names ?? []) if (!name.hidden) add(`name ${name.name} comment`, name.comment);
  return seen;
}

/**
 * The strings the export brought in (deal names and ids, customers, reps, stages, sources,
 * the raw values quoted in the reasons rows were left out, the headers), longest first: they
 * are data, in whatever language the CRM holds them. Only what the file itself holds counts
 * (`fileText`, its decoded text): a code of the import ("won", an encoding's name) is not data.
 */
function dataStrings(result: ImportResult, fileText: string): string[] {
  const unquoted = fileText.replace(/""/g, '"');
  const strings = new Set<string>();
  const take = (value: unknown) => {
    if (typeof value === "string" && value.trim() !== "" && (fileText.includes(value) || unquoted.includes(value))) strings.add(value);
  };
  for (const deal of result.deals) [deal.id, deal.name, deal.customer, deal.owner, deal.stage, deal.source].forEach(take);
  // Each deal's currency, an ISO code the import read from "¥" or "元" (so not in the file as such).
  for (const deal of result.deals) strings.add(deal.currency);
  for (const stage of result.pipeline.stages) take(stage.name);
  for (const issue of result.issues) {
    [issue.id, issue.name, issue.column].forEach(take);
    Object.values(issue.messageValues ?? {}).forEach(take);
  }
  for (const note of importNotes(result.detected)) Object.values(note.values ?? {}).forEach(take);
  Object.values(result.columns).forEach(take);
  return [...strings].sort((a, b) => b.length - a.length);
}

/** The text with every data string taken out (a sentence of the catalog quoting a deal's name keeps its own words). */
function withoutData(text: string, data: readonly string[]): string {
  let bare = text;
  for (const value of data) if (value.length > 1 && bare.includes(value)) bare = bare.split(value).join(" ");
  return bare;
}

/**
 * Why each text reads untranslated, after the data is taken out: one line per text and kind
 * of place, at its first cell (with how many more cells hold it).
 */
function untranslatedTexts(seen: readonly Seen[], data: readonly string[]): string[] {
  const found = new Map<string, { where: string; more: number }>();
  for (const one of seen) {
    const { where, text } = one;
    if (isCommissionCode(one)) continue;
    const bare = withoutData(text, data).trim();
    if (bare === "" || !/[A-Za-z]/.test(bare)) continue;
    const why = untranslated(bare);
    if (!why) continue;
    // "复盘!A5 formula" and "复盘!A6 formula" are the same place for the report.
    const key = `${where.replace(/![A-Z]+\d+(:[A-Z]+\d+)?/, "!")}\u0000${why}\u0000${text}`;
    const entry = found.get(key);
    if (entry) entry.more += 1;
    else found.set(key, { where, more: 0 });
  }
  return [...found].map(([key, { where, more }]) => {
    const [, why, text] = key.split("\u0000");
    return `${where}${more > 0 ? ` (and ${more} more)` : ""}: ${why}: ${JSON.stringify(text.slice(0, 80))}`;
  });
}

/** The typed values of a pane form, from its defaults as the pane fills them in Chinese, and `typed`. */
function values<K extends FormSheetId>(id: K, typed: Record<string, string> = {}, hasDeals = true) {
  const read = readSheetValues(id, typed, { locale: "zh-CN", hasDeals, today: "2025-03-15" });
  if (!read.ok) throw new Error(`${id}: ${JSON.stringify(read.errors)}`);
  return read.values;
}

describe("a zh-CN workbook", () => {
  let result: ImportResult;
  let data: string[];
  let notes: ImportNote[];
  /** Each composed workbook, prepared, by what it shows. */
  const books: [string, WorkbookPlan][] = [];

  beforeAll(async () => {
    const fileText = new TextDecoder("gb18030").decode(FIXTURE.bytes);
    result = await parseCrmExport(FIXTURE.bytes, {});
    // The same export with a blank line and its last stage renamed to one the preset does not
    // know: ImportIssues then has notes about the file too (blank lines, a stage added, a
    // preset stage unused).
    const lines = fileText.replace(/谈判签约/g, "样品测试").split("\r\n");
    lines.splice(20, 0, "");
    const notedText = lines.join("\r\n");
    const withNotes = await parseCrmExport(notedText, {});
    notes = importNotes(withNotes.detected);
    data = [...new Set([...dataStrings(result, fileText), ...dataStrings(withNotes, notedText), ...REPS])].sort((a, b) => b.length - a.length);
    const deals = { deals: result.deals, pipeline: result.pipeline, issues: result.issues, notes: importNotes(result.detected) };
    const compose = (name: string, requests: SheetRequest[]) => {
      const composed = composeWorkbook(requests, { deals }, { locale: "zh-CN", currency: "CNY" });
      if (!composed.ok) throw new Error(`${name}: ${JSON.stringify(composed.errors)}`);
      books.push([name, preparePlan(composed.plan).plan]);
    };

    // The command line's workbook: every sheet, ImportIssues, the commission sheets, quotas.
    for (const [name, commission] of [
      ["hybrid plan", HYBRID_PLAN],
      ["quarterly plan", QUARTERLY_PLAN],
      ["target-pay plan", TARGET_PAY_PLAN],
    ] as const) {
      const built = planWorkbook(result.deals, result.pipeline, {
        locale: "zh-CN",
        currency: "CNY",
        issues: result.issues,
        notes: deals.notes,
        commission: plan(commission),
        quotas: { 王伟: 400000, 李娜: 300000, 张敏: 250000, 𠮷田: 200000 },
        env: { today: "2025-03-15" },
      });
      if (!built.ok) throw new Error(`${name}: ${JSON.stringify(built.errors)}`);
      books.push([`command line, ${name}`, preparePlan(built.plan).plan]);
    }

    const noted = planWorkbook(withNotes.deals, withNotes.pipeline, { locale: "zh-CN", currency: "CNY", issues: withNotes.issues, notes, env: { today: "2025-03-15" } });
    if (!noted.ok) throw new Error(`notes: ${JSON.stringify(noted.errors)}`);
    books.push(["command line, notes about the file", preparePlan(noted.plan).plan]);

    // The task pane's other sheets and options, one workbook each (a plan names a sheet once).
    compose("pane: review by week", [{ id: "review", values: values("review", { period: "weekly" }) }]);
    compose("pane: review by quarter", [{ id: "review", values: values("review", { period: "quarterly" }) }]);
    compose("pane: scorecard with one quota", [{ id: "reps", values: values("reps", { quota: "300000" }) }]);
    compose("pane: customers as of a date", [{ id: "customers", values: values("customers", { asOf: "2025-03-15" }) }]);
    compose("pane: funnel of typed counts with targets", [{ id: "funnel", values: values("funnel", { source: "typed", targets: "-\n50%\n40%\n30%" }, false) }]);
    compose("pane: funnel over deals with targets", [{ id: "funnel", values: values("funnel", { targets: "-\n60\n50\n40" }) }]);
    compose("pane: goals over deals", [{ id: "goals", values: values("goals", { source: "deals" }) }]);
    compose("pane: typed goals with an owner", [{ id: "goals", values: values("goals", { source: "typed", owner: "王伟" }, false) }]);
    for (const kind of ["actionPlan", "feedback", "risks", "competitors", "training"]) {
      compose(`pane: template ${kind}`, [{ id: "templates", values: values("templates", { kind }, false) }]);
    }
    for (const layout of ["grid", "focus", "column"]) {
      compose(`pane: dashboard, ${layout} layout, over deals by month with a target`, [
        { id: "funnel", values: values("funnel") },
        { id: "monthly", values: values("monthly") },
        { id: "reps", values: values("reps", { quota: "300000" }) },
        { id: "forecast", values: values("forecast") },
        { id: "dashboard", values: values("dashboard", { layout, target: "500000", asOf: "2025-03-15" }) },
      ]);
      compose(`pane: dashboard, ${layout} layout, over deals by quarter`, [
        { id: "review", values: values("review") },
        { id: "dashboard", values: values("dashboard", { layout, period: "quarterly" }) },
      ]);
      compose(`pane: dashboard, ${layout} layout, of charts only`, [
        { id: "funnel", values: values("funnel", { source: "typed" }, false) },
        { id: "dashboard", values: values("dashboard", { layout, source: "typed" }, false) },
      ]);
    }
    const credits = creditsFromLines(["王伟, 180000", "李娜, 320000"], "2025-03");
    if (!credits) throw new Error("typed credits");
    compose("pane: commission on typed credits", [{ id: "commission", values: { plan: plan(HYBRID_PLAN), credits: { from: "typed", credits } } }]);
    compose("pane: example sheets", [
      { id: "funnel", values: values("funnel", { source: "typed" }, false), example: true },
      { id: "goals", values: values("goals", { source: "typed" }, false), example: true },
    ]);
  });

  it("is composed of every sheet the command line and the task pane make", () => {
    const roles = new Set(books.flatMap(([, book]) => book.sheets.map((s) => s.role)));
    const tracked = ["deals", "importIssues", "funnel", "reps", "monthly", "review", "forecast", "customers", "dashboard", "goals"];
    const commission = ["commissionPlan", "commissionReps", "commission3", "commission4", "commission5"];
    expect([...tracked, ...commission].filter((role) => !roles.has(role))).toEqual([]);
    // The five templates are forms, not tracked: each its own sheet.
    expect(books.filter(([name]) => name.startsWith("pane: template")).map(([, book]) => book.sheets.length)).toEqual([1, 1, 1, 1, 1]);
    // Rows left out and notices: ImportIssues lists them and the notes about the file.
    expect(result.issues.length).toBeGreaterThan(0);
    expect(notes.map((note) => note.key)).toEqual(["note.blankLines", "note.stagesAdded", "note.stagesUnused"]);
  });

  it("has no English in any text a user reads, data set aside", () => {
    const found = books.flatMap(([name, book]) => untranslatedTexts(textsOf(book), data).map((line) => `${name}: ${line}`));
    expect(found).toEqual([]);
  });

  it("would fail on an English text left in the zh-CN sheets catalog", () => {
    let found: string[] = [];
    jest.isolateModules(() => {
      jest.doMock("../../src/i18n/sheets.zh-CN", () => {
        const actual = jest.requireActual("../../src/i18n/sheets.zh-CN");
        return { sheetsZhCN: { ...actual.sheetsZhCN, "review.header.winRate": "Win rate", "review.partial": "{period} (partial)" } };
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const planted: typeof import("../../src/compose/workbook") = require("../../src/compose/workbook");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const prepare: typeof import("../../src/workbook/prepare") = require("../../src/workbook/prepare");
      const built = planted.planWorkbook(result.deals, result.pipeline, { locale: "zh-CN", currency: "CNY", issues: result.issues });
      if (!built.ok) throw new Error(JSON.stringify(built.errors));
      found = untranslatedTexts(textsOf(prepare.preparePlan(built.plan).plan), data);
    });
    expect(found).toEqual(['复盘!G4: no Chinese: "Win rate"', expect.stringMatching(/^复盘!A\d+: no Chinese: "\d{4}-\d{2} \(partial\)"$/)]);
  });
});

describe("the review's periods in Chinese", () => {
  it("name a quarter in words, as in English, and keep weeks and months as dates", () => {
    expect(reviewPeriods("2025-01-15", "2025-04-02", "quarterly", "zh-CN").map((p) => p.label)).toEqual(["2025年第1季度", "2025年第2季度"]);
    expect(reviewPeriods("2025-01-15", "2025-04-02", "quarterly", "en-US").map((p) => p.label)).toEqual(["2025 Q1", "2025 Q2"]);
    expect(reviewPeriods("2025-01-15", "2025-02-02", "monthly", "zh-CN").map((p) => p.label)).toEqual(["2025-01", "2025-02"]);
  });
});

describe("the workbook scan", () => {
  it("sets the export's data aside but keeps the sentences around it", () => {
    expect(untranslatedTexts([{ where: "A1", text: "click me" }], ["click me"])).toEqual([]);
    expect(untranslatedTexts([{ where: "A1", text: "“click me” was left out" }], ["click me"])).toEqual(['A1: no Chinese: "“click me” was left out"']);
  });
  it("reads cells, formula literals, number-format words, charts, lists, prompts and notes", () => {
    expect(formulaLiterals('=IF(A1>0,"On track","")&"""x"""')).toEqual(["On track", '"x"']);
    expect([...comparedLiterals('=IF(OR(B5="累进",B5="marginal"),"hybrid",B6<>"x")')]).toEqual(["累进", "marginal"]);
    expect([...comparedLiterals('="marginal"')]).toEqual([]);
    expect(formatLiterals('0.0"x";"件"#,##0;@')).toEqual(["x", "件"]);
    const sheet: SheetPlan = {
      name: "商机",
      blocks: [{ at: "B2", cells: [["Name", { f: '=IF(B2="","Empty",B2)' }]], numberFormat: [null, '0"pcs"'] }],
      charts: [{ type: "pie", title: "Mix", categories: "A1:A2", series: [{ name: "Revenue", values: "B1:B2" }], anchor: "D1", width: 1, height: 1 }],
      validations: [{ type: "list", range: "E1", source: ["Yes", "No"], prompt: "Pick one" }],
      notes: [{ cell: "B2", text: "Typed here" }],
    };
    expect(textsOf({ sheets: [sheet] }).map((s) => `${s.where}: ${s.text}`)).toEqual([
      "sheet name: 商机",
      "商机!B2: Name",
      "商机!C2 formula: Empty",
      "商机!B2 number format: pcs",
      "商机 chart: Mix",
      '商机 chart "Mix" series: Revenue',
      "商机!E1 input prompt: Pick one",
      "商机!E1 list choice: Yes",
      "商机!E1 list choice: No",
      "商机!B2 note: Typed here",
    ]);
  });
});
