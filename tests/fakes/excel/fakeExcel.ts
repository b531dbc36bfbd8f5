/**
 * A recording fake of the Excel JavaScript API, for tests of code that takes an
 * `Excel.RequestContext` (through an injected `run`, the shape of `Excel.run`).
 *
 * What it models, as Office.js does:
 * - proxies: property sets, method calls and `load()` are queued; nothing reaches the
 *   workbook until `context.sync()`; loaded properties can be read only after that sync
 *   (reading earlier throws `PropertyNotLoaded`); `*OrNullObject` results report
 *   `isNullObject` after the sync;
 * - a workbook state (sheets with cells, tables, names, charts, conditional formats,
 *   cosmetic changes) that changes only when a sync applies the queue, operation by
 *   operation: when one fails, the earlier ones of that request stay applied and the rest
 *   are dropped, as in Excel;
 * - Excel's request payload limit (5 MB by default): a larger request is refused whole;
 * - Excel's reference rules: renaming a sheet rewrites every formula and defined name that
 *   refers to it, deleting one turns those references into `#REF!` (and references to its
 *   tables too); renaming a table rewrites structured references to it;
 * - Excel's naming and content rules: sheet names (`sheetNameProblem`), table and defined
 *   names (`definedNameProblem`), 32,767 characters of text and 8,192 of formula per cell,
 *   arrays the shape of their range;
 * - an injected failure at the N-th sync (after some of its operations, half by default) and
 *   chart types the "host" rejects.
 * It records every property set, method call, load and sync in `log`.
 *
 * It does not calculate formulas (a formula cell's value reads as null) nor coerce text
 * that looks like a number.
 *
 * Object and member names follow @types/office-js: each fake class declares which members
 * of the real interface it stands for (`RealMembers<Excel.Range, ...>`), so a misspelt
 * member fails to compile.
 */
import { parseCell, columnNumber, rangeAddress, RangeBox } from "../../../src/workbook/address";

type RealMembers<T, K extends keyof T> = { [P in K]: unknown };

export type FakeScalar = string | number | boolean;

export interface FakeCell {
  /** What was written to `formulas`/`values` ("'text" keeps its apostrophe here). */
  formula: FakeScalar;
  /** The cell's value: text without the protecting apostrophe; null for a formula. */
  value: FakeScalar | null;
  numberFormat: string;
}

export interface FakeChartState {
  name: string;
  type: string;
}

export interface FakeSheetState {
  id: number;
  name: string;
  tabColor: string;
  cells: Map<number, FakeCell>;
  charts: FakeChartState[];
  conditionalFormats: { range: string; type: string }[];
  notes: { cell: string; text: string }[];
  /** Cosmetic changes in order: "A1:B2 format.font.bold=true", "merge A1:C1", ... */
  decorations: string[];
  /** Print settings (`worksheet.pageLayout`), Excel's defaults until set. */
  pageLayout: FakePageLayoutState;
}

export interface FakePageLayoutState {
  orientation: "Portrait" | "Landscape";
  zoom: Excel.PageLayoutZoomOptions;
  /** "$1:$3", or null when the sheet has no print title rows. */
  printTitleRows: string | null;
  /** "$A$1:$P$13" (areas joined by ","), or null when the whole sheet prints. */
  printArea: string | null;
}

export interface FakeWorkbookState {
  sheets: FakeSheetState[];
  tables: Map<string, { sheetId: number; address: string; showTotals: boolean; style: string }>;
  names: Map<string, { reference: string; comment: string; visible?: boolean }>;
  activeSheetId: number;
}

export type RecordedEvent =
  | { kind: "set"; object: string; property: string; value: unknown; payload: number }
  | { kind: "call"; object: string; method: string; args: unknown[]; payload: number }
  | { kind: "load"; object: string; properties: string }
  | { kind: "sync"; index: number; payload: number; operations: number; failed?: string };

export interface FakeExcelOptions {
  /** Sheets the workbook starts with (default one empty "Sheet1"); cells by address. */
  sheets?: { name: string; cells?: Record<string, FakeScalar> }[];
  tables?: { name: string; sheet: string; address: string }[];
  names?: { name: string; reference: string }[];
  /** Largest request in JSON characters (default 5,000,000, Excel's 5 MB). */
  payloadLimit?: number;
  /** Chart types the host refuses at sync ("Funnel"). */
  rejectChartTypes?: string[];
  selection?: { sheet: string; address: string };
}

export class FakeOfficeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

const GRID_COLUMNS = 16384;
const GRID_ROWS = 1048576;
const key = (row: number, column: number): number => row * (GRID_COLUMNS + 1) + column;

/** Parses "A1", "A1:C3", "B:B", "3:5" and "'Sheet'!A1" (sheet part ignored). */
export function fakeBox(address: string): RangeBox {
  const plain = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const clean = plain.replace(/\$/g, "");
  const [a, b = a] = clean.split(":");
  if (/^[A-Za-z]+$/.test(a) && /^[A-Za-z]+$/.test(b)) {
    return { top: 1, bottom: GRID_ROWS, left: columnNumber(a), right: columnNumber(b) };
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b))
    return { top: Number(a), bottom: Number(b), left: 1, right: GRID_COLUMNS };
  const p = parseCell(a);
  const q = parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.column, q.column),
    right: Math.max(p.column, q.column),
  };
}

interface Operation {
  payload: number;
  apply: () => void;
}

function payloadOf(value: unknown): number {
  return (
    JSON.stringify(value, (_k, v) =>
      v instanceof FakeObject ? v.label : typeof v === "function" ? "fn" : v,
    )?.length ?? 0
  );
}

/** The fake host: state, log, failure injection, and `run` (the shape of `Excel.run`). */
export class FakeExcel {
  readonly state: FakeWorkbookState;
  readonly log: RecordedEvent[] = [];
  readonly payloadLimit: number;
  rejectChartTypes: string[];
  selection?: { sheet: string; address: string };
  /** Fail the N-th sync (1-based, counted over the fake's life) after `failAfterOperations` of its operations. */
  failAtSync?: number;
  failAfterOperations?: number;
  syncCount = 0;
  nextId = 1;

  constructor(options: FakeExcelOptions = {}) {
    this.payloadLimit = options.payloadLimit ?? 5_000_000;
    this.rejectChartTypes = options.rejectChartTypes ?? [];
    this.selection = options.selection;
    this.state = { sheets: [], tables: new Map(), names: new Map(), activeSheetId: 0 };
    for (const s of options.sheets ?? [{ name: "Sheet1" }]) {
      const sheet = this.newSheet(s.name);
      for (const [address, v] of Object.entries(s.cells ?? {})) {
        const p = parseCell(address);
        sheet.cells.set(key(p.row, p.column), cellFor(v));
      }
    }
    for (const t of options.tables ?? []) {
      this.state.tables.set(t.name, {
        sheetId: this.sheetByName(t.sheet)!.id,
        address: t.address,
        showTotals: false,
        style: "",
      });
    }
    for (const n of options.names ?? [])
      this.state.names.set(n.name, { reference: n.reference, comment: "" });
    this.state.activeSheetId = this.state.sheets[0]?.id ?? 0;
  }

