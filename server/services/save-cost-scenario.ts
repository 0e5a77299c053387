import type { SavedCostScenario } from "@/core/cost/cost-api";
import type { CostScenario } from "@/core/cost/cost-scenario";
import type { PrismaClient } from "../db/generated/client";
import { toSavedCostScenario } from "./cost-scenario-row";

/** Stores a new scenario under `id`, created and updated at `now`. */
export async function saveCostScenario(prisma: PrismaClient, id: string, scenario: CostScenario, now: number): Promise<SavedCostScenario> {
  const at = new Date(now);
  const row = await prisma.costScenario.create({
    data: { id, name: scenario.name, scenario: scenario as object, createdAt: at, updatedAt: at },
  });
  return toSavedCostScenario(row);
}
