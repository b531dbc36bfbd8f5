/**
 * Print settings: the defaults preparation derives for every sheet, and how the .xlsx and
 * Office writers apply them.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FakeExcel, RecordedEvent } from "../fakes/excel/fakeExcel";
import { SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { defaultPrintSettings, preparePlan, resolvedPlan } from "../../src/workbook/prepare";
import { validatePlan } from "../../src/workbook/validatePlan";
import { writeXlsxBuffer } from "../../src/workbook/xlsx/writeXlsx";
import { writePlan } from "../../src/workbook/office/writePlan";
import { planCommissionWorkbook } from "../../src/generators/commission";
import { everyGeneratorPlan } from "../generators/allPlans";

const letters = "ABCDEFGHIJKLMNOP".split("");

/** Like the Deals sheet: 16 columns, header in row 1 frozen, table A1:P13. */
function dealsLike(): SheetPlan {
  const rows = Array.from({ length: 12 }, (_, r) => letters.map((_, c) => r * 16 + c));
  return {
    name: "Deals",
    blocks: [{ at: "A1", cells: [letters.map((l) => `Col ${l}`), ...rows] }],
    tables: [{ name: "Deals", range: "A1:P13" }],
    freeze: { rows: 1, columns: 2 },
  };
}

/** Like the commission Calc sheet: a title, a note, the table's header in row 3, 25 columns. */
function calcLike(): SheetPlan {
  const header = Array.from({ length: 25 }, (_, i) => `Step ${i + 1}`);
  return {
    name: "Calc's steps",
    blocks: [
      { at: "A1", cells: [["Commission calc"]] },
      { at: "A2", cells: [["One row per rep and period"]] },
      { at: "A3", cells: [header, header.map((_, i) => i)] },
    ],
    tables: [{ name: "Calc", range: "A3:Y4" }],
    freeze: { rows: 3, columns: 2 },
  };
}

function narrow(): SheetPlan {
  return {
    name: "Narrow",
    blocks: [{ at: "A1", cells: [["Rep", "Amount"], ["Ann", 5], ["Bob", 7]] }],
    tables: [{ name: "Narrow", range: "A1:B3" }],
  };
}

describe("defaultPrintSettings", () => {
  it("prints a wide sheet landscape, one page wide, its header row on every page", () => {
    expect(defaultPrintSettings(dealsLike())).toEqual({
      orientation: "landscape",
      fitToPagesWide: 1,
      fitToPagesTall: null,
      titleRows: { first: 1, last: 1 },
      area: "A1:P13",
    });
  });

  it("repeats the rows from 1 through the first table's header row", () => {
    expect(defaultPrintSettings(calcLike())).toMatchObject({
      orientation: "landscape",
      titleRows: { first: 1, last: 3 },
      area: "A1:Y4",
    });
  });

  it("prints a sheet of at most 8 columns portrait", () => {
    expect(defaultPrintSettings(narrow())).toEqual({
      orientation: "portrait",
      fitToPagesWide: 1,
      fitToPagesTall: null,
      titleRows: { first: 1, last: 1 },
      area: "A1:B3",
    });
    const eight: SheetPlan = { name: "Eight", blocks: [{ at: "A1", cells: [letters.slice(0, 8)] }] };
    expect(defaultPrintSettings(eight).orientation).toBe("portrait");
    const nine: SheetPlan = { name: "Nine", blocks: [{ at: "A1", cells: [letters.slice(0, 9)] }] };
    expect(defaultPrintSettings(nine).orientation).toBe("landscape");
  });

  it("repeats the frozen rows of a sheet without a table, and nothing without either", () => {
    const frozen: SheetPlan = { ...narrow(), tables: undefined, freeze: { rows: 2, columns: 1 } };
    expect(defaultPrintSettings(frozen).titleRows).toEqual({ first: 1, last: 2 });
    const columnsOnly: SheetPlan = { ...frozen, freeze: { rows: 0, columns: 1 } };
    expect(defaultPrintSettings(columnsOnly).titleRows).toBeUndefined();
    expect(defaultPrintSettings({ ...narrow(), tables: undefined }).titleRows).toBeUndefined();
  });

  it("takes the first table in plan order, wherever the others are", () => {
    const two: SheetPlan = {
      ...narrow(),
      blocks: [...narrow().blocks, { at: "A6", cells: [["Total"], [12]] }],
      tables: [{ name: "Later", range: "A6:A7" }, ...narrow().tables!],
    };
    expect(defaultPrintSettings(two).titleRows).toEqual({ first: 1, last: 6 });
  });

  it("prints the charts too: the area reaches the cell a chart's corner lands in", () => {
    // Columns A-B are 10 characters (75 px), the others 64 px; rows are 20 px.
    const withChart: SheetPlan = {
      ...narrow(),
      columnWidths: { A: 10, B: 10 },
      charts: [
        {
          type: "column",
          title: "Amount",
          categories: "A2:A3",
          series: [{ name: "Amount", values: "B2:B3" }],
          anchor: "D2",
          width: 128, // D and E exactly
          height: 100, // rows 2-6
        },
      ],
    };
    expect(defaultPrintSettings(withChart).area).toBe("A1:E6");
    // A chart-only sheet (the Dashboard) prints its charts.
    const dashboard: SheetPlan = {
      name: "Dashboard",
      blocks: [{ at: "A1", cells: [["Dashboard"]] }],
      charts: [{ ...withChart.charts![0], anchor: "A3", width: 650, height: 210 }],
    };
    expect(defaultPrintSettings(dashboard)).toEqual({
      orientation: "landscape",
      fitToPagesWide: 1,
      fitToPagesTall: null,
      area: "A1:K13",
    });
  });

  it("prints an empty sheet without an area", () => {
    expect(defaultPrintSettings({ name: "Empty", blocks: [] })).toEqual({
      orientation: "portrait",
      fitToPagesWide: 1,
      fitToPagesTall: null,
    });
  });
});

