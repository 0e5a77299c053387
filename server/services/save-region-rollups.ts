import type { RollupRecord } from "@/core/metrics/history";
import type { PrismaClient } from "../db/generated/client";

const COLUMNS = [
  "region",
  "bucket_start",
  "seconds",
  "events",
  "errors",
  "quality_changes",
  "buffer_health_sum",
  "viewers",
  "utilization_percent",
  "p50_ms",
  "p95_ms",
  "p99_ms",
  "covered_from",
  "covered_to",
  "lag_messages",
  "lag_seconds",
  "quality_360p",
  "quality_480p",
  "quality_720p",
  "quality_1080p",
  "quality_4k",
] as const;

// A bucket written more than once (by several server processes, or split by a restart) is completed:
// sums add up, the covered span widens (seconds follow it, so rates stay per wall-clock second),
// quantiles and lag keep the worst value seen, and gauges take the newer one.
const ON_CONFLICT = `
ON CONFLICT ("region", "bucket_start") DO UPDATE SET
  "events" = "region_rollups"."events" + EXCLUDED."events",
  "errors" = "region_rollups"."errors" + EXCLUDED."errors",
  "quality_changes" = "region_rollups"."quality_changes" + EXCLUDED."quality_changes",
  "buffer_health_sum" = "region_rollups"."buffer_health_sum" + EXCLUDED."buffer_health_sum",
  "covered_from" = LEAST("region_rollups"."covered_from", EXCLUDED."covered_from"),
  "covered_to" = GREATEST("region_rollups"."covered_to", EXCLUDED."covered_to"),
  "seconds" = COALESCE(
    EXTRACT(EPOCH FROM GREATEST("region_rollups"."covered_to", EXCLUDED."covered_to") - LEAST("region_rollups"."covered_from", EXCLUDED."covered_from"))::double precision,
    "region_rollups"."seconds" + EXCLUDED."seconds"
  ),
  "viewers" = EXCLUDED."viewers",
  "utilization_percent" = EXCLUDED."utilization_percent",
  "p50_ms" = GREATEST("region_rollups"."p50_ms", EXCLUDED."p50_ms"),
  "p95_ms" = GREATEST("region_rollups"."p95_ms", EXCLUDED."p95_ms"),
  "p99_ms" = GREATEST("region_rollups"."p99_ms", EXCLUDED."p99_ms"),
  "lag_messages" = GREATEST("region_rollups"."lag_messages", EXCLUDED."lag_messages"),
  "lag_seconds" = GREATEST("region_rollups"."lag_seconds", EXCLUDED."lag_seconds"),
  "quality_360p" = "region_rollups"."quality_360p" + EXCLUDED."quality_360p",
  "quality_480p" = "region_rollups"."quality_480p" + EXCLUDED."quality_480p",
  "quality_720p" = "region_rollups"."quality_720p" + EXCLUDED."quality_720p",
  "quality_1080p" = "region_rollups"."quality_1080p" + EXCLUDED."quality_1080p",
  "quality_4k" = "region_rollups"."quality_4k" + EXCLUDED."quality_4k"`;

/** Writes rollups in one statement; a bucket already stored is completed, never overwritten. */
export async function saveRegionRollups(prisma: PrismaClient, records: readonly RollupRecord[]): Promise<void> {
  if (records.length === 0) return;
  const params: unknown[] = [];
  const rows = records.map((r) => {
    const values = [
      r.region,
      new Date(r.bucketStart),
      r.seconds,
      r.events,
      r.errors,
      r.qualityChanges,
      r.bufferHealthSum,
      r.viewers,
      r.utilizationPercent,
      r.p50Ms,
      r.p95Ms,
      r.p99Ms,
      new Date(r.coveredFrom),
      new Date(r.coveredTo),
      r.lagMessages,
      r.lagSeconds,
      r.quality["360p"],
      r.quality["480p"],
      r.quality["720p"],
      r.quality["1080p"],
      r.quality["4K"],
    ];
    const placeholders = values.map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    return `(${placeholders.join(", ")})`;
  });
  const columns = COLUMNS.map((c) => `"${c}"`).join(", ");
  await prisma.$executeRawUnsafe(`INSERT INTO "region_rollups" (${columns}) VALUES ${rows.join(", ")}${ON_CONFLICT}`, ...params);
}