  newSheet(name: string, id = this.nextId++): FakeSheetState {
    const sheet: FakeSheetState = {
      id,
      name,
      tabColor: "",
      cells: new Map(),
      charts: [],
      conditionalFormats: [],
      notes: [],
      decorations: [],
      pageLayout: { orientation: "Portrait", zoom: { scale: 100 }, printTitleRows: null, printArea: null },
    };
    this.state.sheets.push(sheet);
    return sheet;
  }

  sheetByName(name: string): FakeSheetState | undefined {
    return this.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** `Excel.run`: a new context per batch, and a last sync when operations are still queued. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.queue.length > 0) await context.sync();
    return result;
  };

  /** Values of a rectangle of a sheet (null where empty), for assertions. */
  values(sheetName: string, address: string): (FakeScalar | null)[][] {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    const box = fakeBox(address);
    const rows: (FakeScalar | null)[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: (FakeScalar | null)[] = [];
      for (let c = box.left; c <= box.right; c++)
        row.push(sheet.cells.get(key(r, c))?.value ?? null);
      rows.push(row);
    }
    return rows;
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const p = parseCell(address);
    return this.sheetByName(sheetName)?.cells.get(key(p.row, p.column));
  }

  /** The whole workbook state as canonical JSON, to compare before and after. */
  snapshot(): string {
    return JSON.stringify({
      sheets: this.state.sheets.map((s) => ({
        ...s,
        cells: Array.from(s.cells.entries()).sort((a, b) => a[0] - b[0]),
      })),
      tables: Array.from(this.state.tables.entries()).sort(),
      names: Array.from(this.state.names.entries()).sort(),
      active: this.state.activeSheetId,
    });
  }

  syncEvents(): Extract<RecordedEvent, { kind: "sync" }>[] {
    return this.log.filter((e): e is Extract<RecordedEvent, { kind: "sync" }> => e.kind === "sync");
  }
}

function cellFor(v: FakeScalar): FakeCell {
  if (typeof v === "string" && v.startsWith("'"))
    return { formula: v, value: v.slice(1), numberFormat: "General" };
  if (typeof v === "string" && v.startsWith("="))
    return { formula: v, value: null, numberFormat: "General" };
  return { formula: v, value: v, numberFormat: "General" };
}

export class FakeRequestContext {
  readonly fake: FakeExcel;
  queue: Operation[] = [];
  readonly workbook: FakeWorkbook;
  constructor(fake: FakeExcel) {
    this.fake = fake;
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(apply: () => void, payload = 0): void {
    this.queue.push({ apply, payload });
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    fake.syncCount += 1;
    const index = fake.syncCount;
    const operations = this.queue;
    this.queue = [];
    const payload = operations.reduce((sum, op) => sum + op.payload, 0);
    const event: RecordedEvent = { kind: "sync", index, payload, operations: operations.length };
    fake.log.push(event);
    if (payload > fake.payloadLimit) {
      event.failed = "RequestPayloadSizeLimitExceeded";
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    }
    const failAt =
      fake.failAtSync === index
        ? (fake.failAfterOperations ?? Math.floor(operations.length / 2))
        : Infinity;
    for (let i = 0; i < operations.length; i++) {
      if (i >= failAt) {
        event.failed = "GeneralException (injected)";
        throw new FakeOfficeError(
          "GeneralException",
          `Injected failure at sync ${index}, operation ${i + 1}.`,
        );
      }
      try {
        operations[i].apply();
      } catch (error) {
        event.failed = error instanceof Error ? error.message : String(error);
        throw error;
      }
    }
    if (failAt !== Infinity) {
      event.failed = "GeneralException (injected)";
      throw new FakeOfficeError("GeneralException", `Injected failure at sync ${index}.`);
    }
  }
}

/** Base of every fake proxy: a label for the log, queued loads, loaded values. */
export class FakeObject {
  readonly context: FakeRequestContext;
  readonly label: string;
  private loadedValues = new Map<string, unknown>();
  private nullObject?: boolean;

  constructor(context: FakeRequestContext, label: string) {
    this.context = context;
    this.label = label;
  }

  protected get fake(): FakeExcel {
    return this.context.fake;
  }

  protected loaded<T>(property: string): T {
    if (!this.loadedValues.has(property)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${property}' of ${this.label} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()".`,
      );
    }
    return this.loadedValues.get(property) as T;
  }

  protected setLoaded(property: string, value: unknown): void {
    this.loadedValues.set(property, value);
  }

  protected markNull(isNull: boolean): void {
    this.nullObject = isNull;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `isNullObject of ${this.label} is known only after context.sync().`,
      );
    }
    return this.nullObject;
  }

  /** Queues a property set. */
  protected recordSet(property: string, value: unknown, apply: () => void): void {
    const payload = payloadOf(value) + property.length;
    this.fake.log.push({ kind: "set", object: this.label, property, value, payload });
    this.context.enqueue(apply, payload);
  }

  /** Queues a method call. */
  protected recordCall(method: string, args: unknown[], apply: () => void): void {
    const payload = payloadOf(args) + method.length;
    this.fake.log.push({ kind: "call", object: this.label, method, args, payload });
    this.context.enqueue(apply, payload);
  }

  /** Queues a load; `read` copies state into the proxy at sync. */
  protected recordLoad(properties: string, read: () => void): void {
    this.fake.log.push({ kind: "load", object: this.label, properties });
    this.context.enqueue(read, properties.length);
  }

  load(properties?: string | string[]): this {
    const list = Array.isArray(properties)
      ? properties
      : (properties ?? "").split(",").map((p) => p.trim());
    this.recordLoad(list.join(","), () => this.readProperties(list));
    return this;
  }

  /** Overridden by each class: copies the named properties from the state. */
  protected readProperties(_properties: string[]): void {
    // nothing to read by default
  }
}

/**
 * A generic recorder for cosmetic objects (formats, chart parts, validation): every set and
 * call is queued and logged; at sync it is appended to the sheet's `decorations`.
 */
