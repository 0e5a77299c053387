import { afterEach, describe, expect, it } from "vitest";
import type { ViewerEvent } from "@/core/events/events";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import { MemoryLiveStore } from "./memory-live-store";
import { buildTestEvent } from "@/core/events/test-events";

const WINDOW_MS = 10_000;
const T0 = 1_764_000_000_000;

function sessionEvents(...sessionIds: string[]): ViewerEvent[] {
  return sessionIds.map((sessionId, i) =>
    buildTestEvent({
      eventId: `${sessionId}-${i}`,
      userId: `user-${sessionId}`,
      deviceId: `dev-${sessionId}`,
      sessionId,
      timestamp: T0,
      location: "Mumbai",
      contentId: "ipl-final-2026",
    }),
  );
}

/** Every region's count, zeros included, as countViewers returns them. */
function counts(partial: Partial<Record<RegionId, number>>): Map<RegionId, number> {
  return new Map(REGION_IDS.map((id) => [id, partial[id] ?? 0]));
}

const stores: MemoryLiveStore[] = [];

function createStore(windowMs = WINDOW_MS): MemoryLiveStore {
  const store = new MemoryLiveStore(windowMs, 60_000, 0);
  stores.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

describe("MemoryLiveStore", () => {
  it("reports zero viewers for every region before anything is seen", () => {
    const store = createStore();
    expect(store.countViewers(T0)).toEqual(counts({}));
    expect([...store.countViewers(T0).keys()]).toEqual([...REGION_IDS]);
  });

  it("counts distinct sessions per region within the heartbeat window", () => {
    const store = createStore();
    store.recordSessions("mumbai", sessionEvents("a", "b", "a", "c"), T0);
    store.recordSessions("mumbai", sessionEvents("b", "d"), T0 + 1000);
    store.recordSessions("delhi", sessionEvents("x"), T0 + 2000);

    expect(store.countViewers(T0 + 5000)).toEqual(counts({ mumbai: 4, delhi: 1 }));
  });

  it("counts a session seen at t while t > now - window, and drops it at now = t + window", () => {
    const store = createStore();
    store.recordSessions("pune", sessionEvents("s"), T0);

    expect(store.countViewers(T0 + WINDOW_MS - 1)).toEqual(counts({ pune: 1 }));
    expect(store.countViewers(T0 + WINDOW_MS - 0.001)).toEqual(counts({ pune: 1 }));
    expect(store.countViewers(T0 + WINDOW_MS)).toEqual(counts({}));
  });

  it("forgets an expired session for good: a later count with an earlier now does not bring it back", () => {
    const store = createStore();
    store.recordSessions("pune", sessionEvents("s"), T0);
    expect(store.countViewers(T0 + WINDOW_MS)).toEqual(counts({}));
    expect(store.countViewers(T0)).toEqual(counts({}));
    expect(store.health()).toEqual({ status: "up", detail: "in memory, 0 live session(s), 0 event id(s) in the idempotency window" });
  });

  it("counts a session seen again once, and moves its expiry to the later sighting", () => {
    const store = createStore();
    store.recordSessions("bangalore", sessionEvents("a", "b"), T0);
    store.recordSessions("bangalore", sessionEvents("a"), T0 + 4000);

    expect(store.countViewers(T0 + 4000)).toEqual(counts({ bangalore: 2 }));
    // b expires with its only sighting; a lives until its second one is a window old.
    expect(store.countViewers(T0 + WINDOW_MS)).toEqual(counts({ bangalore: 1 }));
    expect(store.countViewers(T0 + 4000 + WINDOW_MS - 1)).toEqual(counts({ bangalore: 1 }));
    expect(store.countViewers(T0 + 4000 + WINDOW_MS)).toEqual(counts({}));
  });

  it("keeps a re-seen session that was first seen before sessions still live, and expires the others in turn", () => {
    const store = createStore();
    store.recordSessions("hyderabad", sessionEvents("first"), T0);
    store.recordSessions("hyderabad", sessionEvents("second"), T0 + 1000);
    store.recordSessions("hyderabad", sessionEvents("third"), T0 + 2000);
    store.recordSessions("hyderabad", sessionEvents("first"), T0 + 3000);

    expect(store.countViewers(T0 + WINDOW_MS + 1000)).toEqual(counts({ hyderabad: 2 })); // second gone
    expect(store.countViewers(T0 + WINDOW_MS + 2000)).toEqual(counts({ hyderabad: 1 })); // third gone
    expect(store.countViewers(T0 + WINDOW_MS + 2999)).toEqual(counts({ hyderabad: 1 })); // first still live
    expect(store.countViewers(T0 + WINDOW_MS + 3000)).toEqual(counts({}));
  });

  it("keeps regions independent: the same session id in two regions counts in each, and expires in each on its own", () => {
    const store = createStore();
    store.recordSessions("kolkata", sessionEvents("shared", "k"), T0);
    store.recordSessions("delhi", sessionEvents("shared"), T0 + 5000);

    expect(store.countViewers(T0 + 5000)).toEqual(counts({ kolkata: 2, delhi: 1 }));
    expect(store.countViewers(T0 + WINDOW_MS)).toEqual(counts({ delhi: 1 }));
    expect(store.countViewers(T0 + 5000 + WINDOW_MS)).toEqual(counts({}));
  });

  it("counts sessions recorded with no events as nothing", () => {
    const store = createStore();
    store.recordSessions("mumbai", [], T0);
    expect(store.countViewers(T0)).toEqual(counts({}));
  });

  it("reports the live sessions of all regions in health() and forgets them on close()", async () => {
    const store = createStore();
    store.recordSessions("mumbai", sessionEvents("a", "b"), T0);
    store.recordSessions("pune", sessionEvents("a"), T0);
    expect(store.health()).toEqual({ status: "up", detail: "in memory, 3 live session(s), 0 event id(s) in the idempotency window" });
    expect(store.kind).toBe("memory");

    await store.close();
    expect(store.health()).toEqual({ status: "up", detail: "in memory, 0 live session(s), 0 event id(s) in the idempotency window" });
    expect(store.countViewers(T0)).toEqual(counts({}));
  });
});

describe("MemoryLiveStore idempotency", () => {
  const withIds = (...ids: string[]) => ids.map((eventId, i) => ({ ...sessionEvents(`s-${i}`)[0]!, eventId }));

  it("returns the very same array when every event is new", () => {
    const store = createStore();
    const batch = withIds("a", "b", "c");
    expect(store.keepFirstSightings(batch, T0)).toBe(batch);
  });

  it("drops events whose event_id was already seen, in a batch or across batches, keeping order", () => {
    const store = createStore();
    store.keepFirstSightings(withIds("a", "b"), T0);
    const kept = store.keepFirstSightings(withIds("c", "a", "d", "d", "b", "e"), T0 + 1);
    expect(kept.map((e) => e.eventId)).toEqual(["c", "d", "e"]);
  });

  it("forgets ids once the idempotency window has passed twice", () => {
    const store = createStore();
    store.keepFirstSightings(withIds("a"), 0);
    store.keepFirstSightings(withIds("tick"), 60_000);
    expect(store.keepFirstSightings(withIds("a"), 120_000).map((e) => e.eventId)).toEqual(["a"]);
  });
});
