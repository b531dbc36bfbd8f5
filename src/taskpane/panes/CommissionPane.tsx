/**
 * Commission: the plan editor (src/compose/sheets.ts COMMISSION: basis, method, quota, gate,
 * cap, credits) with an editable tier table beside it.
 */
import * as React from "react";
import type { SheetRequest } from "../../compose";
import type { ParsedValues } from "../../compose/fields";
import { commissionPlanFromForm, CommissionFormValues, creditsFromLines } from "../../compose/sheets";
import { GeneratorPane } from "../components/GeneratorPane";
import { TierRow, TierTable, validateTierRows } from "../components/TierTable";
import { useUi } from "../uiContext";

interface CommissionExtra {
  tiers: { from: number; rate: number }[];
}

/**
 * The commission request of the form: typed credits in one period labelled with the current
 * month, or the won deals per close month.
 */
export function commissionRequest(parsed: ParsedValues, extra: unknown, now: Date = new Date()): SheetRequest {
  const values = parsed as unknown as CommissionFormValues;
  const plan = commissionPlanFromForm(values, (extra as CommissionExtra).tiers);
  if (values.credits === "typed") {
    // The form has checked every line's shape, so the lines always read.
    const credits = creditsFromLines(values.creditLines ?? [], now.toISOString().slice(0, 7)) ?? { periods: [], reps: [], credits: [] };
    return { id: "commission", values: { plan, credits: { from: "typed", credits } } };
  }
  return { id: "commission", values: { plan, credits: { from: "deals" } } };
}

export function CommissionPane(): JSX.Element {
  const { t } = useUi();
  const [rows, setRows] = React.useState<TierRow[]>([
    { from: "0", rate: "5" },
    { from: "100000", rate: "8" },
    { from: "250000", rate: "12" },
  ]);
  const check = validateTierRows(rows);
  const extraErrors = [...check.rows.flatMap((r) => [r.from, r.rate].filter(Boolean) as string[]), ...(check.table ? [check.table] : [])].map((k) => t(k as never));
  return (
    <GeneratorPane id="commission" sheet="commission" request={commissionRequest} extra={{ tiers: check.tiers }} extraErrors={extraErrors}>
      <TierTable rows={rows} onChange={setRows} />
    </GeneratorPane>
  );
}