function recorder(
  context: FakeRequestContext,
  label: string,
  sink: () => string[] | undefined,
): any {
  const children = new Map<PropertyKey, unknown>();
  const target = function () {
    /* callable stand-in */
  };
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === "then" || prop === "toJSON" || typeof prop === "symbol") return undefined;
      if (prop === "label") return label;
      if (!children.has(prop))
        children.set(prop, recorder(context, `${label}.${String(prop)}`, sink));
      return children.get(prop);
    },
    set(_t, prop, value) {
      const payload = payloadOf(value) + String(prop).length;
      context.fake.log.push({ kind: "set", object: label, property: String(prop), value, payload });
      context.enqueue(() => {
        const list = sink();
        if (!list) throw new FakeOfficeError("ItemNotFound", `${label} no longer exists.`);
        list.push(
          `${label}.${String(prop)}=${JSON.stringify(value, (_k, v) => (v instanceof FakeObject ? v.label : v))}`,
        );
      }, payload);
      return true;
    },
    apply(_t, _this, args) {
      const method = label.slice(label.lastIndexOf(".") + 1);
      const object = label.slice(0, label.lastIndexOf("."));
      const payload = payloadOf(args) + method.length;
      context.fake.log.push({ kind: "call", object, method, args, payload });
      context.enqueue(() => {
        const list = sink();
        if (!list) throw new FakeOfficeError("ItemNotFound", `${object} no longer exists.`);
        list.push(
          `${label}(${JSON.stringify(args, (_k, v) => (v instanceof FakeObject ? v.label : typeof v === "function" ? v.label : v))})`,
        );
      }, payload);
      return recorder(context, `${label}()`, sink);
    },
  });
}

export class FakeWorkbook
  extends FakeObject
  implements
    RealMembers<
      Excel.Workbook,
      "worksheets" | "tables" | "names" | "application" | "getSelectedRange"
    >
{
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: any;
  constructor(context: FakeRequestContext) {
    super(context, "Workbook");
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, undefined);
    this.names = new FakeNamedItemCollection(context);
    this.application = recorder(context, "Application", () => []);
  }

  getSelectedRange(): FakeRange {
    const selection = this.fake.selection;
    if (!selection) throw new FakeOfficeError("InvalidSelection", "Nothing is selected.");
    const sheet = this.worksheets.getItem(selection.sheet);
    return sheet.getRange(selection.address);
  }
}

export class FakeWorksheetCollection
  extends FakeObject
  implements
    RealMembers<
      Excel.WorksheetCollection,
      "add" | "getItem" | "getItemOrNullObject" | "getActiveWorksheet" | "items" | "load"
    >
{
  private loadedItems?: FakeWorksheet[];
  constructor(context: FakeRequestContext) {
    super(context, "Worksheets");
  }

  get items(): FakeWorksheet[] {
    return this.loaded<FakeWorksheet[]>("items");
  }

  protected override readProperties(properties: string[]): void {
    const wanted = properties
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice("items/".length));
    this.loadedItems = this.fake.state.sheets.map((s) => {
      const proxy = new FakeWorksheet(this.context, () =>
        this.fake.state.sheets.find((x) => x.id === s.id),
      );
      proxy.readNow(wanted.length > 0 ? wanted : ["name"]);
      return proxy;
    });
    this.setLoaded("items", this.loadedItems);
  }

  add(name?: string): FakeWorksheet {
    const id = this.fake.nextId++;
    const proxy = new FakeWorksheet(this.context, () =>
      this.fake.state.sheets.find((x) => x.id === id),
    );
    this.recordCall("add", [name], () => {
      const wanted = name ?? `Sheet${id}`;
      if (this.fake.sheetByName(wanted))
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${wanted} already exists.`);
      const problem = sheetNameProblem(wanted);
      if (problem) throw new FakeOfficeError("InvalidArgument", `Illegal sheet name ${wanted}: it ${problem}.`);
      this.fake.newSheet(wanted, id);
    });
    return proxy;
  }

  private byName(name: string, orNull: boolean): FakeWorksheet {
    let id: number | undefined;
    const proxy = new FakeWorksheet(this.context, () =>
      this.fake.state.sheets.find((x) => x.id === id),
    );
    this.recordCall(orNull ? "getItemOrNullObject" : "getItem", [name], () => {
      id = this.fake.sheetByName(name)?.id;
      if (id === undefined && !orNull)
        throw new FakeOfficeError("ItemNotFound", `No sheet named ${name}.`);
      proxy.resolved(id === undefined);
    });
    return proxy;
  }

  getItem(name: string): FakeWorksheet {
    return this.byName(name, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return this.byName(name, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    let id: number | undefined;
    const proxy = new FakeWorksheet(this.context, () =>
      this.fake.state.sheets.find((x) => x.id === id),
    );
    this.recordCall("getActiveWorksheet", [], () => {
      id = this.fake.state.activeSheetId;
    });
    return proxy;
  }
}

export class FakeWorksheet
  extends FakeObject
  implements
    RealMembers<
      Excel.Worksheet,
      | "name"
      | "position"
      | "tabColor"
      | "getRange"
      | "getUsedRangeOrNullObject"
      | "tables"
      | "charts"
      | "freezePanes"
      | "notes"
      | "pageLayout"
      | "activate"
      | "delete"
      | "load"
    >
{
  readonly resolve: () => FakeSheetState | undefined;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly notes: FakeNoteCollection;
  readonly pageLayout: FakePageLayout;
  readonly freezePanes: any;
  constructor(context: FakeRequestContext, resolve: () => FakeSheetState | undefined) {
    super(context, "Worksheet");
    this.resolve = resolve;
    this.tables = new FakeTableCollection(context, this);
    this.charts = new FakeChartCollection(context, this);
    this.notes = new FakeNoteCollection(context, this);
    this.pageLayout = new FakePageLayout(context, this);
    this.freezePanes = recorder(
      context,
      "Worksheet.freezePanes",
      () => this.resolve()?.decorations,
    );
  }

  /** The sheet state, or an ItemNotFound error (as Excel reports a deleted sheet). */
  must(): FakeSheetState {
    const sheet = this.resolve();
    if (!sheet) throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist.");
    return sheet;
  }

  resolved(isNull: boolean): void {
    this.markNull(isNull);
  }

  /** The sheet and box of an address, at sync time. */
  getRangeBoxNow(address: string): FakeSheetBox {
    return { sheet: this.must(), box: fakeBox(address) };
  }

  readNow(properties: string[]): void {
    this.readProperties(properties);
  }

  protected override readProperties(properties: string[]): void {
    const sheet = this.must();
    if (properties.includes("name") || properties.includes("")) this.setLoaded("name", sheet.name);
    if (properties.includes("tabColor")) this.setLoaded("tabColor", sheet.tabColor);
    if (properties.includes("position"))
      this.setLoaded("position", this.fake.state.sheets.indexOf(sheet));
  }

  /** Zero-based place among the tabs; setting it moves the sheet there. */
  get position(): number {
    return this.loaded<number>("position");
  }
  set position(value: number) {
    this.recordSet("position", value, () => {
      const sheet = this.must();
      const sheets = this.fake.state.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length)
        throw new FakeOfficeError("InvalidArgument", `There is no position ${value} among ${sheets.length} sheets.`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }

  get name(): string {
    return this.loaded<string>("name");
  }
  set name(value: string) {
    this.recordSet("name", value, () => {
      const sheet = this.must();
      const other = this.fake.sheetByName(value);
      if (other && other !== sheet)
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${value} already exists.`);
      const problem = sheetNameProblem(value);
      if (problem) throw new FakeOfficeError("InvalidArgument", `Illegal sheet name ${value}: it ${problem}.`);
      if (sheet.name !== value) rewriteReferences(this.fake.state, (f) => renameSheetIn(f, sheet.name, value));
      sheet.name = value;
    });
  }

  get tabColor(): string {
    return this.loaded<string>("tabColor");
  }
  set tabColor(value: string) {
    this.recordSet("tabColor", value, () => {
      this.must().tabColor = value;
    });
  }

  getRange(address?: string): FakeRange {
    const box = fakeBox(address ?? "A1");
    return new FakeRange(this.context, this, () => box, `Range(${address})`);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.getRange(`A1:XFD${GRID_ROWS}`).getUsedRangeOrNullObject(valuesOnly);
  }

  activate(): void {
    this.recordCall("activate", [], () => {
      this.fake.state.activeSheetId = this.must().id;
    });
  }

  delete(): void {
    this.recordCall("delete", [], () => {
      const sheet = this.must();
      const state = this.fake.state;
      if (state.sheets.length === 1)
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one sheet.");
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      const tables: string[] = [];
      for (const [name, t] of Array.from(state.tables))
        if (t.sheetId === sheet.id) {
          state.tables.delete(name);
          tables.push(name);
        }
      // Excel: every reference to the deleted sheet or its tables becomes #REF!.
      rewriteReferences(state, (f) =>
        tables.reduce((text, t) => renameTableIn(text, t, "#REF!"), renameSheetIn(f, sheet.name, null)),
      );
      if (state.activeSheetId === sheet.id) state.activeSheetId = state.sheets[0].id;
    });
  }
}

