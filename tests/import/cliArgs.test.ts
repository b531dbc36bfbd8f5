import { HELP_TEXT, ParsedCli, parseCliArgs } from "../../src/cli/args";

const BUILD = ["build", "--input", "a.csv", "--out", "b.xlsx"];

/** The args of a parse that must succeed as a build. */
function buildArgs(parsed: ParsedCli) {
  if (parsed.kind !== "build") throw new Error(`expected a build, got ${JSON.stringify(parsed)}`);
  return parsed.args;
}

function errorOf(parsed: ParsedCli): string {
  if (parsed.kind !== "error") throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe("parseCliArgs", () => {
  it("reads a full build command", () => {
    const parsed = parseCliArgs([
      "build", "--input", "deals.csv", "--preset", "fxiaoke", "--encoding", "gb18030", "--locale", "zh-CN",
      "--currency", "cny", "--commission-plan", "plan.json", "--out", "out.xlsx",
    ]);
    expect(parsed).toEqual({
      kind: "build",
      args: expect.objectContaining({
        input: "deals.csv", out: "out.xlsx", preset: "fxiaoke", encoding: "gb18030", locale: "zh-CN", currency: "CNY", commissionPlan: "plan.json",
      }),
    });
  });

  it("has defaults: auto preset, auto encoding, locale from the data", () => {
    const parsed = parseCliArgs(["build", "--input=a.csv", "--out=b.xlsx"]);
    expect(parsed).toEqual({ kind: "build", args: expect.objectContaining({ preset: "auto", encoding: "auto", locale: null, currency: null, commissionPlan: null }) });
  });

  it("defaults the reading options to detection: no mapping, date order and decimal mark auto, not strict", () => {
    expect(buildArgs(parseCliArgs(BUILD))).toEqual(
      expect.objectContaining({ columns: {}, dateOrder: "auto", decimalMark: "auto", strict: false, quiet: false }),
    );
  });

  it("reads --map FIELD=HEADER, repeated, in both option forms", () => {
    const args = buildArgs(parseCliArgs([...BUILD, "--map", "amount=Deal size", "--map=owner=Rep", "--map", "closeDate=Close"]));
    expect(args.columns).toEqual({ amount: "Deal size", owner: "Rep", closeDate: "Close" });
  });

  it("keeps every \"=\" after the first one in the header", () => {
    expect(buildArgs(parseCliArgs([...BUILD, "--map", "amount=Amount (= net)"])).columns).toEqual({ amount: "Amount (= net)" });
    expect(buildArgs(parseCliArgs([...BUILD, "--map=name=a=b=c"])).columns).toEqual({ name: "a=b=c" });
    expect(buildArgs(parseCliArgs([...BUILD, "--map", "name=="])).columns).toEqual({ name: "=" });
  });

  it("reads a field name in any case, with - or _ between words", () => {
    const args = buildArgs(parseCliArgs([...BUILD, "--map", "close-date=Close", "--map", "ACTUAL_AMOUNT=Revenue", "--map", "iswon=Won?"]));
    expect(args.columns).toEqual({ closeDate: "Close", actualAmount: "Revenue", isWon: "Won?" });
  });

  it("refuses an unknown field, listing the fields", () => {
    const message = errorOf(parseCliArgs([...BUILD, "--map", "amout=Deal size"]));
    expect(message).toBe(
      'Unknown field "amout" in --map. The fields are: id, name, customer, owner, amount, actualAmount, currency, createdDate, closeDate, actualCloseDate, stage, probability, status, isWon, isClosed, source, pipeline.',
    );
  });

  it.each([
    [["--map", "amount"], /--map takes FIELD=HEADER/],
    [["--map", "amount="], /needs the header of a column/],
    [["--map", "amount=  "], /needs the header of a column/],
    [["--map", "=Deal size"], /Unknown field ""/],
    [["--map", "amount=A", "--map", "amount=B"], /names the field amount twice \("A" and "B"\)/],
    [["--map"], /--map needs a value/],
  ])("refuses --map %j", (extra, message) => {
    expect(errorOf(parseCliArgs([...BUILD, ...(extra as string[])]))).toMatch(message);
  });

  it("reads --date-order MDY, DMY or auto in any case", () => {
    expect(buildArgs(parseCliArgs([...BUILD, "--date-order", "DMY"])).dateOrder).toBe("DMY");
    expect(buildArgs(parseCliArgs([...BUILD, "--date-order=mdy"])).dateOrder).toBe("MDY");
    expect(buildArgs(parseCliArgs([...BUILD, "--date-order", "Auto"])).dateOrder).toBe("auto");
    expect(errorOf(parseCliArgs([...BUILD, "--date-order", "YMD"]))).toBe('--date-order is MDY, DMY or auto, not "YMD".');
  });

  it("reads --decimal-mark as a character, a word or auto", () => {
    expect(buildArgs(parseCliArgs([...BUILD, "--decimal-mark", ","])).decimalMark).toBe(",");
    expect(buildArgs(parseCliArgs([...BUILD, "--decimal-mark=."])).decimalMark).toBe(".");
    expect(buildArgs(parseCliArgs([...BUILD, "--decimal-mark", "comma"])).decimalMark).toBe(",");
    expect(buildArgs(parseCliArgs([...BUILD, "--decimal-mark", "dot"])).decimalMark).toBe(".");
    expect(buildArgs(parseCliArgs([...BUILD, "--decimal-mark", "auto"])).decimalMark).toBe("auto");
    expect(errorOf(parseCliArgs([...BUILD, "--decimal-mark", "'"]))).toMatch(/^--decimal-mark is "\." \(or dot\), "," \(or comma\) or auto, not "'"\.$/);
  });

  it("reads --strict and --quiet as switches without a value", () => {
    const args = buildArgs(parseCliArgs([...BUILD, "--strict", "--quiet"]));
    expect([args.strict, args.quiet]).toEqual([true, true]);
    // A switch does not swallow the next argument.
    expect(buildArgs(parseCliArgs(["build", "--strict", "--input", "a.csv", "--out", "b.xlsx"])).input).toBe("a.csv");
    expect(errorOf(parseCliArgs([...BUILD, "--strict=yes"]))).toBe("--strict takes no value.");
  });

  it("accepts the encodings of the decode module in any case, - or _ either way, utf8 as utf-8", () => {
    expect(buildArgs(parseCliArgs([...BUILD, "--encoding", "UTF8"])).encoding).toBe("utf-8");
    expect(buildArgs(parseCliArgs([...BUILD, "--encoding", "utf-16"])).encoding).toBe("utf-16");
    expect(buildArgs(parseCliArgs([...BUILD, "--encoding", "gb18030"])).encoding).toBe("gb18030");
    expect(buildArgs(parseCliArgs([...BUILD, "--encoding", "Shift-JIS"])).encoding).toBe("shift_jis");
    expect(buildArgs(parseCliArgs([...BUILD, "--encoding", "WINDOWS_1252"])).encoding).toBe("windows-1252");
    expect(buildArgs(parseCliArgs([...BUILD, "--encoding", "utf16le"])).encoding).toBe("utf-16le");
    expect(errorOf(parseCliArgs([...BUILD, "--encoding", "ebcdic"]))).toMatch(/^Unknown encoding "ebcdic"\. Use auto, utf-8, /);
  });

  it("reads --pipeline as written, and refuses a blank one", () => {
    expect(buildArgs(parseCliArgs([...BUILD, "--pipeline", "Sales Pipeline"])).pipeline).toBe("Sales Pipeline");
    expect(buildArgs(parseCliArgs(BUILD)).pipeline).toBeNull();
    expect(errorOf(parseCliArgs([...BUILD, "--pipeline", " "]))).toMatch(/^--pipeline needs the name of a pipeline/);
  });

  describe("inspect", () => {
    it("takes the reading options and needs no --out", () => {
      const parsed = parseCliArgs([
        "inspect", "--input", "x.csv", "--preset", "generic", "--map", "amount=Betrag", "--encoding", "utf-8", "--sheet", "Deals",
        "--date-order", "DMY", "--decimal-mark", ",", "--stages", "Neu,Angebot", "--won", "Gewonnen", "--lost", "Verloren", "--currency", "eur",
        "--pipeline", "Partner",
      ]);
      expect(parsed).toEqual({
        kind: "inspect",
        args: {
          input: "x.csv", preset: "generic", columns: { amount: "Betrag" }, encoding: "utf-8", sheet: "Deals", pipeline: "Partner", dateOrder: "DMY", decimalMark: ",",
          stages: ["Neu", "Angebot"], wonLabels: ["Gewonnen"], lostLabels: ["Verloren"], currency: "EUR",
        },
      });
    });

    it("has the same defaults as build", () => {
      expect(parseCliArgs(["inspect", "--input=x.csv"])).toEqual({
        kind: "inspect",
        args: { input: "x.csv", preset: "auto", columns: {}, encoding: "auto", sheet: null, pipeline: null, dateOrder: "auto", decimalMark: "auto", stages: null, wonLabels: null, lostLabels: null, currency: null },
      });
    });

    it.each([
      [["inspect"], "Missing --input FILE (the CRM export to inspect)."],
      [["inspect", "--input", "x.csv", "--out", "x.xlsx"], "--out is an option of salesquant build; inspect only reads the file and writes nothing."],
      [["inspect", "--input", "x.csv", "--strict"], "--strict is an option of salesquant build; inspect only reads the file and writes nothing."],
      [["inspect", "--input", "x.csv", "--review-period", "weekly"], "--review-period is an option of salesquant build; inspect only reads the file and writes nothing."],
      [["inspect", "--input", "x.csv", "--map", "size=Deal size"], expect.stringMatching(/^Unknown field "size" in --map\./)],
    ])("refuses %j", (argv, message) => {
      expect(parseCliArgs(argv as string[])).toEqual({ kind: "error", message });
    });
  });

  it("reads stage overrides as lists", () => {
    const parsed = parseCliArgs(["build", "--input", "a.csv", "--out", "b.xlsx", "--stages", "Lead, Demo ,Offer", "--won", "Signed", "--lost", "Dropped,Lost"]);
    expect(parsed).toEqual({ kind: "build", args: expect.objectContaining({ stages: ["Lead", "Demo", "Offer"], wonLabels: ["Signed"], lostLabels: ["Dropped", "Lost"] }) });
  });

  it("answers --help with the documentation", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help", text: HELP_TEXT });
    expect(parseCliArgs([])).toEqual({ kind: "help", text: HELP_TEXT });
    expect(HELP_TEXT).toMatch(/--preset NAME/);
    expect(HELP_TEXT).toMatch(/Exit codes/);
    for (const documented of ["salesquant inspect --input FILE", "--map FIELD=HEADER", "--date-order ORDER", "MDY | DMY | auto", "--decimal-mark MARK", "--strict", "actualCloseDate"]) {
      expect(HELP_TEXT).toContain(documented);
    }
    expect(HELP_TEXT).toMatch(/windows-1252 \| shift_jis \| big5/);
    for (const helpLine of HELP_TEXT.split("\n")) expect(helpLine.length).toBeLessThanOrEqual(100);
    expect(HELP_TEXT).toMatch(/^ {2}4 {2}build --strict: rows would be left out/m);
    expect(HELP_TEXT).toMatch(/^ {2}3 {2}the input cannot be read/m);
  });

  it.each([
    [["make"], /Unknown command "make"\. The commands are "build" and "inspect"/],
    [["build", "--out", "b.xlsx"], /Missing --input/],
    [["build", "--input", "a.csv"], /Missing --out/],
    [["build", "--input", "a.csv", "--out", "b.csv"], /\.xlsx/],
    [["build", "--input", "a.csv", "--out", "b.xlsx", "--preset", "acme-crm"], /Unknown preset "acme-crm". Use auto, zoho, /],
    [["build", "--input", "a.csv", "--out", "b.xlsx", "--encoding", "latin1"], /Unknown encoding/],
    [["build", "--input", "a.csv", "--out", "b.xlsx", "--locale", "fr-FR"], /Unknown locale/],
    [["build", "--input", "a.csv", "--out", "b.xlsx", "--currency", "dollars"], /three-letter/],
    [["build", "--input", "a.csv", "--out", "b.xlsx", "--colour", "red"], /Unknown option --colour/],
    [["build", "--input"], /needs a value/],
    [["build", "stray"], /Unexpected argument/],
  ])("refuses %j in plain words", (argv, message) => {
    const parsed = parseCliArgs(argv as string[]);
    expect(parsed.kind).toBe("error");
    if (parsed.kind === "error") expect(parsed.message).toMatch(message);
  });
});
