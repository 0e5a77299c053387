import { describe, expect, it } from "vitest";
import type { HistoryRollup, Snapshot } from "@/core/metrics/snapshot";
import {
  appendLivePoint,
  convertRollupsToPoints,
  convertSnapshotToPoint,
  foldPoints,
  mergeSeries,
  SERIES_MAX_POINTS,
  SERIES_WINDOW_MS,
  type SeriesPoint,
} from "./time-series";

const latency = { p50: 10, p95: 40, p99: 90 };

function createRollup(region: HistoryRollup["region"], bucketStart: number, eventsPerSecond: number): HistoryRollup {
  return {
    region,
    bucketStart,
    seconds: 10,
    events: eventsPerSecond * 10,
    errors: 0,
    viewers: 100,
    eventsPerSecond,
    latencyMs: latency,
    errorRatePercent: 0,
    utilizationPercent: 1,
    avgBufferHealth: 8,
    qualityChanges: 0,
    lag: { messages: 0, seconds: 0 },
    quality: { "360p": 0, "480p": 0, "720p": 100, "1080p": 0, "4K": 0 },
  };
}

function createPoint(t: number, total = 1, spanMs = 1000): SeriesPoint {
  return {
    t,
    spanMs,
    total,
    p50: 1,
    p95: 2,
    p99: 3,
    lag: 0,
    lagSeconds: 0,
    mumbai: total,
    delhi: 0,
    bangalore: 0,
    hyderabad: 0,
    pune: 0,
    kolkata: 0,
  };
}

function createSnapshot(at: number, totalEventsPerSecond: number): Snapshot {
  return {
    at,
    system: {
      healthScore: 100,
      healthBand: "excellent",
      healthDeductions: [],
      process: { rssMb: 300, heapUsedMb: 120, cpuPercent: 40, memoryPercent: 1.2 },
      history: { failing: false, error: null, buffered: 0, limit: 0, dropped: 0 },
    },
    windowMs: 1000,
    distributionWindowMs: 10_000,
    regions: [
      {
        id: "delhi",
        name: "Delhi",
        active: true,
        circuit: "closed",
        health: "healthy",
        healthReason: "no check yet",
        spilledInErrorRatePercent: 0,
        spilloverIn: 0,
        spilloverOut: 0,
        status: "ok",
        statusReason: null,
        capacity: 6_000_000,
        viewers: 10,
        eventsPerSecond: totalEventsPerSecond,
        latencyMs: latency,
        errorRatePercent: 0,
        utilizationPercent: 0,
        avgBufferHealth: 8,
        qualityChangesPerSecond: 0,
        qualityDecisions: { buffer_health: 0, bandwidth_insufficient: 0, bandwidth_headroom: 0 },
        processed: 5,
        failures: { CATASTROPHIC: 0, PERSISTENT: 0, TRANSIENT: 0 },
        failuresPerSecond: 0,
        alternativePath: 0,
        flow: { routed: 5, processed: 5, queued: 0, inRetry: 0, deadLettered: 0, duplicates: 0, balanced: true },
        interRegionLatencyMs: 12,
        lag: { messages: 0, seconds: 0, partitions: [{ partition: 0, messages: 0, seconds: 0 }] },
      },
    ],
    overall: { latencyMs: latency, errorRatePercent: 0, avgBufferHealth: 8, qualityChangesPerSecond: 0 },
    quality: { "360p": 0, "480p": 0, "720p": 0, "1080p": 0, "4K": 0 },
    network: { "4G": 0, "5G": 0, WiFi: 0, broadband: 0 },
    eventTypes: { play: 0, pause: 0, quality_change: 0, buffer: 0, error: 0 },
    bufferActions: { emergency_buffer: 0, preventive_buffer: 0, maintain_current: 0, optimize_bandwidth: 0 },
    totals: { viewers: 10, eventsPerSecond: totalEventsPerSecond, accepted: 5, rejected: 0, duplicates: 0, processed: 5 },
    conservation: {
      ingested: 5,
      replayed: 0,
      rejected: 0,
      processed: 5,
      queued: 0,
      inRetry: 0,
      deadLettered: 0,
      duplicates: 0,
      balanced: true,
    },
    rejections: [],
    alerts: [],
    drills: [],
    replication: [],
  };
}

describe("convertRollupsToPoints", () => {
  it("makes one point per bucket at its end, rates per region and latency from region all", () => {
    const points = convertRollupsToPoints(
      [
        createRollup("all", 20_000, 30),
        createRollup("mumbai", 20_000, 20),
        createRollup("delhi", 20_000, 10),
        createRollup("all", 10_000, 5),
        createRollup("pune", 10_000, 5),
      ],
      10_000,
    );
    expect(points.map((point) => point.t)).toEqual([20_000, 30_000]);
    expect(points[1]).toMatchObject({ mumbai: 20, delhi: 10, kolkata: 0, total: 30, p95: 40, spanMs: 10_000 });
    expect(points[0]).toMatchObject({ pune: 5, total: 5 });
  });

  it("spans each point over the answer's step, however short a bucket's measured seconds", () => {
    const first = { ...createRollup("all", 0, 1), seconds: 0.6 };
    const points = convertRollupsToPoints([first, createRollup("all", 60_000, 1)], 60_000);
    expect(points.map((point) => [point.t, point.spanMs])).toEqual([
      [60_000, 60_000],
      [120_000, 60_000],
    ]);
  });

  it("leaves latency empty for a bucket without events", () => {
    const [point] = convertRollupsToPoints([{ ...createRollup("all", 0, 0), events: 0 }], 10_000);
    expect(point?.p95).toBeNull();
  });
});

