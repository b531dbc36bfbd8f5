import { FakeExcel, RecordedEvent } from "../fakes/excel/fakeExcel";
import { examplePlan, EXAMPLE_RISKY_TEXTS } from "../fixtures/examplePlan";
import { Block, sheetRef, WorkbookPlan } from "../../src/workbook/plan";
import { parseRange } from "../../src/workbook/address";
import {
  chunkBlock,
  splitBlock,
  writePlan,
  WritePlanOptions,
} from "../../src/workbook/office/writePlan";
import { WorkbookWriteError } from "../../src/workbook/errors";

const allSets = (_name: string, _version?: string): boolean => true;
const below =
  (limit: number) =>
  (_name: string, version?: string): boolean =>
    Number(version ?? "1.1") < limit;

function options(fake: FakeExcel, extra: Partial<WritePlanOptions> = {}): WritePlanOptions {
  return { run: fake.run, isSetSupported: allSets, ...extra };
}

function tenRowPlan(): WorkbookPlan {
  const rows = Array.from({ length: 10 }, (_, i) => [
    `Rep ${i + 1}`,
    (i + 1) * 100,
    { f: `=B${i + 2}*0.1` },
  ]);
  return {
    sheets: [
      {
        name: "Reps",
        blocks: [
          { at: "A1", cells: [["Rep", "Revenue", "Commission"]], style: { bold: true } },
          { at: "A2", cells: rows, numberFormat: [null, "#,##0", "#,##0.00"] },
        ],
        tables: [{ name: "Reps", range: "A1:C11" }],
      },
    ],
  };
}

function bigBlockPlan(
  rows: number,
  columns: number,
  value: (r: number, c: number) => number,
): WorkbookPlan {
  const cells = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => value(r, c)),
  );
  const header = Array.from({ length: columns }, (_, c) => `Column ${c + 1}`);
  return {
    sheets: [
      {
        name: "Reps",
        blocks: [
          { at: "A1", cells: [header], style: { bold: true } },
          { at: "A2", cells, numberFormat: "0" },
        ],
        tables: [{ name: "Reps", range: `A1:${String.fromCharCode(64 + columns)}${rows + 1}` }],
      },
    ],
  };
}

const sets = (log: RecordedEvent[], property: string) =>
  log.filter(
    (e): e is Extract<RecordedEvent, { kind: "set" }> =>
      e.kind === "set" && e.property === property,
  );