const ORIENTATIONS = ["Portrait", "Landscape"];
const ZOOM_KEYS = ["scale", "horizontalFitToPages", "verticalFitToPages"];
/** Most pages Excel fits a sheet to, across or down. */
const MAX_FIT_PAGES = 32767;

/**
 * `worksheet.pageLayout` (ExcelApi 1.9). Enforced as Excel does: orientation is "Portrait"
 * or "Landscape"; `zoom` is set as a whole object (`zoom.scale = 50` changes nothing, as in
 * Excel, where `zoom` is a plain value) whose scale is 10-400 and page counts whole numbers
 * from 0; print title rows span entire rows; addresses are on this sheet.
 */
export class FakePageLayout
  extends FakeObject
  implements
    RealMembers<Excel.PageLayout, "orientation" | "zoom" | "setPrintTitleRows" | "setPrintArea" | "load">
{
  private readonly sheet: FakeWorksheet;
  constructor(context: FakeRequestContext, sheet: FakeWorksheet) {
    super(context, "Worksheet.pageLayout");
    this.sheet = sheet;
  }

  private state(): FakePageLayoutState {
    return this.sheet.must().pageLayout;
  }

  protected override readProperties(properties: string[]): void {
    const all = properties.includes("");
    const layout = this.state();
    if (all || properties.includes("orientation")) this.setLoaded("orientation", layout.orientation);
    if (all || properties.includes("zoom")) this.setLoaded("zoom", { ...layout.zoom });
  }

  get orientation(): Excel.PageOrientation | "Portrait" | "Landscape" {
    return this.loaded("orientation");
  }
  set orientation(value: Excel.PageOrientation | "Portrait" | "Landscape") {
    this.recordSet("orientation", value, () => {
      const layout = this.state();
      if (!ORIENTATIONS.includes(value))
        throw new FakeOfficeError("InvalidArgument", `"${String(value)}" is not a page orientation.`);
      layout.orientation = value as "Portrait" | "Landscape";
    });
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    return this.loaded("zoom");
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    const copy = { ...value };
    this.recordSet("zoom", copy, () => {
      const layout = this.state();
      const entries = Object.entries(copy).filter(([, v]) => v !== undefined && v !== null);
      const bad = entries.find(([k, v]) => {
        if (!ZOOM_KEYS.includes(k) || typeof v !== "number" || !Number.isInteger(v)) return true;
        return k === "scale" ? v < 10 || v > 400 : v < 0 || v > MAX_FIT_PAGES;
      });
      if (bad || entries.length === 0)
        throw new FakeOfficeError("InvalidArgument", `Bad print zoom ${JSON.stringify(copy)}.`);
      layout.zoom = Object.fromEntries(entries) as Excel.PageLayoutZoomOptions;
    });
  }

  /** The box of `address` on this sheet, or InvalidArgument when it names another sheet. */
  private boxOnSheet(address: string): RangeBox {
    const sheet = this.sheet.must();
    const bang = address.lastIndexOf("!");
    if (bang >= 0) {
      const named = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      if (named.toLowerCase() !== sheet.name.toLowerCase())
        throw new FakeOfficeError("InvalidArgument", `${address} is not on sheet ${sheet.name}.`);
    }
    try {
      return fakeBox(address);
    } catch {
      throw new FakeOfficeError("InvalidArgument", `${address} is not a range address.`);
    }
  }

  setPrintTitleRows(printTitleRows: FakeRange | string): void {
    this.recordCall("setPrintTitleRows", [printTitleRows], () => {
      const layout = this.state();
      const box =
        typeof printTitleRows === "string" ? this.boxOnSheet(printTitleRows) : printTitleRows.box();
      if (!box || box.left !== 1 || box.right !== GRID_COLUMNS)
        throw new FakeOfficeError(
          "InvalidArgument",
          `Print title rows must span entire rows, not ${String(printTitleRows)}.`,
        );
      layout.printTitleRows = `$${box.top}:$${box.bottom}`;
    });
  }

  setPrintArea(printArea: FakeRange | string): void {
    this.recordCall("setPrintArea", [printArea], () => {
      const layout = this.state();
      const areas =
        typeof printArea === "string"
          ? printArea.split(",").map((a) => this.boxOnSheet(a.trim()))
          : [printArea.box()];
      if (areas.some((b) => !b || b.bottom > GRID_ROWS || b.right > GRID_COLUMNS))
        throw new FakeOfficeError("InvalidArgument", `Bad print area ${String(printArea)}.`);
      layout.printArea = areas.map((b) => rangeAddress(b!, true)).join(",");
    });
  }
}