describe("preparation gives every sheet its print settings", () => {
  it("adds the defaults to sheets without print and keeps a sheet's own exactly", () => {
    const own = { ...narrow(), name: "Own", tables: [], print: {} };
    const set = { ...narrow(), name: "Set", tables: [], print: { orientation: "landscape" as const } };
    const { plan } = preparePlan({ sheets: [dealsLike(), own, set] });
    expect(plan.sheets[0].print).toEqual(defaultPrintSettings(dealsLike()));
    expect(plan.sheets[1].print).toEqual({});
    expect(plan.sheets[2].print).toEqual({ orientation: "landscape" });
    expect(resolvedPlan({ sheets: [calcLike()] }).sheets[0].print?.titleRows).toEqual({
      first: 1,
      last: 3,
    });
  });

  it("gives the generated Deals sheet and commission Calc sheet landscape, titles through their header", () => {
    const workbook = everyGeneratorPlan("en-US").workbook;
    const deals = preparePlan(workbook).plan.sheets.find((s) => s.tables?.[0]?.name === "Deals")!;
    expect(deals.print).toMatchObject({ orientation: "landscape", fitToPagesWide: 1, titleRows: { first: 1, last: 1 } });
    const commission = planCommissionWorkbook(
      { basis: "amount", method: "marginal", tiers: [{ from: 0, rate: 0.05 }, { from: 10000, rate: 0.1 }], quota: 20000 },
      { periods: ["2025-01"], reps: ["Ann"], credits: [{ rep: "Ann", period: 0, amount: 15000 }] },
      { locale: "en-US" },
    ) as WorkbookPlan;
    const calc = preparePlan(commission).plan.sheets.find((s) => s.tables?.[0]?.name === "CommissionCalc")!;
    const header = Number(/\d+/.exec(calc.tables![0].range)![0]);
    expect(calc.print).toMatchObject({ orientation: "landscape", titleRows: { first: 1, last: header } });
  });

  it("refuses print settings Excel cannot hold", () => {
    const bad = (print: SheetPlan["print"]) =>
      validatePlan({ sheets: [{ ...narrow(), print }] }).map((p) => p.where);
    expect(bad({ fitToPagesWide: 1.5 })).toEqual(["print"]);
    expect(bad({ fitToPagesTall: -1 })).toEqual(["print"]);
    expect(bad({ titleRows: { first: 3, last: 1 } })).toEqual(["print"]);
    expect(bad({ titleRows: { first: 0, last: 1 } })).toEqual(["print"]);
    expect(bad({ area: "Other!A1:B2" })).toEqual(["print"]);
    expect(bad({ area: "A1:XFE2" })).toEqual(["print"]);
    expect(bad({ fitToPagesWide: 1, fitToPagesTall: 0, titleRows: { first: 1, last: 1 }, area: "A1:B3" })).toEqual([]);
  });
});

