/**
 * A chart of the preview as SVG, drawn at its planned size: columns, bars, funnel, lines,
 * pie and doughnut, with a value axis whose ticks use the chart's number format, data labels
 * when there are few points (or the plan asks for them), a legend when there is more than one
 * series (or the plan asks for one), and category labels shown whole: on one line, wrapped at
 * spaces, slanted or every second one, never cut. Values are also listed in a visually hidden
 * table for screen readers. Geometry is in chartLayout.ts.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ChartData } from "../workbook/preview/previewWorkbook";
import { formatCellValue } from "../workbook/preview/numberFormat";
import {
  CategoryLabelLayout,
  FONT_PX,
  layoutCategoryLabels,
  layoutLegend,
  layoutLegendColumn,
  layoutSideLabels,
  LegendEntry,
  LegendLayout,
  LINE_PX,
  niceTicks,
  textWidth,
  wrapWords,
} from "./chartLayout";

const useStyles = makeStyles({
  card: {
    boxSizing: "border-box",
    margin: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: "hidden",
  },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

export const PALETTE = ["#0F6CBD", "#E3008C", "#107C10", "#FFB900", "#5C2E91", "#038387", "#CA5010", "#8764B8"];
const FONT_FAMILY = "'Segoe UI', 'Liberation Sans', Arial, sans-serif";
const AXIS_COLOUR = "#616161";
const GRID_COLOUR = "#E0E0E0";
const TEXT_COLOUR = "#242424";
const TITLE_PX = 13;
const TITLE_LINE_PX = 17;
const PAD = 8;

/** Dashes of line series after the first, so lines differ by more than colour. */
export function seriesDash(k: number): string | undefined {
  return k === 0 ? undefined : `${4 + 2 * k},3`;
}

interface Frame {
  width: number;
  height: number;
  /** Top of the drawing area (below the title). */
  top: number;
  /** Bottom of the drawing area (above a bottom legend). */
  bottom: number;
  format: (v: number) => string;
  labels: boolean;
  testId: string;
}

