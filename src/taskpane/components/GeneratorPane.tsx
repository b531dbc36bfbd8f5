/**
 * A generator pane: a short form with defaults, validation as you type, a Generate button,
 * and the outcome. Nothing is written while a field is invalid or when the generator
 * refuses its input.
 */
import * as React from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import type { UiKey } from "../../i18n/uiLocale";
import { GenerateContext, useAppState } from "../appContext";
import { FieldErrors, FieldSpec, FormValues, ParsedValues, parseForm } from "../form";
import { useUi } from "../uiContext";
import { useWritePlan } from "../useWritePlan";
import type { WiringResult } from "../wiring/result";
import { FormFields } from "./FormFields";
import { ResultBar } from "./ResultBar";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export interface GeneratorPaneProps {
  id: string;
  heading: UiKey;
  intro?: UiKey;
  /** The form's fields; a function when some fields depend on others (a source choice). */
  fields: readonly FieldSpec[] | ((values: FormValues) => readonly FieldSpec[]);
  initial: FormValues;
  /** Checks across fields (deadline after start...), on parsed values. */
  validate?(values: ParsedValues, context: GenerateContext): FieldErrors;
  /** Makes the plan; may refuse with field errors. */
  plan(values: ParsedValues, context: GenerateContext, extra: unknown): WiringResult | Promise<WiringResult>;
  /** The pane needs imported deals to generate. */
  needsDeals?: boolean;
  /** Fields beyond the spec (a layout chooser, a tier table): rendered after the form. */
  children?: React.ReactNode;
  /** Errors of the extra part, blocking Generate while not empty. */
  extraErrors?: string[];
  /** Value handed to plan() as `extra`. */
  extra?: unknown;
}

export function GeneratorPane(props: GeneratorPaneProps): JSX.Element {
  const styles = useStyles();
  const { t, locale } = useUi();
  const { settings, data, writtenCharts } = useAppState();
  const writer = useWritePlan();
  const [values, setValues] = React.useState<FormValues>(props.initial);
  const [touched, setTouched] = React.useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = React.useState(false);
  const [generatorErrors, setGeneratorErrors] = React.useState<FieldErrors>({});
  const context: GenerateContext = { locale, settings, data, writtenCharts };

  const fields = typeof props.fields === "function" ? props.fields(values) : props.fields;
  const parsed = parseForm(fields, values);
  const crossErrors = Object.keys(parsed.errors).length === 0 && props.validate ? props.validate(parsed.values, context) : {};
  const errors: FieldErrors = { ...generatorErrors, ...crossErrors, ...parsed.errors };
  const missingDeals = props.needsDeals === true && !data;

  const onChange = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((s) => new Set(s).add(name));
    setGeneratorErrors((e) => {
      const { [name]: _dropped, ...rest } = e;
      return rest;
    });
  };

  const generate = async () => {
    setSubmitted(true);
    const blocking = Object.keys(errors).filter((k) => !(k in generatorErrors));
    if (blocking.length > 0 || (props.extraErrors?.length ?? 0) > 0 || missingDeals) {
      writer.setOutcome({ kind: "error", text: missingDeals ? t("common.needsDeals") : t("common.fixErrors") });
      return;
    }
    let result: WiringResult;
    try {
      result = await props.plan(parsed.values, context, props.extra);
    } catch (error) {
      writer.setOutcome({ kind: "error", text: t("common.generatorFailed", { message: error instanceof Error ? error.message : String(error) }) });
      return;
    }
    if (!result.ok) {
      const byField: FieldErrors = {};
      const general: string[] = [];
      for (const e of result.errors) {
        const field = fields.find((f) => e.field === f.name || e.field.startsWith(`${f.name}[`) || e.field.startsWith(`${f.name}.`));
        if (field) byField[field.name] = { text: e.message };
        else general.push(e.message);
      }
      setGeneratorErrors(byField);
      writer.setOutcome({ kind: "error", text: t("common.fixErrors"), details: general.length > 0 ? general : result.errors.map((e) => e.message) });
      return;
    }
    await writer.write(result.plan, props.id);
  };

  return (
    <section className={styles.pane} aria-labelledby={`${props.id}-heading`}>
      <Text as="h2" size={500} weight="semibold" id={`${props.id}-heading`}>
        {t(props.heading)}
      </Text>
      {props.intro && <Text>{t(props.intro)}</Text>}
      {missingDeals && (
        <MessageBar intent="info">
          <MessageBarBody>{t("common.needsDeals")}</MessageBarBody>
        </MessageBar>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <div className={styles.pane}>
          <FormFields fields={fields} values={values} errors={errors} shown={submitted ? "all" : touched} onChange={onChange} idPrefix={props.id} />
          {props.children}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={writer.busy} data-testid={`${props.id}-generate`}>
              {writer.busy ? t("common.generating") : t("common.generate")}
            </Button>
            {writer.busy && <Spinner size="tiny" aria-label={t("common.generating")} />}
          </div>
        </div>
      </form>
      <ResultBar outcome={writer.outcome} onOpenSheet={writer.openSheet} onDismiss={() => writer.setOutcome(null)} />
    </section>
  );
}