describe("convertSnapshotToPoint", () => {
  it("fills every region and leaves latency empty without traffic", () => {
    const point = convertSnapshotToPoint(createSnapshot(5000, 0));
    expect(point).toMatchObject({ t: 5000, delhi: 0, mumbai: 0, total: 0, p50: null });
    expect(convertSnapshotToPoint(createSnapshot(6000, 7))).toMatchObject({ delhi: 7, p99: 90 });
  });

  it("sums the regions' lag and keeps the oldest age", () => {
    const snapshot = createSnapshot(6000, 7);
    const [delhi] = snapshot.regions;
    const lagged = {
      ...snapshot,
      regions: [
        { ...delhi!, lag: { messages: 40, seconds: 2.5, partitions: [] } },
        { ...delhi!, id: "pune" as const, lag: { messages: 2, seconds: 0.5, partitions: [] } },
      ],
    };
    expect(convertSnapshotToPoint(lagged)).toMatchObject({ lag: 42, lagSeconds: 2.5 });
  });
});

describe("appendLivePoint", () => {
  it("ignores points that are not newer and drops points older than the window", () => {
    const start = [createPoint(1000), createPoint(2000)];
    expect(appendLivePoint(start, createPoint(2000))).toBe(start);
    const later = appendLivePoint(start, createPoint(1500 + SERIES_WINDOW_MS));
    expect(later.map((point) => point.t)).toEqual([2000, 1500 + SERIES_WINDOW_MS]);
  });

  it("caps the series", () => {
    let points: readonly SeriesPoint[] = [];
    for (let i = 0; i < SERIES_MAX_POINTS + 50; i++) points = appendLivePoint(points, createPoint(i * 10));
    expect(points).toHaveLength(SERIES_MAX_POINTS);
    expect(points.at(-1)?.t).toBe((SERIES_MAX_POINTS + 49) * 10);
  });
});

describe("mergeSeries", () => {
  it("keeps history only where live points do not cover it, in time order", () => {
    const history = [10_000, 20_000, 30_000, 40_000].map((t) => createPoint(t, 5, 10_000));
    const live = [31_000, 32_000, 33_000].map((t) => createPoint(t));
    const merged = mergeSeries(history, live, 40_000);
    expect(merged.map((point) => point.t)).toEqual([10_000, 20_000, 30_000, 31_000, 32_000, 33_000]);
  });

  it("drops to nothing across an outage instead of joining the points on either side", () => {
    const history = [10_000, 20_000].map((t) => createPoint(t, 5, 10_000));
    const live = [createPoint(100_000), createPoint(101_000)];
    const merged = mergeSeries(history, live, 101_000);
    expect(merged.map((point) => [point.t, point.total, point.p95])).toEqual([
      [10_000, 5, 2],
      [20_000, 5, 2],
      [20_001, 0, null],
      [99_000, 0, null],
      [100_000, 1, 2],
      [101_000, 1, 2],
    ]);
  });

  it("fills a gap in live points with history", () => {
    const history = [20_000, 30_000, 40_000].map((t) => createPoint(t, 5, 10_000));
    const live = [createPoint(5_000), createPoint(45_000)];
    expect(mergeSeries(history, live, 45_000).map((point) => point.t)).toEqual([5_000, 20_000, 30_000, 40_000, 45_000]);
  });

  it("drops points older than the window", () => {
    const history = [createPoint(1000, 1, 1000)];
    const live = [createPoint(SERIES_WINDOW_MS + 5000)];
    // What stays is the live point and the edge of the outage before it.
    expect(mergeSeries(history, live, SERIES_WINDOW_MS + 5000).map((point) => [point.t, point.total])).toEqual([
      [SERIES_WINDOW_MS + 4000, 0],
      [SERIES_WINDOW_MS + 5000, 1],
    ]);
  });
});

describe("foldPoints", () => {
  it("averages rates over the seconds measured and keeps the worst latency and lag, per step", () => {
    const points = [
      { ...createPoint(61_000, 10), p95: 5, lag: 4 },
      { ...createPoint(62_000, 30), p95: 9, lag: 1 },
      { ...createPoint(63_000, 20), p95: null, p50: null, p99: null },
      { ...createPoint(121_000, 7), lagSeconds: 2 },
    ];
    expect(foldPoints(points, 60_000).map((p) => [p.t, p.spanMs, p.total, p.mumbai, p.delhi, p.p95, p.lag, p.lagSeconds])).toEqual([
      [63_000, 3000, 20, 20, 0, 9, 4, 0],
      [121_000, 1000, 7, 7, 0, 2, 0, 2],
    ]);
  });
});

describe("mergeSeries over a longer window", () => {
  it("folds live points to history's step when the window is longer than live points are kept", () => {
    const hour = 60 * 60_000;
    const history = [60_000, 120_000].map((t) => createPoint(t, 5, 60_000));
    const live = [121_000, 122_000].map((t) => createPoint(t, 9));
    const merged = mergeSeries(history, live, 122_000, { windowMs: hour, stepMs: 60_000 });
    expect(merged.map((point) => [point.t, point.spanMs, point.total])).toEqual([
      [60_000, 60_000, 5],
      [120_000, 60_000, 5],
      [122_000, 2000, 9],
    ]);
    // Within the live window the seconds stay as they are.
    expect(mergeSeries(history, live, 122_000, { stepMs: 60_000 }).map((point) => point.t)).toEqual([60_000, 120_000, 121_000, 122_000]);
  });
});
