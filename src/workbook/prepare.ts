/**
 * The one preparation step every writer (Office, .xlsx, preview) runs before it writes:
 *
 * 1. check: `validatePlan`; any problem throws `WorkbookWriteError("INVALID_PLAN")`;
 * 2. name: against what the workbook already has, every sheet gets a legal, unique final
 *    name ("Funnel (2)"), every table a unique one ("Funnel2"); a defined name the workbook
 *    already has throws `NAME_TAKEN`; a chart, list or name reference to a sheet that is in
 *    neither the plan nor the workbook throws `INVALID_PLAN`;
 * 3. resolve: every `sheetRef` / `tableRef` token (plan.ts) in cell formulas,
 *    conditional-format formulas, list sources, chart ranges and defined names becomes the
 *    final name, by a lookup in the final-name maps;
 * 4. print: a sheet without `print` gets `defaultPrintSettings(sheet)`, so every generated
 *    sheet prints one page wide with its headings on every page, without generator edits.
 *
 * The writer then writes `PreparedPlan.plan` as it is: no naming, no validation of its own.
 * The Office writer needs step 1 before it opens a request and step 2 after it has read the
 * workbook's names, hence `checkPlan(plan).prepare(existing)`; `preparePlan` does both at once.
 */
import { WorkbookWriteError } from "./errors";
import { parseRange, rangeAddress } from "./address";
import {
  Block,
  computedRows,
  isFormulaCell,
  PlanCell,
  PrintPlan,
  quotedSheetRef,
  rowMaker,
  SHEET_REF_OPEN,
  SheetPlan,
  WorkbookPlan,
} from "./plan";
import { markerNames } from "./inputs";
import { usedBox } from "./sheetGeometry";
import { PlanProblem, uniqueSheetName, uniqueTableName, validatePlan } from "./validatePlan";

/** What the workbook already holds (compared case-insensitively, as Excel does). */
export interface ExistingNames {
  sheets: Iterable<string>;
  tables: Iterable<string>;
  /** Workbook-scoped defined names. */
  names: Iterable<string>;
}

/** A new, empty workbook (the .xlsx writer's case). */
export const NOTHING_EXISTS: ExistingNames = { sheets: [], tables: [], names: [] };

export interface PrepareOptions {
  /**
   * Write the planned sheet `planSheet` (default the plan's first) into the existing sheet
   * `sheet` instead of adding a sheet: its final name is `sheet`.
   */
  target?: { sheet: string; planSheet?: string };
  /**
   * More planned sheets written into existing sheets (a refresh rewrites every tracked sheet
   * in place): planned name -> the existing sheet's name. A targeted sheet's bookkeeping names
   * (inputs.ts) are planned even when the workbook has them: the writer replaces them.
   */
  targets?: ReadonlyMap<string, string>;
}

export interface PreparedPlan {
  /** The plan with final sheet and table names and every reference token resolved. */
  plan: WorkbookPlan;
  /** Planned sheet name -> final name, for every sheet of the plan. */
  sheetNames: Map<string, string>;
  /** Planned table name -> final name, for every table of the plan. */
  tableNames: Map<string, string>;
  /** Final name of the sheet written into an existing one (with `options.target`). */
  targetSheet?: string;
}

/** A plan that passed validation, waiting for the workbook's names. */
export interface CheckedPlan {
  readonly plan: WorkbookPlan;
  /** Steps 2 and 3: final names against `existing`, references resolved. */
  prepare(existing: ExistingNames, options?: PrepareOptions): PreparedPlan;
}

type NameMap = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function toMap(names: NameMap | undefined): ReadonlyMap<string, string> {
  if (names === undefined) return new Map();
  return names instanceof Map ? names : new Map(Object.entries(names));
}

/** Exact lookup first, then case-insensitive (Excel's rule); a name not in the map stays. */
function lookup(names: ReadonlyMap<string, string>): (name: string) => string {
  const lower = new Map(Array.from(names, ([from, to]) => [from.toLowerCase(), to] as const));
  return (name) => names.get(name) ?? lower.get(name.toLowerCase()) ?? name;
}

const SHEET_TOKEN = /\uE000([^\uE000-\uE003]*)\uE001!/g;
const TABLE_TOKEN = /\uE002([^\uE000-\uE003]*)\uE003/g;
const ANY_TOKEN_START = /[\uE000\uE002]/;

/** A function that resolves the tokens of one text, built once per plan. */
function resolver(sheets: NameMap, tables?: NameMap): (text: string) => string {
  const sheet = lookup(toMap(sheets));
  const table = lookup(toMap(tables));
  return (text) =>
    ANY_TOKEN_START.test(text)
      ? text
          .replace(SHEET_TOKEN, (_whole, name: string) => quotedSheetRef(sheet(name), ""))
          .replace(TABLE_TOKEN, (_whole, name: string) => table(name))
      : text;
}

