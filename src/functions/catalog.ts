/**
 * The documentation of every SALES.* function, in en-US and zh-CN: the single source of
 * the `@customfunction` JSDoc in functions.ts (hence functions.json), of
 * src/i18n/functions-zh-CN.json, of docs/functions.md and of the help page
 * src/help/functions.html. `npm run docs` (scripts/generate-docs.ts) writes all four.
 *
 * Parameter names and order must equal definitions.ts (a test checks it).
 */

export interface Text {
  en: string;
  zh: string;
}

export interface CatalogParam extends Text {
  name: string;
  optional?: boolean;
}

export interface CatalogEntry {
  id: string;
  category: Text;
  /** One line a user understands (autocomplete). */
  description: Text;
  params: CatalogParam[];
  rules: Text[];
  errors: { code: "#DIV/0!" | "#NUM!" | "#VALUE!" | "#N/A"; when: Text }[];
  example: { formula: string; result: string; note?: Text };
  /** The native Excel formula that computes the same thing, where one exists. */
  native?: string;
  /** True when the result is a spilled range of its own shape. */
  spills?: boolean;
}

const FUNNEL_C: Text = { en: "Funnel and conversion", zh: "漏斗与转化" };
const GOALS_C: Text = { en: "Goals and pace", zh: "目标与进度" };
const GROWTH_C: Text = { en: "Growth", zh: "增长" };
const PIPE_C: Text = { en: "Pipeline", zh: "销售管道" };
const CUST_C: Text = { en: "Customers and satisfaction", zh: "客户与满意度" };
const MARKET_C: Text = { en: "Market, mix and cost", zh: "市场、结构与费用" };
const FORECAST_C: Text = { en: "Forecast", zh: "预测" };
const INCENT_C: Text = { en: "Commission and incentives", zh: "提成与激励" };

const COUNT_RULE: Text = {
  en: "Counts must be 0 or more, else #NUM!.",
  zh: "计数必须大于或等于 0，否则为 #NUM!。",
};
const ELEMENTWISE: Text = {
  en: "Element-wise: same-shaped ranges give a same-shaped spilled result; a single cell pairs with every cell.",
  zh: "逐元素计算：形状相同的区域返回同形状的溢出结果；单个单元格与每个单元格配对。",
};
const TEXT_ERR = (names: string): { code: "#VALUE!"; when: Text } => ({
  code: "#VALUE!",
  when: {
    en: `text or a logical value in ${names}, or ranges of different shapes`,
    zh: `${names} 中有文本或逻辑值，或区域形状不同`,
  },
});
const LIST_TEXT_RULE: Text = {
  en: "Text and logical values inside the list are skipped, as AVERAGE skips them.",
  zh: "列表中的文本和逻辑值被跳过，与 AVERAGE 相同。",
};
const PAIR_TEXT_RULE: Text = {
  en: "A pair (or row) holding text or a logical value is skipped whole, as FORECAST.LINEAR skips it.",
  zh: "含文本或逻辑值的一对（或一行）整体跳过，与 FORECAST.LINEAR 相同。",
};
const SHAPE_ERR = (names: string): { code: "#VALUE!"; when: Text } => ({
  code: "#VALUE!",
  when: { en: `${names} are ranges of different shapes`, zh: `${names} 的区域形状不同` },
});
const TIER_PARAMS: CatalogParam[] = [
  {
    name: "thresholds",
    en: "Tier thresholds, strictly ascending; a tier applies from its threshold inclusive",
    zh: "各档门槛，严格递增；某档从其门槛（含）起适用",
  },
  {
    name: "rates",
    en: "Rate of each tier (decimal, 5% = 0.05), same number of cells as thresholds",
    zh: "各档费率（小数，5% = 0.05），单元格数与门槛相同",
  },
];
const TIER_RULES: Text[] = [
  {
    en: "The tier table is read in cell order; trailing rows blank on both sides are skipped; a row blank on one side, or text, is #VALUE!.",
    zh: "档位表按单元格顺序读取；末尾两侧皆空的行被跳过；仅一侧为空或含文本的行为 #VALUE!。",
  },
  {
    en: "Thresholds not strictly ascending are #VALUE!: an unsorted table never gives a silently wrong payout. An amount below the first threshold earns 0.",
    zh: "门槛未严格递增为 #VALUE!：未排序的表绝不会悄悄算错提成。低于第一档门槛的金额提成为 0。",
  },
];
const TIER_ERRORS: { code: "#DIV/0!" | "#NUM!" | "#VALUE!" | "#N/A"; when: Text }[] = [
  {
    code: "#VALUE!",
    when: {
      en: "thresholds not strictly ascending, an empty table, thresholds and rates of different sizes, a half-blank row, or text",
      zh: "门槛未严格递增、空表、门槛与费率个数不同、半空行或文本",
    },
  },
  { code: "#NUM!", when: { en: "a negative rate", zh: "费率为负" } },
];
const METHOD_PARAM: CatalogParam = {
  name: "method",
  optional: true,
  en: 'Optional "marginal" (default: each rate on its own band) or "retroactive" (the highest tier reached pays on the whole amount)',
  zh: '可选，"marginal"（默认：各档费率只作用于本档区间）或 "retroactive"（达到的最高档费率作用于全部金额）',
};

