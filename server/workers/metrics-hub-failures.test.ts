import { describe, expect, it, vi } from "vitest";
import { createHarness, T0, useHubTestSetup } from "../testing/metrics-hub-harness";

// The processor measures latency with nowMs() and stamps sightings with Date.now(); both are set per batch.
vi.mock("../clock", async () => {
  const { hubClock } = await import("../testing/hub-clock");
  return { nowMs: () => hubClock.now };
});

useHubTestSetup();

describe("MetricsHub rejections", () => {
  it("lists rejection reasons most frequent first, ties by reason, at most 10, folding reasons beyond 100 distinct into 'other reasons'", () => {
    const h = createHarness();
    for (let i = 0; i < 100; i++) h.hub.recordRejected(`reason-${i}`);
    for (let i = 0; i < 5; i++) h.hub.recordRejected("reason-5");
    h.hub.recordRejected("late-1");
    h.hub.recordRejected("late-2");
    h.hub.recordRejected("late-3");
    // A reason already known keeps its own count after the cap.
    h.hub.recordRejected("reason-7");

    const snapshot = h.hub.tick(T0 + 1000);

    expect(snapshot.totals.rejected).toBe(109);
    expect(snapshot.rejections).toEqual([
      { reason: "reason-5", count: 6 },
      { reason: "other reasons", count: 3 },
      { reason: "reason-7", count: 2 },
      // Ties in reason order ("reason-10" sorts before "reason-2"), whatever order they arrived in.
      { reason: "reason-0", count: 1 },
      { reason: "reason-1", count: 1 },
      { reason: "reason-10", count: 1 },
      { reason: "reason-11", count: 1 },
      { reason: "reason-12", count: 1 },
      { reason: "reason-13", count: 1 },
      { reason: "reason-14", count: 1 },
    ]);
  });

  it("orders equally frequent reasons by reason, not by arrival", () => {
    const h = createHarness();
    for (const reason of ["quality: bad", "bitrate: bad", "event_id: bad", "bitrate: bad"]) h.hub.recordRejected(reason);

    expect(h.hub.tick(T0 + 1000).rejections).toEqual([
      { reason: "bitrate: bad", count: 2 },
      { reason: "event_id: bad", count: 1 },
      { reason: "quality: bad", count: 1 },
    ]);
  });

  it("keeps counting rejections across ticks", () => {
    const h = createHarness();
    h.hub.recordRejected("event_id: is required");
    h.hub.tick(T0 + 1000);
    h.hub.recordRejected("event_id: is required");
    h.hub.recordAccepted(4);
    h.hub.recordAccepted(1);

    const snapshot = h.hub.tick(T0 + 2000);
    expect(snapshot.rejections).toEqual([{ reason: "event_id: is required", count: 2 }]);
    expect(snapshot.totals.accepted).toBe(5);
    expect(snapshot.totals.rejected).toBe(2);
  });
});

describe("MetricsHub processing failures", () => {
  it("shows each region's processing failures per second over the window each tick closes", () => {
    const h = createHarness();
    h.hub.addFailure("pune", "CATASTROPHIC");
    const first = h.hub.tick(T0 + 1000);
    for (let i = 0; i < 4; i++) h.hub.addFailure("pune", "TRANSIENT");
    h.hub.addFailure("pune", "PERSISTENT");
    const second = h.hub.tick(T0 + 3000);
    const third = h.hub.tick(T0 + 4000);
    const rate = (s: typeof first) => s.regions.find((r) => r.id === "pune")!.failuresPerSecond;
    expect([rate(first), rate(second), rate(third)]).toEqual([1, 2.5, 0]);
    expect(second.regions.find((r) => r.id === "mumbai")!.failuresPerSecond).toBe(0);
  });

  it("does not count the failures a restart restores as new ones", () => {
    const before = createHarness();
    for (let i = 0; i < 50; i++) before.hub.addFailure("pune", "TRANSIENT");
    const after = createHarness();
    after.hub.restoreCounters(before.hub.exportCounters());
    const pune = after.hub.tick(T0 + 1000).regions.find((r) => r.id === "pune")!;
    expect([pune.failures.TRANSIENT, pune.failuresPerSecond]).toEqual([50, 0]);
  });
});
