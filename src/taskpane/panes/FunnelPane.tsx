/**
 * Funnel: from the imported deals or from typed stage counts.
 */
import * as React from "react";
import { DEFAULT_STAGES_EN, DEFAULT_STAGES_ZH } from "../../core/deal";
import { useAppState } from "../appContext";
import { GeneratorPane } from "../components/GeneratorPane";
import type { FieldErrors, FieldSpec, FormValues, ParsedValues } from "../form";
import { useUi } from "../uiContext";
import { planFunnel } from "../wiring/funnel";

const SOURCE: FieldSpec = {
  kind: "select",
  name: "source",
  label: "common.source",
  options: [
    { value: "deals", label: "common.sourceDeals" },
    { value: "typed", label: "common.sourceTyped" },
  ],
};

function funnelFields(values: FormValues): FieldSpec[] {
  const targets: FieldSpec = { kind: "lines", name: "targets", label: "funnel.targetConversion", optional: true };
  if (values.source === "typed") {
    return [SOURCE, { kind: "lines", name: "stages", label: "funnel.stages" }, { kind: "lines", name: "counts", label: "funnel.counts" }, targets];
  }
  return [SOURCE, targets];
}

/** Counts must match the stages one to one and be whole numbers of 0 or more. */
export function validateFunnel(values: ParsedValues): FieldErrors {
  if (values.source !== "typed") return {};
  const stages = (values.stages as string[]) ?? [];
  const counts = (values.counts as string[]) ?? [];
  const errors: FieldErrors = {};
  if (new Set(stages.map((s) => s.toLowerCase())).size !== stages.length) errors.stages = { key: "data.duplicateStage" };
  if (counts.length !== stages.length) errors.counts = { key: "funnel.countsMismatch" };
  else if (counts.some((c) => !/^\d[\d,]*$/.test(c))) errors.counts = { key: "common.mustBeNonNegative" };
  const targets = (values.targets as string[]) ?? [];
  if (targets.some((x) => !/^(\d+(\.\d+)?)%?$/.test(x) || Number(x.replace("%", "")) > 100)) errors.targets = { key: "common.mustBeRate" };
  return errors;
}

export function FunnelPane(): JSX.Element {
  const { locale } = useUi();
  const { data } = useAppState();
  const stages = locale === "zh-CN" ? DEFAULT_STAGES_ZH : DEFAULT_STAGES_EN;
  const initial: FormValues = {
    source: data ? "deals" : "typed",
    stages: stages.join("\n"),
    counts: "200\n120\n60\n30",
    targets: "",
  };
  return <GeneratorPane id="funnel" heading="funnel.heading" intro="home.funnel" fields={funnelFields} initial={initial} validate={validateFunnel} plan={planFunnel} />;
}
