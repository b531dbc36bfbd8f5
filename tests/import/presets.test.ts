import { detectPreset, headerKey, hubspotHistoryStage, labelKey, PRESETS, PRESET_IDS } from "../../src/import/presets";

describe("detectPreset", () => {
  it.each([
    ["zoho", ["Record Id", "Deal Owner", "Deal Name", "Amount", "Closing Date", "Stage", "Account Name", "Created Time"]],
    ["salesforce", ["Opportunity Owner", "Account Name", "Opportunity Name", "Stage", "Amount", "Close Date"]],
    ["salesforce", ["Id", "Name", "Account.Name", "Owner.Name", "Amount", "CloseDate", "StageName", "IsWon", "IsClosed"]],
    ["hubspot", ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date", "Deal owner", "Pipeline"]],
    ["hubspot", ["Deal Name", "Amount", 'Date entered "Appointment Scheduled (Sales Pipeline)"', 'Date entered "Closed Won (Sales Pipeline)"']],
    ["fxiaoke", ["商机名称", "客户名称", "负责人", "商机金额", "预计成交日期", "销售阶段", "赢率", "商机状态"]],
    ["dynamics", ["(Do Not Modify) Opportunity", "(Do Not Modify) Row Checksum", "Topic", "Potential Customer", "Est. Revenue", "Est. Close Date"]],
    ["dynamics", ["opportunityid", "name", "estimatedvalue", "estimatedclosedate", "stepname", "statecode"]],
    ["pipedrive", ["Deal - Title", "Deal - Value", "Deal - Stage", "Deal - Status", "Deal - Owner", "Organization - Name"]],
    ["pipedrive", ["Title", "Value", "Weighted value", "Stage", "Status", "Deal created", "Won time", "Lost time"]],
    ["odoo", ["Opportunity", "Customer", "Salesperson", "Sales Team", "Expected Closing", "Expected Revenue", "Stage"]],
    ["odoo", ["name", "partner_id", "user_id", "expected_revenue", "date_deadline", "stage_id"]],
    ["zoho", ["Potential Name", "Potential Owner", "Amount", "Closing Date", "Stage"]],
    // 商机名称 and 负责人 are every Chinese sheet's: not Fxiaoke evidence.
    ["generic", ["商机名称", "负责人", "预计金额", "阶段", "预计签单日期"]],
    ["generic", ["Opportunity", "Account", "Deal size", "Expected revenue", "Sales stage"]],
    ["generic", ["Deal", "Customer", "Rep", "Value", "Stage", "Close Date"]],
    ["generic", ["名称", "客户", "销售", "金额", "阶段"]],
  ])("picks %s", (expected, headers) => {
    expect(detectPreset(headers)).toBe(expected);
  });
});

describe("presets", () => {
  it.each(PRESET_IDS)("%s maps a stage and an amount column and has an ordered pipeline", (id) => {
    const preset = PRESETS[id];
    expect(preset.columns.amount?.length).toBeGreaterThan(0);
    expect((preset.columns.stage ?? preset.columns.status)?.length).toBeGreaterThan(0);
    expect(preset.pipeline.stages.length).toBeGreaterThan(1);
    expect(preset.pipeline.wonLabels.length).toBeGreaterThan(0);
    expect(preset.pipeline.lostLabels.length).toBeGreaterThan(0);
    for (const stage of preset.pipeline.stages) {
      expect(stage.probability).toBeGreaterThanOrEqual(0);
      expect(stage.probability).toBeLessThanOrEqual(1);
    }
    const probabilities = preset.pipeline.stages.map((stage) => stage.probability);
    expect([...probabilities].sort((a, b) => a - b)).toEqual(probabilities);
  });

  it("gives Fxiaoke the 进行中 / 赢单 / 输单 status words", () => {
    expect(PRESETS.fxiaoke.statusLabels).toMatchObject({ open: ["进行中"], won: ["赢单"], lost: expect.arrayContaining(["输单"]) });
  });
});

describe("keys", () => {
  it("matches headers regardless of case, spaces and a BOM", () => {
    expect(headerKey("\ufeff  Deal   owner ")).toBe(headerKey("Deal Owner"));
  });

  it("matches stage labels regardless of step numbers and punctuation", () => {
    expect(labelKey("1-Qualify")).toBe(labelKey("Qualify"));
    expect(labelKey("Decision Maker Bought-In")).toBe(labelKey("decisionmakerboughtin"));
    expect(labelKey("方案/报价")).toBe("方案报价");
  });

  it("reads HubSpot stage-history headers", () => {
    expect(hubspotHistoryStage('Date entered "Contract Sent (Sales Pipeline)"')).toEqual({ stage: "contract sent", pipeline: "sales pipeline" });
    expect(hubspotHistoryStage("Date entered")).toBeNull();
  });
});
