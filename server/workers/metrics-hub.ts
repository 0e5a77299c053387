import {
  addCounts,
  createCounts,
  createMetricsWindow,
  mergeMetricsWindow,
  resetMetricsWindow,
  roundTo,
  summarizeMetricsWindow,
  type Counts,
  type MetricsWindow,
} from "@/core/metrics/aggregation";
import { EVENT_TYPES, NETWORK_TYPES, QUALITIES } from "@/core/events/events";
import { balanceConservation, balanceRegionFlow, type RegionFlow } from "@/core/metrics/books";
import type { RollupRecord } from "@/core/metrics/history";
import { BUFFER_ACTIONS } from "@/core/experience/quality-ladder";
import { getRegionConfig, latencyBetweenRegions, REGIONS, type RegionId } from "@/core/routing/regions";
import { computeUtilizationPercent } from "@/core/routing/routing";
import { classifyRegionStatus, type Lag, type RegionSnapshot, type Snapshot } from "@/core/metrics/snapshot";
import type { FailureSeverity } from "@/core/dlq/failures";
import type { RegionLag } from "../bus/event-bus";
import type { LiveStore } from "../store/live-store";
import { createRegionCounters, type EngineCounters, type RegionCounters } from "./engine-counters";
import { RollupBuckets } from "./metrics-hub-rollups";
import type { ProcessSample } from "./process-sampler";
import type { RegionManager, RegionMeasurement } from "./region-manager";
import { classifyHealthScore, computeHealthScore, listHealthDeductions } from "@/core/metrics/health-score";

export interface MetricsHubOptions {
  store: LiveStore;
  /** Memory and CPU of the process the workers run in, read at each tick. */
  sampleProcess: () => ProcessSample;
  /** The bus's lag on a region (published, not yet committed), read at each tick. */
  lag: (region: RegionId) => RegionLag;
  /** The history writer's state; absent in tests and the bench, which keep no history. */
  historyState?: () => Snapshot["system"]["history"];
  /** The replication links' lag (none without Kafka). */
  replication?: () => Snapshot["replication"];
  /** Alerts not resolved; their impact takes points off the health score. */
  alerts?: () => Snapshot["alerts"];
  /** Drills running at `now`. */
  drills?: (now: number) => Snapshot["drills"];
  /** Routing state shown per region; refreshed with utilisation at every tick. */
  regions: Pick<RegionManager, "refresh" | "takeFlows" | "describe">;
  /** Length of a history bucket. */
  rollupMs: number;
  /** How many closed windows the distributions are summed over. */
  distributionWindows: number;
  /** Receives the rollups of each finished bucket (and of the partial one at shutdown). */
  onRollups: (records: RollupRecord[]) => void;
  startedAt: number;
}

interface Distribution {
  quality: Counts<(typeof QUALITIES)[number]>;
  network: Counts<(typeof NETWORK_TYPES)[number]>;
  eventTypes: Counts<(typeof EVENT_TYPES)[number]>;
  bufferActions: Counts<(typeof BUFFER_ACTIONS)[number]>;
}

/** Everything the hub keeps about one region. */
interface RegionRecord {
  /** The window workers record into now. */
  current: MetricsWindow;
  /** The window the last tick closed; the next tick reuses it as the current one. */
  closed: MetricsWindow;
  /** Everything since the last health check. */
  sinceHealthCheck: MetricsWindow;
  /** Cumulative counters; decisions hold the closed windows' only (the open one adds its own when read). */
  counters: RegionCounters;
  /** Processing failures of every severity counted at the last tick, for the rate; null before the first. */
  failuresAtLastTick: number | null;
}

const MAX_REJECTION_REASONS = 100;
const NO_HISTORY_WRITER: Snapshot["system"]["history"] = { failing: false, error: null, buffered: 0, limit: 0, dropped: 0 };
const OTHER_REASONS = "other reasons";
const TOTAL_CAPACITY = REGIONS.reduce((sum, r) => sum + r.capacity, 0);