/**
 * Replaces every `sheetRef` token of `text` with `'Final name'!` (quotes doubled), the final
 * name looked up by planned name in `finalSheetNames` (exactly, then ignoring case); a token
 * naming a sheet not in the map (one already in the workbook) keeps its name. `tableRef`
 * tokens become the final table name from `finalTableNames` the same way. Text without
 * tokens comes back unchanged; the text is expected to have passed `validatePlan`.
 *
 * @example resolveSheetRefs(`=${sheetRef("Funnel", "B4")}*2`, { Funnel: "Funnel (2)" }) // "='Funnel (2)'!B4*2"
 */
export function resolveSheetRefs(
  text: string,
  finalSheetNames: NameMap,
  finalTableNames?: NameMap,
): string {
  return resolver(finalSheetNames, finalTableNames)(text);
}

/** Planned names of the sheets `text`'s tokens refer to. */
export function sheetTokenNames(text: string): string[] {
  return text.includes(SHEET_REF_OPEN) ? Array.from(text.matchAll(SHEET_TOKEN), (m) => m[1]) : [];
}

/**
 * The block with `rewrite` applied to its formulas; a row whose formulas all stay the same is
 * kept (not copied), and so is a block with no formula changed: the Deals sheet of a large
 * export is shared between the plan and its prepared copy, not held twice.
 */
function rewriteBlock(block: Block, rewrite: (formula: string) => string): Block {
  const made = rowMaker(block.cells);
  // Computed rows stay computed: each row is rewritten when it is read.
  if (made) {
    const rows = computedRows(block.cells.length, (r) => {
      const row = made(r);
      return rewriteRow(row, rewrite) ?? row;
    });
    return { ...block, cells: rows };
  }
  let cells: PlanCell[][] | null = null;
  for (let r = 0; r < block.cells.length; r++) {
    const copy = rewriteRow(block.cells[r], rewrite);
    if (copy === null) continue;
    cells ??= block.cells.slice();
    cells[r] = copy;
  }
  return cells === null ? block : { ...block, cells };
}

/** A copy of `row` with `rewrite` applied to its formulas, or null when none changes. */
function rewriteRow(row: PlanCell[], rewrite: (formula: string) => string): PlanCell[] | null {
  let copy: PlanCell[] | null = null;
  for (let col = 0; col < row.length; col++) {
    const c = row[col];
    if (!isFormulaCell(c)) continue;
    const f = rewrite(c.f);
    if (f === c.f) continue;
    copy ??= row.slice();
    copy[col] = { f };
  }
  return copy;
}

/**
 * The plan with `rewrite` applied to every formula text: cell formulas, conditional-format
 * formulas, list sources, chart ranges and defined names. Blocks without formulas are kept as
 * they are (not copied); the input plan is not changed.
 */
export function mapPlanFormulas(
  plan: WorkbookPlan,
  rewrite: (formula: string) => string,
): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      blocks: sheet.blocks.map((block) => rewriteBlock(block, rewrite)),
      ...(sheet.conditionalFormats && {
        conditionalFormats: sheet.conditionalFormats.map((cf) => {
          if (cf.type === "cellValue")
            return {
              ...cf,
              formula1: rewrite(cf.formula1),
              ...(cf.formula2 !== undefined ? { formula2: rewrite(cf.formula2) } : {}),
            };
          if (cf.type === "formula") return { ...cf, formula: rewrite(cf.formula) };
          return cf;
        }),
      }),
      ...(sheet.charts && {
        charts: sheet.charts.map((chart) => ({
          ...chart,
          categories: rewrite(chart.categories),
          series: chart.series.map((s) => ({ ...s, values: rewrite(s.values) })),
        })),
      }),
      ...(sheet.validations && {
        validations: sheet.validations.map((v) =>
          v.type === "list" && typeof v.source === "string"
            ? { ...v, source: rewrite(v.source) }
            : v,
        ),
      }),
    })),
    ...(plan.names && {
      names: plan.names.map((n) => ({ ...n, refersTo: rewrite(n.refersTo) })),
    }),
  };
}

/**
 * The plan as a writer would receive it after preparation, with sheet and table names
 * given by `renames` (planned -> final; unnamed ones keep their planned name), tokens
 * resolved. No validation, no uniqueness: for tests and the HyperFormula evaluator, which
 * take a plan's planned names as final.
 *
 * @example resolvedPlan(plan).sheets[1].blocks[0].cells[0][0] // { f: "='Funnel'!B7/'Funnel'!B4" }
 */
