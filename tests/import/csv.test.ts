import { guessDelimiter, readCsvRecords } from "../../src/import/csv";
import { ImportError } from "../../src/import/errors";
import type { RawRecord } from "../../src/import/records";

function read(text: string) {
  let header: string[] = [];
  let headerLine = 0;
  const records: RawRecord[] = [];
  const summary = readCsvRecords(text, {
    header: (cells, line) => {
      header = cells;
      headerLine = line;
      return true;
    },
    record: (record) => records.push(record),
  });
  return { header, headerLine, records, summary };
}

describe("readCsvRecords", () => {
  it("keeps quoted commas, doubled quotes and line breaks in one field", () => {
    const { header, records } = read('Name,Amount\r\n"Comma, Inc.",1\r\n"Say ""hi""",2\r\n"Two\r\nlines",3\r\n');
    expect(header).toEqual(["Name", "Amount"]);
    expect(records.map((r) => r.cells)).toEqual([
      ["Comma, Inc.", "1"],
      ['Say "hi"', "2"],
      ["Two\r\nlines", "3"],
    ]);
  });

  it("numbers records and physical lines, counting line breaks inside quotes", () => {
    // line 1 header; line 2 record 1 spans lines 2-4 (two breaks inside); record 2 on line 5.
    const { records } = read('a,b\n"x\ny\nz",1\nw,2\n');
    expect(records.map((r) => [r.record, r.line])).toEqual([
      [1, 2],
      [2, 5],
    ]);
  });

  it("reads LF and CRLF files alike", () => {
    expect(read("a,b\n1,2\n").records[0].cells).toEqual(["1", "2"]);
    expect(read("a,b\r\n1,2\r\n").records[0].cells).toEqual(["1", "2"]);
  });

  it("skips blank lines before the header", () => {
    const { header, headerLine, records } = read("\n\nName,Amount\nA,1\n");
    expect(header).toEqual(["Name", "Amount"]);
    expect(headerLine).toBe(3);
    expect(records[0].line).toBe(4);
  });

  it("skips blank records, counts them, and reads on after them, marking the record after a gap", () => {
    const { records, summary } = read('"Name","Amount"\r\n"A","1"\r\n"B","2"\r\n\r\n"Total","3"\r\n\r\n"Copyright"\r\n');
    expect(records.map((record) => [record.cells[0], record.line, record.afterBlank === true])).toEqual([
      ["A", 2, false],
      ["B", 3, false],
      ["Total", 5, true],
      ["Copyright", 7, true],
    ]);
    expect(summary).toEqual({ records: 4, blankLines: 2, delimiter: "," });
  });

  it("treats a row of bare separators as blank", () => {
    const { records, summary } = read("a,b\n1,2\n,\n3,4\n");
    expect(records.map((record) => record.cells)).toEqual([["1", "2"], ["3", "4"]]);
    expect(summary.blankLines).toBe(1);
  });

  it("reads Excel's sep= line as the separator, not as a record", () => {
    const { header, records } = read("sep=;\r\nName;Amount\r\nA;1,5\r\n");
    expect(header).toEqual(["Name", "Amount"]);
    expect(records[0]).toMatchObject({ line: 3, cells: ["A", "1,5"] });
  });

  it("guesses tab and semicolon separators", () => {
    expect(read("a\tb\n1,5\t2\n").records[0].cells).toEqual(["1,5", "2"]);
    expect(read("a;b\n1;2\n").records[0].cells).toEqual(["1", "2"]);
  });

  it("takes the separator from the first line that holds one: a report's title line above the header holds none", () => {
    expect(guessDelimiter("Pipeline report\r\n\r\nName;Amount\r\nA;1,5\r\n")).toBe(";");
    expect(guessDelimiter("Deals\nExported 2 June 2025\nName\tAmount\n")).toBe("\t");
    // The header's own separator wins over what a later line holds more of.
    expect(guessDelimiter("Name;Amount\nA, B, C and D;1\n")).toBe(";");
    expect(guessDelimiter("Only a title\n")).toBe(",");
  });

  it("offers the next non-blank row as the header while the visitor refuses one, and numbers records from the header taken", () => {
    const offered: [string[], number][] = [];
    const records: RawRecord[] = [];
    const summary = readCsvRecords("Title\n\nRun 2 June\nName,Amount\n\nA,1\nB,2\n", {
      header: (cells, line) => {
        offered.push([cells, line]);
        return cells[0] === "Name";
      },
      record: (record) => records.push(record),
    });
    expect(offered).toEqual([
      [["Title"], 1],
      [["Run 2 June"], 3],
      [["Name", "Amount"], 4],
    ]);
    expect(records.map((record) => [record.record, record.line, record.cells])).toEqual([
      [1, 6, ["A", "1"]],
      [2, 7, ["B", "2"]],
    ]);
    // The blank lines above the header are not among the data's.
    expect(summary).toMatchObject({ records: 2, blankLines: 1 });
  });

  it("throws the visitor's reason when no row is taken as the header", () => {
    const visitor = {
      header: () => false,
      headerMissing: () => {
        throw new Error("no row names the columns");
      },
      record: () => undefined,
    };
    expect(() => readCsvRecords("Title\nStill a title\n", visitor)).toThrow("no row names the columns");
  });

  it("flags broken quoting on the record", () => {
    const { records } = read('a,b\n"open,1\n');
    expect(records[0].malformed).toBeDefined();
  });

  it("throws an ImportError for an empty file", () => {
    expect(() => read("")).toThrow(ImportError);
    expect(() => read("\n\n")).toThrow(/no header/);
  });
});
