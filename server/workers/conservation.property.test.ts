import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ViewerEvent } from "@/core/events/events";
import { createRunningDrill } from "@/core/drills/drills";
import { FaultInjector } from "./fault-injector";
import { createPipeline } from "./pipeline";
import { buildTestEvent } from "@/core/events/test-events";

const CITIES = ["Mumbai", "Delhi", "Bangalore", "Hyderabad", "Pune", "Kolkata", "Jaipur"];
const ERRORS = ["segment timeout", "invalid_account", "data_loss on upload"];

function makeEvent(id: number, city: string): ViewerEvent {
  return buildTestEvent({ eventId: `e-${id}`, sessionId: `s-${id % 50}`, location: city });
}

/** A seeded PRNG so fast-check can shrink a failing case to the faults that caused it. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

const scenario = fc.record({
  // Each event: an id drawn from a small range (so repeats happen) and a city.
  events: fc.array(fc.record({ id: fc.integer({ min: 0, max: 300 }), city: fc.constantFrom(...CITIES) }), { minLength: 1, maxLength: 400 }),
  batchSize: fc.integer({ min: 1, max: 50 }),
  faults: fc.array(fc.record({ error: fc.constantFrom(...ERRORS), rate: fc.double({ min: 0, max: 0.6, noNaN: true }) }), { maxLength: 3 }),
  seed: fc.integer(),
});

describe("conservation and idempotency under random failures and repeats", () => {
  it("never loses or double-counts an event: every distinct id is processed or dead-lettered exactly once", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ events, batchSize, faults, seed }) => {
        const injector = new FaultInjector(seeded(seed));
        faults.forEach((fault, i) => {
          const request = { component: "processor" as const, errorMessage: fault.error, rate: fault.rate, durationSeconds: 3600 };
          injector.add(createRunningDrill(request, `drill-${i}`, Date.now(), null), Date.now());
        });
        const deadLettered = new Map<string, number>();
        const { store, bus, hub, processor, ingestor, subscription } = await createPipeline({
          now: Date.now(),
          idempotencyWindowMs: 600_000,
          maxInRetry: 10_000,
          faults: injector,
          inProcessBus: { onHandlerError: () => {} },
          sampleProcess: () => ({ rssMb: 0, heapUsedMb: 0, cpuPercent: 0, memoryPercent: 0 }),
          deadLetter: (record) => deadLettered.set(record.eventId, (deadLettered.get(record.eventId) ?? 0) + 1),
        });

        const stream = events.map((e) => makeEvent(e.id, e.city));
        for (let i = 0; i < stream.length; i += batchSize) await ingestor.ingestValid(stream.slice(i, i + batchSize));
        // Let every retry come due: backoff never exceeds 60 s, and 3 retries end in the dead-letter queue.
        for (let round = 1; round <= 4; round++) processor.runDueRetries(Date.now() + round * 61_000);

        const snapshot = hub.tick(Date.now());
        const distinct = new Set(stream.map((e) => e.eventId)).size;
        expect(snapshot.conservation).toMatchObject({ ingested: stream.length, queued: 0, inRetry: 0, balanced: true });
        expect(snapshot.conservation.processed + snapshot.conservation.deadLettered).toBe(distinct);
        expect(snapshot.conservation.duplicates).toBe(stream.length - distinct);
        expect([...deadLettered.values()].every((n) => n === 1)).toBe(true);
        expect(snapshot.regions.every((r) => r.flow.balanced)).toBe(true);
        await subscription?.close();
        await bus.close();
        await store.close();
      }),
      { numRuns: 150 },
    );
  });
});
