import { roundTo } from "./aggregation";
import type { RegionId } from "../routing/regions";
import type { HistoryRollup } from "./snapshot";

/** A rollup as stored: sums over the bucket plus the gauges and quantiles of its last window. */
export interface RollupRecord {
  region: RegionId | "all";
  bucketStart: number;
  seconds: number;
  events: number;
  errors: number;
  qualityChanges: number;
  bufferHealthSum: number;
  viewers: number;
  utilizationPercent: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** The span (epoch ms) the measurements cover; `seconds` is its length. */
  coveredFrom: number;
  coveredTo: number;
  /** The worst consumer lag seen in the bucket: events, and the oldest one's age in seconds. */
  lagMessages: number;
  lagSeconds: number;
}

/** The bucket (epoch ms, aligned to `bucketMs`) that instant `at` falls in. */
export function bucketStartOf(at: number, bucketMs: number): number {
  return Math.floor(at / bucketMs) * bucketMs;
}

/** Turns stored sums into the rates the board shows: events/s over the covered seconds, error %, mean buffer. */
export function summarizeRollup(record: RollupRecord): HistoryRollup {
  const { events, seconds } = record;
  return {
    region: record.region,
    bucketStart: record.bucketStart,
    seconds: roundTo(seconds, 3),
    events,
    errors: record.errors,
    viewers: record.viewers,
    eventsPerSecond: seconds > 0 ? roundTo(events / seconds, 1) : 0,
    latencyMs: { p50: record.p50Ms, p95: record.p95Ms, p99: record.p99Ms },
    errorRatePercent: events > 0 ? roundTo((record.errors / events) * 100, 2) : 0,
    utilizationPercent: record.utilizationPercent,
    avgBufferHealth: events > 0 ? roundTo(record.bufferHealthSum / events, 2) : 0,
    qualityChanges: record.qualityChanges,
    lag: { messages: record.lagMessages, seconds: record.lagSeconds },
  };
}