/** Text of several lines: one tspan a line, `lineHeight` apart, the first on `y`. */
function Lines(props: { lines: string[]; x: number; y: number; lineHeight?: number } & React.SVGProps<SVGTextElement>): JSX.Element {
  const { lines, x, y, lineHeight = LINE_PX, ...rest } = props;
  return (
    <text x={x} y={y} {...rest}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function Legend(props: { layout: LegendLayout; x: number; y: number; testId: string }): JSX.Element {
  return (
    <g data-testid={`${props.testId}-legend`} transform={`translate(${props.x},${props.y})`}>
      {props.layout.items.map(({ entry, x, y, lines }, i) => (
        <g key={i} data-testid={`${props.testId}-legend-entry`}>
          {entry.kind === "line" ? (
            <>
              <line x1={x} x2={x + 18} y1={y + 6} y2={y + 6} stroke={entry.color} strokeWidth={2} strokeDasharray={entry.dash} />
              <circle cx={x + 9} cy={y + 6} r={2.5} fill={entry.color} />
            </>
          ) : (
            <rect x={x + 4} y={y + 1} width={10} height={10} fill={entry.color} />
          )}
          <Lines lines={lines} x={x + 22} y={y + 10} fontSize={FONT_PX} fill={TEXT_COLOUR} />
        </g>
      ))}
    </g>
  );
}

function tickMaxCount(length: number, spacing: number): number {
  return Math.max(2, Math.min(8, Math.floor(length / spacing)));
}

/** Columns (vertical bars) and lines: value axis on the left, categories below. */
function CategoryChart(props: { data: ChartData; frame: Frame; kind: "column" | "line" }): JSX.Element {
  const { data, frame, kind } = props;
  const { format } = frame;
  const n = Math.max(data.categories.length, ...data.series.map((s) => s.values.length), 1);
  const categories = Array.from({ length: n }, (_x, i) => data.categories[i] ?? "");
  const values = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const seriesCount = Math.max(1, data.series.length);
  const labelRoom = frame.labels ? LINE_PX : 4;
  const plotTop = frame.top + labelRoom;
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), tickMaxCount(frame.bottom - plotTop - 40, 34), format);
  const axisWidth = Math.max(...ticks.map((t) => textWidth(format(t)))) + 6;
  let plotLeft = PAD + axisWidth;
  const plotRight = frame.width - PAD;
  const maxLabelHeight = Math.max(LINE_PX + 2, (frame.bottom - plotTop) * 0.4);
  let slot = (plotRight - plotLeft) / n;
  let cats: CategoryLabelLayout = layoutCategoryLabels(categories, slot, maxLabelHeight);
  if (cats.overhangLeft > plotLeft - 2) {
    plotLeft = cats.overhangLeft + 2;
    slot = (plotRight - plotLeft) / n;
    cats = layoutCategoryLabels(categories, slot, maxLabelHeight);
  }
  const plotBottom = frame.bottom - cats.height - 4;
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number) => plotBottom - ((v - lo) / (hi - lo || 1)) * (plotBottom - plotTop);
  const cx = (i: number) => plotLeft + (i + 0.5) * slot;
  const elements: JSX.Element[] = [];

  const axis = (
    <g data-testid={`${frame.testId}-value-axis`}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={plotLeft} x2={plotRight} y1={y(t)} y2={y(t)} stroke={t === 0 ? AXIS_COLOUR : GRID_COLOUR} strokeWidth={1} />
          <text data-testid={`${frame.testId}-tick`} x={plotLeft - 4} y={y(t)} dy="0.32em" textAnchor="end" fontSize={FONT_PX} fill={AXIS_COLOUR}>
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );

  if (kind === "column") {
    const barW = (slot * 0.7) / seriesCount;
    data.series.forEach((s, k) => {
      for (let i = 0; i < n; i++) {
        const v = s.values[i];
        if (v === null || v === undefined) continue;
        const x = plotLeft + i * slot + slot * 0.15 + k * barW;
        const top = y(Math.max(0, v));
        const bottom = y(Math.min(0, v));
        elements.push(<rect key={`b${k}-${i}`} x={x} y={top} width={Math.max(0.5, barW - 1)} height={Math.max(0, bottom - top)} fill={PALETTE[k % PALETTE.length]} />);
        if (!frame.labels) continue;
        const text = format(v);
        const size = textWidth(text) <= barW + slot * 0.3 ? FONT_PX : textWidth(text, 8) <= barW + slot * 0.3 ? 8 : 0;
        if (size === 0) continue;
        elements.push(
          <text key={`d${k}-${i}`} data-testid={`${frame.testId}-data-label`} x={x + barW / 2} y={v >= 0 ? top - 3 : bottom + size} textAnchor="middle" fontSize={size} fill={TEXT_COLOUR}>
            {text}
          </text>,
        );
      }
    });
  } else {
    data.series.forEach((s, k) => {
      const colour = PALETTE[k % PALETTE.length];
      // A missing value breaks the line, as Excel leaves a gap.
      const runs: string[][] = [[]];
      s.values.forEach((v, i) => {
        if (v === null) runs.push([]);
        else runs[runs.length - 1].push(`${cx(i)},${y(v)}`);
      });
      runs
        .filter((r) => r.length > 0)
        .forEach((r, j) =>
          elements.push(<polyline key={`l${k}-${j}`} fill="none" stroke={colour} strokeWidth={2} strokeDasharray={seriesDash(k)} points={r.join(" ")} />),
        );
      s.values.forEach((v, i) => {
        if (v === null) return;
        if (n <= 40 || runs.some((r) => r.length === 1)) elements.push(<circle key={`m${k}-${i}`} cx={cx(i)} cy={y(v)} r={2.5} fill={colour} />);
        if (frame.labels) {
          const text = format(v);
          if (textWidth(text) > slot + 2 && data.chart.dataLabels !== true) return;
          elements.push(
            <text key={`d${k}-${i}`} data-testid={`${frame.testId}-data-label`} x={cx(i)} y={y(v) - 6} textAnchor="middle" fontSize={FONT_PX} fill={TEXT_COLOUR}>
              {text}
            </text>,
          );
        }
      });
    });
  }

  const labelTop = plotBottom + 4;
  const categoryLabels = (
    <g data-testid={`${frame.testId}-categories`} data-mode={cats.mode} data-step={cats.step}>
      {cats.lines.map((lines, i) => {
        if (lines.length === 0) return null;
        const x = cx(i);
        if (cats.mode === "rotate") {
          const ty = labelTop + 6;
          return (
            <text key={i} data-testid={`${frame.testId}-category`} x={x} y={ty} textAnchor="end" fontSize={FONT_PX} fill={TEXT_COLOUR} transform={`rotate(-45 ${x} ${ty})`}>
              {lines[0]}
            </text>
          );
        }
        return <Lines key={i} data-testid={`${frame.testId}-category`} lines={lines} x={x} y={labelTop + LINE_PX - 3} textAnchor="middle" fontSize={FONT_PX} fill={TEXT_COLOUR} />;
      })}
    </g>
  );

  return (
    <>
      {axis}
      <line x1={plotLeft} x2={plotLeft} y1={plotTop} y2={plotBottom} stroke={AXIS_COLOUR} strokeWidth={1} />
      {elements}
      {categoryLabels}
    </>
  );
}

