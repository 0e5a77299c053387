import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { roundTo } from "@/core/metrics/aggregation";
import type { ViewerEvent } from "@/core/events/events";
import type { RollupRecord } from "@/core/metrics/history";
import { QuantileSketch } from "@/core/metrics/quantile-sketch";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import { createIdleRegionSnapshot, type RegionSnapshot, type Snapshot } from "@/core/metrics/snapshot";
import type { BatchHandler, RegionLag } from "../bus/event-bus";
import { MemoryLiveStore } from "../store/memory-live-store";
import { engineCountersSchema } from "./engine-counters";
import { EventProcessor } from "./event-processor";
import { FaultInjector } from "./fault-injector";
import { MetricsHub } from "./metrics-hub";
import { RegionManager } from "./region-manager";

// The processor measures latency with nowMs() and stamps sightings with Date.now(); both are set per batch.
const clock = vi.hoisted(() => ({ now: 0 }));
vi.mock("../clock", () => ({ nowMs: () => clock.now }));

/** Bucket-aligned for 10 s buckets, so bucket boundaries fall on whole tens of seconds after it. */
const T0 = 1_764_000_000_000;
const ROLLUP_MS = 10_000;
const HEARTBEAT_WINDOW_MS = 10_000;

let seq = 0;
function makeEvent(overrides: Partial<ViewerEvent> = {}): ViewerEvent {
  seq++;
  return {
    eventId: `e-${seq}`,
    userId: `user-${seq}`,
    deviceId: `dev-${seq}`,
    sessionId: `session-${seq}`,
    eventType: "play",
    timestamp: T0,
    quality: "720p",
    location: "Mumbai",
    contentId: "ipl-final-2026",
    bitrate: 4000,
    bufferHealth: 6,
    networkType: "4G",
    priority: 5,
    ...overrides,
  };
}

interface Harness {
  hub: MetricsHub;
  store: MemoryLiveStore;
  rollups: RollupRecord[][];
  /** Processes one batch at `at` whose events waited `latencyMs` since ingest. */
  process(region: RegionId, events: ViewerEvent[], at: number, latencyMs: number): void;
}

const stores: MemoryLiveStore[] = [];

function createHarness(options: { distributionWindows?: number } = {}): Harness {
  const store = new MemoryLiveStore(HEARTBEAT_WINDOW_MS, 60_000, 0);
  stores.push(store);
  const rollups: RollupRecord[][] = [];
  const regions = new RegionManager({ strategy: "proximity", failbackHoldMs: 60_000, onChange: () => {} });
  const hub = new MetricsHub({
    store,
    regions,
    lag: (region) => lagOf.get(region) ?? NO_LAG,
    sampleProcess: () => ({ rssMb: 300, heapUsedMb: 120, cpuPercent: 42.5, memoryPercent: 1.2 }),
    rollupMs: ROLLUP_MS,
    distributionWindows: options.distributionWindows ?? 3,
    onRollups: (records) => void rollups.push(records),
    startedAt: T0,
  });
  const processor = new EventProcessor({
    hub,
    store,
    commands: { isListening: () => false, deliver: () => {} },
    outcomes: regions,
    faults: new FaultInjector(),
    maxRetries: 3,
    maxInRetry: 1000,
    deadLetter: () => {},
    onReplayProcessed: () => {},
  });
  const handler: BatchHandler = processor.handler;
  return {
    hub,
    store,
    rollups,
    process(region, events, at, latencyMs) {
      clock.now = at;
      vi.setSystemTime(at);
      // As the ingestor would: every event is routed before it is processed.
      hub.addRouted(region, events.length);
      const result = handler({ region, partition: 0, baseOffset: 0, ingestedAt: at - latencyMs, events });
      // The processor is synchronous, so the bus commits without waiting.
      expect(result).toBeUndefined();
    },
  };
}

/** Each region's configured latency to its nearest other region (all active), from core/routing/regions. */
const NEAREST_LATENCY_MS: Record<RegionId, number> = { mumbai: 15, delhi: 70, bangalore: 35, hyderabad: 35, pune: 15, kolkata: 70 };
const NO_LAG = { messages: 0, seconds: 0, partitions: [{ partition: 0, messages: 0, seconds: 0 }] };
/** The bus lag each region reports at the next tick; regions not in it are caught up. */
const lagOf = new Map<RegionId, RegionLag>();

beforeEach(() => {
  lagOf.clear();
  seq = 0;
  clock.now = T0;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
});

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

function idleRegion(id: RegionId, name: string, capacity: number, processed = 0): RegionSnapshot {
  const idle = createIdleRegionSnapshot({ id, name, capacity }, { status: null, health: "no check yet" });
  return { ...idle, processed, flow: { ...idle.flow, routed: processed, processed }, interRegionLatencyMs: NEAREST_LATENCY_MS[id], lag: NO_LAG };
}

