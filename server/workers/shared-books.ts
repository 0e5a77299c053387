import { FAILURE_SEVERITIES } from "@/core/failures";
import { createCounts } from "@/core/aggregation";
import { QUALITY_CHANGE_REASONS } from "@/core/quality-ladder";
import { REGION_IDS, type RegionId } from "@/core/regions";
import type { RedisLedger } from "../store/redis-ledger";
import { addFlatRegionCounters, type EngineCounters, type RegionCounters } from "./engine-counters";
import { ledgerSourceOf, retrySourceOf } from "./event-processor";
import type { MetricsHub } from "./metrics-hub";

const GLOBAL_SOURCE = "global";
const REASON_PREFIX = "reason.";
/** Shown among the rejections for bus offsets that held no valid event. */
export const SKIPPED_REASON = "not a valid event on the bus, or expired before it was read";

export interface SharedBooksOptions {
  ledger: RedisLedger;
  hub: MetricsHub;
  /** Events ever produced per partition of each region's topic (Kafka's high watermarks). */
  fetchHighWatermarks: () => Promise<Map<RegionId, Array<{ partition: number; high: number }>>>;
}

function emptyRegionCounters(): RegionCounters {
  return {
    routed: 0,
    processed: 0,
    duplicates: 0,
    inRetry: 0,
    deadLettered: 0,
    alternativePath: 0,
    failures: createCounts(FAILURE_SEVERITIES),
    decisions: createCounts(QUALITY_CHANGE_REASONS),
  };
}

/**
 * The books of every server process together. Events are counted where they are durable: produced
 * = Kafka's high watermarks, consumed = the ledger entries each batch settles with its offsets, and
 * what only a process knows (rejections at ingest, replays) is pushed to the ledger at each refresh.
 */
export class SharedBooks {
  /** Partitions per region as last seen, so the ledger is read before the watermarks. */
  private partitions: Map<RegionId, Array<{ partition: number }>> | null = null;
  private pushed = { rejected: 0, replayed: 0, reasons: new Map<string, number>() };

  constructor(private readonly options: SharedBooksOptions) {}

  /** Pushes this process's ingest counts, reads everyone's, and hands the hub the shared books. */
  async refresh(): Promise<void> {
    await this.pushLocalCounts();
    this.partitions ??= await this.options.fetchHighWatermarks();
    const watermarks = this.partitions;
    const sources: string[] = [GLOBAL_SOURCE];
    for (const region of REGION_IDS) {
      // Retry topics have as many partitions as the events topics (the bus creates both).
      for (const { partition } of watermarks.get(region) ?? []) sources.push(ledgerSourceOf(region, partition), retrySourceOf(region, partition));
    }
    // The ledger is read before the watermarks are read again: a position never passes its watermark.
    const entries = await this.options.ledger.read(sources);
    const highs = await this.options.fetchHighWatermarks();
    this.partitions = highs;
    const regions = {} as EngineCounters["regions"];
    const queued = new Map<RegionId, number>();
    let routed = 0;
    let skipped = 0;
    for (const region of REGION_IDS) {
      const counters = emptyRegionCounters();
      let waiting = 0;
      let regionSkipped = 0;
      for (const { partition, high } of highs.get(region) ?? []) {
        const entry = entries.get(ledgerSourceOf(region, partition));
        counters.routed += high;
        waiting += Math.max(0, high - (entry?.next ?? 0));
        if (entry) {
          addFlatRegionCounters(counters, entry.counters);
          regionSkipped += entry.counters.skipped ?? 0;
        }
      }
      for (const { partition } of highs.get(region) ?? []) {
        const retries = entries.get(retrySourceOf(region, partition));
        if (retries) addFlatRegionCounters(counters, retries.counters);
      }
      // Offsets that held no event are not routed events: they are shown among the rejections.
      counters.routed -= regionSkipped;
      skipped += regionSkipped;
      routed += counters.routed;
      regions[region] = counters;
      queued.set(region, waiting);
    }
    const global = entries.get(GLOBAL_SOURCE)?.counters ?? {};
    const rejectionReasons: Record<string, number> = {};
    for (const [name, value] of Object.entries(global)) {
      if (name.startsWith(REASON_PREFIX)) rejectionReasons[name.slice(REASON_PREFIX.length)] = value;
    }
    if (skipped > 0) rejectionReasons[SKIPPED_REASON] = skipped;
    const replayed = global.replayed ?? 0;
    this.options.hub.useSharedCounters(
      {
        version: 1,
        accepted: routed - replayed,
        rejected: (global.rejected ?? 0) + skipped,
        replayed,
        rejectionReasons,
        regions,
      },
      queued,
    );
  }

  private async pushLocalCounts(): Promise<void> {
    const local = this.options.hub.exportCounters();
    const delta: Record<string, number> = {
      rejected: local.rejected - this.pushed.rejected,
      replayed: local.replayed - this.pushed.replayed,
    };
    for (const [reason, count] of Object.entries(local.rejectionReasons)) {
      delta[`${REASON_PREFIX}${reason}`] = count - (this.pushed.reasons.get(reason) ?? 0);
    }
    await this.options.ledger.add(GLOBAL_SOURCE, delta);
    this.pushed = { rejected: local.rejected, replayed: local.replayed, reasons: new Map(Object.entries(local.rejectionReasons)) };
  }
}
