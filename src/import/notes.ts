import type { ImportNoteKey } from "../i18n/import";
import type { TextValues } from "../i18n/translate";
import type { ImportDetection } from "./normalize";

/**
 * A sentence about the whole file rather than one row (what was inferred, skipped or
 * added), as a key of the import catalog and its values, so it reads in either language.
 */
export interface ImportNote {
  key: ImportNoteKey;
  values: TextValues;
}

/** Items listed in a note before "…" (a note stays one readable line). */
const LISTED = 10;

function listed(items: readonly (string | number)[]): string {
  const shown = items.slice(0, LISTED).join(", ");
  return items.length > LISTED ? `${shown}, … (+${items.length - LISTED})` : shown;
}

/**
 * The notes a person should read about an import: the date order and decimal mark when the
 * file decided them or could not, title lines above the header, the unit a money column's
 * header states, blank lines skipped, the footer recognised, lines in another encoding,
 * stages added from the data and preset stages left out, and the pipelines when the file
 * holds several (or those left out when one was chosen).
 *
 * Rules: a note only when there is something to say (an ISO-dated, point-decimal file with
 * no gaps says nothing); lists are cut after 10 items with the rest counted.
 *
 * @example
 * importNotes(result.detected)
 * // [{ key: "note.dateOrderEvidence", values: { order: "DMY", example: "29/03/2023" } }, ...]
 */
export function importNotes(detected: ImportDetection): ImportNote[] {
  const notes: ImportNote[] = [];
  if (detected.dateOrderBasis === "ambiguous") notes.push({ key: "note.dateOrderAmbiguous", values: { order: detected.dateOrder } });
  else if (detected.dateOrderBasis === "evidence" && detected.dateOrder === "DMY") notes.push({ key: "note.dateOrderDayFirst", values: {} });
  if (detected.decimalMarkBasis === "ambiguous") notes.push({ key: "note.decimalAmbiguous", values: { mark: detected.decimalMark } });
  else if (detected.decimalMark === "," && detected.decimalMarkBasis === "evidence") notes.push({ key: "note.decimalComma", values: {} });
  if (detected.title.length > 0) {
    notes.push({ key: "note.title", values: { count: detected.title.length, header: detected.headerLine, lines: listed(detected.title.map((line) => line.line)) } });
  }
  for (const unit of detected.units) {
    const values = { column: unit.column, multiplier: unit.multiplier.toLocaleString("en-US"), currency: unit.currency ?? "" };
    if (unit.multiplier !== 1) notes.push({ key: unit.currency ? "note.amountUnit" : "note.amountScale", values });
    else if (unit.currency) notes.push({ key: "note.amountCurrency", values });
  }
  if (detected.blankLines > 0) notes.push({ key: "note.blankLines", values: { count: detected.blankLines } });
  if (detected.footer.length > 0) {
    notes.push({ key: "note.footer", values: { count: detected.footer.length, lines: listed(detected.footer.map((line) => line.line)) } });
  }
  const other = detected.otherEncodingLines;
  if (other && other.lines.length > 0) {
    notes.push({
      key: "note.otherEncoding",
      values: { count: other.lines.length, encoding: other.encoding, main: detected.encoding ?? "", lines: listed(other.lines) },
    });
  }
  const added = detected.stages.filter((stage) => stage.added).map((stage) => stage.name);
  if (added.length > 0) notes.push({ key: "note.stagesAdded", values: { stages: listed(added) } });
  if (detected.stagesUnused.length > 0) notes.push({ key: "note.stagesUnused", values: { stages: listed(detected.stagesUnused) } });
  const pipelines = detected.pipelines;
  const left = pipelines.filter((pipeline) => !pipeline.kept);
  const named = (list: typeof pipelines) => listed(list.map((pipeline) => `${pipeline.name || "—"} (${pipeline.rows})`));
  const kept = keptPipeline(detected);
  if (kept !== null) {
    notes.push({ key: "note.pipelineKept", values: { pipeline: kept, rows: left.reduce((sum, pipeline) => sum + pipeline.rows, 0), pipelines: named(left) } });
  } else if (pipelines.length > 1) {
    notes.push({ key: "note.pipelines", values: { count: pipelines.length, pipelines: named(pipelines) } });
  }
  return notes;
}

/**
 * The one pipeline an import kept when it left others out (`onlyPipeline`), as the file
 * writes it; null when it kept every pipeline.
 */
export function keptPipeline(detected: Pick<ImportDetection, "pipelines">): string | null {
  if (detected.pipelines.every((pipeline) => pipeline.kept)) return null;
  return detected.pipelines.find((pipeline) => pipeline.kept)?.name ?? null;
}