function createRegionRecord(): RegionRecord {
  return {
    current: createMetricsWindow(),
    closed: createMetricsWindow(),
    sinceHealthCheck: createMetricsWindow(),
    counters: createRegionCounters(),
    failuresAtLastTick: null,
  };
}

function createDistribution(): Distribution {
  return {
    quality: createCounts(QUALITIES),
    network: createCounts(NETWORK_TYPES),
    eventTypes: createCounts(EVENT_TYPES),
    bufferActions: createCounts(BUFFER_ACTIONS),
  };
}

function copyCounts<K extends string>(target: Counts<K>, source: Counts<K>): void {
  for (const key in source) target[key] = source[key];
}

function sumCounts<K extends string>(keys: readonly K[], ring: readonly Counts<K>[]): Counts<K> {
  const total = createCounts(keys);
  for (const counts of ring) for (const key of keys) total[key] += counts[key];
  return total;
}

/** Lag as the events each partition has not yet counted, aged by the bus; caught up means no age. */
function countLagInEvents(lag: RegionLag, behind: ReadonlyMap<number, number> | undefined): RegionLag {
  const ages = new Map(lag.partitions.map((p) => [p.partition, p.seconds]));
  let messages = 0;
  let seconds = 0;
  const partitions = [...(behind ?? [])]
    .sort(([a], [b]) => a - b)
    .map(([partition, events]) => {
      messages += events;
      const age = events > 0 ? (ages.get(partition) ?? 0) : 0;
      seconds = Math.max(seconds, age);
      return { partition, messages: events, seconds: age };
    });
  return { messages, seconds, partitions };
}

/**
 * Owns the live measurements: workers record into the current 1 s window of each region; `tick`
 * closes the windows into a Snapshot and folds them into history buckets.
 */
export class MetricsHub {
  private readonly byRegion = {} as Record<RegionId, RegionRecord>;
  private readonly overall = createMetricsWindow();
  private readonly rollups: RollupBuckets;
  private readonly distributionRing: Distribution[] = [];
  private ringIndex = 0;
  private readonly rejectionReasons = new Map<string, number>();
  private accepted = 0;
  private replayed = 0;
  private rejected = 0;
  private windowStart: number;
  private latest: Snapshot;
  /** The books of every process together (Kafka and Redis deployments); null: this process's own. */
  private shared: { counters: EngineCounters; behind: Map<RegionId, Map<number, number>> } | null = null;

  constructor(private readonly options: MetricsHubOptions) {
    for (const region of REGIONS) this.byRegion[region.id] = createRegionRecord();
    this.rollups = new RollupBuckets(options.rollupMs, options.onRollups);
    for (let i = 0; i < options.distributionWindows; i++) this.distributionRing.push(createDistribution());
    this.windowStart = options.startedAt;
    this.latest = this.buildSnapshot(options.startedAt, 0, new Map(), false);
  }

  /** The window a worker records into now; valid until the next tick. */
  windowFor(region: RegionId): MetricsWindow {
    return this.byRegion[region].current;
  }

  addProcessed(region: RegionId, count: number): void {
    this.byRegion[region].counters.processed += count;
  }

  addDuplicates(region: RegionId, count: number): void {
    this.byRegion[region].counters.duplicates += count;
  }

  addFailure(region: RegionId, severity: FailureSeverity): void {
    this.byRegion[region].counters.failures[severity]++;
  }

  addInRetry(region: RegionId, delta: number): void {
    this.byRegion[region].counters.inRetry += delta;
  }

  addDeadLettered(region: RegionId): void {
    this.byRegion[region].counters.deadLettered++;
  }

  addAlternativePath(region: RegionId): void {
    this.byRegion[region].counters.alternativePath++;
  }

  /** Events the ingestor published to a region's topic (after routing and spillover). */
  addRouted(region: RegionId, count: number): void {
    this.byRegion[region].counters.routed += count;
  }

  recordReplayed(count: number): void {
    this.replayed += count;
  }

