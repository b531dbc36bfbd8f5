/**
 * An editable tier table (from, rate %) validated as you type: thresholds strictly
 * ascending, rates 0 or more. Errors are written next to the row, not shown by colour alone.
 */
import * as React from "react";
import { Button, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { UiKey } from "../../i18n/uiLocale";
import { readNumber } from "../../compose/fields";
import { useUi } from "../uiContext";

const useStyles = makeStyles({
  // A fieldset is at least as wide as its content unless told otherwise: let it fit the pane.
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0, marginInline: 0 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  cell: { flexGrow: 1, flexBasis: 0, minWidth: 0 },
  input: { minWidth: 0, width: "100%" },
});

export interface TierRow {
  from: string;
  rate: string;
}

export interface TierRowErrors {
  from?: UiKey;
  rate?: UiKey;
}

/**
 * Checks a tier table as typed.
 *
 * Rules: at least one row; every "from" a number of 0 or more and strictly above the row
 * before; every rate (in %) a number of 0 or more.
 *
 * @example
 * validateTierRows([{ from: "0", rate: "5" }, { from: "0", rate: "8" }]).rows[1].from // "commission.tierNotAscending"
 */
export function validateTierRows(rows: readonly TierRow[]): { rows: TierRowErrors[]; table?: UiKey; tiers: { from: number; rate: number }[] } {
  const errors: TierRowErrors[] = rows.map(() => ({}));
  const tiers: { from: number; rate: number }[] = [];
  let previous: number | null = null;
  rows.forEach((row, i) => {
    const from = readNumber(row.from);
    const rate = readNumber(row.rate);
    if (from === null) errors[i].from = "common.required";
    else if (Number.isNaN(from)) errors[i].from = "common.mustBeNumber";
    else if (from < 0) errors[i].from = "common.mustBeNonNegative";
    else if (previous !== null && from <= previous) errors[i].from = "commission.tierNotAscending";
    if (rate === null) errors[i].rate = "common.required";
    else if (Number.isNaN(rate) || rate < 0) errors[i].rate = "commission.tierRateInvalid";
    if (from !== null && !Number.isNaN(from)) previous = from;
    if (!errors[i].from && !errors[i].rate) tiers.push({ from: from as number, rate: (rate as number) / 100 });
  });
  return { rows: errors, table: rows.length === 0 ? "commission.noTiers" : undefined, tiers };
}

export function TierTable(props: { rows: TierRow[]; onChange(rows: TierRow[]): void; fromLabel?: UiKey }): JSX.Element {
  const styles = useStyles();
  const { t } = useUi();
  const check = validateTierRows(props.rows);
  const update = (i: number, patch: Partial<TierRow>) => props.onChange(props.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className={styles.root} aria-describedby={check.table ? "tier-table-error" : undefined}>
      <legend>
        <Text weight="semibold">{t("commission.tiers")}</Text>
      </legend>
      {props.rows.map((row, i) => {
        const e = check.rows[i];
        const name = t("commission.tierRow", { n: i + 1 });
        return (
          <div className={styles.row} key={i} data-testid={`tier-row-${i}`}>
            <Field className={styles.cell} label={`${name}: ${t(props.fromLabel ?? "commission.tierFrom")}`} validationState={e.from ? "error" : "none"} validationMessage={e.from ? t(e.from) : undefined}>
              <Input className={styles.input} value={row.from} inputMode="decimal" onChange={(_ev, d) => update(i, { from: d.value })} />
            </Field>
            <Field className={styles.cell} label={`${name}: ${t("commission.tierRate")}`} validationState={e.rate ? "error" : "none"} validationMessage={e.rate ? t(e.rate) : undefined}>
              <Input className={styles.input} value={row.rate} inputMode="decimal" onChange={(_ev, d) => update(i, { rate: d.value })} />
            </Field>
            <Button aria-label={`${t("common.remove")} ${name}`} onClick={() => props.onChange(props.rows.filter((_r, j) => j !== i))}>
              {t("common.remove")}
            </Button>
          </div>
        );
      })}
      {check.table && (
        <Text id="tier-table-error" role="alert">
          {t(check.table)}
        </Text>
      )}
      <div>
        <Button onClick={() => props.onChange([...props.rows, { from: "", rate: "" }])}>{t("common.add")}</Button>
      </div>
    </fieldset>
  );
}
