import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "@/core/timeline/timeline";
import { bucketTimeline, chooseBucketMs } from "./timeline-buckets";

const entry = (at: number, kind: TimelineEntry["kind"]): TimelineEntry => ({
  at,
  kind,
  action: "x",
  region: null,
  title: "t",
  detail: null,
  actor: null,
  alertId: null,
});

describe("bucketTimeline", () => {
  it("counts each kind in its bucket and leaves out entries outside the range", () => {
    const entries = [
      entry(0, "alert"),
      entry(999, "alert"),
      entry(1000, "region"),
      entry(2500, "silence"),
      entry(2600, "drill"),
      entry(3000, "replay"),
      entry(-1, "alert"),
    ];
    expect(bucketTimeline(entries, 0, 3000, 1000)).toEqual([
      { start: 0, alert: 2, region: 0, replay: 0, silence: 0, drill: 0, audit: 0 },
      { start: 1000, alert: 0, region: 1, replay: 0, silence: 0, drill: 0, audit: 0 },
      { start: 2000, alert: 0, region: 0, replay: 0, silence: 1, drill: 1, audit: 0 },
    ]);
  });

  it("keeps a partial last bucket", () => {
    expect(bucketTimeline([entry(2100, "replay")], 0, 2500, 1000).map((b) => [b.start, b.replay])).toEqual([
      [0, 0],
      [1000, 0],
      [2000, 1],
    ]);
  });
});

describe("chooseBucketMs", () => {
  it("picks the smallest size that keeps at most 72 bars", () => {
    const hour = 3_600_000;
    expect(chooseBucketMs(1 * hour)).toBe(5 * 60_000);
    expect(chooseBucketMs(6 * hour)).toBe(5 * 60_000);
    expect(chooseBucketMs(12 * hour)).toBe(10 * 60_000);
    expect(chooseBucketMs(24 * hour)).toBe(30 * 60_000);
    expect(chooseBucketMs(48 * hour)).toBe(60 * 60_000);
    expect(chooseBucketMs(100 * hour)).toBe(60 * 60_000);
  });
});