type Matrix = unknown[][];

export class FakeRange
  extends FakeObject
  implements
    RealMembers<
      Excel.Range,
      | "formulas"
      | "values"
      | "numberFormat"
      | "address"
      | "format"
      | "conditionalFormats"
      | "dataValidation"
      | "merge"
      | "clear"
      | "getUsedRangeOrNullObject"
      | "load"
    >
{
  readonly sheet: FakeWorksheet;
  /** The range's box at sync time (null when it is a null object). */
  readonly box: () => RangeBox | null;
  readonly format: any;
  readonly dataValidation: any;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    context: FakeRequestContext,
    sheet: FakeWorksheet,
    box: () => RangeBox | null,
    label: string,
  ) {
    super(context, label);
    this.sheet = sheet;
    this.box = box;
    const where = (): string => {
      const b = box();
      return b ? rangeAddress(b) : "?";
    };
    this.format = recorder(context, `${label}.format`, () => sheet.resolve()?.decorations);
    this.dataValidation = recorder(
      context,
      `${label}.dataValidation`,
      () => sheet.resolve()?.decorations,
    );
    this.conditionalFormats = new FakeConditionalFormatCollection(context, sheet, where);
  }

  private mustBox(): RangeBox {
    const b = this.box();
    if (!b) throw new FakeOfficeError("InvalidReference", `${this.label} is a null object.`);
    return b;
  }

  private writeMatrix(
    property: string,
    matrix: Matrix,
    write: (sheet: FakeSheetState, row: number, column: number, v: unknown) => void,
  ): void {
    this.recordSet(property, matrix, () => {
      const sheet = this.sheet.must();
      const b = this.mustBox();
      const rows = b.bottom - b.top + 1;
      const columns = b.right - b.left + 1;
      if (
        !Array.isArray(matrix) ||
        matrix.length !== rows ||
        matrix.some((r) => !Array.isArray(r) || r.length !== columns)
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rangeAddress(b)}).`,
        );
      }
      if (property === "formulas" || property === "values") {
        for (const row of matrix)
          for (const cell of row) {
            const problem = cellContentProblem(cell);
            if (problem) throw new FakeOfficeError("InvalidArgument", `Excel refuses ${problem}.`);
          }
      }
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < columns; c++) write(sheet, b.top + r, b.left + c, matrix[r][c]);
    });
  }

  set formulas(matrix: Matrix) {
    this.writeMatrix("formulas", matrix, writeContent);
  }
  get formulas(): Matrix {
    return this.loaded<Matrix>("formulas");
  }
  set values(matrix: Matrix) {
    this.writeMatrix("values", matrix, writeContent);
  }
  get values(): Matrix {
    return this.loaded<Matrix>("values");
  }
  set numberFormat(matrix: Matrix) {
    this.writeMatrix("numberFormat", matrix, (sheet, row, column, v) => {
      const k = key(row, column);
      const cell = sheet.cells.get(k) ?? { formula: "", value: null, numberFormat: "General" };
      cell.numberFormat = String(v);
      if (cell.formula === "" && cell.numberFormat === "General") sheet.cells.delete(k);
      else sheet.cells.set(k, cell);
    });
  }
  get numberFormat(): Matrix {
    return this.loaded<Matrix>("numberFormat");
  }
  get address(): string {
    return this.loaded<string>("address");
  }

  protected override readProperties(properties: string[]): void {
    // Loading a null object is allowed in Office.js; its properties simply stay unread.
    if (this.box() === null) return;
    const sheet = this.sheet.must();
    const b = this.mustBox();
    const grid = (read: (cell: FakeCell | undefined) => unknown): Matrix => {
      const out: Matrix = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const row: unknown[] = [];
        for (let c = b.left; c <= b.right; c++) row.push(read(sheet.cells.get(key(r, c))));
        out.push(row);
      }
      return out;
    };
    for (const p of properties) {
      if (p === "values")
        this.setLoaded(
          "values",
          grid((cell) => (cell ? (cell.value ?? "") : "")),
        );
      else if (p === "formulas")
        this.setLoaded(
          "formulas",
          grid((cell) => (cell ? (cell.value !== null ? cell.value : cell.formula) : "")),
        );
      else if (p === "numberFormat")
        this.setLoaded(
          "numberFormat",
          grid((cell) => cell?.numberFormat ?? "General"),
        );
      else if (p === "address")
        this.setLoaded("address", `${quoteSheet(sheet.name)}!${rangeAddress(b)}`);
      else if (p === "rowCount") this.setLoaded("rowCount", b.bottom - b.top + 1);
      else if (p === "columnCount") this.setLoaded("columnCount", b.right - b.left + 1);
    }
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    let used: RangeBox | null = null;
    const proxy = new FakeRange(this.context, this.sheet, () => used, `${this.label}.usedRange`);
    this.recordCall("getUsedRangeOrNullObject", [valuesOnly ?? false], () => {
      const sheet = this.sheet.must();
      const b = this.mustBox();
      used = null;
      for (const [k, cell] of sheet.cells) {
        if (valuesOnly && cell.formula === "") continue;
        const row = Math.floor(k / (GRID_COLUMNS + 1));
        const column = k % (GRID_COLUMNS + 1);
        if (row < b.top || row > b.bottom || column < b.left || column > b.right) continue;
        used = used
          ? {
              top: Math.min(used.top, row),
              bottom: Math.max(used.bottom, row),
              left: Math.min(used.left, column),
              right: Math.max(used.right, column),
            }
          : { top: row, bottom: row, left: column, right: column };
      }
      proxy.resolvedNull(used === null);
    });
    return proxy;
  }

  resolvedNull(isNull: boolean): void {
    this.markNull(isNull);
  }

  merge(across?: boolean): void {
    this.recordCall("merge", [across ?? false], () => {
      this.sheet.must().decorations.push(`merge ${rangeAddress(this.mustBox())}`);
    });
  }

  /** "All" (default) empties the cells; "Contents" keeps number formats; "Formats" keeps contents. */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.recordCall("clear", [applyTo], () => {
      const sheet = this.sheet.must();
      const b = this.mustBox();
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          const k = key(r, c);
          const cell = sheet.cells.get(k);
          if (!cell) continue;
          if (applyTo === "Contents") cell.formula = "";
          if (applyTo === "Contents") cell.value = null;
          if (applyTo === "Formats") cell.numberFormat = "General";
          if (applyTo === "All" || (cell.formula === "" && cell.numberFormat === "General"))
            sheet.cells.delete(k);
        }
      }
      if (applyTo !== "Contents") sheet.decorations.push(`clear formats ${rangeAddress(b)}`);
    });
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Applies `rewrite` to the parts of a formula outside its "string literals". */
function outsideStrings(formula: string, rewrite: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join("");
}

/**
 * A formula with its references to sheet `from` pointing at `to` (quoted as needed), or at
 * `#REF!` when `to` is null (the sheet was deleted), as Excel rewrites them.
 */
export function renameSheetIn(formula: string, from: string, to: string | null): string {
  if (!formula.startsWith("=")) return formula;
  // Excel keeps formulas parsed; here the text is kept, a quoted reference staying quoted.
  const asQuoted = to === null ? "#REF!" : `'${to.replace(/'/g, "''")}'!`;
  const asBare = to === null ? "#REF!" : `${quoteSheet(to)}!`;
  const quoted = new RegExp(`'${escapeRegExp(from.replace(/'/g, "''"))}'!`, "gi");
  const bare = new RegExp(`(^|[^A-Za-z0-9_.'\\]])${escapeRegExp(from)}!`, "gi");
  return outsideStrings(formula, (code) =>
    code.replace(quoted, () => asQuoted).replace(bare, (_m, before: string) => before + asBare),
  );
}

/** A formula with its structured references to table `from` renamed to `to` ("#REF!" when deleted). */
export function renameTableIn(formula: string, from: string, to: string): string {
  if (!formula.startsWith("=")) return formula;
  const reference = new RegExp(`(^|[^A-Za-z0-9_.\\\\])${escapeRegExp(from)}\\[`, "gi");
  return outsideStrings(formula, (code) =>
    code.replace(reference, (_m, before: string) => (to === "#REF!" ? `${before}#REF!` : `${before}${to}[`)),
  );
}

/** Rewrites every cell formula and defined name of the workbook. */
function rewriteReferences(state: FakeWorkbookState, rewrite: (formula: string) => string): void {
  for (const sheet of state.sheets)
    for (const cell of sheet.cells.values())
      if (typeof cell.formula === "string" && cell.formula.startsWith("=")) cell.formula = rewrite(cell.formula);
  for (const item of state.names.values()) {
    const formula = item.reference.startsWith("=") ? item.reference : `=${item.reference}`;
    const next = rewrite(formula);
    if (next !== formula) item.reference = next;
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function writeContent(sheet: FakeSheetState, row: number, column: number, v: unknown): void {
  const k = key(row, column);
  const before = sheet.cells.get(k);
  const numberFormat = before?.numberFormat ?? "General";
  if (v === "" || v === null || v === undefined) {
    if (numberFormat === "General") sheet.cells.delete(k);
    else sheet.cells.set(k, { formula: "", value: null, numberFormat });
    return;
  }
  if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
    throw new FakeOfficeError(
      "InvalidArgument",
      `Cell content must be text, a number or a boolean, not ${typeof v}.`,
    );
  }
  sheet.cells.set(k, { ...cellFor(v), numberFormat });
}

export class FakeConditionalFormatCollection
  extends FakeObject
  implements RealMembers<Excel.ConditionalFormatCollection, "add">
{
  private readonly sheet: FakeWorksheet;
  private readonly where: () => string;
  constructor(context: FakeRequestContext, sheet: FakeWorksheet, where: () => string) {
    super(context, "ConditionalFormats");
    this.sheet = sheet;
    this.where = where;
  }

  add(type: string): any {
    this.recordCall("add", [type], () => {
      this.sheet.must().conditionalFormats.push({ range: this.where(), type });
    });
    return recorder(
      this.context,
      `ConditionalFormat(${type})`,
      () => this.sheet.resolve()?.decorations,
    );
  }
}

export class FakeNoteCollection
  extends FakeObject
  implements RealMembers<Excel.NoteCollection, "add">
{
  private readonly sheet: FakeWorksheet;
  constructor(context: FakeRequestContext, sheet: FakeWorksheet) {
    super(context, "Notes");
    this.sheet = sheet;
  }
  add(cell: string, text: string): void {
    this.recordCall("add", [cell, text], () => {
      this.sheet.must().notes.push({ cell, text });
    });
  }
}

export class FakeTableCollection
  extends FakeObject
  implements
    RealMembers<Excel.TableCollection, "add" | "items" | "getItem" | "getItemOrNullObject" | "load">
{
  private readonly sheet?: FakeWorksheet;
  constructor(context: FakeRequestContext, sheet: FakeWorksheet | undefined) {
    super(context, sheet ? "Worksheet.tables" : "Workbook.tables");
    this.sheet = sheet;
  }

  get items(): FakeTable[] {
    return this.loaded<FakeTable[]>("items");
  }

  protected override readProperties(): void {
    const sheetId = this.sheet?.must().id;
    const items = Array.from(this.fake.state.tables.entries())
      .filter(([, t]) => sheetId === undefined || t.sheetId === sheetId)
      .map(([name]) => {
        const proxy = new FakeTable(this.context, name);
        proxy.readNow();
        return proxy;
      });
    this.setLoaded("items", items);
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    const proxy = new FakeTable(this.context, "");
    this.recordCall("add", [address, hasHeaders], () => {
      const range =
        typeof address === "string"
          ? this.sheet!.getRangeBoxNow(address)
          : { sheet: address.sheet.must(), box: address.box() };
      if (!range.box) throw new FakeOfficeError("InvalidArgument", "A table needs a range.");
      const state = this.fake.state;
      for (const t of state.tables.values()) {
        const other = fakeBox(t.address);
        const b = range.box;
        if (
          t.sheetId === range.sheet.id &&
          other.top <= b.bottom &&
          b.top <= other.bottom &&
          other.left <= b.right &&
          b.left <= other.right
        ) {
          throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
        }
      }
      let n = 1;
      while (nameTaken(state, `Table${n}`)) n++;
      state.tables.set(`Table${n}`, {
        sheetId: range.sheet.id,
        address: rangeAddress(range.box),
        showTotals: false,
        style: "TableStyleMedium2",
      });
      proxy.bind(`Table${n}`);
    });
    return proxy;
  }

  private byName(name: string, orNull: boolean): FakeTable {
    const proxy = new FakeTable(this.context, "");
    this.recordCall(orNull ? "getItemOrNullObject" : "getItem", [name], () => {
      const found = Array.from(this.fake.state.tables.keys()).find(
        (n) => n.toLowerCase() === name.toLowerCase(),
      );
      if (!found && !orNull) throw new FakeOfficeError("ItemNotFound", `No table named ${name}.`);
      proxy.bind(found ?? "");
      proxy.resolvedNull(!found);
    });
    return proxy;
  }

  getItem(name: string): FakeTable {
    return this.byName(name, false);
  }
  getItemOrNullObject(name: string): FakeTable {
    return this.byName(name, true);
  }
}

/**
 * Why Excel refuses a sheet name, or null: blank, over 31 characters, one of [ ] : * ? / \,
 * an apostrophe at either end, or the reserved "History" (Excel's "Rename a worksheet" rules).
 */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "is blank";
  if (name.length > 31) return "is longer than 31 characters";
  if (/[[\]:*?/\\]/.test(name)) return "has one of [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "begins or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "is reserved";
  return null;
}

/**
 * Why Excel refuses a table or defined name, or null (Excel's "Names in formulas" rules): it
 * starts with a letter, "_" or "\\", then letters, digits, "." and "_" only; at most 255
 * characters; not "C", "R", nor anything that reads as a cell reference (A1, R1C1).
 */
export function definedNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return "is empty or longer than 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{N}._\\]*$/u.test(name)) return "has a character names cannot have";
  if (/^[cr]$/i.test(name)) return "is C or R";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return "reads as a cell reference";
  return null;
}

/** Excel's cell limits: 32,767 characters of text, 8,192 characters of formula. */
export function cellContentProblem(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (value.startsWith("=") && value.length > 8192) return `a formula of ${value.length} characters (Excel takes 8,192)`;
  if (value.length > 32767) return `a text of ${value.length} characters (a cell holds 32,767)`;
  return null;
}

function nameTaken(state: FakeWorkbookState, name: string): boolean {
  const lower = name.toLowerCase();
  return (
    Array.from(state.tables.keys()).some((n) => n.toLowerCase() === lower) ||
    Array.from(state.names.keys()).some((n) => n.toLowerCase() === lower)
  );
}

export interface FakeSheetBox {
  sheet: FakeSheetState;
  box: RangeBox | null;
}

export class FakeTable
  extends FakeObject
  implements
    RealMembers<
      Excel.Table,
      | "name"
      | "style"
      | "showBandedRows"
      | "showTotals"
      | "getTotalRowRange"
      | "getHeaderRowRange"
      | "getDataBodyRange"
      | "getRange"
      | "delete"
      | "load"
    >
{
  private tableName: string;
  constructor(context: FakeRequestContext, name: string) {
    super(context, "Table");
    this.tableName = name;
  }

  bind(name: string): void {
    this.tableName = name;
  }
  resolvedNull(isNull: boolean): void {
    this.markNull(isNull);
  }
  readNow(): void {
    this.setLoaded("name", this.tableName);
  }

  private must() {
    const t = this.fake.state.tables.get(this.tableName);
    if (!t)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The table ${this.tableName || "(not created)"} does not exist.`,
      );
    return t;
  }

  protected override readProperties(properties: string[]): void {
    this.must();
    if (properties.includes("name")) this.setLoaded("name", this.tableName);
  }

  get name(): string {
    return this.loaded<string>("name");
  }
  set name(value: string) {
    this.recordSet("name", value, () => {
      const t = this.must();
      const problem = definedNameProblem(value);
      if (problem) throw new FakeOfficeError("InvalidArgument", `The table name ${value} ${problem}.`);
      if (
        value.toLowerCase() !== this.tableName.toLowerCase() &&
        nameTaken(this.fake.state, value)
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The name ${value} is already used by a table or a defined name.`,
        );
      }
      this.fake.state.tables.delete(this.tableName);
      this.fake.state.tables.set(value, t);
      const from = this.tableName;
      rewriteReferences(this.fake.state, (f) => renameTableIn(f, from, value));
      this.tableName = value;
    });
  }
  set style(value: string) {
    this.recordSet("style", value, () => {
      this.must().style = value;
    });
  }
  set showBandedRows(value: boolean) {
    this.recordSet("showBandedRows", value, () => {
      this.must();
    });
  }
  set showTotals(value: boolean) {
    this.recordSet("showTotals", value, () => {
      const t = this.must();
      if (t.showTotals === value) return;
      const b = fakeBox(t.address);
      if (value) {
        // Modelled conservatively: the row under the table must be free for the totals row.
        const sheet = this.fake.state.sheets.find((s) => s.id === t.sheetId)!;
        for (let c = b.left; c <= b.right; c++) {
          if (sheet.cells.get(key(b.bottom + 1, c))?.formula) {
            throw new FakeOfficeError(
              "InvalidOperation",
              "The totals row would cover cells that are not empty.",
            );
          }
        }
      }
      t.address = rangeAddress({ ...b, bottom: b.bottom + (value ? 1 : -1) });
      t.showTotals = value;
    });
  }

  private part(
    label: string,
    pick: (b: RangeBox, showTotals: boolean) => RangeBox | null,
  ): FakeRange {
    let sheetId = -1;
    const sheet = new FakeWorksheet(this.context, () =>
      this.fake.state.sheets.find((s) => s.id === sheetId),
    );
    let box: RangeBox | null = null;
    const range = new FakeRange(this.context, sheet, () => box, `Table.${label}`);
    this.recordCall(label, [], () => {
      const t = this.must();
      sheetId = t.sheetId;
      box = pick(fakeBox(t.address), t.showTotals);
    });
    return range;
  }

  getRange(): FakeRange {
    return this.part("getRange", (b) => b);
  }
  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (b) => ({ ...b, bottom: b.top }));
  }
  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (b, totals) => {
      const bottom = totals ? b.bottom - 1 : b.bottom;
      return bottom > b.top ? { ...b, top: b.top + 1, bottom } : null;
    });
  }
  getTotalRowRange(): FakeRange {
    return this.part("getTotalRowRange", (b, totals) => {
      if (!totals) throw new FakeOfficeError("InvalidOperation", "The table has no totals row.");
      return { ...b, top: b.bottom };
    });
  }

  delete(): void {
    this.recordCall("delete", [], () => {
      this.must();
      this.fake.state.tables.delete(this.tableName);
    });
  }
}

