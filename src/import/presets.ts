import { DEFAULT_STAGES_EN, DEFAULT_STAGES_ZH, Pipeline } from "../core/deal";
import type { ProbabilityScale } from "./values";

export type PresetId = "zoho" | "salesforce" | "hubspot" | "fxiaoke" | "dynamics" | "generic";
export const PRESET_IDS: readonly PresetId[] = ["zoho", "salesforce", "hubspot", "fxiaoke", "dynamics", "generic"];

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
  | "source";

export const MAPPED_FIELDS: readonly MappedField[] = [
  "id", "name", "customer", "owner", "amount", "actualAmount", "currency", "createdDate", "closeDate",
  "actualCloseDate", "stage", "probability", "status", "isWon", "isClosed", "source",
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
  /** Headers typical of this CRM only; detection counts them. */
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
    id: ["Record Id", "Deal Id", "Id"],
    name: ["Deal Name"],
    customer: ["Account Name", "Contact Name"],
    owner: ["Deal Owner"],
    amount: ["Amount"],
    currency: ["Currency"],
    createdDate: ["Created Time", "Created Date"],
    closeDate: ["Closing Date"],
    stage: ["Stage"],
    probability: ["Probability (%)", "Probability"],
    source: ["Lead Source", "Campaign Source"],
  },
  signature: ["Deal Name", "Deal Owner", "Closing Date", "Expected Revenue", "Created Time", "Modified Time"],
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
  signature: [
    "Opportunity Name", "Opportunity Owner", "Opportunity ID", "StageName", "CloseDate", "IsWon", "IsClosed",
    "AccountId", "Account.Name", "Owner.Name", "Fiscal Period", "LeadSource",
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
  },
  signature: ["Deal Stage", "Deal owner", "Create Date", "Pipeline", "Deal probability", "Associated Company"],
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
  signature: ["商机名称", "商机金额", "销售阶段", "商机状态", "预计成交日期", "结单日期", "赢率", "负责人"],
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
  statusLabels: { open: ["Open", "0"], won: ["Won", "1"], lost: ["Lost", "2", "Canceled", "Out-Sold"] },
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
  generic: GENERIC,
};

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

/**
 * Picks the preset whose typical headers the file has most of.
 *
 * Rules: each preset scores one point per signature header present (HubSpot also one per
 * stage-history column, up to 3); the best score of at least 2 wins, ties broken in the
 * order zoho, salesforce, hubspot, fxiaoke, dynamics; otherwise "generic".
 *
 * @example
 * detectPreset(["商机名称", "负责人", "商机金额", "销售阶段", "商机状态"]) // "fxiaoke"
 */
export function detectPreset(headers: readonly string[]): PresetId {
  const present = new Set(headers.map(headerKey));
  let best: PresetId = "generic";
  let bestScore = 1;
  for (const id of PRESET_IDS) {
    const preset = PRESETS[id];
    let score = preset.signature.filter((header) => present.has(headerKey(header))).length;
    if (preset.stageHistory) score += Math.min(3, headers.filter((header) => hubspotHistoryStage(header)).length);
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
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
