import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { ViewerEvent } from "@/core/events/events";
import { RedisLiveStore } from "./redis-live-store";

const T0 = 1_764_000_000_000;
const withIds = (...ids: string[]) => ids.map((eventId) => ({ eventId, sessionId: `s-${eventId}` }) as ViewerEvent);
const idsOf = (events: readonly ViewerEvent[]) => events.map((e) => e.eventId);
const origin = (offsets: number[]) => ({ source: "events.pune/0", offsets });

describe("RedisLiveStore idempotency against a real Redis", () => {
  const redis = new Redis(inject("redisUrl"));
  let prefix: string;
  let store: RedisLiveStore;

  beforeEach(() => {
    prefix = `live-${randomBytes(4).toString("hex")}`;
    store = new RedisLiveStore({ redis, prefix, heartbeatWindowMs: 15_000, idempotencyWindowMs: 30_000, onError: () => {} });
  });

  afterAll(async () => {
    const keys = await redis.keys("live-*");
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it("keeps first sightings only, within a batch and across batches, when events carry no origin", async () => {
    expect(idsOf(await store.keepFirstSightings(withIds("a", "b"), T0))).toEqual(["a", "b"]);
    expect(idsOf(await store.keepFirstSightings(withIds("c", "a", "d", "d", "b", "e"), T0 + 1))).toEqual(["c", "d", "e"]);
  });

  it("counts a redelivery of the same message as new, and the same event_id at another offset as a duplicate", async () => {
    expect(idsOf(await store.keepFirstSightings(withIds("a", "b"), T0, origin([10, 11])))).toEqual(["a", "b"]);
    expect(idsOf(await store.keepFirstSightings(withIds("a", "b", "c"), T0 + 5, origin([10, 11, 12])))).toEqual(["a", "b", "c"]);
    expect(idsOf(await store.keepFirstSightings(withIds("b", "d", "d"), T0 + 6, origin([20, 21, 22])))).toEqual(["d"]);
  });

  it("remembers ids from earlier buckets for the idempotency window, and forgets them after it", async () => {
    await store.keepFirstSightings(withIds("old"), T0, origin([1]));
    expect(idsOf(await store.keepFirstSightings(withIds("old", "new"), T0 + 25_000, origin([2, 3])))).toEqual(["new"]);
    expect(idsOf(await store.keepFirstSightings(withIds("old"), T0 + 25_000, origin([1])))).toEqual(["old"]);
    expect(idsOf(await store.keepFirstSightings(withIds("old"), T0 + 60_000, origin([4])))).toEqual(["old"]);
  });

  it("answers batches of several commands' worth of ids (5,000 per command)", async () => {
    const ids = Array.from({ length: 12_000 }, (_, i) => `big-${i}`);
    const offsets = ids.map((_, i) => i);
    expect(await store.keepFirstSightings(withIds(...ids), T0, origin(offsets))).toHaveLength(12_000);
    const again = [...ids.slice(4_990, 10_010), "big-new"];
    expect(idsOf(await store.keepFirstSightings(withIds(...again), T0 + 1, origin(again.map((_, i) => 20_000 + i))))).toEqual(["big-new"]);
  });

  it("counts the same event_id at the same offset of another partition as a duplicate", async () => {
    expect(idsOf(await store.keepFirstSightings(withIds("x"), T0, { source: "events.pune/0", offsets: [7] }))).toEqual(["x"]);
    expect(idsOf(await store.keepFirstSightings(withIds("x"), T0 + 1, { source: "events.pune/1", offsets: [7] }))).toEqual([]);
    expect(idsOf(await store.keepFirstSightings(withIds("x"), T0 + 2, { source: "events.pune/0", offsets: [7] }))).toEqual(["x"]);
  });
});
