/**
 * Commission: the plan editor (src/compose/sheets.ts COMMISSION: basis, method, quota, gate,
 * cap, credits) with an editable tier table and the plan's period settings beside it: period
 * (month, quarter, year), fiscal year start, year to date and what a negative true-up does.
 * The period settings are checked as you type by the plan validation, with the messages the
 * command line gives for a plan file (`commissionPeriodSettings`).
 */
import * as React from "react";
import { Checkbox, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import type { SheetRequest } from "../../compose";
import type { ParsedValues } from "../../compose/fields";
import {
  commissionPeriodSettings,
  CommissionPeriodInput,
  CommissionPeriodSettings,
  commissionPlanFromForm,
  CommissionFormValues,
  creditsFromLines,
} from "../../compose/sheets";
import { periodOfDate } from "../../core/commission/periods";
import { commissionText, localizeCommissionMessages } from "../../i18n/commission";
import { useAppState } from "../appContext";
import { GeneratorPane } from "../components/GeneratorPane";
import { TierRow, TierTable, validateTierRows } from "../components/TierTable";
import { useUi } from "../uiContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0, marginInline: 0 },
  select: { minWidth: 0, width: "100%" },
});

interface CommissionExtra {
  tiers: { from: number; rate: number }[];
  periods?: CommissionPeriodSettings;
}

/**
 * The commission request of the form: typed credits in one period (the plan's period that
 * holds today: "2025-03", "2025-Q1", "FY2026-Q1"...), or the won deals per period.
 */
export function commissionRequest(parsed: ParsedValues, extra: unknown, now: Date = new Date()): SheetRequest {
  const values = parsed as unknown as CommissionFormValues;
  const { tiers, periods } = extra as CommissionExtra;
  const plan = commissionPlanFromForm(values, tiers, periods);
  if (values.credits === "typed") {
    const label = periodOfDate(now.toISOString().slice(0, 10), plan.period ?? "month", plan.fiscalYearStart ?? 1) ?? now.toISOString().slice(0, 7);
    // The form has checked every line's shape, so the lines always read.
    const credits = creditsFromLines(values.creditLines ?? [], label) ?? { periods: [], reps: [], credits: [] };
    return { id: "commission", values: { plan, credits: { from: "typed", credits } } };
  }
  return { id: "commission", values: { plan, credits: { from: "deals" } } };
}

/** The period settings: their controls, each with the plan validation's message for its field. */
function PeriodSettings(props: { value: CommissionPeriodInput; onChange(value: CommissionPeriodInput): void; errors: Record<string, string> }): JSX.Element {
  const styles = useStyles();
  const { locale } = useUi();
  const c = (key: Parameters<typeof commissionText>[1]) => commissionText(locale, key);
  const { value, onChange, errors } = props;
  const set = (patch: Partial<CommissionPeriodInput>) => onChange({ ...value, ...patch });
  const state = (field: string) => (errors[field] ? "error" : "none");
  return (
    <fieldset className={styles.root} data-testid="commission-periods">
      <legend>
        <Text weight="semibold">{c("pane.periods")}</Text>
      </legend>
      <Field label={c("pane.period")} validationState={state("period")} validationMessage={errors.period}>
        <Select className={styles.select} value={value.period} onChange={(_e, d) => set({ period: d.value })}>
          <option value="month">{c("pane.periodMonth")}</option>
          <option value="quarter">{c("pane.periodQuarter")}</option>
          <option value="year">{c("pane.periodYear")}</option>
        </Select>
      </Field>
      <Field label={c("pane.fiscalYearStart")} validationState={state("fiscalYearStart")} validationMessage={errors.fiscalYearStart}>
        <Input value={value.fiscalYearStart} inputMode="numeric" onChange={(_e, d) => set({ fiscalYearStart: d.value })} />
      </Field>
      <Checkbox label={c("pane.cumulative")} checked={value.cumulative} onChange={(_e, d) => set({ cumulative: d.checked === true })} />
      {value.cumulative && (
        <Field label={c("pane.negativeTrueUp")} validationState={state("negativeTrueUp")} validationMessage={errors.negativeTrueUp}>
          <Select className={styles.select} value={value.negativeTrueUp} onChange={(_e, d) => set({ negativeTrueUp: d.value })}>
            <option value="carry">{c("pane.carry")}</option>
            <option value="clawback">{c("pane.clawback")}</option>
          </Select>
        </Field>
      )}
    </fieldset>
  );
}

export function CommissionPane(): JSX.Element {
  const { t, locale } = useUi();
  const { settings } = useAppState();
  const [rows, setRows] = React.useState<TierRow[]>([
    { from: "0", rate: "5" },
    { from: "100000", rate: "8" },
    { from: "250000", rate: "12" },
  ]);
  const [periodInput, setPeriodInput] = React.useState<CommissionPeriodInput>(() => ({
    period: "month",
    fiscalYearStart: String(settings.fiscalYearStart),
    cumulative: false,
    negativeTrueUp: "carry",
  }));
  const check = validateTierRows(rows);
  const periods = commissionPeriodSettings(periodInput);
  const periodErrors = localizeCommissionMessages(locale, periods.errors);
  const byField = Object.fromEntries(periodErrors.map((e) => [e.field, e.message]));
  const extraErrors = [
    ...check.rows.flatMap((r) => [r.from, r.rate].filter(Boolean) as string[]).map((k) => t(k as never)),
    ...(check.table ? [t(check.table)] : []),
    ...periodErrors.map((e) => e.message),
  ];
  return (
    <GeneratorPane id="commission" sheet="commission" request={commissionRequest} extra={{ tiers: check.tiers, periods: periods.settings }} extraErrors={extraErrors}>
      <TierTable rows={rows} onChange={setRows} />
      <PeriodSettings value={periodInput} onChange={setPeriodInput} errors={byField} />
    </GeneratorPane>
  );
}
