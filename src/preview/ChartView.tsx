/**
 * A chart of the preview in a simple form: SVG bars (column, bar, funnel), lines, pie
 * and doughnut. Values are also listed in a visually hidden table for screen readers.
 */
import * as React from "react";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ChartData } from "../workbook/preview/previewWorkbook";
import { formatCellValue } from "../workbook/preview/numberFormat";

const useStyles = makeStyles({
  card: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
});

const PALETTE = ["#0F6CBD", "#E3008C", "#107C10", "#FFB900", "#5C2E91", "#038387", "#CA5010", "#8764B8"];

function Bars(props: { data: ChartData; width: number; height: number; horizontal: boolean }): JSX.Element {
  const { data, width, height } = props;
  const n = data.categories.length || Math.max(0, ...data.series.map((s) => s.values.length));
  const max = Math.max(0, ...data.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const pad = 4;
  const label = props.horizontal ? 90 : 0;
  const slots = Math.max(1, n);
  const seriesCount = Math.max(1, data.series.length);
  const elements: JSX.Element[] = [];
  for (let i = 0; i < n; i++) {
    data.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const ratio = max > 0 ? Math.max(0, v) / max : 0;
      const fill = PALETTE[k % PALETTE.length];
      if (props.horizontal) {
        const slot = (height - 2 * pad) / slots;
        const barH = (slot * 0.7) / seriesCount;
        const w = (width - label - 2 * pad) * ratio;
        const y = pad + i * slot + k * barH;
        const x = data.chart.type === "funnel" ? label + pad + ((width - label - 2 * pad) - w) / 2 : label + pad;
        elements.push(<rect key={`${i}-${k}`} x={x} y={y} width={w} height={barH} fill={fill} />);
      } else {
        const slot = (width - 2 * pad) / slots;
        const barW = (slot * 0.7) / seriesCount;
        const h = (height - 20 - pad) * ratio;
        elements.push(<rect key={`${i}-${k}`} x={pad + i * slot + k * barW} y={height - 20 - h} width={barW} height={h} fill={fill} />);
      }
    });
    const text = data.categories[i] ?? "";
    elements.push(
      props.horizontal ? (
        <text key={`l${i}`} x={2} y={pad + (i + 0.5) * ((height - 2 * pad) / slots)} fontSize="10" dominantBaseline="middle">
          {text.slice(0, 14)}
        </text>
      ) : (
        <text key={`l${i}`} x={pad + (i + 0.5) * ((width - 2 * pad) / slots)} y={height - 6} fontSize="9" textAnchor="middle">
          {text.slice(0, 8)}
        </text>
      ),
    );
  }
  return <>{elements}</>;
}

function Lines(props: { data: ChartData; width: number; height: number }): JSX.Element {
  const { data, width, height } = props;
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const n = Math.max(2, ...data.series.map((s) => s.values.length));
  const x = (i: number) => 6 + (i * (width - 12)) / (n - 1);
  const y = (v: number) => height - 20 - ((v - min) / (max - min || 1)) * (height - 30);
  return (
    <>
      {data.series.map((s, k) => (
        <polyline
          key={k}
          fill="none"
          stroke={PALETTE[k % PALETTE.length]}
          strokeWidth="2"
          strokeDasharray={k === 0 ? undefined : `${4 + 2 * k},3`}
          points={s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean).join(" ")}
        />
      ))}
      {data.categories.map((c, i) =>
        i % Math.ceil(data.categories.length / 6) === 0 ? (
          <text key={i} x={x(i)} y={height - 6} fontSize="9" textAnchor="middle">
            {c.slice(0, 8)}
          </text>
        ) : null,
      )}
    </>
  );
}

function Pie(props: { data: ChartData; width: number; height: number; hole: boolean }): JSX.Element {
  const values = (props.data.series[0]?.values ?? []).map((v) => Math.max(0, v ?? 0));
  const total = values.reduce((a, b) => a + b, 0);
  const r = Math.min(props.width, props.height) / 2 - 8;
  const cx = r + 8;
  const cy = props.height / 2;
  let angle = -Math.PI / 2;
  return (
    <>
      {values.map((v, i) => {
        if (total <= 0 || v <= 0) return null;
        const a = (v / total) * Math.PI * 2;
        const large = a > Math.PI ? 1 : 0;
        const x1 = cx + r * Math.cos(angle);
        const y1 = cy + r * Math.sin(angle);
        angle += a;
        const x2 = cx + r * Math.cos(angle);
        const y2 = cy + r * Math.sin(angle);
        const d = v === total ? `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0` : `M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${large} 1 ${x2} ${y2} Z`;
        return <path key={i} d={d} fill={PALETTE[i % PALETTE.length]} stroke="#fff" />;
      })}
      {props.hole && <circle cx={cx} cy={cy} r={r * 0.5} fill="#fff" />}
      {props.data.categories.slice(0, 8).map((c, i) => (
        <g key={`k${i}`}>
          <rect x={2 * r + 24} y={10 + i * 14} width="8" height="8" fill={PALETTE[i % PALETTE.length]} />
          <text x={2 * r + 36} y={18 + i * 14} fontSize="10">
            {c.slice(0, 16)} {total > 0 ? formatCellValue((values[i] ?? 0) / total, "0.0%") : ""}
          </text>
        </g>
      ))}
    </>
  );
}

export function ChartView(props: { data: ChartData; testId: string }): JSX.Element {
  const styles = useStyles();
  const { data } = props;
  const width = Math.max(220, Math.min(420, data.chart.width));
  const height = Math.max(140, Math.min(280, data.chart.height));
  const type = data.chart.type;
  let body: JSX.Element;
  if (type === "line") body = <Lines data={data} width={width} height={height} />;
  else if (type === "pie" || type === "doughnut") body = <Pie data={data} width={width} height={height} hole={type === "doughnut"} />;
  else body = <Bars data={data} width={width} height={height} horizontal={type === "bar" || type === "funnel"} />;
  return (
    <figure className={styles.card} data-testid={props.testId} data-chart-type={type}>
      <figcaption>
        <Text weight="semibold">{data.chart.title}</Text>
      </figcaption>
      <svg width={width} height={height} role="img" aria-label={data.chart.title}>
        {body}
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