describe("the .xlsx writer's print settings", () => {
  let zip: JSZip;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const buffer = await writeXlsxBuffer({
      sheets: [dealsLike(), calcLike(), narrow(), { ...narrow(), name: "Plain", tables: [], print: {} }],
    });
    zip = await JSZip.loadAsync(buffer);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  });
  const text = (name: string) => zip.file(name)!.async("string");

  it("puts fitToPage in sheetPr, the first element, and pageSetup after pageMargins", async () => {
    const sheet = await text("xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<worksheet [^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><sheetViews>/);
    const pageSetup = /<pageSetup [^>]*\/>/.exec(sheet)![0];
    expect(pageSetup).toContain('orientation="landscape"');
    expect(pageSetup).toContain('fitToWidth="1"');
    expect(pageSetup).toContain('fitToHeight="0"');
    const order = ["</sheetData>", "<pageMargins ", "<pageSetup ", "<tableParts "].map((tag) => sheet.indexOf(tag));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(await text("xl/worksheets/sheet3.xml")).toMatch(/<pageSetup [^>]*orientation="portrait"[^>]*fitToWidth="1" fitToHeight="0"/);
    const plain = await text("xl/worksheets/sheet4.xml");
    expect(plain).not.toContain("<sheetPr>");
    expect(plain).not.toContain("fitToHeight=\"0\"");
  });

  it("defines the print titles and areas per sheet, absolute and quoted", async () => {
    const book = await text("xl/workbook.xml");
    const names = Array.from(book.matchAll(/<definedName name="(_xlnm\.[^"]+)" localSheetId="(\d)">([^<]*)<\/definedName>/g), (m) => [m[1], m[2], m[3]]);
    expect(names).toEqual([
      ["_xlnm.Print_Titles", "0", "&apos;Deals&apos;!$1:$1"],
      ["_xlnm.Print_Area", "0", "&apos;Deals&apos;!$A$1:$P$13"],
      ["_xlnm.Print_Titles", "1", "&apos;Calc&apos;&apos;s steps&apos;!$1:$3"],
      ["_xlnm.Print_Area", "1", "&apos;Calc&apos;&apos;s steps&apos;!$A$1:$Y$4"],
      ["_xlnm.Print_Titles", "2", "&apos;Narrow&apos;!$1:$1"],
      ["_xlnm.Print_Area", "2", "&apos;Narrow&apos;!$A$1:$B$3"],
    ]);
  });

  it("reads back with ExcelJS", () => {
    const deals = workbook.getWorksheet("Deals")!.pageSetup;
    expect(deals).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1", printArea: "A1:P13" });
    expect(workbook.getWorksheet("Calc's steps")!.pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "1:3", printArea: "A1:Y4" });
    expect(workbook.getWorksheet("Narrow")!.pageSetup).toMatchObject({ orientation: "portrait", fitToPage: true, printArea: "A1:B3" });
    const plain = workbook.getWorksheet("Plain")!.pageSetup;
    expect(plain.fitToPage).toBeFalsy();
    expect(plain.printArea).toBeUndefined();
    expect(plain.printTitlesRow).toBeUndefined();
  });
});

