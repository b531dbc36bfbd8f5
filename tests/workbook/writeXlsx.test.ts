import ExcelJS from "exceljs";
import JSZip from "jszip";
import { examplePlan, EXAMPLE_RISKY_TEXTS } from "../fixtures/examplePlan";
import { sheetRef, WorkbookPlan } from "../../src/workbook/plan";
import { chartPartXml, chartReference, drawingPartXml } from "../../src/workbook/xlsx/chartXml";
import { writeXlsxBuffer } from "../../src/workbook/xlsx/writeXlsx";

describe("writeXlsx", () => {
  let buffer: Buffer;
  let zip: JSZip;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    buffer = await writeXlsxBuffer(examplePlan());
    zip = await JSZip.loadAsync(buffer);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  });
  const text = (name: string) => zip.file(name)!.async("string");

  it("writes the planned sheets, values and formulas without cached results", async () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Funnel", "Stage Summary"]);
    const funnel = workbook.getWorksheet("Funnel")!;
    expect(funnel.getCell("B4").value).toBe(120);
    expect(funnel.getCell("B8").value).toEqual({ formula: "SUM(B4:B7)" });
    expect(await text("xl/worksheets/sheet1.xml")).toMatch(
      /<c r="B8"[^>]*><f>SUM\(B4:B7\)<\/f><\/c>/,
    );
  });

  it("keeps data strings that look like formulas as text", () => {
    const funnel = workbook.getWorksheet("Funnel")!;
    expect(["D4", "D5", "D6", "D7"].map((a) => funnel.getCell(a).value)).toEqual(
      EXAMPLE_RISKY_TEXTS,
    );
  });

  it("writes number formats, styles, merges, widths, heights, freeze panes, tab colour and notes", () => {
    const funnel = workbook.getWorksheet("Funnel")!;
    expect(funnel.getCell("C5").numFmt).toBe("0.0%");
    expect(funnel.getCell("B5").numFmt).toBe("#,##0");
    expect(funnel.getCell("A1").font?.bold).toBe(true);
    expect(funnel.getCell("A3").fill).toMatchObject({
      type: "pattern",
      fgColor: { argb: "FFD9E1F2" },
    });
    expect(funnel.getCell("A8").border?.top?.style).toBe("medium");
    expect(funnel.getCell("A1").isMerged && funnel.getCell("D1").isMerged).toBe(true);
    expect(funnel.getColumn("A").width).toBe(20);
    expect(funnel.getRow(1).height).toBe(24);
    expect(funnel.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(funnel.properties.tabColor).toEqual({ argb: "FF2F5597" });
    expect(funnel.getCell("B4").note).toBe("Deals that entered the stage this quarter.");
  });

  it("writes data validation and conditional formats", () => {
    const summary = workbook.getWorksheet("Stage Summary")!;
    expect(summary.getCell("B9").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"North,South,East,West"'],
    });
    expect(summary.getCell("B2").dataValidation).toMatchObject({
      type: "decimal",
      formulae: [0, 1],
    });
    const funnel = workbook.getWorksheet("Funnel")!;
    // ExcelJS reads conditional formats back but does not declare the property
    const formats = (
      funnel as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }
    ).conditionalFormattings;
    const types = formats.map((cf) => cf.rules[0].type);
    expect(types).toEqual(["cellIs", "expression", "dataBar", "colorScale", "iconSet"]);
  });

  it("adds the table with its totals row over the written cells", async () => {
    const table = await text("xl/tables/table1.xml");
    expect(table).toMatch(/name="Funnel" displayName="Funnel" ref="A3:D8" totalsRowCount="1"/);
    expect(table).toMatch(/<tableColumn id="1" name="Stage" totalsRowLabel="Total"\/>/);
    expect(table).toMatch(/<totalsRowFormula>SUM\(B4:B7\)<\/totalsRowFormula>/);
    expect(await text("[Content_Types].xml")).toMatch(/PartName="\/xl\/tables\/table1.xml"/);
  });

  it("adds defined names", async () => {
    const xml = await text("xl/workbook.xml");
    expect(xml).toMatch(
      /<definedName name="DealsByStage" comment="Deals per funnel stage">&apos;Funnel&apos;!\$B\$4:\$B\$7<\/definedName>/,
    );
    expect(xml).toMatch(
      /<definedName name="TargetWinRate">&apos;Stage Summary&apos;!\$B\$2<\/definedName>/,
    );
  });

  it("adds one chart part per chart, drawings, relationships and content types", async () => {
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(6);
    const sheet1 = await text("xl/worksheets/sheet1.xml");
    const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(sheet1)![1];
    const rels = await text("xl/worksheets/_rels/sheet1.xml.rels");
    expect(rels).toContain(
      `Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    expect(await text("xl/drawings/_rels/drawing1.xml.rels")).toContain(
      'Target="../charts/chart2.xml"',
    );
    // the drawing comes before legacyDrawing (notes) and tableParts comes last, as the schema orders them
    expect(sheet1.indexOf("<drawing ")).toBeLessThan(sheet1.indexOf("<legacyDrawing "));
    expect(sheet1.indexOf("<legacyDrawing ")).toBeLessThan(sheet1.indexOf("<tableParts "));
    const types = await text("[Content_Types].xml");
    for (const c of charts)
      expect(types).toContain(
        `PartName="/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`,
      );
    expect(types).toContain('PartName="/xl/drawings/drawing2.xml"');
  });

  it("gives sheet names Excel accepts and rewrites references to them", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        { name: "Q1/Q2", blocks: [{ at: "A1", cells: [[5]] }] },
        { name: "q1 q2", blocks: [{ at: "A1", cells: [[{ f: `=${sheetRef("Q1/Q2", "A1")}*2` }]] }] },
      ],
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsxBuffer(plan)) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Q1 Q2", "q1 q2 (2)"]);
    expect(book.getWorksheet("q1 q2 (2)")!.getCell("A1").value).toEqual({
      formula: "'Q1 Q2'!A1*2",
    });
  });
});