export const CATALOG: readonly CatalogEntry[] = [
  {
    id: "CONVERSION",
    category: FUNNEL_C,
    description: { en: "Conversion rate: converted / total.", zh: "转化率：转化数 / 总数。" },
    params: [
      { name: "converted", en: "Number of deals converted (count, >= 0)", zh: "已转化的商机数（计数，>= 0）" },
      { name: "total", en: "Number of deals that entered (count, >= 0)", zh: "进入该阶段的商机总数（计数，>= 0）" },
    ],
    rules: [ELEMENTWISE, COUNT_RULE, { en: "A blank total counts as 0.", zh: "空白的总数按 0 计。" }],
    errors: [
      { code: "#DIV/0!", when: { en: "total is 0", zh: "总数为 0" } },
      { code: "#NUM!", when: { en: "a negative count (checked before the zero total)", zh: "计数为负（先于总数为 0 检查）" } },
      TEXT_ERR("converted, total"),
    ],
    example: { formula: "=SALES.CONVERSION(25, 100)", result: "0.25" },
    native: "=converted/total",
  },
  {
    id: "FUNNEL",
    category: FUNNEL_C,
    description: {
      en: "Conversion at each funnel stage, same shape as the stage counts.",
      zh: "漏斗各阶段的转化率，结果与阶段计数形状相同。",
    },
    params: [
      { name: "stage_counts", en: "Deal counts per stage, first stage first (counts, >= 0)", zh: "各阶段的商机数，从第一阶段开始（计数，>= 0）" },
      {
        name: "mode",
        optional: true,
        en: 'Optional "step" (default: stage / previous stage), "cumulative" (stage / first stage) or "dropoff" (1 - step)',
        zh: '可选，"step"（默认：本阶段 / 上一阶段）、"cumulative"（本阶段 / 第一阶段）或 "dropoff"（1 - 逐级转化率）',
      },
    ],
    rules: [
      { en: "Cells are read row by row; the result has the same shape.", zh: "按行依次读取单元格；结果形状相同。" },
      {
        en: 'step: first 1, then c[i]/c[i-1]; cumulative: c[i]/c[0]; dropoff: first 0, then 1 - step. A blank stage counts as 0.',
        zh: "step：第一格为 1，之后为 c[i]/c[i-1]；cumulative：c[i]/c[0]；dropoff：第一格为 0，之后为 1 - step。空白阶段按 0 计。",
      },
    ],
    errors: [
      { code: "#DIV/0!", when: { en: "an earlier stage is 0 (in that cell only)", zh: "前一阶段为 0（仅该单元格）" } },
      { code: "#NUM!", when: { en: "a negative count (in its cell and the next)", zh: "计数为负（该单元格及下一格）" } },
      { code: "#VALUE!", when: { en: "text in stage_counts, or an unknown mode", zh: "stage_counts 中有文本，或 mode 未知" } },
    ],
    example: { formula: "=SALES.FUNNEL({200,50,10})", result: "{1, 0.25, 0.2}" },
    native: "=B3/B2 (filled down), =B3/$B$2 for cumulative",
    spills: true,
  },
  {
    id: "WINRATE",
    category: FUNNEL_C,
    description: { en: "Win rate of closed deals: won / (won + lost).", zh: "已关闭商机的赢单率：赢单 / (赢单 + 输单)。" },
    params: [
      { name: "won", en: "Number of deals won (count, >= 0)", zh: "赢单数（计数，>= 0）" },
      { name: "lost", en: "Number of deals lost (count, >= 0)", zh: "输单数（计数，>= 0）" },
    ],
    rules: [ELEMENTWISE, COUNT_RULE],
    errors: [
      { code: "#DIV/0!", when: { en: "won and lost are both 0", zh: "赢单与输单均为 0" } },
      { code: "#NUM!", when: { en: "a negative count", zh: "计数为负" } },
      TEXT_ERR("won, lost"),
    ],
    example: { formula: "=SALES.WINRATE(30, 70)", result: "0.3" },
    native: "=won/(won+lost)",
  },
  {
    id: "ATTAINMENT",
    category: GOALS_C,
    description: { en: "Target attainment: actual / target.", zh: "目标达成率：实际 / 目标。" },
    params: [
      { name: "actual", en: "Actual result (money or units; may be negative)", zh: "实际完成值（金额或数量，可为负）" },
      { name: "target", en: "Target in the same unit (> 0)", zh: "同单位的目标值（> 0）" },
    ],
    rules: [ELEMENTWISE, { en: "A negative target has no meaning: #NUM!.", zh: "目标为负没有意义：#NUM!。" }],
    errors: [
      { code: "#DIV/0!", when: { en: "target is 0 (or blank)", zh: "目标为 0（或空白）" } },
      { code: "#NUM!", when: { en: "target is negative", zh: "目标为负" } },
      TEXT_ERR("actual, target"),
    ],
    example: { formula: "=SALES.ATTAINMENT(120, 100)", result: "1.2" },
    native: "=actual/target",
  },
  {
    id: "PACE",
    category: GOALS_C,
    description: {
      en: "Pace against a target prorated to the time elapsed.",
      zh: "按已过时间折算目标后的进度达成率。",
    },
    params: [
      { name: "actual", en: "Actual result so far", zh: "截至目前的实际完成值" },
      { name: "target", en: "Target for the whole period (> 0)", zh: "整个周期的目标（> 0）" },
      { name: "elapsed", en: "Time elapsed (days, weeks...; > 0)", zh: "已过时间（天、周等；> 0）" },
      { name: "period_length", en: "Length of the period in the same unit (> 0)", zh: "周期长度，单位同上（> 0）" },
    ],
    rules: [
      ELEMENTWISE,
      {
        en: "actual / (target * elapsed / period_length); elapsed beyond period_length counts as period_length.",
        zh: "实际 / (目标 * 已过时间 / 周期长度)；已过时间超过周期长度时按周期长度计。",
      },
    ],
    errors: [
      { code: "#DIV/0!", when: { en: "target is 0", zh: "目标为 0" } },
      { code: "#NUM!", when: { en: "elapsed <= 0, period_length <= 0 or target < 0", zh: "已过时间 <= 0、周期长度 <= 0 或目标 < 0" } },
      TEXT_ERR("any argument"),
    ],
    example: { formula: "=SALES.PACE(50, 100, 10, 20)", result: "1", note: { en: "50 / (100 * 10/20)", zh: "50 / (100 * 10/20)" } },
    native: "=actual/(target*MIN(elapsed,period_length)/period_length)",
  },
  {
    id: "PROJECTION",
    category: GOALS_C,
    description: { en: "Straight-line projection of the period's total.", zh: "按当前速度线性推算的周期总额。" },
    params: [
      { name: "actual", en: "Actual result so far", zh: "截至目前的实际完成值" },
      { name: "elapsed", en: "Time elapsed (> 0)", zh: "已过时间（> 0）" },
      { name: "period_length", en: "Length of the period in the same unit (> 0)", zh: "周期长度，单位同上（> 0）" },
    ],
    rules: [
      ELEMENTWISE,
      {
        en: "actual * period_length / elapsed; elapsed beyond period_length counts as period_length (the projection is then the actual).",
        zh: "实际 * 周期长度 / 已过时间；已过时间超过周期长度时按周期长度计（此时推算值即实际值）。",
      },
    ],
    errors: [
      { code: "#NUM!", when: { en: "elapsed <= 0 or period_length <= 0", zh: "已过时间 <= 0 或周期长度 <= 0" } },
      TEXT_ERR("any argument"),
    ],
    example: { formula: "=SALES.PROJECTION(30, 10, 30)", result: "90" },
    native: "=actual*period_length/MIN(elapsed,period_length)",
  },
  {
    id: "RUNRATE",
    category: GOALS_C,
    description: { en: "Annual run rate: period value * periods per year.", zh: "年化运行率：单期数值 * 每年期数。" },
    params: [
      { name: "period_value", en: "Value of one period (money)", zh: "单期数值（金额）" },
      { name: "periods_per_year", en: "Periods in a year (12 for months; > 0)", zh: "每年期数（按月为 12；> 0）" },
    ],
    rules: [ELEMENTWISE],
    errors: [
      { code: "#NUM!", when: { en: "periods_per_year <= 0", zh: "每年期数 <= 0" } },
      TEXT_ERR("period_value, periods_per_year"),
    ],
    example: { formula: "=SALES.RUNRATE(10000, 12)", result: "120000" },
    native: "=period_value*periods_per_year",
  },
  {
    id: "GROWTH",
    category: GROWTH_C,
    description: { en: "Growth rate: (current - previous) / ABS(previous).", zh: "增长率：(本期 - 上期) / ABS(上期)。" },
    params: [
      { name: "current", en: "Value of the current period", zh: "本期数值" },
      { name: "previous", en: "Value of the previous period (not 0)", zh: "上期数值（不为 0）" },
    ],
    rules: [
      ELEMENTWISE,
      {
        en: "The ABS keeps the sign honest on a negative base: from -100 to -50 is +50%.",
        zh: "分母取绝对值，使负基数下方向正确：从 -100 到 -50 为 +50%。",
      },
    ],
    errors: [
      { code: "#DIV/0!", when: { en: "previous is 0", zh: "上期为 0" } },
      TEXT_ERR("current, previous"),
    ],
    example: { formula: "=SALES.GROWTH(-50, -100)", result: "0.5" },
    native: "=(current-previous)/ABS(previous)",
  },
  {
    id: "CAGR",
    category: GROWTH_C,
    description: { en: "Compound annual growth rate, as Excel's RRI.", zh: "复合年均增长率，同 Excel 的 RRI。" },
    params: [
      { name: "start_value", en: "Value at the start (> 0)", zh: "期初数值（> 0）" },
      { name: "end_value", en: "Value at the end (>= 0)", zh: "期末数值（>= 0）" },
      { name: "periods", en: "Number of periods (years; > 0, may be fractional)", zh: "期数（年；> 0，可为小数）" },
    ],
    rules: [ELEMENTWISE, { en: "(end/start)^(1/periods) - 1.", zh: "(期末/期初)^(1/期数) - 1。" }],
    errors: [
      { code: "#NUM!", when: { en: "start <= 0, end < 0 or periods <= 0", zh: "期初 <= 0、期末 < 0 或期数 <= 0" } },
      TEXT_ERR("any argument"),
    ],
    example: { formula: "=SALES.CAGR(100, 121, 2)", result: "0.1" },
    native: "=RRI(periods, start_value, end_value)",
  },
  {
    id: "WEIGHTED",
    category: PIPE_C,
    description: { en: "Probability-weighted pipeline: sum of amount * probability.", zh: "加权管道金额：金额 * 赢单概率 之和。" },
    params: [
      { name: "amounts", en: "Deal amounts (money)", zh: "商机金额（金额）" },
      { name: "probabilities", en: "Win probabilities (decimal, 60% = 0.6), same shape as amounts", zh: "赢单概率（小数，60% = 0.6），形状与金额相同" },
    ],
    rules: [
      { en: "A pair blank on both sides is skipped; a blank on one side counts as 0.", zh: "两侧皆空的一对被跳过；仅一侧为空时按 0 计。" },
      { en: "A probability of 60 is an error, not 60%.", zh: "概率 60 是错误，而不是 60%。" },
      PAIR_TEXT_RULE,
    ],
    errors: [
      { code: "#NUM!", when: { en: "a probability outside 0..1", zh: "概率不在 0..1 之间" } },
      SHAPE_ERR("amounts, probabilities"),
    ],
    example: { formula: "=SALES.WEIGHTED({1000,500}, {0.5,0.2})", result: "600" },
    native: "=SUMPRODUCT(amounts, probabilities)",
  },
  {
    id: "COVERAGE",
    category: PIPE_C,
    description: { en: "Pipeline coverage of the target still to win.", zh: "管道覆盖率：管道金额 / 剩余目标。" },
    params: [
      { name: "pipeline", en: "Open pipeline amount (money)", zh: "在途管道金额（金额）" },
      { name: "remaining_target", en: "Target still to win (money, > 0)", zh: "尚需完成的目标（金额，> 0）" },
    ],
    rules: [ELEMENTWISE],
    errors: [
      { code: "#DIV/0!", when: { en: "remaining_target is 0", zh: "剩余目标为 0" } },
      { code: "#NUM!", when: { en: "remaining_target is negative", zh: "剩余目标为负" } },
      TEXT_ERR("pipeline, remaining_target"),
    ],
    example: { formula: "=SALES.COVERAGE(300000, 100000)", result: "3" },
    native: "=pipeline/remaining_target",
  },
  {
    id: "VELOCITY",
    category: PIPE_C,
    description: { en: "Sales velocity in money per day.", zh: "销售速度（每天金额）。" },
    params: [
      { name: "opportunities", en: "Number of open opportunities (count, >= 0)", zh: "在途商机数（计数，>= 0）" },
      { name: "avg_deal_size", en: "Average deal size (money)", zh: "平均成交金额（金额）" },
      { name: "win_rate", en: "Win rate (decimal, 20% = 0.2)", zh: "赢单率（小数，20% = 0.2）" },
      { name: "cycle_days", en: "Average sales cycle in days (> 0)", zh: "平均销售周期天数（> 0）" },
    ],
    rules: [ELEMENTWISE, { en: "opportunities * avg_deal_size * win_rate / cycle_days.", zh: "商机数 * 平均金额 * 赢单率 / 周期天数。" }],
    errors: [
      { code: "#DIV/0!", when: { en: "cycle_days is 0", zh: "周期天数为 0" } },
      { code: "#NUM!", when: { en: "a negative count or a win rate outside 0..1", zh: "计数为负或赢单率不在 0..1 之间" } },
      TEXT_ERR("any argument"),
    ],
    example: { formula: "=SALES.VELOCITY(50, 10000, 0.2, 40)", result: "2500" },
    native: "=opportunities*avg_deal_size*win_rate/cycle_days",
  },
  {
    id: "CYCLE",
    category: PIPE_C,
    description: { en: "Average sales cycle in days, over deals with both dates.", zh: "平均销售周期（天），只统计两个日期都有的商机。" },
    params: [
      { name: "start_dates", en: "Created dates (Excel dates)", zh: "创建日期（Excel 日期）" },
      { name: "end_dates", en: "Close dates (Excel dates), same shape as start_dates", zh: "成交日期（Excel 日期），形状与创建日期相同" },
    ],
    rules: [
      { en: "A pair with a blank on either side (an open deal) is skipped.", zh: "任一侧为空的一对（未关闭的商机）被跳过。" },
      PAIR_TEXT_RULE,
    ],
    errors: [
      { code: "#DIV/0!", when: { en: "no pair has both dates", zh: "没有同时具备两个日期的商机" } },
      { code: "#NUM!", when: { en: "an end date before its start date", zh: "成交日期早于创建日期" } },
      SHAPE_ERR("start_dates, end_dates"),
    ],
    example: { formula: "=SALES.CYCLE({45000;45010}, {45030;45020})", result: "20" },
    native: "=AVERAGE(end_dates-start_dates) (array formula, when no cell is blank)",
  },
  {
    id: "CHURN",
    category: CUST_C,
    description: { en: "Churn rate: customers lost / customers at the start.", zh: "流失率：流失客户数 / 期初客户数。" },
    params: [
      { name: "lost", en: "Customers lost in the period (count, >= 0)", zh: "本期流失客户数（计数，>= 0）" },
      { name: "start_count", en: "Customers at the start of the period (count, > 0)", zh: "期初客户数（计数，> 0）" },
    ],
    rules: [ELEMENTWISE, COUNT_RULE],
    errors: [
      { code: "#DIV/0!", when: { en: "start_count is 0", zh: "期初客户数为 0" } },
      { code: "#NUM!", when: { en: "a negative count", zh: "计数为负" } },
      TEXT_ERR("lost, start_count"),
    ],
    example: { formula: "=SALES.CHURN(5, 100)", result: "0.05" },
    native: "=lost/start_count",
  },
  {
    id: "RETENTION",
    category: CUST_C,
    description: { en: "Customer retention rate: (end - new) / start.", zh: "客户留存率：(期末 - 新增) / 期初。" },
    params: [
      { name: "start_count", en: "Customers at the start (count, > 0)", zh: "期初客户数（计数，> 0）" },
      { name: "end_count", en: "Customers at the end (count, >= 0)", zh: "期末客户数（计数，>= 0）" },
      { name: "new_count", en: "New customers won in the period (count, >= 0)", zh: "本期新增客户数（计数，>= 0）" },
    ],
    rules: [ELEMENTWISE, COUNT_RULE],
    errors: [
      { code: "#DIV/0!", when: { en: "start_count is 0", zh: "期初客户数为 0" } },
      { code: "#NUM!", when: { en: "a negative count", zh: "计数为负" } },
      TEXT_ERR("any argument"),
    ],
    example: { formula: "=SALES.RETENTION(100, 110, 20)", result: "0.9" },
    native: "=(end_count-new_count)/start_count",
  },
  {
    id: "NRR",
    category: CUST_C,
    description: { en: "Net revenue retention of a customer base.", zh: "净收入留存率。" },
    params: [
      { name: "start_revenue", en: "Recurring revenue at the start (money, > 0)", zh: "期初经常性收入（金额，> 0）" },
      { name: "expansion", en: "Added revenue from existing customers (money, >= 0)", zh: "老客户增购收入（金额，>= 0）" },
      { name: "contraction", en: "Revenue lost to downgrades (money, >= 0)", zh: "降级减少的收入（金额，>= 0）" },
      { name: "churned", en: "Revenue lost to churned customers (money, >= 0)", zh: "流失客户带走的收入（金额，>= 0）" },
    ],
    rules: [ELEMENTWISE, { en: "(start + expansion - contraction - churned) / start.", zh: "(期初 + 增购 - 降级 - 流失) / 期初。" }],
    errors: [
      { code: "#DIV/0!", when: { en: "start_revenue is 0", zh: "期初收入为 0" } },
      { code: "#NUM!", when: { en: "a negative argument", zh: "任一参数为负" } },
      TEXT_ERR("any argument"),
    ],
    example: { formula: "=SALES.NRR(1000, 200, 50, 100)", result: "1.05" },
    native: "=(start_revenue+expansion-contraction-churned)/start_revenue",
  },
  {
    id: "GRR",
    category: CUST_C,
    description: { en: "Gross revenue retention, never above 100%.", zh: "总收入留存率，不超过 100%。" },
    params: [
      { name: "start_revenue", en: "Recurring revenue at the start (money, > 0)", zh: "期初经常性收入（金额，> 0）" },
      { name: "contraction", en: "Revenue lost to downgrades (money, >= 0)", zh: "降级减少的收入（金额，>= 0）" },
      { name: "churned", en: "Revenue lost to churned customers (money, >= 0)", zh: "流失客户带走的收入（金额，>= 0）" },
    ],
    rules: [ELEMENTWISE, { en: "(start - contraction - churned) / start.", zh: "(期初 - 降级 - 流失) / 期初。" }],
    errors: [
      { code: "#DIV/0!", when: { en: "start_revenue is 0", zh: "期初收入为 0" } },
      { code: "#NUM!", when: { en: "a negative argument (it would lift GRR above 1)", zh: "任一参数为负（会使 GRR 超过 1）" } },
      TEXT_ERR("any argument"),
    ],
    example: { formula: "=SALES.GRR(1000, 50, 100)", result: "0.85" },
    native: "=(start_revenue-contraction-churned)/start_revenue",
  },
  {
    id: "LTV",
    category: CUST_C,
    description: { en: "Customer lifetime value from margin and churn.", zh: "由毛利与流失率计算的客户终身价值。" },
    params: [
      { name: "arpu", en: "Average revenue per customer per period (money)", zh: "每客户每期平均收入（金额）" },
      { name: "gross_margin", en: "Gross margin (decimal, 80% = 0.8)", zh: "毛利率（小数，80% = 0.8）" },
      { name: "churn_rate", en: "Churn per period (decimal, 5% = 0.05)", zh: "每期流失率（小数，5% = 0.05）" },
      {
        name: "discount_rate",
        optional: true,
        en: "Optional discount rate per period (decimal, >= 0); switches to the discounted model",
        zh: "可选，每期贴现率（小数，>= 0）；给出时改用贴现模型",
      },
      { name: "acquisition_cost", optional: true, en: "Optional cost to acquire the customer (money, default 0)", zh: "可选，获客成本（金额，默认 0）" },
    ],
    rules: [
      {
        en: "Without discount_rate: arpu * gross_margin / churn_rate - acquisition_cost.",
        zh: "无贴现率：ARPU * 毛利率 / 流失率 - 获客成本。",
      },
      {
        en: "With discount_rate i: m*r/(1+i-r) - acquisition_cost, m = arpu*gross_margin, r = 1 - churn_rate (Gupta-Lehmann). The two are different models: the discounted one counts the first margin at the end of period 1, so at i = 0 it gives m(1-c)/c, one period's margin less than m/c.",
        zh: "有贴现率 i：m*r/(1+i-r) - 获客成本，其中 m = ARPU*毛利率，r = 1 - 流失率（Gupta-Lehmann）。两者是不同的模型：贴现模型把第一期毛利计在第 1 期末，因此 i = 0 时结果为 m(1-c)/c，比 m/c 少一期毛利。",
      },
      ELEMENTWISE,
    ],
    errors: [
      { code: "#DIV/0!", when: { en: "churn_rate is 0 without a discount rate (or discount + churn is 0)", zh: "无贴现率时流失率为 0（或贴现率 + 流失率为 0）" } },
      { code: "#NUM!", when: { en: "gross_margin or churn_rate outside 0..1, or a negative discount rate", zh: "毛利率或流失率不在 0..1 之间，或贴现率为负" } },
      TEXT_ERR("any argument"),
    ],
    example: { formula: "=SALES.LTV(100, 0.8, 0.05)", result: "1600" },
    native: "=arpu*gross_margin/churn_rate-acquisition_cost",
  },
  {
    id: "CAC",
    category: CUST_C,
    description: { en: "Customer acquisition cost: cost / new customers.", zh: "获客成本：费用 / 新增客户数。" },
    params: [
      { name: "cost", en: "Sales and marketing cost of the period (money)", zh: "本期销售与市场费用（金额）" },
      { name: "new_customers", en: "New customers won (count, > 0)", zh: "新增客户数（计数，> 0）" },
    ],
    rules: [ELEMENTWISE, COUNT_RULE],
    errors: [
      { code: "#DIV/0!", when: { en: "new_customers is 0", zh: "新增客户数为 0" } },
      { code: "#NUM!", when: { en: "new_customers is negative", zh: "新增客户数为负" } },
      TEXT_ERR("cost, new_customers"),
    ],
    example: { formula: "=SALES.CAC(50000, 25)", result: "2000" },
    native: "=cost/new_customers",
  },
  {
    id: "NPS",
    category: CUST_C,
    description: { en: "Net promoter score from 0-10 answers, from -100 to 100.", zh: "净推荐值（0-10 分答卷），范围 -100 到 100。" },
    params: [{ name: "scores", en: "Survey answers, 0 to 10 (blanks skipped)", zh: "调查得分，0 到 10（空白跳过）" }],
    rules: [
      { en: "% of 9-10 minus % of 0-6. Blank cells are skipped; pass the exact range of answers.", zh: "9-10 分的占比减去 0-6 分的占比。空白单元格被跳过；请传入答卷的精确区域。" },
      LIST_TEXT_RULE,
    ],
    errors: [
      { code: "#DIV/0!", when: { en: "no scores", zh: "没有得分" } },
      { code: "#NUM!", when: { en: "a score outside 0..10", zh: "得分不在 0..10 之间" } },
    ],
    example: { formula: "=SALES.NPS({10,9,8,3})", result: "25" },
    native: '=(COUNTIF(scores,">=9")-COUNTIF(scores,"<=6"))/COUNT(scores)*100',
  },
  {
    id: "CSAT",
    category: CUST_C,
    description: { en: "Customer satisfaction: share of ratings at or above a level.", zh: "客户满意度：达到某评分及以上的比例。" },
    params: [
      { name: "ratings", en: "Ratings, e.g. 1 to 5 (blanks skipped)", zh: "评分，例如 1 到 5（空白跳过）" },
      { name: "satisfied_min", optional: true, en: "Optional lowest satisfied rating (default 4)", zh: "可选，视为满意的最低评分（默认 4）" },
    ],
    rules: [{ en: "Blank cells are skipped; pass the exact range of ratings.", zh: "空白单元格被跳过；请传入评分的精确区域。" }, LIST_TEXT_RULE],
    errors: [
      { code: "#DIV/0!", when: { en: "no ratings", zh: "没有评分" } },
      { code: "#VALUE!", when: { en: "satisfied_min is text or a logical value", zh: "satisfied_min 为文本或逻辑值" } },
    ],
    example: { formula: "=SALES.CSAT({5,4,3,2})", result: "0.5" },
    native: '=COUNTIF(ratings,">="&satisfied_min)/COUNT(ratings)',
  },
  {
    id: "SHARE",
    category: MARKET_C,
    description: { en: "Share of a total: part / total (market share, channel coverage).", zh: "占比：部分 / 总体（市场份额、铺货率）。" },
    params: [
      { name: "part", en: "The part (money, units, outlets)", zh: "部分（金额、数量、网点数）" },
      { name: "total", en: "The total in the same unit (not 0)", zh: "同单位的总体（不为 0）" },
    ],
    rules: [ELEMENTWISE],
    errors: [{ code: "#DIV/0!", when: { en: "total is 0", zh: "总体为 0" } }, TEXT_ERR("part, total")],
    example: { formula: "=SALES.SHARE(30, 120)", result: "0.25" },
    native: "=part/total",
  },
  {
    id: "COSTRATIO",
    category: MARKET_C,
    description: { en: "Sales cost ratio: cost / revenue.", zh: "销售费用率：费用 / 收入。" },
    params: [
      { name: "cost", en: "Sales cost (money)", zh: "销售费用（金额）" },
      { name: "revenue", en: "Revenue (money, not 0)", zh: "收入（金额，不为 0）" },
    ],
    rules: [ELEMENTWISE],
    errors: [{ code: "#DIV/0!", when: { en: "revenue is 0", zh: "收入为 0" } }, TEXT_ERR("cost, revenue")],
    example: { formula: "=SALES.COSTRATIO(15000, 100000)", result: "0.15" },
    native: "=cost/revenue",
  },
  {
    id: "HHI",
    category: MARKET_C,
    description: { en: "Concentration index (HHI) from raw values, 0 to 10000.", zh: "集中度指数（HHI），由原始数值计算，0 到 10000。" },
    params: [{ name: "values", en: "Raw values, e.g. revenue per customer (>= 0)", zh: "原始数值，例如每个客户的收入（>= 0）" }],
    rules: [{ en: "Sum of (100 * value / total)^2. Blank cells are skipped.", zh: "(100 * 数值 / 合计)^2 之和。空白单元格被跳过。" }, LIST_TEXT_RULE],
    errors: [
      { code: "#DIV/0!", when: { en: "the values add up to 0", zh: "数值合计为 0" } },
      { code: "#NUM!", when: { en: "a negative value", zh: "数值为负" } },
    ],
    example: { formula: "=SALES.HHI({50,30,20})", result: "3800" },
    native: "=SUMPRODUCT((100*values/SUM(values))^2)",
  },
  {
    id: "FORECAST",
    category: FORECAST_C,
    description: { en: "Least-squares trend forecast at x, as FORECAST.LINEAR.", zh: "最小二乘趋势预测，同 FORECAST.LINEAR。" },
    params: [
      { name: "x", en: "Period(s) to forecast (a cell or a range, spills)", zh: "要预测的期数（单元格或区域，可溢出）" },
      { name: "known_values", en: "Known values (money, units)", zh: "已知数值（金额、数量）" },
      { name: "known_periods", optional: true, en: "Optional known periods (default 1, 2, ..., n)", zh: "可选，已知期数（默认 1, 2, ..., n）" },
    ],
    rules: [
      { en: "Same results and errors as FORECAST.LINEAR(x, known_values, known_periods).", zh: "结果与错误同 FORECAST.LINEAR(x, known_values, known_periods)。" },
      { en: "A pair blank on both sides is skipped; with default periods a blank value is skipped and keeps its position.", zh: "两侧皆空的一对被跳过；使用默认期数时，空白数值被跳过但保留其位置。" },
      PAIR_TEXT_RULE,
    ],
    errors: [
      { code: "#N/A", when: { en: "known_values and known_periods hold different numbers of cells", zh: "已知数值与已知期数的单元格个数不同" } },
      { code: "#DIV/0!", when: { en: "all known periods are equal (or there are none)", zh: "所有已知期数相同（或没有）" } },
      TEXT_ERR("x"),
    ],
    example: { formula: "=SALES.FORECAST(4, {10,20,30})", result: "40" },
    native: "=FORECAST(x, known_values, known_periods)",
  },
  {
    id: "MOVINGAVG",
    category: FORECAST_C,
    description: { en: "Moving average over the last n positions, same shape as values.", zh: "最近 n 个位置的移动平均，结果与数值形状相同。" },
    params: [
      { name: "values", en: "Values in time order (read row by row)", zh: "按时间顺序的数值（按行读取）" },
      { name: "window", en: "Number of positions averaged (>= 1, truncated to an integer)", zh: "参与平均的位置数（>= 1，截尾取整）" },
    ],
    rules: [
      { en: "The first window-1 positions are #N/A; blanks, text and logical values inside a window are skipped as AVERAGE skips them.", zh: "前 window-1 个位置为 #N/A；窗口内的空白、文本和逻辑值像 AVERAGE 一样被跳过。" },
    ],
    errors: [
      { code: "#N/A", when: { en: "the first window-1 positions", zh: "前 window-1 个位置" } },
      { code: "#DIV/0!", when: { en: "a window with no numbers (in that cell)", zh: "窗口内没有数字（该单元格）" } },
      { code: "#NUM!", when: { en: "window < 1", zh: "window < 1" } },
      { code: "#VALUE!", when: { en: "window is text, a logical value or a range", zh: "window 为文本、逻辑值或区域" } },
    ],
    example: { formula: "=SALES.MOVINGAVG({10,20,30,40}, 2)", result: "{#N/A, 15, 25, 35}" },
    native: "=AVERAGE(B1:B3) (filled down)",
    spills: true,
  },
  {
    id: "COMMISSION",
    category: INCENT_C,
    description: { en: "Commission payout on an amount under a tier table.", zh: "按档位表计算金额的提成。" },
    params: [
      { name: "amount", en: "Credited amount (money, >= 0; a range spills)", zh: "计提金额（金额，>= 0；区域会溢出）" },
      ...TIER_PARAMS,
      METHOD_PARAM,
      { name: "cap", optional: true, en: "Optional maximum payout (money, >= 0)", zh: "可选，提成上限（金额，>= 0）" },
    ],
    rules: [
      ...TIER_RULES,
      {
        en: "Read the table as attainment and multipliers for an accelerator plan: target_pay * SALES.COMMISSION(attainment, {0,1,1.3}, {1,1.5,2}).",
        zh: "把档位表读作达成率与倍数即为加速计划：target_pay * SALES.COMMISSION(attainment, {0,1,1.3}, {1,1.5,2})。",
      },
    ],
    errors: [...TIER_ERRORS, { code: "#NUM!", when: { en: "a negative amount or cap", zh: "金额或上限为负" } }],
    example: {
      formula: "=SALES.COMMISSION(250, {0,100,200}, {0.05,0.1,0.2})",
      result: "25",
      note: { en: "100*0.05 + 100*0.1 + 50*0.2", zh: "100*0.05 + 100*0.1 + 50*0.2" },
    },
    native:
      "=SUMPRODUCT((amount>thresholds)*(amount-thresholds)*(rates-N(+previous rates))) (marginal); =amount*VLOOKUP(amount, table, 2, TRUE) (retroactive)",
  },
  {
    id: "COMMISSION.DEAL",
    category: INCENT_C,
    description: { en: "Marginal commission one deal earns on top of what is booked.", zh: "在已计提金额之上，单笔成交带来的边际提成。" },
    params: [
      { name: "deal_amount", en: "Amount of the deal (money; a credit note may be negative)", zh: "该笔成交金额（金额；红字冲销可为负）" },
      { name: "prior_amount", en: "Amount already booked before this deal (money, >= 0)", zh: "此前已计提的金额（金额，>= 0）" },
      ...TIER_PARAMS,
    ],
    rules: [...TIER_RULES, { en: "C(prior + deal) - C(prior), always marginal.", zh: "C(已计提 + 本单) - C(已计提)，始终按超额累进。" }],
    errors: [
      ...TIER_ERRORS,
      { code: "#NUM!", when: { en: "a negative prior amount, or prior + deal below 0", zh: "已计提金额为负，或已计提 + 本单小于 0" } },
    ],
    example: { formula: "=SALES.COMMISSION.DEAL(50, 80, {0,100,200}, {0.05,0.1,0.2})", result: "4" },
  },
  {
    id: "COMMISSION.DETAIL",
    category: INCENT_C,
    description: { en: "Audit table of a commission: one row per tier.", zh: "提成明细表：每档一行。" },
    params: [
      { name: "amount", en: "Credited amount (money, >= 0, a single cell)", zh: "计提金额（金额，>= 0，单个单元格）" },
      ...TIER_PARAMS,
      METHOD_PARAM,
    ],
    rules: [
      ...TIER_RULES,
      {
        en: "Columns: threshold, rate, amount credited in the tier, commission in the tier; no header row. Retroactive credits the whole amount to the highest tier reached and 0 to the others.",
        zh: "列：门槛、费率、本档计提金额、本档提成；无标题行。retroactive 把全部金额计入达到的最高档，其余为 0。",
      },
    ],
    errors: [...TIER_ERRORS, { code: "#NUM!", when: { en: "a negative amount", zh: "金额为负" } }],
    example: { formula: "=SALES.COMMISSION.DETAIL(150, {0;100;200}, {0.05;0.1;0.2})", result: "{0,0.05,100,5; 100,0.1,50,5; 200,0.2,0,0}" },
    spills: true,
  },
  {
    id: "DRAW",
    category: INCENT_C,
    description: { en: "One period of a draw: payout and balance carried.", zh: "预支（保底）一期：本期发放额与结转余额。" },
    params: [
      { name: "earned", en: "Commission earned this period (money, >= 0)", zh: "本期应得提成（金额，>= 0）" },
      { name: "draw", en: "Draw (guaranteed advance) per period (money, >= 0)", zh: "每期预支额（金额，>= 0）" },
      { name: "recoverable", optional: true, en: "Optional TRUE (default) when the draw is recovered from later earnings, FALSE for a guarantee", zh: "可选，TRUE（默认）表示预支可从以后的提成中扣回，FALSE 表示保底" },
      { name: "balance", optional: true, en: "Optional balance still to recover from earlier periods (money, default 0)", zh: "可选，以前各期尚未扣回的余额（金额，默认 0）" },
    ],
    rules: [
      {
        en: "Recoverable: available = earned - balance; payout = MAX(available, draw); new balance = MAX(0, draw - available). Non-recoverable: payout = MAX(earned, draw), balance 0.",
        zh: "可扣回：可用 = 应得 - 余额；发放 = MAX(可用, 预支)；新余额 = MAX(0, 预支 - 可用)。不可扣回：发放 = MAX(应得, 预支)，余额 0。",
      },
      { en: "Returns one row of two cells: payout, balance carried.", zh: "返回一行两个单元格：发放额、结转余额。" },
    ],
    errors: [
      { code: "#NUM!", when: { en: "a negative input", zh: "任一输入为负" } },
      { code: "#VALUE!", when: { en: "text, a range instead of a single cell, or a flag that is not TRUE/FALSE/1/0", zh: "文本、区域而非单个单元格，或标志不是 TRUE/FALSE/1/0" } },
    ],
    example: { formula: "=SALES.DRAW(300, 1000)", result: "{1000, 700}" },
    native: "=MAX(earned-balance, draw) and =MAX(0, draw-(earned-balance))",
    spills: true,
  },
  {
    id: "SCORE",
    category: INCENT_C,
    description: { en: "Weighted KPI score for scorecards and appraisal.", zh: "加权 KPI 得分，用于计分卡与考核。" },
    params: [
      { name: "actuals", en: "Actual value of each KPI", zh: "各 KPI 的实际值" },
      { name: "targets", en: "Target of each KPI (> 0), same shape", zh: "各 KPI 的目标值（> 0），形状相同" },
      { name: "weights", en: "Weight of each KPI (>= 0), same shape", zh: "各 KPI 的权重（>= 0），形状相同" },
      { name: "cap", optional: true, en: "Optional cap on each ratio (decimal, 120% = 1.2; default none)", zh: "可选，每项比率的上限（小数，120% = 1.2；默认无）" },
      {
        name: "lower_is_better",
        optional: true,
        en: "Optional TRUE when lower is better (ratio = target/actual); one flag or a range shaped like actuals",
        zh: "可选，TRUE 表示越低越好（比率 = 目标/实际）；一个标志或与实际值同形状的区域",
      },
    ],
    rules: [
      { en: "sum of w * MIN(ratio, cap) / sum of w, ratio = actual / target.", zh: "Σ 权重 * MIN(比率, 上限) / Σ 权重，比率 = 实际 / 目标。" },
      { en: "A row blank in actuals, targets and weights is skipped.", zh: "实际、目标、权重皆空的行被跳过。" },
      PAIR_TEXT_RULE,
    ],
    errors: [
      { code: "#DIV/0!", when: { en: "a target (or actual, where lower is better) of 0, or weights adding up to 0", zh: "目标（越低越好时为实际）为 0，或权重合计为 0" } },
      { code: "#NUM!", when: { en: "a negative weight, target or cap", zh: "权重、目标或上限为负" } },
      SHAPE_ERR("actuals, targets, weights"),
    ],
    example: { formula: "=SALES.SCORE({120,80}, {100,100}, {0.6,0.4}, 1.1)", result: "0.98" },
    native: "=SUMPRODUCT(weights, IF(actuals/targets>cap, cap, actuals/targets))/SUM(weights)",
  },
];
