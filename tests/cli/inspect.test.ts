import { parseCliArgs } from "../../src/cli/args";
import { runInspect } from "../../src/cli/inspect";
import { EXIT, runCli } from "../../src/cli/run";
import { renderFxiaoke } from "../fixtures/generateExports";
import { fakeCliIO } from "../support/cliIO";

/** Characters a terminal would act on (written out here, not imported). */
const TERMINAL_CONTROL = /[\x00-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]/;

const fakeIO = fakeCliIO;

/** Runs `salesquant inspect <argv>` in-process through the inspect function. */
async function inspect(files: Record<string, Uint8Array | string>, argv: string[]) {
  const parsed = parseCliArgs(["inspect", ...argv]);
  if (parsed.kind !== "inspect") throw new Error(`not an inspect command: ${JSON.stringify(parsed)}`);
  const { io, out, err, written } = fakeIO(files);
  const code = await runInspect(parsed.args, io);
  expect(written).toEqual({});
  return { code, out, err, text: out.join("\n") };
}

/** The line that starts with this label. */
function line(out: string[], label: string): string {
  const found = out.find((l) => l.startsWith(label));
  if (found === undefined) throw new Error(`no line starting with "${label}" in:\n${out.join("\n")}`);
  return found;
}

// A Zoho export: the signature headers, ISO dates, whole amounts, one won deal without an amount.
const ZOHO = [
  "Deal Name,Deal Owner,Account Name,Amount,Stage,Closing Date",
  "Alpha,Ann,Acme,1000,Qualification,2025-03-05",
  "Beta,Bob,Bolt,2500,Needs Analysis,2025-04-01",
  "Gamma,Ann,Core,4000,Closed Won,2025-02-10",
  "Delta,Cy,Dyn,,Closed Won,2025-02-11",
  "Eps,Cy,Echo,700,Closed Lost,2025-01-20",
].join("\n");

// A German re-save: ";" between fields, decimal commas, day-first dates, German headers and stages.
const GERMAN = [
  "Verkaufschance;Besitzer;Betrag;Phase;Schlusstermin",
  "Alpha GmbH;Anna;1.234,50;Qualifizierung;13/04/2025",
  "Beta AG;Bernd;200,00;Angebot;02/05/2025",
  "Gamma KG;Anna;5.000,00;Gewonnen;28/02/2025",
].join("\n");
const GERMAN_MAP = ["--map", "name=Verkaufschance", "--map", "owner=Besitzer", "--map", "amount=Betrag", "--map", "stage=Phase", "--map", "closeDate=Schlusstermin", "--won", "Gewonnen"];