describe("writeXlsx with a large block", () => {
  it("streams 30,000 rows with a table and a chart, and places the parts after the cells", async () => {
    const rows = 30_000;
    const cells = Array.from({ length: rows }, (_, i) => [
      `Deal ${i + 1}`,
      i + 1,
      { f: `=B${i + 2}*2` },
    ]);
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Deals",
          blocks: [
            { at: "A1", cells: [["Deal", "Amount", "Double"]], style: { bold: true } },
            { at: "A2", cells, numberFormat: [null, "#,##0", "#,##0"] },
          ],
          tables: [{ name: "Deals", range: `A1:C${rows + 1}` }],
          charts: [
            {
              type: "line",
              title: "Amounts",
              categories: "A2:A11",
              series: [{ name: "Amount", values: "B2:B11" }],
              anchor: "E2",
              width: 300,
              height: 200,
            },
          ],
        },
      ],
    };
    const zip = await JSZip.loadAsync(await writeXlsxBuffer(plan));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // The formula is filled down: written on the first row of each window of 1,024 rows and
    // shared below it (sharedFormulas.ts); the last window is rows 29,698 to 30,001.
    const first = new RegExp(`<c r="C29698"[^>]*><f t="shared" ref="C29698:C${rows + 1}" si="(\\d+)">B29698\\*2</f></c>`).exec(sheet);
    expect(first).not.toBeNull();
    expect(sheet).toContain(`<c r="C${rows + 1}" s="2"><f t="shared" si="${first![1]}"/></c>`);
    const tail = sheet.slice(sheet.indexOf("</sheetData>"));
    expect(tail).toMatch(
      /<drawing r:id="rId\d+"\/><tableParts count="1"><tablePart r:id="rId\d+"\/><\/tableParts><\/worksheet>$/,
    );
    expect(await zip.file("xl/tables/table1.xml")!.async("string")).toContain(
      `ref="A1:C${rows + 1}"`,
    );
  });
});

