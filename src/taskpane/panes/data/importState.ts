/**
 * The Data pane's import state and every way it changes, as one reducer: the file being
 * imported, the options the next import reads it with, the workbook's tables, the progress
 * of a running import and the summary of the last one. No React and no host here.
 */
import type { Pipeline } from "../../../core/deal";
import type { UiKey } from "../../../i18n/uiLocale";
import type { ImportChoices, ImportIssue, ImportProgressReport, ImportResult, MappedField, PresetId } from "../../wiring/importDeals";
import { importNotes, keptPipeline, type ImportNote } from "../../../import/notes";

/** One row of the pipeline editor, as typed (probability in percent). */
export interface StageRow {
  name: string;
  probability: string;
}

/** What was imported last: re-import reads it again with the edited options. */
export interface ImportSource {
  name: string;
  input: Uint8Array | string;
}

/** How the next import reads the file. Filled in from what the last import detected. */
export interface ImportOptions {
  preset: PresetId | "auto";
  encoding: ImportChoices["encoding"];
  dateOrder: ImportChoices["dateOrder"];
  decimalMark: ImportChoices["decimalMark"];
  columns: Partial<Record<MappedField, string>>;
  stages: StageRow[];
  /** Comma-separated status words, as typed. */
  won: string;
  lost: string;
  /** The pipelines of the file's pipeline column, as the last import found them. */
  pipelines: string[];
  /** The pipeline a re-import keeps ("" for every pipeline). */
  onlyPipeline: string;
  /**
   * The choices the user made (not filled in from a detection): a new file is detected
   * afresh except for these. Re-importing the same file uses every option as shown.
   */
  pinned: Partial<Record<"preset" | "encoding" | "dateOrder" | "decimalMark" | "columns", true>>;
}

/**
 * The choices a NEW file is read with: what the user pinned, everything else detected
 * afresh (a Zoho mapping must not be applied to the next, Fxiaoke, file).
 *
 * @example
 * choicesForNewFile({ ...options, preset: "zoho", pinned: {} }).preset // "auto"
 */
export function choicesForNewFile(options: ImportOptions): Omit<ImportChoices, "pipeline" | "currency"> {
  const pinned = options.pinned;
  return {
    preset: pinned.preset ? options.preset : "auto",
    encoding: pinned.encoding ? options.encoding : "auto",
    dateOrder: pinned.dateOrder ? options.dateOrder : "auto",
    decimalMark: pinned.decimalMark ? options.decimalMark : "auto",
    columns: pinned.columns ? options.columns : {},
  };
}

/**
 * Where a running import is: reading the export (the row counts), checking the deals
 * (planning the sheets; asking whether the workbook tracks a Deals sheet), then writing
 * the sheets (how many, once the plan says; null while an update is still planning).
 */
export type ImportStep = { kind: "reading" } | { kind: "checking" } | { kind: "writing"; sheets: number | null };

export interface DealImportState {
  source: ImportSource | null;
  options: ImportOptions;
  /** Tables of the workbook, and the one chosen to import. */
  tables: string[];
  table: string;
  /** While an import runs: what is read, how far the reading got and the current step. */
  reading: { name: string; progress: ImportProgressReport; step: ImportStep } | null;
  /**
   * The last import that was read: what its summary line says (formatted when shown, so it
   * follows the pane's language), the notes about the file and the rows it left out.
   */
  result: { deals: number; preset: PresetId; notes: ImportNote[]; issues: ImportIssue[] } | null;
}

/** The edits the options section makes. */
export type OptionAction =
  | { type: "preset"; preset: PresetId | "auto" }
  | { type: "encoding"; encoding: ImportChoices["encoding"] }
  | { type: "dateOrder"; dateOrder: ImportChoices["dateOrder"] }
  | { type: "decimalMark"; decimalMark: ImportChoices["decimalMark"] }
  | { type: "column"; field: MappedField; header: string }
  | { type: "stageChanged"; index: number; patch: Partial<StageRow> }
  | { type: "stageRemoved"; index: number }
  | { type: "stageAdded" }
  | { type: "wonLabels"; text: string }
  | { type: "lostLabels"; text: string }
  | { type: "onlyPipeline"; name: string };

export type DealImportAction =
  | OptionAction
  | { type: "tablesListed"; tables: string[] }
  | { type: "tableChosen"; table: string }
  /** A new import starts: the previous summary goes (the caller clears the previous error). */
  | { type: "started" }
  /** The input is in hand and is being parsed. */
  | { type: "reading"; source: ImportSource }
  | { type: "progress"; report: ImportProgressReport }
  /** Read: the deals are checked and the sheets planned. */
  | { type: "checking" }
  /** The plan is made: its sheets are being written. */
  | { type: "writing"; sheets: number | null }
  /**
   * A file read earlier (waiting for Update deals or a fresh import) goes on: the progress
   * is shown again, its reading done with the rows it read.
   */
  | { type: "resumed"; name: string; read: ImportProgressReport }
  /** Parsed: the options now show what was detected, and the summary what was imported. */
  | { type: "parsed"; result: ImportResult }
  /** The import ended, written, refused or failed. */
  | { type: "settled" };

