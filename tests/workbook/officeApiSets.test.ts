/**
 * Office API honesty: every Excel API member the Office writer and readers touch is either
 * in the minimum requirement set the writer insists on (ExcelApi 1.4) or used only behind
 * an `isSetSupported` check of at least its own version.
 *
 * How it is proven without Excel: the recording fake logs every property set, method call
 * and load; each logged member is looked up in the `[Api set: ExcelApi 1.x]` annotations of
 * @types/office-js. The writer then runs against hosts that support ExcelApi only up to
 * 1.4, 1.5, ... 1.9: on a host stopping at 1.N it must touch nothing newer than 1.N.
 */
import * as fs from "fs";
import * as path from "path";
import { FakeExcel } from "../fakes/excel/fakeExcel";
import { writePlan } from "../../src/workbook/office/writePlan";
import { listTableNames, readSelection, readTable } from "../../src/workbook/office/readers";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { examplePlan } from "../fixtures/examplePlan";
import { everyGeneratorPlan } from "../generators/allPlans";

interface Member {
  /** "1.4" */
  set: string | null;
  /** Excel class of a property's value or a method's result, when it is one. */
  type: string | null;
}

/** Excel classes -> members, read from the type definitions' top-level `namespace Excel`. */
function excelApi(): Map<string, Map<string, Member>> {
  const file = path.resolve(__dirname, "../../node_modules/@types/office-js/index.d.ts");
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf("\ndeclare namespace Excel {");
  const classes = new Map<string, Map<string, Member>>();
  const classRe = /\n {4}class (\w+) extends OfficeExtension\.ClientObject \{\n([\s\S]*?)\n {4}\}\n/g;
  classRe.lastIndex = start;
  for (let m = classRe.exec(text); m; m = classRe.exec(text)) {
    if (classes.has(m[1])) continue;
    const members = new Map<string, Member>();
    const memberRe = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\n {8}(?:readonly )?(\w+)\??(\(|:)([^\n]*)/g;
    for (let k = memberRe.exec(m[2]); k; k = memberRe.exec(m[2])) {
      const set = /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(k[1]);
      let type: RegExpExecArray | null = null;
      if (k[3] === ":") type = /^\s*Excel\.(\w+)/.exec(k[4]);
      else {
        // A method: its result type after the parameter list (possibly on a later line).
        const rest = m[2].slice(k.index + k[0].length - k[4].length);
        type = /\):\s*Excel\.(\w+)\s*;/.exec(rest.slice(0, rest.indexOf(";") + 1));
      }
      if (!members.has(k[2]) || (set && !members.get(k[2])!.set)) members.set(k[2], { set: set ? set[1] : null, type: type ? type[1] : null });
    }
    classes.set(m[1], members);
  }
  return classes;
}

/** The fake's object labels' roots and the Excel class each stands for. */
const ROOTS: Record<string, string> = {
  Application: "Application",
  Workbook: "Workbook",
  Worksheets: "WorksheetCollection",
  Worksheet: "Worksheet",
  Range: "Range",
  Table: "Table",
  Names: "NamedItemCollection",
  Name: "NamedItem",
  Charts: "ChartCollection",
  Chart: "Chart",
  ConditionalFormats: "ConditionalFormatCollection",
  ConditionalFormat: "ConditionalFormat",
  Notes: "NoteCollection",
};

/** Splits "Range(A1:B2).format.font" into ["Range", "format", "font"] (arguments dropped). */
function segments(label: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of label) {
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "." && depth === 0) {
      out.push(current);
      current = "";
    } else if (depth === 0) current += ch;
  }
  out.push(current);
  return out;
}

