import { Kafka, logLevel, type Admin, type LogEntry, type Producer } from "kafkajs";
import type { ViewerEvent } from "@/core/events/events";
import { REGION_IDS, type RegionId, type ReplicationLink } from "@/core/routing/regions";
import { AppError, messageOf } from "../../errors";
import type { ComponentHealth } from "../../health";
import { once } from "../../once";
import type { DeadLetterRecord } from "../../workers/dead-letter";
import type { RetryItem } from "../../workers/failure-handler";
import type { BatchHandler, EventBus, RegionLag, Subscription } from "../event-bus";
import { connectWithBackoff, ensureTopics } from "./connection";
import { ConsumerGroups } from "./consumer-groups";
import { consumeDeadLetterBatch, deadLetterMessagesOf } from "./dead-letter-topic";
import { consumeEventBatch, type InvalidMessageHandler } from "./event-batches";
import { LagSampler, type ReplicationLag } from "./lag";
import { startMirrors } from "./mirrors";
import { packPublishes } from "./packing";
import { consumeRetryBatch, retryMessagesOf, type RetryBatch } from "./retry-topic";
import { SendQueue } from "./send-queue";
import { groupIdOf, nameTopics, type TopicNames } from "./topics";

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
  onInvalidMessage?: InvalidMessageHandler;
  /**
   * Told, once Kafka has acknowledged a send, how many events went to each region's partitions: the
   * books' count of what was produced (Kafka's offsets count messages, not the events they pack).
   */
  onProduced?: (produced: ReadonlyMap<RegionId, readonly number[]>) => Promise<void>;
}

/** How long a close waits for queued publishes to be sent before refusing them. */
const CLOSE_SEND_TIMEOUT_MS = 3000;

/**
 * The event bus on Kafka: a topic per region, keyed by session, acks=all, commit after the handler
 * succeeds. This class holds the connection's state and hands each job to its module: the send queue
 * and its packing, the consumer groups, the retry and DLQ topics, the mirrors and the lag sampler.
 */