const ZERO_QUALITY = { "360p": 0, "480p": 0, "720p": 0, "1080p": 0, "4K": 0 };
const ZERO_NETWORK = { "4G": 0, "5G": 0, WiFi: 0, broadband: 0 };
const ZERO_EVENT_TYPES = { play: 0, pause: 0, quality_change: 0, buffer: 0, error: 0 };
const ZERO_BUFFER_ACTIONS = { emergency_buffer: 0, preventive_buffer: 0, maintain_current: 0, optimize_bandwidth: 0 };

/** The p50/p95/p99 a sketch of these latencies (ms, count) reports, rounded as snapshots are. */
function expectedLatency(values: Array<[number, number]>): { p50: number; p95: number; p99: number } {
  const sketch = new QuantileSketch();
  for (const [value, count] of values) sketch.add(value, count);
  return { p50: roundTo(sketch.quantile(0.5), 2), p95: roundTo(sketch.quantile(0.95), 2), p99: roundTo(sketch.quantile(0.99), 2) };
}

/**
 * One second of traffic with known outcomes:
 * mumbai: 4 events of sessions a, b, a, c; 1 error; 2 quality changes (1080p at 5000 kbps is below its
 *   rung; buffer 1.5 s forces a step down); buffers 6 + 5 + 1.5 + 12.5 = 25; 40 ms latency.
 * delhi: 2 events, 250 ms latency (p95 over 200 ms: warning).
 * bangalore: 1 event, 360p with a 0.5 s buffer (already the lowest rung, so no change), 10 ms latency.
 */
function recordKnownSecond(h: Harness, at: number): void {
  h.process(
    "mumbai",
    [
      makeEvent({ sessionId: "a", quality: "720p", networkType: "4G", bitrate: 4000, bufferHealth: 6 }),
      makeEvent({ sessionId: "b", eventType: "error", errorCode: "E_TIMEOUT", errorMessage: "timeout", quality: "1080p", networkType: "WiFi", bitrate: 5000, bufferHealth: 5 }),
      makeEvent({ sessionId: "a", eventType: "buffer", quality: "480p", networkType: "5G", bitrate: 2000, bufferHealth: 1.5 }),
      makeEvent({ sessionId: "c", quality: "720p", networkType: "broadband", bitrate: 4000, bufferHealth: 12.5 }),
    ],
    at,
    40,
  );
  h.process(
    "delhi",
    [makeEvent({ sessionId: "x", location: "Delhi" }), makeEvent({ sessionId: "y", location: "Noida" })],
    at,
    250,
  );
  h.process("bangalore", [makeEvent({ sessionId: "k", quality: "360p", networkType: "5G", bitrate: 500, bufferHealth: 0.5 })], at, 10);
}

