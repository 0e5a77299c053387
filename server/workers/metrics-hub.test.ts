import { describe, expect, it, vi } from "vitest";
import type { ViewerEvent } from "@/core/events/events";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import { type Snapshot } from "@/core/metrics/snapshot";
import {
  createHarness,
  expectedLatency,
  type Harness,
  HEARTBEAT_WINDOW_MS,
  idleRegion,
  makeEvent,
  NEAREST_LATENCY_MS,
  NO_LAG,
  recordKnownSecond,
  T0,
  useHubTestSetup,
  ZERO_BUFFER_ACTIONS,
  ZERO_EVENT_TYPES,
  ZERO_NETWORK,
  ZERO_QUALITY,
} from "../testing/metrics-hub-harness";

// The processor measures latency with nowMs() and stamps sightings with Date.now(); both are set per batch.
vi.mock("../clock", async () => {
  const { hubClock } = await import("../testing/hub-clock");
  return { nowMs: () => hubClock.now };
});

useHubTestSetup();

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
        "system",
        "at",
        "windowMs",
        "distributionWindowMs",
        "regions",
        "overall",
        "quality",
        "network",
        "eventTypes",
        "bufferActions",
        "totals",
        "conservation",
        "alerts",
        "drills",
        "replication",
        "rejections",
      ].sort();
      const regionFields = [
        "id",
        "name",
        "active",
        "circuit",
        "health",
        "healthReason",
        "spilloverIn",
        "spilloverOut",
        "spilledInErrorRatePercent",
        "status",
        "statusReason",
        "capacity",
        "viewers",
        "eventsPerSecond",
        "latencyMs",
        "errorRatePercent",
        "utilizationPercent",
        "avgBufferHealth",
        "qualityChangesPerSecond",
        "qualityDecisions",
        "processed",
        "failures",
        "failuresPerSecond",
        "alternativePath",
        "flow",
        "interRegionLatencyMs",
        "lag",
      ].sort();
      const overallFields = ["latencyMs", "errorRatePercent", "avgBufferHealth", "qualityChangesPerSecond"].sort();
      const keysOf = (value: object) => Object.keys(value).sort();
      expect([keysOf(snapshot), keysOf(snapshot.overall), ...snapshot.regions.map(keysOf)]).toEqual([
        fields,
        overallFields,
        ...REGION_IDS.map(() => regionFields),
      ]);
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
      expect(
        snapshot.regions.map((r) => [r.id, r.errorRatePercent, r.avgBufferHealth, r.qualityChangesPerSecond, r.qualityDecisions]),
      ).toEqual([
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
      expect([snapshot.overall.errorRatePercent, snapshot.overall.avgBufferHealth, snapshot.overall.qualityChangesPerSecond]).toEqual([
        14.29, 5.36, 2,
      ]);
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
      const flowOf = (routed: number) => ({
        routed,
        processed: routed,
        queued: 0,
        inRetry: 0,
        deadLettered: 0,
        duplicates: 0,
        balanced: true,
      });
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
      const routing = (name: string, capacity: number, id: RegionId) => [
        id,
        name,
        capacity,
        true,
        "closed",
        "unknown",
        "no check yet",
        0,
        0,
        0,
        NEAREST_LATENCY_MS[id],
      ];
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

  it("shows each second's spillover per region and the error rate of the viewers spilled in, 0 with none", () => {
    const h = createHarness();
    h.regions.failover("pune", "drill", T0);
    for (let i = 0; i < 8; i++) h.regions.route({ location: "Pune", eventType: i < 2 ? "error" : "heartbeat" });
    h.regions.route({ location: "Mumbai", eventType: "error" });
    const regions = h.hub.tick(T0 + 1000).regions;
    const view = (id: RegionId) => regions.find((r) => r.id === id)!;
    expect([view("mumbai").spilloverIn, view("mumbai").spilledInErrorRatePercent, view("pune").spilloverOut]).toEqual([8, 25, 8]);
    expect([view("delhi").spilloverIn, view("delhi").spilledInErrorRatePercent]).toEqual([0, 0]);
    expect(h.hub.tick(T0 + 2000).regions.find((r) => r.id === "mumbai")!.spilledInErrorRatePercent).toBe(0);
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
      health: "unknown",
      healthReason: "no check yet",
      spilloverIn: 0,
      spilloverOut: 0,
      spilledInErrorRatePercent: 0,
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
      failuresPerSecond: 0,
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
      health: "unknown",
      healthReason: "no check yet",
      spilloverIn: 0,
      spilloverOut: 0,
      spilledInErrorRatePercent: 0,
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
      failuresPerSecond: 0,
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
