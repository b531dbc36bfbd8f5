import { DEFAULT_STAGES_EN, DEFAULT_STAGES_ZH, Pipeline } from "../core/deal";
import type { Locale } from "../core/locale";
import type { ProbabilityScale } from "./values";
import { fieldHeaderKey } from "./dictionary";

export type PresetId = "zoho" | "salesforce" | "hubspot" | "fxiaoke" | "dynamics" | "pipedrive" | "odoo" | "generic";
export const PRESET_IDS: readonly PresetId[] = [
  "zoho", "salesforce", "hubspot", "fxiaoke", "dynamics", "pipedrive", "odoo", "generic",
];

/** The columns an export can map to a deal field. */
export type MappedField =
  | "id"
  | "name"
  | "customer"
  | "owner"
  | "amount"
  /** Amount of a closed deal when the CRM keeps it apart (Dynamics "Actual Revenue"). */
  | "actualAmount"
  | "currency"
  | "createdDate"
  | "closeDate"
  /** Close date of a closed deal when the CRM keeps it apart (Fxiaoke 结单日期, Dynamics "Actual Close Date"). */
  | "actualCloseDate"
  | "stage"
  | "probability"
  /** A status column that overrides the stage (Fxiaoke 商机状态, Dynamics Status). */
  | "status"
  /** Salesforce IsWon / IsClosed flags. */
  | "isWon"
  | "isClosed"
  | "source"
  /** The pipeline a deal belongs to, when the CRM keeps several (HubSpot, Pipedrive, Zoho). */
  | "pipeline";

export const MAPPED_FIELDS: readonly MappedField[] = [
  "id", "name", "customer", "owner", "amount", "actualAmount", "currency", "createdDate", "closeDate",
  "actualCloseDate", "stage", "probability", "status", "isWon", "isClosed", "source", "pipeline",
];

/** Words of a status column. */
export interface StatusLabels {
  open: string[];
  won: string[];
  lost: string[];
}

/**
 * What one CRM's export looks like: the headers of each field (first present wins), the
 * headers that identify it, its default pipeline, and how it writes probabilities.
 */
export interface CrmPreset {
  id: PresetId;
  label: string;
  columns: Partial<Record<MappedField, string[]>>;
  /**
   * Headers that look like a field's but are not this CRM's (Zoho's and Salesforce's
   * "Expected Revenue" is amount x probability): the header dictionary never maps them.
   */
  notMapped?: string[];
  /** Headers typical of this CRM only; detection counts them (compared by `fieldHeaderKey`). */
  signature: string[];
  pipeline: Pipeline;
  /** Other spellings of stage labels -> the pipeline's label (API names, older labels). */
  stageAliases: Record<string, string>;
  statusLabels: StatusLabels;
  probabilityScale: ProbabilityScale;
  defaultCurrency: string;
  /** HubSpot's `Date entered "<stage> (<pipeline>)"` columns give the stage history. */
  stageHistory: boolean;
}

const stages = (pairs: [string, number][]) => pairs.map(([name, probability]) => ({ name, probability }));

const ZOHO: CrmPreset = {
  id: "zoho",
  label: "Zoho CRM (Deals)",
  columns: {
    id: ["Record Id", "Deal Id", "Potential Id", "Id"],
    name: ["Deal Name", "Potential Name"],
    customer: ["Account Name", "Contact Name"],
    owner: ["Deal Owner", "Potential Owner"],
    amount: ["Amount"],
    currency: ["Currency"],
    createdDate: ["Created Time", "Created Date"],
    closeDate: ["Closing Date"],
    stage: ["Stage"],
    probability: ["Probability (%)", "Probability"],
    source: ["Lead Source", "Campaign Source"],
  },
  notMapped: ["Expected Revenue"],
  signature: [
    "Deal Name", "Deal Owner", "Closing Date", "Expected Revenue", "Created Time", "Modified Time", "Potential Name",
    "Potential Owner", "Potential Id",
  ],
  pipeline: {
    stages: stages([
      ["Qualification", 0.1],
      ["Needs Analysis", 0.2],
      ["Value Proposition", 0.4],
      ["Id. Decision Makers", 0.6],
      ["Perception Analysis", 0.7],
      ["Proposal/Price Quote", 0.75],
      ["Negotiation/Review", 0.9],
    ]),
    wonLabels: ["Closed Won"],
    lostLabels: ["Closed Lost", "Closed-Lost to Competition"],
  },
  stageAliases: { "Identify Decision Makers": "Id. Decision Makers" },
  statusLabels: { open: [], won: [], lost: [] },
  probabilityScale: "percent",
  defaultCurrency: "USD",
  stageHistory: false,
};

