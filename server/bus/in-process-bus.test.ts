import { afterEach, describe, expect, it } from "vitest";
import type { ViewerEvent } from "@/core/events/events";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import { AppError } from "../errors";
import type { BatchHandler, BusBatch } from "./event-bus";
import { InProcessBus, type InProcessBusOptions } from "./in-process-bus";
import { buildTestEvent } from "@/core/events/test-events";

function makeEvent(eventId: string): ViewerEvent {
  return buildTestEvent({
    eventId,
    userId: `user-${eventId}`,
    deviceId: `dev-${eventId}`,
    sessionId: `session-${eventId}`,
    timestamp: 1_764_000_000_000,
    location: "Pune",
    contentId: "ipl-final-2026",
    networkType: "WiFi",
  });
}

function makeEvents(...ids: string[]): ViewerEvent[] {
  return ids.map(makeEvent);
}

/** What a handler saw, reduced to the fields the assertions care about. */
interface Delivery {
  region: RegionId;
  partition: number;
  baseOffset: number;
  ingestedAt: number;
  eventIds: string[];
}

function toDelivery(batch: BusBatch): Delivery {
  return {
    region: batch.region,
    partition: batch.partition,
    baseOffset: batch.baseOffset,
    ingestedAt: batch.ingestedAt,
    eventIds: batch.events.map((e) => e.eventId),
  };
}

/** A handler that records every delivery it is given and acknowledges it synchronously. */
function recorder(): { deliveries: Delivery[]; handler: BatchHandler } {
  const deliveries: Delivery[] = [];
  return { deliveries, handler: (batch) => void deliveries.push(toDelivery(batch)) };
}

/** A gate an async handler can wait on, opened by the test. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

/** Polls `condition` on the event loop until it holds, failing after a bounded time. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Lets pending immediates, microtasks and 1 ms timers run, for asserting that something did NOT happen. */
async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** Tracks whether a promise has settled yet, without letting a rejection go unhandled. */
function track<T>(promise: Promise<T>): { settled: () => boolean; promise: Promise<T> } {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  return { settled: () => done, promise };
}

const buses: InProcessBus[] = [];

function createBus(options: InProcessBusOptions = {}): InProcessBus {
  const bus = new InProcessBus({ redeliveryDelayMs: 1, onHandlerError: () => {}, ...options });
  buses.push(bus);
  return bus;
}

afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
});

