import { Kafka, logLevel, type Admin, type Consumer, type EachBatchPayload, type LogEntry, type Producer } from "kafkajs";
import { encodeCompactPack, partitionOfKey, positionOf } from "@/core/events/event-pack";
import type { ViewerEvent } from "@/core/events/events";
import { REGION_IDS, REPLICATED_FROM_HEADER, REPLICATION_LINKS, type RegionId, type ReplicationLink } from "@/core/routing/regions";
import { AppError, messageOf } from "../errors";
import type { ComponentHealth } from "../health";
import type { DeadLetterRecord } from "../workers/dead-letter";
import type { RetryItem } from "../workers/failure-handler";
import type { BatchHandler, BusBatch, EventBus, MessageTally, RegionLag, Subscription } from "./event-bus";
import { decodeDeadLetter, decodeEventMessage, decodeRetry, encodeDeadLetter, encodeRetry } from "./kafka-messages";
import { OffsetCommitter } from "./offset-committer";

export interface KafkaBusOptions {
  brokers: string[];
  /** Topics are `<prefix>.events.<region>`; a deployment (or a test) owns everything under its prefix. */
  topicPrefix: string;
  partitions: number;
  /** Events packed into one message at most (a publish of fewer sends fewer). */
  eventsPerMessage: number;
  clientId: string;
  /** How often consumer lag is sampled. */
  lagSampleMs?: number;
  log: (message: string) => void;
  /** A message on a topic that is not a valid event: counted and skipped, never blocking its partition. */
  onInvalidMessage?: (region: RegionId, reason: string) => void;
  /**
   * Told, once Kafka has acknowledged a send, how many events went to each region's partitions: the
   * books' count of what was produced (Kafka's offsets count messages, not the events they pack).
   */
  onProduced?: (produced: ReadonlyMap<RegionId, readonly number[]>) => Promise<void>;
}

/** Where link `from → to` copies the source topic: the target region's replica of it. */
export function replicaTopicOf(sourceTopic: string, to: RegionId): string {
  return `${sourceTopic}.replica.${to}`;
}

/** A replication link and how far its copy is behind the source. */
export interface ReplicationLag extends ReplicationLink {
  messages: number;
  seconds: number;
}

/** Retries of one region's retry-topic partition that are due, with the offsets they were read at. */
export interface RetryBatch {
  region: RegionId;
  partition: number;
  baseOffset: number;
  /** Offset after the last message this batch covers (skipped invalid messages included). */
  nextOffset: number;
  offsets: number[];
  items: RetryItem[];
}

/** Lag of one partition of a region's topic for the processing group. */
export interface PartitionLag {
  region: RegionId;
  partition: number;
  /** Offset the next produced message will get (messages ever produced to the partition). */
  highWatermark: number;
  /** Offset the group will consume next. */
  committed: number;
  messages: number;
  /** Age of the oldest unconsumed event, 0 when caught up. */
  seconds: number;
}

/** How far back lag ages can be read; an older backlog shows as at least this old. */
const WATERMARK_HISTORY_MS = 15 * 60_000;
/** A retry further out than this is looked at again then (the backoff cap is 60 s). */
const MAX_RETRY_WAIT_MS = 60_000;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** How often each consumer commits the offsets its batches resolved. */
const COMMIT_INTERVAL_MS = 200;

interface WatermarkSample {
  at: number;
  high: number;
}

/** Seconds since the watermark first passed `offset` (the event at `offset` was produced then, or later). */
function ageOfOffset(history: readonly WatermarkSample[], offset: number, now: number): number {
  const first = history.find((sample) => sample.high > offset) ?? history[history.length - 1];
  return first ? Math.round((now - first.at) / 100) / 10 : 0;
}