export function resolvedPlan(
  plan: WorkbookPlan,
  renames: { sheets?: NameMap; tables?: NameMap } = {},
): WorkbookPlan {
  const sheets = new Map(plan.sheets.map((s) => [s.name, s.name]));
  for (const [from, to] of toMap(renames.sheets)) sheets.set(from, to);
  const tables = new Map<string, string>();
  for (const s of plan.sheets) for (const t of s.tables ?? []) tables.set(t.name, t.name);
  for (const [from, to] of toMap(renames.tables)) tables.set(from, to);
  return withFinalNames(plan, sheets, tables);
}

/** Columns a sheet's used range may span and still print portrait. */
export const PORTRAIT_MAX_COLUMNS = 8;

/**
 * The print settings a sheet gets when its plan sets none:
 *
 * - fit to 1 page wide, as many pages tall as needed;
 * - print titles: rows 1 through the header row of the sheet's first table (in plan order),
 *   or, on a sheet without tables, rows 1 through its frozen rows; none when it has neither;
 * - landscape when the used range is wider than 8 columns, else portrait;
 * - print area: the used range, the smallest box holding every block, table and chart
 *   (a chart's cells measured from its anchor with the planned column widths and row
 *   heights, as the .xlsx drawing places it); none on a sheet with no content.
 *
 * @example defaultPrintSettings(dealsSheet) // 16 columns, table Deals at A1:P13
 * // { orientation: "landscape", fitToPagesWide: 1, fitToPagesTall: null,
 * //   titleRows: { first: 1, last: 1 }, area: "A1:P13" }
 */
export function defaultPrintSettings(sheet: SheetPlan): PrintPlan {
  const used = usedBox(sheet);
  const firstTable = sheet.tables?.[0];
  const headerRow = firstTable
    ? parseRange(firstTable.range).top
    : sheet.freeze && sheet.freeze.rows > 0
      ? sheet.freeze.rows
      : undefined;
  const columns = used ? used.right - used.left + 1 : 0;
  return {
    orientation: columns > PORTRAIT_MAX_COLUMNS ? "landscape" : "portrait",
    fitToPagesWide: 1,
    fitToPagesTall: null,
    ...(headerRow !== undefined ? { titleRows: { first: 1, last: headerRow } } : {}),
    ...(used ? { area: rangeAddress(used) } : {}),
  };
}

function withFinalNames(
  plan: WorkbookPlan,
  sheetNames: ReadonlyMap<string, string>,
  tableNames: ReadonlyMap<string, string>,
): WorkbookPlan {
  const resolved = mapPlanFormulas(plan, resolver(sheetNames, tableNames));
  return {
    ...resolved,
    sheets: resolved.sheets.map((sheet) => ({
      ...sheet,
      name: sheetNames.get(sheet.name) ?? sheet.name,
      print: sheet.print ?? defaultPrintSettings(sheet),
      ...(sheet.tables && {
        tables: sheet.tables.map((t) => ({ ...t, name: tableNames.get(t.name) ?? t.name })),
      }),
    })),
    ...(plan.activeSheet !== undefined
      ? { activeSheet: sheetNames.get(plan.activeSheet) ?? plan.activeSheet }
      : {}),
  };
}

function invalid(problems: PlanProblem[]): WorkbookWriteError {
  const first = problems[0];
  return new WorkbookWriteError(
    "INVALID_PLAN",
    `The sheet could not be built: ${first.sheet ? `${first.sheet}, ` : ""}${first.where}: ${first.message}`,
    { problems },
  );
}

/** Chart, list and name references to sheets that are in neither the plan nor the workbook. */
function foreignSheetProblems(plan: WorkbookPlan, known: Set<string>): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const check = (sheet: string | undefined, where: string, text: string): void => {
    for (const name of sheetTokenNames(text))
      if (!known.has(name.toLowerCase()))
        problems.push({
          ...(sheet !== undefined ? { sheet } : {}),
          where,
          message: `"${name}" is a sheet of neither the plan nor the workbook.`,
        });
  };
  for (const sheet of plan.sheets) {
    (sheet.charts ?? []).forEach((chart, i) => {
      for (const ref of [chart.categories, ...chart.series.map((s) => s.values)])
        check(sheet.name, `charts[${i}] ${chart.title}`, ref);
    });
    (sheet.validations ?? []).forEach((v, i) => {
      if (v.type === "list" && typeof v.source === "string")
        check(sheet.name, `validations[${i}]`, v.source);
    });
  }
  (plan.names ?? []).forEach((n, i) => check(undefined, `names[${i}] ${n.name}`, n.refersTo));
  return problems;
}

