import { describe, expect, it } from "vitest";
import { HISTORY_METRICS, readRegionMetric, readRollupMetric } from "./read-region-metric";
import { createIdleRegionSnapshot, type HistoryRollup } from "./snapshot";
import { METRIC_NAMES } from "./thresholds";

describe("readRegionMetric", () => {
  it("reads latency and error rate only from a region that had events, lag and memory always", () => {
    const idle = createIdleRegionSnapshot({ id: "pune", name: "Pune", capacity: 1000 }, { status: null, health: "no check yet" });
    const busy = {
      ...idle,
      eventsPerSecond: 40,
      latencyMs: { p50: 3, p95: 250, p99: 400 },
      errorRatePercent: 2.5,
      lag: { messages: 7, seconds: 1, partitions: [] },
    };
    const system = {
      system: {
        healthScore: 100,
        healthBand: "excellent" as const,
        healthDeductions: [],
        process: { rssMb: 300, heapUsedMb: 100, cpuPercent: 10, memoryPercent: 3.5 },
        history: { failing: false, error: null, buffered: 0, limit: 0, dropped: 0 },
      },
    };
    expect(readRegionMetric("processing_latency_ms", idle, system)).toBeNull();
    expect(readRegionMetric("error_rate_percent", idle, system)).toBeNull();
    expect(readRegionMetric("processing_latency_ms", busy, system)).toBe(250);
    expect(readRegionMetric("error_rate_percent", busy, system)).toBe(2.5);
    expect(readRegionMetric("consumer_lag_messages", busy, system)).toBe(7);
    expect(readRegionMetric("memory_utilization_percent", idle, system)).toBe(3.5);
    expect(readRegionMetric("network_utilization_percent", busy, system)).toBeNull();
  });
});

describe("readRollupMetric", () => {
  const measured: HistoryRollup = {
    region: "pune",
    bucketStart: 0,
    seconds: 10,
    events: 400,
    errors: 10,
    viewers: 90,
    quality: { "360p": 0, "480p": 0, "720p": 0, "1080p": 0, "4K": 0 },
    eventsPerSecond: 40,
    latencyMs: { p50: 3, p95: 250, p99: 400 },
    errorRatePercent: 2.5,
    utilizationPercent: 1,
    avgBufferHealth: 8,
    qualityChanges: 0,
    lag: { messages: 7, seconds: 1 },
  };

  it("reads the metrics history keeps as the live reading does, and nothing for the others", () => {
    expect(METRIC_NAMES.map((metric) => [metric, readRollupMetric(metric, measured)])).toEqual([
      ["processing_latency_ms", 250],
      ["events_per_second", 40],
      ["error_rate_percent", 2.5],
      ["memory_utilization_percent", null],
      ["consumer_lag_messages", 7],
      ["network_utilization_percent", null],
      ["disk_io_utilization_percent", null],
      ["inter_region_latency_ms", null],
      ["spilled_in_error_rate_percent", null],
    ]);
    expect(METRIC_NAMES.filter((metric) => readRollupMetric(metric, measured) !== null)).toEqual(
      METRIC_NAMES.filter((metric) => HISTORY_METRICS.includes(metric)),
    );
  });

  it("has no latency or error rate for a bucket without events", () => {
    const quiet = { ...measured, events: 0, eventsPerSecond: 0 };
    expect([readRollupMetric("processing_latency_ms", quiet), readRollupMetric("error_rate_percent", quiet)]).toEqual([null, null]);
  });
});