describe("MetricsHub snapshots", () => {
  it("starts with an all-idle snapshot at startedAt", () => {
    const h = createHarness();
    const snapshot = h.hub.latestSnapshot();

    expect(snapshot.at).toBe(T0);
    expect(snapshot.windowMs).toBe(0);
    expect(snapshot.regions.map((r) => [r.id, r.status, r.viewers, r.processed])).toEqual([
      ["mumbai", "idle", 0, 0],
      ["delhi", "idle", 0, 0],
      ["bangalore", "idle", 0, 0],
      ["hyderabad", "idle", 0, 0],
      ["pune", "idle", 0, 0],
      ["kolkata", "idle", 0, 0],
    ]);
    expect(snapshot.totals).toEqual({ viewers: 0, eventsPerSecond: 0, accepted: 0, rejected: 0, duplicates: 0, processed: 0 });
  });

  describe("closing a window of known traffic", () => {
    /** The snapshot of recordKnownSecond's second, with 7 accepted and 3 rejected events (two reasons). */
    function closeKnownSecond(): { h: Harness; snapshot: Snapshot } {
      const h = createHarness({ distributionWindows: 3 });
      recordKnownSecond(h, T0 + 500);
      h.hub.recordAccepted(7);
      h.hub.recordRejected("bitrate: must not be negative");
      h.hub.recordRejected("quality: must be one of 360p, 480p, 720p, 1080p, 4K");
      h.hub.recordRejected("bitrate: must not be negative");
      return { h, snapshot: h.hub.tick(T0 + 1000) };
    }

    it("publishes the closed window as the latest snapshot", () => {
      const { h, snapshot } = closeKnownSecond();
      expect(h.hub.latestSnapshot()).toBe(snapshot);
    });

    it("publishes exactly the snapshot's fields, and each region's and the overall figures'", () => {
      const { snapshot } = closeKnownSecond();
      const fields = [
        "system", "at", "windowMs", "distributionWindowMs", "regions", "overall", "quality", "network", "eventTypes", "bufferActions", "totals",
        "conservation", "alerts", "replication", "rejections",
      ].sort();
      const regionFields = [
        "id", "name", "active", "circuit", "health", "healthReason", "spilloverIn", "spilloverOut", "status", "statusReason", "capacity", "viewers",
        "eventsPerSecond", "latencyMs", "errorRatePercent", "utilizationPercent", "avgBufferHealth", "qualityChangesPerSecond", "qualityDecisions",
        "processed", "failures", "alternativePath", "flow", "interRegionLatencyMs", "lag",
      ].sort();
      const overallFields = ["latencyMs", "errorRatePercent", "avgBufferHealth", "qualityChangesPerSecond"].sort();
      const keysOf = (value: object) => Object.keys(value).sort();
      expect([keysOf(snapshot), keysOf(snapshot.overall), ...snapshot.regions.map(keysOf)]).toEqual([fields, overallFields, ...REGION_IDS.map(() => regionFields)]);
    });

    it("stamps the snapshot with the tick's time, the window's length and the distributions' span", () => {
      const { snapshot } = closeKnownSecond();
      expect([snapshot.at, snapshot.windowMs, snapshot.distributionWindowMs]).toEqual([T0 + 1000, 1000, 3000]);
    });

    it("counts each region's viewers, events per second and processed events, every region in registry order", () => {
      const { snapshot } = closeKnownSecond();
      expect(snapshot.regions.map((r) => [r.id, r.viewers, r.eventsPerSecond, r.processed])).toEqual([
        ["mumbai", 3, 4, 4],
        ["delhi", 2, 2, 2],
        ["bangalore", 1, 1, 1],
        ["hyderabad", 0, 0, 0],
        ["pune", 0, 0, 0],
        ["kolkata", 0, 0, 0],
      ]);
    });

    it("totals viewers, events per second, accepted, rejected, duplicates and processed over the regions", () => {
      const { snapshot } = closeKnownSecond();
      expect(snapshot.totals).toEqual({ viewers: 6, eventsPerSecond: 7, accepted: 7, rejected: 3, duplicates: 0, processed: 7 });
    });

    it("measures each region's latency quantiles from its own events, zero where none", () => {
      const { snapshot } = closeKnownSecond();
      expect(snapshot.regions.map((r) => [r.id, r.latencyMs])).toEqual([
        ["mumbai", { p50: 40, p95: 40, p99: 40 }],
        ["delhi", { p50: 250, p95: 250, p99: 250 }],
        ["bangalore", { p50: 10, p95: 10, p99: 10 }],
        ["hyderabad", { p50: 0, p95: 0, p99: 0 }],
        ["pune", { p50: 0, p95: 0, p99: 0 }],
        ["kolkata", { p50: 0, p95: 0, p99: 0 }],
      ]);
    });

    it("measures the overall latency quantiles over every region's events together", () => {
      const { snapshot } = closeKnownSecond();
      expect(snapshot.overall.latencyMs).toEqual(
        expectedLatency([
          [40, 4],
          [250, 2],
          [10, 1],
        ]),
      );
    });

    it("rates each region's errors, buffer health and quality changes, and counts its quality decisions by reason", () => {
      const { snapshot } = closeKnownSecond();
      const noDecisions = { buffer_health: 0, bandwidth_insufficient: 0, bandwidth_headroom: 0 };
      expect(snapshot.regions.map((r) => [r.id, r.errorRatePercent, r.avgBufferHealth, r.qualityChangesPerSecond, r.qualityDecisions])).toEqual([
        ["mumbai", 25, 6.25, 2, { buffer_health: 1, bandwidth_insufficient: 1, bandwidth_headroom: 0 }],
        ["delhi", 0, 6, 0, noDecisions],
        ["bangalore", 0, 0.5, 0, noDecisions],
        ["hyderabad", 0, 0, 0, noDecisions],
        ["pune", 0, 0, 0, noDecisions],
        ["kolkata", 0, 0, 0, noDecisions],
      ]);
    });

    it("rates errors, buffer health and quality changes overall", () => {
      const { snapshot } = closeKnownSecond();
      // 1 error of 7 events; buffers (25 + 12 + 0.5) / 7.
      expect([snapshot.overall.errorRatePercent, snapshot.overall.avgBufferHealth, snapshot.overall.qualityChangesPerSecond]).toEqual([14.29, 5.36, 2]);
    });

    it("sums the quality, network, event type and buffer action distributions over every region", () => {
      const { snapshot } = closeKnownSecond();
      expect([snapshot.quality, snapshot.network, snapshot.eventTypes, snapshot.bufferActions]).toEqual([
        { "360p": 1, "480p": 1, "720p": 4, "1080p": 1, "4K": 0 },
        { "4G": 3, "5G": 2, WiFi: 1, broadband: 1 },
        { play: 5, pause: 0, quality_change: 0, buffer: 1, error: 1 },
        { emergency_buffer: 1, preventive_buffer: 1, maintain_current: 4, optimize_bandwidth: 1 },
      ]);
    });

    it("counts no failures and no alternative path when every event is processed", () => {
      const { snapshot } = closeKnownSecond();
      expect(snapshot.regions.map((r) => [r.id, r.failures, r.alternativePath])).toEqual(
        REGION_IDS.map((id) => [id, { CATASTROPHIC: 0, PERSISTENT: 0, TRANSIENT: 0 }, 0]),
      );
    });

    it("balances each region's flow: every routed event processed", () => {
      const { snapshot } = closeKnownSecond();
      const flowOf = (routed: number) => ({ routed, processed: routed, queued: 0, inRetry: 0, deadLettered: 0, duplicates: 0, balanced: true });
      expect(snapshot.regions.map((r) => [r.id, r.flow])).toEqual([
        ["mumbai", flowOf(4)],
        ["delhi", flowOf(2)],
        ["bangalore", flowOf(1)],
        ["hyderabad", flowOf(0)],
        ["pune", flowOf(0)],
        ["kolkata", flowOf(0)],
      ]);
    });

    it("balances the books overall: ingested = accepted + rejected, all accepted events processed", () => {
      const { snapshot } = closeKnownSecond();
      expect(snapshot.conservation).toEqual({
        ingested: 10,
        replayed: 0,
        rejected: 3,
        processed: 7,
        queued: 0,
        inRetry: 0,
        deadLettered: 0,
        duplicates: 0,
        balanced: true,
      });
    });

    it("shows each region's bus lag as the bus reports it, caught up here", () => {
      const { snapshot } = closeKnownSecond();
      expect(snapshot.regions.map((r) => [r.id, r.lag])).toEqual(REGION_IDS.map((id) => [id, NO_LAG]));
    });

    it("grades each region's status from its window: critical on errors, warning on latency, ok, idle without viewers", () => {
      const { snapshot } = closeKnownSecond();
      expect(snapshot.regions.map((r) => [r.id, r.status, r.statusReason])).toEqual([
        ["mumbai", "critical", "error rate 25% > 5%"],
        ["delhi", "warning", "p95 latency 250 ms > 200 ms"],
        ["bangalore", "ok", null],
        ["hyderabad", "idle", null],
        ["pune", "idle", null],
        ["kolkata", "idle", null],
      ]);
    });

    it("shows each region's name, capacity, routing state, utilisation and latency to its nearest active region", () => {
      const { snapshot } = closeKnownSecond();
      const routing = (name: string, capacity: number, id: RegionId) => [id, name, capacity, true, "closed", "healthy", "no check yet", 0, 0, 0, NEAREST_LATENCY_MS[id]];
      expect(
        snapshot.regions.map((r) => [
          r.id,
          r.name,
          r.capacity,
          r.active,
          r.circuit,
          r.health,
          r.healthReason,
          r.spilloverIn,
          r.spilloverOut,
          r.utilizationPercent,
          r.interRegionLatencyMs,
        ]),
      ).toEqual([
        routing("Mumbai", 8_000_000, "mumbai"),
        routing("Delhi", 6_000_000, "delhi"),
        routing("Bangalore", 5_000_000, "bangalore"),
        routing("Hyderabad", 3_000_000, "hyderabad"),
        routing("Pune", 2_500_000, "pune"),
        routing("Kolkata", 2_000_000, "kolkata"),
      ]);
    });

    it("scores system health from alerts and region health, with the process sample and no history writer", () => {
      const { snapshot } = closeKnownSecond();
      expect(snapshot.system).toEqual({
        healthScore: 100,
        healthBand: "excellent",
        healthDeductions: [],
        process: { rssMb: 300, heapUsedMb: 120, cpuPercent: 42.5, memoryPercent: 1.2 },
        history: { failing: false, error: null, buffered: 0, limit: 0, dropped: 0 },
      });
    });

    it("lists rejection reasons most frequent first", () => {
      const { snapshot } = closeKnownSecond();
      expect(snapshot.rejections).toEqual([
        { reason: "bitrate: must not be negative", count: 2 },
        { reason: "quality: must be one of 360p, 480p, 720p, 1080p, 4K", count: 1 },
      ]);
    });

    it("shows no alerts and no replication links without an alert engine or Kafka", () => {
      const { snapshot } = closeKnownSecond();
      expect([snapshot.alerts, snapshot.replication]).toEqual([[], []]);
    });
  });

  it("measures rates over the actual window length", () => {
    const h = createHarness();
    h.process("pune", [makeEvent(), makeEvent(), makeEvent()], T0 + 100, 5);
    const snapshot = h.hub.tick(T0 + 2000);

    expect(snapshot.windowMs).toBe(2000);
    expect(snapshot.distributionWindowMs).toBe(6000);
    expect(snapshot.regions.find((r) => r.id === "pune")!.eventsPerSecond).toBe(1.5);
    expect(snapshot.totals.eventsPerSecond).toBe(1.5);
  });

  it("starts each window empty: a region with live viewers but no new events is ok at 0 events/s, and processed keeps counting", () => {
    const h = createHarness();
    recordKnownSecond(h, T0 + 500);
    h.hub.tick(T0 + 1000);
    h.process("mumbai", [makeEvent({ sessionId: "a" })], T0 + 1500, 40);
    const snapshot = h.hub.tick(T0 + 2000);

    expect(snapshot.regions.find((r) => r.id === "mumbai")).toEqual({
      id: "mumbai",
      name: "Mumbai",
      active: true,
      circuit: "closed",
      health: "healthy",
      healthReason: "no check yet",
      spilloverIn: 0,
      spilloverOut: 0,
      status: "ok",
      statusReason: null,
      capacity: 8_000_000,
      viewers: 3,
      eventsPerSecond: 1,
      latencyMs: { p50: 40, p95: 40, p99: 40 },
      errorRatePercent: 0,
      utilizationPercent: 0,
      avgBufferHealth: 6,
      qualityChangesPerSecond: 0,
      qualityDecisions: { buffer_health: 1, bandwidth_insufficient: 1, bandwidth_headroom: 0 },
      processed: 5,
      failures: { CATASTROPHIC: 0, PERSISTENT: 0, TRANSIENT: 0 },
      alternativePath: 0,
      flow: { routed: 5, processed: 5, queued: 0, inRetry: 0, deadLettered: 0, duplicates: 0, balanced: true },
      interRegionLatencyMs: 15,
      lag: NO_LAG,
    });
    expect(snapshot.regions.find((r) => r.id === "delhi")).toEqual({
      id: "delhi",
      name: "Delhi",
      active: true,
      circuit: "closed",
      health: "healthy",
      healthReason: "no check yet",
      spilloverIn: 0,
      spilloverOut: 0,
      status: "ok",
      statusReason: null,
      capacity: 6_000_000,
      viewers: 2,
      eventsPerSecond: 0,
      latencyMs: { p50: 0, p95: 0, p99: 0 },
      errorRatePercent: 0,
      utilizationPercent: 0,
      avgBufferHealth: 0,
      qualityChangesPerSecond: 0,
      qualityDecisions: { buffer_health: 0, bandwidth_insufficient: 0, bandwidth_headroom: 0 },
      processed: 2,
      failures: { CATASTROPHIC: 0, PERSISTENT: 0, TRANSIENT: 0 },
      alternativePath: 0,
      flow: { routed: 2, processed: 2, queued: 0, inRetry: 0, deadLettered: 0, duplicates: 0, balanced: true },
      interRegionLatencyMs: 70,
      lag: NO_LAG,
    });
    expect(snapshot.regions.find((r) => r.id === "kolkata")).toEqual(idleRegion("kolkata", "Kolkata", 2_000_000));
    expect(snapshot.totals).toEqual({ viewers: 6, eventsPerSecond: 1, accepted: 0, rejected: 0, duplicates: 0, processed: 8 });
  });

  it("counts viewers from the live store at tick time, so sessions drop out after the heartbeat window", () => {
    const h = createHarness();
    recordKnownSecond(h, T0 + 500);
    expect(h.hub.tick(T0 + 1000).totals.viewers).toBe(6);
    expect(h.hub.tick(T0 + 500 + HEARTBEAT_WINDOW_MS - 1).totals.viewers).toBe(6);
    const snapshot = h.hub.tick(T0 + 500 + HEARTBEAT_WINDOW_MS);
    expect(snapshot.totals.viewers).toBe(0);
    expect(snapshot.regions.map((r) => r.status)).toEqual(["idle", "idle", "idle", "idle", "idle", "idle"]);
  });

  it("sums the distributions over the last distributionWindows windows only", () => {
    const h = createHarness({ distributionWindows: 3 });
    const step = (second: number, overrides: Partial<ViewerEvent>) => {
      h.process("kolkata", [makeEvent(overrides)], T0 + second * 1000 - 500, 1);
      return h.hub.tick(T0 + second * 1000);
    };

    const s1 = step(1, { quality: "720p", networkType: "4G", eventType: "play", bufferHealth: 6 });
    expect([s1.quality, s1.network, s1.eventTypes, s1.bufferActions]).toEqual([
      { ...ZERO_QUALITY, "720p": 1 },
      { ...ZERO_NETWORK, "4G": 1 },
      { ...ZERO_EVENT_TYPES, play: 1 },
      { ...ZERO_BUFFER_ACTIONS, maintain_current: 1 },
    ]);
    step(2, { quality: "1080p", networkType: "5G", eventType: "pause", bitrate: 9000, bufferHealth: 6 });
    const s3 = step(3, { quality: "4K", networkType: "WiFi", eventType: "buffer", bitrate: 30_000, bufferHealth: 2.5 });
    expect([s3.quality, s3.network, s3.eventTypes, s3.bufferActions]).toEqual([
      { ...ZERO_QUALITY, "720p": 1, "1080p": 1, "4K": 1 },
      { ...ZERO_NETWORK, "4G": 1, "5G": 1, WiFi: 1 },
      { ...ZERO_EVENT_TYPES, play: 1, pause: 1, buffer: 1 },
      { ...ZERO_BUFFER_ACTIONS, maintain_current: 2, preventive_buffer: 1 },
    ]);
    const s4 = step(4, { quality: "360p", networkType: "broadband", eventType: "error", bufferHealth: 0.2 });
    expect([s4.quality, s4.network, s4.eventTypes, s4.bufferActions]).toEqual([
      { ...ZERO_QUALITY, "1080p": 1, "4K": 1, "360p": 1 },
      { ...ZERO_NETWORK, "5G": 1, WiFi: 1, broadband: 1 },
      { ...ZERO_EVENT_TYPES, pause: 1, buffer: 1, error: 1 },
      { ...ZERO_BUFFER_ACTIONS, maintain_current: 1, preventive_buffer: 1, emergency_buffer: 1 },
    ]);
    const s5 = h.hub.tick(T0 + 5000);
    expect([s5.quality, s5.eventTypes]).toEqual([
      { ...ZERO_QUALITY, "4K": 1, "360p": 1 },
      { ...ZERO_EVENT_TYPES, buffer: 1, error: 1 },
    ]);
    // Rates, unlike distributions, cover only the last window.
    expect(s5.totals.eventsPerSecond).toBe(0);
  });
});

