import { DEFAULT_HEALTH_POLICY } from "@/core/routing/health-check";
import { afterEach, beforeEach, expect, vi } from "vitest";
import { roundTo } from "@/core/metrics/aggregation";
import type { ViewerEvent } from "@/core/events/events";
import type { RollupRecord } from "@/core/metrics/history";
import { QuantileSketch } from "@/core/metrics/quantile-sketch";
import type { RegionId } from "@/core/routing/regions";
import { createIdleRegionSnapshot, type RegionSnapshot } from "@/core/metrics/snapshot";
import type { BatchHandler, RegionLag } from "../bus/event-bus";
import { MemoryLiveStore } from "../store/memory-live-store";
import { EventProcessor } from "../workers/event-processor";
import { FaultInjector } from "../workers/fault-injector";
import { MetricsHub } from "../workers/metrics-hub";
import { RegionManager } from "../workers/region-manager";
import { hubClock } from "./hub-clock";
import { buildTestEvent } from "@/core/events/test-events";

/**
 * A metrics hub fed by a real event processor, for the hub's tests. Each test file mocks "../clock"
 * with hubClock (vi.mock is per file) and calls useHubTestSetup().
 */
/** Bucket-aligned for 10 s buckets, so bucket boundaries fall on whole tens of seconds after it. */
export const T0 = 1_764_000_000_000;
export const ROLLUP_MS = 10_000;
export const HEARTBEAT_WINDOW_MS = 10_000;

let seq = 0;
export function makeEvent(overrides: Partial<ViewerEvent> = {}): ViewerEvent {
  seq++;
  const names = { eventId: `e-${seq}`, userId: `user-${seq}`, deviceId: `dev-${seq}`, sessionId: `session-${seq}` };
  return buildTestEvent({ ...names, timestamp: T0, location: "Mumbai", contentId: "ipl-final-2026", ...overrides });
}

export interface Harness {
  hub: MetricsHub;
  store: MemoryLiveStore;
  /** Routing: what it routes shows as spillover in the next snapshot. */
  regions: RegionManager;
  rollups: RollupRecord[][];
  /** Processes one batch at `at` whose events waited `latencyMs` since ingest. */
  process(region: RegionId, events: ViewerEvent[], at: number, latencyMs: number): void;
}

const stores: MemoryLiveStore[] = [];

export function createHarness(options: { distributionWindows?: number } = {}): Harness {
  const store = new MemoryLiveStore(HEARTBEAT_WINDOW_MS, 60_000, 0);
  stores.push(store);
  const rollups: RollupRecord[][] = [];
  const regions = new RegionManager({ strategy: "proximity", policy: DEFAULT_HEALTH_POLICY, onChange: () => {} });
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
    regions,
    rollups,
    process(region, events, at, latencyMs) {
      hubClock.now = at;
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
export const NEAREST_LATENCY_MS: Record<RegionId, number> = { mumbai: 15, delhi: 70, bangalore: 35, hyderabad: 35, pune: 15, kolkata: 70 };
export const NO_LAG = { messages: 0, seconds: 0, partitions: [{ partition: 0, messages: 0, seconds: 0 }] };
/** The bus lag each region reports at the next tick; regions not in it are caught up. */
export const lagOf = new Map<RegionId, RegionLag>();

/** Registers the per-test reset: no lag, ids from 1, the clock and Date at T0, stores closed after. */
export function useHubTestSetup(): void {
  beforeEach(() => {
    lagOf.clear();
    seq = 0;
    hubClock.now = T0;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
  });

  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });
}

export function idleRegion(id: RegionId, name: string, capacity: number, processed = 0): RegionSnapshot {
  const idle = createIdleRegionSnapshot({ id, name, capacity }, { status: null, health: "no check yet" });
  return {
    ...idle,
    processed,
    flow: { ...idle.flow, routed: processed, processed },
    interRegionLatencyMs: NEAREST_LATENCY_MS[id],
    lag: NO_LAG,
  };
}

export const ZERO_QUALITY = { "360p": 0, "480p": 0, "720p": 0, "1080p": 0, "4K": 0 };
export const ZERO_NETWORK = { "4G": 0, "5G": 0, WiFi: 0, broadband: 0 };
export const ZERO_EVENT_TYPES = { play: 0, pause: 0, quality_change: 0, buffer: 0, error: 0 };
export const ZERO_BUFFER_ACTIONS = { emergency_buffer: 0, preventive_buffer: 0, maintain_current: 0, optimize_bandwidth: 0 };

/** The p50/p95/p99 a sketch of these latencies (ms, count) reports, rounded as snapshots are. */
export function expectedLatency(values: Array<[number, number]>): { p50: number; p95: number; p99: number } {
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
export function recordKnownSecond(h: Harness, at: number): void {
  h.process(
    "mumbai",
    [
      makeEvent({ sessionId: "a", quality: "720p", networkType: "4G", bitrate: 4000, bufferHealth: 6 }),
      makeEvent({
        sessionId: "b",
        eventType: "error",
        errorCode: "E_TIMEOUT",
        errorMessage: "timeout",
        quality: "1080p",
        networkType: "WiFi",
        bitrate: 5000,
        bufferHealth: 5,
      }),
      makeEvent({ sessionId: "a", eventType: "buffer", quality: "480p", networkType: "5G", bitrate: 2000, bufferHealth: 1.5 }),
      makeEvent({ sessionId: "c", quality: "720p", networkType: "broadband", bitrate: 4000, bufferHealth: 12.5 }),
    ],
    at,
    40,
  );
  h.process("delhi", [makeEvent({ sessionId: "x", location: "Delhi" }), makeEvent({ sessionId: "y", location: "Noida" })], at, 250);
  h.process("bangalore", [makeEvent({ sessionId: "k", quality: "360p", networkType: "5G", bitrate: 500, bufferHealth: 0.5 })], at, 10);
}
