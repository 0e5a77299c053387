import type { SavedCostScenario } from "@/core/cost/cost-api";
import type { PrismaClient } from "../db/generated/client";
import { toSavedCostScenario } from "./cost-scenario-row";

/** Stored scenarios, most recently updated first (ties by id, so the order is stable), at most `limit`. */
export async function listCostScenarios(prisma: PrismaClient, query: { limit: number }): Promise<SavedCostScenario[]> {
  const rows = await prisma.costScenario.findMany({ orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: query.limit });
  return rows.map(toSavedCostScenario);
}