describe("MetricsHub rejections", () => {
  it("lists rejection reasons most frequent first, ties by reason, at most 10, folding reasons beyond 100 distinct into 'other reasons'", () => {
    const h = createHarness();
    for (let i = 0; i < 100; i++) h.hub.recordRejected(`reason-${i}`);
    for (let i = 0; i < 5; i++) h.hub.recordRejected("reason-5");
    h.hub.recordRejected("late-1");
    h.hub.recordRejected("late-2");
    h.hub.recordRejected("late-3");
    // A reason already known keeps its own count after the cap.
    h.hub.recordRejected("reason-7");

    const snapshot = h.hub.tick(T0 + 1000);

    expect(snapshot.totals.rejected).toBe(109);
    expect(snapshot.rejections).toEqual([
      { reason: "reason-5", count: 6 },
      { reason: "other reasons", count: 3 },
      { reason: "reason-7", count: 2 },
      // Ties in reason order ("reason-10" sorts before "reason-2"), whatever order they arrived in.
      { reason: "reason-0", count: 1 },
      { reason: "reason-1", count: 1 },
      { reason: "reason-10", count: 1 },
      { reason: "reason-11", count: 1 },
      { reason: "reason-12", count: 1 },
      { reason: "reason-13", count: 1 },
      { reason: "reason-14", count: 1 },
    ]);
  });

  it("orders equally frequent reasons by reason, not by arrival", () => {
    const h = createHarness();
    for (const reason of ["quality: bad", "bitrate: bad", "event_id: bad", "bitrate: bad"]) h.hub.recordRejected(reason);

    expect(h.hub.tick(T0 + 1000).rejections).toEqual([
      { reason: "bitrate: bad", count: 2 },
      { reason: "event_id: bad", count: 1 },
      { reason: "quality: bad", count: 1 },
    ]);
  });

  it("keeps counting rejections across ticks", () => {
    const h = createHarness();
    h.hub.recordRejected("event_id: is required");
    h.hub.tick(T0 + 1000);
    h.hub.recordRejected("event_id: is required");
    h.hub.recordAccepted(4);
    h.hub.recordAccepted(1);

    const snapshot = h.hub.tick(T0 + 2000);
    expect(snapshot.rejections).toEqual([{ reason: "event_id: is required", count: 2 }]);
    expect(snapshot.totals.accepted).toBe(5);
    expect(snapshot.totals.rejected).toBe(2);
  });
});