/** A publish waiting for the next send, and its caller's answer. */
interface QueuedPublish {
  region: RegionId;
  events: readonly ViewerEvent[];
  ingestedAt: number;
  replayOf: string | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

type OutgoingMessage = { partition: number; value: Buffer; timestamp: string; headers?: Record<string, string> };

/** One produce request: its messages by topic, and how many events each region's partitions get from it. */
interface ProduceRequest {
  topicMessages: Map<string, OutgoingMessage[]>;
  produced: Map<RegionId, number[]>;
  /** Bytes per `topic|partition`, kept under MAX_PARTITION_BYTES_PER_REQUEST. */
  bytes: Map<string, number>;
}

/**
 * What one partition takes in one produce request: the broker refuses a record batch over its
 * message.max.bytes (1 MiB by default), and all of a request's messages for a partition form one batch.
 */
const MAX_PARTITION_BYTES_PER_REQUEST = 900_000;
/** Sends under way at once, so the next one is packed while Kafka acknowledges the last. */
const MAX_SENDS_IN_FLIGHT = 2;
/** How long a close waits for queued publishes to be sent before refusing them. */
const CLOSE_SEND_TIMEOUT_MS = 3000;

/** The event bus on Kafka: a topic per region, keyed by session, acks=all, commit after the handler succeeds. */
export class KafkaBus implements EventBus {
  readonly kind = "kafka" as const;
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly consumers: Consumer[] = [];
  private readonly committers: OffsetCommitter[] = [];
  private readonly topicByRegion = new Map<RegionId, string>();
  private readonly regionByTopic = new Map<string, RegionId>();
  private readonly regionByRetryTopic = new Map<string, RegionId>();
  private readonly retryTopicByRegion = new Map<RegionId, string>();
  private readonly dlqTopic: string;
  /** Partitions of each region's events topic as the broker has them (a topic made earlier may have more than configured). */
  private readonly partitionsByRegion = new Map<RegionId, number[]>();
  /** The processing group, whose lag the dashboard shows. */
  private eventsGroupId: string | null = null;
  private ready: Promise<void> | null = null;
  private connected = false;
  /** Whether the last lag sample reached the broker: the live answer to "is Kafka up?". */
  private reachable = false;
  private lastError: string | null = null;
  private closed = false;
  private lagByRegion = new Map<RegionId, PartitionLag[]>();
  /** Mirror group id → its link; and each link's last sampled lag, by group id. */
  private readonly mirrorGroups = new Map<string, ReplicationLink>();
  private readonly mirrorLag = new Map<string, ReplicationLag>();
  /** Per `region/partition`: high watermarks over the last minutes, oldest first, for lag ages. */
  private readonly watermarks = new Map<string, WatermarkSample[]>();
  /** Partitions the group assigned to this process at its last join. */
  private assigned = 0;
  private lagTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** Publishes waiting for the send after the one in flight. */
  private queued: QueuedPublish[] = [];
  private readonly sending = new Set<Promise<void>>();
  private sendScheduled = false;

  constructor(private readonly options: KafkaBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3000,
      retry: { initialRetryTime: 300, retries: 5, maxRetryTime: 5000 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.logKafka(entry),
    });
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
    this.admin = this.kafka.admin();
    for (const region of REGION_IDS) {
      const topic = `${options.topicPrefix}.events.${region}`;
      this.topicByRegion.set(region, topic);
      this.regionByTopic.set(topic, region);
      const retryTopic = `${options.topicPrefix}.retry.${region}`;
      this.retryTopicByRegion.set(region, retryTopic);
      this.regionByRetryTopic.set(retryTopic, region);
    }
    this.dlqTopic = `${options.topicPrefix}.dlq`;
  }

  /** Connects and creates missing topics, retrying with backoff in the background until it succeeds. */
  start(): void {
    if (this.ready || this.closed) return;
    this.ready = this.connectWithBackoff();
    void this.ready.catch(() => {});
    this.lagTimer = setInterval(() => void this.sampleLag(), this.options.lagSampleMs ?? 2000);
  }