describe("chart parts", () => {
  const funnel = examplePlan().sheets[0].charts![0];

  it("qualifies and anchors chart references", () => {
    expect(chartReference("C4:C8", "Funnel")).toBe("'Funnel'!$C$4:$C$8");
    expect(chartReference("'Rep''s'!A1:A3", "Funnel")).toBe("'Rep''s'!$A$1:$A$3");
  });

  it("writes a funnel as a bar chart with the first stage on top", () => {
    const xml = chartPartXml(funnel, "Funnel");
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain('<c:orientation val="maxMin"/>');
    expect(xml).toContain("<c:f>&apos;Funnel&apos;!$B$4:$B$7</c:f>");
    expect(xml).not.toContain("funnel");
  });

  it("writes column, line, pie and doughnut with their classic elements", () => {
    const of = (type: "column" | "line" | "pie" | "doughnut") =>
      chartPartXml({ ...funnel, type }, "Funnel");
    expect(of("column")).toContain('<c:barDir val="col"/>');
    expect(of("line")).toContain("<c:lineChart>");
    expect(of("pie")).toContain("<c:pieChart>");
    expect(of("doughnut")).toContain('<c:holeSize val="50"/>');
  });

  it("gives a pie's data labels the chart's number format, so money shows whole", () => {
    const whole = '"¥"#,##0;-"¥"#,##0';
    const xml = chartPartXml({ ...funnel, type: "pie", dataLabels: true, numberFormat: whole }, "Funnel");
    const labels = /<c:dLbls>.*?<\/c:dLbls>/.exec(xml)![0];
    expect(labels).toContain('<c:numFmt formatCode="&quot;¥&quot;#,##0;-&quot;¥&quot;#,##0" sourceLinked="0"/>');
    expect(labels).toContain('<c:showVal val="1"/>');
    // The format comes first in the labels, as the schema orders it.
    expect(labels.indexOf("<c:numFmt")).toBe("<c:dLbls>".length);
    // A pie has no axes to carry it elsewhere.
    expect(xml).not.toContain("<c:valAx>");
  });

  it("writes the review's revenue-mix pie with whole-money labels", async () => {
    const { planReviewSheet } = await import("../../src/generators/review");
    const { dealsSheetPlan } = await import("../../src/generators/deals");
    const { buildDeals, PIPELINE_ZH } = await import("../generators/sampleDeals");
    const deals = buildDeals(PIPELINE_ZH);
    const review = planReviewSheet(deals, PIPELINE_ZH, { locale: "zh-CN" }) as WorkbookPlan;
    const plan: WorkbookPlan = { sheets: [dealsSheetPlan(deals, PIPELINE_ZH, { locale: "zh-CN" }), ...review.sheets] };
    const zip = await JSZip.loadAsync(await writeXlsxBuffer(plan));
    const parts = await Promise.all(Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async("string")));
    const pie = parts.find((xml) => xml.includes("<c:pieChart>"))!;
    expect(/<c:dLbls>.*?<\/c:dLbls>/.exec(pie)![0]).toContain('<c:numFmt formatCode="&quot;¥&quot;#,##0;-&quot;¥&quot;#,##0" sourceLinked="0"/>');
    expect(pie).not.toContain("#,##0.00");
  });

  it("anchors a chart from its cell to where its size ends", () => {
    // anchor F3, 480 x 260 px; columns F.. are 64 px wide (480 = 7 x 64 + 32), rows 20 px (260 = 13 x 20)
    const xml = drawingPartXml({ name: "S", blocks: [], charts: [funnel] });
    expect(xml).toContain(
      "<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>",
    );
    expect(xml).toContain(
      `<xdr:to><xdr:col>12</xdr:col><xdr:colOff>${32 * 9525}</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`,
    );
  });
});
