/**
 * SPEC section 6's evaluation of a scenario: the current month per region, the four optimisations
 * alone and combined, the recommendations, the budget and the growth phase.
 */
import { assessGrowth, checkBudget, recommend, type BudgetCheck, type CostRecommendation, type GrowthAssessment } from "./advice";
import type { CostScenario } from "./cost-scenario";
import { paiseToRupees, rupeesToPaise, sumPaise } from "./money";
import { combineStrategies, optimiseScenario, type CombinedRegionCost, type CostOptimisation } from "./optimisations";
import { toRegionCost, type RegionCost } from "./pricing";
import { buildScenarioModel } from "./scenario-model";

export interface CostEvaluation {
  name: string;
  /** Hour (IST) of the pattern's largest multiplier; its first occurrence. */
  peakHour: number;
  current: { totalInr: number; regions: RegionCost[] };
  optimisations: CostOptimisation[];
  /** All four strategies applied together per region (scaled, tiered, compressed, then placed), no saving counted twice. */
  combined: { currentInr: number; optimisedInr: number; savingInr: number; regions: CombinedRegionCost[] };
  recommendations: CostRecommendation[];
  budget: BudgetCheck;
  growth: GrowthAssessment;
}

/** Evaluates a parsed scenario: cost per region = instance-hours × rate + GB × rate + GB × rate + partitions × rate; strategies, budget, growth. */
export function evaluateCostScenario(scenario: CostScenario): CostEvaluation {
  const model = buildScenarioModel(scenario);
  const outcomes = optimiseScenario(model);
  const combinedRegions = combineStrategies(model);
  const combinedPaise = sumPaise(combinedRegions.map((region) => rupeesToPaise(region.totalInr)));
  return {
    name: scenario.name,
    peakHour: model.peakHour,
    current: {
      totalInr: paiseToRupees(model.totalPaise),
      regions: model.regions.map((region) =>
        toRegionCost(region.entry.region, region.workload.instanceHours, region.costs, region.rates.estimate),
      ),
    },
    optimisations: outcomes.map((outcome) => outcome.optimisation),
    combined: {
      currentInr: paiseToRupees(model.totalPaise),
      optimisedInr: paiseToRupees(combinedPaise),
      savingInr: paiseToRupees(model.totalPaise - combinedPaise),
      regions: combinedRegions,
    },
    recommendations: recommend(outcomes),
    budget: checkBudget(scenario.budgetInr, model.totalPaise, combinedPaise),
    growth: assessGrowth(scenario.users, model.totalPaise),
  };
}
