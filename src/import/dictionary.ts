/**
 * The header dictionary of the importer: how the columns of real CRM exports are named, in
 * English and Chinese, and how their stage and status cells say "won" and "lost".
 *
 * Headers are compared by {@link fieldHeaderKey}, so `close_value`, `CloseValue` and
 * `Close Value` are one spelling. A column named after its object (Pipedrive's
 * `Deal - Value`, `Organization - Name`) is read without the object; columns of other
 * objects (`Person - Name`, `Product - Quantity`) never take a deal field.
 */
import { labelKey, MAPPED_FIELDS } from "./presets";
import { currencyOfMark } from "./values";
import type { CrmPreset, MappedField } from "./presets";

const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const SPACE_BEFORE_CJK = new RegExp(`\\s+(?=[${CJK}])`, "g");
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}])\\s+`, "g");

/**
 * A header reduced to the words that identify it, for matching a column to a field.
 *
 * Rules, in order:
 * 1. a byte-order mark is removed; NFKC folds full-width forms (`（％）` is `(%)`, `ＩＤ` is `ID`);
 * 2. words run together are split: snake_case and kebab-case at `_` and `-`, camelCase at a
 *    lower-case letter followed by a capital (`StageName`, `CloseDate`, `IsWon`), and an
 *    acronym from the capitalised word after it (`IDNumber` is `ID Number`); an all-capitals
 *    word stays one word (`ID`, `CLOSED`);
 * 3. lower case;
 * 4. every run of characters that is neither a letter, a digit nor `%` becomes one space, and
 *    `%` stands as a word of its own (`Probability (%)` and `Probability%` are `probability %`);
 * 5. Chinese is kept as is, without the spaces next to it (`商机 名称` is `商机名称`,
 *    `商机 ID` is `商机id`);
 * 6. surrounding spaces are removed.
 *
 * @example
 * fieldHeaderKey("close_value")          // "close value"
 * fieldHeaderKey("StageName")            // "stage name"
 * fieldHeaderKey("CloseDate")            // "close date"
 * fieldHeaderKey("Opportunity ID")       // "opportunity id"
 * fieldHeaderKey("\ufeffProbability (%)") // "probability %"
 * fieldHeaderKey("Owner.Name")           // "owner name"
 * fieldHeaderKey("预计金额（元）")          // "预计金额元"
 */
export function fieldHeaderKey(header: string): string {
  return header
    .replace(/^\ufeff/, "")
    .normalize("NFKC")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .toLowerCase()
    .replace(/%/g, " % ")
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim()
    .replace(SPACE_BEFORE_CJK, "")
    .replace(SPACE_AFTER_CJK, "");
}

/**
 * The spellings of each field's column, most specific first. A header takes the first field
 * (in the order of `MAPPED_FIELDS`) whose list holds it; no spelling is in two lists.
 *
 * Ambiguous words, as decided here:
 * - `Value` alone is the amount (Copper, Pipedrive's `Deal - Value`).
 * - `Expected Revenue` is the amount only when nothing better is there: Zoho and Salesforce
 *   write amount x probability under that name (their presets never map it), Odoo and
 *   hand-kept sheets the amount; it is last in the amount list, so `Amount` wins.
 * - `Expected Amount` is Salesforce's label of the weighted amount and `Weighted value` is
 *   Pipedrive's: neither is mapped.
 * - The actual amount of a closed deal (`Actual Revenue`, `close_value`, `实际金额`) is
 *   `actualAmount`; when the file has no other amount column, {@link mapHeaderFields}
 *   makes it the `amount`.
 * - The actual close date (`Won time`, `Deal closed on`, `Actual Close Date`, `实际成交日期`,
 *   `成交日期`) is `actualCloseDate`; when the file has no other close date it is the
 *   `closeDate`. Expected dates (`Close Date/Expected Close Date`, `Expected Closing`,
 *   `预期成交日期`, `预计签单日期`, 销售易's `结单日期`) are `closeDate`.
 * - `engage_date` (the public pipeline dataset's first contact) is the created date.
 * - `创建人` (who typed the record) is not the owner and is not mapped.
 */
export const HEADER_DICTIONARY: Readonly<Record<MappedField, readonly string[]>> = {
  id: [
    "Deal ID", "Opportunity ID", "Potential Id", "Record ID", "ID", "Deal Number", "Opportunity Number",
    "opportunityid", "(Do Not Modify) Opportunity", "hs_object_id", "dealId",
    "商机编号", "商机ID", "商机编码", "编号", "单号",
  ],
  name: [
    "Deal Name", "Opportunity Name", "Potential Name", "Deal Title", "Opportunity Title", "dealname", "Name", "Title",
    "Topic", "Deal", "Opportunity", "Potential", "Project Name", "Project",
    "商机名称", "机会名称", "销售机会名称", "商机主题", "项目名称", "商机", "销售机会", "名称",
  ],
  customer: [
    "Account Name", "Customer", "Customer Name", "Company", "Company Name", "Organization", "Organization Name",
    "Organisation", "Organisation Name", "Account", "Client", "Client Name", "Potential Customer", "Sales Account",
    "Associated Company", "Associated Company (Primary)", "customerid", "parentaccountid", "Account ID",
    "客户名称", "客户", "客户全称", "公司名称", "公司", "企业名称", "单位名称", "所属客户",
  ],
  owner: [
    "Deal Owner", "Opportunity Owner", "Potential Owner", "Owner", "Owner Name", "Sales Owner", "Salesperson",
    "Sales Person", "Sales Rep", "Sales Representative", "Sales Agent", "Rep", "Assignee", "Assigned To",
    "hubspot_owner_id", "HubSpot Owner", "ownerid", "Owner ID", "Account Manager",
    "销售负责人", "商机负责人", "负责人", "所有人", "销售人员", "销售员", "销售代表", "业务员", "销售", "跟进人",
    "归属人", "客户经理",
  ],
  amount: [
    "Amount", "Deal Amount", "Opportunity Amount", "Potential Amount", "Deal Value", "Opportunity Value", "Value",
    "Deal Size", "Amount in company currency", "amount_in_home_currency", "Est. Revenue", "Estimated Revenue",
    "estimatedvalue", "Estimated Value", "Contract Value", "Revenue", "Expected Revenue",
    "商机金额", "预估金额", "预计金额", "预计成交金额", "预测金额", "金额", "合同金额", "销售金额", "总金额", "销售额",
  ],
  actualAmount: [
    "Actual Revenue", "actualvalue", "Actual Amount", "Actual Value", "close_value", "Closed Amount", "Won Amount",
    "实际金额", "实际成交金额", "成交金额", "签单金额", "签约金额",
  ],
  currency: [
    "Currency", "Deal Currency", "Deal currency code", "Opportunity Currency", "Amount Currency", "Currency Code",
    "CurrencyIsoCode", "transactioncurrencyid", "Transaction Currency",
    "币种", "货币", "币别",
  ],
  createdDate: [
    "Created Date", "Create Date", "Created On", "Created Time", "Created At", "Created", "Creation Date",
    "Date Created", "Deal created", "Deal created on", "createdate", "createdon", "engage_date", "Engage Date",
    "Add time",
    "创建时间", "创建日期", "商机创建时间", "录入时间", "提交时间",
  ],
  closeDate: [
    "Close Date", "Closing Date", "Expected Close Date", "Expected Closing Date", "Expected Closing",
    "Close Date/Expected Close Date", "Est. Close Date", "Estimated Close Date", "estimatedclosedate", "closedate",
    "Target Close Date", "Forecast Close Date",
    "预计成交日期", "预期成交日期", "预计签单日期", "预计结单日期", "预计签约日期", "预计成交时间", "结单日期", "关闭日期",
  ],
  actualCloseDate: [
    "Actual Close Date", "actualclosedate", "Deal closed on", "Closed On", "Closed Date", "Date Closed", "Closed At",
    "Close Time", "Won time", "Won Date",
    "实际成交日期", "实际结单日期", "实际签单日期", "成交日期", "签单日期", "签约日期", "赢单日期",
  ],
  stage: [
    "Stage", "Deal Stage", "Sales Stage", "Opportunity Stage", "Pipeline Stage", "Stage Name", "dealstage",
    "salesstage", "stepname", "Pipeline Phase", "Sales Phase", "Phase",
    "商机阶段", "销售阶段", "阶段", "当前阶段", "阶段名称",
  ],
  probability: [
    "Probability (%)", "Probability", "Win Probability", "Deal Probability", "Probability of Winning",
    "closeprobability", "Close Probability", "hs_deal_stage_probability",
    "赢率", "赢单率", "赢单概率", "成交概率", "成交可能性", "概率",
  ],
  status: [
    "Status", "Deal Status", "Opportunity Status", "Potential Status", "statecode", "Status Reason",
    "商机状态", "状态", "赢输状态",
  ],
  isWon: ["IsWon", "Won", "Is Closed Won", "hs_is_closed_won"],
  isClosed: ["IsClosed", "Closed", "hs_is_closed"],
  source: [
    "Lead Source", "Deal Source", "Opportunity Source", "Source", "Source Channel", "Original Source",
    "Original Source Type", "Original Traffic Source", "hs_analytics_source", "Campaign Source", "Source Campaign",
    "Channel", "Origin",
    "商机来源", "线索来源", "客户来源", "来源", "来源渠道", "渠道",
  ],
  pipeline: ["Pipeline", "Deal Pipeline", "Opportunity Pipeline", "Pipeline Name", "销售流程", "商机流程"],
};

/** What a column prefix names: the deal itself, its organization, its owner, or another object. */
type HeaderObject = "deal" | "organization" | "user" | "other";

const OBJECT_WORDS: Readonly<Record<HeaderObject, readonly string[]>> = {
  deal: ["deal", "deals", "opportunity", "opportunities", "potential", "potentials", "商机", "销售机会", "机会"],
  organization: [
    "organization", "organisation", "organizations", "org", "account", "accounts", "company", "companies",
    "客户", "公司", "组织", "企业",
  ],
  user: ["owner", "user"],
  other: [
    "person", "persons", "people", "contact", "contacts", "lead", "leads", "activity", "activities", "product",
    "products", "note", "notes", "email", "call", "task", "tasks", "联系人", "产品", "活动", "线索", "任务", "跟进记录",
  ],
};

/** Names of an organization's name column, after its prefix (`Organization - Name`). */
const NAME_WORDS = ["name", "full name", "名称", "全称"];

interface HeaderKeys {
  /** The whole header, reduced. */
  exact: string;
  /** The header as read without its object prefix ("" when it has none). */
  stripped: string;
  /** A money column's header without its unit (`Amount ($K)` is `amount`; "" when it states none). */
  unitless: string;
  /** A column of another object (Person, Product ...): it never takes a field. */
  foreign: boolean;
}

/** What a money column's header says of its numbers: a multiplier and a currency. */
export interface HeaderUnit {
  /** The header without the unit. */
  base: string;
  /** 10000 for 万元, 1000 for $K, 1 for (USD). */
  multiplier: number;
  /** The currency the unit names, or null. */
  currency: string | null;
}

/** A unit in brackets ending a header: `金额（万元）`, `Amount ($K)`, `Deal size [EUR]`. */
const BRACKETED_UNIT = /^(.*?\S)\s*[(（[【]\s*([^()（）[\]【】]{1,20}?)\s*[)）\]】]\s*$/u;
/** Scale words, Chinese and English, and what they multiply by. */
const SCALES: [RegExp, number][] = [
  [/^(?:亿|亿元)$/u, 1e8],
  [/^(?:百万|百万元)$/u, 1e6],
  [/^(?:万|万元)$/u, 1e4],
  [/^(?:千|千元)$/u, 1e3],
  [/^(?:k|000s?|'000s?|thousands?|in thousands)$/i, 1e3],
  [/^(?:m|mm|mn|mio|millions?|in millions)$/i, 1e6],
];

function scaleOf(text: string): number | null {
  return SCALES.find(([pattern]) => pattern.test(text.trim()))?.[1] ?? null;
}

/**
 * The unit a money column's header states in brackets at its end, or null when it states
 * none: a scale (万, 万元, 千元, 百万, 亿; k, 000s, thousands, M, millions), a currency as
 * {@link currencyOfMark} reads it (USD, $, €, £, ¥, 元, RMB, an ISO code of a larger economy),
 * or a currency and a scale in either order, with or without a space (`$K`, `USD '000`,
 * `k€`, `EUR M`). Anything else in brackets (`(%)`, `(converted)`, `(Expected)`) is no unit.
 *
 * @example
 * headerUnit("金额（万元）") // { base: "金额", multiplier: 10000, currency: "CNY" }
 * headerUnit("Amount ($K)")  // { base: "Amount", multiplier: 1000, currency: "USD" }
 * headerUnit("Amount (USD)") // { base: "Amount", multiplier: 1, currency: "USD" }
 * headerUnit("Probability (%)") // null
 */
