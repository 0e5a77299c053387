import { KafkaJSConnectionError, KafkaJSProtocolError } from "kafkajs";
import { describe, expect, it } from "vitest";
import type { ViewerEvent } from "@/core/events/events";
import type { RegionId } from "@/core/routing/regions";
import type { PendingPublish, ProduceRequest } from "./packing";
import { SendQueue, type SendQueueOptions } from "./send-queue";

/** Stands in for events: the queue only counts them through its packer. */
const eventsOf = (count: number) => new Array<ViewerEvent>(count);

/** One request per publish, producing its events on partition 0 of its region. */
const packEach = (publishes: readonly PendingPublish[]): ProduceRequest[] =>
  publishes.map((p) => ({ topicMessages: new Map(), produced: new Map([[p.region, [p.events.length]]]), bytes: new Map() }));

function makeQueue(overrides: Partial<SendQueueOptions> = {}) {
  const sends: Array<readonly PendingPublish[]> = [];
  const produced: Array<ReadonlyMap<RegionId, readonly number[]>> = [];
  const failures: unknown[] = [];
  const logs: string[] = [];
  const queue = new SendQueue({
    pack: (publishes) => {
      sends.push(publishes.map(({ region, events, ingestedAt, replayOf }) => ({ region, events, ingestedAt, replayOf })));
      return packEach(publishes);
    },
    send: async () => {},
    onProduced: async (counts) => void produced.push(counts),
    onFailure: (error) => failures.push(error),
    log: (message) => logs.push(message),
    ...overrides,
  });
  return { queue, sends, produced, failures, logs };
}

/** Lets the queue's scheduled sends (setImmediate) and their settling run. */
const nextTurns = () => new Promise((resolve) => setTimeout(resolve, 5));

const publish = (region: RegionId, count: number, ingestedAt = 1000): PendingPublish => ({
  region,
  events: eventsOf(count),
  ingestedAt,
  replayOf: undefined,
});

describe("the producer's send queue", () => {
  it("sends the publishes of one turn together and counts what Kafka took once", async () => {
    const { queue, sends, produced } = makeQueue();
    await Promise.all([queue.enqueue(publish("pune", 2)), queue.enqueue(publish("pune", 3)), queue.enqueue(publish("delhi", 1))]);
    expect(sends.map((send) => send.map((p) => `${p.region}:${p.events.length}`))).toEqual([["pune:2", "pune:3", "delhi:1"]]);
    expect(produced).toEqual([
      new Map([
        ["pune", [5]],
        ["delhi", [1]],
      ]),
    ]);
  });

  it("refuses all of a send on a transient failure, asking for it again, and counts what went before", async () => {
    let sent = 0;
    const down = new KafkaJSConnectionError("Connection error: connect ECONNREFUSED");
    const send = async () => {
      if (sent++ > 0) throw down;
    };
    const { queue, produced, failures } = makeQueue({ send });
    const publishing = [queue.enqueue(publish("pune", 2)), queue.enqueue(publish("delhi", 4))];
    for (const result of publishing)
      await expect(result).rejects.toMatchObject({
        code: "unavailable",
        message: "Kafka did not take the events (Connection error: connect ECONNREFUSED); send them again.",
      });
    expect(failures).toEqual([down]);
    expect(produced).toEqual([new Map([["pune", [2]]])]);
  });

  it("refuses a send Kafka will never take as permanent, not to be sent again", async () => {
    const tooLarge = new KafkaJSProtocolError(
      Object.assign(new Error("message too large"), { type: "MESSAGE_TOO_LARGE", code: 10, retriable: false }),
    );
    const { queue } = makeQueue({ send: () => Promise.reject(tooLarge) });
    await expect(queue.enqueue(publish("pune", 2))).rejects.toMatchObject({
      code: "internal",
      message: "Kafka refused the events for good (message too large); sending them again would fail the same way.",
    });
  });

  it("accepts the publish when Kafka took it but counting it failed (a resend would double it)", async () => {
    const { queue, logs } = makeQueue({ onProduced: () => Promise.reject(new Error("redis down")) });
    await expect(queue.enqueue(publish("pune", 2))).resolves.toBeUndefined();
    expect(logs).toEqual(["[kafka] events produced but not counted as produced (redis down); the books catch up as they are consumed"]);
  });

  it("sends at most two at once; the next send takes everything queued meanwhile", async () => {
    const releases: Array<() => void> = [];
    const { queue, sends } = makeQueue({ send: () => new Promise<void>((resolve) => releases.push(resolve)) });
    const first = queue.enqueue(publish("pune", 1));
    await nextTurns();
    const second = queue.enqueue(publish("pune", 2));
    await nextTurns();
    const waiting = [queue.enqueue(publish("pune", 3)), queue.enqueue(publish("delhi", 4))];
    await nextTurns();
    expect(sends).toHaveLength(2);
    releases.shift()!();
    await first;
    await nextTurns();
    expect(sends.map((send) => send.map((p) => p.events.length))).toEqual([[1], [2], [3, 4]]);
    for (const release of releases.splice(0)) release();
    await second;
    await nextTurns();
    for (const release of releases.splice(0)) release();
    await Promise.all(waiting);
  });

  it("on close, waits for the sends under way and refuses what is still queued after the timeout", async () => {
    const { queue } = makeQueue({ send: () => new Promise<void>(() => {}) });
    void queue.enqueue(publish("pune", 1));
    await nextTurns();
    void queue.enqueue(publish("pune", 1));
    await nextTurns();
    const queued = queue.enqueue(publish("pune", 1));
    await queue.drain(50);
    await expect(queued).rejects.toMatchObject({
      code: "unavailable",
      message: "The event bus shut down before Kafka took the events; send them again.",
    });
  });
});
