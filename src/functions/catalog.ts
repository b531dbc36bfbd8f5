/**
 * The documentation of every SALES.* function, in en-US and zh-CN: the single source of
 * the `@customfunction` JSDoc in functions.ts (hence functions.json), of
 * src/i18n/functions-zh-CN.json, of docs/functions.md and of the help page
 * src/help/functions.html. `npm run docs` (scripts/generate-docs.ts) writes all four.
 *
 * The words live in the function-docs catalog (src/i18n/functionDocs.en-US.ts and
 * functionDocs.zh-CN.ts), keyed by function id and field; this file arranges them: which
 * parameters, rules and errors each function has, in which order, with its example.
 *
 * Parameter names and order must equal definitions.ts (a test checks it).
 */
import { functionDocsText, FunctionDocsKey, isFunctionDocsKey } from "../i18n/functionDocs";
import type { TextValues } from "../i18n/translate";

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
  /** The native Excel formula that computes the same thing, where one exists (formulas only). */
  native?: string;
  /** How the native formula is used ("filled down"), in both languages. */
  nativeNote?: Text;
  /** True when the result is a spilled range of its own shape. */
  spills?: boolean;
}

/** A text of the function-docs catalog in both languages. */
function text(key: FunctionDocsKey, values?: TextValues): Text {
  return { en: functionDocsText("en-US", key, values), zh: functionDocsText("zh-CN", key, values) };
}

/** The parameter `name` of function `id`, documented under `<id>.param.<name>`. */
function param(id: string, name: string, options: { optional?: boolean } = {}): CatalogParam {
  return named(name, `${id}.param.${name}`, options);
}

function named(name: string, key: string, options: { optional?: boolean } = {}): CatalogParam {
  if (!isFunctionDocsKey(key)) throw new Error(`src/i18n/functionDocs.en-US.ts has no ${key}`);
  return { name, ...(options.optional ? { optional: true } : {}), ...text(key) };
}

const FUNNEL_C = text("category.funnel");
const GOALS_C = text("category.goals");
const GROWTH_C = text("category.growth");
const PIPE_C = text("category.pipeline");
const CUST_C = text("category.customers");
const MARKET_C = text("category.market");
const FORECAST_C = text("category.forecast");
const INCENT_C = text("category.incentives");

const COUNT_RULE = text("shared.rule.counts");
const ELEMENTWISE = text("shared.rule.elementwise");
const TEXT_ERR = (names: string): { code: "#VALUE!"; when: Text } => ({
  code: "#VALUE!",
  when: text("shared.error.text", { names }),
});
/** #VALUE! for text in any argument, "any argument" in each language. */
const TEXT_ERR_ANY: { code: "#VALUE!"; when: Text } = {
  code: "#VALUE!",
  when: {
    en: functionDocsText("en-US", "shared.error.text", { names: functionDocsText("en-US", "shared.anyArgument") }),
    zh: functionDocsText("zh-CN", "shared.error.text", { names: functionDocsText("zh-CN", "shared.anyArgument") }),
  },
};
const LIST_TEXT_RULE = text("shared.rule.listText");
const PAIR_TEXT_RULE = text("shared.rule.pairText");
const SHAPE_ERR = (names: string): { code: "#VALUE!"; when: Text } => ({
  code: "#VALUE!",
  when: text("shared.error.shape", { names }),
});
const TIER_PARAMS: CatalogParam[] = [
  named("thresholds", "shared.tier.param.thresholds"),
  named("rates", "shared.tier.param.rates"),
];
const TIER_RULES: Text[] = [text("shared.tier.rule.1"), text("shared.tier.rule.2")];
const TIER_ERRORS: { code: "#DIV/0!" | "#NUM!" | "#VALUE!" | "#N/A"; when: Text }[] = [
  { code: "#VALUE!", when: text("shared.tier.error.value") },
  { code: "#NUM!", when: text("shared.tier.error.num") },
];
const METHOD_PARAM: CatalogParam = named("method", "shared.param.method", { optional: true });

