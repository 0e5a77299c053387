import type { RollupRecord } from "@/core/history";
import type { PrismaClient } from "../db/generated/client";

/**
 * Writes rollups in one transaction. A bucket already stored (split by a restart) is completed:
 * sums are added, gauges and quantiles take the newer values.
 */
export async function saveRegionRollups(prisma: PrismaClient, records: readonly RollupRecord[]): Promise<void> {
  if (records.length === 0) return;
  await prisma.$transaction(
    records.map((r) => {
      const gauges = { viewers: r.viewers, utilizationPercent: r.utilizationPercent, p50Ms: r.p50Ms, p95Ms: r.p95Ms, p99Ms: r.p99Ms };
      return prisma.regionRollup.upsert({
        where: { region_bucketStart: { region: r.region, bucketStart: new Date(r.bucketStart) } },
        create: {
          region: r.region,
          bucketStart: new Date(r.bucketStart),
          seconds: r.seconds,
          events: r.events,
          errors: r.errors,
          qualityChanges: r.qualityChanges,
          bufferHealthSum: r.bufferHealthSum,
          ...gauges,
        },
        update: {
          seconds: { increment: r.seconds },
          events: { increment: r.events },
          errors: { increment: r.errors },
          qualityChanges: { increment: r.qualityChanges },
          bufferHealthSum: { increment: r.bufferHealthSum },
          ...gauges,
        },
      });
    }),
  );
}
