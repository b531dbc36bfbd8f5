import {
  closedKindOf,
  fieldHeaderKey,
  fieldsOfHeader,
  HEADER_DICTIONARY,
  headerUnit,
  isOpenStatusWord,
  LOST_WORDS,
  mapHeaderFields,
  OPEN_STATUS_WORDS,
  WON_WORDS,
} from "../../src/import/dictionary";
import { detectPreset, detectPresetWithScore, labelKey, MappedField, MAPPED_FIELDS, PRESETS } from "../../src/import/presets";

/** The generic preset without its own spellings: what the dictionary alone maps. */
const DICTIONARY_ONLY = { ...PRESETS.generic, columns: {} };

describe("fieldHeaderKey", () => {
  it.each([
    ["close_value", "close value"],
    ["StageName", "stage name"],
    ["CloseDate", "close date"],
    ["IsWon", "is won"],
    ["CurrencyIsoCode", "currency iso code"],
    ["IDNumber", "id number"],
    ["ID", "id"],
    ["Opportunity ID", "opportunity id"],
    ["CLOSED_WON", "closed won"],
    ["hubspot_owner_id", "hubspot owner id"],
    ["\ufeff  Deal   owner ", "deal owner"],
    ["Probability (%)", "probability %"],
    ["Probability%", "probability %"],
    ["Owner.Name", "owner name"],
    ["Est. Revenue", "est revenue"],
    ["(Do Not Modify) Opportunity", "do not modify opportunity"],
    ["Close Date/Expected Close Date", "close date expected close date"],
    ["ＤＥＡＬ　ＮＡＭＥ", "deal name"],
    ["赢率（％）", "赢率%"],
    ["商机 名称", "商机名称"],
    ["商机 ID", "商机id"],
    ["预计金额（元）", "预计金额元"],
  ])("reduces %j to %j", (header, key) => {
    expect(fieldHeaderKey(header)).toBe(key);
  });
});

