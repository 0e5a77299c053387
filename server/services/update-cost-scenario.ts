import type { SavedCostScenario } from "@/core/cost/cost-api";
import type { CostScenario } from "@/core/cost/cost-scenario";
import type { PrismaClient } from "../db/generated/client";
import { toSavedCostScenario } from "./cost-scenario-row";

/** Replaces a stored scenario, keeping its creation time; null when there is none with that id. */
export async function updateCostScenario(
  prisma: PrismaClient,
  id: string,
  scenario: CostScenario,
  now: number,
): Promise<SavedCostScenario | null> {
  // The ...Many form answers no rows instead of throwing when the row is gone (deleted from another tab).
  const [row] = await prisma.costScenario.updateManyAndReturn({
    where: { id },
    data: { name: scenario.name, scenario: scenario as object, updatedAt: new Date(now) },
  });
  return row ? toSavedCostScenario(row) : null;
}