/** Horizontal bars and the funnel: categories on the left, top to bottom. */
function BarChart(props: { data: ChartData; frame: Frame; funnel: boolean }): JSX.Element {
  const { data, frame, funnel } = props;
  const { format } = frame;
  const n = Math.max(data.categories.length, ...data.series.map((s) => s.values.length), 1);
  const categories = Array.from({ length: n }, (_x, i) => data.categories[i] ?? "");
  const values = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const seriesCount = Math.max(1, data.series.length);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  // The funnel has no value axis (as in Excel): its bars carry their values.
  const axisHeight = funnel ? 0 : LINE_PX + 6;
  const plotTop = frame.top + 4;
  const plotBottom = frame.bottom - axisHeight - 2;
  const slot = (plotBottom - plotTop) / n;
  const side = layoutSideLabels(categories, slot, frame.width * 0.36, frame.width * 0.5);
  const plotLeft = PAD + side.width + 6;
  const dataLabelRoom = frame.labels && !funnel ? Math.max(0, ...values.map((v) => textWidth(format(v)))) + 6 : 0;
  const roughTicks = niceTicks(min, max, 5, format);
  const lastTickHalf = funnel ? 0 : textWidth(format(roughTicks[roughTicks.length - 1])) / 2;
  const plotRight = frame.width - PAD - Math.max(dataLabelRoom, lastTickHalf);
  const ticks = funnel
    ? [min, max]
    : niceTicks(min, max, tickMaxCount(plotRight - plotLeft, Math.max(...roughTicks.map((t) => textWidth(format(t)))) + 14), format);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const x = (v: number) => plotLeft + ((v - lo) / (hi - lo || 1)) * (plotRight - plotLeft);
  const elements: JSX.Element[] = [];
  const barH = (slot * (funnel ? 0.8 : 0.7)) / seriesCount;
  data.series.forEach((s, k) => {
    for (let i = 0; i < n; i++) {
      const v = s.values[i];
      if (v === null || v === undefined) continue;
      const top = plotTop + i * slot + slot * (funnel ? 0.1 : 0.15) + k * barH;
      const fill = PALETTE[k % PALETTE.length];
      let left: number;
      let right: number;
      if (funnel) {
        const w = (Math.max(0, v) / (max || 1)) * (plotRight - plotLeft);
        left = plotLeft + (plotRight - plotLeft - w) / 2;
        right = left + w;
      } else {
        left = x(Math.min(0, v));
        right = x(Math.max(0, v));
      }
      elements.push(<rect key={`b${k}-${i}`} x={left} y={top} width={Math.max(0, right - left)} height={Math.max(0.5, barH - 1)} fill={fill} />);
      if (!frame.labels) continue;
      const text = format(v);
      const size = barH - 1 >= LINE_PX - 2 ? FONT_PX : 8;
      const w = textWidth(text, size);
      const mid = top + barH / 2;
      if (funnel && w + 6 <= right - left) {
        elements.push(
          <text key={`d${k}-${i}`} data-testid={`${frame.testId}-data-label`} x={(left + right) / 2} y={mid} dy="0.32em" textAnchor="middle" fontSize={size} fill="#FFFFFF">
            {text}
          </text>,
        );
      } else {
        elements.push(
          <text key={`d${k}-${i}`} data-testid={`${frame.testId}-data-label`} x={(v < 0 ? left - 3 : right + 3)} y={mid} dy="0.32em" textAnchor={v < 0 ? "end" : "start"} fontSize={size} fill={TEXT_COLOUR}>
            {text}
          </text>,
        );
      }
    }
  });
  const labels = (
    <g data-testid={`${frame.testId}-categories`}>
      {side.lines.map((lines, i) =>
        lines.length === 0 ? null : (
          <Lines
            key={i}
            data-testid={`${frame.testId}-category`}
            lines={lines}
            lineHeight={side.lineHeight}
            x={plotLeft - 6}
            y={plotTop + (i + 0.5) * slot - ((lines.length - 1) * side.lineHeight) / 2}
            dy="0.32em"
            textAnchor="end"
            fontSize={side.fontSize}
            fill={TEXT_COLOUR}
          />
        ),
      )}
    </g>
  );
  const axis = funnel ? null : (
    <g data-testid={`${frame.testId}-value-axis`}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={plotTop} y2={plotBottom} stroke={t === 0 ? AXIS_COLOUR : GRID_COLOUR} strokeWidth={1} />
          <text data-testid={`${frame.testId}-tick`} x={x(t)} y={plotBottom + LINE_PX} textAnchor="middle" fontSize={FONT_PX} fill={AXIS_COLOUR}>
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
  return (
    <>
      {axis}
      {elements}
      {labels}
    </>
  );
}

/** Pie and doughnut: the first series, slices labelled with their share when there is room. */
function PieChart(props: { data: ChartData; frame: Frame; hole: boolean; legend: LegendLayout | null; legendX: number }): JSX.Element {
  const { data, frame, hole } = props;
  const values = (data.series[0]?.values ?? []).map((v) => Math.max(0, v ?? 0));
  const total = values.reduce((a, b) => a + b, 0);
  const areaRight = props.legend ? props.legendX - 12 : frame.width - PAD;
  const r = Math.max(10, Math.min((areaRight - PAD) / 2, (frame.bottom - frame.top - 8) / 2));
  const cx = PAD + (areaRight - PAD) / 2;
  const cy = (frame.top + frame.bottom) / 2;
  let angle = -Math.PI / 2;
  const slices: JSX.Element[] = [];
  const labels: JSX.Element[] = [];
  values.forEach((v, i) => {
    if (total <= 0 || v <= 0) return;
    const a = (v / total) * Math.PI * 2;
    const large = a > Math.PI ? 1 : 0;
    const x1 = cx + r * Math.cos(angle);
    const y1 = cy + r * Math.sin(angle);
    const middle = angle + a / 2;
    angle += a;
    const x2 = cx + r * Math.cos(angle);
    const y2 = cy + r * Math.sin(angle);
    const d = v === total ? `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0` : `M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${large} 1 ${x2} ${y2} Z`;
    slices.push(<path key={i} d={d} fill={PALETTE[i % PALETTE.length]} stroke="#fff" />);
    if (!frame.labels) return;
    const text = formatCellValue(v / total, "0%");
    const at = hole ? 0.75 : 0.62;
    // Only where the slice is wide enough at that radius to hold the text.
    if (a * r * at < textWidth(text) + 4 || (hole && r * 0.5 < LINE_PX)) return;
    labels.push(
      <text key={`d${i}`} data-testid={`${frame.testId}-data-label`} x={cx + r * at * Math.cos(middle)} y={cy + r * at * Math.sin(middle)} dy="0.32em" textAnchor="middle" fontSize={FONT_PX} fill="#FFFFFF" fontWeight={600}>
        {text}
      </text>,
    );
  });
  return (
    <>
      {slices}
      {hole && <circle cx={cx} cy={cy} r={r * 0.5} fill="#fff" />}
      {labels}
    </>
  );
}

/** The number format for axis and labels: the plan's, else thousands separated for large values. */
function chartFormat(data: ChartData): (v: number) => string {
  const values = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const fallback = Math.max(0, ...values.map(Math.abs)) >= 10000 ? "#,##0" : undefined;
  const format = data.chart.numberFormat ?? fallback;
  return (v: number) => formatCellValue(v, format);
}

export function ChartView(props: { data: ChartData; testId: string; style?: React.CSSProperties; className?: string }): JSX.Element {
  const styles = useStyles();
  const { data, testId } = props;
  const { chart } = data;
  // The card is the planned size; the drawing is inside its 1 px border.
  const outerWidth = Math.max(160, chart.width);
  const outerHeight = Math.max(120, chart.height);
  const width = outerWidth - 2;
  const height = outerHeight - 2;
  const type = chart.type;
  const pie = type === "pie" || type === "doughnut";
  const format = chartFormat(data);
  const points = pie ? data.categories.length : Math.max(0, ...data.series.map((s) => s.values.length)) * Math.max(1, data.series.length);
  const labels = chart.dataLabels === true || (chart.dataLabels !== false && (type === "funnel" || (pie ? points <= 8 : points <= 12 && (type !== "line" || data.series.length === 1))));

  const titleLines = wrapWords(chart.title, width - 2 * PAD, TITLE_PX * 1.06) ?? [chart.title];
  const top = PAD + titleLines.length * TITLE_LINE_PX;

  const legendWanted = pie ? chart.showLegend !== false && data.categories.length > 0 : data.series.length > 1 || chart.showLegend === true;
  const entries: LegendEntry[] = pie
    ? data.categories.map((c, i) => ({ label: c, color: PALETTE[i % PALETTE.length], kind: "box" }))
    : data.series.map((s, k) => ({ label: s.name, color: PALETTE[k % PALETTE.length], kind: type === "line" ? "line" : "box", dash: type === "line" ? seriesDash(k) : undefined }));
  let legend: LegendLayout | null = null;
  let legendX = PAD;
  let legendY = 0;
  let bottom = height - PAD;
  if (legendWanted && pie && width >= 260) {
    legend = layoutLegendColumn(entries, Math.min(width * 0.45, Math.max(...entries.map((e) => textWidth(e.label) + 24))));
    legendX = width - PAD - legend.width;
    legendY = Math.max(top, (top + bottom - legend.height) / 2);
  } else if (legendWanted) {
    legend = layoutLegend(entries, width - 2 * PAD);
    legendX = PAD + (width - 2 * PAD - legend.width) / 2;
    legendY = height - PAD - legend.height;
    bottom = legendY - 6;
  }
  const frame: Frame = { width, height, top, bottom, format, labels, testId };

  let body: JSX.Element;
  if (type === "line") body = <CategoryChart data={data} frame={frame} kind="line" />;
  else if (pie) body = <PieChart data={data} frame={frame} hole={type === "doughnut"} legend={legend} legendX={legendX} />;
  else if (type === "bar" || type === "funnel") body = <BarChart data={data} frame={frame} funnel={type === "funnel"} />;
  else body = <CategoryChart data={data} frame={frame} kind="column" />;

  return (
    <figure className={mergeClasses(styles.card, props.className)} style={{ width: outerWidth, height: outerHeight, ...props.style }} data-testid={testId} data-chart-type={type} data-anchor={chart.anchor.replace(/\$/g, "")}>
      <figcaption className={styles.hidden}>{chart.title}</figcaption>
      <svg width={width} height={height} role="img" aria-label={chart.title} fontFamily={FONT_FAMILY} style={{ display: "block" }}>
        <Lines data-testid={`${testId}-title`} lines={titleLines} x={width / 2} y={PAD + TITLE_PX - 1} lineHeight={TITLE_LINE_PX} textAnchor="middle" fontSize={TITLE_PX} fontWeight={600} fill={TEXT_COLOUR} />
        {body}
        {legend && <Legend layout={legend} x={legendX} y={legendY} testId={testId} />}
      </svg>
      <table className={styles.hidden}>
        <tbody>
          {data.categories.map((c, i) => (
            <tr key={i}>
              <th scope="row">{c}</th>
              {data.series.map((s, k) => (
                <td key={k}>{s.values[i] ?? ""}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