export class KafkaBus implements EventBus {
  readonly kind = "kafka" as const;
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly topics: TopicNames;
  private readonly sendQueue: SendQueue;
  private readonly groups: ConsumerGroups;
  private readonly lagSampler: LagSampler;
  /** Partitions of each region's events topic as the broker has them (a topic made earlier may have more than configured). */
  private partitionsByRegion = new Map<RegionId, number[]>();
  /** The processing group, whose lag the dashboard shows. */
  private eventsGroupId: string | null = null;
  private ready: Promise<void> | null = null;
  private connected = false;
  /** Whether the last lag sample reached the broker: the live answer to "is Kafka up?". */
  private reachable = false;
  private lastError: string | null = null;
  private closed = false;
  /** Partitions the group assigned to this process at its last join. */
  private assigned = 0;
  private lagTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;

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
    this.topics = nameTopics(options.topicPrefix);
    this.sendQueue = new SendQueue({
      pack: (publishes) =>
        packPublishes(publishes, {
          topicOf: (region) => this.topicOf(region),
          partitionCountOf: (region) => this.partitionCountOf(region),
          eventsPerMessage: options.eventsPerMessage,
        }),
      send: async (request) => {
        await this.producer.sendBatch({
          acks: -1,
          topicMessages: [...request.topicMessages].map(([topic, messages]) => ({ topic, messages })),
        });
      },
      ...(options.onProduced ? { onProduced: options.onProduced } : {}),
      onFailure: (error) => {
        this.lastError = messageOf(error);
      },
      log: options.log,
    });
    this.groups = new ConsumerGroups({
      kafka: this.kafka,
      topicPrefix: options.topicPrefix,
      log: options.log,
      isClosed: () => this.closed,
      whenConnected: () => this.ready,
      onCrash: (reason) => {
        this.lastError = reason;
      },
    });
    this.lagSampler = new LagSampler({ admin: this.admin, topics: this.topics, eventsGroupId: () => this.eventsGroupId });
  }

  /** Connects and creates missing topics, retrying with backoff in the background until it succeeds. */
  start(): void {
    if (this.ready || this.closed) return;
    this.ready = connectWithBackoff({
      connect: () => this.connect(),
      isClosed: () => this.closed,
      onRetry: (reason, delay) => {
        this.lastError = reason;
        this.options.log(`[kafka] unreachable (${reason}); retrying in ${delay} ms`);
      },
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          this.reconnectTimer = setTimeout(resolve, ms);
        }),
    });
    void this.ready.catch(() => {});
    this.lagTimer = setInterval(() => void this.sampleLag(), this.options.lagSampleMs ?? 2000);
  }

  /** Resolves once connected and the topics exist (for tests and the bench). */
  async whenReady(): Promise<void> {
    this.start();
    await this.ready;
  }

  topicOf(region: RegionId): string {
    return this.topics.eventsByRegion.get(region)!;
  }

  /** Partitions of the events topics this process consumes (0 until its group has joined). */
  consumingPartitions(): number {
    return this.assigned;
  }

  retryTopicOf(region: RegionId): string {
    return this.topics.retryByRegion.get(region)!;
  }

  /**
   * Resolves once Kafka (acks=all) holds the events; publishes of one turn go in one send (see
   * send-queue.ts). A refusal says whether sending again can help.
   */
  publish(region: RegionId, events: readonly ViewerEvent[], ingestedAt: number, options: { replayOf?: string } = {}): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new AppError("unavailable", "The event bus is shut down; events were not accepted."));
    if (!this.connected) {
      return Promise.reject(
        new AppError("unavailable", `Kafka is unreachable (${this.lastError ?? "connecting"}); events were not accepted, send them again.`),
      );
    }
    return this.sendQueue.enqueue({ region, events, ingestedAt, replayOf: options.replayOf });
  }

  async subscribe(groupId: string, handler: BatchHandler): Promise<Subscription> {
    this.eventsGroupId = groupIdOf(this.options.topicPrefix, groupId);
    return this.groups.run(
      groupId,
      [...this.topics.regionByEvents.keys()],
      async (payload) => {
        const region = this.topics.regionByEvents.get(payload.batch.topic);
        if (region) await consumeEventBatch(payload, region, handler, this.options.onInvalidMessage);
      },
      (count) => {
        this.assigned = count;
      },
    );
  }

  /** Sends failed events to their region's retry topic (acks=all), to be tried again when due. */
  async publishRetries(items: readonly RetryItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.producer.sendBatch({ acks: -1, topicMessages: retryMessagesOf(items, (region) => this.retryTopicOf(region)) });
  }

  /** Sends dead letters to the DLQ topic (acks=all); a consumer stores them in Postgres. */
  async publishDeadLetters(records: readonly DeadLetterRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.producer.send({ topic: this.topics.deadLetters, acks: -1, messages: deadLetterMessagesOf(records) });
  }

  /**
   * Consumes the retry topics: each retry waits in its partition until it is due (heartbeating,
   * never past the backoff cap of 60 s), then `handler` takes the due ones as one batch.
   */
  async subscribeRetries(groupId: string, handler: (batch: RetryBatch) => Promise<void>): Promise<Subscription> {
    return this.groups.run(groupId, [...this.topics.regionByRetry.keys()], async (payload) => {
      const region = this.topics.regionByRetry.get(payload.batch.topic);
      if (region) await consumeRetryBatch(payload, region, handler, this.options.log);
    });
  }

  /** Consumes the DLQ topic; offsets are committed once `handler` has stored the records. */
  async subscribeDeadLetters(groupId: string, handler: (records: DeadLetterRecord[]) => Promise<void>): Promise<Subscription> {
    return this.groups.run(groupId, [this.topics.deadLetters], (payload) => consumeDeadLetterBatch(payload, handler, this.options.log));
  }

  /** Runs the cross-region replication links (see mirrors.ts). */
  startMirrors(links: readonly ReplicationLink[]): Subscription {
    return startMirrors(links, { topics: this.topics, groups: this.groups, producer: this.producer, lag: this.lagSampler });
  }

  /** Each running replication link's lag: source events not yet copied, and the oldest one's age. */
  replicationLag(): ReplicationLag[] {
    return this.lagSampler.replicationLag();
  }

  lag(region: RegionId): RegionLag {
    return this.lagSampler.lag(region);
  }

  /** The partitions of each region's events topic, as the broker listed them at connect (none before). */
  listPartitions(): ReadonlyMap<RegionId, readonly number[]> {
    return this.partitionsByRegion;
  }

  health(): ComponentHealth {
    if (this.closed) return { status: "down", detail: "shut down" };
    if (!this.connected || !this.reachable)
      return { status: "down", detail: `Kafka at ${this.options.brokers.join(",")} unreachable: ${this.lastError ?? "connecting"}` };
    return {
      status: "up",
      detail: `Kafka at ${this.options.brokers.join(",")}, consuming ${this.assigned} of ${REGION_IDS.length * this.options.partitions} partition(s), lag ${this.lagSampler.totalMessages()} message(s)`,
    };
  }

  /** Sends what is queued (a few seconds at most), then disconnects everything; a second call waits for the first. */
  close(): Promise<void> {
    return this.closeOnce();
  }

  private readonly closeOnce = once(async () => {
    this.closed = true;
    if (this.lagTimer) clearInterval(this.lagTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    // Queued publishes are sent before the producer disconnects; what is still queued then is refused.
    await this.sendQueue.drain(CLOSE_SEND_TIMEOUT_MS);
    // Each step runs even when an earlier one fails, so nothing is left connected.
    const steps = [...this.groups.closeSteps(), () => this.producer.disconnect(), () => this.admin.disconnect()];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        this.options.log(`[kafka] disconnect failed: ${messageOf(error)}`);
      }
    }
  });

  /** One try at connecting: the admin, the topics, the producer. */
  private async connect(): Promise<void> {
    await this.admin.connect();
    this.partitionsByRegion = await ensureTopics(this.admin, this.topics, this.options.partitions);
    await this.producer.connect();
    this.connected = true;
    this.reachable = true;
    this.lastError = null;
    this.options.log(`[kafka] connected to ${this.options.brokers.join(",")}, topics under ${this.options.topicPrefix}`);
  }

  private partitionCountOf(region: RegionId): number {
    return this.partitionsByRegion.get(region)?.length ?? this.options.partitions;
  }

  private async sampleLag(): Promise<void> {
    if (!this.connected || this.closed) return;
    try {
      await this.lagSampler.sample();
      this.reachable = true;
    } catch (error) {
      this.reachable = false;
      this.lastError = messageOf(error);
    }
  }

  private logKafka(entry: LogEntry): void {
    const { message, error } = entry.log as { message: string; error?: string };
    this.options.log(`[kafka] ${message}${error ? `: ${error}` : ""}`);
  }
}
