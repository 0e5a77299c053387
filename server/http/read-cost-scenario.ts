import { costScenarioSchema, type CostScenario } from "@/core/cost/cost-scenario";
import { readJsonBody } from "./respond";
import { parseBody } from "./validate";

// A scenario of six regions with every override and a pattern is about 3 KB; this leaves room for long names.
const MAX_SCENARIO_BYTES = 64 * 1024;

/** A scenario from a JSON body; 400 listing every bad field as `details.fields: [{path, message}]`. */
export async function readCostScenario(request: Request): Promise<CostScenario> {
  return parseBody(costScenarioSchema, await readJsonBody(request, MAX_SCENARIO_BYTES));
}
