/**
 * A deal in a one-stage pipeline ("Lead", then Won or Lost), for tests that only care
 * about owner, amount, status and close date (commission credits).
 */
import { Deal, DealStatus, Pipeline } from "../../src/core/deal";

export function oneStagePipeline(probability: number): Pipeline {
  return { stages: [{ name: "Lead", probability }], wonLabels: ["Won"], lostLabels: ["Lost"] };
}

export function oneStageDeal(
  id: string,
  owner: string,
  amount: number,
  status: DealStatus,
  closeDate: string | null,
  options: { name?: string; openProbability?: number } = {},
): Deal {
  return {
    id,
    name: options.name ?? id,
    customer: "Acme",
    owner,
    amount,
    currency: "USD",
    createdDate: "2024-12-01",
    closeDate,
    stage: status === "won" ? "Won" : status === "lost" ? "Lost" : "Lead",
    stagePosition: status === "open" ? 0 : null,
    status,
    probability: status === "won" ? 1 : status === "lost" ? 0 : (options.openProbability ?? 0.1),
    lostAtStage: null,
    source: "",
    furthestStage: status === "won" ? 1 : 0,
  };
}
