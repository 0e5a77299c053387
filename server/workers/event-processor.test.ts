import { describe, expect, it } from "vitest";
import type { ViewerEvent } from "@/core/events/events";
import type { DeadLetterRecord } from "./dead-letter";
import { FaultInjector } from "./fault-injector";
import { createPipeline } from "./pipeline";
import { buildTestEvent } from "@/core/events/test-events";

function makeEvent(id: string, location: string): ViewerEvent {
  return buildTestEvent({ eventId: id, sessionId: `s-${id}`, location });
}

async function createHarness() {
  const faults = new FaultInjector(() => 0);
  const deadLetters: DeadLetterRecord[] = [];
  const pipeline = await createPipeline({
    now: Date.now(),
    faults,
    maxRetries: 3,
    sampleProcess: () => ({ rssMb: 0, heapUsedMb: 0, cpuPercent: 0, memoryPercent: 0 }),
    deadLetter: (record) => deadLetters.push(record),
  });
  return { ...pipeline, faults, deadLetters };
}

describe("EventProcessor checkpoint restore", () => {
  it("rolls a batch back to its checkpoint on a CATASTROPHIC failure, and dead-letters the event that keeps failing after 3 restores", async () => {
    const h = await createHarness();
    const checks = new Map<string, number>();
    // p-1 fails catastrophically every time; p-2 never. Each pass sees both events before it is rolled back.
    h.faults.check = (component, region, _now, eventId) => {
      if (component !== "processor" || region !== "pune" || eventId === undefined) return;
      checks.set(eventId, (checks.get(eventId) ?? 0) + 1);
      if (eventId === "p-1") throw new Error("data_loss in segment store");
    };
    await h.ingestor.ingestValid([makeEvent("p-1", "Pune"), makeEvent("p-2", "Pune")]);
    const pune = h.hub.tick(Date.now()).regions.find((r) => r.id === "pune")!;

    expect(h.deadLetters.map((d) => [d.eventId, d.severity, d.retryCount, d.error])).toEqual([
      ["p-1", "CATASTROPHIC", 3, "data_loss in segment store (still failing after 3 restore(s) from the checkpoint)"],
    ]);
    // Three passes were rolled back; the fourth dead-lettered p-1 and processed p-2, counted once.
    expect([...checks]).toEqual([
      ["p-1", 4],
      ["p-2", 4],
    ]);
    expect(pune.processed).toBe(1);
    expect(pune.failures).toEqual({ CATASTROPHIC: 4, PERSISTENT: 0, TRANSIENT: 0 });
    expect(pune.flow).toEqual({ routed: 2, processed: 1, queued: 0, inRetry: 0, deadLettered: 1, duplicates: 0, balanced: true });
    await h.subscription?.close();
    await h.bus.close();
  });

  it("rolls a batch back at most three times however many of its events fail catastrophically", async () => {
    const h = await createHarness();
    let checks = 0;
    // Every one of 100 events fails catastrophically: one rollback per pass, not one per event.
    h.faults.check = (component, region) => {
      if (component !== "processor" || region !== "pune") return;
      checks++;
      throw new Error("data_loss in segment store");
    };
    await h.ingestor.ingestValid(Array.from({ length: 100 }, (_, i) => makeEvent(`p-${i}`, "Pune")));
    const pune = h.hub.tick(Date.now()).regions.find((r) => r.id === "pune")!;

    expect(checks).toBe(400);
    expect(h.deadLetters).toHaveLength(100);
    expect(new Set(h.deadLetters.map((d) => d.retryCount))).toEqual(new Set([3]));
    expect(pune.failures).toEqual({ CATASTROPHIC: 103, PERSISTENT: 0, TRANSIENT: 0 });
    expect(pune.flow).toEqual({ routed: 100, processed: 0, queued: 0, inRetry: 0, deadLettered: 100, duplicates: 0, balanced: true });
    await h.subscription?.close();
    await h.bus.close();
  });

  it("rolls a batch back at most three times even when a different event fails in each pass", async () => {
    const h = await createHarness();
    const ids = Array.from({ length: 6 }, (_, i) => `p-${i}`);
    let pass = 0;
    // Pass n fails only event n: no event ever reaches three restores of its own, the batch's budget ends it.
    h.faults.check = (component, region, _now, eventId) => {
      if (component !== "processor" || region !== "pune") return;
      if (eventId === ids[pass]) throw new Error("data_loss in segment store");
      if (eventId === ids.at(-1)) pass++;
    };
    await h.ingestor.ingestValid(ids.map((id) => makeEvent(id, "Pune")));
    const pune = h.hub.tick(Date.now()).regions.find((r) => r.id === "pune")!;

    expect(h.deadLetters.map((d) => [d.eventId, d.retryCount, d.error])).toEqual([["p-3", 0, "data_loss in segment store"]]);
    expect(pune.failures).toEqual({ CATASTROPHIC: 4, PERSISTENT: 0, TRANSIENT: 0 });
    expect(pune.flow).toEqual({ routed: 6, processed: 5, queued: 0, inRetry: 0, deadLettered: 1, duplicates: 0, balanced: true });
    await h.subscription?.close();
    await h.bus.close();
  });

  it("drops what a rolled-back pass produced: a retry scheduled before the restore is not kept twice", async () => {
    const h = await createHarness();
    const errors = ["segment fetch timeout", "data_loss in segment store"];
    let calls = 0;
    h.faults.check = (component, region) => {
      if (component !== "processor" || region !== "pune") return;
      const n = calls++;
      // Pass 1: p-1 times out (a retry), p-2 is catastrophic (restore). Pass 2: p-1 times out again, p-2 passes.
      if (n === 0 || n === 2) throw new Error(errors[0]);
      if (n === 1) throw new Error(errors[1]);
    };
    await h.ingestor.ingestValid([makeEvent("p-1", "Pune"), makeEvent("p-2", "Pune")]);
    const pune = h.hub.tick(Date.now()).regions.find((r) => r.id === "pune")!;
    expect(pune.flow).toEqual({ routed: 2, processed: 1, queued: 0, inRetry: 1, deadLettered: 0, duplicates: 0, balanced: true });
    expect(pune.failures).toEqual({ CATASTROPHIC: 1, PERSISTENT: 0, TRANSIENT: 1 });
    h.processor.runDueRetries(Date.now() + 61_000);
    const after = h.hub.tick(Date.now()).regions.find((r) => r.id === "pune")!;
    expect(after.flow).toEqual({ routed: 2, processed: 2, queued: 0, inRetry: 0, deadLettered: 0, duplicates: 0, balanced: true });
    await h.subscription?.close();
    await h.bus.close();
  });
});
