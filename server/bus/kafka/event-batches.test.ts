import { describe, expect, it } from "vitest";
import { encodeCompactPack, positionOf } from "@/core/events/event-pack";
import { parseViewerEvent, type ViewerEvent } from "@/core/events/events";
import type { BusBatch } from "../event-bus";
import { makeBatchPayload } from "../../testing/kafka-batch";
import { makeWireEvents } from "../../testing/wire-events";
import { consumeEventBatch } from "./event-batches";

const events: ViewerEvent[] = makeWireEvents("batch", 0, 5).map((wire) => {
  const parsed = parseViewerEvent(wire);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
});
const pack = (list: ViewerEvent[]) => encodeCompactPack(list);

describe("consuming a batch of an events topic", () => {
  it("hands plain messages over as one run, each event at its own position, and resolves after the handler", async () => {
    const { payload, resolved, heartbeats } = makeBatchPayload("sb.events.pune", 1, [
      { offset: 10, value: pack(events.slice(0, 2)), timestamp: "900" },
      { offset: 11, value: pack(events.slice(2, 3)), timestamp: "950" },
    ]);
    const runs: BusBatch[] = [];
    await consumeEventBatch(payload, "pune", (batch) => {
      expect(resolved).toEqual([]);
      runs.push(batch);
    });
    expect(runs).toEqual([
      {
        region: "pune",
        partition: 1,
        baseOffset: 10,
        nextOffset: 12,
        ingestedAt: 900,
        events: events.slice(0, 3),
        offsets: [positionOf(10, 0), positionOf(10, 1), positionOf(11, 0)],
        messages: [
          { offset: 10, slots: 2, invalid: 0 },
          { offset: 11, slots: 1, invalid: 0 },
        ],
      },
    ]);
    expect(resolved).toEqual(["11"]);
    expect(heartbeats()).toBe(1);
  });

  it("gives each replayed dead letter a run of its own, between the plain runs around it", async () => {
    const { payload, resolved } = makeBatchPayload("sb.events.pune", 0, [
      { offset: 1, value: pack([events[0]!]) },
      { offset: 2, value: pack([events[1]!]), headers: { replay_of: "dl-7" } },
      { offset: 3, value: pack([events[2]!]) },
    ]);
    const runs: BusBatch[] = [];
    await consumeEventBatch(payload, "pune", (batch) => void runs.push(batch));
    expect(
      runs.map((run) => ({ base: run.baseOffset, next: run.nextOffset, replayOf: run.replayOf, ids: run.events.map((e) => e.eventId) })),
    ).toEqual([
      { base: 1, next: 2, replayOf: undefined, ids: [events[0]!.eventId] },
      { base: 2, next: 3, replayOf: "dl-7", ids: [events[1]!.eventId] },
      { base: 3, next: 4, replayOf: undefined, ids: [events[2]!.eventId] },
    ]);
    expect(resolved).toEqual(["1", "2", "3"]);
  });

  it("counts and reports invalid messages and events without holding the partition up", async () => {
    const { payload, resolved } = makeBatchPayload("sb.events.delhi", 2, [
      { offset: 5, value: "not json" },
      { offset: 6, value: JSON.stringify([makeWireEvents("ok", 0, 1)[0], { event_id: "broken" }]) },
    ]);
    const invalid: string[] = [];
    const runs: BusBatch[] = [];
    await consumeEventBatch(
      payload,
      "delhi",
      (batch) => void runs.push(batch),
      (region, reason) => invalid.push(`${region}: ${reason}`),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]!.events).toHaveLength(1);
    expect(runs[0]!.messages).toEqual([
      { offset: 5, slots: 1, invalid: 1 },
      { offset: 6, slots: 2, invalid: 1 },
    ]);
    expect(invalid).toHaveLength(2);
    expect(invalid[0]).toBe("delhi: Kafka message sb.events.delhi/2@5: not JSON");
    expect(invalid[1]).toMatch(/^delhi: Kafka message sb\.events\.delhi\/2@6, event 1: /);
    expect(resolved).toEqual(["6"]);
  });

  it("leaves the offsets unresolved when the handler fails, so the run is delivered again", async () => {
    const { payload, resolved } = makeBatchPayload("sb.events.pune", 0, [{ offset: 1, value: pack([events[0]!]) }]);
    await expect(consumeEventBatch(payload, "pune", () => Promise.reject(new Error("store down")))).rejects.toThrow("store down");
    expect(resolved).toEqual([]);
  });
});
