import type { SavedCostScenario } from "@/core/cost/cost-api";
import type { PrismaClient } from "../db/generated/client";
import { toSavedCostScenario } from "./cost-scenario-row";

/** One stored scenario, or null when there is none with that id. */
export async function getCostScenario(prisma: PrismaClient, id: string): Promise<SavedCostScenario | null> {
  const row = await prisma.costScenario.findUnique({ where: { id } });
  return row ? toSavedCostScenario(row) : null;
}