const SALESFORCE: CrmPreset = {
  id: "salesforce",
  label: "Salesforce (report export or Data Loader)",
  columns: {
    id: ["Opportunity ID", "Opportunity Id", "Id"],
    name: ["Opportunity Name", "Name"],
    customer: ["Account Name", "Account.Name", "AccountId"],
    owner: ["Opportunity Owner", "Owner.Name", "Owner Name", "OwnerId"],
    amount: ["Amount"],
    currency: ["Opportunity Currency", "Amount Currency", "CurrencyIsoCode"],
    createdDate: ["Created Date", "CreatedDate"],
    closeDate: ["Close Date", "CloseDate"],
    stage: ["Stage", "StageName"],
    probability: ["Probability (%)", "Probability"],
    isWon: ["Won", "IsWon"],
    isClosed: ["Closed", "IsClosed"],
    source: ["Lead Source", "LeadSource"],
  },
  notMapped: ["Expected Revenue", "ExpectedRevenue"],
  // Compared by fieldHeaderKey, so only API names that no other CRM's labels spell the same
  // way: CloseDate, LeadSource and Account.Name would also count "Close Date", "Lead Source"
  // and Zoho's "Account Name".
  signature: [
    "Opportunity Name", "Opportunity Owner", "Opportunity ID", "StageName", "IsWon", "IsClosed", "AccountId",
    "Owner.Name", "Fiscal Period",
  ],
  pipeline: {
    stages: stages([
      ["Prospecting", 0.1],
      ["Qualification", 0.1],
      ["Needs Analysis", 0.2],
      ["Value Proposition", 0.5],
      ["Id. Decision Makers", 0.6],
      ["Perception Analysis", 0.7],
      ["Proposal/Price Quote", 0.75],
      ["Negotiation/Review", 0.9],
    ]),
    wonLabels: ["Closed Won"],
    lostLabels: ["Closed Lost"],
  },
  stageAliases: { "Identify Decision Makers": "Id. Decision Makers" },
  statusLabels: { open: [], won: [], lost: [] },
  probabilityScale: "percent",
  defaultCurrency: "USD",
  stageHistory: false,
};

const HUBSPOT: CrmPreset = {
  id: "hubspot",
  label: "HubSpot (deals export)",
  columns: {
    id: ["Record ID", "Deal ID"],
    name: ["Deal Name"],
    customer: ["Associated Company", "Associated Company (Primary)", "Company name"],
    owner: ["Deal owner"],
    amount: ["Amount", "Amount in company currency"],
    currency: ["Deal currency code", "Currency"],
    createdDate: ["Create Date"],
    closeDate: ["Close Date"],
    stage: ["Deal Stage"],
    probability: ["Deal probability"],
    source: ["Original Source Type", "Original Traffic Source", "Deal source"],
    pipeline: ["Pipeline"],
  },
  signature: [
    "Deal Stage", "Deal owner", "Create Date", "Pipeline", "Deal probability", "Associated Company",
    // Internal property names (exports and API reads).
    "dealname", "dealstage", "createdate", "hubspot_owner_id", "hs_object_id", "hs_deal_stage_probability",
  ],
  pipeline: {
    stages: stages([
      ["Appointment Scheduled", 0.2],
      ["Qualified To Buy", 0.4],
      ["Presentation Scheduled", 0.6],
      ["Decision Maker Bought-In", 0.8],
      ["Contract Sent", 0.9],
    ]),
    wonLabels: ["Closed Won"],
    lostLabels: ["Closed Lost"],
  },
  stageAliases: {},
  statusLabels: { open: [], won: [], lost: [] },
  probabilityScale: "auto",
  defaultCurrency: "USD",
  stageHistory: true,
};

