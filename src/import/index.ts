/** CRM exports (CSV/XLSX) -> normalized deals. */
export { parseCrmExport, parseCrmText, parseCrmTextInSlices } from "./normalize";
export { DEFAULT_SLICE_CHARS, nextMacrotask } from "./csv";
export type { ImportOptions, ImportProgress, ImportResult, ImportStats } from "./normalize";
export { ImportError } from "./errors";
export type { ImportIssue, ImportIssueReason } from "./errors";
export { decodeBytes } from "./decode";
export type { ImportEncoding } from "./decode";
export { detectPreset, PRESETS, PRESET_IDS } from "./presets";
export type { ImportDetection, DetectionBasis, FooterLine } from "./normalize";
export type { CrmPreset, MappedField, PresetId, StatusLabels } from "./presets";
export { parseAmount, parseDate, parseProbability } from "./values";
export { importNotes } from "./notes";
export type { ImportNote } from "./notes";