export const initialImportState: DealImportState = {
  source: null,
  options: { preset: "auto", encoding: "auto", dateOrder: "auto", decimalMark: "auto", columns: {}, stages: [], won: "", lost: "", pipelines: [], onlyPipeline: "", pinned: {} },
  tables: [],
  table: "",
  reading: null,
  result: null,
};

function editOptions(options: ImportOptions, action: OptionAction): ImportOptions {
  switch (action.type) {
    case "preset":
      return { ...options, preset: action.preset, pinned: { ...options.pinned, preset: true } };
    case "encoding":
      return { ...options, encoding: action.encoding, pinned: { ...options.pinned, encoding: true } };
    case "dateOrder":
      return { ...options, dateOrder: action.dateOrder, pinned: { ...options.pinned, dateOrder: true } };
    case "decimalMark":
      return { ...options, decimalMark: action.decimalMark, pinned: { ...options.pinned, decimalMark: true } };
    case "column":
      return { ...options, columns: { ...options.columns, [action.field]: action.header }, pinned: { ...options.pinned, columns: true } };
    case "stageChanged":
      return { ...options, stages: options.stages.map((s, i) => (i === action.index ? { ...s, ...action.patch } : s)) };
    case "stageRemoved":
      return { ...options, stages: options.stages.filter((_s, i) => i !== action.index) };
    case "stageAdded":
      return { ...options, stages: [...options.stages, { name: "", probability: "50" }] };
    case "wonLabels":
      return { ...options, won: action.text };
    case "lostLabels":
      return { ...options, lost: action.text };
    case "onlyPipeline":
      // Another pipeline has stages of its own: the next import detects them afresh.
      return { ...options, onlyPipeline: action.name, stages: [], won: "", lost: "" };
  }
}

/** The options an import detected, as the editor shows them (the user's pinned choices kept as such). */
function optionsFrom(result: ImportResult, previous: ImportOptions): ImportOptions {
  const detected = result.detected;
  return {
    preset: result.preset,
    encoding: previous.pinned.encoding ? previous.encoding : "auto",
    dateOrder: previous.pinned.dateOrder ? previous.dateOrder : "auto",
    decimalMark: previous.pinned.decimalMark ? previous.decimalMark : "auto",
    pinned: previous.pinned,
    columns: { ...detected.columns },
    stages: result.pipeline.stages.map((s) => ({ name: s.name, probability: String(Math.round(s.probability * 1000) / 10) })),
    won: result.pipeline.wonLabels.join(", "),
    lost: result.pipeline.lostLabels.join(", "),
    pipelines: detected.pipelines.map((pipeline) => pipeline.name),
    onlyPipeline: keptPipeline(detected) ?? "",
  };
}

export function dealImportReducer(state: DealImportState, action: DealImportAction): DealImportState {
  switch (action.type) {
    case "tablesListed":
      return { ...state, tables: action.tables };
    case "tableChosen":
      return { ...state, table: action.table };
    case "started":
      return { ...state, result: null };
    case "reading":
      return { ...state, source: action.source, reading: { name: action.source.name, progress: { rowsDone: 0, total: 0 }, step: { kind: "reading" } }, result: null };
    case "progress":
      return state.reading ? { ...state, reading: { ...state.reading, progress: action.report } } : state;
    case "checking":
      return state.reading ? { ...state, reading: { ...state.reading, step: { kind: "checking" } } } : state;
    case "writing":
      return state.reading ? { ...state, reading: { ...state.reading, step: { kind: "writing", sheets: action.sheets } } } : state;
    case "resumed":
      return { ...state, reading: { name: action.name, progress: action.read, step: { kind: "checking" } } };
    case "parsed":
      return {
        ...state,
        options: optionsFrom(action.result, state.options),
        result: { deals: action.result.deals.length, preset: action.result.preset, notes: importNotes(action.result.detected), issues: action.result.issues },
      };
    case "settled":
      return { ...state, reading: null };
    default:
      return { ...state, options: editOptions(state.options, action) };
  }
}

export type PipelineCheck = { pipeline: Pipeline } | { error: UiKey; row?: number };

/** Pipeline editor rows -> a pipeline, or the catalog key of what is wrong. */
export function pipelineFromRows(rows: StageRow[], won: string, lost: string): PipelineCheck {
  if (rows.length === 0) return { error: "data.noStages" };
  const seen = new Set<string>();
  const stages: Pipeline["stages"] = [];
  for (let i = 0; i < rows.length; i++) {
    const name = rows[i].name.trim();
    if (name === "") return { error: "common.required", row: i };
    if (seen.has(name.toLowerCase())) return { error: "data.duplicateStage", row: i };
    seen.add(name.toLowerCase());
    const p = Number(rows[i].probability);
    if (rows[i].probability.trim() === "" || !Number.isFinite(p) || p < 0 || p > 100) return { error: "common.mustBeRate", row: i };
    stages.push({ name, probability: p / 100 });
  }
  const labels = (s: string) => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean);
  return { pipeline: { stages, wonLabels: labels(won), lostLabels: labels(lost) } };
}

/** The pipeline check the editor shows; null while there are no stages to check. */
export function checkPipeline(options: ImportOptions): PipelineCheck | null {
  return options.stages.length > 0 ? pipelineFromRows(options.stages, options.won, options.lost) : null;
}
