import { addCounts, roundTo, type Counts } from "./aggregation";
import type { Quality } from "../events/events";
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
  /** Events by quality rung in the bucket: the quality mix a region's history shows. */
  quality: Counts<Quality>;
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
    quality: { ...record.quality },
  };
}

/** Steps a history answer may be coarsened to, in seconds: round numbers an axis reads well. */
const HISTORY_STEPS_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600] as const;

/** Points per series a history answer holds at most: about one per 3 px of a chart as wide as the wall. */
const MAX_HISTORY_POINTS = 500;

/**
 * The step a history answer over `spanMs` is given in: the stored bucket when that keeps each series
 * under MAX_HISTORY_POINTS (15 minutes of 10 s buckets: 90), else the smallest round multiple of it
 * that does (6 hours: 60 s, 360 points; 24 hours: 5 min, 288), never 8,640 points per region.
 */
export function chooseHistoryStepSeconds(spanMs: number, bucketSeconds: number): number {
  const fits = (step: number) => spanMs / (step * 1000) <= MAX_HISTORY_POINTS;
  if (fits(bucketSeconds)) return bucketSeconds;
  const round = HISTORY_STEPS_SECONDS.find((step) => step > bucketSeconds && step % bucketSeconds === 0 && fits(step));
  return round ?? bucketSeconds * Math.ceil(spanMs / 1000 / MAX_HISTORY_POINTS / bucketSeconds);
}

function mergeInto(target: RollupRecord, record: RollupRecord): void {
  target.seconds += record.seconds;
  target.events += record.events;
  target.errors += record.errors;
  target.qualityChanges += record.qualityChanges;
  target.bufferHealthSum += record.bufferHealthSum;
  addCounts(target.quality, record.quality);
  target.coveredFrom = Math.min(target.coveredFrom, record.coveredFrom);
  target.coveredTo = Math.max(target.coveredTo, record.coveredTo);
  target.p50Ms = Math.max(target.p50Ms, record.p50Ms);
  target.p95Ms = Math.max(target.p95Ms, record.p95Ms);
  target.p99Ms = Math.max(target.p99Ms, record.p99Ms);
  target.lagMessages = Math.max(target.lagMessages, record.lagMessages);
  target.lagSeconds = Math.max(target.lagSeconds, record.lagSeconds);
  // Gauges are as of a bucket's last window; records come oldest first, so the latest wins.
  target.viewers = record.viewers;
  target.utilizationPercent = record.utilizationPercent;
}

/**
 * Folds rollups into buckets of `stepMs` per region, the way two writers of one bucket are folded in
 * the database: sums add, quantiles and lag keep the worst, gauges the latest. Sorted by bucket, then region.
 */
export function downsampleRollups(records: readonly RollupRecord[], stepMs: number): RollupRecord[] {
  const sorted = [...records].sort((a, b) => a.bucketStart - b.bucketStart);
  const merged = new Map<string, RollupRecord>();
  for (const record of sorted) {
    const bucketStart = bucketStartOf(record.bucketStart, stepMs);
    const key = `${bucketStart} ${record.region}`;
    const target = merged.get(key);
    if (target) mergeInto(target, record);
    else merged.set(key, { ...record, bucketStart, quality: { ...record.quality } });
  }
  return [...merged.values()].sort((a, b) => a.bucketStart - b.bucketStart || a.region.localeCompare(b.region));
}
