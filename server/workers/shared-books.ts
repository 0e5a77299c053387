import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import type { CounterDelta, RedisLedger } from "../store/redis-ledger";
import { addFlatRegionCounters, createRegionCounters, type EngineCounters } from "./engine-counters";
import { CONSUMED_COUNTER, ledgerSourceOf, retrySourceOf, SKIPPED_COUNTER } from "./event-processor";
import type { MetricsHub } from "./metrics-hub";

const GLOBAL_SOURCE = "global";
const REASON_PREFIX = "reason.";
/** Shown among the rejections for bus offsets that held no valid event. */
export const SKIPPED_REASON = "not a valid event on the bus, or expired before it was read";

const PRODUCED_COUNTER = "events";

/** The ledger source counting the events produced to an events partition (Kafka's offsets count messages). */
function producedSourceOf(region: RegionId, partition: number): string {
  return `produced.${region}/${partition}`;
}

/** Counts events Kafka has acknowledged, per partition, in one round trip (the bus's `onProduced`). */
export function countProducedEvents(ledger: RedisLedger): (produced: ReadonlyMap<RegionId, readonly number[]>) => Promise<void> {
  return (produced) => {
    const deltas = new Map<string, CounterDelta>();
    for (const [region, eventsPerPartition] of produced) {
      eventsPerPartition.forEach((events, partition) => {
        if (events > 0) deltas.set(producedSourceOf(region, partition), { [PRODUCED_COUNTER]: events });
      });
    }
    return ledger.addAll(deltas);
  };
}

export interface SharedBooksOptions {
  ledger: RedisLedger;
  hub: MetricsHub;
  /** The partitions of each region's topic. */
  listPartitions: () => ReadonlyMap<RegionId, readonly number[]>;
}

/**
 * The books of every server process together, in the Redis ledger. Per partition, produced is what
 * producers counted once Kafka acknowledged it, and consumed is what batches settled with their
 * offsets; routed is the larger of the two, so a producer that died between Kafka's acknowledgement
 * and its count is made up for as its events are consumed. What only a process knows (rejections at
 * ingest, replays) is pushed to the ledger at each refresh.
 */
export class SharedBooks {
  private pushed = { rejected: 0, replayed: 0, reasons: new Map<string, number>() };

  constructor(private readonly options: SharedBooksOptions) {}

  /** Pushes this process's ingest counts, reads everyone's, and hands the hub the shared books. */
  async refresh(): Promise<void> {
    await this.pushLocalCounts();
    const partitionsByRegion = this.options.listPartitions();
    const sources: string[] = [GLOBAL_SOURCE];
    for (const region of REGION_IDS) {
      // Retry topics have as many partitions as the events topics (the bus creates both).
      for (const partition of partitionsByRegion.get(region) ?? []) {
        sources.push(ledgerSourceOf(region, partition), producedSourceOf(region, partition), retrySourceOf(region, partition));
      }
    }
    const entries = await this.options.ledger.read(sources);
    const regions = {} as EngineCounters["regions"];
    const waiting = new Map<RegionId, Map<number, number>>();
    let routed = 0;
    let skipped = 0;
    for (const region of REGION_IDS) {
      const counters = createRegionCounters();
      const behind = new Map<number, number>();
      for (const partition of partitionsByRegion.get(region) ?? []) {
        const consumed = entries.get(ledgerSourceOf(region, partition))?.counters ?? {};
        const produced = entries.get(producedSourceOf(region, partition))?.counters[PRODUCED_COUNTER] ?? 0;
        const read = consumed[CONSUMED_COUNTER] ?? 0;
        counters.routed += Math.max(produced, read);
        behind.set(partition, Math.max(0, produced - read));
        addFlatRegionCounters(counters, consumed);
        skipped += consumed[SKIPPED_COUNTER] ?? 0;
        const retries = entries.get(retrySourceOf(region, partition));
        if (retries) addFlatRegionCounters(counters, retries.counters);
      }
      routed += counters.routed;
      regions[region] = counters;
      waiting.set(region, behind);
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
      waiting,
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
