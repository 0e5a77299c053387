import { randomBytes } from "node:crypto";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { partitionOfKey } from "@/core/events/event-pack";
import { parseViewerEvent, type ViewerEvent } from "@/core/events/events";
import type { RegionId } from "@/core/routing/regions";
import { makeWireEvents } from "../../testing/wire-events";
import { KafkaBus } from "./kafka-bus";

const PARTITIONS = 3;

function makeEvents(tag: string, count: number, overrides: Record<string, unknown> = {}): ViewerEvent[] {
  return makeWireEvents(tag, 0, count, 50).map((wire) => {
    const parsed = parseViewerEvent({ ...wire, ...overrides });
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.event;
  });
}

/** Events per partition, as the bus spreads them (by session). */
function countByPartition(events: readonly ViewerEvent[]): number[] {
  const counts = new Array<number>(PARTITIONS).fill(0);
  for (const event of events) counts[partitionOfKey(event.sessionId, PARTITIONS)]!++;
  return counts;
}

describe("KafkaBus publishing against a real broker", () => {
  const admin = new Kafka({ clientId: "kafka-bus-test", brokers: [inject("kafkaBrokers")], logLevel: logLevel.NOTHING }).admin();
  const buses: KafkaBus[] = [];
  const prefixes: string[] = [];

  async function startBus(eventsPerMessage: number) {
    const prefix = `bus${randomBytes(4).toString("hex")}`;
    prefixes.push(prefix);
    const produced: Array<ReadonlyMap<RegionId, readonly number[]>> = [];
    const bus = new KafkaBus({
      brokers: [inject("kafkaBrokers")],
      topicPrefix: prefix,
      partitions: PARTITIONS,
      eventsPerMessage,
      clientId: "kafka-bus-test",
      log: () => {},
      onProduced: async (counts) => void produced.push(counts),
    });
    buses.push(bus);
    await bus.whenReady();
    return { bus, produced };
  }

  /**
   * The messages on a region's topic as partition, timestamp and their events' ids, each distinct
   * message once, in offset order (a producer's retry after a partial failure may write a message
   * twice: at least once), read until `count` distinct ones came, and a moment longer for any extra.
   */
  async function readMessages(
    bus: KafkaBus,
    region: RegionId,
    count: number,
  ): Promise<Array<{ partition: number; timestamp: string; ids: string[] }>> {
    const topic = bus.topicOf(region);
    const consumer = new Kafka({ clientId: "kafka-bus-test", brokers: [inject("kafkaBrokers")], logLevel: logLevel.NOTHING }).consumer({
      groupId: `${topic}.reader`,
    });
    const read = new Map<string, { partition: number; timestamp: string; ids: string[] }>();
    try {
      // A new group can take a while to join on a loaded machine: the read's deadline starts once it has.
      const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ partition, message }) => {
          const rows = (JSON.parse(message.value!.toString()) as { rows: unknown[][] }).rows;
          const ids = rows.map((row) => String(row[0]));
          read.set(`${partition}:${ids.join(",")}`, { partition, timestamp: message.timestamp, ids });
        },
      });
      await Promise.race([joined, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      const deadline = Date.now() + 40_000;
      while (read.size < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await consumer.disconnect();
    }
    // Stable: each partition's messages stay in offset order, the order they were read in.
    return [...read.values()].sort((a, b) => a.partition - b.partition);
  }

  /** The messages a send of `events` should make: one per partition holding its events, in order. */
  function expectedMessages(events: readonly ViewerEvent[], timestamp: number) {
    const byPartition = new Map<number, string[]>();
    for (const event of events) {
      const partition = partitionOfKey(event.sessionId, PARTITIONS);
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), event.eventId]);
    }
    return [...byPartition].sort(([a], [b]) => a - b).map(([partition, ids]) => ({ partition, timestamp: String(timestamp), ids }));
  }

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  afterAll(async () => {
    const topics = (await admin.listTopics()).filter((topic) => prefixes.some((prefix) => topic.startsWith(`${prefix}.`)));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.disconnect();
  });

  // Reading back joins a consumer group, which takes seconds while the other suites load the broker.
  it("sends the publishes of one turn together: one message per partition, counted as produced once", { timeout: 90_000 }, async () => {
    const { bus, produced } = await startBus(500);
    const [first, second, delhi] = [makeEvents("pune-a", 40), makeEvents("pune-b", 40), makeEvents("delhi", 30)];
    await Promise.all([bus.publish("pune", first, 1000), bus.publish("pune", second, 1001), bus.publish("delhi", delhi, 999)]);
    expect(produced).toEqual([
      new Map([
        ["pune", countByPartition([...first, ...second])],
        ["delhi", countByPartition(delhi)],
      ]),
    ]);
    // The earliest ingest time of what a message packs is its timestamp.
    const pune = expectedMessages([...first, ...second], 1000);
    expect(await readMessages(bus, "pune", pune.length)).toEqual(pune);
    const inDelhi = expectedMessages(delhi, 999);
    expect(await readMessages(bus, "delhi", inDelhi.length)).toEqual(inDelhi);
  });

  it("splits a partition's events into messages the broker takes (1 MiB a batch), in their order", { timeout: 90_000 }, async () => {
    const { bus, produced } = await startBus(500);
    // 1,100 events of about 1.3 KB, all of one session: packs of 650, 650 and 130 KB, more than one
    // request can carry for one partition; the third must not overtake the second.
    const events = makeEvents("long", 1100, { session_id: "one-session", error_code: "E".repeat(128), error_message: "m".repeat(1000) });
    const partition = partitionOfKey("one-session", PARTITIONS);
    await bus.publish("mumbai", events, 1000);
    const expected = new Array<number>(PARTITIONS).fill(0);
    expected[partition] = 1100;
    expect(produced).toEqual([new Map([["mumbai", expected]])]);
    const ids = events.map((event) => event.eventId);
    expect(await readMessages(bus, "mumbai", 3)).toEqual([
      { partition, timestamp: "1000", ids: ids.slice(0, 500) },
      { partition, timestamp: "1000", ids: ids.slice(500, 1000) },
      { partition, timestamp: "1000", ids: ids.slice(1000) },
    ]);
  });

  it("stamps each message with the earliest ingest time of its own events", { timeout: 90_000 }, async () => {
    const { bus } = await startBus(2);
    const [early, late] = [makeEvents("early", 2, { session_id: "one" }), makeEvents("late", 2, { session_id: "one" })];
    await Promise.all([bus.publish("pune", early, 1000), bus.publish("pune", late, 2000)]);
    const partition = partitionOfKey("one", PARTITIONS);
    expect(await readMessages(bus, "pune", 2)).toEqual([
      { partition, timestamp: "1000", ids: early.map((e) => e.eventId) },
      { partition, timestamp: "2000", ids: late.map((e) => e.eventId) },
    ]);
  });

  it("sends what was queued before it closes", async () => {
    const { bus, produced } = await startBus(500);
    const events = makeEvents("closing", 20);
    const publishing = bus.publish("kolkata", events, 1000);
    await bus.close();
    await expect(publishing).resolves.toBeUndefined();
    expect(produced).toEqual([new Map([["kolkata", countByPartition(events)]])]);
    await expect(bus.publish("kolkata", events, 1001)).rejects.toMatchObject({ code: "unavailable" });
  });
});