describe("InProcessBus delivery", () => {
  it("delivers a region's batches to a subscribed group in publish order, with event-counting offsets and ingestedAt", async () => {
    const bus = createBus();
    const { deliveries, handler } = recorder();
    await bus.subscribe("processors", handler);

    await bus.publish("pune", makeEvents("p1", "p2"), 1000);
    await bus.publish("pune", makeEvents("p3"), 1001.5);
    await bus.publish("delhi", makeEvents("d1", "d2", "d3"), 1002);
    await bus.publish("pune", makeEvents("p4", "p5", "p6"), 1003);
    await bus.publish("delhi", makeEvents("d4"), 1004);
    await waitFor(() => deliveries.length === 5, "5 deliveries");

    expect(deliveries.filter((d) => d.region === "pune")).toEqual([
      { region: "pune", partition: 0, baseOffset: 0, ingestedAt: 1000, eventIds: ["p1", "p2"] },
      { region: "pune", partition: 0, baseOffset: 2, ingestedAt: 1001.5, eventIds: ["p3"] },
      { region: "pune", partition: 0, baseOffset: 3, ingestedAt: 1003, eventIds: ["p4", "p5", "p6"] },
    ]);
    expect(deliveries.filter((d) => d.region === "delhi")).toEqual([
      { region: "delhi", partition: 0, baseOffset: 0, ingestedAt: 1002, eventIds: ["d1", "d2", "d3"] },
      { region: "delhi", partition: 0, baseOffset: 3, ingestedAt: 1004, eventIds: ["d4"] },
    ]);
  });

  it("hands the handler the very event objects that were published", async () => {
    const bus = createBus();
    const seen: BusBatch[] = [];
    await bus.subscribe("processors", (batch) => void seen.push(batch));
    const events = makeEvents("k1", "k2");

    await bus.publish("kolkata", events, 5);
    await waitFor(() => seen.length === 1, "1 delivery");

    expect(seen[0]!.events).toEqual(events);
    expect(seen[0]!.events[0]).toBe(events[0]);
  });

  it("resolves publish of an empty batch without delivering anything or moving offsets", async () => {
    const bus = createBus();
    const { deliveries, handler } = recorder();
    await bus.subscribe("processors", handler);

    await bus.publish("mumbai", [], 1);
    await bus.publish("mumbai", makeEvents("m1"), 2);
    await waitFor(() => deliveries.length === 1, "1 delivery");
    await settle();

    expect(deliveries).toEqual([{ region: "mumbai", partition: 0, baseOffset: 0, ingestedAt: 2, eventIds: ["m1"] }]);
  });

  it("delivers batches published before a group existed to that group once it subscribes (earliest retained)", async () => {
    const bus = createBus();
    await bus.publish("hyderabad", makeEvents("h1"), 10);
    await bus.publish("hyderabad", makeEvents("h2", "h3"), 11);

    const { deliveries, handler } = recorder();
    await bus.subscribe("late", handler);
    await waitFor(() => deliveries.length === 2, "2 deliveries");

    expect(deliveries).toEqual([
      { region: "hyderabad", partition: 0, baseOffset: 0, ingestedAt: 10, eventIds: ["h1"] },
      { region: "hyderabad", partition: 0, baseOffset: 1, ingestedAt: 11, eventIds: ["h2", "h3"] },
    ]);
  });

  it("gives every batch to each of two different consumer groups", async () => {
    const bus = createBus();
    const a = recorder();
    const b = recorder();
    await bus.subscribe("processors", a.handler);
    await bus.subscribe("archivers", b.handler);

    await bus.publish("mumbai", makeEvents("m1"), 1);
    await bus.publish("bangalore", makeEvents("b1", "b2"), 2);
    await bus.publish("mumbai", makeEvents("m2"), 3);
    await waitFor(() => a.deliveries.length === 3 && b.deliveries.length === 3, "3 deliveries to each group");

    const expected: Delivery[] = [
      { region: "mumbai", partition: 0, baseOffset: 0, ingestedAt: 1, eventIds: ["m1"] },
      { region: "mumbai", partition: 0, baseOffset: 1, ingestedAt: 3, eventIds: ["m2"] },
      { region: "bangalore", partition: 0, baseOffset: 0, ingestedAt: 2, eventIds: ["b1", "b2"] },
    ];
    const byRegionThenOffset = (x: Delivery, y: Delivery) =>
      REGION_IDS.indexOf(x.region) - REGION_IDS.indexOf(y.region) || x.baseOffset - y.baseOffset;
    expect([...a.deliveries].sort(byRegionThenOffset)).toEqual(expected);
    expect([...b.deliveries].sort(byRegionThenOffset)).toEqual(expected);
  });

  it("splits the region partitions between two members of one group, never delivering a batch to both", async () => {
    const bus = createBus();
    const a = recorder();
    const b = recorder();
    await bus.subscribe("processors", a.handler);
    await bus.subscribe("processors", b.handler);

    for (const [i, region] of REGION_IDS.entries()) await bus.publish(region, makeEvents(`${region}-1`), i);
    for (const [i, region] of REGION_IDS.entries()) await bus.publish(region, makeEvents(`${region}-2`), 100 + i);
    const total = REGION_IDS.length * 2;
    await waitFor(() => a.deliveries.length + b.deliveries.length === total, `${total} deliveries`);
    await settle();

    const aRegions = new Set(a.deliveries.map((d) => d.region));
    const bRegions = new Set(b.deliveries.map((d) => d.region));
    // Each member owns some partitions; no partition (and so no batch) goes to both.
    expect(aRegions.size).toBeGreaterThan(0);
    expect(bRegions.size).toBeGreaterThan(0);
    expect([...aRegions].filter((r) => bRegions.has(r))).toEqual([]);
    expect([...aRegions, ...bRegions].sort()).toEqual([...REGION_IDS].sort());
    // Every batch arrived exactly once in the group.
    const ids = [...a.deliveries, ...b.deliveries].flatMap((d) => d.eventIds).sort();
    expect(ids).toEqual(REGION_IDS.flatMap((r) => [`${r}-1`, `${r}-2`]).sort());
    expect(a.deliveries.length + b.deliveries.length).toBe(total);
  });

  it("moves a leaving member's partitions to the member that stays", async () => {
    const bus = createBus();
    const a = recorder();
    const b = recorder();
    await bus.subscribe("processors", a.handler);
    const subB = await bus.subscribe("processors", b.handler);
    await subB.close();

    for (const region of REGION_IDS) await bus.publish(region, makeEvents(`${region}-1`), 1);
    await waitFor(() => a.deliveries.length === REGION_IDS.length, "a delivery per region to the remaining member");
    await settle();

    expect(a.deliveries.map((d) => d.region).sort()).toEqual([...REGION_IDS].sort());
    expect(b.deliveries).toEqual([]);
    // Closing a subscription twice is harmless.
    await expect(subB.close()).resolves.toBeUndefined();
  });

  it("does not hand a partition to a newly joined member while the previous owner still has a batch of it in flight", async () => {
    const bus = createBus();
    const a: Delivery[] = [];
    const b: Delivery[] = [];
    const release = gate();
    await bus.subscribe("processors", async (batch) => {
      a.push(toDelivery(batch));
      await release.wait;
    });
    // With one member, every partition (delhi included) is the first member's.
    await bus.publish("delhi", makeEvents("d1"), 1);
    await waitFor(() => a.length === 1, "the first delhi batch at the first member");

    await bus.subscribe("processors", (batch) => void b.push(toDelivery(batch)));
    await bus.publish("delhi", makeEvents("d2"), 2);
    await settle();
    const seenBeforeCommit = [...a, ...b].filter((d) => d.region === "delhi").map((d) => d.eventIds[0]);

    release.open();
    await waitFor(() => [...a, ...b].filter((d) => d.region === "delhi").length === 2, "both delhi batches");
    await settle();

    expect(seenBeforeCommit).toEqual(["d1"]);
    const delhi = [...a, ...b].filter((d) => d.region === "delhi");
    expect(delhi.map((d) => [d.baseOffset, d.eventIds[0]])).toEqual([
      [0, "d1"],
      [1, "d2"],
    ]);
  });
});

