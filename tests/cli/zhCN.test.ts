/**
 * The command line in Chinese: with `--locale zh-CN`, or a Chinese system language and no
 * `--locale`, the summary, notes, issue lines, errors, progress, inspect's report and the help
 * come from the zh-CN catalog; without either, English as before. Output stays bounded and
 * escaped in both languages.
 */
import * as fs from "fs";
import * as path from "path";
import { HELP_TEXT, helpText, parseCliArgs } from "../../src/cli/args";
import { BuildDependencies, CliIO, EXIT, loadBuildDependencies, refreshLines, runCli } from "../../src/cli/run";
import { messageLocale, systemLocale } from "../../src/i18n/cli";
import type { RefreshResult } from "../../src/workbook/refresh";
import { fakeCliIO } from "../support/cliIO";

const SAMPLE = fs.readFileSync(path.join(__dirname, "..", "..", "samples", "fxiaoke-deals-sample.csv"));

/** The real composition, a writer that writes one byte. */
function deps(): BuildDependencies {
  return { planWorkbook: loadBuildDependencies().planWorkbook, writeXlsx: async () => new Uint8Array([1]) };
}

function withEnv(io: CliIO, env: Record<string, string>): CliIO {
  return { ...io, env };
}

describe("the language of the messages", () => {
  it("is --locale, else the system's when Chinese (LC_ALL, LC_MESSAGES, LANG in that order), else en-US", () => {
    expect(messageLocale(["build", "--locale", "zh-CN"], { LANG: "C.UTF-8" })).toBe("zh-CN");
    expect(messageLocale(["build", "--locale=en-US"], { LANG: "zh_CN.UTF-8" })).toBe("en-US");
    expect(messageLocale(["build"], { LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(messageLocale(["build"], { LC_MESSAGES: "zh_TW.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(messageLocale(["build"], { LC_ALL: "C", LANG: "zh_CN.UTF-8" })).toBe("en-US");
    expect(messageLocale(["build"], { LC_ALL: "", LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(messageLocale(["build"], {})).toBe("en-US");
    expect(messageLocale(["build"], undefined)).toBe("en-US");
    expect(systemLocale({ LANG: "POSIX" })).toBeNull();
  });
});

describe("salesquant build --locale zh-CN", () => {
  it("prints the summary, the notes and the issue lines in Chinese, the preset by its Chinese name", async () => {
    const { io, out, err, written } = fakeCliIO({ "商机.csv": SAMPLE });
    expect(await runCli(["build", "--input", "商机.csv", "--out", "o.xlsx", "--locale", "zh-CN", "--quiet"], io, deps())).toBe(EXIT.done);
    expect(err).toEqual([]);
    expect(Object.keys(written)).toEqual(["o.xlsx"]);
    expect(out[0]).toBe(
      "已写入 o.xlsx：119 个商机（54 个进行中，35 个赢单，30 个输单），来自 商机.csv（预设：纷享销客，gb18030）；" +
        "1 行未导入，2 个值带提示导入（0 段文本因超出单元格长度被截断），详见“导入问题”工作表。",
    );
    // The note on the stage the data added, then the rows left out before the notices.
    expect(out[1]).toBe("  根据数据新增的阶段（预设流程中没有）：Limbo。");
    expect(out[2]).toBe("  第 100 行（记录 97）：该行有 10 个字段，表头有 11 个。");
    expect(out.slice(3).every((line) => /^ {2}第 \d+ 行（记录 \d+）：/.test(line))).toBe(true);
  });

  it("speaks Chinese with a Chinese system language and no --locale; English otherwise, as before", async () => {
    const zh = fakeCliIO({ "a.csv": SAMPLE });
    expect(await runCli(["build", "--input", "a.csv", "--out", "o.xlsx", "--quiet"], withEnv(zh.io, { LANG: "zh_CN.UTF-8" }), deps())).toBe(EXIT.done);
    expect(zh.out[0]).toMatch(/^已写入 o\.xlsx：119 个商机/);
    const en = fakeCliIO({ "a.csv": SAMPLE });
    expect(await runCli(["build", "--input", "a.csv", "--out", "o.xlsx", "--quiet"], withEnv(en.io, { LANG: "C.UTF-8" }), deps())).toBe(EXIT.done);
    expect(en.out[0]).toMatch(/^Wrote o\.xlsx: 119 deals \(54 open, 35 won, 30 lost\) from a\.csv \(fxiaoke preset, gb18030\); 1 row\(s\) left out/);
    // The workbook follows the data (Chinese headers) either way; it names its own issues sheet.
    expect(en.out[0]).toMatch(/listed on the 导入问题 sheet\.$/);
    expect(en.out[2]).toBe("  line 100 (record 97): The row has 10 fields; the header has 11.");
  });

  it("says errors in Chinese: arguments, a missing file, --strict, a file with no deal", async () => {
    const { io, err } = fakeCliIO({
      "a.csv": SAMPLE,
      "bad.csv": "Deal Name,Deal Owner,Amount,Stage\nA,Ann,abc,Closed Won\nB,Bob,x1,Closed Won\n",
    });
    const zh = ["--locale", "zh-CN"];
    expect(await runCli(["build", ...zh, "--input", "a.csv"], io)).toBe(EXIT.badArguments);
    expect(err.pop()).toBe("salesquant: 缺少 --out 文件.xlsx（工作簿的保存位置）。");
    expect(await runCli(["build", ...zh, "--input", "a.csv", "--out", "o.xlsx", "--preset", "nope"], io)).toBe(EXIT.badArguments);
    expect(err.pop()).toMatch(/^salesquant: 未知预设“nope”。可用：auto、zoho, salesforce, /);
    expect(await runCli(["build", ...zh, "--input", "missing.csv", "--out", "o.xlsx"], io)).toBe(EXIT.unreadableInput);
    expect(err.pop()).toBe("salesquant: 输入文件 missing.csv 不存在。");
    err.length = 0;
    expect(await runCli(["build", ...zh, "--input", "a.csv", "--out", "o.xlsx", "--strict", "--quiet"], io, deps())).toBe(EXIT.rowsLeftOut);
    expect(err[0]).toBe("salesquant: --strict：a.csv 的 120 个数据行中有 1 行将不会导入（字段数不符：1）；未写入任何内容。");
    expect(err[1]).toBe("  第 100 行（记录 97）：该行有 10 个字段，表头有 11 个。");
    expect(err[2]).toBe("请在导出文件中修正这些行，或用以下命令查看文件的读取方式：salesquant inspect --input a.csv");
    err.length = 0;
    expect(await runCli(["build", ...zh, "--input", "bad.csv", "--out", "o.xlsx", "--quiet"], io, deps())).toBe(EXIT.unreadableInput);
    expect(err[0]).toBe(
      "salesquant: 无法从 bad.csv 读取任何商机：全部 2 个数据行均未导入（金额无法识别：2），因此没有可生成的工作簿；未写入任何内容。前几条原因：",
    );
    expect(err[1]).toBe("  第 2 行（记录 1）：“abc”不是金额（列“Amount”）。");
  });

  it("prints progress and counts with the locale's separators", async () => {
    const rows = Array.from({ length: 12000 }, (_, i) => `D${i},Ann,100,Closed Won`);
    const csv = ["Deal Name,Deal Owner,Amount,Stage", ...rows].join("\n");
    const { io, out, err } = fakeCliIO({ "big.csv": csv });
    expect(await runCli(["build", "--input", "big.csv", "--out", "o.xlsx", "--locale", "zh-CN"], io, deps())).toBe(EXIT.done);
    expect(err.length).toBeGreaterThan(0);
    for (const line of err) expect(line).toMatch(/^正在读取… \d+%（\d{1,3}(,\d{3})* 行）$/);
    expect(err[err.length - 1]).toBe("正在读取… 100%（12,000 行）");
    expect(out[0]).toMatch(/^已写入 o\.xlsx：12,000 个商机（0 个进行中，12,000 个赢单，0 个输单）/);
  });

  it("keeps every line bounded and escaped in Chinese too", async () => {
    const input = `in\x1b[31m${"长".repeat(500)}.csv`;
    const { io, out } = fakeCliIO({ [input]: SAMPLE });
    expect(await runCli(["build", "--input", input, "--out", "o\u202e.xlsx", "--locale", "zh-CN", "--quiet"], io, deps())).toBe(EXIT.done);
    expect(out[0]).toMatch(/^已写入 o\\u202e\.xlsx：119 个商机.*来自 in\\x1b\[31m长{192}…（预设：纷享销客/);
  });
});

describe("salesquant inspect in Chinese", () => {
  it("reports with Chinese labels aligned by terminal columns, the preset with its Chinese name", async () => {
    const { io, out, err } = fakeCliIO({ "a.csv": SAMPLE });
    expect(await runCli(["inspect", "--locale", "zh-CN", "--input", "a.csv"], io)).toBe(EXIT.done);
    expect(err).toEqual([]);
    expect(out[0]).toBe("文件            a.csv（11,963 字节）");
    expect(out).toContain("格式            CSV 文本");
    expect(out).toContain("预设            fxiaoke（纷享销客），根据表头识别（只有该 CRM 导出的列）");
    expect(out).toContain("  初步接触    16  进行中");
    expect(out).toContain("  Limbo        1  进行中；新增：不是预设中的阶段，作为进行中阶段放入");
    expect(out).toContain("结果            build 将写入 119 个商机；加上 --strict 则会停止（退出码 4）：1 行未导入");
    // The suggested command is the same in both languages.
    expect(out[out.length - 1]).toMatch(/^salesquant build --input a\.csv --out a\.xlsx --preset fxiaoke --encoding gb18030 /);
  });

  it("reports in Chinese with a Chinese system language, in English without", async () => {
    const zh = fakeCliIO({ "a.csv": SAMPLE });
    expect(await runCli(["inspect", "--input", "a.csv"], withEnv(zh.io, { LC_ALL: "zh_CN.UTF-8" }))).toBe(EXIT.done);
    expect(zh.out[1]).toBe("格式            CSV 文本");
    const en = fakeCliIO({ "a.csv": SAMPLE });
    expect(await runCli(["inspect", "--input", "a.csv"], en.io)).toBe(EXIT.done);
    expect(en.out[1]).toBe("Format          CSV text");
  });
});

describe("the help in Chinese", () => {
  it("is printed for --help with --locale zh-CN or a Chinese system language; English stays the same", async () => {
    const zh = helpText("zh-CN");
    expect(parseCliArgs(["--help", "--locale", "zh-CN"])).toEqual({ kind: "help", text: zh });
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help", text: HELP_TEXT });
    const { io, out } = fakeCliIO({});
    expect(await runCli(["-h"], withEnv(io, { LANG: "zh_CN.UTF-8" }))).toBe(EXIT.done);
    expect(out.join("\n")).toBe(zh);
    expect(zh.split("\n")[0]).toBe("salesquant：无需 Excel，从 CRM 导出文件生成销售管理工作簿。");
    // The lists read from the product are the same; the sheet options carry their Chinese labels.
    for (const listed of ["auto（默认）| zoho | salesforce", "windows-1252 | shift_jis | big5", "actualCloseDate", "--review-period VALUE"]) {
      expect(zh).toContain(listed);
    }
    for (const line of zh.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    // What a blank as-of date stands for is the flag's default, in each language.
    expect(HELP_TEXT).toMatch(/--dashboard-as-of VALUE +As-of date \(YYYY-MM-DD\); default: the deals' last day/);
    expect(zh).toContain("截至日期（YYYY-MM-DD）；默认：商机数据的最后一天");
  });
});

describe("refreshLines in Chinese", () => {
  it("says what was carried, orphaned, displaced and kept", () => {
    const refresh = {
      plan: { sheets: [] },
      carried: 1234,
      orphans: [{ sheet: "销售绩效", role: "reps", input: "quota", key: "张伟", values: [50000, { f: "=B2*2" }] }],
      displaced: [{ sheet: "销售漏斗", at: "H3:H5" }],
      kept: ["提成方案"],
    } as unknown as RefreshResult;
    expect(refreshLines(refresh, "sales.xlsx", "zh-CN")).toEqual([
      "已根据 sales.xlsx 更新：1,234 个填写过的输入单元格已放回各自的行（与本次生成的默认值不同的值）。",
      "  1 个填写过的输入已没有对应的行（其销售、阶段或期间不在本次导出中），不会出现在新工作簿中：",
      "    销售绩效，张伟：50000，=B2*2",
      "  你在生成的表格旁填写的 1 组单元格现在位于表格内，未保留：销售漏斗!H3:H5。",
      "  原样保留（本次生成不包含它们）：\"提成方案\"。",
    ]);
    expect(refreshLines(refresh, "sales.xlsx")[0]).toBe(
      "Updated from sales.xlsx: 1,234 typed input cell(s) put back in their rows (values that differ from this build's defaults).",
    );
  });
});
