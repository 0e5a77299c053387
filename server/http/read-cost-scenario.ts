import { parseCostScenario, type CostScenario } from "@/core/cost/cost-scenario";
import { AppError } from "../errors";
import { readJsonBody } from "./respond";

// A scenario of six regions with every override and a pattern is about 3 KB; this leaves room for long names.
const MAX_SCENARIO_BYTES = 64 * 1024;

/** A scenario from a JSON body; 400 listing every bad field as `details.fields: [{path, message}]`. */
export async function readCostScenario(request: Request): Promise<CostScenario> {
  const parsed = parseCostScenario(await readJsonBody(request, MAX_SCENARIO_BYTES));
  if (parsed.ok) return parsed.scenario;
  const message = parsed.errors.map((error) => `${error.path}: ${error.message}`).join("; ");
  throw new AppError("bad_request", message, { fields: parsed.errors });
}