export function headerUnit(header: string): HeaderUnit | null {
  const match = BRACKETED_UNIT.exec(header.replace(/^\ufeff/, "").normalize("NFKC").trim());
  if (!match) return null;
  const base = match[1];
  const unit = match[2].trim();
  // 万元 and 千元 name their scale and their currency in one word.
  const scale = scaleOf(unit);
  if (scale !== null) return { base, multiplier: scale, currency: /元$/u.test(unit) ? "CNY" : null };
  const currency = currencyOfMark(unit);
  if (currency !== null) return { base, multiplier: 1, currency };
  // A currency and a scale: `$K`, `US$ 000s` (currency first), `k€`, `EUR M`.
  for (let cut = 1; cut < unit.length; cut++) {
    const left = unit.slice(0, cut);
    const right = unit.slice(cut);
    for (const [mark, scaleWord] of [
      [left, right],
      [right, left],
    ]) {
      const currencyPart = currencyOfMark(mark);
      const scalePart = currencyPart === null ? null : scaleOf(scaleWord);
      if (currencyPart !== null && scalePart !== null) return { base, multiplier: scalePart, currency: currencyPart };
    }
  }
  return null;
}

let objectIndex: Map<string, HeaderObject> | null = null;

function objectOf(word: string): HeaderObject | null {
  if (!objectIndex) {
    objectIndex = new Map();
    for (const [object, words] of Object.entries(OBJECT_WORDS) as [HeaderObject, readonly string[]][]) {
      for (const w of words) objectIndex.set(fieldHeaderKey(w), object);
    }
  }
  return objectIndex.get(fieldHeaderKey(word)) ?? null;
}