  recordAccepted(count: number): void {
    this.accepted += count;
  }

  recordRejected(reason: string): void {
    this.rejected++;
    const key = this.rejectionReasons.has(reason) || this.rejectionReasons.size < MAX_REJECTION_REASONS ? reason : OTHER_REASONS;
    this.rejectionReasons.set(key, (this.rejectionReasons.get(key) ?? 0) + 1);
  }

  latestSnapshot(): Snapshot {
    return this.latest;
  }

  /** Closes the current windows at `now`, publishes their snapshot and rolls finished buckets to history. */
  tick(now: number): Snapshot {
    const seconds = Math.max(0, (now - this.windowStart) / 1000);
    this.rollups.enterWindow(this.windowStart);

    for (const record of Object.values(this.byRegion)) {
      const closed = record.current;
      record.current = record.closed;
      record.closed = closed;
      resetMetricsWindow(record.current);
    }

    const viewers = this.options.store.countViewers(now);
    this.options.regions.refresh(viewers, now);
    this.latest = this.buildSnapshot(now, seconds, viewers, true);
    this.windowStart = now;
    return this.latest;
  }

  /** Each region's events, p95 latency and error rate since the last call, for the health check. */
  takeHealthMeasurements(): Map<RegionId, RegionMeasurement> {
    const measurements = new Map<RegionId, RegionMeasurement>();
    for (const region of REGIONS) {
      const window = this.byRegion[region.id].sinceHealthCheck;
      const summary = summarizeMetricsWindow(window, 1);
      measurements.set(region.id, {
        events: summary.events,
        p95LatencyMs: summary.latencyMs.p95,
        errorRatePercent: summary.errorRatePercent,
      });
      resetMetricsWindow(window);
    }
    return measurements;
  }

  /** One region's cumulative counters in this process, including decisions of the window still open. */
  regionCounters(id: RegionId): RegionCounters {
    const { counters, current } = this.byRegion[id];
    const decisions = { ...counters.decisions };
    addCounts(decisions, current.qualityDecisions);
    return { ...counters, failures: { ...counters.failures }, decisions };
  }

  /**
   * Puts a region's processing counters back to `counters` (taken before a batch that is being
   * rolled back). Decisions and routed events are left alone: a batch only counts them once it succeeds.
   */
  restoreRegionCounters(id: RegionId, counters: RegionCounters): void {
    const record = this.byRegion[id];
    record.counters = {
      ...counters,
      routed: record.counters.routed,
      failures: { ...counters.failures },
      decisions: record.counters.decisions,
    };
  }

  /** The cumulative counters, for a checkpoint. */
  exportCounters(): EngineCounters {
    const perRegion = {} as EngineCounters["regions"];
    for (const region of REGIONS) perRegion[region.id] = this.regionCounters(region.id);
    return {
      version: 1,
      accepted: this.accepted,
      rejected: this.rejected,
      replayed: this.replayed,
      rejectionReasons: Object.fromEntries(this.rejectionReasons),
      regions: perRegion,
    };
  }

  /**
   * From now on snapshots show these books (all processes together) instead of this process's own,
   * and lag as the events each partition has not yet counted (the bus's own lag counts messages).
   */
  useSharedCounters(counters: EngineCounters, behind: Map<RegionId, Map<number, number>>): void {
    this.shared = { counters, behind };
  }

  /**
   * Continues the counters of a checkpoint. Retries that were waiting when it was taken did not
   * survive the restart: they stay counted as routed and show as a gap in the books, never hidden.
   */
  restoreCounters(counters: EngineCounters): void {
    this.accepted = counters.accepted;
    this.rejected = counters.rejected;
    this.replayed = counters.replayed;
    this.rejectionReasons.clear();
    for (const [reason, count] of Object.entries(counters.rejectionReasons)) this.rejectionReasons.set(reason, count);
    for (const region of REGIONS) {
      const saved = counters.regions[region.id];
      const record = this.byRegion[region.id];
      record.counters = { ...saved, inRetry: record.counters.inRetry, failures: { ...saved.failures }, decisions: { ...saved.decisions } };
    }
    // Until the first tick, readers see the restored totals rather than zeros.
    this.latest = this.buildSnapshot(this.windowStart, 0, new Map(), false);
  }

