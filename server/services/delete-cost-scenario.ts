import type { SavedCostScenario } from "@/core/cost/cost-api";
import type { PrismaClient } from "../db/generated/client";
import { toSavedCostScenario } from "./cost-scenario-row";

/** Removes a stored scenario and returns what it held; null when there was none with that id. */
export async function deleteCostScenario(prisma: PrismaClient, id: string): Promise<SavedCostScenario | null> {
  const row = await prisma.costScenario.findUnique({ where: { id } });
  if (!row) return null;
  // Another request may delete it between the read and here; only the one that removed the row reports it.
  const { count } = await prisma.costScenario.deleteMany({ where: { id } });
  return count === 1 ? toSavedCostScenario(row) : null;
}