describe("InProcessBus at-least-once delivery", () => {
  for (const mode of ["throws synchronously", "rejects"] as const) {
    it(`redelivers a batch whose handler ${mode}, holding back that partition while other partitions keep flowing`, async () => {
      const errors: Array<{ error: unknown; batch: Delivery }> = [];
      const bus = createBus({ onHandlerError: (error, batch) => void errors.push({ error, batch: toDelivery(batch) }) });
      const calls: Delivery[] = [];
      const failure = new Error("processor crashed");
      let failPune = true;
      const handler: BatchHandler =
        mode === "rejects"
          ? async (batch) => {
              calls.push(toDelivery(batch));
              await Promise.resolve();
              if (batch.region === "pune" && failPune) throw failure;
            }
          : (batch) => {
              calls.push(toDelivery(batch));
              if (batch.region === "pune" && failPune) throw failure;
            };
      await bus.subscribe("processors", handler);

      await bus.publish("pune", makeEvents("p1", "p2"), 10);
      await bus.publish("pune", makeEvents("p3"), 11);
      await bus.publish("delhi", makeEvents("d1"), 12);
      await bus.publish("delhi", makeEvents("d2"), 13);
      await waitFor(() => calls.filter((c) => c.region === "pune").length >= 3, "at least 3 attempts at the failing pune batch");
      await waitFor(() => calls.filter((c) => c.region === "delhi").length === 2, "both delhi batches");

      // While the first pune batch keeps failing, only it is (re)delivered; delhi flowed regardless.
      const puneWhileFailing = calls.filter((c) => c.region === "pune");
      expect(puneWhileFailing.every((c) => c.baseOffset === 0)).toBe(true);
      expect(puneWhileFailing[0]).toEqual({ region: "pune", partition: 0, baseOffset: 0, ingestedAt: 10, eventIds: ["p1", "p2"] });
      expect(new Set(puneWhileFailing.map((c) => JSON.stringify(c))).size).toBe(1);
      expect(calls.filter((c) => c.region === "delhi").map((c) => [c.baseOffset, c.eventIds])).toEqual([
        [0, ["d1"]],
        [1, ["d2"]],
      ]);
      expect(errors.length).toBeGreaterThanOrEqual(2);
      expect(errors[0]).toEqual({ error: failure, batch: puneWhileFailing[0] });

      failPune = false;
      await waitFor(() => calls.some((c) => c.region === "pune" && c.baseOffset === 2), "the second pune batch");
      await settle();

      const pune = calls.filter((c) => c.region === "pune");
      const failedAttempts = errors.length;
      // Every failed attempt is followed by exactly one more delivery of the same batch, then the next batch once.
      expect(pune.map((c) => c.baseOffset)).toEqual([...Array<number>(failedAttempts + 1).fill(0), 2]);
      expect(pune.at(-1)).toEqual({ region: "pune", partition: 0, baseOffset: 2, ingestedAt: 11, eventIds: ["p3"] });
      expect(errors.every((e) => e.error === failure && e.batch.region === "pune" && e.batch.baseOffset === 0)).toBe(true);
    });
  }

  it("waits redeliveryDelayMs before redelivering a failed batch", async () => {
    const bus = createBus({ redeliveryDelayMs: 60_000 });
    const calls: Delivery[] = [];
    let fail = true;
    await bus.subscribe("processors", (batch) => {
      calls.push(toDelivery(batch));
      if (fail) throw new Error("down");
    });
    await bus.publish("mumbai", makeEvents("m1"), 1);
    fail = false;
    await settle();

    // A minute has not passed, so the failed batch was not delivered again (close() cancels the timer).
    expect(calls.map((c) => c.eventIds)).toEqual([["m1"]]);
  });

  it("counts redeliveries and retained events in health()", async () => {
    const bus = createBus();
    expect(bus.health()).toEqual({ status: "up", detail: "in-process, 0 consumer group(s), 0 event(s) retained, 0 redelivery(ies)" });

    await bus.publish("pune", makeEvents("p1", "p2", "p3"), 1);
    expect(bus.health()).toEqual({ status: "up", detail: "in-process, 0 consumer group(s), 3 event(s) retained, 0 redelivery(ies)" });

    let failures = 0;
    const calls: Delivery[] = [];
    await bus.subscribe("processors", (batch) => {
      calls.push(toDelivery(batch));
      if (failures++ < 2) throw new Error("flaky");
    });
    await waitFor(() => calls.length === 3, "2 failed attempts and a success");
    await settle();

    expect(bus.health()).toEqual({ status: "up", detail: "in-process, 1 consumer group(s), 0 event(s) retained, 2 redelivery(ies)" });
  });
});

