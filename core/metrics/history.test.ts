import { describe, expect, it } from "vitest";
import { bucketStartOf, summarizeRollup, type RollupRecord } from "./history";

const record: RollupRecord = {
  region: "delhi",
  bucketStart: 1_764_000_000_000,
  seconds: 9.5,
  events: 1900,
  errors: 38,
  qualityChanges: 12,
  bufferHealthSum: 11_400,
  viewers: 19_000,
  utilizationPercent: 0.32,
  p50Ms: 1.2,
  p95Ms: 4.5,
  p99Ms: 9.9,
  coveredFrom: 1_764_000_000_000,
  coveredTo: 1_764_000_009_500,
  lagMessages: 1200,
  lagSeconds: 0.6,
};

describe("bucketStartOf", () => {
  it("aligns an instant to the start of its bucket", () => {
    expect(bucketStartOf(1_764_000_009_999, 10_000)).toBe(1_764_000_000_000);
    expect(bucketStartOf(1_764_000_010_000, 10_000)).toBe(1_764_000_010_000);
  });
});

describe("summarizeRollup", () => {
  it("derives rates from the stored sums", () => {
    expect(summarizeRollup(record)).toEqual({
      region: "delhi",
      bucketStart: 1_764_000_000_000,
      seconds: 9.5,
      events: 1900,
      errors: 38,
      viewers: 19_000,
      eventsPerSecond: 200,
      latencyMs: { p50: 1.2, p95: 4.5, p99: 9.9 },
      errorRatePercent: 2,
      utilizationPercent: 0.32,
      avgBufferHealth: 6,
      qualityChanges: 12,
      lag: { messages: 1200, seconds: 0.6 },
    });
  });

  it("reports zeros for an empty bucket", () => {
    const empty = summarizeRollup({ ...record, seconds: 0, events: 0, errors: 0, bufferHealthSum: 0 });
    expect([empty.eventsPerSecond, empty.errorRatePercent, empty.avgBufferHealth]).toEqual([0, 0, 0]);
  });
});