describe("MetricsHub rollups", () => {
  function rollupRecord(region: RollupRecord["region"], bucketStart: number, fields: Partial<RollupRecord>): RollupRecord {
    // Every test here measures from the bucket's start without a gap, so coverage is [start, start + seconds).
    const seconds = fields.seconds ?? 10;
    return {
      region,
      bucketStart,
      seconds,
      coveredFrom: bucketStart,
      coveredTo: bucketStart + seconds * 1000,
      lagMessages: 0,
      lagSeconds: 0,
      events: 0,
      errors: 0,
      qualityChanges: 0,
      bufferHealthSum: 0,
      viewers: 0,
      utilizationPercent: 0,
      p50Ms: 0,
      p95Ms: 0,
      p99Ms: 0,
      ...fields,
    };
  }

  it("emits a bucket's rollups (every region plus 'all') at the first tick whose window starts in a later bucket", () => {
    const h = createHarness();
    h.process(
      "mumbai",
      [
        makeEvent({ sessionId: "a", bufferHealth: 6 }),
        makeEvent({ sessionId: "b", eventType: "error", quality: "1080p", bitrate: 5000, bufferHealth: 4 }),
      ],
      T0 + 500,
      40,
    );
    h.hub.tick(T0 + 1000);
    h.process("pune", [makeEvent({ sessionId: "p", bufferHealth: 1.5 })], T0 + 4500, 40);
    for (let s = 2; s <= 10; s++) h.hub.tick(T0 + s * 1000);
    // The window [T0+9s, T0+10s) still began in the first bucket: nothing emitted yet.
    expect(h.rollups).toEqual([]);

    h.hub.tick(T0 + 11_000);

    expect(h.rollups).toEqual([
      [
        rollupRecord("mumbai", T0, { events: 2, errors: 1, qualityChanges: 1, bufferHealthSum: 10, viewers: 2, p50Ms: 40, p95Ms: 40, p99Ms: 40 }),
        rollupRecord("delhi", T0, {}),
        rollupRecord("bangalore", T0, {}),
        rollupRecord("hyderabad", T0, {}),
        rollupRecord("pune", T0, { events: 1, qualityChanges: 1, bufferHealthSum: 1.5, viewers: 1, p50Ms: 40, p95Ms: 40, p99Ms: 40 }),
        rollupRecord("kolkata", T0, {}),
        rollupRecord("all", T0, { events: 3, errors: 1, qualityChanges: 2, bufferHealthSum: 11.5, viewers: 3, p50Ms: 40, p95Ms: 40, p99Ms: 40 }),
      ],
    ]);
  });

  it("shows each region's bus lag live, and keeps the worst of a bucket (and the sum over regions) in its rollup", () => {
    const h = createHarness();
    const delhiLag = (messages: number, seconds: number) => ({ messages, seconds, partitions: [{ partition: 0, messages, seconds }] });
    lagOf.set("delhi", delhiLag(1200, 3.5));
    lagOf.set("pune", delhiLag(300, 0.5));
    const live = h.hub.tick(T0 + 1000);
    expect(live.regions.find((r) => r.id === "delhi")!.lag).toEqual(delhiLag(1200, 3.5));
    expect(live.regions.find((r) => r.id === "delhi")!.flow.queued).toBe(1200);
    lagOf.set("delhi", delhiLag(40, 0.2));
    for (let s = 2; s <= 11; s++) h.hub.tick(T0 + s * 1000);
    const [rollups] = h.rollups;
    expect(rollups!.find((r) => r.region === "delhi")).toMatchObject({ lagMessages: 1200, lagSeconds: 3.5 });
    expect(rollups!.find((r) => r.region === "all")).toMatchObject({ lagMessages: 1500, lagSeconds: 3.5 });
    expect(rollups!.find((r) => r.region === "mumbai")).toMatchObject({ lagMessages: 0, lagSeconds: 0 });
  });

  it("with shared books, shows lag as the events each partition has not counted, aged by the bus only where some wait", () => {
    const h = createHarness();
    // The bus counts messages (packs of events); the books count events.
    lagOf.set("delhi", { messages: 3, seconds: 4.5, partitions: [{ partition: 0, messages: 1, seconds: 4.5 }, { partition: 1, messages: 2, seconds: 2 }] });
    h.hub.useSharedCounters(h.hub.exportCounters(), new Map([["delhi", new Map([[2, 0], [1, 700], [0, 0]])]]));
    const delhi = h.hub.tick(T0 + 1000).regions.find((r) => r.id === "delhi")!;
    expect(delhi.lag).toEqual({
      messages: 700,
      seconds: 2,
      partitions: [
        { partition: 0, messages: 0, seconds: 0 },
        { partition: 1, messages: 700, seconds: 2 },
        { partition: 2, messages: 0, seconds: 0 },
      ],
    });
    expect(delhi.flow.queued).toBe(700);
  });

  it("attributes a window that straddles a boundary to the bucket it started in", () => {
    const h = createHarness();
    h.hub.tick(T0 + 9500);
    h.process("delhi", [makeEvent({ sessionId: "d" })], T0 + 10_000, 20);
    h.hub.tick(T0 + 10_500); // window [T0+9.5s, T0+10.5s): bucket T0
    expect(h.rollups).toEqual([]);
    h.hub.tick(T0 + 11_500); // window starts in bucket T0+10s: bucket T0 is done

    expect(h.rollups.length).toBe(1);
    expect(h.rollups[0]!.find((r) => r.region === "delhi")).toEqual(
      rollupRecord("delhi", T0, { seconds: 10.5, events: 1, bufferHealthSum: 6, viewers: 1, p50Ms: 20, p95Ms: 20, p99Ms: 20 }),
    );
    expect(h.rollups[0]!.map((r) => [r.region, r.bucketStart, r.seconds])).toEqual(
      (["mumbai", "delhi", "bangalore", "hyderabad", "pune", "kolkata", "all"] as const).map((region) => [region, T0, 10.5]),
    );
  });

  it("flushRollups() emits the partial bucket once, and later ticks of that bucket add only the new seconds", () => {
    const h = createHarness();
    for (let s = 1; s <= 10; s++) h.hub.tick(T0 + s * 1000);
    h.process("kolkata", [makeEvent({ sessionId: "k", bufferHealth: 8 })], T0 + 10_500, 15);
    h.hub.tick(T0 + 11_000); // emits bucket T0; [T0+10s, T0+11s) accumulates in bucket T0+10s
    h.hub.tick(T0 + 12_000);
    h.rollups.length = 0;

    h.hub.flushRollups();

    const bucket = T0 + 10_000;
    expect(h.rollups).toEqual([
      [
        rollupRecord("mumbai", bucket, { seconds: 2 }),
        rollupRecord("delhi", bucket, { seconds: 2 }),
        rollupRecord("bangalore", bucket, { seconds: 2 }),
        rollupRecord("hyderabad", bucket, { seconds: 2 }),
        rollupRecord("pune", bucket, { seconds: 2 }),
        rollupRecord("kolkata", bucket, { seconds: 2, events: 1, bufferHealthSum: 8, viewers: 1, p50Ms: 15, p95Ms: 15, p99Ms: 15 }),
        rollupRecord("all", bucket, { seconds: 2, events: 1, bufferHealthSum: 8, viewers: 1, p50Ms: 15, p95Ms: 15, p99Ms: 15 }),
      ],
    ]);

    // A second flush has no new seconds to hand over.
    h.hub.flushRollups();
    expect(h.rollups.length).toBe(1);

    // The rest of the bucket is emitted later without the seconds already flushed.
    h.hub.tick(T0 + 13_000);
    h.hub.tick(T0 + 21_000); // window [13s, 21s) began in bucket T0+10s
    h.hub.tick(T0 + 22_000); // window begins in bucket T0+20s: bucket T0+10s is done
    expect(h.rollups.length).toBe(2);
    expect(h.rollups[1]!.map((r) => [r.region, r.bucketStart, r.seconds, r.events])).toEqual(
      (["mumbai", "delhi", "bangalore", "hyderabad", "pune", "kolkata", "all"] as const).map((region) => [region, bucket, 9, 0]),
    );
  });

  it("emits nothing on flushRollups() before any tick", () => {
    const h = createHarness();
    h.hub.flushRollups();
    expect(h.rollups).toEqual([]);
  });
});

