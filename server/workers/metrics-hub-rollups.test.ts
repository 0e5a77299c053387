import { describe, expect, it, vi } from "vitest";
import type { RollupRecord } from "@/core/metrics/history";
import { engineCountersSchema } from "./engine-counters";
import { createHarness, lagOf, makeEvent, recordKnownSecond, T0, useHubTestSetup } from "../testing/metrics-hub-harness";

// The processor measures latency with nowMs() and stamps sightings with Date.now(); both are set per batch.
vi.mock("../clock", async () => {
  const { hubClock } = await import("../testing/hub-clock");
  return { nowMs: () => hubClock.now };
});

useHubTestSetup();

describe("MetricsHub rollups", () => {
  const mix = (counts: Partial<RollupRecord["quality"]>) => ({ "360p": 0, "480p": 0, "720p": 0, "1080p": 0, "4K": 0, ...counts });

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
      quality: { "360p": 0, "480p": 0, "720p": 0, "1080p": 0, "4K": 0 },
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
        rollupRecord("mumbai", T0, {
          events: 2,
          errors: 1,
          qualityChanges: 1,
          bufferHealthSum: 10,
          viewers: 2,
          p50Ms: 40,
          p95Ms: 40,
          p99Ms: 40,
          quality: mix({ "720p": 1, "1080p": 1 }),
        }),
        rollupRecord("delhi", T0, {}),
        rollupRecord("bangalore", T0, {}),
        rollupRecord("hyderabad", T0, {}),
        rollupRecord("pune", T0, {
          events: 1,
          qualityChanges: 1,
          bufferHealthSum: 1.5,
          viewers: 1,
          p50Ms: 40,
          p95Ms: 40,
          p99Ms: 40,
          quality: mix({ "720p": 1 }),
        }),
        rollupRecord("kolkata", T0, {}),
        rollupRecord("all", T0, {
          events: 3,
          errors: 1,
          qualityChanges: 2,
          bufferHealthSum: 11.5,
          viewers: 3,
          p50Ms: 40,
          p95Ms: 40,
          p99Ms: 40,
          quality: mix({ "720p": 2, "1080p": 1 }),
        }),
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
    lagOf.set("delhi", {
      messages: 3,
      seconds: 4.5,
      partitions: [
        { partition: 0, messages: 1, seconds: 4.5 },
        { partition: 1, messages: 2, seconds: 2 },
      ],
    });
    h.hub.useSharedCounters(
      h.hub.exportCounters(),
      new Map([
        [
          "delhi",
          new Map([
            [2, 0],
            [1, 700],
            [0, 0],
          ]),
        ],
      ]),
    );
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
      rollupRecord("delhi", T0, {
        seconds: 10.5,
        events: 1,
        bufferHealthSum: 6,
        viewers: 1,
        p50Ms: 20,
        p95Ms: 20,
        p99Ms: 20,
        quality: mix({ "720p": 1 }),
      }),
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
        rollupRecord("kolkata", bucket, {
          seconds: 2,
          events: 1,
          bufferHealthSum: 8,
          viewers: 1,
          p50Ms: 15,
          p95Ms: 15,
          p99Ms: 15,
          quality: mix({ "720p": 1 }),
        }),
        rollupRecord("all", bucket, {
          seconds: 2,
          events: 1,
          bufferHealthSum: 8,
          viewers: 1,
          p50Ms: 15,
          p95Ms: 15,
          p99Ms: 15,
          quality: mix({ "720p": 1 }),
        }),
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
    expect(
      after.regions.map((r) => [r.id, r.processed, r.flow.routed, r.flow.deadLettered, r.failures.CATASTROPHIC, r.qualityDecisions]),
    ).toEqual(
      before.regions.map((r) => [r.id, r.processed, r.flow.routed, r.flow.deadLettered, r.failures.CATASTROPHIC, r.qualityDecisions]),
    );
    expect(after.rejections).toEqual([{ reason: "bitrate: must not be negative", count: 1 }]);
  });
});
