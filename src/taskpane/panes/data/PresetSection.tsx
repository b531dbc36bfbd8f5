/** How the export is read: the CRM preset (or detect it) and the text encoding. */
import * as React from "react";
import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { PRESETS, PRESET_IDS } from "../../../import/presets";
import { useUi } from "../../uiContext";
import type { ImportOptions, OptionAction } from "./importState";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, flexBasis: "10em", minWidth: 0, maxWidth: "100%" },
});

export function PresetSection(props: { preset: ImportOptions["preset"]; encoding: ImportOptions["encoding"]; onEdit(action: OptionAction): void }): JSX.Element {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <div className={styles.row}>
      <Field label={t("data.preset")} className={styles.grow}>
        <Select value={props.preset} onChange={(_e, d) => props.onEdit({ type: "preset", preset: d.value as ImportOptions["preset"] })}>
          <option value="auto">{t("data.presetAuto")}</option>
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {PRESETS[id]?.label ?? id}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("data.encoding")} className={styles.grow}>
        <Select value={props.encoding} onChange={(_e, d) => props.onEdit({ type: "encoding", encoding: d.value as ImportOptions["encoding"] })}>
          <option value="auto">{t("data.encodingAuto")}</option>
          <option value="utf-8">UTF-8</option>
          <option value="utf-16">UTF-16</option>
          <option value="gb18030">GB18030</option>
        </Select>
      </Field>
    </div>
  );
}
