import { buildCostReport, type CostReport } from "@/core/cost/cost-report";
import { readCostScenario } from "./read-cost-scenario";

/** POST /api/cost/evaluate: a scenario in, its full report out (current cost, optimisations, budget, growth, failovers). */
export async function evaluateCost(request: Request): Promise<CostReport> {
  return buildCostReport(await readCostScenario(request));
}
