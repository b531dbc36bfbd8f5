/**
 * How the export is read: the CRM preset (or detect it), the text encoding, the date order
 * and the decimal mark. "Detect automatically" decides each from the file itself; a choice
 * made here is kept for the next file too (pinned). Preset labels are in the pane's language.
 */
import * as React from "react";
import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { PRESET_IDS, presetLabel } from "../../../import/presets";
import { IMPORT_ENCODINGS } from "../../../import/decode";
import { useUi } from "../../uiContext";
import type { ImportOptions, OptionAction } from "./importState";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, flexBasis: "9em", minWidth: 0, maxWidth: "100%" },
  /** The select shrinks with its field instead of its longest option widening the pane. */
  select: { minWidth: 0, width: "100%" },
});

/** Encodings by the names people know them by (codes, the same in every language). */
const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16": "UTF-16",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  gb18030: "GB18030 / GBK",
  "windows-1252": "Windows-1252",
  shift_jis: "Shift-JIS",
  big5: "Big5",
};

export function PresetSection(props: { options: ImportOptions; onEdit(action: OptionAction): void }): JSX.Element {
  const styles = useStyles();
  const { t, locale } = useUi();
  const { options } = props;
  return (
    <div className={styles.row}>
      <Field label={t("data.preset")} className={styles.grow}>
        <Select className={styles.select} value={options.preset} onChange={(_e, d) => props.onEdit({ type: "preset", preset: d.value as ImportOptions["preset"] })}>
          <option value="auto">{t("data.presetAuto")}</option>
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {presetLabel(id, locale)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("data.encoding")} className={styles.grow}>
        <Select className={styles.select} value={options.encoding} onChange={(_e, d) => props.onEdit({ type: "encoding", encoding: d.value as ImportOptions["encoding"] })}>
          <option value="auto">{t("data.encodingAuto")}</option>
          {IMPORT_ENCODINGS.filter((encoding) => encoding !== "auto").map((encoding) => (
            <option key={encoding} value={encoding}>
              {ENCODING_NAMES[encoding] ?? encoding}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("data.dateOrder")} className={styles.grow}>
        <Select className={styles.select} value={options.dateOrder} onChange={(_e, d) => props.onEdit({ type: "dateOrder", dateOrder: d.value as ImportOptions["dateOrder"] })}>
          <option value="auto">{t("data.dateOrderAuto")}</option>
          <option value="MDY">{t("data.dateOrderMDY")}</option>
          <option value="DMY">{t("data.dateOrderDMY")}</option>
        </Select>
      </Field>
      <Field label={t("data.decimalMark")} className={styles.grow}>
        <Select className={styles.select} value={options.decimalMark} onChange={(_e, d) => props.onEdit({ type: "decimalMark", decimalMark: d.value as ImportOptions["decimalMark"] })}>
          <option value="auto">{t("data.decimalMarkAuto")}</option>
          <option value=".">{t("data.decimalPoint")}</option>
          <option value=",">{t("data.decimalComma")}</option>
        </Select>
      </Field>
    </div>
  );
}
