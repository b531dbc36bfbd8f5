/**
 * The same real exports saved as .xlsx (a manager opens the CSV in Excel and saves it): blank
 * rows, a report's title above its header, its footer, a stray row and day-first dates must
 * be read as in the CSV. The expectations come from the rows the fixtures were written from
 * (expected.ts), never from the importer.
 */
import ExcelJS from "exceljs";
import { isNotice } from "../../src/import/errors";
import { parseCrmExport } from "../../src/import/normalize";
import { handKeptWithStrayRow, pipedrive, RealExport, salesforceReportFooter, titledFixtures, ukDates, withBlankLineInData } from "../fixtures/realExports/exports";
import { centsOf, expectedImport } from "../fixtures/realExports/expected";

/**
 * The fixture as a sheet: row n of the sheet is line n of the CSV (header on row 1, a blank
 * line an empty row); a cell holding only digits (with an optional decimal part) is stored as
 * a number, as Excel stores what it reads as one; every other cell is text as written.
 */
async function asXlsx(fixture: RealExport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Export");
  const cellOf = (text: string): string | number => (/^\d{1,15}(\.\d+)?$/.test(text) ? Number(text) : text);
  const title = fixture.title ?? [];
  title.forEach((cells, i) => {
    if (cells.length > 0) sheet.getRow(i + 1).values = cells;
  });
  sheet.getRow(title.length + 1).values = fixture.header;
  fixture.rows.forEach((row, i) => {
    if (row.kind === "blank") return;
    sheet.getRow(title.length + i + 2).values = row.cells.map(cellOf);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const FIXTURES = [withBlankLineInData(pipedrive(30)), salesforceReportFooter(40), handKeptWithStrayRow(24), ukDates(40), ...titledFixtures()];

describe("real exports saved as .xlsx, no options", () => {
  for (const fixture of FIXTURES) {
    it(`${fixture.name}: every deal, the won sum, the rows left out, blank rows and footer as in the CSV`, async () => {
      const expected = expectedImport(fixture);
      const result = await parseCrmExport(await asXlsx(fixture));
      expect(result.stats.format).toBe("xlsx");
      expect(result.deals.length).toBe(expected.deals.length);
      expect({ open: result.stats.open, won: result.stats.won, lost: result.stats.lost }).toEqual({ open: expected.open, won: expected.won, lost: expected.lost });
      expect(centsOf(result.deals.filter((deal) => deal.status === "won").map((deal) => deal.amount))).toBe(expected.wonSumCents);
      expect(result.issues.filter((issue) => !isNotice(issue)).map((issue) => issue.line)).toEqual(expected.rejectedLines);
      expect(result.detected.footer.map((line) => line.line)).toEqual(expected.footer.map((line) => line.line));
      expect(result.detected.headerLine).toBe(expected.headerLine);
      expect(result.detected.title.map((line) => line.line)).toEqual(expected.title.map((line) => line.line));
      if (expected.footer.length === 0) expect(result.detected.blankLines).toBe(expected.blankLines);
      if (fixture.dateOrder) expect([result.detected.dateOrder, result.detected.dateOrderBasis]).toEqual([fixture.dateOrder.order, fixture.dateOrder.basis]);
      expect(result.deals.map((deal) => deal.owner)).toEqual(expected.deals.map((deal) => deal.facts.owner));
    });
  }
});
