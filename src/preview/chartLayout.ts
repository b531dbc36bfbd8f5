/**
 * Geometry of the preview's SVG charts, kept apart from React so it can be checked on its
 * own: text widths (estimated, never measured: the same numbers in a browser and in jsdom),
 * word wrapping that never cuts a word, "nice" value-axis ticks, and where category labels
 * and legend entries go. Estimates err wide, so what is laid out as fitting does fit.
 */

/** Font size in pixels of axis labels, data labels and legend entries. */
export const FONT_PX = 10;
/** Line height for FONT_PX text. */
export const LINE_PX = 13;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const NARROW = new Set([..." il.,:;'|!()[]ftrj"]);
const CAPS = /[A-Z#$%&€£¥@?]/;

/** Estimated width in pixels of `text` at `fontSize` (sans-serif; CJK characters count 1 em). */
export function textWidth(text: string, fontSize = FONT_PX): number {
  let em = 0;
  for (const ch of text) {
    if (WIDE.test(ch) || (ch.codePointAt(0) ?? 0) > 0xffff) em += 1;
    else if (NARROW.has(ch)) em += 0.34;
    else if (ch === "m" || ch === "w" || ch === "M" || ch === "W") em += 0.92;
    else if (CAPS.test(ch)) em += 0.74;
    else em += 0.62;
  }
  return Math.ceil(em * fontSize);
}

/**
 * Words of `text` for wrapping: runs of non-space characters, except that each CJK
 * character is a word of its own (Chinese breaks between any two characters).
 */
function tokens(text: string): { word: string; spaceBefore: boolean }[] {
  const out: { word: string; spaceBefore: boolean }[] = [];
  let space = false;
  for (const m of text.matchAll(/\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+/g)) {
    if (/^\s+$/.test(m[0])) {
      space = true;
      continue;
    }
    out.push({ word: m[0], spaceBefore: space && out.length > 0 });
    space = false;
  }
  return out;
}

/**
 * `text` broken at word boundaries into lines of at most `maxWidth` pixels, or null when
 * one word alone is wider (a word is never cut). Empty text is one empty line.
 */
export function wrapWords(text: string, maxWidth: number, fontSize = FONT_PX): string[] | null {
  const words = tokens(text.trim());
  if (words.length === 0) return [""];
  const lines: string[] = [];
  let line = "";
  for (const { word, spaceBefore } of words) {
    if (textWidth(word, fontSize) > maxWidth) return null;
    const joined = line === "" ? word : line + (spaceBefore ? " " : "") + word;
    if (line !== "" && textWidth(joined, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = joined;
  }
  lines.push(line);
  return lines;
}

/** Width of the widest word of `text` (the narrowest a wrapped label can be). */
export function widestWord(text: string, fontSize = FONT_PX): number {
  return Math.max(0, ...tokens(text).map((t) => textWidth(t.word, fontSize)));
}

const STEPS = [1, 2, 2.5, 5, 10];

/**
 * Value-axis ticks from the lower to the upper bound of the data (zero always included), at
 * most about `maxCount` intervals, at 1, 2, 2.5 or 5 times a power of ten; a step whose
 * formatted labels would repeat ("3%", "3%") is passed over for a wider one.
 */
export function niceTicks(min: number, max: number, maxCount: number, format: (v: number) => string = String): number[] {
  const lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) hi = lo + 1;
  const raw = (hi - lo) / Math.max(1, maxCount);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const candidates = [...STEPS.map((s) => s * magnitude), ...STEPS.map((s) => s * magnitude * 10)].filter((s) => s >= raw * 0.999);
  for (const step of candidates) {
    const first = Math.floor(lo / step + 1e-9);
    const last = Math.ceil(hi / step - 1e-9);
    const ticks: number[] = [];
    for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
    const labels = ticks.map(format);
    if (new Set(labels).size === labels.length) return ticks;
  }
  return [lo, hi];
}

export interface CategoryLabelLayout {
  /** "flat": one line each; "wrap": broken into lines at spaces; "rotate": slanted 45°. */
  mode: "flat" | "wrap" | "rotate";
  /** Every `step`-th label is shown (1: all). */
  step: number;
  /** Lines of each label (empty for a label not shown). */
  lines: string[][];
  /** Height in pixels the labels need below the axis. */
  height: number;
  /** How far (px) slanted labels reach left of the plot's left edge. */
  overhangLeft: number;
}

const SIN45 = Math.SQRT1_2;

/**
 * Where the labels of a horizontal category axis go, with `slot` pixels per category
 * (labels centred on their slot): whole on one line when they fit, else wrapped at spaces
 * (up to three lines), else slanted at 45°, else every second (third...) one shown flat,
 * then slanted. A label is never cut, and a shown label never leaves the chart's width.
 */
export function layoutCategoryLabels(labels: string[], slot: number, maxHeight: number): CategoryLabelLayout {
  const n = labels.length;
  const room = slot - 4;
  const none: string[][] = labels.map(() => []);
  if (n === 0) return { mode: "flat", step: 1, lines: none, height: 0, overhangLeft: 0 };
  const widths = labels.map((l) => textWidth(l));
  if (widths.every((w) => w <= room)) return { mode: "flat", step: 1, lines: labels.map((l) => [l]), height: LINE_PX + 2, overhangLeft: 0 };
  const wrapped = labels.map((l) => wrapWords(l, room));
  if (wrapped.every((w) => w !== null && w.length <= 3)) {
    const lines = wrapped as string[][];
    return { mode: "wrap", step: 1, lines, height: Math.max(...lines.map((l) => l.length)) * LINE_PX + 2, overhangLeft: 0 };
  }
  const slanted = (step: number): CategoryLabelLayout => {
    const shown = (i: number) => i % step === 0;
    const height = Math.ceil(Math.max(...widths.filter((_w, i) => shown(i))) * SIN45 + LINE_PX);
    // A slanted label ends at its slot's centre and reaches left by its width times cos 45°.
    const overhangLeft = Math.max(0, ...widths.map((w, i) => (shown(i) ? w * SIN45 - (i + 0.5) * slot : 0)));
    return { mode: "rotate", step, lines: labels.map((l, i) => (shown(i) ? [l] : [])), height, overhangLeft: Math.ceil(overhangLeft) };
  };
  // Slanted labels stand LINE_PX apart along the axis at 45°.
  const slantStep = Math.max(1, Math.ceil((LINE_PX * 1.2) / slot));
  if (slantStep === 1) {
    const s = slanted(1);
    if (s.height <= maxHeight) return s;
  }
  for (let step = 2; step <= n; step++) {
    if (widths.every((w, i) => i % step !== 0 || w <= slot * step - 6)) {
      // A flat label spread over `step` slots is centred on its own slot: it must not pass the chart's ends.
      const fits = labels.every((_l, i) => i % step !== 0 || (widths[i] / 2 <= (i + 0.5) * slot + 2 && widths[i] / 2 <= (n - i - 0.5) * slot + 2));
      if (fits) return { mode: "flat", step, lines: labels.map((l, i) => (i % step === 0 ? [l] : [])), height: LINE_PX + 2, overhangLeft: 0 };
    }
    if (step >= slantStep) {
      const s = slanted(step);
      if (s.height <= maxHeight) return s;
    }
  }
  return slanted(Math.max(slantStep, 1));
}

export interface SideLabelLayout {
  /** Width in pixels of the label column. */
  width: number;
  fontSize: number;
  lineHeight: number;
  /** Lines of each label (empty for a label not shown). */
  lines: string[][];
}

/**
 * Labels beside horizontal bars, `slot` pixels tall each: wrapped at spaces into a column
 * at most `maxWidth` wide (wider when one word needs it, up to `hardMax`), in a smaller font
 * when the lines do not fit the slot, and every second (third...) label when even that fails.
 */
export function layoutSideLabels(labels: string[], slot: number, maxWidth: number, hardMax: number): SideLabelLayout {
  for (const fontSize of [FONT_PX, 9, 8]) {
    const lineHeight = Math.round(fontSize * 1.3);
    const longestWord = Math.max(0, ...labels.map((l) => widestWord(l, fontSize)));
    const column = Math.min(hardMax, Math.max(Math.min(maxWidth, Math.max(0, ...labels.map((l) => textWidth(l, fontSize)))), longestWord));
    const wrapped = labels.map((l) => wrapWords(l, column, fontSize));
    if (wrapped.some((w) => w === null)) continue;
    const lines = wrapped as string[][];
    const tallest = Math.max(1, ...lines.map((l) => l.length));
    if (tallest * lineHeight <= slot || fontSize === 8) {
      const step = Math.max(1, Math.ceil((tallest * lineHeight) / Math.max(1, slot)));
      return { width: column, fontSize, lineHeight, lines: lines.map((l, i) => (i % step === 0 ? l : [])) };
    }
  }
  // A word wider than hardMax even at 8 px: the column takes its width rather than cut it.
  const fontSize = 8;
  const column = Math.max(0, ...labels.map((l) => widestWord(l, fontSize)));
  const lines = labels.map((l) => wrapWords(l, column, fontSize) ?? [l]);
  const lineHeight = Math.round(fontSize * 1.3);
  const step = Math.max(1, Math.ceil((Math.max(1, ...lines.map((l) => l.length)) * lineHeight) / Math.max(1, slot)));
  return { width: column, fontSize, lineHeight, lines: lines.map((l, i) => (i % step === 0 ? l : [])) };
}

export interface LegendEntry {
  label: string;
  color: string;
  /** A line sample (with the series' dashes) or a filled square. */
  kind: "line" | "box";
  dash?: string;
}

export interface LegendLayout {
  height: number;
  width: number;
  items: { entry: LegendEntry; x: number; y: number; lines: string[] }[];
}

const SWATCH = 18;

/**
 * Legend entries in rows across `width` pixels (a new row when the next entry would pass
 * the edge); an entry too long for a row is wrapped at spaces, never cut.
 */
export function layoutLegend(entries: LegendEntry[], width: number): LegendLayout {
  const items: LegendLayout["items"] = [];
  let x = 0;
  let y = 0;
  let rowHeight = LINE_PX;
  let widest = 0;
  for (const entry of entries) {
    const textRoom = Math.max(10, width - SWATCH - 4);
    const lines = textWidth(entry.label) <= textRoom ? [entry.label] : wrapWords(entry.label, textRoom) ?? [entry.label];
    const w = SWATCH + 4 + Math.max(...lines.map((l) => textWidth(l)));
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowHeight + 2;
      rowHeight = LINE_PX;
    }
    items.push({ entry, x, y, lines });
    rowHeight = Math.max(rowHeight, lines.length * LINE_PX);
    widest = Math.max(widest, x + w);
    x += w + 14;
  }
  return { height: items.length === 0 ? 0 : y + rowHeight, width: widest, items };
}

/** The same legend as one column `width` pixels wide (beside a pie). */
export function layoutLegendColumn(entries: LegendEntry[], width: number): LegendLayout {
  const items: LegendLayout["items"] = [];
  let y = 0;
  let widest = 0;
  for (const entry of entries) {
    const textRoom = Math.max(10, width - SWATCH - 4);
    const lines = wrapWords(entry.label, textRoom) ?? [entry.label];
    items.push({ entry, x: 0, y, lines });
    widest = Math.max(widest, SWATCH + 4 + Math.max(...lines.map((l) => textWidth(l))));
    y += lines.length * LINE_PX + 4;
  }
  return { height: Math.max(0, y - 4), width: widest, items };
}
