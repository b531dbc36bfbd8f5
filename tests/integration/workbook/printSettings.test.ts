import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import JSZip from "jszip";
import { SheetPlan, WorkbookPlan } from "../../../src/workbook/plan";
import { writeXlsxFile } from "../../../src/workbook/xlsx/writeXlsx";

/**
 * Print settings read back by LibreOffice: the writer's .xlsx converted to .ods, whose
 * content.xml holds each sheet's print ranges and repeated header rows and whose styles.xml
 * holds each sheet's page layout (orientation, fit to pages across).
 */

const columns = Array.from({ length: 20 }, (_, i) => String.fromCharCode(65 + i));

/** 20 columns, a title, a subtitle and the table's header in row 3, 60 rows. */
function wide(): SheetPlan {
  const rows = Array.from({ length: 60 }, (_, r) => columns.map((_, c) => r * 100 + c));
  return {
    name: "Calc's steps",
    blocks: [
      { at: "A1", cells: [["Commission calc"]] },
      { at: "A2", cells: [["One row per rep and period"]] },
      { at: "A3", cells: [columns.map((c) => `Step ${c}`), ...rows] },
    ],
    tables: [{ name: "Calc", range: "A3:T63" }],
    freeze: { rows: 3, columns: 1 },
  };
}

function narrow(): SheetPlan {
  return {
    name: "Narrow",
    blocks: [{ at: "A1", cells: [["Rep", "Amount"], ["Ann", 5], ["Bob", 7]] }],
    tables: [{ name: "Narrow", range: "A1:B3" }],
  };
}

function soffice(args: string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile("soffice", args, { timeout: 240_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`soffice failed: ${error.message}\n${stderr}`)) : resolve(),
    ),
  );
}

/** Converts `file` with a fresh LibreOffice profile; returns the converted file's path. */
async function convert(file: string, to: string, outDir: string): Promise<string> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-lo-profile-"));
  try {
    await soffice([
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      file,
    ]);
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  return path.join(outDir, `${path.basename(file, ".xlsx")}.${to}`);
}

const attr = (xml: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

interface SheetPrint {
  printRanges?: string;
  headerRows: number;
  orientation?: string;
  scaleToX?: string;
  scaleToY?: string;
}

/** What LibreOffice holds of each sheet's print settings, by sheet name. */
async function odsPrintSettings(ods: string): Promise<Map<string, SheetPrint>> {
  const zip = await JSZip.loadAsync(await fs.readFile(ods));
  const content = await zip.file("content.xml")!.async("string");
  const styles = await zip.file("styles.xml")!.async("string");
  const masterOf = new Map(
    Array.from(content.matchAll(/<style:style [^>]*style:family="table"[^>]*>/g), (m) => [
      attr(m[0], "style:name")!,
      attr(m[0], "style:master-page-name")!,
    ]),
  );
  const layoutOf = new Map(
    Array.from(styles.matchAll(/<style:master-page [^>]*>/g), (m) => [
      attr(m[0], "style:name")!,
      attr(m[0], "style:page-layout-name")!,
    ]),
  );
  const properties = new Map(
    Array.from(
      styles.matchAll(/<style:page-layout style:name="([^"]+)"[^>]*>\s*<style:page-layout-properties [^>]*>/g),
      (m) => [m[1], m[0]],
    ),
  );
  const sheets = new Map<string, SheetPrint>();
  for (const m of content.matchAll(/<table:table [^>]*>([\s\S]*?)<\/table:table>/g)) {
    const open = /<table:table [^>]*>/.exec(m[0])![0];
    const header = /<table:table-header-rows>([\s\S]*?)<\/table:table-header-rows>/.exec(m[1]);
    let headerRows = 0;
    for (const row of header?.[1].matchAll(/<table:table-row\b[^>]*>/g) ?? [])
      headerRows += Number(attr(row[0], "table:number-rows-repeated") ?? 1);
    const page = properties.get(layoutOf.get(masterOf.get(attr(open, "table:style-name")!)!)!) ?? "";
    const printRanges = attr(open, "table:print-ranges");
    const scaleToY = attr(page, "style:scale-to-Y");
    sheets.set(attr(open, "table:name")!.replace(/&apos;/g, "'"), {
      ...(printRanges !== undefined ? { printRanges: printRanges.replace(/&apos;/g, "'") } : {}),
      headerRows,
      orientation: attr(page, "style:print-orientation"),
      scaleToX: attr(page, "style:scale-to-X"),
      ...(scaleToY !== undefined ? { scaleToY } : {}),
    });
  }
  return sheets;
}

describe("print settings through LibreOffice", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-print-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("reads the orientation, fit to one page wide, print titles and print area of every sheet", async () => {
    const plan: WorkbookPlan = {
      sheets: [wide(), narrow(), { ...narrow(), name: "Plain", tables: [], print: {} }],
    };
    const xlsx = path.join(dir, "print.xlsx");
    await writeXlsxFile(plan, xlsx);
    const sheets = await odsPrintSettings(await convert(xlsx, "ods", dir));
    expect(sheets.get("Calc's steps")).toEqual({
      printRanges: "'Calc''s steps'.A1:'Calc''s steps'.T63",
      headerRows: 3,
      orientation: "landscape",
      scaleToX: "1",
    });
    expect(sheets.get("Narrow")).toEqual({
      printRanges: "Narrow.A1:Narrow.B3",
      headerRows: 1,
      orientation: "portrait",
      scaleToX: "1",
    });
    const plain = sheets.get("Plain")!;
    expect(plain.printRanges).toBeUndefined();
    expect(plain.headerRows).toBe(0);
    expect(plain.scaleToX).toBeUndefined();
  });

  it("prints a 20-column sheet one page wide, fewer pages than without print settings", async () => {
    const pages = async (name: string, sheet: SheetPlan): Promise<number> => {
      const xlsx = path.join(dir, `${name}.xlsx`);
      await writeXlsxFile({ sheets: [sheet] }, xlsx);
      const pdf = await fs.readFile(await convert(xlsx, "pdf", dir), "latin1");
      return pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    };
    const fitted = await pages("fitted", wide());
    const unfitted = await pages("unfitted", { ...wide(), print: {} });
    expect(fitted).toBeGreaterThanOrEqual(1);
    expect(fitted).toBeLessThan(unfitted);
  });
});
