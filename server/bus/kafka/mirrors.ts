import type { Batch, Message, Producer } from "kafkajs";
import { REPLICATED_FROM_HEADER, type RegionId, type ReplicationLink } from "@/core/routing/regions";
import type { Subscription } from "../event-bus";
import type { ConsumerGroups } from "./consumer-groups";
import type { LagSampler } from "./lag";
import { groupIdOf, mirrorGroupOf, replicaTopicOf, type TopicNames } from "./topics";

/** A fetched batch of the source topic as its copies: same key, value, partition, timestamp and headers, marked with where they came from. */
export function mirrorMessagesOf(batch: Pick<Batch, "partition" | "messages">, from: RegionId): Message[] {
  return batch.messages.map((message) => ({
    key: message.key,
    value: message.value,
    partition: batch.partition,
    timestamp: message.timestamp,
    headers: { ...message.headers, [REPLICATED_FROM_HEADER]: from },
  }));
}

export interface MirrorsOptions {
  topics: TopicNames;
  groups: ConsumerGroups;
  producer: Producer;
  lag: LagSampler;
}

/**
 * Runs the cross-region replication links of SPEC section 2: one mirror group per link copies the
 * source region's topic, message by message, to `<topic>.replica.<target>` with a `replicated_from`
 * header. At least once: a copy may repeat after a crash, and the source's offsets say which.
 */
export function startMirrors(links: readonly ReplicationLink[], { topics, groups, producer, lag }: MirrorsOptions): Subscription {
  const subscriptions = links.map((link) => {
    const source = topics.eventsByRegion.get(link.from)!;
    const target = replicaTopicOf(source, link.to);
    const groupId = mirrorGroupOf(link);
    lag.watchMirror(groupIdOf(topics.prefix, groupId), link);
    return groups.run(groupId, [source], async ({ batch, resolveOffset, heartbeat }) => {
      await producer.send({ topic: target, acks: -1, messages: mirrorMessagesOf(batch, link.from) });
      resolveOffset(batch.lastOffset());
      await heartbeat();
    });
  });
  return { close: async () => void (await Promise.all(subscriptions.map((s) => s.close()))) };
}
