import type { RegionId } from "@/core/routing/regions";
import type { PrismaClient } from "../db/generated/client";
import type { RegionAction, RegionChange } from "../workers/region-manager";

/** The latest changes of routing state, newest first, optionally of one region. */
export async function listRegionChanges(
  prisma: PrismaClient,
  query: { region?: RegionId | undefined; limit: number },
): Promise<RegionChange[]> {
  const rows = await prisma.regionChange.findMany({
    where: query.region ? { region: query.region } : {},
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return rows.map((row) => ({
    region: row.region as RegionId,
    action: row.action as RegionAction,
    mode: row.mode as RegionChange["mode"],
    reason: row.reason,
    at: row.at.getTime(),
    actor: row.actor,
  }));
}