describe("the Office writer's print settings", () => {
  const layoutEvents = (fake: FakeExcel): RecordedEvent[] =>
    fake.log.filter((e) => e.kind !== "sync" && e.object === "Worksheet.pageLayout");
  const plan = (): WorkbookPlan => ({ sheets: [calcLike(), narrow()] });

  it("sets orientation, fit, title rows and area on each sheet's page layout", async () => {
    const fake = new FakeExcel();
    const result = await writePlan(plan(), { run: fake.run, isSetSupported: () => true });
    expect(layoutEvents(fake).map((e) => (e.kind === "set" ? [e.property, e.value] : e.kind === "call" ? [e.method, ...e.args] : []))).toEqual([
      ["orientation", "Landscape"],
      ["zoom", { horizontalFitToPages: 1, verticalFitToPages: 0 }],
      ["setPrintTitleRows", "$1:$3"],
      ["setPrintArea", "$A$1:$Y$4"],
      ["orientation", "Portrait"],
      ["zoom", { horizontalFitToPages: 1, verticalFitToPages: 0 }],
      ["setPrintTitleRows", "$1:$1"],
      ["setPrintArea", "$A$1:$B$3"],
    ]);
    expect(fake.sheetByName("Calc's steps")!.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$3",
      printArea: "$A$1:$Y$4",
    });
    expect(result.notices).toEqual([]);
  });

  it("queues them with the sheet's structure: no sync of their own", async () => {
    const withPrint = new FakeExcel();
    await writePlan(plan(), { run: withPrint.run, isSetSupported: () => true });
    const without = new FakeExcel();
    const noPrint = { sheets: plan().sheets.map((s) => ({ ...s, print: {} })) };
    await writePlan(noPrint, { run: without.run, isSetSupported: () => true });
    expect(layoutEvents(without)).toEqual([]);
    expect(withPrint.syncCount).toBe(without.syncCount);
  });

  it("skips them with one notice below ExcelApi 1.9", async () => {
    const fake = new FakeExcel();
    const result = await writePlan(plan(), {
      run: fake.run,
      isSetSupported: (_n, v) => Number((v ?? "1.1").split(".")[1]) < 9,
    });
    expect(layoutEvents(fake)).toEqual([]);
    expect(result.notices).toEqual([
      `Print settings (orientation, fit to page width, print titles, print area) of "Calc's steps", "Narrow" were skipped: this Excel lacks ExcelApi 1.9.`,
    ]);
  });

  it("leaves the page setup of a sheet it writes into alone", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Mine" }] });
    await writePlan({ sheets: [narrow()] }, { run: fake.run, isSetSupported: () => true, target: { sheet: "Mine" } });
    expect(layoutEvents(fake)).toEqual([]);
    expect(fake.sheetByName("Mine")!.pageLayout.printArea).toBeNull();
  });
});

describe("the fake's page layout enforces what Excel does", () => {
  async function attempt(queue: (layout: Excel.PageLayout) => void): Promise<string> {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }, { name: "Other" }] });
    return fake
      .run(async (context) => {
        queue(context.workbook.worksheets.getItem("Sheet1").pageLayout);
        await context.sync();
        return "ok";
      })
      .catch((error: { code?: string }) => error.code ?? String(error));
  }

  it("accepts what the writer sends", async () => {
    expect(
      await attempt((l) => {
        l.orientation = "Landscape";
        l.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        l.setPrintTitleRows("$1:$3");
        l.setPrintArea("$A$1:$Y$4");
      }),
    ).toBe("ok");
    expect(await attempt((l) => l.setPrintArea("'Sheet1'!A1:B2,D1:D4"))).toBe("ok");
  });

  it("refuses what Excel refuses", async () => {
    expect(await attempt((l) => (l.orientation = "Sideways" as Excel.PageOrientation))).toBe("InvalidArgument");
    expect(await attempt((l) => (l.zoom = { scale: 5 }))).toBe("InvalidArgument");
    expect(await attempt((l) => (l.zoom = { horizontalFitToPages: 1.5 }))).toBe("InvalidArgument");
    expect(await attempt((l) => (l.zoom = { horizontalFitToPages: -1 }))).toBe("InvalidArgument");
    expect(await attempt((l) => l.setPrintTitleRows("A1:C3"))).toBe("InvalidArgument");
    expect(await attempt((l) => l.setPrintTitleRows("'Other'!$1:$3"))).toBe("InvalidArgument");
    expect(await attempt((l) => l.setPrintArea("Other!A1:B2"))).toBe("InvalidArgument");
    expect(await attempt((l) => l.setPrintArea("not a range"))).toBe("InvalidArgument");
  });

  it("reads zoom only after a load and sync", async () => {
    expect(await attempt((l) => void l.zoom)).toBe("PropertyNotLoaded");
  });
});
