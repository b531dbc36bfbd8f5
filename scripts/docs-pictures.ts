/**
 * Remakes the pictures of docs/generators.md (docs/img/generator-*.png) from the product's
 * own output, so they always show the sheets as they are generated now:
 *
 *   1. builds workbooks from the sample exports with the command line (bin/salesquant.js),
 *      as a user would: the Zoho sample in English (grid dashboard, then the "one large,
 *      three small" dashboard) and the Fxiaoke sample in Chinese, each with a quotas file so
 *      the attainment tile is filled and an as-of date whose month has won and lost deals;
 *   2. builds the SMART goals (revenue read from the deals) and the risk register through
 *      composeWorkbook (src/compose), as the task pane does, adds the customer feedback sheet
 *      with a few typed responses (planFeedbackSheet), and writes them with the .xlsx writer;
 *   3. opens each workbook in headless LibreOffice (full recalculation on load), prints it to
 *      PDF one page per sheet and each page to PNG (tests/support/libreoffice.ts);
 *   4. keeps the page of each pictured sheet, trims the white margin around the used area
 *      and writes it to docs/img/ under the name docs/generators.md uses.
 *
 * Run: `npm run docs:pictures` (node -r ts-node/register/transpile-only scripts/docs-pictures.ts).
 * Needs LibreOffice (`soffice`) and poppler's `pdftoppm` on the PATH, as the integration
 * tests do (`bash scripts/install-system-deps.sh`). Options:
 *   --out DIR    write the pictures to DIR instead of docs/img
 *   --keep DIR   also keep the built workbooks and the full page renders in DIR
 *   --dpi N      resolution of the renders (default 96)
 *
 * The dates, targets and quotas below are fixed, so a run gives the same pictures until a
 * generator changes (cells with =TODAY() are given dates for that reason).
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import JSZip from "jszip";
import { composeWorkbook, readSheetValues, type SheetRequest } from "../src/compose";
import type { Locale } from "../src/core/locale";
import { isInvalid } from "../src/generators/common";
import { planFeedbackSheet, type FeedbackEntry } from "../src/generators/templates";
import { parseCrmExport } from "../src/import/normalize";
import { writeXlsxBuffer } from "../src/workbook/xlsx/writeXlsx";
import { renderToPng } from "../tests/support/libreoffice";

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "bin", "salesquant.js");

/** One workbook built with the command line, and which of its sheets are pictured. */
interface CliBook {
  name: string;
  input: string;
  locale: Locale;
  /** Each rep's quota, written as the --quotas CSV (its header in the workbook's language). */
  quotas: { header: [string, string]; rows: [string, number][] };
  /** Sheet options, as `--<name> <value>` flags. */
  flags: Record<string, string>;
  /** Picture file name -> the role of the sheet it shows (SalesQuant.sheet.<role>). */
  pictures: Record<string, string>;
}

/** Quotas of the Zoho sample's reps, about their won revenue over the whole export. */
const ZOHO_QUOTAS: CliBook["quotas"] = {
  header: ["Rep", "Quota"],
  rows: [
    ["Ann Lee", 500_000],
    ["Bo Chen", 600_000],
    ["Carla Diaz", 550_000],
    ["Dev Patel", 800_000],
  ],
};

/**
 * The month of each as-of date holds won and lost deals in its sample, and so does the month
 * before; the customers' as-of date is the month end after the sample's last date.
 */
