import { describe, expect, it } from "vitest";
import { partitionOfKey } from "@/core/events/event-pack";
import { parseViewerEvent, type ViewerEvent } from "@/core/events/events";
import type { RegionId } from "@/core/routing/regions";
import { makeWireEvents } from "../../testing/wire-events";
import { decodeEventMessage } from "./messages";
import { addProduced, packPublishes, type PendingPublish, type ProduceRequest } from "./packing";

const PARTITIONS = 3;
const options = { topicOf: (region: RegionId) => `t.events.${region}`, partitionCountOf: () => PARTITIONS, eventsPerMessage: 500 };

function makeEvents(tag: string, count: number, overrides: Record<string, unknown> = {}): ViewerEvent[] {
  return makeWireEvents(tag, 0, count, 50).map((wire) => {
    const parsed = parseViewerEvent({ ...wire, ...overrides });
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.event;
  });
}

const publishOf = (region: RegionId, events: ViewerEvent[], ingestedAt: number, replayOf?: string): PendingPublish => ({
  region,
  events,
  ingestedAt,
  replayOf,
});

/** A request's messages as topic, partition, timestamp, headers and the ids of the events each packs. */
function contentsOf(request: ProduceRequest) {
  return [...request.topicMessages].flatMap(([topic, messages]) =>
    messages.map((message) => {
      const decoded = decodeEventMessage(message.value);
      if (!decoded.ok) throw new Error(decoded.reason);
      const ids = decoded.value.map((parsed) => (parsed.ok ? parsed.event.eventId : "invalid"));
      return { topic, partition: message.partition, timestamp: message.timestamp, headers: message.headers, ids };
    }),
  );
}

function countByPartition(events: readonly ViewerEvent[]): number[] {
  const counts = new Array<number>(PARTITIONS).fill(0);
  for (const event of events) counts[partitionOfKey(event.sessionId, PARTITIONS)]!++;
  return counts;
}

describe("packing publishes into produce requests", () => {
  it("packs each partition's events of every publish into one message, by region, stamped with the earliest ingest time", () => {
    const [first, second, delhi] = [makeEvents("pune-a", 40), makeEvents("pune-b", 40), makeEvents("delhi", 30)];
    const requests = packPublishes(
      [publishOf("pune", first, 1001), publishOf("pune", second, 1000), publishOf("delhi", delhi, 999.6)],
      options,
    );
    expect(requests).toHaveLength(1);
    const contents = contentsOf(requests[0]!);
    for (const [region, events, timestamp] of [
      ["pune", [...first, ...second], "1000"],
      ["delhi", delhi, "1000"],
    ] as const) {
      for (let partition = 0; partition < PARTITIONS; partition++) {
        const ids = events.filter((e) => partitionOfKey(e.sessionId, PARTITIONS) === partition).map((e) => e.eventId);
        const messages = contents.filter((m) => m.topic === `t.events.${region}` && m.partition === partition);
        expect(messages).toEqual(ids.length > 0 ? [{ topic: `t.events.${region}`, partition, timestamp, headers: undefined, ids }] : []);
      }
    }
    expect(requests[0]!.produced).toEqual(
      new Map([
        ["pune", countByPartition([...first, ...second])],
        ["delhi", countByPartition(delhi)],
      ]),
    );
  });

  it("puts at most eventsPerMessage events in a message, each message stamped with its own events' earliest time", () => {
    const [early, late] = [makeEvents("early", 2, { session_id: "one" }), makeEvents("late", 2, { session_id: "one" })];
    const [request] = packPublishes([publishOf("pune", early, 1000), publishOf("pune", late, 2000)], { ...options, eventsPerMessage: 2 });
    const partition = partitionOfKey("one", PARTITIONS);
    expect(contentsOf(request!).map(({ partition: p, timestamp, ids }) => ({ p, timestamp, ids }))).toEqual([
      { p: partition, timestamp: "1000", ids: early.map((e) => e.eventId) },
      { p: partition, timestamp: "2000", ids: late.map((e) => e.eventId) },
    ]);
  });

  it("gives each replayed event a message of its own, marked with the dead letter it replays", () => {
    const [replayed] = makeEvents("replay", 1);
    const plain = makeEvents("plain", 3, { session_id: replayed!.sessionId });
    const [request] = packPublishes([publishOf("mumbai", plain, 1000), publishOf("mumbai", [replayed!], 1500, "dl-1")], options);
    const partition = partitionOfKey(replayed!.sessionId, PARTITIONS);
    expect(contentsOf(request!).map(({ partition: p, timestamp, headers, ids }) => ({ p, timestamp, headers, ids }))).toEqual([
      { p: partition, timestamp: "1500", headers: { replay_of: "dl-1" }, ids: [replayed!.eventId] },
      { p: partition, timestamp: "1000", headers: undefined, ids: plain.map((e) => e.eventId) },
    ]);
  });

  it("halves a pack too big for one message, and carries a partition's overflow into the next request, in order", () => {
    const events = makeEvents("long", 40, { session_id: "one-session", error_message: "m".repeat(1000) });
    const single = packPublishes([publishOf("mumbai", events.slice(0, 1), 1000)], options)[0]!.topicMessages.get("t.events.mumbai")![0]!
      .value.length;
    // A partition takes about 25 such events a request: a pack of 40 is halved into two of 20, one a request.
    const limit = single * 25;
    const requests = packPublishes([publishOf("mumbai", events, 1000)], { ...options, maxPartitionBytes: limit });
    const idsByRequest = requests.map((request) => contentsOf(request).map((m) => m.ids));
    expect(idsByRequest.flat(2)).toEqual(events.map((e) => e.eventId));
    expect(idsByRequest.map((messages) => messages.map((ids) => ids.length))).toEqual([[20], [20]]);
    for (const request of requests) for (const bytes of request.bytes.values()) expect(bytes).toBeLessThanOrEqual(limit);
    const partition = partitionOfKey("one-session", PARTITIONS);
    expect(requests.map((r) => r.produced.get("mumbai")![partition])).toEqual([20, 20]);
  });

  it("never sends a partition's later message in an earlier request than its previous one", () => {
    const big = makeEvents("big", 2, { session_id: "a", error_code: "E".repeat(128), error_message: "m".repeat(1000) });
    const [small] = makeEvents("small", 1, { session_id: "a" });
    const sizeOf = (event: ViewerEvent) =>
      packPublishes([publishOf("pune", [event], 1)], options)[0]!.topicMessages.get("t.events.pune")![0]!.value.length;
    expect(sizeOf(small!) * 2).toBeLessThan(sizeOf(big[0]!));
    // The second big message does not fit beside the first; the small one would, but must follow the second.
    const requests = packPublishes([publishOf("pune", [...big, small!], 1000)], {
      ...options,
      eventsPerMessage: 1,
      maxPartitionBytes: sizeOf(big[0]!) * 1.5,
    });
    expect(requests.map((request) => contentsOf(request).flatMap((m) => m.ids))).toEqual([
      [big[0]!.eventId],
      [big[1]!.eventId, small!.eventId],
    ]);
  });

  it("adds requests' produced counts into a send's total", () => {
    const total = new Map<RegionId, number[]>();
    addProduced(total, new Map([["pune", [1, 2, 3]]]));
    addProduced(
      total,
      new Map([
        ["pune", [1, 0, 1]],
        ["delhi", [0, 4, 0]],
      ]),
    );
    expect(total).toEqual(
      new Map([
        ["pune", [2, 2, 4]],
        ["delhi", [0, 4, 0]],
      ]),
    );
  });
});
