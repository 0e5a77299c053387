import { QUALITIES, type Quality } from "@/core/events/events";
import type { HistoryRollup } from "@/core/metrics/snapshot";

/**
 * One bucket of a region's history as its drill-down charts draw it, at the bucket's end. Measured
 * values are null where the region had no events (or nothing was measured: a gap), so a line breaks
 * there instead of drawing a false 0.
 */
export type RegionPoint = {
  t: number;
  eventsPerSecond: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errorRatePercent: number | null;
  viewers: number | null;
  lag: number | null;
  /** Each quality's share of the bucket's events, in percent. */
} & Record<Quality, number | null>;

function createGapPoint(t: number): RegionPoint {
  return {
    t,
    eventsPerSecond: null,
    p50: null,
    p95: null,
    p99: null,
    errorRatePercent: null,
    viewers: null,
    lag: null,
    "360p": null,
    "480p": null,
    "720p": null,
    "1080p": null,
    "4K": null,
  };
}

function convertRollup(rollup: HistoryRollup, stepMs: number): RegionPoint {
  const measured = rollup.events > 0;
  const point: RegionPoint = {
    ...createGapPoint(rollup.bucketStart + stepMs),
    eventsPerSecond: rollup.eventsPerSecond,
    p50: measured ? rollup.latencyMs.p50 : null,
    p95: measured ? rollup.latencyMs.p95 : null,
    p99: measured ? rollup.latencyMs.p99 : null,
    errorRatePercent: measured ? rollup.errorRatePercent : null,
    viewers: rollup.viewers,
    lag: rollup.lag.messages,
  };
  const counted = QUALITIES.reduce((sum, quality) => sum + rollup.quality[quality], 0);
  // Buckets stored before the mix was kept have events but no quality counts: no share, not 0%.
  for (const quality of QUALITIES) point[quality] = counted > 0 ? (rollup.quality[quality] / counted) * 100 : null;
  return point;
}

/**
 * A region's rollups (one region, `stepMs` apart, oldest first) as chart points; where buckets are
 * missing (the server was down) a gap point breaks every line.
 */
export function convertRegionRollups(rollups: readonly HistoryRollup[], stepMs: number): RegionPoint[] {
  const points: RegionPoint[] = [];
  let previousEnd: number | null = null;
  for (const rollup of rollups) {
    if (previousEnd !== null && rollup.bucketStart > previousEnd) points.push(createGapPoint(previousEnd + 1));
    points.push(convertRollup(rollup, stepMs));
    previousEnd = rollup.bucketStart + stepMs;
  }
  return points;
}
