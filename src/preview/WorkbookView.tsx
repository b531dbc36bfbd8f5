/**
 * The preview workbook: sheet tabs, a cell editor, the grid of computed values (number
 * formats, table headers and bands, conditional colours) and the sheet's charts.
 * Cells carry `data-testid="cell-<Sheet>-<A1>"` so tests can read computed values.
 */
import * as React from "react";
import { Button, Field, Input, makeStyles, mergeClasses, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { formatUi } from "../i18n/uiLocale";
import type { Locale } from "../core/locale";
import { columnLetter, parseRange } from "../workbook/address";
import type { CellDecoration, PreviewWorkbook } from "../workbook/preview/previewWorkbook";
import { formatCellValue } from "../workbook/preview/numberFormat";
import { ChartView } from "./ChartView";

const MAX_ROWS_SHOWN = 400;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0, height: "100%" },
  editor: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  address: { minWidth: "4em", fontFamily: tokens.fontFamilyMonospace },
  scroller: { overflow: "auto", flexGrow: 1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, maxHeight: "70vh" },
  grid: { borderCollapse: "collapse", tableLayout: "fixed", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  tabs: { flexWrap: "wrap" },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, padding: "0 4px", border: `1px solid ${tokens.colorNeutralStroke2}`, position: "sticky", top: 0, zIndex: 2 },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, padding: "0 4px", border: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "right" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke3}`, padding: "1px 4px", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", position: "relative", cursor: "cell" },
  spill: { overflow: "visible", textOverflow: "clip" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  tableHeader: { backgroundColor: "#0F6CBD", color: "#FFFFFF", fontWeight: tokens.fontWeightSemibold },
  band: { backgroundColor: "#EBF3FC" },
  bar: { position: "absolute", left: 0, top: "2px", bottom: "2px", opacity: 0.35, zIndex: 0 },
  text: { position: "relative", zIndex: 1 },
  charts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground3 },
});

const ROW_HEADER_PX = 36;

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
  const editorRef = React.useRef<HTMLInputElement>(null);
  const gridRef = React.useRef<HTMLTableElement>(null);
  const selectedAddress = selected && selected.sheet === sheetName ? `${columnLetter(selected.column)}${selected.row}` : null;

  React.useEffect(() => {
    if (!selected || selected.sheet !== sheetName) setDraft("");
    if (selected && sheetName === selected.sheet && workbook.sheet(selected.sheet)) setDraft(workbook.content(selected.sheet, `${columnLetter(selected.column)}${selected.row}`));
    // Only when the selection moves: typing must not be overwritten by recomputation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, sheetName]);

  if (!sheet || !sheetName) {
    return (
      <div className={styles.root}>
        <Text as="h2" weight="semibold">
          {t("preview.workbook")}
        </Text>
        <Text className={styles.note}>{t("preview.empty")}</Text>
      </div>
    );
  }

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
  const onGridKey = (e: React.KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const row = Math.max(1, Math.min(rows, current.row + move[0]));
      const column = Math.max(1, Math.min(columns, current.column + move[1]));
      select(row, column, e.shiftKey);
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
  const rows = Math.min(sheet.rows, MAX_ROWS_SHOWN);
  const columns = sheet.columns;
  // Excel's column width is in characters; about 7 px each plus padding.
  const columnPx = Array.from({ length: columns }, (_x, i) => {
    const chars = sheet.plan.columnWidths?.[columnLetter(i + 1)] ?? 10;
    return Math.round(Math.max(3, Math.min(chars, 60)) * 7 + 10);
  });

  const cellClass = (row: number, column: number, ownFill: boolean): string | undefined => {
    for (const { box, table } of tables) {
      if (row < box.top || row > box.bottom || column < box.left || column > box.right) continue;
      if (row === box.top) return ownFill ? undefined : styles.tableHeader;
      if (table.showBandedRows !== false && (row - box.top) % 2 === 0) return styles.band;
    }
    return undefined;
  };

  const body: JSX.Element[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells: JSX.Element[] = [<th key="h" scope="row" className={styles.rowHead}>{r}</th>];
    const values = workbook.values(sheetName, `A${r}:${columnLetter(columns)}${r}`)[0];
    for (let c = 1; c <= columns; c++) {
      const address = `${columnLetter(c)}${r}`;
      const format = workbook.cellFormat(sheetName, r, c);
      const text = formatCellValue(values[c - 1], format.numberFormat);
      const deco: CellDecoration | undefined = decorations.get(`${r}:${c}`);
      const style: React.CSSProperties = {
        fontWeight: format.style?.bold || deco?.bold ? 600 : undefined,
        fontStyle: format.style?.italic ? "italic" : undefined,
        color: deco?.fontColor ?? format.style?.fontColor,
        backgroundColor: deco?.fill ?? format.style?.fill,
        textAlign: format.style?.horizontalAlignment ?? (typeof values[c - 1] === "number" ? "right" : undefined),
        fontSize: format.style?.fontSize ? `${Math.min(format.style.fontSize, 16)}pt` : undefined,
      };
      const inSelection = selection && r >= selection.top && r <= selection.bottom && c >= selection.left && c <= selection.right;
      // Text runs over empty cells to its right, as in Excel.
      const spills = typeof values[c - 1] === "string" && c < columns && (values[c] === null || values[c] === undefined || values[c] === "");
      const icon = deco?.icon ? ICON_TEXT[deco.icon.icons]?.[deco.icon.level] : undefined;
      cells.push(
        <td
          key={c}
          className={mergeClasses(styles.cell, cellClass(r, c, Boolean(format.style?.fill)), spills ? styles.spill : undefined, inSelection ? styles.selected : undefined)}
          style={style}
          data-testid={`cell-${sheetName}-${address}`}
          data-value={values[c - 1] === null ? "" : String(values[c - 1])}
          title={text}
          aria-selected={inSelection ? true : undefined}
          tabIndex={isCurrent(r, c) ? 0 : -1}
          onClick={(e) => select(r, c, e.shiftKey)}
        >
          {deco?.bar && <span className={styles.bar} style={{ width: `${Math.round(deco.bar.ratio * 100)}%`, backgroundColor: deco.bar.color }} />}
          <span className={styles.text}>
            {icon && (
              <span style={{ color: ICON_COLOURS[deco!.icon!.level] }} aria-hidden="false">
                {icon}{" "}
              </span>
            )}
            {text}
          </span>
        </td>,
      );
    }
    body.push(<tr key={r}>{cells}</tr>);
  }

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
      <div className={styles.scroller}>
        <table
          ref={gridRef}
          className={styles.grid}
          // A fixed layout honours the planned column widths only when the table's own width is theirs.
          style={{ width: `${ROW_HEADER_PX + columnPx.reduce((a, b) => a + b, 0)}px` }}
          aria-label={sheetName}
          data-testid="preview-grid"
          onKeyDown={onGridKey}
        >
          <colgroup>
            <col style={{ width: `${ROW_HEADER_PX}px` }} />
            {columnPx.map((px, i) => (
              <col key={i} style={{ width: `${px}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.head} />
              {Array.from({ length: columns }, (_x, i) => (
                <th key={i} scope="col" className={styles.head}>
                  {columnLetter(i + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      {sheet.rows > MAX_ROWS_SHOWN && <Text className={styles.note}>… {sheet.rows - MAX_ROWS_SHOWN}</Text>}
      {(sheet.plan.charts ?? []).length > 0 && (
        <div className={styles.charts}>
          {(sheet.plan.charts ?? []).map((chart, i) => (
            <ChartView key={i} data={workbook.chartData(sheetName, chart)} testId={`chart-${sheetName}-${i}`} />
          ))}
        </div>
      )}
    </div>
  );
}
