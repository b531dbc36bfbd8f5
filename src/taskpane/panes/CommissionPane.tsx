/**
 * Commission: plan editor (basis, method, quota, gate, cap) with an editable tier table.
 */
import * as React from "react";
import { useAppState } from "../appContext";
import { GeneratorPane } from "../components/GeneratorPane";
import { TierRow, TierTable, validateTierRows } from "../components/TierTable";
import type { FieldErrors, FieldSpec, FormValues, ParsedValues } from "../form";
import { useUi } from "../uiContext";
import { planCommission } from "../wiring/commission";

function commissionFields(values: FormValues): FieldSpec[] {
  const fields: FieldSpec[] = [
    { kind: "select", name: "method", label: "commission.method", options: [
      { value: "marginal", label: "commission.marginal" },
      { value: "retroactive", label: "commission.retroactive" },
    ] },
    { kind: "select", name: "basis", label: "commission.basis", options: [
      { value: "amount", label: "commission.basisAmount" },
      { value: "attainment", label: "commission.basisAttainment" },
    ] },
    { kind: "number", name: "quota", label: "commission.quota", min: 0, minExclusive: true },
    { kind: "number", name: "gate", label: "commission.gate", percent: true, min: 0, optional: true },
    { kind: "number", name: "cap", label: "commission.cap", min: 0, optional: true },
    { kind: "select", name: "credits", label: "commission.credits", options: [
      { value: "deals", label: "commission.creditsFromDeals" },
      { value: "typed", label: "commission.creditsTyped" },
    ] },
  ];
  if (values.credits === "typed") fields.push({ kind: "lines", name: "creditLines", label: "commission.creditsTyped" });
  return fields;
}

function validateCommission(values: ParsedValues): FieldErrors {
  if (values.credits !== "typed") return {};
  const lines = (values.creditLines as string[]) ?? [];
  return lines.every((l) => /^(.+?)[,，\t]\s*(-?[\d,]*\.?\d+)\s*$/.test(l)) ? {} : { creditLines: { key: "commission.creditsInvalid" } };
}

export function CommissionPane(): JSX.Element {
  const { t } = useUi();
  const { data } = useAppState();
  const [rows, setRows] = React.useState<TierRow[]>([
    { from: "0", rate: "5" },
    { from: "100000", rate: "8" },
    { from: "250000", rate: "12" },
  ]);
  const check = validateTierRows(rows);
  const extraErrors = [...check.rows.flatMap((r) => [r.from, r.rate].filter(Boolean) as string[]), ...(check.table ? [check.table] : [])].map((k) => t(k as never));
  const initial: FormValues = { method: "marginal", basis: "amount", quota: "250000", gate: "", cap: "", credits: data ? "deals" : "typed", creditLines: "Alice, 180000\nBob, 320000" };
  return (
    <GeneratorPane
      id="commission"
      heading="commission.heading"
      intro="home.commission"
      fields={commissionFields}
      initial={initial}
      validate={validateCommission}
      plan={planCommission}
      extra={{ tiers: check.tiers }}
      extraErrors={extraErrors}
    >
      <TierTable rows={rows} onChange={setRows} />
    </GeneratorPane>
  );
}
