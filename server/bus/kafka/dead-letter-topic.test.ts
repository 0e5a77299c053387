import { describe, expect, it } from "vitest";
import { toWireEvent, parseViewerEvent } from "@/core/events/events";
import type { DeadLetterRecord } from "../../workers/dead-letter";
import { makeBatchPayload } from "../../testing/kafka-batch";
import { makeWireEvents } from "../../testing/wire-events";
import { consumeDeadLetterBatch, deadLetterMessagesOf } from "./dead-letter-topic";

const parsed = parseViewerEvent(makeWireEvents("dead", 0, 1)[0]);
if (!parsed.ok) throw new Error(parsed.reason);
const record: DeadLetterRecord = {
  id: "6f1d3b2a-8c4e-4f5a-9b7c-1d2e3f4a5b6c",
  eventId: parsed.event.eventId,
  region: "pune",
  component: "store",
  severity: "TRANSIENT",
  error: "store down",
  retryCount: 5,
  event: toWireEvent(parsed.event),
  firstFailedAt: 1,
  deadLetteredAt: 2,
  replayCount: 0,
  lastReplayedAt: null,
  resolvedAt: null,
};

describe("the DLQ topic", () => {
  it("stores the valid records of a batch, skipping unreadable ones, then resolves the batch", async () => {
    const [message] = deadLetterMessagesOf([record]);
    expect(message!.key).toBe(record.id);
    const { payload, resolved } = makeBatchPayload("sb.dlq", 0, [
      { offset: 3, value: message!.value },
      { offset: 4, value: JSON.stringify({ id: "x" }) },
    ]);
    const stored: DeadLetterRecord[][] = [];
    const logs: string[] = [];
    await consumeDeadLetterBatch(
      payload,
      async (records) => void stored.push(records),
      (line) => logs.push(line),
    );
    expect(stored).toEqual([[record]]);
    expect(resolved).toEqual(["4"]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^\[kafka\] skipped sb\.dlq\/0@4: /);
  });
});