/** `Deal - Value`, `Deal: Value`, `Deal.Value`, `商机-金额`: the text before the first separator and after it. */
const PREFIXED = /^([^\-–—:.]+?)\s*[-–—:.]\s*(.+)$/u;

function keysOf(header: string): HeaderKeys {
  const exact = fieldHeaderKey(header);
  const unit = headerUnit(header);
  const unitless = unit ? fieldHeaderKey(unit.base) : "";
  const match = PREFIXED.exec(header.replace(/^\ufeff/, "").normalize("NFKC").trim());
  const object = match ? objectOf(match[1]) : null;
  if (!match || !object) return { exact, stripped: "", unitless, foreign: false };
  const rest = fieldHeaderKey(match[2]);
  switch (object) {
    case "deal":
      return { exact, stripped: rest, unitless, foreign: false };
    case "organization":
      return { exact, stripped: NAME_WORDS.includes(rest) ? fieldHeaderKey("Account Name") : "", unitless: "", foreign: false };
    case "user":
      return { exact, stripped: NAME_WORDS.includes(rest) ? fieldHeaderKey("Owner") : "", unitless: "", foreign: false };
    default:
      return { exact, stripped: "", unitless: "", foreign: true };
  }
}

/** Fields whose column may state a unit in its header (money). */
const MONEY_FIELDS: ReadonlySet<MappedField> = new Set(["amount", "actualAmount"]);

