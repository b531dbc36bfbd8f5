import { HELP_TEXT, parseCliArgs } from "../../src/cli/args";

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

  it("reads stage overrides as lists", () => {
    const parsed = parseCliArgs(["build", "--input", "a.csv", "--out", "b.xlsx", "--stages", "Lead, Demo ,Offer", "--won", "Signed", "--lost", "Dropped,Lost"]);
    expect(parsed).toEqual({ kind: "build", args: expect.objectContaining({ stages: ["Lead", "Demo", "Offer"], wonLabels: ["Signed"], lostLabels: ["Dropped", "Lost"] }) });
  });

  it("answers --help with the documentation", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help", text: HELP_TEXT });
    expect(parseCliArgs([])).toEqual({ kind: "help", text: HELP_TEXT });
    expect(HELP_TEXT).toMatch(/--preset NAME/);
    expect(HELP_TEXT).toMatch(/Exit codes/);
  });

  it.each([
    [["make"], /Unknown command "make"/],
    [["build", "--out", "b.xlsx"], /Missing --input/],
    [["build", "--input", "a.csv"], /Missing --out/],
    [["build", "--input", "a.csv", "--out", "b.csv"], /\.xlsx/],
    [["build", "--input", "a.csv", "--out", "b.xlsx", "--preset", "pipedrive"], /Unknown preset "pipedrive"/],
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
