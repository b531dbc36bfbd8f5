/**
 * Where the export comes from: the file picker or a dropped file, the sample when the
 * host has one, the selection, or one of the workbook's tables.
 */
import * as React from "react";
import { Button, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useUi } from "../../uiContext";

const useStyles = makeStyles({
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: tokens.spacingVerticalS,
  },
  dropActive: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  hidden: { display: "none" },
  grow: { flexGrow: 1, flexBasis: "10em", minWidth: 0, maxWidth: "100%" },
});

export interface SourceSectionProps {
  busy: boolean;
  canLoadSample: boolean;
  tables: string[];
  table: string;
  onChooseTable(table: string): void;
  onFile(file: File): void;
  onSample(): void;
  onSelection(): void;
  onTable(): void;
}

export function SourceSection(props: SourceSectionProps): JSX.Element {
  const styles = useStyles();
  const { t } = useUi();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);
  const { busy, tables, table } = props;

  return (
    <>
      <div
        className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files?.[0];
          if (file) props.onFile(file);
        }}
      >
        <label htmlFor="data-file">{t("data.fileLabel")}</label>
        <input
          id="data-file"
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv"
          data-testid="data-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onFile(file);
            e.target.value = "";
          }}
        />
        <Button appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t("data.choose")}
        </Button>
        <Text size={200}>{dragging ? t("data.dropActive") : t("data.drop")}</Text>
        {props.canLoadSample && (
          <Button disabled={busy} data-testid="data-sample" onClick={props.onSample}>
            {t("preview.sample")}
          </Button>
        )}
      </div>
      <div className={styles.row}>
        <Button disabled={busy} onClick={props.onSelection}>
          {t("data.fromSelection")}
        </Button>
        {tables.length > 0 ? (
          <>
            <Field label={t("data.tableLabel")} className={styles.grow}>
              <Select value={table} onChange={(_e, d) => props.onChooseTable(d.value)}>
                <option value="" />
                {tables.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button disabled={busy || table === ""} onClick={props.onTable}>
              {t("data.fromTable")}
            </Button>
          </>
        ) : (
          <Text size={200}>{t("data.noTables")}</Text>
        )}
      </div>
    </>
  );
}
