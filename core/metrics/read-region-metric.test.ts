import { describe, expect, it } from "vitest";
import { readRegionMetric } from "./read-region-metric";
import { createIdleRegionSnapshot } from "./snapshot";

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