export const CATALOG: readonly CatalogEntry[] = [
  {
    id: "CONVERSION",
    category: FUNNEL_C,
    description: text("CONVERSION.description"),
    params: [param("CONVERSION", "converted"), param("CONVERSION", "total")],
    rules: [ELEMENTWISE, COUNT_RULE, text("CONVERSION.rule.1")],
    errors: [
      { code: "#DIV/0!", when: text("CONVERSION.error.1") },
      { code: "#NUM!", when: text("CONVERSION.error.2") },
      TEXT_ERR("converted, total"),
    ],
    example: { formula: "=SALES.CONVERSION(25, 100)", result: "0.25" },
    native: "=converted/total",
  },
  {
    id: "FUNNEL",
    category: FUNNEL_C,
    description: text("FUNNEL.description"),
    params: [param("FUNNEL", "stage_counts"), param("FUNNEL", "mode", { optional: true })],
    rules: [text("FUNNEL.rule.1"), text("FUNNEL.rule.2")],
    errors: [
      { code: "#DIV/0!", when: text("FUNNEL.error.1") },
      { code: "#NUM!", when: text("FUNNEL.error.2") },
      { code: "#VALUE!", when: text("FUNNEL.error.3") },
    ],
    example: { formula: "=SALES.FUNNEL({200,50,10})", result: "{1, 0.25, 0.2}" },
    native: "=B3/B2; =B3/$B$2",
    nativeNote: text("FUNNEL.native.note"),
    spills: true,
  },
  {
    id: "WINRATE",
    category: FUNNEL_C,
    description: text("WINRATE.description"),
    params: [param("WINRATE", "won"), param("WINRATE", "lost")],
    rules: [ELEMENTWISE, COUNT_RULE],
    errors: [
      { code: "#DIV/0!", when: text("WINRATE.error.1") },
      { code: "#NUM!", when: text("WINRATE.error.2") },
      TEXT_ERR("won, lost"),
    ],
    example: { formula: "=SALES.WINRATE(30, 70)", result: "0.3" },
    native: "=won/(won+lost)",
  },
  {
    id: "ATTAINMENT",
    category: GOALS_C,
    description: text("ATTAINMENT.description"),
    params: [param("ATTAINMENT", "actual"), param("ATTAINMENT", "target")],
    rules: [ELEMENTWISE, text("ATTAINMENT.rule.1")],
    errors: [
      { code: "#DIV/0!", when: text("ATTAINMENT.error.1") },
      { code: "#NUM!", when: text("ATTAINMENT.error.2") },
      TEXT_ERR("actual, target"),
    ],
    example: { formula: "=SALES.ATTAINMENT(120, 100)", result: "1.2" },
    native: "=actual/target",
  },
  {
    id: "PACE",
    category: GOALS_C,
    description: text("PACE.description"),
    params: [param("PACE", "actual"), param("PACE", "target"), param("PACE", "elapsed"), param("PACE", "period_length")],
    rules: [ELEMENTWISE, text("PACE.rule.1")],
    errors: [
      { code: "#DIV/0!", when: text("PACE.error.1") },
      { code: "#NUM!", when: text("PACE.error.2") },
      TEXT_ERR_ANY,
    ],
    example: { formula: "=SALES.PACE(50, 100, 10, 20)", result: "1", note: text("PACE.note") },
    native: "=actual/(target*MIN(elapsed,period_length)/period_length)",
  },
  {
    id: "PROJECTION",
    category: GOALS_C,
    description: text("PROJECTION.description"),
    params: [param("PROJECTION", "actual"), param("PROJECTION", "elapsed"), param("PROJECTION", "period_length")],
    rules: [ELEMENTWISE, text("PROJECTION.rule.1")],
    errors: [
      { code: "#NUM!", when: text("PROJECTION.error.1") },
      TEXT_ERR_ANY,
    ],
    example: { formula: "=SALES.PROJECTION(30, 10, 30)", result: "90" },
    native: "=actual*period_length/MIN(elapsed,period_length)",
  },
  {
    id: "RUNRATE",
    category: GOALS_C,
    description: text("RUNRATE.description"),
    params: [param("RUNRATE", "period_value"), param("RUNRATE", "periods_per_year")],
    rules: [ELEMENTWISE],
    errors: [
      { code: "#NUM!", when: text("RUNRATE.error.1") },
      TEXT_ERR("period_value, periods_per_year"),
    ],
    example: { formula: "=SALES.RUNRATE(10000, 12)", result: "120000" },
    native: "=period_value*periods_per_year",
  },
  {
    id: "GROWTH",
    category: GROWTH_C,
    description: text("GROWTH.description"),
    params: [param("GROWTH", "current"), param("GROWTH", "previous")],
    rules: [ELEMENTWISE, text("GROWTH.rule.1")],
    errors: [
      { code: "#DIV/0!", when: text("GROWTH.error.1") },
      TEXT_ERR("current, previous"),
    ],
    example: { formula: "=SALES.GROWTH(-50, -100)", result: "0.5" },
    native: "=(current-previous)/ABS(previous)",
  },
  {
    id: "CAGR",
    category: GROWTH_C,
    description: text("CAGR.description"),
    params: [param("CAGR", "start_value"), param("CAGR", "end_value"), param("CAGR", "periods")],
    rules: [ELEMENTWISE, text("CAGR.rule.1")],
    errors: [
      { code: "#NUM!", when: text("CAGR.error.1") },
      TEXT_ERR_ANY,
    ],
    example: { formula: "=SALES.CAGR(100, 121, 2)", result: "0.1" },
    native: "=RRI(periods, start_value, end_value)",
  },
  {
    id: "WEIGHTED",
    category: PIPE_C,
    description: text("WEIGHTED.description"),
    params: [param("WEIGHTED", "amounts"), param("WEIGHTED", "probabilities")],
    rules: [text("WEIGHTED.rule.1"), text("WEIGHTED.rule.2"), PAIR_TEXT_RULE],
    errors: [
      { code: "#NUM!", when: text("WEIGHTED.error.1") },
      SHAPE_ERR("amounts, probabilities"),
    ],
    example: { formula: "=SALES.WEIGHTED({1000,500}, {0.5,0.2})", result: "600" },
    native: "=SUMPRODUCT(amounts, probabilities)",
  },
  {
    id: "COVERAGE",
    category: PIPE_C,
    description: text("COVERAGE.description"),
    params: [param("COVERAGE", "pipeline"), param("COVERAGE", "remaining_target")],
    rules: [ELEMENTWISE],
    errors: [
      { code: "#DIV/0!", when: text("COVERAGE.error.1") },
      { code: "#NUM!", when: text("COVERAGE.error.2") },
      TEXT_ERR("pipeline, remaining_target"),
    ],
    example: { formula: "=SALES.COVERAGE(300000, 100000)", result: "3" },
    native: "=pipeline/remaining_target",
  },
  {
    id: "VELOCITY",
    category: PIPE_C,
    description: text("VELOCITY.description"),
    params: [param("VELOCITY", "opportunities"), param("VELOCITY", "avg_deal_size"), param("VELOCITY", "win_rate"), param("VELOCITY", "cycle_days")],
    rules: [ELEMENTWISE, text("VELOCITY.rule.1")],
    errors: [
      { code: "#DIV/0!", when: text("VELOCITY.error.1") },
      { code: "#NUM!", when: text("VELOCITY.error.2") },
      TEXT_ERR_ANY,
    ],
    example: { formula: "=SALES.VELOCITY(50, 10000, 0.2, 40)", result: "2500" },
    native: "=opportunities*avg_deal_size*win_rate/cycle_days",
  },
  {
    id: "CYCLE",
    category: PIPE_C,
    description: text("CYCLE.description"),
    params: [param("CYCLE", "start_dates"), param("CYCLE", "end_dates")],
    rules: [text("CYCLE.rule.1"), PAIR_TEXT_RULE],
    errors: [
      { code: "#DIV/0!", when: text("CYCLE.error.1") },
      { code: "#NUM!", when: text("CYCLE.error.2") },
      SHAPE_ERR("start_dates, end_dates"),
    ],
    example: { formula: "=SALES.CYCLE({45000;45010}, {45030;45020})", result: "20" },
    native: "=AVERAGE(end_dates-start_dates)",
    nativeNote: text("CYCLE.native.note"),
  },
  {
    id: "CHURN",
    category: CUST_C,
    description: text("CHURN.description"),
    params: [param("CHURN", "lost"), param("CHURN", "start_count")],
    rules: [ELEMENTWISE, COUNT_RULE],
    errors: [
      { code: "#DIV/0!", when: text("CHURN.error.1") },
      { code: "#NUM!", when: text("CHURN.error.2") },
      TEXT_ERR("lost, start_count"),
    ],
    example: { formula: "=SALES.CHURN(5, 100)", result: "0.05" },
    native: "=lost/start_count",
  },
  {
    id: "RETENTION",
    category: CUST_C,
    description: text("RETENTION.description"),
    params: [param("RETENTION", "start_count"), param("RETENTION", "end_count"), param("RETENTION", "new_count")],
    rules: [ELEMENTWISE, COUNT_RULE],
    errors: [
      { code: "#DIV/0!", when: text("RETENTION.error.1") },
      { code: "#NUM!", when: text("RETENTION.error.2") },
      TEXT_ERR_ANY,
    ],
    example: { formula: "=SALES.RETENTION(100, 110, 20)", result: "0.9" },
    native: "=(end_count-new_count)/start_count",
  },
  {
    id: "NRR",
    category: CUST_C,
    description: text("NRR.description"),
    params: [param("NRR", "start_revenue"), param("NRR", "expansion"), param("NRR", "contraction"), param("NRR", "churned")],
    rules: [ELEMENTWISE, text("NRR.rule.1")],
    errors: [
      { code: "#DIV/0!", when: text("NRR.error.1") },
      { code: "#NUM!", when: text("NRR.error.2") },
      TEXT_ERR_ANY,
    ],
    example: { formula: "=SALES.NRR(1000, 200, 50, 100)", result: "1.05" },
    native: "=(start_revenue+expansion-contraction-churned)/start_revenue",
  },
  {
    id: "GRR",
    category: CUST_C,
    description: text("GRR.description"),
    params: [param("GRR", "start_revenue"), param("GRR", "contraction"), param("GRR", "churned")],
    rules: [ELEMENTWISE, text("GRR.rule.1")],
    errors: [
      { code: "#DIV/0!", when: text("GRR.error.1") },
      { code: "#NUM!", when: text("GRR.error.2") },
      TEXT_ERR_ANY,
    ],
    example: { formula: "=SALES.GRR(1000, 50, 100)", result: "0.85" },
    native: "=(start_revenue-contraction-churned)/start_revenue",
  },
  {
    id: "LTV",
    category: CUST_C,
    description: text("LTV.description"),
    params: [param("LTV", "arpu"), param("LTV", "gross_margin"), param("LTV", "churn_rate"), param("LTV", "discount_rate", { optional: true }), param("LTV", "acquisition_cost", { optional: true })],
    rules: [text("LTV.rule.1"), text("LTV.rule.2"), ELEMENTWISE],
    errors: [
      { code: "#DIV/0!", when: text("LTV.error.1") },
      { code: "#NUM!", when: text("LTV.error.2") },
      TEXT_ERR_ANY,
    ],
    example: { formula: "=SALES.LTV(100, 0.8, 0.05)", result: "1600" },
    native: "=arpu*gross_margin/churn_rate-acquisition_cost",
  },
  {
    id: "CAC",
    category: CUST_C,
    description: text("CAC.description"),
    params: [param("CAC", "cost"), param("CAC", "new_customers")],
    rules: [ELEMENTWISE, COUNT_RULE],
    errors: [
      { code: "#DIV/0!", when: text("CAC.error.1") },
      { code: "#NUM!", when: text("CAC.error.2") },
      TEXT_ERR("cost, new_customers"),
    ],
    example: { formula: "=SALES.CAC(50000, 25)", result: "2000" },
    native: "=cost/new_customers",
  },
  {
    id: "NPS",
    category: CUST_C,
    description: text("NPS.description"),
    params: [param("NPS", "scores")],
    rules: [text("NPS.rule.1"), LIST_TEXT_RULE],
    errors: [
      { code: "#DIV/0!", when: text("NPS.error.1") },
      { code: "#NUM!", when: text("NPS.error.2") },
    ],
    example: { formula: "=SALES.NPS({10,9,8,3})", result: "25" },
    native: "=(COUNTIF(scores,\">=9\")-COUNTIF(scores,\"<=6\"))/COUNT(scores)*100",
  },
  {
    id: "CSAT",
    category: CUST_C,
    description: text("CSAT.description"),
    params: [param("CSAT", "ratings"), param("CSAT", "satisfied_min", { optional: true })],
    rules: [text("CSAT.rule.1"), LIST_TEXT_RULE],
    errors: [
      { code: "#DIV/0!", when: text("CSAT.error.1") },
      { code: "#VALUE!", when: text("CSAT.error.2") },
    ],
    example: { formula: "=SALES.CSAT({5,4,3,2})", result: "0.5" },
    native: "=COUNTIF(ratings,\">=\"&satisfied_min)/COUNT(ratings)",
  },
  {
    id: "SHARE",
    category: MARKET_C,
    description: text("SHARE.description"),
    params: [param("SHARE", "part"), param("SHARE", "total")],
    rules: [ELEMENTWISE],
    errors: [
      { code: "#DIV/0!", when: text("SHARE.error.1") },
      TEXT_ERR("part, total"),
    ],
    example: { formula: "=SALES.SHARE(30, 120)", result: "0.25" },
    native: "=part/total",
  },
  {
    id: "COSTRATIO",
    category: MARKET_C,
    description: text("COSTRATIO.description"),
    params: [param("COSTRATIO", "cost"), param("COSTRATIO", "revenue")],
    rules: [ELEMENTWISE],
    errors: [
      { code: "#DIV/0!", when: text("COSTRATIO.error.1") },
      TEXT_ERR("cost, revenue"),
    ],
    example: { formula: "=SALES.COSTRATIO(15000, 100000)", result: "0.15" },
    native: "=cost/revenue",
  },
  {
    id: "HHI",
    category: MARKET_C,
    description: text("HHI.description"),
    params: [param("HHI", "values")],
    rules: [text("HHI.rule.1"), LIST_TEXT_RULE],
    errors: [
      { code: "#DIV/0!", when: text("HHI.error.1") },
      { code: "#NUM!", when: text("HHI.error.2") },
    ],
    example: { formula: "=SALES.HHI({50,30,20})", result: "3800" },
    native: "=SUMPRODUCT((100*values/SUM(values))^2)",
  },
  {
    id: "FORECAST",
    category: FORECAST_C,
    description: text("FORECAST.description"),
    params: [param("FORECAST", "x"), param("FORECAST", "known_values"), param("FORECAST", "known_periods", { optional: true })],
    rules: [text("FORECAST.rule.1"), text("FORECAST.rule.2"), PAIR_TEXT_RULE],
    errors: [
      { code: "#N/A", when: text("FORECAST.error.1") },
      { code: "#DIV/0!", when: text("FORECAST.error.2") },
      TEXT_ERR("x"),
    ],
    example: { formula: "=SALES.FORECAST(4, {10,20,30})", result: "40" },
    native: "=FORECAST(x, known_values, known_periods)",
  },
  {
    id: "MOVINGAVG",
    category: FORECAST_C,
    description: text("MOVINGAVG.description"),
    params: [param("MOVINGAVG", "values"), param("MOVINGAVG", "window")],
    rules: [text("MOVINGAVG.rule.1")],
    errors: [
      { code: "#N/A", when: text("MOVINGAVG.error.1") },
      { code: "#DIV/0!", when: text("MOVINGAVG.error.2") },
      { code: "#NUM!", when: text("MOVINGAVG.error.3") },
      { code: "#VALUE!", when: text("MOVINGAVG.error.4") },
    ],
    example: { formula: "=SALES.MOVINGAVG({10,20,30,40}, 2)", result: "{#N/A, 15, 25, 35}" },
    native: "=AVERAGE(B1:B3)",
    nativeNote: text("shared.native.filledDown"),
    spills: true,
  },
  {
    id: "COMMISSION",
    category: INCENT_C,
    description: text("COMMISSION.description"),
    params: [param("COMMISSION", "amount"), ...TIER_PARAMS, METHOD_PARAM, param("COMMISSION", "cap", { optional: true })],
    rules: [...TIER_RULES, text("COMMISSION.rule.1")],
    errors: [
      ...TIER_ERRORS,
      { code: "#NUM!", when: text("COMMISSION.error.1") },
    ],
    example: { formula: "=SALES.COMMISSION(250, {0,100,200}, {0.05,0.1,0.2})", result: "25", note: text("COMMISSION.note") },
    native: "=SUMPRODUCT((amount>thresholds)*(amount-thresholds)*(rates-N(+previous rates))); =amount*VLOOKUP(amount, table, 2, TRUE)",
    nativeNote: text("COMMISSION.native.note"),
  },
  {
    id: "COMMISSION.DEAL",
    category: INCENT_C,
    description: text("COMMISSION.DEAL.description"),
    params: [param("COMMISSION.DEAL", "deal_amount"), param("COMMISSION.DEAL", "prior_amount"), ...TIER_PARAMS],
    rules: [...TIER_RULES, text("COMMISSION.DEAL.rule.1")],
    errors: [
      ...TIER_ERRORS,
      { code: "#NUM!", when: text("COMMISSION.DEAL.error.1") },
    ],
    example: { formula: "=SALES.COMMISSION.DEAL(50, 80, {0,100,200}, {0.05,0.1,0.2})", result: "4" },
  },
  {
    id: "COMMISSION.DETAIL",
    category: INCENT_C,
    description: text("COMMISSION.DETAIL.description"),
    params: [param("COMMISSION.DETAIL", "amount"), ...TIER_PARAMS, METHOD_PARAM],
    rules: [...TIER_RULES, text("COMMISSION.DETAIL.rule.1")],
    errors: [
      ...TIER_ERRORS,
      { code: "#NUM!", when: text("COMMISSION.DETAIL.error.1") },
    ],
    example: { formula: "=SALES.COMMISSION.DETAIL(150, {0;100;200}, {0.05;0.1;0.2})", result: "{0,0.05,100,5; 100,0.1,50,5; 200,0.2,0,0}" },
    spills: true,
  },
  {
    id: "DRAW",
    category: INCENT_C,
    description: text("DRAW.description"),
    params: [param("DRAW", "earned"), param("DRAW", "draw"), param("DRAW", "recoverable", { optional: true }), param("DRAW", "balance", { optional: true })],
    rules: [text("DRAW.rule.1"), text("DRAW.rule.2")],
    errors: [
      { code: "#NUM!", when: text("DRAW.error.1") },
      { code: "#VALUE!", when: text("DRAW.error.2") },
    ],
    example: { formula: "=SALES.DRAW(300, 1000)", result: "{1000, 700}" },
    native: "=MAX(earned-balance, draw) and =MAX(0, draw-(earned-balance))",
    spills: true,
  },
  {
    id: "SCORE",
    category: INCENT_C,
    description: text("SCORE.description"),
    params: [param("SCORE", "actuals"), param("SCORE", "targets"), param("SCORE", "weights"), param("SCORE", "cap", { optional: true }), param("SCORE", "lower_is_better", { optional: true })],
    rules: [text("SCORE.rule.1"), text("SCORE.rule.2"), PAIR_TEXT_RULE],
    errors: [
      { code: "#DIV/0!", when: text("SCORE.error.1") },
      { code: "#NUM!", when: text("SCORE.error.2") },
      SHAPE_ERR("actuals, targets, weights"),
    ],
    example: { formula: "=SALES.SCORE({120,80}, {100,100}, {0.6,0.4}, 1.1)", result: "0.98" },
    native: "=SUMPRODUCT(weights, IF(actuals/targets>cap, cap, actuals/targets))/SUM(weights)",
  },
];