const FXIAOKE: CrmPreset = {
  id: "fxiaoke",
  label: "Fxiaoke 纷享销客 (商机)",
  columns: {
    id: ["商机编号", "编号"],
    name: ["商机名称"],
    customer: ["客户名称", "客户"],
    owner: ["负责人"],
    amount: ["商机金额", "金额"],
    currency: ["币种"],
    createdDate: ["创建时间", "创建日期"],
    closeDate: ["预计成交日期", "预计结单日期"],
    actualCloseDate: ["结单日期", "成交日期"],
    stage: ["销售阶段", "商机阶段"],
    probability: ["赢率"],
    status: ["商机状态", "状态"],
    source: ["来源", "商机来源", "渠道"],
  },
  // 商机名称 and 负责人 are what every Chinese sheet says; they are not evidence.
  signature: ["商机金额", "销售阶段", "商机状态", "预计成交日期", "结单日期", "赢率"],
  pipeline: {
    stages: stages([
      [DEFAULT_STAGES_ZH[0], 0.1],
      [DEFAULT_STAGES_ZH[1], 0.3],
      [DEFAULT_STAGES_ZH[2], 0.6],
      [DEFAULT_STAGES_ZH[3], 0.8],
    ]),
    wonLabels: ["赢单"],
    lostLabels: ["输单"],
  },
  stageAliases: {
    验证客户: DEFAULT_STAGES_ZH[0],
    需求确定: DEFAULT_STAGES_ZH[1],
    "方案/报价": DEFAULT_STAGES_ZH[2],
    谈判审核: DEFAULT_STAGES_ZH[3],
  },
  statusLabels: { open: ["进行中"], won: ["赢单"], lost: ["输单", "无效"] },
  probabilityScale: "percent",
  defaultCurrency: "CNY",
  stageHistory: false,
};

const DYNAMICS: CrmPreset = {
  id: "dynamics",
  label: "Microsoft Dynamics 365 (opportunities)",
  columns: {
    id: ["(Do Not Modify) Opportunity", "opportunityid"],
    name: ["Topic", "name"],
    customer: ["Potential Customer", "Account", "customerid", "parentaccountid"],
    owner: ["Owner", "ownerid"],
    amount: ["Est. Revenue", "estimatedvalue"],
    actualAmount: ["Actual Revenue", "actualvalue"],
    currency: ["Currency", "transactioncurrencyid"],
    createdDate: ["Created On", "createdon"],
    closeDate: ["Est. Close Date", "estimatedclosedate"],
    actualCloseDate: ["Actual Close Date", "actualclosedate"],
    stage: ["Pipeline Phase", "Sales Stage", "stepname", "salesstage"],
    probability: ["Probability", "closeprobability"],
    status: ["Status", "statecode"],
    source: ["Source Campaign", "Lead Source", "campaignid"],
  },
  signature: [
    "(Do Not Modify) Opportunity", "(Do Not Modify) Row Checksum", "Topic", "Potential Customer", "Est. Revenue",
    "Est. Close Date", "Pipeline Phase", "Status Reason", "estimatedvalue", "estimatedclosedate", "stepname",
    "opportunityid", "closeprobability",
  ],
  pipeline: {
    stages: stages([
      ["Qualify", 0.1],
      ["Develop", 0.4],
      ["Propose", 0.6],
      ["Close", 0.8],
    ]),
    wonLabels: ["Won"],
    lostLabels: ["Lost", "Canceled", "Out-Sold"],
  },
  stageAliases: {},
  // Status (statecode) is Open / Won / Lost; Status Reason adds In Progress and On Hold.
  statusLabels: {
    open: ["Open", "0", "In Progress", "On Hold"],
    won: ["Won", "1"],
    lost: ["Lost", "2", "Canceled", "Out-Sold"],
  },
  probabilityScale: "percent",
  defaultCurrency: "USD",
  stageHistory: false,
};

/**
 * Pipedrive's deals export: every column is named after its object ("Deal - Title",
 * "Organization - Name", "Person - Name"). Both prefixed and bare spellings are listed, so an
 * export of the list view (bare headers) maps too. The deal status (open / won / lost /
 * deleted) decides; a deleted deal's status is no status word and is reported.
 */
