/**
 * Renders a pane's field specs as Fluent fields with their validation messages.
 */
import * as React from "react";
import { Field, Input, makeStyles, Select, Textarea, tokens } from "@fluentui/react-components";
import type { FieldErrors, FieldSpec, FormValues } from "../../compose/fields";
import { useUi } from "../uiContext";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  // A native select is as wide as its longest option unless told to fit the pane.
  control: { minWidth: 0, maxWidth: "100%" },
});

export interface FormFieldsProps {
  fields: readonly FieldSpec[];
  values: FormValues;
  errors: FieldErrors;
  /** Names of the fields whose errors are shown (touched, or all after a Generate). */
  shown: ReadonlySet<string> | "all";
  onChange(name: string, value: string): void;
  idPrefix: string;
}

export function FormFields(props: FormFieldsProps): JSX.Element {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <div className={styles.fields}>
      {props.fields.map((field) => {
        const error = props.errors[field.name];
        const visible = error && (props.shown === "all" || props.shown.has(field.name));
        const message = visible ? ("key" in error ? t(error.key, error.values) : error.text) : undefined;
        const required = !("optional" in field && field.optional) && field.kind !== "select";
        const id = `${props.idPrefix}-${field.name}`;
        const value = props.values[field.name] ?? "";
        const set = (v: string) => props.onChange(field.name, v);
        let control: JSX.Element;
        if (field.kind === "select") {
          control = (
            <Select id={id} className={styles.control} value={value} onChange={(_e, d) => set(d.value)}>
              {field.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {t(o.label)}
                </option>
              ))}
            </Select>
          );
        } else if (field.kind === "lines") {
          control = <Textarea id={id} value={value} resize="vertical" rows={Math.min(8, Math.max(3, value.split("\n").length))} onChange={(_e, d) => set(d.value)} />;
        } else {
          control = (
            <Input
              id={id}
              value={value}
              type={field.kind === "date" ? "date" : "text"}
              inputMode={field.kind === "number" ? "decimal" : undefined}
              contentAfter={field.kind === "number" && field.percent ? <span aria-hidden="true">%</span> : undefined}
              onChange={(_e, d) => set(d.value)}
            />
          );
        }
        return (
          <Field
            key={field.name}
            label={t(field.label)}
            required={required}
            hint={field.blank ? t("common.whenBlank", { meaning: t(field.blank) }) : undefined}
            validationState={message ? "error" : "none"}
            validationMessage={message}
          >
            {control}
          </Field>
        );
      })}
    </div>
  );
}
