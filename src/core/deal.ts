/**
 * The normalized deal: what every CRM export becomes after import, and what every
 * generator reads. Serializable (dates are ISO "YYYY-MM-DD" strings).
 */

export type DealStatus = "open" | "won" | "lost";

export interface PipelineStage {
  /** Stage label as the CRM writes it (also what the funnel shows). */
  name: string;
  /** Default win probability of an open deal in this stage, decimal (0.6 = 60%). */
  probability: number;
}

/** An ordered sales pipeline: open stages first to last, then how won and lost are written. */
export interface Pipeline {
  stages: PipelineStage[];
  wonLabels: string[];
  lostLabels: string[];
}

export interface Deal {
  id: string;
  name: string;
  customer: string;
  /** Sales rep, trimmed. */
  owner: string;
  amount: number;
  currency: string;
  /** ISO date or null when the export has none. */
  createdDate: string | null;
  closeDate: string | null;
  /** Stage label as exported. */
  stage: string;
  /** 0-based index of `stage` among the pipeline's open stages; null for won/lost labels. */
  stagePosition: number | null;
  status: DealStatus;
  /** Decimal win probability: the row's own, else the stage default (won 1, lost 0). */
  probability: number;
  /** 0-based open-stage index where a lost deal was lost, when the data shows it. */
  lostAtStage: number | null;
  /** Lead source or channel; "" when unknown. */
  source: string;
  /**
   * The funnel's counting rule as one number: the deal counts in every stage whose
   * 0-based index is <= furthestStage. Open deals: their current stage; won deals:
   * stages.length (past the last open stage, i.e. in "Won"); lost deals: their loss stage
   * when known, else 0.
   */
  furthestStage: number;
}

/** The article's four stages (初步接触 / 需求分析 / 方案制定 / 谈判签约) in English. */
export const DEFAULT_STAGES_EN = ["Initial contact", "Needs analysis", "Proposal", "Negotiation & signing"];
export const DEFAULT_STAGES_ZH = ["初步接触", "需求分析", "方案制定", "谈判签约"];
