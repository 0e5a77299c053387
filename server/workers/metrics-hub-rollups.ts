import {
  createMetricsWindow,
  mergeMetricsWindow,
  resetMetricsWindow,
  summarizeMetricsWindow,
  type MetricsWindow,
} from "@/core/metrics/aggregation";
import { bucketStartOf, type RollupRecord } from "@/core/metrics/history";
import { REGIONS, type RegionId } from "@/core/routing/regions";
import type { Lag } from "@/core/metrics/snapshot";

interface RollupAccumulator {
  window: MetricsWindow;
  seconds: number;
  viewers: number;
  utilizationPercent: number;
  lagMessages: number;
  lagSeconds: number;
  /** Start of the first window and end of the last one folded into the bucket; null while empty. */
  coveredFrom: number | null;
  coveredTo: number;
}

/** What one closed window adds to a region's (or "all"'s) bucket. */
export interface RollupWindow {
  window: MetricsWindow;
  /** When the window began, and its length. */
  start: number;
  seconds: number;
  viewers: number;
  utilizationPercent: number;
  lag: Lag;
}

function createAccumulator(): RollupAccumulator {
  return {
    window: createMetricsWindow(),
    seconds: 0,
    viewers: 0,
    utilizationPercent: 0,
    lagMessages: 0,
    lagSeconds: 0,
    coveredFrom: null,
    coveredTo: 0,
  };
}

/**
 * Folds closed windows into history buckets of `rollupMs`, per region and for "all". A window belongs
 * to the bucket it started in; a bucket is handed over at the first window that starts in a later one.
 */
export class RollupBuckets {
  private readonly accumulators = new Map<RegionId | "all", RollupAccumulator>();
  private bucket: number | null = null;

  constructor(
    private readonly rollupMs: number,
    private readonly onRollups: (records: RollupRecord[]) => void,
  ) {
    for (const region of REGIONS) this.accumulators.set(region.id, createAccumulator());
    this.accumulators.set("all", createAccumulator());
  }

  /** A window starting at `start` is closing: if it starts in a later bucket, the current one is handed over first. */
  enterWindow(start: number): void {
    const bucket = bucketStartOf(start, this.rollupMs);
    if (this.bucket !== null && bucket !== this.bucket) this.flush();
    this.bucket = bucket;
  }

  add(key: RegionId | "all", closed: RollupWindow): void {
    const acc = this.accumulators.get(key)!;
    acc.coveredFrom ??= closed.start;
    acc.coveredTo = closed.start + closed.seconds * 1000;
    // The bucket keeps its worst lag: a backlog that came and went within it must still show.
    acc.lagMessages = Math.max(acc.lagMessages, closed.lag.messages);
    acc.lagSeconds = Math.max(acc.lagSeconds, closed.lag.seconds);
    mergeMetricsWindow(acc.window, closed.window);
    acc.seconds += closed.seconds;
    acc.viewers = closed.viewers;
    acc.utilizationPercent = closed.utilizationPercent;
  }

  /** Hands over the bucket so far (every key with measured seconds) and starts it afresh; nothing before the first window. */
  flush(): void {
    if (this.bucket === null) return;
    const records: RollupRecord[] = [];
    for (const [region, acc] of this.accumulators) {
      if (acc.seconds > 0) {
        const summary = summarizeMetricsWindow(acc.window, acc.seconds);
        records.push({
          region,
          bucketStart: this.bucket,
          seconds: acc.seconds,
          events: acc.window.events,
          errors: acc.window.errors,
          qualityChanges: acc.window.qualityChanges,
          bufferHealthSum: acc.window.bufferHealthSum,
          viewers: acc.viewers,
          utilizationPercent: acc.utilizationPercent,
          p50Ms: summary.latencyMs.p50,
          p95Ms: summary.latencyMs.p95,
          p99Ms: summary.latencyMs.p99,
          coveredFrom: acc.coveredFrom ?? this.bucket,
          coveredTo: acc.coveredTo,
          lagMessages: acc.lagMessages,
          lagSeconds: acc.lagSeconds,
          quality: { ...acc.window.quality },
        });
      }
      resetMetricsWindow(acc.window);
      acc.seconds = 0;
      acc.lagMessages = 0;
      acc.lagSeconds = 0;
      acc.coveredFrom = null;
    }
    if (records.length > 0) this.onRollups(records);
  }
}