export class FakeNamedItemCollection
  extends FakeObject
  implements
    RealMembers<Excel.NamedItemCollection, "add" | "items" | "getItemOrNullObject" | "load">
{
  constructor(context: FakeRequestContext) {
    super(context, "Names");
  }

  get items(): FakeNamedItem[] {
    return this.loaded<FakeNamedItem[]>("items");
  }

  protected override readProperties(properties: string[]): void {
    const wanted = properties
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice("items/".length));
    this.setLoaded(
      "items",
      Array.from(this.fake.state.names.keys()).map((n) => {
        const proxy = new FakeNamedItem(this.context, n);
        proxy.readNow(wanted.length > 0 ? wanted : undefined);
        return proxy;
      }),
    );
  }

  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.recordCall("add", [name, reference, comment], () => {
      if (nameTaken(this.fake.state, name))
        throw new FakeOfficeError("InvalidArgument", `The name ${name} is already used.`);
      const problem = definedNameProblem(name);
      if (problem) throw new FakeOfficeError("InvalidArgument", `The name ${name} ${problem}.`);
      this.fake.state.names.set(name, { reference, comment: comment ?? "" });
    });
    return new FakeNamedItem(this.context, name);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const proxy = new FakeNamedItem(this.context, name);
    this.recordCall("getItemOrNullObject", [name], () => {
      proxy.resolvedNull(!this.fake.state.names.has(name));
    });
    return proxy;
  }
}

