import type { SavedCostScenario } from "@/core/cost/cost-api";
import { costScenarioSchema } from "@/core/cost/cost-scenario";
import type { CostScenario as CostScenarioRow } from "../db/generated/client";

/** A stored row as the API's record; the JSON is validated again, since the database is a boundary too. */
export function toSavedCostScenario(row: CostScenarioRow): SavedCostScenario {
  const parsed = costScenarioSchema.safeParse(row.scenario);
  if (!parsed.success) throw new Error(`stored cost scenario ${row.id} no longer validates: ${parsed.error.message}`);
  return { id: row.id, name: row.name, scenario: parsed.data, createdAt: row.createdAt.getTime(), updatedAt: row.updatedAt.getTime() };
}
