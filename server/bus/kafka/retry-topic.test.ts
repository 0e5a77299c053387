import { afterEach, describe, expect, it, vi } from "vitest";
import { parseViewerEvent, type ViewerEvent } from "@/core/events/events";
import type { RegionId } from "@/core/routing/regions";
import type { RetryItem } from "../../workers/failure-handler";
import { makeBatchPayload } from "../../testing/kafka-batch";
import { makeWireEvents } from "../../testing/wire-events";
import { decodeRetry } from "./messages";
import { consumeRetryBatch, retryMessagesOf, type RetryBatch } from "./retry-topic";

const [event, other] = makeWireEvents("retry", 0, 2).map((wire) => {
  const parsed = parseViewerEvent(wire);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
}) as [ViewerEvent, ViewerEvent];

const itemOf = (region: RegionId, dueAt: number, e: ViewerEvent = event): RetryItem => ({
  event: e,
  region,
  component: "processor",
  ingestedAt: 1,
  retryCount: 0,
  firstFailedAt: 2,
  dueAt,
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the retry topics", () => {
  it("sends each retry to its region's topic, keyed by session", () => {
    const items = [itemOf("pune", 10), itemOf("delhi", 20, other), itemOf("pune", 30, other)];
    const topics = retryMessagesOf(items, (region) => `sb.retry.${region}`);
    expect(topics.map(({ topic, messages }) => ({ topic, keys: messages.map((m) => m.key) }))).toEqual([
      { topic: "sb.retry.pune", keys: [event.sessionId, other.sessionId] },
      { topic: "sb.retry.delhi", keys: [other.sessionId] },
    ]);
    expect(decodeRetry(Buffer.from(topics[0]!.messages[1]!.value))).toEqual({ ok: true, value: items[2] });
  });

  it("hands the due retries over as one batch, skipping invalid messages, and resolves past them", async () => {
    const now = Date.now();
    const { payload, resolved } = makeBatchPayload("sb.retry.pune", 2, [
      { offset: 4, value: JSON.stringify({ ...itemOf("pune", now - 10), event: makeWireEvents("retry", 0, 1)[0] }) },
      { offset: 5, value: "garbage" },
      { offset: 6, value: JSON.stringify({ ...itemOf("pune", now - 5), event: makeWireEvents("retry", 1, 1)[0] }) },
    ]);
    const batches: RetryBatch[] = [];
    const logs: string[] = [];
    await consumeRetryBatch(
      payload,
      "pune",
      async (batch) => void batches.push(batch),
      (message) => logs.push(message),
    );
    expect(batches.map(({ items, ...rest }) => ({ ...rest, ids: items.map((i) => i.event.eventId) }))).toEqual([
      { region: "pune", partition: 2, baseOffset: 4, nextOffset: 7, offsets: [4, 6], ids: [event.eventId, other.eventId] },
    ]);
    expect(resolved).toEqual(["6"]);
    expect(logs).toEqual(["[kafka] skipped sb.retry.pune/2@5: not JSON"]);
  });

  it("waits, heartbeating, for a retry that is not yet due, and hands over what came before it first", async () => {
    vi.useFakeTimers({ now: 100_000 });
    const { payload, resolved, heartbeats } = makeBatchPayload("sb.retry.pune", 0, [
      { offset: 1, value: JSON.stringify({ ...itemOf("pune", 99_000), event: makeWireEvents("retry", 0, 1)[0] }) },
      { offset: 2, value: JSON.stringify({ ...itemOf("pune", 101_200), event: makeWireEvents("retry", 1, 1)[0] }) },
    ]);
    const batches: Array<{ base: number; next: number; offsets: number[] }> = [];
    const consuming = consumeRetryBatch(
      payload,
      "pune",
      async (batch) => void batches.push({ base: batch.baseOffset, next: batch.nextOffset, offsets: batch.offsets }),
      () => {},
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([{ base: 1, next: 2, offsets: [1] }]);
    expect(resolved).toEqual(["1"]);
    await vi.advanceTimersByTimeAsync(1200);
    await consuming;
    expect(heartbeats()).toBe(3);
    expect(batches).toEqual([
      { base: 1, next: 2, offsets: [1] },
      { base: 2, next: 3, offsets: [2] },
    ]);
    expect(resolved).toEqual(["1", "2"]);
  });
});