export class FakeNamedItem
  extends FakeObject
  implements RealMembers<Excel.NamedItem, "name" | "delete" | "visible" | "formula" | "value" | "load">
{
  private readonly itemName: string;
  constructor(context: FakeRequestContext, name: string) {
    super(context, `Name(${name})`);
    this.itemName = name;
  }
  /** Copies `properties` (all of them when not given) from the state. */
  readNow(properties?: string[]): void {
    this.setLoaded("name", this.itemName);
    const item = this.fake.state.names.get(this.itemName);
    if (!item) return;
    const all = properties === undefined || properties.includes("");
    const formula = item.reference.startsWith("=") ? item.reference : `=${item.reference}`;
    // A range name's value is its address (no "="), as Excel reports it.
    if (all || properties.includes("formula")) this.setLoaded("formula", formula);
    if (all || properties.includes("value")) this.setLoaded("value", formula.slice(1));
    if (all || properties.includes("visible")) this.setLoaded("visible", item.visible ?? true);
  }
  protected override readProperties(properties: string[]): void {
    if (!this.fake.state.names.has(this.itemName))
      throw new FakeOfficeError("ItemNotFound", `No name ${this.itemName}.`);
    this.readNow(properties);
  }
  get formula(): string {
    return this.loaded<string>("formula");
  }
  get value(): string {
    return this.loaded<string>("value");
  }
  resolvedNull(isNull: boolean): void {
    this.markNull(isNull);
  }
  get name(): string {
    return this.loaded<string>("name");
  }
  get visible(): boolean {
    return this.loaded<boolean>("visible");
  }
  set visible(value: boolean) {
    this.recordSet("visible", value, () => {
      const item = this.fake.state.names.get(this.itemName);
      if (!item) throw new FakeOfficeError("ItemNotFound", `No name ${this.itemName}.`);
      item.visible = value;
    });
  }
  delete(): void {
    this.recordCall("delete", [], () => {
      if (!this.fake.state.names.delete(this.itemName))
        throw new FakeOfficeError("ItemNotFound", `No name ${this.itemName}.`);
    });
  }
}