describe("InProcessBus backpressure", () => {
  it("makes publish wait while retained events reach maxRetainedEvents and continues once the consumer commits", async () => {
    const bus = createBus({ maxRetainedEvents: 3 });
    const calls: Delivery[] = [];
    const release = gate();
    await bus.subscribe("processors", async (batch) => {
      calls.push(toDelivery(batch));
      await release.wait;
    });

    await bus.publish("pune", makeEvents("p1", "p2", "p3"), 1);
    await waitFor(() => calls.length === 1, "the first batch in flight");
    const blocked = track(bus.publish("delhi", makeEvents("d1"), 2));
    await settle();

    expect(blocked.settled()).toBe(false);
    expect(bus.health().detail).toBe("in-process, 1 consumer group(s), 3 event(s) retained, 0 redelivery(ies)");

    release.open();
    await blocked.promise;
    await waitFor(() => calls.length === 2, "the second batch");
    expect(calls.map((c) => [c.region, c.baseOffset, c.eventIds])).toEqual([
      ["pune", 0, ["p1", "p2", "p3"]],
      ["delhi", 0, ["d1"]],
    ]);
  });

  it("lets a publish through while retained events are below the limit even if the batch takes it over", async () => {
    const bus = createBus({ maxRetainedEvents: 3 });
    await bus.publish("pune", makeEvents("p1", "p2"), 1);
    await bus.publish("pune", makeEvents("p3", "p4", "p5"), 2);
    expect(bus.health().detail).toBe("in-process, 0 consumer group(s), 5 event(s) retained, 0 redelivery(ies)");

    const blocked = track(bus.publish("pune", makeEvents("p6"), 3));
    await settle();
    expect(blocked.settled()).toBe(false);
  });

  it("keeps publishers waiting until the slowest group has committed", async () => {
    const bus = createBus({ maxRetainedEvents: 2 });
    const fast = recorder();
    const slowCalls: Delivery[] = [];
    const release = gate();
    await bus.subscribe("fast", fast.handler);
    await bus.subscribe("slow", async (batch) => {
      slowCalls.push(toDelivery(batch));
      await release.wait;
    });

    await bus.publish("mumbai", makeEvents("m1", "m2"), 1);
    await waitFor(() => fast.deliveries.length === 1 && slowCalls.length === 1, "the batch at both groups");
    const blocked = track(bus.publish("mumbai", makeEvents("m3"), 2));
    await settle();
    expect(blocked.settled()).toBe(false);

    release.open();
    await blocked.promise;
    await waitFor(() => fast.deliveries.length === 2 && slowCalls.length === 2, "the second batch at both groups");
  });
});