describe("writePlan through the recording fake", () => {
  it("writes a 10-row plan in 3 syncs: read, cells, structure", async () => {
    const fake = new FakeExcel();
    const result = await writePlan(tenRowPlan(), options(fake));
    expect(result.syncs).toBe(3);
    expect(fake.syncCount).toBe(3);
    expect(result.sheets).toEqual(["Reps"]);
    expect(result.tables).toEqual(["Reps"]);
    expect(fake.values("Reps", "A1:C2")).toEqual([
      ["Rep", "Revenue", "Commission"],
      ["Rep 1", 100, null],
    ]);
    expect(fake.cell("Reps", "C2")?.formula).toBe("=B2*0.1");
    expect(fake.cell("Reps", "B3")?.numberFormat).toBe("#,##0");
    expect(fake.state.tables.get("Reps")).toMatchObject({ address: "A1:C11" });
  });

  it("writes a 100,000-row block of small values in the same 3 syncs", async () => {
    const fake = new FakeExcel();
    const result = await writePlan(
      bigBlockPlan(100_000, 1, (r) => r % 10),
      options(fake),
    );
    expect(result.syncs).toBe(3);
    expect(fake.values("Reps", "A100001:A100001")).toEqual([[(100_000 - 1) % 10]]);
  });

  it("never writes cell by cell: one formulas write per block", async () => {
    const fake = new FakeExcel();
    await writePlan(tenRowPlan(), options(fake));
    const writes = sets(fake.log, "formulas").map((e) => e.value as unknown[][]);
    expect(writes.map((m) => [m.length, m[0].length])).toEqual([
      [1, 3],
      [10, 3],
    ]);
    expect(sets(fake.log, "values")).toHaveLength(0);
  });

  it("splits a 100,000 x 8 block into chunks, each request under the 5 MB limit", async () => {
    const fake = new FakeExcel();
    const plan = bigBlockPlan(100_000, 8, (r, c) => r * 8 + c + 0.25);
    const result = await writePlan(plan, options(fake, { maxRequestPayload: 4_000_000 }));
    const chunks = sets(fake.log, "formulas").length - 1; // minus the header block
    expect(chunks).toBeGreaterThan(1);
    // what was sent for the cells cannot fit in fewer requests of 4 MB than this
    const cellPayload = [...sets(fake.log, "formulas"), ...sets(fake.log, "numberFormat")].reduce(
      (sum, e) => sum + e.payload,
      0,
    );
    expect(chunks).toBeGreaterThanOrEqual(Math.ceil(cellPayload / 4_000_000));
    expect(chunks).toBeLessThanOrEqual(chunkBlock(plan.sheets[0].blocks[1], 4_000_000).length);
    // read + cells + structure, and one more sync per extra chunk, no more
    expect(result.syncs).toBe(3 + chunks - 1);
    for (const sync of fake.syncEvents()) expect(sync.payload).toBeLessThan(5_000_000);
    expect(fake.values("Reps", "H100001:H100001")).toEqual([[99_999 * 8 + 7 + 0.25]]);
    expect(fake.values("Reps", "A2:B2")).toEqual([[0.25, 1.25]]);
  });

  it("counts the number formats of columns left General in the payload estimate", async () => {
    // Columns without a format are written as "General" beside the formatted ones: a block with
    // mixed formats must still keep every request under the host's limit.
    const fake = new FakeExcel({ payloadLimit: 110_000 });
    const cells = Array.from({ length: 20_000 }, (_, r) => [`Deal ${r}`, r, null, r / 7]);
    const plan: WorkbookPlan = {
      sheets: [
        { name: "Deals", blocks: [{ at: "A1", cells, numberFormat: [null, "0", null, "0.00"] }] },
      ],
    };
    const result = await writePlan(plan, options(fake, { maxRequestPayload: 100_000 }));
    expect(result.syncs).toBeGreaterThan(3);
    for (const sync of fake.syncEvents()) expect(sync.payload).toBeLessThanOrEqual(110_000);
    expect(fake.cell("Deals", "C20000")?.numberFormat ?? "General").toBe("General");
    expect(fake.cell("Deals", "D20000")?.numberFormat).toBe("0.00");
  });

  it("chunks rows so that each chunk's estimate stays under the budget and all rows are covered", () => {
    const block: Block = {
      at: "A1",
      cells: Array.from({ length: 1000 }, (_, r) => [r, `text ${r}`]),
      numberFormat: "0",
    };
    const chunks = chunkBlock(block, 2000);
    expect(chunks[0].start).toBe(0);
    expect(chunks[chunks.length - 1].end).toBe(1000);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].start).toBe(chunks[i - 1].end);
    for (const c of chunks) expect(c.payload).toBeLessThanOrEqual(2000);
  });

  it("cuts a range out of a block into rectangles that keep their formats", () => {
    const block: Block = {
      at: "B2",
      cells: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      numberFormat: ["0", "0.0", "0.00"],
      style: { bold: true },
    };
    const { outside, inside } = splitBlock(block, parseRange("C3:C3"));
    expect(inside).toEqual({
      at: "C3",
      cells: [[5]],
      numberFormat: ["0.0"],
      style: { bold: true },
    });
    expect(outside.map((b) => [b.at, b.cells, b.numberFormat])).toEqual([
      ["B2", [[1, 2, 3]], ["0", "0.0", "0.00"]],
      ["B4", [[7, 8, 9]], ["0", "0.0", "0.00"]],
      ["B3", [[4]], ["0"]],
      ["D3", [[6]], ["0.00"]],
    ]);
    expect(splitBlock(block, parseRange("F1:F9"))).toEqual({ outside: [block] });
  });

  it("writes a table's totals row after switching it on, even inside a larger block", async () => {
    const fake = new FakeExcel();
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "T",
          blocks: [
            {
              at: "A1",
              numberFormat: [null, "0.0"],
              cells: [
                ["Rep", "Sales", "Other"],
                ["Ann", 10, "x"],
                ["Bo", 20, "y"],
                ["Total", { f: "=SUBTOTAL(109,B2:B3)" }, "z"],
              ].map((r) => r.slice(0, 2)),
            },
            { at: "C1", cells: [["Other"], ["x"], ["y"], ["z"]] },
          ],
          tables: [{ name: "Sales", range: "A1:B4", totalsRow: true }],
        },
      ],
    };
    await writePlan(plan, options(fake));
    expect(fake.state.tables.get("Sales")).toMatchObject({ address: "A1:B4", showTotals: true });
    expect(fake.cell("T", "B4")).toMatchObject({
      formula: "=SUBTOTAL(109,B2:B3)",
      numberFormat: "0.0",
    });
    expect(fake.values("T", "A4:C4")).toEqual([["Total", null, "z"]]);
  });

  it("gives a sheet a unique name and rewrites references to it", async () => {
    const fake = new FakeExcel({
      sheets: [{ name: "Sheet1" }, { name: "Funnel", cells: { A1: "mine" } }],
    });
    const result = await writePlan(examplePlan(), options(fake));
    expect(result.sheets).toEqual(["Funnel (2)", "Stage Summary"]);
    expect(fake.cell("Stage Summary", "B3")?.formula).toBe("='Funnel (2)'!B7/'Funnel (2)'!B4");
    expect(fake.state.names.get("DealsByStage")?.reference).toBe("='Funnel (2)'!$B$4:$B$7");
    expect(fake.values("Funnel", "A1")).toEqual([["mine"]]);
  });

  it("makes a planned sheet name legal before adding the sheet", async () => {
    const fake = new FakeExcel();
    const plan: WorkbookPlan = {
      sheets: [
        { name: "Q1/Q2: Funnel", blocks: [{ at: "A1", cells: [[5]] }] },
        { name: "Links", blocks: [{ at: "A1", cells: [[{ f: `=${sheetRef("Q1/Q2: Funnel", "A1")}*2` }]] }] },
      ],
    };
    const result = await writePlan(plan, options(fake));
    expect(result.sheets).toEqual(["Q1 Q2  Funnel", "Links"]);
    expect(fake.cell("Links", "A1")?.formula).toBe("='Q1 Q2  Funnel'!A1*2");
  });

  it("makes table names unique against existing tables and names", async () => {
    const fake = new FakeExcel({
      sheets: [{ name: "Old", cells: { A1: "h", A2: 1 } }],
      tables: [{ name: "Reps", sheet: "Old", address: "A1:A2" }],
    });
    const result = await writePlan(tenRowPlan(), options(fake));
    expect(result.tables).toEqual(["Reps2"]);
    expect(fake.state.tables.get("Reps2")).toBeDefined();
  });

  it("keeps data strings text", async () => {
    const fake = new FakeExcel();
    await writePlan(examplePlan(), options(fake));
    expect(fake.values("Funnel", "D4:D7").map((r) => r[0])).toEqual(EXAMPLE_RISKY_TEXTS);
    expect(fake.cell("Funnel", "D4")?.formula).toBe(`'${EXAMPLE_RISKY_TEXTS[0]}`);
  });

  it("refuses to write over a non-empty target unless asked to overwrite", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Mine", cells: { B5: 42 } }] });
    const before = fake.snapshot();
    await expect(
      writePlan(tenRowPlan(), options(fake, { target: { sheet: "Mine" } })),
    ).rejects.toMatchObject({ code: "TARGET_NOT_EMPTY" });
    expect(fake.snapshot()).toBe(before);
    const result = await writePlan(
      tenRowPlan(),
      options(fake, { target: { sheet: "Mine", overwrite: true } }),
    );
    expect(result.sheets).toEqual(["Mine"]);
    expect(fake.values("Mine", "B5")).toEqual([[400]]);
  });

  it("writes into an empty target range without being asked to overwrite", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Mine", cells: { Z99: "far away" } }] });
    const result = await writePlan(tenRowPlan(), options(fake, { target: { sheet: "Mine" } }));
    expect(result.sheets).toEqual(["Mine"]);
    expect(fake.values("Mine", "A2")).toEqual([["Rep 1"]]);
    expect(fake.values("Mine", "Z99")).toEqual([["far away"]]);
  });

  it("rejects a target sheet that does not exist", async () => {
    const fake = new FakeExcel();
    await expect(
      writePlan(tenRowPlan(), options(fake, { target: { sheet: "Nope" } })),
    ).rejects.toMatchObject({ code: "TARGET_NOT_FOUND" });
  });

  it("rejects an invalid plan before touching the workbook", async () => {
    const fake = new FakeExcel();
    const error = await writePlan(
      { sheets: [{ name: "History", blocks: [] }] },
      options(fake),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error.code).toBe("INVALID_PLAN");
    expect(fake.syncCount).toBe(0);
  });

  it("refuses a defined name that the workbook already has", async () => {
    const fake = new FakeExcel({ names: [{ name: "TargetWinRate", reference: "=Sheet1!$A$1" }] });
    const before = fake.snapshot();
    await expect(writePlan(examplePlan(), options(fake))).rejects.toMatchObject({
      code: "NAME_TAKEN",
    });
    expect(fake.snapshot()).toBe(before);
  });

  it("writes the example plan: tables with totals, formats, charts, names, notes, validation, activation", async () => {
    const fake = new FakeExcel();
    const result = await writePlan(examplePlan(), options(fake));
    expect(result.notices).toEqual([]);
    expect(result.syncs).toBe(4);
    const funnel = fake.sheetByName("Funnel")!;
    expect(fake.state.tables.get("Funnel")).toMatchObject({
      address: "A3:D8",
      showTotals: true,
      style: "TableStyleMedium2",
    });
    expect(fake.cell("Funnel", "B8")?.formula).toBe("=SUM(B4:B7)");
    expect(funnel.conditionalFormats.map((c) => c.type)).toEqual([
      "CellValue",
      "Custom",
      "DataBar",
      "ColorScale",
      "IconSet",
    ]);
    expect(funnel.charts).toEqual([
      { name: "SalesQuantChart1", type: "Funnel" },
      { name: "SalesQuantChart2", type: "ColumnClustered" },
    ]);
    expect(fake.sheetByName("Stage Summary")!.charts.map((c) => c.type)).toEqual([
      "Pie",
      "Doughnut",
      "Line",
      "BarClustered",
    ]);
    expect(funnel.notes).toEqual([
      { cell: "B4", text: "Deals that entered the stage this quarter." },
    ]);
    expect(funnel.tabColor).toBe("#2F5597");
    expect(funnel.decorations).toContain("merge A1:D1");
    expect(funnel.decorations.some((d) => d.startsWith("Worksheet.freezePanes.freezeAt("))).toBe(
      true,
    );
    expect(
      fake.sheetByName("Stage Summary")!.decorations.some((d) => d.includes("dataValidation.rule")),
    ).toBe(true);
    expect(Array.from(fake.state.names.keys())).toEqual(["DealsByStage", "TargetWinRate"]);
    expect(fake.state.activeSheetId).toBe(funnel.id);
    const suspends = fake.log.filter(
      (e) => e.kind === "call" && e.method === "suspendApiCalculationUntilNextSync",
    );
    expect(suspends.length).toBeGreaterThan(0);
  });

  it("falls back to a bar chart with stages top to bottom where the funnel type is missing", async () => {
    const fake = new FakeExcel();
    const result = await writePlan(examplePlan(), options(fake, { isSetSupported: below(1.9) }));
    expect(fake.sheetByName("Funnel")!.charts[0]).toEqual({
      name: "SalesQuantChart1",
      type: "BarClustered",
    });
    expect(fake.sheetByName("Funnel")!.decorations).toContain(
      "Chart.axes.categoryAxis.reversePlotOrder=true",
    );
    expect(result.notices.join()).toMatch(/funnel chart is shown as a bar chart/);
  });

  it("falls back to a bar chart where the host rejects the funnel type", async () => {
    const fake = new FakeExcel({ rejectChartTypes: ["Funnel"] });
    const result = await writePlan(examplePlan(), options(fake));
    expect(fake.sheetByName("Funnel")!.charts.map((c) => c.type)).toEqual([
      "BarClustered",
      "ColumnClustered",
    ]);
    expect(fake.sheetByName("Stage Summary")!.charts).toHaveLength(4);
    expect(result.notices.join()).toMatch(/funnel chart is shown as a bar chart/);
  });

  it("skips conditional formats with a notice below ExcelApi 1.6", async () => {
    const fake = new FakeExcel();
    const result = await writePlan(examplePlan(), options(fake, { isSetSupported: below(1.6) }));
    expect(fake.sheetByName("Funnel")!.conditionalFormats).toEqual([]);
    expect(result.notices.join()).toMatch(/Conditional formats on "Funnel" were skipped/);
    expect(
      fake.log.some((e) => e.kind === "call" && e.method === "suspendApiCalculationUntilNextSync"),
    ).toBe(false);
  });

  it("refuses hosts below ExcelApi 1.4 with a message the user can act on", async () => {
    const fake = new FakeExcel();
    await expect(
      writePlan(examplePlan(), options(fake, { isSetSupported: below(1.4) })),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_HOST" });
  });

  it("leaves the workbook as it was whichever operation of whichever sync fails (10-row plan, with a chart)", async () => {
    const plan = tenRowPlan();
    plan.sheets[0].charts = [
      {
        type: "funnel",
        title: "Revenue",
        categories: "A2:A11",
        series: [{ name: "Revenue", values: "B2:B11" }],
        anchor: "E2",
        width: 300,
        height: 200,
      },
    ];
    plan.names = [{ name: "TopRep", refersTo: `=${sheetRef("Reps", "$A$2")}` }];
    const clean = new FakeExcel({ sheets: [{ name: "Reps", cells: { A1: "user data" } }] });
    await writePlan(plan, options(clean));
    const operationsPerSync = clean.syncEvents().map((e) => e.operations);
    let runs = 0;
    for (const [i, operations] of operationsPerSync.entries()) {
      for (let after = 0; after <= operations; after++) {
        const fake = new FakeExcel({ sheets: [{ name: "Reps", cells: { A1: "user data" } }] });
        const before = fake.snapshot();
        fake.failAtSync = i + 1;
        fake.failAfterOperations = after;
        await expect(writePlan(plan, options(fake))).rejects.toBeInstanceOf(WorkbookWriteError);
        expect(fake.snapshot()).toBe(before);
        runs += 1;
      }
    }
    expect(runs).toBeGreaterThan(operationsPerSync.length);
  });

  describe("a failure injected at any sync leaves the workbook as it was", () => {
    const cases: [string, () => WorkbookPlan, Partial<WritePlanOptions>, () => FakeExcel][] = [
      [
        "the example plan",
        examplePlan,
        {},
        () =>
          new FakeExcel({
            sheets: [{ name: "Sheet1", cells: { A1: "keep" } }, { name: "Funnel" }],
          }),
      ],
      [
        "a chunked 20,000-row block",
        () => bigBlockPlan(20_000, 4, (r, c) => r + c),
        { maxRequestPayload: 100_000 },
        () => new FakeExcel(),
      ],
      [
        "an overwritten target sheet",
        tenRowPlan,
        { target: { sheet: "Mine", overwrite: true } },
        () => new FakeExcel({ sheets: [{ name: "Mine", cells: { B5: 42, A1: "old" } }] }),
      ],
    ];
    it.each(cases)("%s", async (_label, makePlan, extra, makeFake) => {
      const clean = makeFake();
      const total = (await writePlan(makePlan(), options(clean, extra))).syncs;
      expect(total).toBeGreaterThanOrEqual(3);
      for (let failAt = 1; failAt <= total; failAt++) {
        for (const after of [0, 1, undefined]) {
          const fake = makeFake();
          const before = fake.snapshot();
          fake.failAtSync = failAt;
          fake.failAfterOperations = after;
          const error = await writePlan(makePlan(), options(fake, extra)).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(WorkbookWriteError);
          expect((error as WorkbookWriteError).code).toBe("WRITE_FAILED");
          expect((error as WorkbookWriteError).message).toMatch(/Nothing was changed/);
          if (extra.target) {
            // Cells, tables, charts and names are restored; cosmetic formats on the target are not.
            const strip = (s: string) =>
              JSON.stringify(
                JSON.parse(s).sheets.map((x: { cells: unknown; charts: unknown }) => [
                  x.cells,
                  x.charts,
                ]),
              );
            expect(strip(fake.snapshot())).toBe(strip(before));
            expect(fake.state.tables.size).toBe(0);
          } else {
            expect(fake.snapshot()).toBe(before);
          }
        }
      }
    });
  });
});
