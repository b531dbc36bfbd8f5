/**
 * Settings: language (default: Excel's), currency, fiscal year start and status
 * thresholds, stored in the document through the host.
 */
import * as React from "react";
import { Button, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import type { UiKey } from "../../i18n/uiLocale";
import { useAppState } from "../appContext";
import { ResultBar, Outcome } from "../components/ResultBar";
import { readNumber } from "../../compose/fields";
import { AppSettings, CURRENCIES } from "../settings";
import { useUi } from "../uiContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export function SettingsPane(): JSX.Element {
  const styles = useStyles();
  const { t } = useUi();
  const { settings, setSettings } = useAppState();
  const [onTrack, setOnTrack] = React.useState(String(Math.round(settings.onTrackThreshold * 1000) / 10));
  const [atRisk, setAtRisk] = React.useState(String(Math.round(settings.atRiskThreshold * 1000) / 10));
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const on = readNumber(onTrack);
  const risk = readNumber(atRisk);
  const onError = on === null || Number.isNaN(on) || on < 0 || on > 1000 ? t("common.mustBeRate") : undefined;
  const riskError = risk === null || Number.isNaN(risk) || risk < 0 ? t("common.mustBeRate") : !onError && risk > (on as number) ? t("goals.thresholdOrder") : undefined;

  const save = async (patch: Partial<AppSettings>) => {
    try {
      await setSettings({ ...settings, ...patch });
      setOutcome({ kind: "success", message: { key: "settings.saved" }, notices: [] });
    } catch (error) {
      setOutcome({ kind: "error", message: { key: "settings.saveFailed", cause: error } });
    }
  };

  return (
    <section className={styles.root} aria-labelledby="settings-heading">
      <Text as="h2" size={500} weight="semibold" id="settings-heading">
        {t("settings.heading")}
      </Text>
      <Field label={t("settings.language")}>
        <Select data-testid="settings-language" value={settings.language} onChange={(_e, d) => void save({ language: d.value as AppSettings["language"] })}>
          <option value="auto">{t("settings.languageAuto")}</option>
          <option value="en-US">English</option>
          <option value="zh-CN">中文（简体）</option>
        </Select>
      </Field>
      <Field label={t("settings.currency")}>
        <Select value={settings.currency} onChange={(_e, d) => void save({ currency: d.value })}>
          <option value="">{t("settings.languageAuto")}</option>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("settings.fiscalYearStart")}>
        <Select value={String(settings.fiscalYearStart)} onChange={(_e, d) => void save({ fiscalYearStart: Number(d.value) })}>
          {Array.from({ length: 12 }, (_x, i) => (
            <option key={i + 1} value={String(i + 1)}>
              {t(`month.${i + 1}` as UiKey)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("settings.onTrack")} validationState={onError ? "error" : "none"} validationMessage={onError}>
        <Input value={onTrack} inputMode="decimal" onChange={(_e, d) => setOnTrack(d.value)} />
      </Field>
      <Field label={t("settings.atRisk")} validationState={riskError ? "error" : "none"} validationMessage={riskError}>
        <Input value={atRisk} inputMode="decimal" onChange={(_e, d) => setAtRisk(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" disabled={Boolean(onError || riskError)} onClick={() => void save({ onTrackThreshold: (on as number) / 100, atRiskThreshold: (risk as number) / 100 })}>
          {t("settings.save")}
        </Button>
      </div>
      <ResultBar outcome={outcome} onDismiss={() => setOutcome(null)} />
    </section>
  );
}