let dictionaryKeys: Map<string, MappedField> | null = null;

/** Each dictionary spelling's key -> its field (the first list holding it). */
function dictionaryIndex(): Map<string, MappedField> {
  if (!dictionaryKeys) {
    dictionaryKeys = new Map();
    for (const field of MAPPED_FIELDS) {
      for (const spelling of HEADER_DICTIONARY[field]) {
        const key = fieldHeaderKey(spelling);
        if (!dictionaryKeys.has(key)) dictionaryKeys.set(key, field);
      }
    }
  }
  return dictionaryKeys;
}

/** A field whose column, alone in a file, stands for another field. */
const STANDS_FOR: readonly [MappedField, MappedField][] = [
  ["actualAmount", "amount"],
  ["actualCloseDate", "closeDate"],
];

/**
 * The fields the dictionary gives a header, best first (the presets' own spellings are not
 * consulted): none for a column of another object, two for an actual amount or actual close
 * date (it is the amount or close date of a file that has no other one).
 *
 * @example
 * fieldsOfHeader("Deal - Value")   // ["amount"]
 * fieldsOfHeader("close_value")    // ["actualAmount", "amount"]
 * fieldsOfHeader("Person - Name")  // []
 */
export function fieldsOfHeader(header: string): MappedField[] {
  const keys = keysOf(header);
  if (keys.foreign) return [];
  const index = dictionaryIndex();
  const field = index.get(keys.exact) ?? (keys.stripped ? index.get(keys.stripped) : undefined);
  if (!field) return [];
  const also = STANDS_FOR.find(([actual]) => actual === field);
  return also ? [field, also[1]] : [field];
}