describe("salesquant inspect", () => {
  it("describes a Zoho export: preset, encoding, columns, counts, the issues and the command", async () => {
    const { code, out, err } = await inspect({ "deals.csv": `\ufeff${ZOHO}` }, ["--input", "deals.csv"]);
    expect(err).toEqual([]);
    expect(code).toBe(EXIT.done);
    expect(out[0]).toBe("File            deals.csv (269 bytes)");
    expect(line(out, "Format")).toBe("Format          CSV text");
    expect(line(out, "Encoding")).toBe("Encoding        utf-8 (the file starts with the UTF-8 byte-order mark EF BB BF)");
    expect(line(out, "Preset")).toBe("Preset          zoho, from the headers (columns only that CRM exports)");
    const columns = out.indexOf("Columns (field -> column of the file):");
    expect(out.slice(columns + 1, columns + 8)).toEqual([
      '  name             "Deal Name"',
      '  customer         "Account Name"',
      '  owner            "Deal Owner"',
      '  amount           "Amount"',
      '  closeDate        "Closing Date"',
      '  stage            "Stage"',
      "  not mapped       id, actualAmount, currency, createdDate, actualCloseDate, probability, status, isWon, isClosed, source, pipeline",
    ]);
    const counts = out.indexOf("Counts:");
    expect(out.slice(counts, counts + 5)).toEqual([
      "Counts:",
      "  records       5",
      "  imported      4 (2 open, 1 won, 1 lost)",
      "  left out      1",
      "  notices       0",
    ]);
    expect(line(out, "Outcome")).toBe("Outcome         build would write 4 deals; with --strict it would stop (exit 4): 1 row left out");
    expect(line(out, "Issues")).toBe("Issues (1; 1 left out, 0 notices):");
    expect(out).toContain('  line 5 (record 4): The deal is won but has no amount (column "Amount").');
    expect(out[out.length - 2]).toBe("The same import with every setting as a flag (change one to correct it):");
    expect(out[out.length - 1]).toBe(
      "salesquant build --input deals.csv --out deals.xlsx --preset zoho --encoding utf-8 --date-order MDY --decimal-mark . " +
        "--map 'name=Deal Name' --map 'customer=Account Name' --map 'owner=Deal Owner' --map amount=Amount --map 'closeDate=Closing Date' --map stage=Stage",
    );
  });

  it("lists the stages with their deals, won and lost labels last", async () => {
    const { out } = await inspect({ "deals.csv": ZOHO }, ["--input", "deals.csv"]);
    const stages = out.indexOf("Stages (pipeline order, deals at each):");
    expect(out.slice(stages + 1, stages + 5)).toEqual([
      "  Qualification   1  open",
      "  Needs Analysis  1  open",
      "  Closed Won      1  won",
      "  Closed Lost     1  lost",
    ]);
    expect(out[stages + 5]).toMatch(/^ {2}unused stages of the preset \(no deal\): Value Proposition, Id\. Decision Makers, /);
  });

  it("says which options were given, and --map columns, and the command keeps them", async () => {
    const csv = "Deal Name,Rep,Deal size,Stage\nA,Ann,1000,Qualification\nB,Bob,2500,Closed Won\n";
    const { code, out } = await inspect({ "m.csv": csv }, [
      "--input", "m.csv", "--preset", "zoho", "--encoding", "utf-8", "--date-order", "DMY", "--map", "amount=Deal size", "--map", "owner=Rep",
      "--currency", "eur",
    ]);
    expect(code).toBe(EXIT.done);
    expect(line(out, "Preset")).toBe("Preset          zoho, as given (--preset zoho)");
    expect(line(out, "Encoding")).toBe("Encoding        utf-8 (as given: --encoding utf-8)");
    expect(line(out, "Date order")).toBe("Date order      DMY, as given (--date-order)");
    expect(out).toContain('  owner            "Rep" (--map)');
    expect(out).toContain('  amount           "Deal size" (--map)');
    expect(line(out, "  imported")).toBe("  imported      2 (1 open, 1 won, 0 lost)");
    expect(out[out.length - 1]).toMatch(/ --date-order DMY .*--currency EUR .*--map owner=Rep --map 'amount=Deal size' --map stage=Stage$/);
  });

  it("reads a GB18030 Fxiaoke export and says why GB18030", async () => {
    const fixture = renderFxiaoke(3, 20);
    const { code, out } = await inspect({ "fx.csv": fixture.bytes }, ["--input", "fx.csv"]);
    expect(code).toBe(EXIT.done);
    expect(line(out, "Encoding")).toBe("Encoding        gb18030 (no byte-order mark and not valid UTF-8; of the other encodings, the one that fits the bytes best)");
    expect(line(out, "Preset")).toMatch(/^Preset {10}fxiaoke, from the headers/);
    expect(line(out, "  records")).toBe("  records       20");
    expect(out[out.length - 1]).toMatch(/^salesquant build --input fx\.csv --out fx\.xlsx --preset fxiaoke --encoding gb18030 /);
  });

  it("lists the first 10 issues, then how many more", async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `D${i},Ann,100,Qualification,extra`);
    const csv = ["Deal Name,Deal Owner,Amount,Stage", "Good,Ann,100,Qualification", ...rows].join("\n");
    const { code, out } = await inspect({ "d.csv": csv }, ["--input", "d.csv"]);
    expect(code).toBe(EXIT.done);
    const issues = out.indexOf("Issues (first 10 of 12; 12 left out, 0 notices):");
    expect(issues).toBeGreaterThan(0);
    expect(out[issues + 1]).toBe("  line 3 (record 2): The row has 5 fields; the header has 4.");
    expect(out[issues + 10]).toBe("  line 12 (record 11): The row has 5 fields; the header has 4.");
    expect(out[issues + 11]).toBe("  ... and 2 more.");
    expect(line(out, "Outcome")).toBe("Outcome         build would write 1 deal; with --strict it would stop (exit 4): 12 rows left out");
  });

  it("describes a file whose every row is left out, exit 0, saying build would stop", async () => {
    const csv = "Deal Name,Deal Owner,Amount,Stage\nA,Ann,100,Qualification,x\nB,Bob,200\n";
    const { code, out } = await inspect({ "d.csv": csv }, ["--input", "d.csv"]);
    expect(code).toBe(EXIT.done);
    expect(line(out, "Outcome")).toBe("Outcome         build would stop (exit 3): every row would be left out");
    expect(line(out, "  imported")).toBe("  imported      0 (0 open, 0 won, 0 lost)");
  });

  it("exits 3 with the reason, printing no report, when the file cannot be read", async () => {
    const missing = await inspect({}, ["--input", "nope.csv"]);
    expect(missing.code).toBe(EXIT.unreadableInput);
    expect(missing.out).toEqual([]);
    expect(missing.err).toEqual(["salesquant: the input file nope.csv does not exist."]);

    const notes = await inspect({ "notes.csv": "Hello,World\nfoo,bar\n" }, ["--input", "notes.csv"]);
    expect(notes.code).toBe(EXIT.unreadableInput);
    expect(notes.out).toEqual([]);
    expect(notes.err[0]).toMatch(/^salesquant: cannot read notes\.csv: No stage column found/);

    const badMap = await inspect({ "d.csv": ZOHO }, ["--input", "d.csv", "--map", "amount=Deal value"]);
    expect(badMap.code).toBe(EXIT.unreadableInput);
    expect(badMap.err[0]).toMatch(/^salesquant: cannot read d\.csv: The file has no column "Deal value" \(asked for the amount\)/);
  });

  it("runs from the command line, writing nothing, and refuses build-only options with exit 2", async () => {
    const { io, out, err, written } = fakeIO({ "deals.csv": ZOHO });
    expect(await runCli(["inspect", "--input", "deals.csv"], io)).toBe(EXIT.done);
    expect(out[0]).toBe("File            deals.csv (266 bytes)");
    expect(written).toEqual({});
    expect(await runCli(["inspect", "--input", "deals.csv", "--out", "x.xlsx"], io)).toBe(EXIT.badArguments);
    expect(err).toEqual(["salesquant: --out is an option of salesquant build; inspect only reads the file and writes nothing."]);
  });

  it("prints no terminal control character and no more than 200 characters of a value", async () => {
    const hostile = `\u001b]0;owned\u0007${"N".repeat(300)}\u202e`;
    const csv = `"${hostile}",Deal Owner,Amount,Stage\n"\u001b[2J",Ann,100,"\u009bQualification\b\r"\nB,Bob,200,Closed Won\n`;
    const { code, out } = await inspect({ "h.csv": csv }, ["--input", "h.csv", "--preset", "zoho", "--map", `name=${hostile}`]);
    expect(code).toBe(EXIT.done);
    for (const printed of out) {
      expect(printed).not.toMatch(TERMINAL_CONTROL);
      expect(printed).not.toMatch(/N{200}/);
    }
    expect(line(out, "  name")).toMatch(/^ {2}name {13}"\\u001b\]0;owned\\u0007N+…" \(--map\)$/);
  });

  it("describes the German file's columns as mapped", async () => {
    const { code, out } = await inspect({ "de.csv": GERMAN }, ["--input", "de.csv", ...GERMAN_MAP]);
    expect(code).toBe(EXIT.done);
    expect(line(out, "Preset")).toBe("Preset          generic, the default: no CRM's own headers found");
    expect(line(out, "Encoding")).toBe("Encoding        utf-8 (no byte-order mark; the bytes are valid UTF-8)");
    expect(out).toContain('  amount           "Betrag" (--map)');
    expect(out).toContain('  closeDate        "Schlusstermin" (--map)');
    expect(line(out, "  records")).toBe("  records       3");
  });

  // These read what the importer infers (delimiter, decimal mark, date order, added stages,
  // header dictionary, footer): they pass once the importer reports its detection.
  describe("detection reported by the importer", () => {
    it("the German file: semicolon, decimal comma and day-first dates from the data, its stages added", async () => {
      const { out } = await inspect({ "de.csv": GERMAN }, ["--input", "de.csv", ...GERMAN_MAP]);
      expect(line(out, "Delimiter")).toBe('Delimiter       semicolon (";")');
      expect(line(out, "Decimal mark")).toBe('Decimal mark    "," (comma), from the data');
      expect(line(out, "Date order")).toBe("Date order      DMY, from the data");
      expect(line(out, "  imported")).toBe("  imported      3 (2 open, 1 won, 0 lost)");
      expect(out).toContain("  Qualifizierung  1  open; added: not a stage of the preset, placed as an open stage");
      expect(out).toContain("  Angebot         1  open; added: not a stage of the preset, placed as an open stage");
      expect(out[out.length - 1]).toMatch(/ --date-order DMY --decimal-mark , --stages Qualifizierung,Angebot --won Gewonnen --map name=Verkaufschance /);
    });

    it("a snake_case export: its columns found by the header dictionary", async () => {
      const csv = "deal_name,deal_owner,amount,deal_stage,close_date\nAcme,Ann,100.5,Qualification,2025-03-05\nBeta,Bob,200,Closed Won,2025-04-01\n";
      const { code, out } = await inspect({ "s.csv": csv }, ["--input", "s.csv"]);
      expect(code).toBe(EXIT.done);
      expect(out).toContain('  name             "deal_name"');
      expect(out).toContain('  owner            "deal_owner"');
      expect(out).toContain('  amount           "amount"');
      expect(out).toContain('  stage            "deal_stage"');
      expect(out).toContain('  closeDate        "close_date"');
      expect(line(out, "Delimiter")).toBe('Delimiter       comma (",")');
      expect(line(out, "  imported")).toBe("  imported      2 (1 open, 1 won, 0 lost)");
    });

    it("ambiguous dates: says MDY was used and how to change it", async () => {
      const csv = "Deal Name,Deal Owner,Amount,Stage,Closing Date\nA,Ann,100,Qualification,03/04/2025\nB,Bob,200,Closed Won,05/06/2025\n";
      const { out } = await inspect({ "a.csv": csv }, ["--input", "a.csv"]);
      expect(line(out, "Date order")).toBe("Date order      MDY, ambiguous: every date fits both orders; MDY used — pass --date-order DMY if wrong");
    });

    it("a footer after the data", async () => {
      const csv = "Deal Name,Deal Owner,Amount,Stage\nA,Ann,100,Qualification\nB,Bob,200,Closed Won\n\nTotal,,300,\n";
      const { out } = await inspect({ "f.csv": csv }, ["--input", "f.csv"]);
      expect(line(out, "Footer")).toMatch(/^Footer {10}1 line after the data, not read as deals:$/);
      expect(out).toContain('  line 5: "Total"');
      expect(line(out, "  records")).toBe("  records       2");
    });

    it("a report's title above the header: the header's line and the lines passed over", async () => {
      const csv = "Deals by stage\nRun 2 June 2025\n\nDeal Name;Deal Owner;Amount;Stage\nA;Ann;100;Qualification\nB;Bob;200;Closed Won\n";
      const { code, out } = await inspect({ "t.csv": csv }, ["--input", "t.csv"]);
      expect(code).toBe(EXIT.done);
      expect(line(out, "Header")).toBe("Header          line 4; the 2 lines above it are not read as deals:");
      expect(out).toContain('  line 1: "Deals by stage"');
      expect(out).toContain('  line 2: "Run 2 June 2025"');
      expect(line(out, "Delimiter")).toBe('Delimiter       semicolon (";")');
      expect(line(out, "  imported")).toBe("  imported      2 (1 open, 1 won, 0 lost)");
      const plain = await inspect({ "f.csv": "Deal Name,Amount,Stage\nA,1,Closed Won\n" }, ["--input", "f.csv"]);
      expect(line(plain.out, "Header")).toBe("Header          line 1");
      expect(line(plain.out, "Pipelines")).toBe("Pipelines       none");
    });

    it("the unit a money column's header states, beside its column", async () => {
      const { out } = await inspect({ "w.csv": "Deal Name,Stage,Amount ($K)\nA,Closed Won,2\n" }, ["--input", "w.csv"]);
      expect(out).toContain('  amount           "Amount ($K)" (its header\'s unit: × 1,000, USD)');
    });

    it("the pipelines of the file, those --pipeline leaves out marked, and the flag in the command", async () => {
      const csv = "Deal Name,Pipeline,Stage,Amount\nA,Sales,Qualification,1\nB,Renewals,Closed Won,2\nC,Sales,Closed Won,3\n";
      const all = await inspect({ "p.csv": csv }, ["--input", "p.csv"]);
      expect(line(all.out, "Pipelines")).toBe('Pipelines       "Sales" (2 rows); "Renewals" (1 row)');
      const one = await inspect({ "p.csv": csv }, ["--input", "p.csv", "--pipeline", "Renewals"]);
      expect(line(one.out, "Pipelines")).toBe('Pipelines       "Sales" (2 rows, left out by --pipeline); "Renewals" (1 row)');
      expect(line(one.out, "  imported")).toBe("  imported      1 (0 open, 1 won, 0 lost)");
      expect(one.out[one.out.length - 1]).toMatch(/ --pipeline Renewals /);
    });
  });
});
