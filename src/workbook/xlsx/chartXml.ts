/**
 * DrawingML for the plan's charts (ExcelJS writes none): chart parts and the drawing part
 * that anchors them to cells. Classic chart types only, so every reader can draw them:
 * a funnel is written as a bar chart whose category axis runs top to bottom.
 */
import { parseCell, parseRange, rangeAddress, splitSheetRef } from "../address";
import { ChartPlan, quotedSheetRef, SheetPlan } from "../plan";
import { columnPixels, rowPixels, walkPixels } from "../sheetGeometry";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Series colours (Office palette), used in order. */
export const SERIES_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

/**
 * Escapes text for XML content or a double- or single-quoted attribute, and drops what
 * XML 1.0 cannot hold at all (C0 controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF, unpaired surrogates), so no part is ever corrupt. Cell text and notes are
 * escaped as ST_Xstring before (see xstring.ts) and keep those characters.
 *
 * @example escapeXml('Won & "lost"\u0007') // "Won &amp; &quot;lost&quot;"
 */
export function escapeXml(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      "",
    )
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * XML text or an attribute value as it reads: the five predefined entities and decimal or
 * hexadecimal character references decoded (the inverse of `escapeXml` for what it keeps).
 *
 * @example unescapeXml("R&amp;D &#x4E2D;&#25991;") // "R&D 中文"
 */
export function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex: string, decimal: string, name: string) => {
    if (name) return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name as "amp"];
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * An absolute, sheet-qualified reference for a chart: "C4:C8" on sheet "Funnel" becomes
 * "'Funnel'!$C$4:$C$8"; a reference that names its sheet keeps it.
 */
export function chartReference(ref: string, homeSheet: string): string {
  const { sheet, address } = splitSheetRef(ref.replace(/^=/, ""));
  const name = sheet ?? homeSheet;
  return quotedSheetRef(name, rangeAddress(parseRange(address.replace(/\$/g, "")), true));
}

function title(text: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1400" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function dataLabels(
  show: boolean,
  numberFormat: string | undefined,
  percentForPie = false,
): string {
  if (!show) return "";
  const fmt = numberFormat
    ? `<c:numFmt formatCode="${escapeXml(numberFormat)}" sourceLinked="0"/>`
    : "";
  return (
    `<c:dLbls>${fmt}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/>` +
    `<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="${percentForPie ? 0 : 0}"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

function seriesXml(chart: ChartPlan, homeSheet: string, kind: "bar" | "line" | "pie"): string {
  const categories = chartReference(chart.categories, homeSheet);
  return chart.series
    .map((series, i) => {
      const color = SERIES_COLORS[i % SERIES_COLORS.length];
      const fill =
        kind === "line"
          ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr>`
          : kind === "bar"
            ? `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`
            : "";
      const between =
        kind === "bar"
          ? `<c:invertIfNegative val="0"/>`
          : kind === "line"
            ? `<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>`
            : "";
      const values = chartReference(series.values, homeSheet);
      const tail = kind === "line" ? `<c:smooth val="0"/>` : "";
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>${fill}${between}` +
        dataLabels(chart.dataLabels ?? false, chart.numberFormat) +
        `<c:cat><c:strRef><c:f>${escapeXml(categories)}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(values)}</c:f></c:numRef></c:val>${tail}</c:ser>`
      );
    })
    .join("");
}

function axes(options: {
  horizontalBars: boolean;
  reverseCategories: boolean;
  numberFormat?: string;
}): string {
  const categoryPosition = options.horizontalBars ? "l" : "b";
  const valuePosition = options.horizontalBars ? "b" : "l";
  const valueFormat = options.numberFormat
    ? `<c:numFmt formatCode="${escapeXml(options.numberFormat)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  return (
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${options.reverseCategories ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${categoryPosition}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${valuePosition}"/><c:majorGridlines/>${valueFormat}<c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="${options.reverseCategories ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`
  );
}

/**
 * The chart part (xl/charts/chartN.xml) of a planned chart on sheet `homeSheet`.
 *
 * Rules: column and bar are a clustered `barChart` (barDir col / bar); line a `lineChart`
 * with markers; pie and doughnut vary colours by point; funnel is a bar chart with the
 * category axis reversed (first stage on top) and the value axis kept at the bottom.
 */
export function chartPartXml(chart: ChartPlan, homeSheet: string): string {
  const legend =
    chart.showLegend ??
    (chart.type === "pie" || chart.type === "doughnut" || chart.series.length > 1);
  let plot: string;
  switch (chart.type) {
    case "column":
    case "bar":
    case "funnel": {
      const horizontal = chart.type !== "column";
      const reverse = chart.type === "funnel";
      plot =
        `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        seriesXml(chart, homeSheet, "bar") +
        `<c:gapWidth val="${reverse ? 30 : 80}"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
        axes({
          horizontalBars: horizontal,
          reverseCategories: reverse,
          numberFormat: chart.numberFormat,
        });
      break;
    }
    case "line":
      plot =
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
        seriesXml(chart, homeSheet, "line") +
        `<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>` +
        axes({ horizontalBars: false, reverseCategories: false, numberFormat: chart.numberFormat });
      break;
    case "pie":
      plot = `<c:pieChart><c:varyColors val="1"/>${seriesXml(chart, homeSheet, "pie")}<c:firstSliceAng val="0"/></c:pieChart>`;
      break;
    case "doughnut":
      plot =
        `<c:doughnutChart><c:varyColors val="1"/>${seriesXml(chart, homeSheet, "pie")}` +
        `<c:firstSliceAng val="0"/><c:holeSize val="50"/></c:doughnutChart>`;
      break;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    (legend
      ? `<c:legend><c:legendPos val="${chart.type === "pie" || chart.type === "doughnut" ? "r" : "b"}"/><c:overlay val="0"/></c:legend>`
      : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

const EMU_PER_PIXEL = 9525;

/** Cell (0-based column and row) plus offset in EMU where a point `pixels` away from the anchor lands. */
function walk(
  start: number,
  pixels: number,
  size: (index: number) => number,
): { index: number; offset: number } {
  const at = walkPixels(start, pixels, size);
  return { index: at.index, offset: Math.round(at.offset * EMU_PER_PIXEL) };
}

/**
 * The drawing part (xl/drawings/drawingN.xml) placing each chart of `sheet`, chart i using
 * relationship id `rId{i+1}`. Charts are anchored two-cell from their anchor cell, the far
 * corner computed from the planned column widths and row heights.
 */
export function drawingPartXml(sheet: SheetPlan): string {
  const anchors = (sheet.charts ?? []).map((chart, i) => {
    const anchor = parseCell(chart.anchor);
    const to = {
      column: walk(anchor.column, chart.width, (c) => columnPixels(sheet, c)),
      row: walk(anchor.row, chart.height, (r) => rowPixels(sheet, r)),
    };
    return (
      `<xdr:twoCellAnchor editAs="oneCell">` +
      `<xdr:from><xdr:col>${anchor.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchor.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${to.column.index}</xdr:col><xdr:colOff>${to.column.offset}</xdr:colOff><xdr:row>${to.row.index}</xdr:row><xdr:rowOff>${to.row.offset}</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`;
}