const BOOKS: CliBook[] = [
  {
    name: "zoho-en-grid",
    input: "samples/zoho-deals-sample.csv",
    locale: "en-US",
    quotas: ZOHO_QUOTAS,
    flags: {
      "dashboard-layout": "grid",
      "dashboard-as-of": "2025-04-30",
      "dashboard-target": "200000",
      "funnel-targets": "-,70,85,90,90,85,90,80,95",
      "customers-as-of": "2025-05-31",
    },
    pictures: {
      "generator-funnel.png": "funnel",
      "generator-reps.png": "reps",
      "generator-monthly.png": "monthly",
      "generator-review.png": "review",
      "generator-forecast.png": "forecast",
      "generator-customers.png": "customers",
      "generator-dashboard-grid.png": "dashboard",
    },
  },
  {
    name: "zoho-en-focus",
    input: "samples/zoho-deals-sample.csv",
    locale: "en-US",
    quotas: ZOHO_QUOTAS,
    flags: {
      "dashboard-layout": "focus",
      "dashboard-as-of": "2025-04-30",
      "dashboard-target": "200000",
    },
    pictures: { "generator-dashboard-large.png": "dashboard" },
  },
  {
    name: "fxiaoke-zh-grid",
    input: "samples/fxiaoke-deals-sample.csv",
    locale: "zh-CN",
    quotas: {
      header: ["销售", "配额"],
      rows: [
        ["张敏", 350_000],
        ["李娜", 500_000],
        ["王伟", 450_000],
        ["𠮷田", 600_000],
      ],
    },
    flags: {
      "dashboard-layout": "grid",
      "dashboard-as-of": "2025-03-31",
      "dashboard-target": "150000",
      "customers-as-of": "2025-06-30",
    },
    pictures: { "generator-dashboard-zh.png": "dashboard" },
  },
];

/**
 * Goals and the risk register, composed as the task pane composes them over the Zoho sample,
 * and the feedback sheet with a few responses typed in (an empty form shows no colours, NPS
 * or CSAT).
 */
const COMPOSED = {
  name: "zoho-en-goals",
  input: "samples/zoho-deals-sample.csv",
  locale: "en-US" as Locale,
  currency: "USD",
  goals: {
    source: "deals",
    start: "2025-01-01",
    deadline: "2025-12-31",
    asOf: "2025-04-30",
    revenueTarget: "2600000",
    owner: "Sales team",
  },
  templates: { asOf: "2025-04-30" },
  feedback: [
    {
      customer: "Globex",
      lastContact: "2025-04-02",
      nextFollowUp: "2025-04-20",
      nps: 9,
      csat: 5,
      comment: "Renewal on track",
    },
    {
      customer: "Acme Corp",
      lastContact: "2025-04-15",
      nextFollowUp: "2025-05-15",
      nps: 7,
      csat: 4,
    },
    {
      customer: "Initech",
      lastContact: "2025-03-20",
      nextFollowUp: "2025-04-10",
      nps: 4,
      csat: 2,
      comment: "Late delivery; call the project lead",
    },
    {
      customer: "Hooli, Inc.",
      lastContact: "2025-04-25",
      nextFollowUp: "2025-05-25",
      nps: 10,
      csat: 5,
    },
    {
      customer: "Umbrella",
      lastContact: "2025-04-11",
      nextFollowUp: "2025-05-09",
      nps: 8,
      csat: 3,
      comment: "Asked for a training session",
    },
  ] satisfies FeedbackEntry[],
  pictures: {
    "generator-goals.png": "goals",
    "generator-feedback.png": "feedback",
    "generator-risks.png": "risks",
  },
};

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(
              `${path.basename(command)} ${args.join(" ")} failed: ${error.message}\n${stderr}`,
            ),
          );
        else resolve(String(stdout));
      },
    );
  });
}

// ---------------------------------------------------------------------------------------
// Workbooks

async function buildWithCli(book: CliBook, dir: string): Promise<string> {
  const quotas = path.join(dir, `${book.name}-quotas.csv`);
  const lines = [book.quotas.header, ...book.quotas.rows].map((row) => row.join(","));
  await fs.writeFile(quotas, `${lines.join("\n")}\n`, "utf8");
  const out = path.join(dir, `${book.name}.xlsx`);
  const flags = Object.entries(book.flags).flatMap(([name, value]) => [`--${name}`, value]);
  const args = ["build", "--input", book.input, "--locale", book.locale, "--quotas", quotas];
  await run(process.execPath, [CLI, ...args, ...flags, "--quiet", "--out", out], ROOT);
  return out;
}

function values<K extends "goals" | "templates">(
  id: K,
  typed: Record<string, string>,
  locale: Locale,
) {
  const read = readSheetValues(id, typed, { locale, hasDeals: true });
  if (!read.ok) throw new Error(`${id}: ${JSON.stringify(read.errors)}`);
  return read.values;
}