/**
 * Step 1: validates `plan` (no workbook needed) and returns it ready for naming.
 *
 * @throws WorkbookWriteError INVALID_PLAN with every problem in `problems`.
 */
export function checkPlan(plan: WorkbookPlan): CheckedPlan {
  const problems = validatePlan(plan);
  if (problems.length > 0) throw invalid(problems);
  return { plan, prepare: (existing, options) => nameAndResolve(plan, existing, options ?? {}) };
}

/**
 * The plan with the hidden names that remember its tracked sheets and their inputs
 * (inputs.ts). A sheet whose name is already in the workbook is a copy ("Add a copy") and is
 * not tracked, unless it is written into its old place (`targets`).
 */
function withMarkers(plan: WorkbookPlan, taken: ReadonlySet<string>, targets: ReadonlyMap<string, string>): WorkbookPlan {
  const markers = plan.sheets.flatMap((sheet) => {
    const names = markerNames(sheet);
    if (names.length === 0 || targets.has(sheet.name)) return names;
    return taken.has(names[0].name.toLowerCase()) ? [] : names.filter((n) => !taken.has(n.name.toLowerCase()));
  });
  return markers.length === 0 ? plan : { ...plan, names: [...(plan.names ?? []), ...markers] };
}

function nameAndResolve(
  plan: WorkbookPlan,
  existing: ExistingNames,
  options: PrepareOptions,
): PreparedPlan {
  const existingSheets = Array.from(existing.sheets);
  const existingTableOrNames = [...existing.tables, ...existing.names];
  const target = options.target;
  const targetPlanSheet = target ? (target.planSheet ?? plan.sheets[0].name) : undefined;
  if (target && !plan.sheets.some((s) => s.name === targetPlanSheet)) {
    throw new WorkbookWriteError(
      "INVALID_PLAN",
      `The plan has no sheet named "${targetPlanSheet}" to write into "${target.sheet}".`,
    );
  }

  const taken = new Set(existingTableOrNames.map((n) => n.toLowerCase()));
  const targets = new Map(options.targets ?? []);
  if (target && targetPlanSheet !== undefined) targets.set(targetPlanSheet, target.sheet);
  for (const planned of targets.keys())
    if (!plan.sheets.some((s) => s.name === planned))
      throw new WorkbookWriteError("INVALID_PLAN", `The plan has no sheet named "${planned}" to write into "${targets.get(planned)}".`);
  for (const n of plan.names ?? []) {
    if (taken.has(n.name.toLowerCase())) {
      throw new WorkbookWriteError(
        "NAME_TAKEN",
        `The workbook already has a name "${n.name}". Rename or delete it (Formulas > Name Manager) and try again.`,
      );
    }
  }
  plan = withMarkers(plan, taken, targets);
  const known = new Set(
    [...existingSheets, ...plan.sheets.map((s) => s.name)].map((n) => n.toLowerCase()),
  );
  const foreign = foreignSheetProblems(plan, known);
  if (foreign.length > 0) throw invalid(foreign);

  const sheetNames = new Map<string, string>();
  const usedSheetNames = [...existingSheets];
  for (const sheet of plan.sheets) {
    const into = targets.get(sheet.name);
    if (into !== undefined) {
      sheetNames.set(sheet.name, into);
      continue;
    }
    const actual = uniqueSheetName(sheet.name, [...usedSheetNames, ...targets.values()]);
    usedSheetNames.push(actual);
    sheetNames.set(sheet.name, actual);
  }
  const tableNames = new Map<string, string>();
  const usedTableNames = [...existingTableOrNames, ...(plan.names ?? []).map((n) => n.name)];
  for (const sheet of plan.sheets) {
    for (const table of sheet.tables ?? []) {
      const actual = uniqueTableName(table.name, usedTableNames);
      usedTableNames.push(actual);
      tableNames.set(table.name, actual);
    }
  }
  return {
    plan: withFinalNames(plan, sheetNames, tableNames),
    sheetNames,
    tableNames,
    ...(target ? { targetSheet: target.sheet } : {}),
  };
}

/**
 * Validates `plan`, gives its sheets and tables final names against `existing` and resolves
 * every reference token: what each writer writes.
 *
 * @throws WorkbookWriteError INVALID_PLAN (with `problems`) or NAME_TAKEN.
 * @example
 * preparePlan(plan, { sheets: ["Funnel"], tables: ["Funnel"], names: [] }).sheetNames
 * // Map { "Funnel" => "Funnel (2)" }
 */
export function preparePlan(
  plan: WorkbookPlan,
  existing: ExistingNames = NOTHING_EXISTS,
  options: PrepareOptions = {},
): PreparedPlan {
  return checkPlan(plan).prepare(existing, options);
}