/**
 * The column of each field, by position in `headers`.
 *
 * Rules:
 * - Spellings are tried in priority order: first every field's own spellings in the preset
 *   (`preset.columns`), then every field's dictionary spellings ({@link HEADER_DICTIONARY});
 *   fields are taken in the order of `MAPPED_FIELDS`; a field keeps the first spelling found.
 * - A spelling matches a header whose {@link fieldHeaderKey} equals its own; failing that,
 *   a header that equals it once its object prefix is removed (`Deal - Title` for `Title`).
 *   So for one spelling a header matched exactly beats one matched after stripping a prefix.
 *   `Organization - Name`, `Account - Name`, `Company - Name` are read as `Account Name`,
 *   `Owner.Name` as `Owner`.
 * - Each header serves at most one field; among equal headers the leftmost is used.
 * - Columns of other objects (`Person - Name`, `Contact - Name`, `Product - Name`,
 *   `Activity - Subject`) never take a field; headers in `preset.notMapped` are never taken
 *   by the dictionary (Zoho's weighted `Expected Revenue`).
 * - Afterwards, an actual amount with no amount becomes the amount, and an actual close date
 *   with no close date becomes the close date.
 *
 * The result is deterministic: it depends only on the headers, their order and the preset.
 *
 * @example
 * mapHeaderFields(["Deal - Title", "Deal - Value", "Deal - Stage", "Person - Name"], PRESETS.generic)
 * // { name: 0, amount: 1, stage: 2 }
 */
export function mapHeaderFields(headers: readonly string[], preset: CrmPreset): Partial<Record<MappedField, number>> {
  const keys = headers.map(keysOf);
  const used = new Set<number>();
  const notMapped = new Set((preset.notMapped ?? []).map(fieldHeaderKey));
  const find = (spelling: string, fromDictionary: boolean, money: boolean): number => {
    const key = fieldHeaderKey(spelling);
    if (key === "") return -1;
    const free = (k: HeaderKeys, column: number) =>
      !used.has(column) && !k.foreign && !(fromDictionary && (notMapped.has(k.exact) || (k.stripped !== "" && notMapped.has(k.stripped))));
    const exact = keys.findIndex((k, column) => free(k, column) && k.exact === key);
    if (exact >= 0) return exact;
    const stripped = keys.findIndex((k, column) => free(k, column) && k.stripped === key);
    if (stripped >= 0 || !money) return stripped;
    // A money column that states its unit: `金额（万元）` is the amount, in 万元.
    return keys.findIndex((k, column) => free(k, column) && k.unitless === key);
  };
  const mapping: Partial<Record<MappedField, number>> = {};
  for (const fromDictionary of [false, true]) {
    for (const field of MAPPED_FIELDS) {
      if (mapping[field] !== undefined) continue;
      const spellings = fromDictionary ? HEADER_DICTIONARY[field] : preset.columns[field] ?? [];
      for (const spelling of spellings) {
        const column = find(spelling, fromDictionary, MONEY_FIELDS.has(field));
        if (column >= 0) {
          mapping[field] = column;
          used.add(column);
          break;
        }
      }
    }
  }
  for (const [actual, field] of STANDS_FOR) {
    const column = mapping[actual];
    if (column !== undefined && mapping[field] === undefined) {
      mapping[field] = column;
      delete mapping[actual];
    }
  }
  return mapping;
}

