/**
 * The preview workbook: sheet tabs, a cell editor, the grid of computed values (number
 * formats, table headers and bands, conditional colours) with the sheet's charts drawn over
 * it at their anchors. Columns and rows have their planned sizes; only the rows in view (and
 * a margin) are drawn, so a sheet of any length scrolls. Text runs over empty neighbours.
 * Cells carry `data-testid="cell-<Sheet>-<A1>"` so tests can read computed values.
 */
import * as React from "react";
import { Button, Field, Input, makeStyles, mergeClasses, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { formatUi } from "../i18n/uiLocale";
import type { Locale } from "../core/locale";
import { columnLetter, parseRange } from "../workbook/address";
import type { CellDecoration, PreviewWorkbook } from "../workbook/preview/previewWorkbook";
import { chartPosition, rowAt, sheetGeometry } from "./gridGeometry";
import { formatCellValue } from "../workbook/preview/numberFormat";
import { ChartView } from "./ChartView";

/** Height of the column header row; width of the row header column comes from the last row's number. */
const HEADER_PX = 22;
/** Rows drawn above and below the visible ones, so a fast scroll shows no gap. */
const OVERSCAN_ROWS = 30;
/** A sheet this short is drawn whole (the window would save nothing). */
const RENDER_ALL_ROWS = 200;
/** Viewport height assumed until the scroller has been measured. */
const DEFAULT_VIEWPORT_PX = 600;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0, height: "100%" },
  editor: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  address: { minWidth: "4em", fontFamily: tokens.fontFamilyMonospace },
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    flexBasis: 0,
    minHeight: "240px",
    position: "relative",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grid: { position: "relative", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums", lineHeight: tokens.lineHeightBase200 },
  tabs: { flexWrap: "wrap" },
  headerRow: { position: "sticky", top: 0, zIndex: 4, display: "flex", height: `${HEADER_PX}px` },
  head: {
    boxSizing: "border-box",
    flexShrink: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { position: "sticky", left: 0, zIndex: 1 },
  row: { position: "absolute", left: 0, display: "flex" },
  rowHead: {
    boxSizing: "border-box",
    flexShrink: 0,
    position: "sticky",
    left: 0,
    zIndex: 3,
    display: "flex",
    alignItems: "center",
    justifyContent: "flex-end",
    padding: "0 4px",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    boxSizing: "border-box",
    flexShrink: 0,
    position: "relative",
    display: "flex",
    alignItems: "flex-end",
    padding: "0 4px 1px",
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflow: "hidden",
    cursor: "cell",
  },
  text: { position: "relative", zIndex: 1, display: "block", width: "100%", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  // Text running over the empty cells to its right: drawn above them, cut (not ellipsised) where they end.
  spill: { overflow: "visible", zIndex: 1 },
  spillText: { textOverflow: "clip", flexShrink: 0 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", zIndex: 2 },
  tableHeader: { backgroundColor: "#0F6CBD", color: "#FFFFFF", fontWeight: tokens.fontWeightSemibold },
  band: { backgroundColor: "#EBF3FC" },
  bar: { position: "absolute", left: 0, top: "2px", bottom: "2px", opacity: 0.35, zIndex: 0 },
  chart: { position: "absolute", zIndex: 2, boxShadow: tokens.shadow4 },
  note: { color: tokens.colorNeutralForeground3 },
});

const ICON_TEXT: Record<string, [string, string, string]> = {
  "3TrafficLights": ["● low", "● mid", "● high"],
  "3Arrows": ["▼", "►", "▲"],
  "3Symbols": ["✖", "!", "✔"],
  "3Flags": ["⚑ low", "⚑ mid", "⚑ high"],
};
const ICON_COLOURS = ["#C50F1F", "#C19C00", "#107C10"];

function useWorkbookVersion(workbook: PreviewWorkbook): number {
  return React.useSyncExternalStore(
    (listener) => workbook.subscribe(listener),
    () => workbook.version,
  );
}

export function WorkbookView(props: { workbook: PreviewWorkbook; locale: Locale }): JSX.Element {
  const styles = useStyles();
  const { workbook, locale } = props;
  useWorkbookVersion(workbook);
  const t = (key: Parameters<typeof formatUi>[1], values?: Record<string, string | number>) => formatUi(locale, key, values);
  const sheetName = workbook.activeSheet;
  const sheet = sheetName ? workbook.sheet(sheetName) : undefined;
  const [selected, setSelected] = React.useState<{ sheet: string; row: number; column: number } | null>(null);
  const [anchor, setAnchor] = React.useState<{ row: number; column: number } | null>(null);
  const [draft, setDraft] = React.useState("");
  const [scroll, setScroll] = React.useState({ top: 0, height: DEFAULT_VIEWPORT_PX });
  const editorRef = React.useRef<HTMLInputElement>(null);
  const gridRef = React.useRef<HTMLDivElement>(null);
  const scrollerRef = React.useRef<HTMLDivElement>(null);
  const selectedAddress = selected && selected.sheet === sheetName ? `${columnLetter(selected.column)}${selected.row}` : null;
  const plan = sheet?.plan;
  const usedRows = sheet?.rows ?? 0;
  const usedColumns = sheet?.columns ?? 0;
  const geometry = React.useMemo(() => (plan ? sheetGeometry(plan, usedRows, usedColumns) : undefined), [plan, usedRows, usedColumns]);

  React.useEffect(() => {
    if (!selected || selected.sheet !== sheetName) setDraft("");
    if (selected && sheetName === selected.sheet && workbook.sheet(selected.sheet)) setDraft(workbook.content(selected.sheet, `${columnLetter(selected.column)}${selected.row}`));
    // Only when the selection moves: typing must not be overwritten by recomputation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, sheetName]);

  // The viewport's height decides how many rows are drawn; it is measured, and followed on resize.
  React.useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    // Another sheet opens at its top.
    scroller.scrollTop = 0;
    const measure = () => setScroll((s) => ({ top: scroller.scrollTop, height: scroller.clientHeight > 0 ? scroller.clientHeight : s.height }));
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [sheetName]);

  if (!sheet || !sheetName || !geometry) {
    return (
      <div className={styles.root}>
        <Text as="h2" weight="semibold">
          {t("preview.workbook")}
        </Text>
        <Text className={styles.note}>{t("preview.empty")}</Text>
      </div>
    );
  }

  const { rows, columns, columnLeft, rowTop, rowHeaderPx } = geometry;
  const gridWidth = rowHeaderPx + columnLeft[columns];
  const gridHeight = HEADER_PX + rowTop[rows];

  /** Scrolls the least needed for `row` to be in view under the header. */
  const reveal = (row: number) => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const top = rowTop[row - 1];
    const bottom = rowTop[row];
    const view = Math.max(HEADER_PX, scroller.clientHeight || scroll.height) - HEADER_PX;
    let next = scroller.scrollTop;
    if (top < next) next = top;
    else if (bottom > next + view) next = bottom - view;
    if (next !== scroller.scrollTop) {
      scroller.scrollTop = next;
      setScroll((s) => ({ ...s, top: next }));
    }
  };

  const select = (row: number, column: number, extend: boolean) => {
    setSelected({ sheet: sheetName, row, column });
    const from = extend && anchor ? anchor : { row, column };
    if (!extend) setAnchor({ row, column });
    const box = { top: Math.min(from.row, row), bottom: Math.max(from.row, row), left: Math.min(from.column, column), right: Math.max(from.column, column) };
    workbook.select(sheetName, `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${box.bottom}`);
  };

  const current = selected && selected.sheet === sheetName ? selected : { row: 1, column: 1 };
  const isCurrent = (row: number, column: number) => current.row === row && current.column === column;

  /** Arrow keys move (Shift extends), Enter or F2 edits, any printable key starts typing. */
  const onGridKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const row = Math.max(1, Math.min(rows, current.row + move[0]));
      const column = Math.max(1, Math.min(columns, current.column + move[1]));
      select(row, column, e.shiftKey);
      reveal(row);
      // After the re-render the newly current cell is the one with tabindex 0.
      requestAnimationFrame(() => gridRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus());
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      if (!selected) select(current.row, current.column, false);
      requestAnimationFrame(() => editorRef.current?.focus());
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      if (!selected) select(current.row, current.column, false);
      requestAnimationFrame(() => {
        setDraft(e.key);
        editorRef.current?.focus();
      });
    }
  };

  const commit = () => {
    if (!selectedAddress) return;
    workbook.setInput(sheetName, selectedAddress, draft);
    requestAnimationFrame(() => gridRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus());
  };

  const tables = workbook.tables().filter((x) => x.sheet === sheetName);
  const decorations = workbook.decorations(sheetName);
  const selection = workbook.selection && workbook.selection.sheet === sheetName ? parseRange(workbook.selection.range) : null;

  // Only the rows in view (and a margin) are drawn; a short sheet is drawn whole.
  let first = 1;
  let last = rows;
  if (rows > RENDER_ALL_ROWS) {
    first = Math.max(1, rowAt(geometry, scroll.top) - OVERSCAN_ROWS);
    last = Math.min(rows, rowAt(geometry, scroll.top + scroll.height) + OVERSCAN_ROWS);
  }

  const cellClass = (row: number, column: number, ownFill: boolean): string | undefined => {
    for (const { box, table } of tables) {
      if (row < box.top || row > box.bottom || column < box.left || column > box.right) continue;
      if (row === box.top) return ownFill ? undefined : styles.tableHeader;
      if (table.showBandedRows !== false && (row - box.top) % 2 === 0) return styles.band;
    }
    return undefined;
  };

  // Merged cells: the top-left one is drawn over the whole range, the others are covered.
  const merged = new Map<string, { width: number; height: number }>();
  const covered = new Set<string>();
  for (const range of sheet.plan.merges ?? []) {
    const box = parseRange(range.replace(/\$/g, ""));
    const right = Math.min(box.right, columns);
    const bottom = Math.min(box.bottom, rows);
    merged.set(`${box.top}:${box.left}`, { width: columnLeft[right] - columnLeft[box.left - 1], height: rowTop[bottom] - rowTop[box.top - 1] });
    for (let r = box.top; r <= bottom; r++) for (let c = box.left; c <= right; c++) if (r !== box.top || c !== box.left) covered.add(`${r}:${c}`);
  }

  const windowValues = workbook.values(sheetName, `A${first}:${columnLetter(columns)}${last}`);
  const isEmpty = (v: unknown) => v === null || v === undefined || v === "";
  const body: JSX.Element[] = [];
  for (let r = first; r <= last; r++) {
    const height = rowTop[r] - rowTop[r - 1];
    const cells: JSX.Element[] = [
      <div key="h" role="rowheader" className={styles.rowHead} style={{ width: rowHeaderPx, height }}>
        {r}
      </div>,
    ];
    const values = windowValues[r - first];
    for (let c = 1; c <= columns; c++) {
      const address = `${columnLetter(c)}${r}`;
      const value = values[c - 1];
      const format = workbook.cellFormat(sheetName, r, c);
      const text = formatCellValue(value, format.numberFormat);
      const deco: CellDecoration | undefined = decorations.get(`${r}:${c}`);
      const align = format.style?.horizontalAlignment ?? (typeof value === "number" ? "right" : undefined);
      const merge = merged.get(`${r}:${c}`);
      const width = columnLeft[c] - columnLeft[c - 1];
      const style: React.CSSProperties = {
        width,
        height,
        ...(merge ? { width: merge.width, height: merge.height, marginRight: width - merge.width, zIndex: 1 } : undefined),
        fontWeight: format.style?.bold || deco?.bold ? 600 : undefined,
        fontStyle: format.style?.italic ? "italic" : undefined,
        color: deco?.fontColor ?? format.style?.fontColor,
        backgroundColor: deco?.fill ?? format.style?.fill ?? (merge ? tokens.colorNeutralBackground1 : undefined),
        textAlign: align,
        fontSize: format.style?.fontSize ? `${Math.min(format.style.fontSize, 16)}pt` : undefined,
      };
      const inSelection = selection && r >= selection.top && r <= selection.bottom && c >= selection.left && c <= selection.right;
      // Left-aligned text runs over the empty cells to its right, as in Excel, up to the next cell holding something.
      let spillWidth = 0;
      if (!merge && typeof value === "string" && value !== "" && (align === undefined || align === "left")) {
        let next = c + 1;
        while (next <= columns && isEmpty(values[next - 1]) && !covered.has(`${r}:${next}`)) next++;
        if (next > c + 1) spillWidth = columnLeft[next - 1] - columnLeft[c - 1] - 9;
      }
      const icon = deco?.icon ? ICON_TEXT[deco.icon.icons]?.[deco.icon.level] : undefined;
      cells.push(
        <div
          key={c}
          role="gridcell"
          aria-colindex={c + 1}
          className={mergeClasses(styles.cell, cellClass(r, c, Boolean(format.style?.fill)), spillWidth > 0 ? styles.spill : undefined, inSelection ? styles.selected : undefined)}
          style={style}
          data-testid={`cell-${sheetName}-${address}`}
          data-value={value === null ? "" : String(value)}
          title={text}
          aria-selected={inSelection ? true : undefined}
          tabIndex={isCurrent(r, c) ? 0 : -1}
          onClick={(e) => select(r, c, e.shiftKey)}
        >
          {deco?.bar && <span className={styles.bar} style={{ width: `${Math.round(deco.bar.ratio * 100)}%`, backgroundColor: deco.bar.color }} />}
          <span className={mergeClasses(styles.text, spillWidth > 0 ? styles.spillText : undefined)} style={spillWidth > 0 ? { width: spillWidth } : undefined}>
            {icon && (
              <span style={{ color: ICON_COLOURS[deco!.icon!.level] }} aria-hidden="false">
                {icon}{" "}
              </span>
            )}
            {text}
          </span>
        </div>,
      );
    }
    body.push(
      <div key={r} role="row" aria-rowindex={r + 1} className={styles.row} style={{ top: HEADER_PX + rowTop[r - 1], height, width: gridWidth }}>
        {cells}
      </div>,
    );
  }

  const charts = (sheet.plan.charts ?? []).map((chart, i) => {
    const at = chartPosition(geometry, chart);
    return (
      <ChartView
        key={i}
        data={workbook.chartData(sheetName, chart)}
        testId={`chart-${sheetName}-${i}`}
        style={{ left: rowHeaderPx + at.left, top: HEADER_PX + at.top }}
        className={styles.chart}
      />
    );
  });

  return (
    <div className={styles.root}>
      <TabList className={styles.tabs} size="small" selectedValue={sheetName} aria-label={t("preview.sheets")} onTabSelect={(_e, d) => workbook.activate(String(d.value))}>
        {workbook.sheets.map((s) => (
          <Tab key={s.name} value={s.name} data-testid={`sheet-tab-${s.name}`}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <form
        className={styles.editor}
        onSubmit={(e) => {
          e.preventDefault();
          commit();
        }}
      >
        <Text className={styles.address} aria-live="polite">
          {selectedAddress ?? "—"}
        </Text>
        <Field label={t("preview.cellEditor")} hint={t("preview.editHint")} style={{ flexGrow: 1 }}>
          <Input
            ref={editorRef}
            value={draft}
            disabled={!selectedAddress}
            data-testid="cell-editor"
            onChange={(_e, d) => setDraft(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape" && selected) {
                setDraft(workbook.content(sheetName, `${columnLetter(selected.column)}${selected.row}`));
                gridRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
              }
            }}
          />
        </Field>
        <Button type="submit" disabled={!selectedAddress}>
          {t("preview.apply")}
        </Button>
      </form>
      <div
        ref={scrollerRef}
        className={styles.scroller}
        data-testid="preview-scroller"
        onScroll={(e) => {
          const top = e.currentTarget.scrollTop;
          setScroll((s) => (s.top === top ? s : { ...s, top }));
        }}
      >
        <div
          ref={gridRef}
          role="grid"
          className={styles.grid}
          style={{ width: gridWidth, height: gridHeight }}
          aria-label={sheetName}
          aria-rowcount={rows + 1}
          aria-colcount={columns + 1}
          data-testid="preview-grid"
          data-rows={rows}
          onKeyDown={onGridKey}
        >
          <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ width: gridWidth }}>
            <div className={mergeClasses(styles.head, styles.corner)} style={{ width: rowHeaderPx }} />
            {Array.from({ length: columns }, (_x, i) => (
              <div key={i} role="columnheader" className={styles.head} style={{ width: columnLeft[i + 1] - columnLeft[i] }}>
                {columnLetter(i + 1)}
              </div>
            ))}
          </div>
          {body}
          {charts}
        </div>
      </div>
    </div>
  );
}