/** Builds Goals, Risks and Feedback over the deals; returns the file and each picture's sheet name. */
async function buildComposed(
  dir: string,
): Promise<{ file: string; sheets: Record<string, string> }> {
  const { locale, currency } = COMPOSED;
  const imported = await parseCrmExport(await fs.readFile(path.join(ROOT, COMPOSED.input)));
  const templates = values("templates", { ...COMPOSED.templates, kind: "risks" }, locale);
  const requests: SheetRequest[] = [
    { id: "goals", values: values("goals", COMPOSED.goals, locale) },
    { id: "templates", values: templates },
  ];
  const composed = composeWorkbook(
    requests,
    { deals: { deals: imported.deals, pipeline: imported.pipeline } },
    { locale, currency },
  );
  if (!composed.ok) throw new Error(`compose refused: ${JSON.stringify(composed.errors)}`);
  const feedback = planFeedbackSheet(COMPOSED.feedback, {
    locale,
    currency,
    asOf: templates.asOf,
    rows: templates.rows,
  });
  if (isInvalid(feedback)) throw new Error(`feedback refused: ${JSON.stringify(feedback.errors)}`);
  // Deals is bundled first; then the requests' sheets in order.
  const [goals, risks] = composed.plan.sheets.slice(-2).map((s) => s.name);
  const plan = { ...composed.plan, sheets: [...composed.plan.sheets, ...feedback.sheets] };
  const file = path.join(dir, `${COMPOSED.name}.xlsx`);
  await fs.writeFile(file, await writeXlsxBuffer(plan));
  return { file, sheets: { goals, risks, feedback: feedback.sheets[0].name } };
}

/** Visible sheet names in tab order, and each generated sheet's name by role. */
async function sheetsOf(xlsx: string): Promise<{ visible: string[]; byRole: Map<string, string> }> {
  const zip = await JSZip.loadAsync(await fs.readFile(xlsx));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const unescape = (s: string) =>
    s
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const visible = Array.from(xml.matchAll(/<sheet\b([^>]*)\/?>/g))
    .filter((m) => !/state="(hidden|veryHidden)"/.test(m[1]))
    .map((m) => unescape(/name="([^"]*)"/.exec(m[1])![1]));
  const byRole = new Map<string, string>();
  for (const m of xml.matchAll(
    /<definedName name="SalesQuant\.sheet\.([^"]+)"[^>]*>([^<]*)<\/definedName>/g,
  )) {
    const ref = unescape(m[2]);
    const sheet = /^'((?:[^']|'')*)'!/.exec(ref)?.[1].replace(/''/g, "'") ?? ref.split("!")[0];
    byRole.set(m[1], sheet);
  }
  return { visible, byRole };
}

// ---------------------------------------------------------------------------------------
// PNG: read pdftoppm's pages, trim, write (8-bit RGB, no dependency beyond zlib)

