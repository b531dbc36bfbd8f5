/**
 * Import messages: English word for word in `message`, and the same explanation as a key
 * and values that read in zh-CN.
 */
import { importText } from "../../src/i18n/import";
import { ImportError, parseCrmText } from "../../src/import";

const HEADER = "商机名称,负责人,商机金额,预计成交日期,结单日期,销售阶段,赢率,商机状态\n";

describe("import issue messages", () => {
  const result = parseCrmText(
    HEADER +
      // An unreadable amount or close date rejects a won deal (on an open one it is a notice).
      "甲,王伟,十万,2025-01-01,2025-01-05,方案制定,60%,赢单\n" +
      "乙,王伟,100,2025-01-01,2025-02-30,方案制定,60%,赢单\n" +
      "丙,王伟,100,2025-01-01,,方案制定,160%,进行中\n" +
      "丁,王伟,100,2025-01-01,,赢单,30,进行中\n" +
      "戊,王伟,100,2025-01-01,,方案制定,30,暂停\n" +
      "己,王伟,,2025-01-01,2025-01-02,谈判签约,80,赢单\n" +
      "庚,王伟,100\n",
  );

  it("says why in plain English, naming the column and the value", () => {
    expect(result.issues.map((issue) => issue.message)).toEqual([
      '"十万" is not an amount (column "商机金额").',
      '"2025-02-30" is not a calendar date (column "结单日期").',
      // A probability is not essential: the deal is imported with its stage's default (方案制定 60%).
      '"160%" in column "赢率" cannot be read: the deal is imported with 60% instead.',
      'The deal is open but "赢单" is not an open stage of the pipeline.',
      'Unknown status "暂停" in column "商机状态".',
      'The deal is won but has no amount (column "商机金额").',
      "The row has 3 fields; the header has 8.",
    ]);
  });

  it("carries a key and values that give the English message back", () => {
    for (const issue of result.issues) {
      expect(importText("en-US", issue.messageKey, issue.messageValues)).toBe(issue.message);
    }
  });

  it("reads in zh-CN", () => {
    const zh = result.issues.map((issue) => importText("zh-CN", issue.messageKey, issue.messageValues));
    expect(zh[0]).toBe("“十万”不是金额（列“商机金额”）。");
    expect(zh[6]).toBe("该行有 3 个字段，表头有 8 个。");
    for (const text of zh) expect(text).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("import errors", () => {
  it("keep their English message and carry a key that reads in zh-CN", () => {
    let error: unknown;
    try {
      parseCrmText("Foo,Bar\n1,2\n");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    const importError = error as ImportError;
    expect(importError.message).toMatch(/^No stage column found for the .* preset \(looked for: .*\)\. Its columns: Foo, Bar\. Choose another preset or name the stage column\.$/);
    expect(importError.messageKey).toBe("error.noStageColumn");
    expect(importText("zh-CN", importError.messageKey, importError.messageValues)).toMatch(/未找到阶段列.*Foo, Bar/);
  });
});
