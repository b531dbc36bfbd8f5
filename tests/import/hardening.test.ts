/**
 * Hostile CRM exports: texts longer than an Excel cell, currency cells that are not
 * currencies, more rows than a sheet holds.
 */
import { parseCrmExport, parseCrmText, parseCrmTextInSlices } from "../../src/import";
import { ImportError, isNotice } from "../../src/import/errors";
import { CUT_MARKER, cutText, DEFAULT_IMPORT_LIMITS, EXCEL_CELL_CHARS } from "../../src/import/limits";
import { parseCurrencyCode } from "../../src/import/values";
import { importText } from "../../src/i18n/import";
import ExcelJS from "exceljs";

/** A CSV field, quoted. */
function q(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const HEADER = "ID,Name,Customer,Owner,Amount,Currency,Stage,Status,Source,Close Date";

function csv(rows: string[][]): string {
  return [HEADER, ...rows.map((row) => row.map(q).join(","))].join("\n") + "\n";
}

const long = (letter: string, length = 40000) => letter.repeat(length);

describe("texts longer than an Excel cell", () => {
  it("cuts to exactly 32,767 characters ending in the marker, and keeps a pair whole", () => {
    const cut = cutText("x".repeat(40000))!;
    expect(cut.length).toBe(EXCEL_CELL_CHARS);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
    expect(cut.slice(0, -CUT_MARKER.length)).toBe("x".repeat(EXCEL_CELL_CHARS - CUT_MARKER.length));
    expect(cutText("x".repeat(EXCEL_CELL_CHARS))).toBeNull();
    // "𠮷" is two code units; a cut that would split it drops the high surrogate too.
    const pairs = "a" + "𠮷".repeat(20000);
    const kept = cutText(pairs)!;
    expect(kept.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
    expect(kept.slice(0, -CUT_MARKER.length)).toBe("a" + "𠮷".repeat((EXCEL_CELL_CHARS - CUT_MARKER.length - 1) >> 1));
  });

  it("cuts a 40,000-character name, imports the deal and reports a notice, not a row left out", () => {
    const name = "N" + long("n", 39999);
    const result = parseCrmText(csv([["D-1", name, "Acme", "Ann", "100", "USD", "Won", "", "Web", "2025-01-05"]]));
    expect(result.deals).toHaveLength(1);
    const deal = result.deals[0];
    expect(deal.name.length).toBe(EXCEL_CELL_CHARS);
    expect(deal.name).toBe(name.slice(0, EXCEL_CELL_CHARS - CUT_MARKER.length) + "…[cut]");
    expect(deal.amount).toBe(100);
    expect(result.stats).toMatchObject({ records: 1, imported: 1, skipped: 0, notices: 1, cut: 1, won: 1 });
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({
      record: 1,
      line: 2,
      id: "D-1",
      reason: "textCut",
      column: "Name",
      originalLength: 40000,
      messageKey: "row.textCut",
    });
    expect(issue.name).toBe(deal.name);
    expect(isNotice(issue)).toBe(true);
    expect(issue.message).toBe(
      'The text in column "Name" has 40000 characters, more than an Excel cell holds (32767): it was cut to its first 32761 characters followed by "…[cut]". The deal is imported.',
    );
    expect(importText("zh-CN", issue.messageKey, issue.messageValues)).toContain("已截断为前 32761 个字符");
  });

  it("cuts every text field of a deal: id, name, customer, owner, stage label, source", () => {
    const row = [long("i"), long("n"), long("c"), long("o"), "100", "EUR", long("s"), "Won", long("r"), "2025-01-05"];
    const result = parseCrmText(csv([row]));
    expect(result.deals).toHaveLength(1);
    const deal = result.deals[0];
    for (const field of ["id", "name", "customer", "owner", "stage", "source"] as const) {
      expect([field, deal[field].length, deal[field].endsWith(CUT_MARKER)]).toEqual([field, EXCEL_CELL_CHARS, true]);
    }
    expect(deal.currency).toBe("EUR");
    expect(result.issues.map((issue) => issue.column)).toEqual(["ID", "Name", "Customer", "Owner", "Stage", "Source"]);
    expect(result.issues.every((issue) => issue.reason === "textCut" && issue.originalLength === 40000)).toBe(true);
    expect(result.stats).toMatchObject({ imported: 1, skipped: 0, notices: 6, cut: 6 });
  });

  it("keeps a row left out with its long name and value cut to fit the ImportIssues sheet", () => {
    // With the stages given, a label outside them is an unknown stage (not a new stage).
    const result = parseCrmText(csv([[long("i"), long("n"), "Acme", "Ann", "100", "USD", long("s"), "", "Web", "2025-01-05"]]), {
      pipeline: { stages: [{ name: "Open", probability: 0.5 }] },
    });
    expect(result.deals).toHaveLength(0);
    expect(result.stats).toMatchObject({ skipped: 1, notices: 0, cut: 0 });
    const [issue] = result.issues;
    expect(issue.reason).toBe("stage");
    expect(issue.id.length).toBe(EXCEL_CELL_CHARS);
    expect(issue.name.length).toBe(EXCEL_CELL_CHARS);
    expect(issue.message.length).toBeLessThan(1100);
    expect(String(issue.messageValues.value)).toBe("s".repeat(1000 - CUT_MARKER.length) + CUT_MARKER);
  });

  it("cuts the same in an .xlsx export", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Deals");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(["D-1", long("n"), "Acme", "Ann", 100, "USD", "Won", "", "Web", "2025-01-05"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await parseCrmExport(bytes);
    expect(result.deals[0].name.length).toBe(EXCEL_CELL_CHARS);
    expect(result.issues).toEqual([expect.objectContaining({ reason: "textCut", line: 2, column: "Name", originalLength: 40000 })]);
  });

  it("lowers the cell bound when a host asks", () => {
    const result = parseCrmText(csv([["D-1", "abcdefghijkl", "Acme", "Ann", "1", "USD", "Won", "", "", ""]]), { limits: { cellChars: 10 } });
    expect(result.deals[0].name).toBe("abcd…[cut]");
  });
});

describe("currency cells", () => {
  const HOSTILE = ['"$";[Red]', 'USD"#', long("U", 500), "[Red]", "US D", "US\u0000D", "€;", "dollars", "0.00"];

  it("accepts only three-letter codes and known symbols", () => {
    expect(parseCurrencyCode("usd")).toBe("USD");
    expect(parseCurrencyCode(" CHF ")).toBe("CHF");
    expect(parseCurrencyCode("￥")).toBe("CNY");
    expect(parseCurrencyCode("HK$")).toBe("HKD");
    for (const value of HOSTILE) expect([value, parseCurrencyCode(value)]).toEqual([value, null]);
  });

  it("ignores a hostile currency cell, keeps the deal in the amount's or the default currency, and says so", () => {
    const rows = HOSTILE.map((currency, i) => [`D-${i}`, `Deal ${i}`, "Acme", "Ann", i === 0 ? "€100" : "100", currency, "Won", "", "", "2025-01-05"]);
    const result = parseCrmText(csv(rows));
    expect(result.deals).toHaveLength(HOSTILE.length);
    expect(result.deals.map((deal) => deal.currency)).toEqual(["EUR", ...HOSTILE.slice(1).map(() => "USD")]);
    expect(result.stats).toMatchObject({ imported: HOSTILE.length, skipped: 0, notices: HOSTILE.length, cut: 0 });
    expect(result.issues.every((issue) => issue.reason === "currency" && issue.column === "Currency")).toBe(true);
    expect(result.issues[1].message).toBe('"USD"#" in column "Currency" is not a currency code (three letters such as USD) or symbol: the deal is imported in USD.');
    expect(String(result.issues[2].messageValues.value)).toBe(long("U", 500));
  });

  it("normalizes a good currency cell and uses options.currency as the fallback", () => {
    const result = parseCrmText(csv([["D-1", "A", "", "", "1", " eur ", "Won", "", "", ""], ["D-2", "B", "", "", "1", "", "Won", "", "", ""]]), { currency: "gbp" });
    expect(result.deals.map((deal) => deal.currency)).toEqual(["EUR", "GBP"]);
    expect(result.issues).toEqual([]);
  });

  it("refuses a currency option that is not a currency before reading", () => {
    expect(() => parseCrmText(csv([]), { currency: '"$";[Red]' })).toThrow(ImportError);
    try {
      parseCrmText(csv([]), { currency: 'USD"#' });
    } catch (error) {
      expect((error as ImportError).messageKey).toBe("error.badCurrencyOption");
    }
  });
});

describe("more rows than an Excel sheet holds", () => {
  const row = (i: number) => `D-${i},Deal ${i},Acme,Ann,100,USD,Won,,,2025-01-05`;
  const rows = (count: number) => [HEADER, ...Array.from({ length: count }, (_, i) => row(i + 1))].join("\n") + "\n";

  // The bound is lowered in these tests: a real 1,048,576-row export takes over 10 s to read.
  it("chooses Excel's rows minus the Deals header", () => {
    expect(DEFAULT_IMPORT_LIMITS.maxRecords).toBe(1048575);
  });

  it("reads up to the bound and refuses one row more, stopping there", () => {
    expect(parseCrmText(rows(10), { limits: { maxRecords: 10 } }).stats.imported).toBe(10);
    let seen = 0;
    const error = (() => {
      try {
        parseCrmText(rows(50), { limits: { maxRecords: 10 }, onProgress: ({ rowsDone }) => (seen = Math.max(seen, rowsDone)) });
      } catch (caught) {
        return caught as ImportError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect(error!.messageKey).toBe("error.tooManyRows");
    expect(error!.message).toBe(
      "The file has more than 10 data rows: an Excel sheet holds 11 rows, one of them the header. Split the export (by date or owner) and import each part.",
    );
    expect(seen).toBe(0); // refused mid-read: the final progress call never came
  });

  it("refuses in slices too, and in an .xlsx", async () => {
    await expect(parseCrmTextInSlices(rows(30), { limits: { maxRecords: 10 }, slices: 64 })).rejects.toMatchObject({ messageKey: "error.tooManyRows" });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Deals");
    sheet.addRow(HEADER.split(","));
    for (let i = 1; i <= 12; i++) sheet.addRow(row(i).split(","));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(parseCrmExport(bytes, { limits: { maxRecords: 11 } })).rejects.toMatchObject({ messageKey: "error.tooManyRows" });
    expect((await parseCrmExport(bytes, { limits: { maxRecords: 12 } })).stats.imported).toBe(12);
  });
});
