import type { PrismaClient } from "../db/generated/client";
import type { RegionChange } from "../workers/region-manager";

/** Records one change of a region's routing state. */
export async function saveRegionChange(prisma: PrismaClient, change: RegionChange): Promise<void> {
  await prisma.regionChange.create({
    data: {
      region: change.region,
      action: change.action,
      mode: change.mode,
      reason: change.reason,
      at: new Date(change.at),
      actor: change.actor,
    },
  });
}
