import { describe, expect, it } from "vitest";
import type { ViewerEvent } from "@/core/events/events";
import type { FailureSeverity } from "@/core/dlq/failures";
import type { RegionId } from "@/core/routing/regions";
import type { DeadLetterRecord } from "./dead-letter";
import { FailureHandler, deadLetterIdOf, type RetryItem } from "./failure-handler";

const T0 = 1_764_000_000_000;
const event: ViewerEvent = {
  eventId: "e-1",
  userId: "u",
  deviceId: "d",
  sessionId: "s",
  eventType: "play",
  timestamp: T0,
  quality: "720p",
  location: "Pune",
  contentId: "c",
  bitrate: 4000,
  bufferHealth: 6,
  networkType: "4G",
  priority: 5,
};
const failure = { event, region: "pune" as RegionId, component: "processor" as const, ingestedAt: T0, retryCount: 0, firstFailedAt: T0 };

function createHandler(
  behaviour: {
    retry?: (item: RetryItem) => void;
    alternative?: () => void;
    maxInRetry?: number;
    schedule?: (item: RetryItem) => void;
  } = {},
) {
  const tally = { failures: [] as FailureSeverity[], inRetry: 0, deadLettered: 0, alternativePath: 0 };
  const deadLetters: DeadLetterRecord[] = [];
  const retried: RetryItem[] = [];
  const handler = new FailureHandler({
    maxRetries: 3,
    maxInRetry: behaviour.maxInRetry ?? 100,
    retry: (item) => {
      retried.push(item);
      behaviour.retry?.(item);
    },
    alternative: () => behaviour.alternative?.(),
    deadLetter: (record) => deadLetters.push(record),
    ...(behaviour.schedule ? { schedule: behaviour.schedule } : {}),
    tally: {
      addFailure: (_region, severity) => tally.failures.push(severity),
      addInRetry: (_region, delta) => (tally.inRetry += delta),
      addDeadLettered: () => tally.deadLettered++,
      addAlternativePath: () => tally.alternativePath++,
    },
  });
  return { handler, tally, deadLetters, retried };
}

