/**
 * LibreOffice as the outside referee for generated workbooks (integration tests only).
 *
 * - `recalculateWithLibreOffice` opens an .xlsx in a headless LibreOffice whose fresh profile
 *   forces a full recalculation on load (OOXMLRecalcMode 0), and saves it back as .xlsx, so
 *   every formula carries the value LibreOffice computed.
 * - `readValues` reads a rectangle of computed values back with ExcelJS.
 * - `renderToPng` prints the workbook to PDF and turns each page into a PNG for a person to look at.
 *
 * Every call uses its own profile directory, so several tests (or processes) may run at once.
 *
 * @example
 * const recalculated = await recalculateWithLibreOffice("out/example.xlsx", "out/lo");
 * const values = await readValues(recalculated, "Funnel", "C4:C8"); // [[120], [60], ...]
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";

export type ReadValue = number | string | boolean | null;

const SOFFICE_TIMEOUT_MS = 240_000;

const RECALC_ALWAYS_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

function run(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: SOFFICE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** A fresh LibreOffice profile that recalculates every formula on load; returns its directory. */
async function freshProfile(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-lo-profile-"));
  await fs.mkdir(path.join(dir, "user"), { recursive: true });
  await fs.writeFile(
    path.join(dir, "user", "registrymodifications.xcu"),
    RECALC_ALWAYS_PROFILE,
    "utf8",
  );
  return dir;
}

async function convertWithSoffice(
  input: string,
  outDir: string,
  convertTo: string,
  outExtension: string,
  outName: string,
): Promise<string> {
  const profile = await freshProfile();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-lo-out-"));
  try {
    await run("soffice", [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      convertTo,
      "--outdir",
      work,
      path.resolve(input),
    ]);
    const produced = path.join(
      work,
      `${path.basename(input, path.extname(input))}.${outExtension}`,
    );
    await fs.access(produced).catch(() => {
      throw new Error(`LibreOffice did not produce ${produced} from ${input}`);
    });
    await fs.mkdir(outDir, { recursive: true });
    const target = path.join(path.resolve(outDir), outName);
    await fs.copyFile(produced, target);
    return target;
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * Recalculates an .xlsx in headless LibreOffice (full recalculation on load) and saves the
 * result as `<name>.recalculated.xlsx` in `outDir`. Resolves with that file's path.
 */
export async function recalculateWithLibreOffice(
  xlsxPath: string,
  outDir: string,
): Promise<string> {
  const base = path.basename(xlsxPath, path.extname(xlsxPath));
  return convertWithSoffice(
    xlsxPath,
    outDir,
    "xlsx:Calc MS Excel 2007 XML",
    "xlsx",
    `${base}.recalculated.xlsx`,
  );
}

function cellValue(value: ExcelJS.CellValue): ReadValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  // ExcelJS turns date-formatted numbers into Dates: give back the Excel serial number.
  if (value instanceof Date) return (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof value === "object") {
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined) return null;
      return cellValue(result as ExcelJS.CellValue);
    }
    if ("richText" in value)
      return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  }
  return String(value);
}

/**
 * Reads computed values of `range` ("B2:D5" or "B2") on `sheet` of an .xlsx, row by row.
 * Formula cells give their cached result; errors give their text ("#DIV/0!"); empty cells null;
 * date-formatted cells their Excel serial number (2024-03-15 -> 45366).
 */
export async function readValues(
  xlsxPath: string,
  sheet: string,
  range: string,
): Promise<ReadValue[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`No sheet named ${sheet} in ${xlsxPath}`);
  const [a, b] = range.split(":");
  const start = worksheet.getCell(a);
  const end = worksheet.getCell(b ?? a);
  const rows: ReadValue[][] = [];
  for (let r = Number(start.row); r <= Number(end.row); r++) {
    const row: ReadValue[] = [];
    for (let c = Number(start.col); c <= Number(end.col); c++)
      row.push(cellValue(worksheet.getCell(r, c).value));
    rows.push(row);
  }
  return rows;
}

/**
 * Prints the workbook to PDF with LibreOffice, one page per sheet whatever its size
 * (SinglePageSheets), then each page to PNG with pdftoppm.
 * Resolves with the PNG paths (`<name>-1.png`, `<name>-2.png`, ...) in `outDir`.
 */
export async function renderToPng(
  xlsxPath: string,
  outDir: string,
  resolutionDpi = 70,
): Promise<string[]> {
  const base = path.basename(xlsxPath, path.extname(xlsxPath));
  const pdf = await convertWithSoffice(
    xlsxPath,
    outDir,
    'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
    "pdf",
    `${base}.pdf`,
  );
  const prefix = path.join(path.resolve(outDir), base);
  await run("pdftoppm", ["-png", "-r", String(resolutionDpi), pdf, prefix]);
  const files = await fs.readdir(path.resolve(outDir));
  return files
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".png"))
    .sort((x, y) => Number(/-(\d+)\.png$/.exec(x)?.[1]) - Number(/-(\d+)\.png$/.exec(y)?.[1]))
    .map((f) => path.join(path.resolve(outDir), f));
}
