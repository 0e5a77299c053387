import { describe, expect, it } from "vitest";
import type { HistoryRollup } from "@/core/metrics/snapshot";
import { convertRegionRollups } from "./region-series";

function rollup(bucketStart: number, fields: Partial<HistoryRollup> = {}): HistoryRollup {
  return {
    region: "pune",
    bucketStart,
    seconds: 10,
    events: 400,
    errors: 8,
    viewers: 4000,
    eventsPerSecond: 40,
    latencyMs: { p50: 2, p95: 9, p99: 30 },
    errorRatePercent: 2,
    utilizationPercent: 1,
    avgBufferHealth: 8,
    qualityChanges: 3,
    lag: { messages: 12, seconds: 0.5 },
    quality: { "360p": 40, "480p": 60, "720p": 200, "1080p": 80, "4K": 20 },
    ...fields,
  };
}

describe("convertRegionRollups", () => {
  it("draws each bucket at its end with its rates, latency, errors, viewers, lag and quality shares", () => {
    expect(convertRegionRollups([rollup(0)], 10_000)).toEqual([
      {
        t: 10_000,
        eventsPerSecond: 40,
        p50: 2,
        p95: 9,
        p99: 30,
        errorRatePercent: 2,
        viewers: 4000,
        lag: 12,
        "360p": 10,
        "480p": 15,
        "720p": 50,
        "1080p": 20,
        "4K": 5,
      },
    ]);
  });

  it("leaves what was not measured empty instead of 0", () => {
    const [idle] = convertRegionRollups(
      [rollup(0, { events: 0, eventsPerSecond: 0, quality: { "360p": 0, "480p": 0, "720p": 0, "1080p": 0, "4K": 0 } })],
      10_000,
    );
    expect(idle).toMatchObject({ eventsPerSecond: 0, p95: null, errorRatePercent: null, "720p": null });
  });

  it("breaks every line where buckets are missing", () => {
    const points = convertRegionRollups([rollup(0), rollup(10_000), rollup(40_000)], 10_000);
    expect(points.map((p) => [p.t, p.eventsPerSecond])).toEqual([
      [10_000, 40],
      [20_000, 40],
      [20_001, null],
      [50_000, 40],
    ]);
  });
});