describe("InProcessBus close", () => {
  it("rejects waiting publishers with an unavailable AppError, is safe to call twice, and refuses later publishes and subscriptions", async () => {
    const bus = createBus({ maxRetainedEvents: 1 });
    await bus.publish("pune", makeEvents("p1"), 1);
    const waiting = track(bus.publish("pune", makeEvents("p2"), 2));
    await settle();
    expect(waiting.settled()).toBe(false);

    await bus.close();
    const rejection = await waiting.promise.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(rejection).toBeInstanceOf(AppError);
    expect(rejection).toMatchObject({ code: "unavailable", status: 503 });

    await expect(bus.close()).resolves.toBeUndefined();
    await expect(bus.publish("delhi", makeEvents("d1"), 3)).rejects.toMatchObject({ name: "AppError", code: "unavailable" });
    await expect(bus.subscribe("processors", () => {})).rejects.toMatchObject({ name: "AppError", code: "unavailable" });
    expect(bus.health()).toEqual({ status: "down", detail: "shut down" });
  });

  it("waits for an in-flight batch and then delivers nothing more", async () => {
    const bus = createBus();
    const calls: Delivery[] = [];
    const release = gate();
    await bus.subscribe("processors", async (batch) => {
      calls.push(toDelivery(batch));
      await release.wait;
    });
    await bus.publish("bangalore", makeEvents("b1"), 1);
    await bus.publish("bangalore", makeEvents("b2"), 2);
    await waitFor(() => calls.length === 1, "the first batch in flight");

    const closing = track(bus.close());
    await settle();
    expect(closing.settled()).toBe(false);

    release.open();
    await closing.promise;
    await settle();
    expect(calls.map((c) => c.eventIds)).toEqual([["b1"]]);
  });
});