/** [header, field the dictionary gives it (or null: no field)], by the documentation it comes from. */
const SPELLINGS: [string, MappedField | null][] = [
  // Salesforce: Opportunity report export column labels (Help, "Opportunity Fields").
  ["Opportunity Name", "name"],
  ["Account Name", "customer"],
  ["Opportunity Owner", "owner"],
  ["Amount", "amount"],
  ["Close Date", "closeDate"],
  ["Stage", "stage"],
  ["Probability (%)", "probability"],
  ["Created Date", "createdDate"],
  ["Lead Source", "source"],
  ["Opportunity ID", "id"],
  ["Opportunity Currency", "currency"],
  ["Won", "isWon"],
  ["Closed", "isClosed"],
  ["Expected Amount", null], // Amount x Probability
  // Salesforce: Data Loader / SOAP API field names (Object Reference, Opportunity).
  ["StageName", "stage"],
  ["CloseDate", "closeDate"],
  ["CreatedDate", "createdDate"],
  ["IsWon", "isWon"],
  ["IsClosed", "isClosed"],
  ["LeadSource", "source"],
  ["CurrencyIsoCode", "currency"],
  ["Owner.Name", "owner"],
  ["Account.Name", "customer"],
  // HubSpot: default deal properties, labels.
  ["Deal Name", "name"],
  ["Deal Stage", "stage"],
  ["Deal owner", "owner"],
  ["Create Date", "createdDate"],
  ["Deal probability", "probability"],
  ["Record ID", "id"],
  ["Associated Company", "customer"],
  ["Original Source Type", "source"],
  ["Amount in company currency", "amount"],
  // HubSpot: default deal properties, internal names.
  ["dealname", "name"],
  ["dealstage", "stage"],
  ["closedate", "closeDate"],
  ["amount", "amount"],
  ["hubspot_owner_id", "owner"],
  ["createdate", "createdDate"],
  ["hs_object_id", "id"],
  ["deal_currency_code", "currency"],
  ["hs_deal_stage_probability", "probability"],
  ["hs_is_closed_won", "isWon"],
  ["amount_in_home_currency", "amount"],
  // Zoho CRM Deals module field labels, and the Potentials module's before the 2017 rename.
  ["Deal Owner", "owner"],
  ["Closing Date", "closeDate"],
  ["Created Time", "createdDate"],
  ["Campaign Source", "source"],
  ["Potential Name", "name"],
  ["Potential Owner", "owner"],
  ["Potential Id", "id"],
  // Dynamics 365 Sales opportunity: display names (Excel export).
  ["Topic", "name"],
  ["Potential Customer", "customer"],
  ["Est. Revenue", "amount"],
  ["Actual Revenue", "actualAmount"],
  ["Est. Close Date", "closeDate"],
  ["Actual Close Date", "actualCloseDate"],
  ["Pipeline Phase", "stage"],
  ["Status Reason", "status"],
  ["Created On", "createdDate"],
  ["Source Campaign", "source"],
  ["(Do Not Modify) Opportunity", "id"],
  // Dynamics 365 Sales opportunity: logical names (Dataverse table reference).
  ["estimatedvalue", "amount"],
  ["actualvalue", "actualAmount"],
  ["estimatedclosedate", "closeDate"],
  ["actualclosedate", "actualCloseDate"],
  ["stepname", "stage"],
  ["salesstage", "stage"],
  ["closeprobability", "probability"],
  ["statecode", "status"],
  ["opportunityid", "id"],
  ["customerid", "customer"],
  ["transactioncurrencyid", "currency"],
  // Pipedrive: deals export, every column prefixed with its object.
  ["Deal - ID", "id"],
  ["Deal - Title", "name"],
  ["Deal - Value", "amount"],
  ["Deal - Stage", "stage"],
  ["Deal - Status", "status"],
  ["Deal - Won time", "actualCloseDate"],
  ["Deal - Deal closed on", "actualCloseDate"],
  ["Deal - Owner", "owner"],
  ["Deal - Organization", "customer"],
  ["Organization - Name", "customer"],
  ["Deal - Expected close date", "closeDate"],
  ["Deal - Deal created", "createdDate"],
  ["Deal - Currency", "currency"],
  ["Deal - Probability", "probability"],
  ["Deal - Source channel", "source"],
  ["Deal - Weighted value", null],
  ["Deal - Lost reason", null],
  ["Deal - Contact person", null],
  ["Person - Name", null],
  ["Activity - Subject", null],
  ["Product - Name", null],
  // Freshsales (Freshworks CRM) deal fields.
  ["Name", "name"],
  ["Deal value", "amount"],
  ["Sales owner", "owner"],
  ["Expected close date", "closeDate"],
  ["Sales account", "customer"],
  ["Closed date", "actualCloseDate"],
  ["Created at", "createdDate"],
  // Copper opportunities export.
  ["Value", "amount"],
  ["Pipeline Stage", "stage"],
  ["Assignee", "owner"],
  ["Company", "customer"],
  ["Win Probability", "probability"],
  ["Status", "status"],
  // Odoo CRM pipeline (crm.lead field labels).
  ["Opportunity", "name"],
  ["Expected Revenue", "amount"],
  ["Salesperson", "owner"],
  ["Expected Closing", "closeDate"],
  ["Customer", "customer"],
  ["Probability", "probability"],
  ["Created on", "createdDate"],
  // CRM Sales Opportunities public dataset (sales_pipeline.csv): snake_case.
  ["opportunity_id", "id"],
  ["sales_agent", "owner"],
  ["product", null],
  ["account", "customer"],
  ["deal_stage", "stage"],
  ["engage_date", "createdDate"],
  ["close_date", "closeDate"],
  ["close_value", "actualAmount"],
  // Hand-kept spreadsheets.
  ["Deal size", "amount"],
  ["Sales stage", "stage"],
  ["Close Date/Expected Close Date", "closeDate"],
  ["Opportunity Stage", "stage"],
  ["Expected revenue", "amount"],
  ["Sales Rep", "owner"],
  // Chinese exports: generic field names.
  ["商机阶段", "stage"],
  ["预估金额", "amount"],
  ["实际金额", "actualAmount"],
  ["预期成交日期", "closeDate"],
  ["实际成交日期", "actualCloseDate"],
  ["销售负责人", "owner"],
  ["客户名称", "customer"],
  ["商机来源", "source"],
  // 纷享销客 商机 object fields.
  ["商机名称", "name"],
  ["商机金额", "amount"],
  ["销售阶段", "stage"],
  ["商机状态", "status"],
  ["预计成交日期", "closeDate"],
  ["赢率", "probability"],
  ["负责人", "owner"],
  ["创建时间", "createdDate"],
  // 销售易 Neocrm 商机 fields (结单日期 is the expected close date there).
  ["结单日期", "closeDate"],
  ["所有人", "owner"],
  // 钉钉 / 简道云 form fields.
  ["预计金额", "amount"],
  ["阶段", "stage"],
  ["预计签单日期", "closeDate"],
  ["提交时间", "createdDate"],
  ["创建人", null],
  // Prefix spellings.
  ["Deal: Value", "amount"],
  ["Deal.Amount", "amount"],
  ["Opportunity - Close Date", "closeDate"],
  ["Potential - Stage", "stage"],
  ["商机 - 金额", "amount"],
  ["商机-商机名称", "name"],
  ["Account - Name", "customer"],
  ["Company - Name", "customer"],
  ["Contact - Name", null],
  ["Organization - Address", null],
];

