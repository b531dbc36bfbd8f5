/**
 * A generator pane: a short form with defaults, validation as you type, a Generate button,
 * and the outcome. Nothing is written while a field is invalid or when the generator
 * refuses its input.
 */
import * as React from "react";
import { Badge, Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import type { ComposeResult, FieldError, SheetRequest } from "../../compose";
import { LOCALES, type Locale } from "../../core/locale";
import { activeFields, FieldErrors, FieldSpec, FormValues, ParsedValues, parseForm, todayIso } from "../../compose/fields";
import { DefaultsEnv, FormSheetId, givenInputs, SHEETS, SheetNeed } from "../../compose/sheets";
import { GenerateContext, useAppState } from "../appContext";
import { composeFromPane } from "../composeFromPane";
import { useUi } from "../uiContext";
import { useWritePlan } from "../useWritePlan";
import { fromExamples } from "../examples";
import { carryInputs, type SavedSheet } from "../../workbook/inputs";
import type { WorkbookPlan } from "../../workbook/plan";
import { FormFields } from "./FormFields";
import { inLocale, ResultBar } from "./ResultBar";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  heading: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Roles an import makes: a bundled Deals sheet is never what "Replace" is about. */
const IMPORT_ROLES = new Set(["deals", "importIssues"]);

/** A planned sheet whose role the workbook already tracks: replace it, or add a copy. */
interface PendingChoice {
  plan: WorkbookPlan;
  request: SheetRequest;
  saved: Map<string, SavedSheet>;
  /** Tracked roles of the plan, and the current name of the first one's sheet. */
  roles: string[];
  sheet: string;
}

/**
 * The generator's refusal of the last Generate, said in every language (its messages are
 * formatted by the generator), so they follow a change of language; and the fields edited
 * since, whose messages no longer apply.
 */
interface Refusal {
  said: Partial<Record<Locale, readonly FieldError[]>>;
  edited: ReadonlySet<string>;
}

export interface GeneratorPaneProps {
  /** The pane (test ids, the last actions list). */
  id: string;
  /** The sheet it generates: its declaration gives the fields, defaults, checks and needs. */
  sheet: FormSheetId;
  /** Values chosen outside the form (a layout picture): merged in, not rendered as fields. */
  custom?: FormValues;
  /** The request for parsed values (default: the sheet with these values). */
  request?(values: ParsedValues, extra: unknown): SheetRequest;
  /** Fields beyond the declaration (a layout chooser, a tier table): rendered after the form. */
  children?: React.ReactNode;
  /** Errors of the extra part, blocking Generate while not empty. */
  extraErrors?: string[];
  /** Value handed to request() as `extra`. */
  extra?: unknown;
  /** The dashboard charts sheets made from example numbers too (the user asked for them). */
  includeExampleCharts?: boolean;
}

/** The declaration of a sheet, read without its literal types. */
function declarationOf(sheet: FormSheetId): {
  heading: (typeof SHEETS)[FormSheetId]["heading"];
  intro: (typeof SHEETS)[FormSheetId]["intro"];
  fields: readonly FieldSpec[];
  defaults(env: DefaultsEnv): FormValues;
  validate?(values: ParsedValues): FieldErrors;
  needs(values: ParsedValues): readonly SheetNeed[];
} {
  return SHEETS[sheet] as never;
}

export function GeneratorPane(props: GeneratorPaneProps): JSX.Element {
  const styles = useStyles();
  const { t, locale } = useUi();
  const { host, settings, data, writtenCharts } = useAppState();
  const writer = useWritePlan();
  const declaration = declarationOf(props.sheet);
  const defaultsFor = (hasDeals: boolean) =>
    declaration.defaults({
      today: todayIso(),
      fiscalYearStart: settings.fiscalYearStart,
      onTrack: settings.onTrackThreshold,
      atRisk: settings.atRiskThreshold,
      locale,
      hasDeals,
      examples: true,
    });
  const [values, setValues] = React.useState<FormValues>(() => defaultsFor(data !== null));
  const [touched, setTouched] = React.useState<Set<string>>(new Set());
  // Deals imported (or cleared) while the pane was open: fields the user has not touched
  // follow the new defaults, so a funnel or commission opened before the import reads the
  // deals rather than the typed examples. A change of language does the same (the example
  // stage names are in the pane's language).
  const hasDeals = data !== null;
  const firstRender = React.useRef(true);
  React.useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const fresh = defaultsFor(hasDeals);
    setValues((v) => Object.fromEntries(Object.entries({ ...v, ...fresh }).map(([k, x]) => [k, touched.has(k) ? v[k] : x])));
    // Only a change of hasDeals or of the language resets untouched fields; the rest is read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasDeals, locale]);
  const [submitted, setSubmitted] = React.useState(false);
  const [refusal, setRefusal] = React.useState<Refusal | null>(null);
  const [pending, setPending] = React.useState<PendingChoice | null>(null);
  const charted = props.includeExampleCharts ? writtenCharts.map((c) => ({ sheet: c.sheet, chart: c.chart })) : writtenCharts;
  const context: GenerateContext = { locale, settings, data, writtenCharts: charted };

  const typed = { ...values, ...props.custom };
  const custom = new Set(Object.keys(props.custom ?? {}));
  const fields = activeFields(declaration.fields, typed).filter((f) => !custom.has(f.name));
  /** The field a generator's message is about (`tiers[2].rate` is about `tiers`), if it is one of the form's. */
  const fieldOf = (e: FieldError) => fields.find((f) => e.field === f.name || e.field.startsWith(`${f.name}[`) || e.field.startsWith(`${f.name}.`));
  const generatorErrors: FieldErrors = {};
  for (const e of refusal ? inLocale(refusal.said, locale) : []) {
    const field = fieldOf(e);
    if (field && !refusal!.edited.has(field.name)) generatorErrors[field.name] = { text: e.message };
  }
  const parsed = parseForm(declaration.fields, typed);
  const parsedOk = Object.keys(parsed.errors).length === 0;
  const crossErrors = parsedOk && declaration.validate ? declaration.validate(parsed.values) : {};
  const errors: FieldErrors = { ...generatorErrors, ...crossErrors, ...parsed.errors };
  // needs() reads only choices (a source, a credits option), which always parse.
  const missingDeals = !data && declaration.needs(parsed.values).includes("deals");
  // Typed stage counts or credits are example numbers, not the user's deals: say so here and on the sheet.
  const example = fromExamples(props.sheet, parsed.values);

  const onChange = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((s) => new Set(s).add(name));
    // A choice asked about the values before this edit no longer applies.
    setPending(null);
    setRefusal((r) => (r ? { ...r, edited: new Set(r.edited).add(name) } : r));
  };

  const generate = async () => {
    setSubmitted(true);
    const blocking = Object.keys(errors).filter((k) => !(k in generatorErrors));
    if (blocking.length > 0 || (props.extraErrors?.length ?? 0) > 0 || missingDeals) {
      writer.setOutcome({ kind: "error", message: { key: missingDeals ? "common.needsDeals" : "common.fixErrors" } });
      return;
    }
    setPending(null);
    let result: ComposeResult;
    let request: SheetRequest;
    try {
      const asked = props.request ? props.request(parsed.values, props.extra) : ({ id: props.sheet, values: parsed.values } as SheetRequest);
      request = example ? { ...asked, example: true } : asked;
      result = await composeFromPane([request], context);
    } catch (error) {
      writer.setOutcome({ kind: "error", message: { key: "common.generatorFailed", cause: error } });
      return;
    }
    if (!result.ok) {
      const said: Partial<Record<Locale, readonly FieldError[]>> = { [locale]: result.errors };
      // Said in the other language too, so the messages follow a change of language.
      for (const other of LOCALES) {
        if (other === locale) continue;
        try {
          const again = await composeFromPane([request], { ...context, locale: other });
          if (!again.ok) said[other] = again.errors;
        } catch {
          // The pane's own language is enough.
        }
      }
      setRefusal({ said, edited: new Set() });
      // The messages no field shows, or all of them when every one has its field.
      const details = (errors: readonly FieldError[]) => {
        const general = errors.filter((e) => !fieldOf(e)).map((e) => e.message);
        return general.length > 0 ? general : errors.map((e) => e.message);
      };
      const byLocale: Partial<Record<Locale, string[]>> = {};
      for (const [l, errors] of Object.entries(said) as [Locale, readonly FieldError[]][]) byLocale[l] = details(errors);
      writer.setOutcome({ kind: "error", message: { key: "common.fixErrors" }, details: { byLocale } });
      return;
    }
    setRefusal(null);
    // A sheet of a role the workbook already tracks: ask before writing.
    let saved: Map<string, SavedSheet>;
    try {
      saved = await host.readSavedBook();
    } catch {
      saved = new Map();
    }
    const roles = result.plan.sheets.map((s) => s.role).filter((r): r is string => r !== undefined && !IMPORT_ROLES.has(r) && saved.has(r));
    if (roles.length > 0) {
      setPending({ plan: result.plan, request, saved, roles, sheet: saved.get(roles[0])!.name });
      writer.setOutcome(null);
      return;
    }
    await writer.write(result.plan, props.id, { request, example });
  };

  /** Replace: the typed inputs of the old sheets come back by key, then one write swaps the sheets. */
  const replace = async (choice: PendingChoice) => {
    setPending(null);
    // What this form fills (a target, an as-of date) is newer than what the sheet holds.
    const given = choice.request.id in SHEETS ? givenInputs(choice.request.id as FormSheetId, choice.request.values as Record<string, unknown>) : [];
    const carried = carryInputs(choice.plan, choice.saved, given);
    await writer.write(carried.plan, props.id, {
      replace: choice.roles,
      request: choice.request,
      example: choice.request.example === true,
      carried: { kept: carried.carried, orphans: carried.orphans, replaced: carried.replaced },
    });
  };

  /** Add a copy: written beside the tracked sheet, as a sheet the workbook does not track. */
  const addCopy = async (choice: PendingChoice) => {
    setPending(null);
    await writer.write(choice.plan, props.id, { example: choice.request.example === true });
  };

  return (
    <section className={styles.pane} aria-labelledby={`${props.id}-heading`}>
      <div className={styles.heading}>
        <Text as="h2" size={500} weight="semibold" id={`${props.id}-heading`}>
          {t(declaration.heading)}
        </Text>
        {example && (
          <Badge appearance="tint" color="warning" data-testid={`${props.id}-example`}>
            {t("common.exampleData")}
          </Badge>
        )}
      </div>
      <Text>{t(declaration.intro)}</Text>
      {example && <Text size={200}>{t("common.exampleHint")}</Text>}
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
      {pending && (
        <MessageBar intent="warning" layout="multiline" data-testid={`${props.id}-replace-choice`}>
          <MessageBarBody>{t("common.replaceAsk", { sheet: pending.sheet })}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" size="small" disabled={writer.busy} onClick={() => void replace(pending)}>
              {t("common.replace", { sheet: pending.sheet })}
            </Button>
            <Button size="small" disabled={writer.busy} onClick={() => void addCopy(pending)}>
              {t("common.addCopy")}
            </Button>
            <Button size="small" appearance="transparent" onClick={() => setPending(null)}>
              {t("common.cancel")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ResultBar outcome={writer.outcome} onOpenSheet={writer.openSheet} onDismiss={() => writer.setOutcome(null)} />
    </section>
  );
}