  /** Resolves once connected and the topics exist (for tests and the bench). */
  async whenReady(): Promise<void> {
    this.start();
    await this.ready;
  }

  topicOf(region: RegionId): string {
    return this.topicByRegion.get(region)!;
  }

  /** Partitions of the events topics this process consumes (0 until its group has joined). */
  consumingPartitions(): number {
    return this.assigned;
  }

  retryTopicOf(region: RegionId): string {
    return this.retryTopicByRegion.get(region)!;
  }

  /**
   * Resolves once Kafka (acks=all) holds the events. Publishes that arrive while a send is in flight
   * go together in the next one, every region in one request and each partition's events packed
   * together, so a busy ingest sends fewer, fuller messages and a quiet one waits for nothing.
   */
  publish(region: RegionId, events: readonly ViewerEvent[], ingestedAt: number, options: { replayOf?: string } = {}): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new AppError("unavailable", "The event bus is shut down; events were not accepted."));
    if (!this.connected) {
      return Promise.reject(new AppError("unavailable", `Kafka is unreachable (${this.lastError ?? "connecting"}); events were not accepted, send them again.`));
    }
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ region, events, ingestedAt, replayOf: options.replayOf, resolve, reject });
      this.scheduleSend();
    });
  }

  /** Sends the queue on the next turn of the event loop, unless the sends in flight are at their limit (the next to finish sends it). */
  private scheduleSend(): void {
    if (this.sending.size >= MAX_SENDS_IN_FLIGHT || this.sendScheduled) return;
    this.sendScheduled = true;
    setImmediate(() => {
      this.sendScheduled = false;
      const send: Promise<void> = this.sendQueued().finally(() => {
        this.sending.delete(send);
        if (this.queued.length > 0) this.scheduleSend();
      });
      this.sending.add(send);
    });
  }

  /** Sends what is queued and settles each publish; never throws (a publish that cannot be sent is refused). */
  private async sendQueued(): Promise<void> {
    const taken = this.queued;
    this.queued = [];
    if (taken.length === 0) return;
    const produced = new Map<RegionId, number[]>();
    let failure: unknown = null;
    try {
      // One after another, so a session's messages split over two requests stay in order.
      for (const request of this.packQueued(taken)) {
        await this.producer.sendBatch({ acks: -1, topicMessages: [...request.topicMessages].map(([topic, messages]) => ({ topic, messages })) });
        for (const [region, counts] of request.produced) {
          const sum = produced.get(region);
          if (sum) counts.forEach((n, p) => (sum[p]! += n));
          else produced.set(region, [...counts]);
        }
      }
    } catch (error) {
      failure = error;
    }
    // What Kafka took is counted even when a later request failed; a failed count must not fail the
    // publish (a resend would double the events).
    if (produced.size > 0) {
      await Promise.resolve()
        .then(() => this.options.onProduced?.(produced))
        .catch((error: unknown) => this.options.log(`[kafka] events produced but not counted as produced (${messageOf(error)}); the books catch up as they are consumed`));
    }
    if (failure !== null) {
      this.lastError = messageOf(failure);
      // All of the send is refused, though a request before the failed one may have been taken: the
      // client's resend of those events is then counted as duplicates, never lost.
      const refused = new AppError("unavailable", `Kafka did not take the events (${this.lastError}); send them again.`);
      for (const publish of taken) publish.reject(refused);
      return;
    }
    for (const publish of taken) publish.resolve();
  }

  /**
   * Each partition's events from every queued publish, packed together in order, each message
   * stamped with the earliest ingest time of its own events; a replay keeps a message of its own.
   * A partition's messages past one request's limit continue in the next request, never an earlier one.
   */
  private packQueued(taken: readonly QueuedPublish[]): ProduceRequest[] {
    const requests: ProduceRequest[] = [];
    const lastRequest = new Map<string, number>();
    const add = (region: RegionId, message: OutgoingMessage, events: number) => {
      const topic = this.topicOf(region);
      const key = `${topic}|${message.partition}`;
      let index = lastRequest.get(key) ?? 0;
      while (index < requests.length && (requests[index]!.bytes.get(key) ?? 0) + message.value.length > MAX_PARTITION_BYTES_PER_REQUEST) index++;
      if (index === requests.length) requests.push({ topicMessages: new Map(), produced: new Map(), bytes: new Map() });
      lastRequest.set(key, index);
      const request = requests[index]!;
      request.bytes.set(key, (request.bytes.get(key) ?? 0) + message.value.length);
      let messages = request.topicMessages.get(topic);
      if (!messages) request.topicMessages.set(topic, (messages = []));
      messages.push(message);
      let counts = request.produced.get(region);
      if (!counts) request.produced.set(region, (counts = new Array<number>(this.partitionCountOf(region)).fill(0)));
      counts[message.partition]! += events;
    };
    // Per region and partition: the events, and each one's ingest time.
    const lists = new Map<RegionId, { events: ViewerEvent[][]; ingestedAt: number[][] }>();
    for (const publish of taken) {
      const { region } = publish;
      const partitions = this.partitionCountOf(region);
      if (publish.replayOf !== undefined) {
        const headers = { replay_of: publish.replayOf };
        for (const event of publish.events) {
          add(region, { partition: partitionOfKey(event.sessionId, partitions), value: Buffer.from(encodeCompactPack([event])), timestamp: String(Math.round(publish.ingestedAt)), headers }, 1);
        }
        continue;
      }
      let list = lists.get(region);
      if (!list) lists.set(region, (list = { events: Array.from({ length: partitions }, () => []), ingestedAt: Array.from({ length: partitions }, () => []) }));
      for (const event of publish.events) {
        const partition = partitionOfKey(event.sessionId, partitions);
        list.events[partition]!.push(event);
        list.ingestedAt[partition]!.push(publish.ingestedAt);
      }
    }
    const perMessage = this.options.eventsPerMessage;
    for (const [region, list] of lists) {
      list.events.forEach((events, partition) => {
        const times = list.ingestedAt[partition]!;
        const pack = (from: number, to: number): void => {
          const value = Buffer.from(encodeCompactPack(events.slice(from, to)));
          // Long events (ids and error messages near their limits) can make a full pack too big for one message.
          if (value.length > MAX_PARTITION_BYTES_PER_REQUEST && to - from > 1) {
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

  private partitionCountOf(region: RegionId): number {
    return this.partitionsByRegion.get(region)?.length ?? this.options.partitions;
  }

  async subscribe(groupId: string, handler: BatchHandler): Promise<Subscription> {
    const fullGroupId = `${this.options.topicPrefix}.${groupId}`;
    this.eventsGroupId = fullGroupId;
    return this.runConsumer(groupId, [...this.regionByTopic.keys()], (payload) => this.consumeBatch(payload, handler), (count) => {
      this.assigned = count;
    });
  }

  /** Sends failed events to their region's retry topic (acks=all), to be tried again when due. */
  async publishRetries(items: readonly RetryItem[]): Promise<void> {
    if (items.length === 0) return;
    const byTopic = new Map<string, Array<{ key: string; value: string }>>();
    for (const item of items) {
      const topic = this.retryTopicOf(item.region);
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: item.event.sessionId, value: encodeRetry(item) });
      byTopic.set(topic, messages);
    }
    await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }

  /** Sends dead letters to the DLQ topic (acks=all); a consumer stores them in Postgres. */
  async publishDeadLetters(records: readonly DeadLetterRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.producer.send({ topic: this.dlqTopic, acks: -1, messages: records.map((r) => ({ key: r.id, value: encodeDeadLetter(r) })) });
  }

  /**
   * Consumes the retry topics: each retry waits in its partition until it is due (heartbeating,
   * never past the backoff cap of 60 s), then `handler` takes the due ones as one batch.
   */
  async subscribeRetries(groupId: string, handler: (batch: RetryBatch) => Promise<void>): Promise<Subscription> {
    return this.runConsumer(groupId, [...this.regionByRetryTopic.keys()], (payload) => this.consumeRetries(payload, handler));
  }

  /**
   * Runs the cross-region replication links of SPEC section 2: one mirror group per link copies the
   * source region's topic, message by message (key, value, partition, headers), to
   * `<topic>.replica.<target>` with a `replicated_from` header. At least once: a copy may repeat
   * after a crash, and the source's offsets say which.
   */
  startMirrors(links: readonly ReplicationLink[]): Subscription {
    const subscriptions = links.map((link) => {
      const source = this.topicOf(link.from);
      const target = replicaTopicOf(source, link.to);
      const groupId = `mirror.${link.from}-to-${link.to}`;
      this.mirrorGroups.set(`${this.options.topicPrefix}.${groupId}`, link);
      return this.runConsumer(groupId, [source], async ({ batch, resolveOffset, heartbeat }) => {
        const messages = batch.messages.map((message) => ({
          key: message.key,
          value: message.value,
          partition: batch.partition,
          timestamp: message.timestamp,
          headers: { ...message.headers, [REPLICATED_FROM_HEADER]: link.from },
        }));
        await this.producer.send({ topic: target, acks: -1, messages });
        resolveOffset(batch.lastOffset());
        await heartbeat();
      });
    });
    return { close: async () => void (await Promise.all(subscriptions.map((s) => s.close()))) };
  }

  /** Each running replication link's lag: source events not yet copied, and the oldest one's age. */
  replicationLag(): ReplicationLag[] {
    return [...this.mirrorLag.values()];
  }

  /** Consumes the DLQ topic; offsets are committed once `handler` has stored the records. */
  async subscribeDeadLetters(groupId: string, handler: (records: DeadLetterRecord[]) => Promise<void>): Promise<Subscription> {
    return this.runConsumer(groupId, [this.dlqTopic], async ({ batch, resolveOffset, heartbeat }) => {
      const records: DeadLetterRecord[] = [];
      for (const message of batch.messages) {
        const decoded = decodeDeadLetter(message.value);
        if (decoded.ok) records.push(decoded.value);
        else this.options.log(`[kafka] skipped ${batch.topic}/${batch.partition}@${message.offset}: ${decoded.reason}`);
      }
      await handler(records);
      resolveOffset(batch.lastOffset());
      await heartbeat();
    });
  }

  /** Runs a consumer of `topics` in group `<prefix>.<groupId>`, started again with backoff whenever it cannot run. */
  private runConsumer(
    groupId: string,
    topics: string[],
    eachBatch: (payload: EachBatchPayload) => Promise<void>,
    onAssigned?: (partitions: number) => void,
  ): Subscription {
    if (this.closed) throw new AppError("unavailable", "The event bus is shut down.");
    const fullGroupId = `${this.options.topicPrefix}.${groupId}`;
    const consumer = this.kafka.consumer({
      groupId: fullGroupId,
      sessionTimeout: 10_000,
      rebalanceTimeout: 20_000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
    });
    this.consumers.push(consumer);
    const committer = new OffsetCommitter({
      commit: (offsets) => consumer.commitOffsets(offsets),
      intervalMs: COMMIT_INTERVAL_MS,
      onError: (error) => this.options.log(`[kafka] ${fullGroupId}: offsets not committed (${messageOf(error)}); trying again`),
    });
    this.committers.push(committer);
    let closed = false;
    const run = async (attempt: number): Promise<void> => {
      try {
        await this.ready;
        await consumer.connect();
        await consumer.subscribe({ topics, fromBeginning: true });
        // Offsets are resolved after each run's handler; the committer sends them on its interval
        // (kafkajs's autoCommit sends one commit per batch).
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: REGION_IDS.length,
          eachBatch: (payload) =>
            eachBatch({
              ...payload,
              resolveOffset: (offset) => {
                payload.resolveOffset(offset);
                committer.resolve(payload.batch.topic, payload.batch.partition, offset);
              },
            }),
        });
      } catch (error) {
        if (closed || this.closed) return;
        const delay = Math.min(INITIAL_BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS);
        this.options.log(`[kafka] consumer ${fullGroupId} could not start (${messageOf(error)}); retrying in ${delay} ms`);
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (!closed && !this.closed) await run(attempt + 1);
      }
    };
    // Before partitions move, what this member finished is committed, so the next owner reads less again.
    consumer.on(consumer.events.REBALANCING, () => void committer.flush());
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      const assignment = event.payload.memberAssignment as Record<string, number[]>;
      committer.retain(assignment);
      const count = Object.values(assignment).reduce((sum, partitions) => sum + partitions.length, 0);
      onAssigned?.(count);
      this.options.log(`[kafka] ${fullGroupId}: this process now consumes ${count} partition(s)`);
    });
    // kafkajs restarts a crashed consumer on retriable errors; anything else is restarted here.
    consumer.on(consumer.events.CRASH, (event) => {
      const { error, restart } = event.payload;
      this.lastError = messageOf(error);
      if (!restart && !closed && !this.closed) {
        this.options.log(`[kafka] consumer ${fullGroupId} crashed (${this.lastError}); starting it again`);
        void consumer.disconnect().finally(() => void run(1));
      }
    });
    void run(0);
    return {
      close: async () => {
        if (closed) return;
        closed = true;
        await committer.close();
        await consumer.disconnect().catch(() => {});
      },
    };
  }

  private async consumeRetries(payload: EachBatchPayload, handler: (batch: RetryBatch) => Promise<void>): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const region = this.regionByRetryTopic.get(batch.topic);
    if (!region) return;
    let index = 0;
    const messages = batch.messages;
    while (index < messages.length && isRunning() && !isStale()) {
      const items: RetryItem[] = [];
      const offsets: number[] = [];
      const baseOffset = Number(messages[index]!.offset);
      const now = Date.now();
      let waitUntil = 0;
      for (; index < messages.length; index++) {
        const message = messages[index]!;
        const decoded = decodeRetry(message.value);
        if (!decoded.ok) {
          this.options.log(`[kafka] skipped ${batch.topic}/${batch.partition}@${message.offset}: ${decoded.reason}`);
          continue;
        }
        if (decoded.value.dueAt > now) {
          waitUntil = Math.min(decoded.value.dueAt, now + MAX_RETRY_WAIT_MS);
          break;
        }
        items.push(decoded.value);
        offsets.push(Number(message.offset));
      }
      const nextOffset = index < messages.length ? Number(messages[index]!.offset) : Number(batch.lastOffset()) + 1;
      if (nextOffset > baseOffset) {
        await handler({ region, partition: batch.partition, baseOffset, nextOffset, offsets, items });
        resolveOffset(String(nextOffset - 1));
      }
      // Wait in short steps, heartbeating, so the group does not think this member died.
      while (Date.now() < waitUntil && isRunning() && !isStale()) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(500, waitUntil - Date.now())));
        await heartbeat();
      }
    }
  }

  lag(region: RegionId): RegionLag {
    const partitions = this.lagByRegion.get(region) ?? [];
    let messages = 0;
    let seconds = 0;
    for (const p of partitions) {
      messages += p.messages;
      seconds = Math.max(seconds, p.seconds);
    }
    return { messages, seconds, partitions: partitions.map(({ partition, messages: m, seconds: s }) => ({ partition, messages: m, seconds: s })) };
  }

  /** The partitions of each region's events topic, as the broker listed them at connect (none before). */
  listPartitions(): ReadonlyMap<RegionId, readonly number[]> {
    return this.partitionsByRegion;
  }

  health(): ComponentHealth {
    if (this.closed) return { status: "down", detail: "shut down" };
    if (!this.connected || !this.reachable) return { status: "down", detail: `Kafka at ${this.options.brokers.join(",")} unreachable: ${this.lastError ?? "connecting"}` };
    let lag = 0;
    for (const partitions of this.lagByRegion.values()) for (const p of partitions) lag += p.messages;
    return {
      status: "up",
      detail: `Kafka at ${this.options.brokers.join(",")}, consuming ${this.assigned} of ${REGION_IDS.length * this.options.partitions} partition(s), lag ${lag} message(s)`,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.lagTimer) clearInterval(this.lagTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    // Queued publishes are sent before the producer disconnects, for a few seconds at most (a broker
    // that is down would hold the shutdown up); what is still queued then is refused.
    const deadline = Date.now() + CLOSE_SEND_TIMEOUT_MS;
    while ((this.sending.size > 0 || this.sendScheduled || this.queued.length > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const refused = new AppError("unavailable", "The event bus shut down before Kafka took the events; send them again.");
    for (const publish of this.queued.splice(0)) publish.reject(refused);
    // Each step runs even when an earlier one fails, so nothing is left connected.
    const steps = [...this.committers.map((c) => () => c.close()), ...this.consumers.map((c) => () => c.disconnect()), () => this.producer.disconnect(), () => this.admin.disconnect()];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        this.options.log(`[kafka] disconnect failed: ${messageOf(error)}`);
      }
    }
  }

  private async connectWithBackoff(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        await this.admin.connect();
        await this.ensureTopics();
        await this.producer.connect();
        this.connected = true;
        this.reachable = true;
        this.lastError = null;
        this.options.log(`[kafka] connected to ${this.options.brokers.join(",")}, topics under ${this.options.topicPrefix}`);
        return;
      } catch (error) {
        this.lastError = messageOf(error);
        const delay = Math.min(INITIAL_BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS);
        this.options.log(`[kafka] unreachable (${this.lastError}); retrying in ${delay} ms`);
        await new Promise<void>((resolve) => {
          this.reconnectTimer = setTimeout(resolve, delay);
        });
      }
    }
    throw new AppError("unavailable", "The event bus is shut down.");
  }

  private async ensureTopics(): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const replicas = REPLICATION_LINKS.map((link) => replicaTopicOf(this.topicOf(link.from), link.to));
    const missing = [...this.regionByTopic.keys(), ...this.regionByRetryTopic.keys(), this.dlqTopic, ...replicas].filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: this.options.partitions, replicationFactor: -1 })),
      });
    }
    const metadata = await this.admin.fetchTopicMetadata({ topics: [...this.regionByTopic.keys()] });
    for (const topic of metadata.topics) {
      this.partitionsByRegion.set(this.regionByTopic.get(topic.name)!, topic.partitions.map((p) => p.partitionId).sort((a, b) => a - b));
    }
  }

  /**
   * Hands a fetched batch to the handler in runs: plain events together, each replayed dead letter
   * (marked by its `replay_of` header) on its own. Each run's offsets are resolved after it succeeds.
   */
  private async consumeBatch(payload: EachBatchPayload, handler: BatchHandler): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const region = this.regionByTopic.get(batch.topic);
    if (!region || batch.messages.length === 0) return;
    let run: (BusBatch & { events: ViewerEvent[]; offsets: number[]; messages: MessageTally[] }) | null = null;
    const flush = async (nextOffset: number) => {
      if (!run || !isRunning() || isStale()) return;
      const ready = run;
      run = null;
      ready.nextOffset = nextOffset;
      await handler(ready);
      // Resolved only after the handler: a crash before this line replays the run instead of losing it.
      resolveOffset(String(nextOffset - 1));
    };
    for (const message of batch.messages) {
      const offset = Number(message.offset);
      const replayOf = message.headers?.replay_of?.toString();
      if (replayOf !== undefined || run?.replayOf !== undefined) await flush(offset);
      run ??= { region, partition: batch.partition, baseOffset: offset, offsets: [], messages: [], ingestedAt: Number(message.timestamp), events: [] };
      if (replayOf !== undefined) run.replayOf = replayOf;
      const decoded = decodeEventMessage(message.value);
      const where = `Kafka message ${batch.topic}/${batch.partition}@${offset}`;
      if (!decoded.ok) {
        run.messages.push({ offset, slots: 1, invalid: 1 });
        this.options.onInvalidMessage?.(region, `${where}: ${decoded.reason}`);
        continue;
      }
      let invalid = 0;
      decoded.value.forEach((parsed, index) => {
        if (parsed.ok) {
          run!.events.push(parsed.event);
          run!.offsets.push(positionOf(offset, index));
        } else {
          invalid++;
          this.options.onInvalidMessage?.(region, `${where}, event ${index}: ${parsed.reason}`);
        }
      });
      run.messages.push({ offset, slots: decoded.value.length, invalid });
    }
    await flush(Number(batch.lastOffset()) + 1);
    await heartbeat();
  }

  /**
   * Samples every partition's high watermark and the group's committed offset. The oldest
   * unconsumed event's age is read off the watermark history: it is how long ago the watermark
   * first passed the committed offset, the same answer in every process.
   */
  private async sampleLag(): Promise<void> {
    if (!this.connected || this.closed) return;
    try {
      const now = Date.now();
      const next = new Map<RegionId, PartitionLag[]>();
      for (const [topic, region] of this.regionByTopic) {
        const high = await this.admin.fetchTopicOffsets(topic);
        const committed = this.eventsGroupId ? await this.admin.fetchOffsets({ groupId: this.eventsGroupId, topics: [topic] }) : [];
        const committedByPartition = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
        const partitions: PartitionLag[] = [];
        for (const p of high) {
          const highWatermark = Number(p.high);
          // -1 means the group never committed this partition: it starts from the beginning.
          const position = Math.max(committedByPartition.get(p.partition) ?? 0, Number(p.low), 0);
          const messages = Math.max(0, highWatermark - position);
          const history = this.recordWatermark(`${region}/${p.partition}`, now, highWatermark);
          partitions.push({ region, partition: p.partition, highWatermark, committed: position, messages, seconds: messages > 0 ? ageOfOffset(history, position, now) : 0 });
        }
        next.set(region, partitions.sort((a, b) => a.partition - b.partition));
      }
      this.lagByRegion = next;
      for (const [groupId, link] of this.mirrorGroups) {
        const topic = this.topicOf(link.from);
        const committed = await this.admin.fetchOffsets({ groupId, topics: [topic] });
        const committedByPartition = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
        let messages = 0;
        let seconds = 0;
        for (const p of next.get(link.from) ?? []) {
          const position = Math.max(committedByPartition.get(p.partition) ?? 0, 0);
          const behind = Math.max(0, p.highWatermark - position);
          messages += behind;
          if (behind > 0) seconds = Math.max(seconds, ageOfOffset(this.watermarks.get(`${link.from}/${p.partition}`) ?? [], position, now));
        }
        this.mirrorLag.set(groupId, { ...link, messages, seconds });
      }
      this.reachable = true;
    } catch (error) {
      this.reachable = false;
      this.lastError = messageOf(error);
    }
  }

  private recordWatermark(key: string, at: number, high: number): WatermarkSample[] {
    const history = this.watermarks.get(key) ?? [];
    history.push({ at, high });
    while (history.length > 0 && history[0]!.at < at - WATERMARK_HISTORY_MS) history.shift();
    this.watermarks.set(key, history);
    return history;
  }

  private logKafka(entry: LogEntry): void {
    const { message, error } = entry.log as { message: string; error?: string };
    this.options.log(`[kafka] ${message}${error ? `: ${error}` : ""}`);
  }
}
