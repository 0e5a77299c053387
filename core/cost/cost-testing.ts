/** Shared by the cost model's tests: a scenario from input, one strategy's entry, and mumbai alone. */
import { costScenarioSchema, type CostScenarioInput } from "./cost-scenario";
import { evaluateCostScenario, type CostEvaluation } from "./evaluate-cost-scenario";
import type { CostStrategy } from "./optimisations";

export function evaluate(input: CostScenarioInput): CostEvaluation {
  return evaluateCostScenario(costScenarioSchema.parse(input));
}

export function strategy(result: CostEvaluation, name: CostStrategy) {
  const found = result.optimisations.find((optimisation) => optimisation.strategy === name);
  if (!found) throw new Error(`no ${name} in the result`);
  return found;
}

/** Mumbai alone: 4 fixed instances, 100 GB stored, 200 GB moved, 6 partitions. */
export function mumbaiAlone(latencyBoundMs: number): CostScenarioInput {
  return {
    latencyBoundMs,
    regions: [{ region: "mumbai", fleet: { type: "fixed", instances: 4 }, storageGb: 100, networkGb: 200, partitions: 6 }],
  };
}
