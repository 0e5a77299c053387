import type { RollupRecord } from "@/core/metrics/history";
import type { RegionId } from "@/core/routing/regions";
import type { PrismaClient } from "../db/generated/client";

export interface RollupQuery {
  region?: RegionId | "all" | undefined;
  from: number;
  to: number;
}

/** Rollups whose bucket starts in [from, to), oldest first. */
export async function listRegionRollups(prisma: PrismaClient, query: RollupQuery): Promise<RollupRecord[]> {
  const rows = await prisma.regionRollup.findMany({
    where: {
      ...(query.region ? { region: query.region } : {}),
      bucketStart: { gte: new Date(query.from), lt: new Date(query.to) },
    },
    orderBy: [{ bucketStart: "asc" }, { region: "asc" }],
  });
  return rows.map((row) => ({
    region: row.region as RegionId | "all",
    bucketStart: row.bucketStart.getTime(),
    seconds: row.seconds,
    events: row.events,
    errors: row.errors,
    qualityChanges: row.qualityChanges,
    bufferHealthSum: row.bufferHealthSum,
    viewers: row.viewers,
    utilizationPercent: row.utilizationPercent,
    p50Ms: row.p50Ms,
    p95Ms: row.p95Ms,
    p99Ms: row.p99Ms,
    // Rows written before coverage was recorded cover the bucket's first `seconds`.
    coveredFrom: (row.coveredFrom ?? row.bucketStart).getTime(),
    coveredTo: row.coveredTo?.getTime() ?? row.bucketStart.getTime() + row.seconds * 1000,
    lagMessages: row.lagMessages,
    lagSeconds: row.lagSeconds,
    quality: {
      "360p": row.quality360p,
      "480p": row.quality480p,
      "720p": row.quality720p,
      "1080p": row.quality1080p,
      "4K": row.quality4k,
    },
  }));
}
