import { describe, expect, it } from "vitest";
import { bucketStartOf, chooseHistoryStepSeconds, downsampleRollups, summarizeRollup, type RollupRecord } from "./history";

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
  quality: { "360p": 100, "480p": 300, "720p": 800, "1080p": 600, "4K": 100 },
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
      quality: { "360p": 100, "480p": 300, "720p": 800, "1080p": 600, "4K": 100 },
    });
  });

  it("reports zeros for an empty bucket", () => {
    const empty = summarizeRollup({ ...record, seconds: 0, events: 0, errors: 0, bufferHealthSum: 0 });
    expect([empty.eventsPerSecond, empty.errorRatePercent, empty.avgBufferHealth]).toEqual([0, 0, 0]);
  });
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("chooseHistoryStepSeconds", () => {
  it("keeps the stored bucket while a range fits in 500 points a series", () => {
    expect(chooseHistoryStepSeconds(15 * MINUTE, 10)).toBe(10);
    expect(chooseHistoryStepSeconds(HOUR, 10)).toBe(10);
    expect(chooseHistoryStepSeconds(15 * MINUTE, 2)).toBe(2);
  });

  it("coarsens long ranges to the smallest round multiple of the bucket that fits", () => {
    expect(chooseHistoryStepSeconds(6 * HOUR, 10)).toBe(60);
    expect(chooseHistoryStepSeconds(24 * HOUR, 10)).toBe(300);
    // 2 s buckets: 5 s is not a multiple, so an hour goes to 10 s (360 points).
    expect(chooseHistoryStepSeconds(HOUR, 2)).toBe(10);
  });

  it("falls back to a whole multiple of a bucket no round step divides", () => {
    // 7 s buckets over 24 hours: 25 × 7 = 175 s, 494 points.
    expect(chooseHistoryStepSeconds(24 * HOUR, 7)).toBe(175);
  });
});

describe("downsampleRollups", () => {
  const at = (region: RollupRecord["region"], offsetSeconds: number, fields: Partial<RollupRecord>): RollupRecord => ({
    ...record,
    region,
    bucketStart: record.bucketStart + offsetSeconds * 1000,
    coveredFrom: record.bucketStart + offsetSeconds * 1000,
    coveredTo: record.bucketStart + offsetSeconds * 1000 + 10_000,
    seconds: 10,
    ...fields,
  });

  it("adds the sums, keeps the worst quantiles and lag, and the latest gauges, per region and step", () => {
    const merged = downsampleRollups(
      [
        at("delhi", 0, { events: 100, errors: 1, p95Ms: 4, p99Ms: 30, lagMessages: 5, viewers: 10, utilizationPercent: 1 }),
        at("pune", 0, { events: 7 }),
        at("delhi", 10, { events: 300, errors: 5, p95Ms: 9, p99Ms: 20, lagMessages: 2, viewers: 12, utilizationPercent: 2 }),
        at("delhi", 60, { events: 50 }),
      ],
      60_000,
    );
    expect(merged.map((r) => [r.region, r.bucketStart - record.bucketStart, r.events])).toEqual([
      ["delhi", 0, 400],
      ["pune", 0, 7],
      ["delhi", 60_000, 50],
    ]);
    expect(merged[0]).toMatchObject({
      seconds: 20,
      errors: 6,
      qualityChanges: 24,
      bufferHealthSum: 22_800,
      p50Ms: 1.2,
      p95Ms: 9,
      p99Ms: 30,
      lagMessages: 5,
      viewers: 12,
      utilizationPercent: 2,
      coveredFrom: record.bucketStart,
      coveredTo: record.bucketStart + 20_000,
      quality: { "360p": 200, "480p": 600, "720p": 1600, "1080p": 1200, "4K": 200 },
    });
    expect(summarizeRollup(merged[0]!)).toMatchObject({ eventsPerSecond: 20, errorRatePercent: 1.5 });
  });

  it("leaves its input untouched", () => {
    const input = [at("delhi", 0, {}), at("delhi", 10, {})];
    downsampleRollups(input, 60_000);
    expect(input[0]).toEqual(at("delhi", 0, {}));
    expect(input[0]!.quality).toEqual(record.quality);
  });
});