export class FakeChartCollection
  extends FakeObject
  implements RealMembers<Excel.ChartCollection, "add" | "items" | "getItemOrNullObject" | "load">
{
  private readonly sheet: FakeWorksheet;
  constructor(context: FakeRequestContext, sheet: FakeWorksheet) {
    super(context, "Charts");
    this.sheet = sheet;
  }

  get items(): FakeChart[] {
    return this.loaded<FakeChart[]>("items");
  }

  protected override readProperties(): void {
    const sheet = this.sheet.must();
    this.setLoaded(
      "items",
      sheet.charts.map((c) => {
        const proxy = new FakeChart(this.context, this.sheet);
        proxy.bind(c);
        proxy.readNow();
        return proxy;
      }),
    );
  }

  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    const proxy = new FakeChart(this.context, this.sheet);
    this.recordCall("add", [type, source, seriesBy], () => {
      const sheet = this.sheet.must();
      if (this.fake.rejectChartTypes.includes(type))
        throw new FakeOfficeError("InvalidArgument", `The chart type ${type} is not supported.`);
      source.sheet.must();
      const chart = { name: `Chart ${sheet.charts.length + 1}`, type };
      sheet.charts.push(chart);
      proxy.bind(chart);
    });
    return proxy;
  }

  getItemOrNullObject(name: string): FakeChart {
    const proxy = new FakeChart(this.context, this.sheet);
    this.recordCall("getItemOrNullObject", [name], () => {
      const chart = this.sheet.resolve()?.charts.find((c) => c.name === name);
      if (chart) proxy.bind(chart);
      proxy.resolvedNull(!chart);
    });
    return proxy;
  }
}

export class FakeChart
  extends FakeObject
  implements
    RealMembers<
      Excel.Chart,
      | "name"
      | "title"
      | "legend"
      | "series"
      | "dataLabels"
      | "axes"
      | "setPosition"
      | "width"
      | "height"
      | "delete"
    >
{
  private chart?: FakeChartState;
  private readonly sheet: FakeWorksheet;
  readonly title: any;
  readonly legend: any;
  readonly series: any;
  readonly dataLabels: any;
  readonly axes: any;
  constructor(context: FakeRequestContext, sheet: FakeWorksheet) {
    super(context, "Chart");
    this.sheet = sheet;
    const sink = (): string[] | undefined =>
      this.chart ? this.sheet.resolve()?.decorations : undefined;
    this.title = recorder(context, "Chart.title", sink);
    this.legend = recorder(context, "Chart.legend", sink);
    this.series = recorder(context, "Chart.series", sink);
    this.dataLabels = recorder(context, "Chart.dataLabels", sink);
    this.axes = recorder(context, "Chart.axes", sink);
  }
  bind(chart: FakeChartState): void {
    this.chart = chart;
  }
  resolvedNull(isNull: boolean): void {
    this.markNull(isNull);
  }
  readNow(): void {
    this.setLoaded("name", this.chart!.name);
  }
  private must(): FakeChartState {
    if (!this.chart || !this.sheet.resolve()?.charts.includes(this.chart))
      throw new FakeOfficeError("ItemNotFound", "The chart does not exist.");
    return this.chart;
  }
  get name(): string {
    return this.loaded<string>("name");
  }
  set name(value: string) {
    this.recordSet("name", value, () => {
      this.must().name = value;
    });
  }
  set width(value: number) {
    this.recordSet("width", value, () => {
      this.sheet.must().decorations.push(`${this.must().name}.width=${value}`);
    });
  }
  set height(value: number) {
    this.recordSet("height", value, () => {
      this.sheet.must().decorations.push(`${this.must().name}.height=${value}`);
    });
  }
  setPosition(start: FakeRange | string): void {
    this.recordCall("setPosition", [start], () => {
      this.sheet.must().decorations.push(`${this.must().name}.setPosition`);
    });
  }
  delete(): void {
    this.recordCall("delete", [], () => {
      const chart = this.must();
      const charts = this.sheet.must().charts;
      charts.splice(charts.indexOf(chart), 1);
    });
  }
}