function compareSets(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/** Every member the writer and readers touched on this fake, as "Class.member" with its set. */
function touched(fake: FakeExcel, api: Map<string, Map<string, Member>>): { member: string; set: string | null }[] {
  const unresolved: string[] = [];
  const found = new Map<string, string | null>();
  const classOf = (label: string): string | null => {
    const [root, ...rest] = segments(label);
    let cls: string | null = ROOTS[root] ?? null;
    for (const name of rest) {
      const member: Member | undefined = cls ? api.get(cls)?.get(name) : undefined;
      if (!member) return null;
      if (cls) found.set(`${cls}.${name}`, member.set);
      cls = member.type;
    }
    return cls;
  };
  for (const event of fake.log) {
    if (event.kind === "sync") continue;
    const cls = classOf(event.object);
    if (!cls) {
      unresolved.push(event.object);
      continue;
    }
    // A load names property paths ("items/name": the name of each item).
    const paths = event.kind === "set" ? [event.property] : event.kind === "call" ? [event.method] : event.properties.split(",").map((p) => p.trim()).filter(Boolean);
    for (const memberPath of paths) {
      let owner: string | null = cls;
      for (const name of memberPath.split("/")) {
        const member: Member | undefined = owner ? api.get(owner)?.get(name) : undefined;
        if (!member) {
          unresolved.push(`${owner}.${name}`);
          break;
        }
        found.set(`${owner}.${name}`, member.set);
        owner = member.type;
      }
    }
  }
  expect([...new Set(unresolved)]).toEqual([]);
  return [...found].map(([member, set]) => ({ member, set }));
}

/** Plans that use every feature the writer has: every generator's sheets and the example plan. */
function allPlans(): WorkbookPlan[] {
  return [examplePlan(), ...Object.values(everyGeneratorPlan("en-US")), ...Object.values(everyGeneratorPlan("zh-CN")).slice(0, 2)];
}

const api = excelApi();

describe("the Excel API members the Office writer and readers use", () => {
  it("reads the annotations it checks against (the parse is not empty)", () => {
    expect(api.get("Range")?.get("formulas")?.set).toBe("1.1");
    expect(api.get("Worksheet")?.get("freezePanes")?.set).toBe("1.7");
    expect(api.get("Range")?.get("format")?.type).toBe("RangeFormat");
  });

  it.each(["1.4", "1.5", "1.6", "1.7", "1.8", "1.9"])("touch nothing newer than ExcelApi %s on a host that stops there", async (top) => {
    const supported = (name: string, version?: string) => name === "ExcelApi" && compareSets(version ?? "1.1", top) <= 0;
    const used = new Map<string, string | null>();
    for (const plan of allPlans()) {
      const fake = new FakeExcel();
      await writePlan(plan, { run: fake.run, isSetSupported: supported });
      for (const { member, set } of touched(fake, api)) used.set(member, set);
    }
    expect(used.size).toBeGreaterThan(20);
    const newer = [...used].filter(([, set]) => set !== null && compareSets(set, top) > 0).map(([m, s]) => `${m} (${s})`);
    expect(newer).toEqual([]);
  });

  it("sets print settings through the page layout (ExcelApi 1.9) only where the host has 1.9", async () => {
    const pageLayout = (top: string) => async () => {
      const fake = new FakeExcel();
      const supported = (name: string, version?: string) => name === "ExcelApi" && compareSets(version ?? "1.1", top) <= 0;
      await writePlan(allPlans()[0], { run: fake.run, isSetSupported: supported });
      return touched(fake, api).filter((m) => m.member.startsWith("PageLayout.") || m.member === "Worksheet.pageLayout");
    };
    expect(await pageLayout("1.9")()).toEqual(
      expect.arrayContaining(
        ["Worksheet.pageLayout", "PageLayout.orientation", "PageLayout.zoom", "PageLayout.setPrintTitleRows", "PageLayout.setPrintArea"].map((member) => ({ member, set: "1.9" })),
      ),
    );
    expect(await pageLayout("1.8")()).toEqual([]);
  });

  it("the readers use only ExcelApi 1.4 members", async () => {
    const fake = new FakeExcel();
    await writePlan(examplePlan(), { run: fake.run, isSetSupported: () => true });
    const written = fake.log.length;
    const tables = await listTableNames(fake.run);
    await readTable(tables[0], fake.run);
    await readSelection(fake.run).catch(() => undefined);
    const reads = new FakeExcel();
    reads.log.push(...fake.log.slice(written));
    expect(reads.log.length).toBeGreaterThan(0);
    const newer = touched(reads, api).filter((m) => m.set !== null && compareSets(m.set, "1.4") > 0);
    expect(newer).toEqual([]);
  });
});