describe("the header dictionary", () => {
  it("has at least 60 documented spellings", () => {
    expect(SPELLINGS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(SPELLINGS)("%j is %s", (header, field) => {
    expect(fieldsOfHeader(header)[0] ?? null).toBe(field);
    const mapped = mapHeaderFields([header], DICTIONARY_ONLY);
    // An actual amount or close date alone is the amount or close date.
    const alone = field === "actualAmount" ? "amount" : field === "actualCloseDate" ? "closeDate" : field;
    expect(mapped).toEqual(alone ? { [alone]: 0 } : {});
  });

  it("gives an actual amount or date the plain field too", () => {
    expect(fieldsOfHeader("close_value")).toEqual(["actualAmount", "amount"]);
    expect(fieldsOfHeader("Won time")).toEqual(["actualCloseDate", "closeDate"]);
    expect(fieldsOfHeader("Amount")).toEqual(["amount"]);
  });

  it("lists every spelling under one field only", () => {
    const owner = new Map<string, MappedField>();
    for (const field of MAPPED_FIELDS) {
      for (const spelling of HEADER_DICTIONARY[field]) {
        const key = fieldHeaderKey(spelling);
        expect([spelling, owner.get(key) ?? field]).toEqual([spelling, field]);
        owner.set(key, field);
      }
    }
  });
});

/** Whole header rows: the preset detection picks and the columns of each field. */
const ROWS: [string, string[], string, Partial<Record<MappedField, number>>][] = [
  [
    "Pipedrive deals export",
    [
      "Deal - ID", "Deal - Title", "Deal - Creator", "Deal - Owner", "Deal - Value", "Deal - Weighted value",
      "Deal - Currency", "Deal - Probability", "Deal - Organization", "Deal - Pipeline", "Deal - Contact person",
      "Deal - Stage", "Deal - Status", "Deal - Deal created", "Deal - Expected close date", "Deal - Won time",
      "Deal - Lost time", "Deal - Lost reason", "Organization - Name", "Person - Name",
    ],
    "pipedrive",
    {
      id: 0, name: 1, owner: 3, amount: 4, currency: 6, probability: 7, customer: 8, stage: 11, status: 12,
      createdDate: 13, closeDate: 14, actualCloseDate: 15, pipeline: 9,
    },
  ],
  [
    "CRM Sales Opportunities dataset (snake_case)",
    ["opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"],
    "generic",
    { id: 0, owner: 1, customer: 3, stage: 4, createdDate: 5, closeDate: 6, amount: 7 },
  ],
  [
    "Zoho CRM Potentials (old)",
    [
      "Potential Id", "Potential Owner", "Potential Name", "Account Name", "Contact Name", "Amount", "Expected Revenue",
      "Closing Date", "Stage", "Probability (%)", "Lead Source", "Type", "Created Time", "Modified Time",
    ],
    "zoho",
    { id: 0, owner: 1, name: 2, customer: 3, amount: 5, closeDate: 7, stage: 8, probability: 9, source: 10, createdDate: 12 },
  ],
  [
    "hand-kept sheet",
    ["Opportunity", "Account", "Owner", "Deal size", "Expected revenue", "Sales stage", "Close Date/Expected Close Date", "Probability"],
    "generic",
    { name: 0, customer: 1, owner: 2, amount: 3, stage: 5, closeDate: 6, probability: 7 },
  ],
  [
    "纷享销客 商机",
    ["商机名称", "客户名称", "销售流程", "销售阶段", "商机金额", "预计成交日期", "赢率", "负责人", "商机状态", "结单日期", "创建时间", "来源"],
    "fxiaoke",
    {
      name: 0, customer: 1, stage: 3, amount: 4, closeDate: 5, probability: 6, owner: 7, status: 8, actualCloseDate: 9,
      createdDate: 10, source: 11, pipeline: 2,
    },
  ],
  [
    "销售易 商机",
    ["商机名称", "客户名称", "销售阶段", "商机金额", "结单日期", "所有人", "赢率", "创建日期", "商机来源"],
    "fxiaoke",
    { name: 0, customer: 1, stage: 2, amount: 3, closeDate: 4, owner: 5, probability: 6, createdDate: 7, source: 8 },
  ],
  [
    "简道云 商机表单",
    ["商机名称", "客户名称", "负责人", "预计金额", "阶段", "预计签单日期", "创建人", "提交时间"],
    "generic",
    { name: 0, customer: 1, owner: 2, amount: 3, stage: 4, closeDate: 5, createdDate: 7 },
  ],
  [
    "Chinese exporter",
    ["商机名称", "客户名称", "销售负责人", "商机阶段", "预估金额", "实际金额", "预期成交日期", "实际成交日期", "商机来源"],
    "generic",
    { name: 0, customer: 1, owner: 2, stage: 3, amount: 4, actualAmount: 5, closeDate: 6, actualCloseDate: 7, source: 8 },
  ],
  [
    "HubSpot internal names",
    ["hs_object_id", "dealname", "dealstage", "pipeline", "amount", "closedate", "createdate", "hubspot_owner_id"],
    "hubspot",
    { id: 0, name: 1, stage: 2, pipeline: 3, amount: 4, closeDate: 5, createdDate: 6, owner: 7 },
  ],
  [
    "Salesforce Data Loader",
    [
      "Id", "Name", "Account.Name", "Owner.Name", "Amount", "CloseDate", "StageName", "IsWon", "IsClosed", "Probability",
      "CreatedDate", "LeadSource", "CurrencyIsoCode",
    ],
    "salesforce",
    {
      id: 0, name: 1, customer: 2, owner: 3, amount: 4, closeDate: 5, stage: 6, isWon: 7, isClosed: 8, probability: 9,
      createdDate: 10, source: 11, currency: 12,
    },
  ],
  [
    "Odoo CRM pipeline",
    ["Created on", "Opportunity", "Customer", "Salesperson", "Sales Team", "Expected Closing", "Expected Revenue", "Probability", "Stage", "Closed Date"],
    "odoo",
    { createdDate: 0, name: 1, customer: 2, owner: 3, closeDate: 5, amount: 6, probability: 7, stage: 8, actualCloseDate: 9 },
  ],
  [
    "Dynamics 365 Excel export",
    [
      "(Do Not Modify) Opportunity", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On", "Topic",
      "Potential Customer", "Est. Revenue", "Actual Revenue", "Est. Close Date", "Actual Close Date", "Status",
      "Status Reason", "Pipeline Phase", "Owner", "Probability",
    ],
    "dynamics",
    {
      id: 0, name: 3, customer: 4, amount: 5, actualAmount: 6, closeDate: 7, actualCloseDate: 8, status: 9, stage: 11,
      owner: 12, probability: 13,
    },
  ],
];

describe("whole header rows", () => {
  it.each(ROWS)("%s is detected and mapped", (_name, headers, preset, fields) => {
    expect(detectPreset(headers)).toBe(preset);
    expect(mapHeaderFields(headers, PRESETS[preset as keyof typeof PRESETS])).toEqual(fields);
  });

  it("maps a Pipedrive export under the generic preset to the same deal columns", () => {
    const headers = ROWS[0][1];
    expect(mapHeaderFields(headers, PRESETS.generic)).toMatchObject({ name: 1, owner: 3, amount: 4, stage: 11, status: 12, closeDate: 14 });
  });
});

describe("negative cases", () => {
  it("never takes a person's or contact's name for the deal's", () => {
    expect(mapHeaderFields(["Person - Name", "Deal - Value", "Deal - Stage"], PRESETS.generic)).toEqual({ amount: 1, stage: 2 });
    expect(mapHeaderFields(["Contact - Name", "Amount", "Stage"], DICTIONARY_ONLY)).toEqual({ amount: 1, stage: 2 });
    expect(mapHeaderFields(["Person - Name", "Deal - Title"], PRESETS.pipedrive)).toEqual({ name: 1 });
  });

  it("prefers Amount to Expected Revenue, whatever the order", () => {
    expect(mapHeaderFields(["Expected Revenue", "Amount", "Stage"], DICTIONARY_ONLY)).toEqual({ amount: 1, stage: 2 });
    expect(mapHeaderFields(["Expected Revenue", "Amount", "Stage"], PRESETS.generic)).toEqual({ amount: 1, stage: 2 });
  });

  it("never reads Zoho's or Salesforce's Expected Revenue as the amount", () => {
    expect(mapHeaderFields(["Deal Name", "Expected Revenue", "Stage"], PRESETS.zoho)).toEqual({ name: 0, stage: 2 });
    expect(mapHeaderFields(["Opportunity Name", "Expected Revenue", "Stage"], PRESETS.salesforce)).toEqual({ name: 0, stage: 2 });
  });

  it("never reads a weighted value as the amount", () => {
    expect(mapHeaderFields(["Deal - Weighted value", "Deal - Stage"], PRESETS.pipedrive)).toEqual({ stage: 1 });
    expect(mapHeaderFields(["Weighted amount", "Stage"], PRESETS.generic)).toEqual({ stage: 1 });
  });

  it("keeps an actual amount apart when an expected one is there", () => {
    expect(mapHeaderFields(["close_value", "Deal Value", "Stage"], DICTIONARY_ONLY)).toEqual({ actualAmount: 0, amount: 1, stage: 2 });
  });

  it("prefers a header matched exactly to one matched without its prefix", () => {
    expect(mapHeaderFields(["Deal - Title", "Title"], PRESETS.generic)).toEqual({ name: 1 });
    expect(mapHeaderFields(["Deal - Stage", "Stage"], DICTIONARY_ONLY)).toEqual({ stage: 1 });
    expect(mapHeaderFields(["Opportunity - Close Date", "Close Date"], DICTIONARY_ONLY)).toEqual({ closeDate: 1 });
    // "Deal - Value" is itself an exact "Deal Value", which comes before "Value".
    expect(mapHeaderFields(["Deal - Value", "Value"], DICTIONARY_ONLY)).toEqual({ amount: 0 });
  });

  it("gives each header one field and ignores blank ones", () => {
    expect(mapHeaderFields(["", "Stage", "Stage"], PRESETS.generic)).toEqual({ stage: 1 });
  });
});

describe("detectPresetWithScore", () => {
  it("returns the evidence", () => {
    expect(detectPresetWithScore(["Deal - Title", "Deal - Value", "Person - Name", "Notes"])).toEqual({
      preset: "pipedrive",
      score: 3,
      matched: ["Deal - Title", "Deal - Value", "Person - Name"],
    });
    expect(detectPresetWithScore(["Opportunity", "Value", "Stage"])).toEqual({ preset: "generic", score: 0, matched: [] });
  });

  it("compares headers as fieldHeaderKey does", () => {
    expect(detectPresetWithScore(["deal_name", "DEAL OWNER", "Closing  Date"])).toEqual({
      preset: "zoho",
      score: 3,
      matched: ["deal_name", "DEAL OWNER", "Closing  Date"],
    });
  });

  it("does not count a label that only looks like an API name", () => {
    // "Close Date" and "Lead Source" are every CRM's; CloseDate/LeadSource are not Salesforce evidence.
    expect(detectPreset(["Name", "Close Date", "Lead Source", "Stage", "Amount"])).toBe("generic");
    expect(detectPresetWithScore(["Deal Name", "Account Name", "Amount", "Stage"])).toEqual({ preset: "generic", score: 0, matched: [] });
  });
});

describe("won, lost and open words", () => {
  it.each([
    "Closed Won", "CLOSED_WON", "closedwon", "Won", "Won (100%)", "Deal won", "赢单", "成交", "已成交", "赢得", "Closed Won (100 %)",
  ])("%j is won", (text) => {
    expect(closedKindOf(text)).toBe("won");
  });

  it.each([
    "Closed Lost", "CLOSED_LOST", "Lost", "输单", "丢单", "失败", "Closed-Lost to Competition", "Canceled", "Out-Sold",
    "无效", "Closed Lost (0%)", "Closed Lost - Price",
  ])("%j is lost", (text) => {
    expect(closedKindOf(text)).toBe("lost");
  });

  it.each(["Negotiation", "open", "进行中", "Proposal/Price Quote", "", "Closed", "Won time"])("%j is neither", (text) => {
    expect(closedKindOf(text)).toBeNull();
  });

  it.each(["open", "Open", "进行中", "跟进中", "In Progress"])("%j is an open status", (text) => {
    expect(isOpenStatusWord(text)).toBe(true);
  });

  it.each(["Won", "lost", "", "Negotiation"])("%j is not an open status", (text) => {
    expect(isOpenStatusWord(text)).toBe(false);
  });

  it("reduces CLOSED_WON like Closed Won", () => {
    expect(labelKey("CLOSED_WON")).toBe(labelKey("Closed Won"));
    expect(labelKey("CLOSED_LOST")).toBe(labelKey("Closed Lost"));
  });

  it("keeps the three word lists apart", () => {
    const won = new Set(WON_WORDS.map(labelKey));
    const lost = new Set(LOST_WORDS.map(labelKey));
    const open = OPEN_STATUS_WORDS.map(labelKey);
    expect(LOST_WORDS.map(labelKey).filter((key) => won.has(key))).toEqual([]);
    expect(open.filter((key) => won.has(key) || lost.has(key))).toEqual([]);
  });
});

describe("headerUnit: the unit a money column's header states", () => {
  const rows: [string, { base: string; multiplier: number; currency: string | null } | null][] = [
    ["金额（万元）", { base: "金额", multiplier: 10000, currency: "CNY" }],
    ["商机金额(万元)", { base: "商机金额", multiplier: 10000, currency: "CNY" }],
    ["预计金额（元）", { base: "预计金额", multiplier: 1, currency: "CNY" }],
    ["金额（千元）", { base: "金额", multiplier: 1000, currency: "CNY" }],
    ["合同额【亿元】", { base: "合同额", multiplier: 100000000, currency: "CNY" }],
    ["Amount (k)", { base: "Amount", multiplier: 1000, currency: null }],
    ["Amount ($K)", { base: "Amount", multiplier: 1000, currency: "USD" }],
    ["Amount ('000)", { base: "Amount", multiplier: 1000, currency: null }],
    ["Amount (in thousands)", { base: "Amount", multiplier: 1000, currency: null }],
    ["Amount (USD k)", { base: "Amount", multiplier: 1000, currency: "USD" }],
    ["Amount (k€)", { base: "Amount", multiplier: 1000, currency: "EUR" }],
    ["Amount (EUR M)", { base: "Amount", multiplier: 1000000, currency: "EUR" }],
    ["Amount (USD)", { base: "Amount", multiplier: 1, currency: "USD" }],
    ["Value [CHF]", { base: "Value", multiplier: 1, currency: "CHF" }],
    // Not units: a percentage, Salesforce's converted amount, a word.
    ["Probability (%)", null],
    ["Amount (converted)", null],
    ["Amount (Expected)", null],
    ["Amount", null],
    ["(万元)", null],
  ];
  it.each(rows)("%j states %j", (header, unit) => {
    expect(headerUnit(header)).toEqual(unit);
  });
});
