import { encodeCompactPack, partitionOfKey } from "@/core/events/event-pack";
import type { ViewerEvent } from "@/core/events/events";
import type { RegionId } from "@/core/routing/regions";

/** A publish waiting for the next send. */
export interface PendingPublish {
  region: RegionId;
  events: readonly ViewerEvent[];
  ingestedAt: number;
  replayOf: string | undefined;
}

export interface OutgoingMessage {
  partition: number;
  value: Buffer;
  timestamp: string;
  headers?: Record<string, string>;
}

/** One produce request: its messages by topic, and how many events each region's partitions get from it. */
export interface ProduceRequest {
  topicMessages: Map<string, OutgoingMessage[]>;
  produced: Map<RegionId, number[]>;
  /** Bytes per `topic|partition`, kept under the partition limit. */
  bytes: Map<string, number>;
}

/**
 * What one partition takes in one produce request: the broker refuses a record batch over its
 * message.max.bytes (1 MiB by default), and all of a request's messages for a partition form one batch.
 */
const MAX_PARTITION_BYTES_PER_REQUEST = 900_000;

export interface PackingOptions {
  topicOf: (region: RegionId) => string;
  /** Partitions of a region's events topic. */
  partitionCountOf: (region: RegionId) => number;
  /** Events packed into one message at most. */
  eventsPerMessage: number;
  /** Bytes one partition takes in one request; MAX_PARTITION_BYTES_PER_REQUEST unless a test says less. */
  maxPartitionBytes?: number;
}

/**
 * Each partition's events from every queued publish, packed together in order, each message
 * stamped with the earliest ingest time of its own events; a replay keeps a message of its own.
 * A partition's messages past one request's limit continue in the next request, never an earlier one.
 */
export function packPublishes(publishes: readonly PendingPublish[], options: PackingOptions): ProduceRequest[] {
  const maxBytes = options.maxPartitionBytes ?? MAX_PARTITION_BYTES_PER_REQUEST;
  const requests: ProduceRequest[] = [];
  const lastRequest = new Map<string, number>();
  const add = (region: RegionId, message: OutgoingMessage, events: number) => {
    const topic = options.topicOf(region);
    const key = `${topic}|${message.partition}`;
    let index = lastRequest.get(key) ?? 0;
    while (index < requests.length && (requests[index]!.bytes.get(key) ?? 0) + message.value.length > maxBytes) index++;
    if (index === requests.length) requests.push({ topicMessages: new Map(), produced: new Map(), bytes: new Map() });
    lastRequest.set(key, index);
    const request = requests[index]!;
    request.bytes.set(key, (request.bytes.get(key) ?? 0) + message.value.length);
    let messages = request.topicMessages.get(topic);
    if (!messages) request.topicMessages.set(topic, (messages = []));
    messages.push(message);
    let counts = request.produced.get(region);
    if (!counts) request.produced.set(region, (counts = new Array<number>(options.partitionCountOf(region)).fill(0)));
    counts[message.partition]! += events;
  };
  // Per region and partition: the events, and each one's ingest time.
  const lists = new Map<RegionId, { events: ViewerEvent[][]; ingestedAt: number[][] }>();
  for (const publish of publishes) {
    const { region } = publish;
    const partitions = options.partitionCountOf(region);
    if (publish.replayOf !== undefined) {
      const headers = { replay_of: publish.replayOf };
      for (const event of publish.events) {
        add(
          region,
          {
            partition: partitionOfKey(event.sessionId, partitions),
            value: Buffer.from(encodeCompactPack([event])),
            timestamp: String(Math.round(publish.ingestedAt)),
            headers,
          },
          1,
        );
      }
      continue;
    }
    let list = lists.get(region);
    if (!list)
      lists.set(
        region,
        (list = { events: Array.from({ length: partitions }, () => []), ingestedAt: Array.from({ length: partitions }, () => []) }),
      );
    for (const event of publish.events) {
      const partition = partitionOfKey(event.sessionId, partitions);
      list.events[partition]!.push(event);
      list.ingestedAt[partition]!.push(publish.ingestedAt);
    }
  }
  const perMessage = options.eventsPerMessage;
  for (const [region, list] of lists) {
    list.events.forEach((events, partition) => {
      const times = list.ingestedAt[partition]!;
      const pack = (from: number, to: number): void => {
        const value = Buffer.from(encodeCompactPack(events.slice(from, to)));
        // Long events (ids and error messages near their limits) can make a full pack too big for one message.
        if (value.length > maxBytes && to - from > 1) {
          const half = from + Math.ceil((to - from) / 2);
          pack(from, half);
          pack(half, to);
          return;
        }
        let earliest = times[from]!;
        for (let i = from + 1; i < to; i++) if (times[i]! < earliest) earliest = times[i]!;
        add(region, { partition, value, timestamp: String(Math.round(earliest)) }, to - from);
      };
      for (let start = 0; start < events.length; start += perMessage) pack(start, Math.min(events.length, start + perMessage));
    });
  }
  return requests;
}

/** Adds one request's produced counts to a send's running total. */
export function addProduced(total: Map<RegionId, number[]>, produced: ReadonlyMap<RegionId, readonly number[]>): void {
  for (const [region, counts] of produced) {
    const sum = total.get(region);
    if (sum) counts.forEach((n, p) => (sum[p]! += n));
    else total.set(region, [...counts]);
  }
}