const PIPEDRIVE: CrmPreset = {
  id: "pipedrive",
  label: "Pipedrive (deals export)",
  columns: {
    id: ["Deal - ID", "ID"],
    name: ["Deal - Title", "Title"],
    customer: ["Deal - Organization", "Organization - Name", "Organization"],
    owner: ["Deal - Owner", "Owner"],
    amount: ["Deal - Value", "Value"],
    currency: ["Deal - Currency", "Currency"],
    createdDate: ["Deal - Deal created", "Deal created"],
    closeDate: ["Deal - Expected close date", "Expected close date"],
    actualCloseDate: ["Deal - Deal closed on", "Deal closed on", "Deal - Won time", "Won time"],
    stage: ["Deal - Stage", "Stage"],
    probability: ["Deal - Probability", "Probability"],
    status: ["Deal - Status", "Status"],
    source: ["Deal - Source channel", "Source channel", "Deal - Source origin", "Source origin"],
    pipeline: ["Deal - Pipeline", "Pipeline"],
  },
  notMapped: ["Weighted value", "Deal - Weighted value"],
  signature: [
    "Deal - Title", "Deal - Value", "Deal - Weighted value", "Deal - Stage", "Deal - Status", "Deal - Pipeline",
    "Deal - Owner", "Deal - Organization", "Deal - Contact person", "Deal - Deal created", "Deal - Won time",
    "Deal - Lost time", "Deal - Deal closed on", "Deal - Expected close date", "Deal - Lost reason",
    "Organization - Name", "Person - Name", "Weighted value", "Contact person", "Deal created", "Won time",
    "Lost time", "Deal closed on",
  ],
  // Pipedrive's default pipeline; its stages carry no default probability (each is 100% until
  // set), so these are the importer's own increasing defaults.
  pipeline: {
    stages: stages([
      ["Lead In", 0.1],
      ["Contact Made", 0.2],
      ["Demo Scheduled", 0.4],
      ["Proposal Made", 0.6],
      ["Negotiations Started", 0.8],
    ]),
    wonLabels: ["Won"],
    lostLabels: ["Lost"],
  },
  // Later accounts name the first and third default stages Qualified and Needs Defined.
  stageAliases: { Qualified: "Lead In", "Needs Defined": "Demo Scheduled" },
  statusLabels: { open: ["open"], won: ["won"], lost: ["lost"] },
  probabilityScale: "percent",
  defaultCurrency: "USD",
  stageHistory: false,
};

/**
 * Odoo CRM's pipeline export (labels, or technical names with "import-compatible export").
 * Odoo's "Expected Revenue" is the deal's amount (the weighted one is "Prorated Revenue").
 * Won is a stage; a lost opportunity is archived with a lost reason.
 */
const ODOO: CrmPreset = {
  id: "odoo",
  label: "Odoo CRM (pipeline)",
  columns: {
    id: ["ID", "id"],
    name: ["Opportunity", "name"],
    customer: ["Customer", "partner_id", "Customer Name", "partner_name"],
    owner: ["Salesperson", "user_id"],
    amount: ["Expected Revenue", "expected_revenue", "planned_revenue"],
    currency: ["Currency", "company_currency"],
    createdDate: ["Created on", "create_date"],
    closeDate: ["Expected Closing", "date_deadline"],
    actualCloseDate: ["Closed Date", "date_closed"],
    stage: ["Stage", "stage_id"],
    probability: ["Probability", "probability"],
    source: ["Source", "source_id"],
  },
  // Not "Opportunity" or "Expected Revenue": hand-kept sheets use them too.
  signature: [
    "Expected Closing", "Salesperson", "Sales Team", "Prorated Revenue", "date_deadline", "expected_revenue",
    "planned_revenue", "prorated_revenue", "stage_id", "user_id", "team_id", "partner_id",
  ],
  // Odoo's crm_stage_data: New 10%, Qualified 30%, Proposition 70%, Won 100%.
  pipeline: {
    stages: stages([
      ["New", 0.1],
      ["Qualified", 0.3],
      ["Proposition", 0.7],
    ]),
    wonLabels: ["Won"],
    lostLabels: ["Lost"],
  },
  stageAliases: {},
  statusLabels: { open: [], won: [], lost: [] },
  probabilityScale: "percent",
  defaultCurrency: "USD",
  stageHistory: false,
};