  /** Hands the partial bucket to history (at shutdown) so no measured second is lost. */
  flushRollups(): void {
    this.rollups.flush();
  }

  /** The snapshot of the windows just closed (`closed`), or of empty ones (at start and after a restore). */
  private buildSnapshot(now: number, seconds: number, viewers: Map<RegionId, number>, closed: boolean): Snapshot {
    resetMetricsWindow(this.overall);
    const regions: RegionSnapshot[] = [];
    const flows: RegionFlow[] = [];
    let totalViewers = 0;
    const totalLag: Lag = { messages: 0, seconds: 0 };
    const routed = this.options.regions.takeFlows();
    const perSecond = (count: number) => (seconds > 0 ? Math.round((count / seconds) * 10) / 10 : 0);
    for (const region of REGIONS) {
      const record = this.byRegion[region.id];
      const window = closed ? record.closed : createMetricsWindow();
      const summary = summarizeMetricsWindow(window, seconds);
      const regionViewers = viewers.get(region.id) ?? 0;
      const utilizationPercent = roundTo(computeUtilizationPercent(regionViewers, region.capacity), 2);
      const { status, reason } = classifyRegionStatus({
        events: summary.events,
        viewers: regionViewers,
        latencyP95Ms: summary.latencyMs.p95,
        errorRatePercent: summary.errorRatePercent,
        utilizationPercent,
      });
      addCounts(record.counters.decisions, window.qualityDecisions);
      const books = this.shared ? this.shared.counters.regions[region.id] : this.regionCounters(region.id);
      const lag = this.shared
        ? countLagInEvents(this.options.lag(region.id), this.shared.behind.get(region.id))
        : this.options.lag(region.id);
      const flow = balanceRegionFlow({
        routed: books.routed,
        processed: books.processed,
        queued: lag.messages,
        inRetry: books.inRetry,
        deadLettered: books.deadLettered,
        duplicates: books.duplicates,
      });
      flows.push(flow);
      const failuresTotal = books.failures.CATASTROPHIC + books.failures.PERSISTENT + books.failures.TRANSIENT;
      const newFailures = record.failuresAtLastTick === null ? 0 : Math.max(0, failuresTotal - record.failuresAtLastTick);
      record.failuresAtLastTick = failuresTotal;
      const view = this.options.regions.describe(region.id);
      const spilledIn = routed.spilledInto(region.id);
      if (closed) mergeMetricsWindow(record.sinceHealthCheck, window);
      regions.push({
        id: region.id,
        name: region.name,
        active: view.active,
        circuit: view.circuit,
        health: view.health,
        healthReason: view.healthReason,
        spilloverIn: perSecond(spilledIn.events),
        spilloverOut: perSecond(routed.spilledOutOf(region.id).events),
        spilledInErrorRatePercent: roundTo(spilledIn.errorRatePercent, 2),
        status,
        statusReason: reason,
        capacity: region.capacity,
        viewers: regionViewers,
        eventsPerSecond: summary.eventsPerSecond,
        latencyMs: summary.latencyMs,
        errorRatePercent: summary.errorRatePercent,
        utilizationPercent,
        avgBufferHealth: summary.avgBufferHealth,
        qualityChangesPerSecond: seconds > 0 ? Math.round((summary.qualityChanges / seconds) * 10) / 10 : 0,
        qualityDecisions: { ...books.decisions },
        processed: books.processed,
        failures: { ...books.failures },
        failuresPerSecond: perSecond(newFailures),
        alternativePath: books.alternativePath,
        flow,
        interRegionLatencyMs: this.nearestActiveLatency(region.id),
        lag,
      });
      totalViewers += regionViewers;
      totalLag.messages += lag.messages;
      totalLag.seconds = Math.max(totalLag.seconds, lag.seconds);
      mergeMetricsWindow(this.overall, window);
      this.rollups.add(region.id, { window, start: this.windowStart, seconds, viewers: regionViewers, utilizationPercent, lag });
    }
    this.rollups.add("all", {
      window: this.overall,
      start: this.windowStart,
      seconds,
      viewers: totalViewers,
      utilizationPercent: roundTo(computeUtilizationPercent(totalViewers, TOTAL_CAPACITY), 2),
      lag: totalLag,
    });

    const slot = this.distributionRing[this.ringIndex]!;
    this.ringIndex = (this.ringIndex + 1) % this.distributionRing.length;
    copyCounts(slot.quality, this.overall.quality);
    copyCounts(slot.network, this.overall.network);
    copyCounts(slot.eventTypes, this.overall.eventTypes);
    copyCounts(slot.bufferActions, this.overall.bufferActions);

    const overall = summarizeMetricsWindow(this.overall, seconds);
    const alerts = this.options.alerts?.() ?? [];
    const healthScore = computeHealthScore(
      alerts,
      regions.map((r) => r.health),
    );
    const accepted = this.shared ? this.shared.counters.accepted : this.accepted;
    const rejected = this.shared ? this.shared.counters.rejected : this.rejected;
    const replayed = this.shared ? this.shared.counters.replayed : this.replayed;
    const conservation = balanceConservation({ accepted, rejected, replayed }, flows);
    const rejectionReasons = this.shared ? new Map(Object.entries(this.shared.counters.rejectionReasons)) : this.rejectionReasons;
    return {
      system: {
        healthScore,
        healthBand: classifyHealthScore(healthScore),
        healthDeductions: listHealthDeductions(
          alerts.map((alert) => ({ impact: alert.impact, label: `${alert.ruleName} in ${getRegionConfig(alert.region).name}` })),
          regions.map((region) => ({ label: region.name, health: region.health })),
        ),
        process: this.options.sampleProcess(),
        history: this.options.historyState?.() ?? NO_HISTORY_WRITER,
      },
      at: Math.round(now),
      windowMs: Math.round(seconds * 1000),
      distributionWindowMs: Math.round(seconds * 1000) * this.distributionRing.length,
      regions,
      overall: {
        latencyMs: overall.latencyMs,
        errorRatePercent: overall.errorRatePercent,
        avgBufferHealth: overall.avgBufferHealth,
        qualityChangesPerSecond: seconds > 0 ? Math.round((overall.qualityChanges / seconds) * 10) / 10 : 0,
      },
      quality: sumCounts(
        QUALITIES,
        this.distributionRing.map((d) => d.quality),
      ),
      network: sumCounts(
        NETWORK_TYPES,
        this.distributionRing.map((d) => d.network),
      ),
      eventTypes: sumCounts(
        EVENT_TYPES,
        this.distributionRing.map((d) => d.eventTypes),
      ),
      bufferActions: sumCounts(
        BUFFER_ACTIONS,
        this.distributionRing.map((d) => d.bufferActions),
      ),
      totals: {
        viewers: totalViewers,
        eventsPerSecond: overall.eventsPerSecond,
        accepted,
        rejected,
        duplicates: conservation.duplicates,
        processed: conservation.processed,
      },
      conservation,
      alerts,
      drills: this.options.drills?.(now) ?? [],
      replication: this.options.replication?.() ?? [],
      rejections: [...rejectionReasons]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 10)
        .map(([reason, count]) => ({ reason, count })),
    };
  }

  /** Latency to the nearest other active region (configured matrix), 0 when no other region is active. */
  private nearestActiveLatency(id: RegionId): number {
    let nearest = Number.POSITIVE_INFINITY;
    for (const other of REGIONS) {
      if (other.id !== id && this.options.regions.describe(other.id).active)
        nearest = Math.min(nearest, latencyBetweenRegions(id, other.id));
    }
    return Number.isFinite(nearest) ? nearest : 0;
  }
}