describe("MetricsHub checkpoints", () => {
  it("continues exported counters in a new hub, so a restart neither loses nor repeats them", () => {
    const first = createHarness();
    recordKnownSecond(first, T0 + 500);
    first.hub.recordAccepted(7);
    first.hub.recordRejected("bitrate: must not be negative");
    first.hub.addDuplicates("delhi", 2);
    first.hub.addDeadLettered("pune");
    first.hub.addFailure("pune", "CATASTROPHIC");
    const before = first.hub.tick(T0 + 1000);
    const counters = engineCountersSchema.parse(JSON.parse(JSON.stringify(first.hub.exportCounters())));

    const second = createHarness();
    second.hub.restoreCounters(counters);
    const after = second.hub.tick(T0 + 2000);
    expect(after.totals).toMatchObject({ accepted: 7, rejected: 1, duplicates: 2, processed: 7 });
    expect(after.regions.map((r) => [r.id, r.processed, r.flow.routed, r.flow.deadLettered, r.failures.CATASTROPHIC, r.qualityDecisions])).toEqual(
      before.regions.map((r) => [r.id, r.processed, r.flow.routed, r.flow.deadLettered, r.failures.CATASTROPHIC, r.qualityDecisions]),
    );
    expect(after.rejections).toEqual([{ reason: "bitrate: must not be negative", count: 1 }]);
  });
});