const GENERIC: CrmPreset = {
  id: "generic",
  label: "Generic (common English and Chinese headers)",
  columns: {
    id: ["ID", "Deal ID", "Opportunity ID", "Record ID", "编号", "单号", "商机编号"],
    name: ["Name", "Deal", "Deal Name", "Opportunity", "Opportunity Name", "Title", "名称", "商机", "商机名称", "项目名称", "机会名称"],
    customer: ["Customer", "Account", "Account Name", "Company", "Client", "客户", "客户名称", "公司"],
    owner: ["Owner", "Rep", "Sales Rep", "Salesperson", "Deal Owner", "负责人", "销售", "销售员", "业务员", "所有人"],
    amount: ["Amount", "Value", "Deal Value", "Revenue", "金额", "商机金额", "合同金额", "销售额"],
    currency: ["Currency", "币种", "货币"],
    createdDate: ["Created", "Created Date", "Create Date", "Created On", "创建日期", "创建时间"],
    closeDate: ["Close Date", "Closing Date", "Expected Close Date", "预计成交日期", "成交日期", "结单日期", "关闭日期"],
    stage: ["Stage", "Sales Stage", "Deal Stage", "阶段", "销售阶段"],
    probability: ["Probability", "Probability (%)", "Win Probability", "赢率", "成交概率", "概率"],
    status: ["Status", "状态", "商机状态"],
    source: ["Source", "Lead Source", "Channel", "来源", "渠道", "线索来源"],
  },
  signature: [],
  pipeline: {
    stages: stages([
      [DEFAULT_STAGES_EN[0], 0.1],
      [DEFAULT_STAGES_EN[1], 0.3],
      [DEFAULT_STAGES_EN[2], 0.6],
      [DEFAULT_STAGES_EN[3], 0.8],
    ]),
    wonLabels: ["Won", "Closed Won"],
    lostLabels: ["Lost", "Closed Lost"],
  },
  stageAliases: {},
  statusLabels: {
    open: ["Open", "In progress", "进行中"],
    won: ["Won", "Closed Won", "赢单", "成交"],
    lost: ["Lost", "Closed Lost", "输单", "丢单"],
  },
  probabilityScale: "auto",
  defaultCurrency: "USD",
  stageHistory: false,
};

/** The generic preset with the article's Chinese stage names (chosen when the headers are Chinese). */
const GENERIC_ZH_PIPELINE: Pipeline = {
  stages: stages([
    [DEFAULT_STAGES_ZH[0], 0.1],
    [DEFAULT_STAGES_ZH[1], 0.3],
    [DEFAULT_STAGES_ZH[2], 0.6],
    [DEFAULT_STAGES_ZH[3], 0.8],
  ]),
  wonLabels: ["赢单", "成交", "已成交"],
  lostLabels: ["输单", "丢单", "失败"],
};

export const PRESETS: Readonly<Record<PresetId, CrmPreset>> = {
  zoho: ZOHO,
  salesforce: SALESFORCE,
  hubspot: HUBSPOT,
  fxiaoke: FXIAOKE,
  dynamics: DYNAMICS,
  pipedrive: PIPEDRIVE,
  odoo: ODOO,
  generic: GENERIC,
};

/**
 * Each preset's name in a sentence ("from deals.csv (纷享销客...)"), per locale. Product names
 * stay as their makers write them; Fxiaoke is 纷享销客 in Chinese, the generic preset 通用.
 */
const PRESET_NAMES: Readonly<Record<Locale, Readonly<Record<PresetId, string>>>> = {
  "en-US": {
    zoho: "Zoho CRM",
    salesforce: "Salesforce",
    hubspot: "HubSpot",
    fxiaoke: "Fxiaoke",
    dynamics: "Microsoft Dynamics 365",
    pipedrive: "Pipedrive",
    odoo: "Odoo CRM",
    generic: "Generic",
  },
  "zh-CN": {
    zoho: "Zoho CRM",
    salesforce: "Salesforce",
    hubspot: "HubSpot",
    fxiaoke: "纷享销客",
    dynamics: "Microsoft Dynamics 365",
    pipedrive: "Pipedrive",
    odoo: "Odoo CRM",
    generic: "通用",
  },
};

/** Each preset's label in a list to pick from, in zh-CN (en-US: the preset's own `label`). */
const PRESET_LABELS_ZH: Readonly<Record<PresetId, string>> = {
  zoho: "Zoho CRM（商机）",
  salesforce: "Salesforce（报表导出或 Data Loader）",
  hubspot: "HubSpot（交易导出）",
  fxiaoke: "纷享销客（商机）",
  dynamics: "Microsoft Dynamics 365（商机）",
  pipedrive: "Pipedrive（交易导出）",
  odoo: "Odoo CRM（销售管道）",
  generic: "通用（常见的中英文表头）",
};

/**
 * A preset's short name as shown to users in `locale` (the id stays the id: `--preset fxiaoke`).
 *
 * @example
 * presetName("fxiaoke", "zh-CN") // "纷享销客"
 * presetName("generic", "zh-CN") // "通用"
 */
export function presetName(id: PresetId, locale: Locale): string {
  return PRESET_NAMES[locale]?.[id] ?? PRESET_NAMES["en-US"][id] ?? id;
}

/**
 * A preset's label as shown in a list to pick from, in `locale`: the CRM and what it exports.
 *
 * @example
 * presetLabel("salesforce", "zh-CN") // "Salesforce（报表导出或 Data Loader）"
 * presetLabel("salesforce", "en-US") // "Salesforce (report export or Data Loader)"
 */