/** Stage or status cells of a won deal (compared by {@link labelKey}). */
export const WON_WORDS: readonly string[] = [
  "Closed Won", "Won", "Deal won", "Win", "Closed - Won",
  "赢单", "已赢单", "赢得", "成交", "已成交", "签单", "已签单", "已签约", "签约成功",
];

/** Stage or status cells of a lost deal (compared by {@link labelKey}). */
export const LOST_WORDS: readonly string[] = [
  "Closed Lost", "Lost", "Deal lost", "Lose", "Closed - Lost", "Closed-Lost to Competition", "Canceled", "Cancelled",
  "Out-Sold", "Outsold", "Abandoned",
  "输单", "已输单", "丢单", "失单", "失败", "无效", "取消", "已取消",
];

/** Status cells of a deal still open (compared by {@link labelKey}). */
export const OPEN_STATUS_WORDS: readonly string[] = [
  "Open", "In Progress", "Active", "Ongoing", "On Hold",
  "进行中", "跟进中", "洽谈中", "未成交",
];

let closedWords: Map<string, "won" | "lost"> | null = null;

/**
 * Whether a stage or status cell says the deal is won or lost, or null (open, or unknown).
 *
 * The cell is compared by {@link labelKey} (case, spaces, `-`, `_` and a step number do not
 * count, so `CLOSED_WON`, `closedwon` and `Closed Won` are one label) after a probability in
 * brackets is removed (`Won (100%)`); besides {@link WON_WORDS} and {@link LOST_WORDS}, a
 * label that starts with "closed won" or "closed lost" counts (`Closed Lost - Price`).
 *
 * @example
 * closedKindOf("CLOSED_WON")                 // "won"
 * closedKindOf("Won (100%)")                 // "won"
 * closedKindOf("Closed-Lost to Competition") // "lost"
 * closedKindOf("输单")                        // "lost"
 * closedKindOf("Negotiation")                // null
 */
export function closedKindOf(text: string): "won" | "lost" | null {
  if (!closedWords) {
    closedWords = new Map();
    for (const word of WON_WORDS) closedWords.set(labelKey(word), "won");
    for (const word of LOST_WORDS) closedWords.set(labelKey(word), "lost");
  }
  const key = labelKey(text.normalize("NFKC").replace(/\(\s*\d+(?:[.,]\d+)?\s*%\s*\)/g, " "));
  if (key === "") return null;
  const kind = closedWords.get(key);
  if (kind) return kind;
  if (key.startsWith("closedwon")) return "won";
  if (key.startsWith("closedlost")) return "lost";
  return null;
}

let openWords: Set<string> | null = null;

/**
 * Whether a status cell says the deal is still open ({@link OPEN_STATUS_WORDS}, compared by
 * {@link labelKey}).
 *
 * @example
 * isOpenStatusWord("open")   // true
 * isOpenStatusWord("跟进中") // true
 * isOpenStatusWord("Won")    // false
 */
export function isOpenStatusWord(text: string): boolean {
  if (!openWords) openWords = new Set(OPEN_STATUS_WORDS.map(labelKey));
  const key = labelKey(text);
  return key !== "" && openWords.has(key);
}