describe("FailureHandler", () => {
  it("retries a TRANSIENT failure after 1 s, 2 s, 4 s, then dead-letters it with its history", () => {
    const { handler, tally, deadLetters, retried } = createHandler({
      retry: () => {
        throw new Error("network timeout");
      },
    });
    handler.handle(failure, new Error("network timeout"), T0);
    expect(tally.inRetry).toBe(1);
    handler.runDue(T0 + 999);
    expect(retried).toEqual([]);
    handler.runDue(T0 + 1000);
    handler.runDue(T0 + 1000 + 1999);
    expect(retried.length).toBe(1);
    handler.runDue(T0 + 3000);
    handler.runDue(T0 + 3000 + 4000);
    expect(retried.map((r) => r.retryCount)).toEqual([1, 2, 3]);
    expect(tally).toEqual({
      failures: ["TRANSIENT", "TRANSIENT", "TRANSIENT", "TRANSIENT"],
      inRetry: 0,
      deadLettered: 1,
      alternativePath: 0,
    });
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({
      eventId: "e-1",
      region: "pune",
      component: "processor",
      severity: "TRANSIENT",
      error: "network timeout",
      retryCount: 3,
      firstFailedAt: T0,
      deadLetteredAt: T0 + 7000,
      replayCount: 0,
      lastReplayedAt: null,
      event: { event_id: "e-1", session_id: "s", location: "Pune", buffer_health: 6 },
    });
  });

  it("counts a retry that succeeds as out of retry, with nothing dead-lettered", () => {
    const { handler, tally, deadLetters } = createHandler();
    handler.handle(failure, new Error("rate_limit exceeded"), T0);
    handler.runDue(T0 + 1000);
    expect([tally.inRetry, tally.deadLettered, deadLetters.length]).toEqual([0, 0, 0]);
  });

  it("does not hold up other failures: each waits only for its own backoff", () => {
    const { handler, retried } = createHandler();
    handler.handle(failure, new Error("timeout"), T0);
    handler.handle({ ...failure, event: { ...event, eventId: "e-2" }, retryCount: 2 }, new Error("timeout"), T0);
    handler.runDue(T0 + 1000);
    expect(retried.map((r) => r.event.eventId)).toEqual(["e-1"]);
    handler.runDue(T0 + 4000);
    expect(retried.map((r) => r.event.eventId)).toEqual(["e-1", "e-2"]);
  });

  it("sends a PERSISTENT failure down the alternative path", () => {
    const { handler, tally, deadLetters } = createHandler();
    handler.handle(failure, new Error("invalid_account on entitlement check"), T0);
    expect(tally).toEqual({ failures: ["PERSISTENT"], inRetry: 0, deadLettered: 0, alternativePath: 1 });
    expect(deadLetters).toEqual([]);
  });

  it("dead-letters a PERSISTENT failure whose alternative path fails too, saying both", () => {
    const { handler, deadLetters } = createHandler({
      alternative: () => {
        throw new Error("minimal processor down");
      },
    });
    handler.handle(failure, new Error("blocked_user"), T0);
    expect(deadLetters.map((d) => [d.severity, d.error])).toEqual([
      ["PERSISTENT", "blocked_user; the alternative path failed too: minimal processor down"],
    ]);
  });

  it("dead-letters a CATASTROPHIC failure at once, so nothing is lost", () => {
    const { handler, deadLetters, tally } = createHandler();
    handler.handle(failure, new Error("data_loss on segment upload"), T0);
    expect(deadLetters.map((d) => [d.severity, d.retryCount])).toEqual([["CATASTROPHIC", 0]]);
    expect(tally.inRetry).toBe(0);
  });

  it("dead-letters the retries still waiting when drained at shutdown, saying so", () => {
    const { handler, deadLetters, tally } = createHandler();
    handler.handle(failure, new Error("segment timeout"), T0);
    expect(handler.drain(T0 + 10)).toBe(1);
    expect(tally.inRetry).toBe(0);
    expect(deadLetters.map((d) => [d.severity, d.retryCount, d.error])).toEqual([
      ["TRANSIENT", 1, "segment timeout (shut down before retry 1; replay it)"],
    ]);
    handler.runDue(T0 + 60_000);
    expect(deadLetters).toHaveLength(1);
  });

  it("dead-letters a TRANSIENT failure at once when the retry queue is full, and says so", () => {
    const { handler, deadLetters } = createHandler({ maxInRetry: 1 });
    handler.handle(failure, new Error("timeout"), T0);
    handler.handle({ ...failure, event: { ...event, eventId: "e-2" } }, new Error("timeout"), T0);
    expect(deadLetters.map((d) => [d.eventId, d.error])).toEqual([["e-2", "timeout (retry queue full at 1)"]]);
  });

  it("hands a retry to the durable schedule instead of its own queue, and settles it when taken back", () => {
    const scheduled: RetryItem[] = [];
    const { handler, tally, retried, deadLetters } = createHandler({ schedule: (item) => scheduled.push(item) });
    handler.handle({ ...failure, origin: "events.pune/0@41" }, new Error("segment fetch timeout"), T0);
    expect(scheduled).toEqual([
      { ...failure, origin: "events.pune/0@41", retryCount: 1, dueAt: T0 + 1000, lastError: "segment fetch timeout" },
    ]);
    expect(tally.inRetry).toBe(1);
    handler.runDue(T0 + 120_000);
    expect(retried).toEqual([]);
    handler.runOne(scheduled[0]!, T0 + 1000);
    expect([retried.length, tally.inRetry, deadLetters.length]).toEqual([1, 0, 0]);
  });

  it("names a durable message's dead letter by its origin, the same every time, as a UUID", () => {
    const { handler, deadLetters } = createHandler();
    handler.handle({ ...failure, origin: "events.pune/0@41" }, new Error("database_corruption"), T0);
    handler.handle({ ...failure, origin: "events.pune/0@41" }, new Error("database_corruption"), T0 + 5);
    handler.handle({ ...failure, origin: "events.pune/0@42" }, new Error("database_corruption"), T0);
    const [first, again, other] = deadLetters.map((d) => d.id);
    expect(first).toBe(deadLetterIdOf("events.pune/0@41"));
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