export function presetLabel(id: PresetId, locale: Locale): string {
  if (locale === "zh-CN" && PRESET_LABELS_ZH[id] !== undefined) return PRESET_LABELS_ZH[id];
  return PRESETS[id]?.label ?? id;
}

/**
 * A header or label reduced to what identifies it: NFKC, lower case, spaces collapsed,
 * a BOM and surrounding spaces removed. "  Deal  owner" and "Deal Owner" are the same column.
 */
export function headerKey(text: string): string {
  return text.replace(/^\ufeff/, "").normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * A stage or status label reduced for matching: {@link headerKey}, then a leading step
 * number ("1-Qualify", "2. Develop") and punctuation and spaces removed, so
 * "Decision Maker Bought-In" matches "decisionmakerboughtin".
 */
export function labelKey(text: string): string {
  return headerKey(text)
    .replace(/^\d+\s*[-.):、]\s*/, "")
    .replace(/[\s\-_/().&,'"!:;]+/g, "");
}

const HUBSPOT_HISTORY = /^date entered "(.+) \((.+)\)"$/;

/** The stage named by a HubSpot `Date entered "<stage> (<pipeline>)"` header, or null. */
export function hubspotHistoryStage(header: string): { stage: string; pipeline: string } | null {
  const match = HUBSPOT_HISTORY.exec(headerKey(header).replace(/[“”]/g, '"'));
  return match ? { stage: match[1], pipeline: match[2] } : null;
}

function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** Which preset the headers point to, how strongly, and the headers that did. */
export interface PresetDetection {
  preset: PresetId;
  /** Signature headers found (HubSpot: plus stage-history columns, up to 3); 0 for "generic". */
  score: number;
  /** The file's headers that counted, as written, in file order. */
  matched: string[];
}

/** The least score that picks a CRM's preset over "generic". */
const MIN_DETECTION_SCORE = 2;

/**
 * Picks the preset whose typical headers the file has most of, with the evidence.
 *
 * Rules: headers and signatures are compared by `fieldHeaderKey` (case, spaces, punctuation,
 * snake_case and camelCase do not count); each preset scores one point per file header that
 * is one of its signature headers (HubSpot also one per stage-history column, up to 3); the
 * best score of at least 2 wins, ties broken in the order of `PRESET_IDS`; otherwise
 * "generic" with score 0 and no headers.
 *
 * @example
 * detectPresetWithScore(["Deal - Title", "Deal - Value", "Deal - Stage", "Deal - Status"])
 * // { preset: "pipedrive", score: 4, matched: ["Deal - Title", "Deal - Value", "Deal - Stage", "Deal - Status"] }
 */
export function detectPresetWithScore(headers: readonly string[]): PresetDetection {
  const keys = headers.map(fieldHeaderKey);
  let best: PresetDetection = { preset: "generic", score: 0, matched: [] };
  for (const id of PRESET_IDS) {
    const preset = PRESETS[id];
    const signature = new Set(preset.signature.map(fieldHeaderKey));
    const counted = new Set<number>();
    keys.forEach((key, column) => {
      if (key !== "" && signature.has(key)) counted.add(column);
    });
    let score = counted.size;
    if (preset.stageHistory) {
      const history = headers.flatMap((header, column) => (hubspotHistoryStage(header) ? [column] : [])).slice(0, 3);
      score += history.length;
      for (const column of history) counted.add(column);
    }
    if (score >= MIN_DETECTION_SCORE && score > best.score) {
      best = { preset: id, score, matched: [...counted].sort((a, b) => a - b).map((column) => headers[column]) };
    }
  }
  return best;
}

/**
 * Picks the preset whose typical headers the file has most of: the preset of
 * {@link detectPresetWithScore}.
 *
 * @example
 * detectPreset(["商机名称", "负责人", "商机金额", "销售阶段", "商机状态"]) // "fxiaoke"
 */
export function detectPreset(headers: readonly string[]): PresetId {
  return detectPresetWithScore(headers).preset;
}

/**
 * The preset to use for these headers, with the Chinese default stages for a generic file
 * whose headers are Chinese.
 */
export function presetFor(id: PresetId, headers: readonly string[]): CrmPreset {
  const preset = PRESETS[id];
  if (id === "generic" && headers.some(hasCjk)) return { ...preset, pipeline: GENERIC_ZH_PIPELINE, defaultCurrency: "CNY" };
  return preset;
}