interface Image {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, row by row. */
  rgb: Buffer;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit grey, RGB or RGBA PNG (what pdftoppm writes) to RGB on white. */
function decodePng(png: Buffer): Image {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(
          `unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`,
        );
    } else if (type === "IDAT") data.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      pixels[out + x] = (line[x] + predictor) & 0xff;
    }
  }
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, alpha] =
      channels === 1
        ? [p[0], p[0], p[0], 255]
        : channels === 2
          ? [p[0], p[0], p[0], p[1]]
          : [p[0], p[1], p[2], channels === 4 ? p[3] : 255];
    const over = (v: number) => Math.round((v * alpha + 255 * (255 - alpha)) / 255);
    rgb[i * 3] = over(r);
    rgb[i * 3 + 1] = over(g);
    rgb[i * 3 + 2] = over(b);
  }
  return { width, height, rgb };
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes RGB as PNG, each row with the filter that leaves the smallest residues. */
function encodePng(image: Image): Buffer {
  const { width, height, rgb } = image;
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = rgb.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rgb.subarray((y - 1) * stride, y * stride) : null;
    let best = -1;
    let bestCost = Infinity;
    for (let filter = 0; filter <= 4; filter++) {
      let cost = 0;
      for (let x = 0; x < stride; x++) {
        const a = x >= 3 ? row[x - 3] : 0;
        const b = up ? up[x] : 0;
        const c = up && x >= 3 ? up[x - 3] : 0;
        const v = (row[x] - [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]) & 0xff;
        candidate[x] = v;
        cost += v < 128 ? v : 256 - v;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = filter;
        raw[y * (stride + 1)] = filter;
        candidate.copy(raw, y * (stride + 1) + 1);
      }
    }
    if (best < 0) throw new Error("no PNG filter chosen");
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The image cut to what is not white, with a white border of `margin` pixels around it. */
function trim(image: Image, margin = 8): Image {
  const { width, height, rgb } = image;
  let top = height;
  let bottom = -1;
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (rgb[i] >= 248 && rgb[i + 1] >= 248 && rgb[i + 2] >= 248) continue;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  if (bottom < 0) return image;
  const w = right - left + 1 + 2 * margin;
  const h = bottom - top + 1 + 2 * margin;
  const out = Buffer.alloc(w * h * 3, 255);
  for (let y = top; y <= bottom; y++)
    rgb.copy(
      out,
      ((y - top + margin) * w + margin) * 3,
      (y * width + left) * 3,
      (y * width + right + 1) * 3,
    );
  return { width: w, height: h, rgb: out };
}

// ---------------------------------------------------------------------------------------

/**
 * Renders a workbook and writes the page of each pictured sheet, trimmed, to `outDir`.
 * `pictures`: file name -> sheet name.
 */
async function picture(
  xlsx: string,
  pictures: Record<string, string>,
  renderDir: string,
  outDir: string,
  dpi: number,
): Promise<string[]> {
  const { visible } = await sheetsOf(xlsx);
  await fs.rm(renderDir, { recursive: true, force: true });
  const pages = await renderToPng(xlsx, renderDir, dpi);
  if (pages.length !== visible.length)
    throw new Error(
      `${path.basename(xlsx)}: ${pages.length} pages for ${visible.length} visible sheets`,
    );
  const written: string[] = [];
  for (const [file, sheet] of Object.entries(pictures)) {
    const index = visible.indexOf(sheet);
    if (index < 0)
      throw new Error(
        `${path.basename(xlsx)} has no sheet ${sheet} (sheets: ${visible.join(", ")})`,
      );
    const image = trim(decodePng(await fs.readFile(pages[index])));
    const target = path.join(outDir, file);
    const png = encodePng(image);
    await fs.writeFile(target, png);
    written.push(
      `${path.relative(ROOT, target)}: ${sheet}, ${image.width}x${image.height}, ${Math.round(png.length / 1024)} KB`,
    );
  }
  return written;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const outDir = path.resolve(option(args, "--out") ?? path.join(ROOT, "docs", "img"));
  const keep = option(args, "--keep");
  const dpi = Number(option(args, "--dpi") ?? 96);
  if (!Number.isFinite(dpi) || dpi < 30 || dpi > 300)
    throw new Error("--dpi must be a number from 30 to 300");
  const work = keep
    ? path.resolve(keep)
    : await fs.mkdtemp(path.join(os.tmpdir(), "salesquant-docs-pictures-"));
  await fs.mkdir(work, { recursive: true });
  await fs.mkdir(outDir, { recursive: true });
  try {
    for (const book of BOOKS) {
      process.stdout.write(`building ${book.name} (${book.input}, ${book.locale})\n`);
      const xlsx = await buildWithCli(book, work);
      const { byRole } = await sheetsOf(xlsx);
      const pictures = Object.fromEntries(
        Object.entries(book.pictures).map(([file, role]) => {
          const sheet = byRole.get(role);
          if (!sheet) throw new Error(`${book.name}: no ${role} sheet`);
          return [file, sheet];
        }),
      );
      for (const line of await picture(xlsx, pictures, path.join(work, book.name), outDir, dpi))
        process.stdout.write(`  ${line}\n`);
    }
    process.stdout.write(`building ${COMPOSED.name} (${COMPOSED.input}, ${COMPOSED.locale})\n`);
    const composed = await buildComposed(work);
    const pictures = Object.fromEntries(
      Object.entries(COMPOSED.pictures).map(([file, key]) => [file, composed.sheets[key]]),
    );
    for (const line of await picture(
      composed.file,
      pictures,
      path.join(work, COMPOSED.name),
      outDir,
      dpi,
    ))
      process.stdout.write(`  ${line}\n`);
  } finally {
    if (!keep) await fs.rm(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `docs-pictures: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
