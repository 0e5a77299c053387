import type { Consumer, EachBatchPayload, Kafka } from "kafkajs";
import { REGION_IDS } from "@/core/routing/regions";
import { AppError, messageOf } from "../../errors";
import { once } from "../../once";
import { backoffDelayMs, retryWithBackoff } from "../../retry";
import type { Subscription } from "../event-bus";
import { OffsetCommitter } from "./offset-committer";
import { groupIdOf } from "./topics";

/** A consumer that cannot start is started again after this, doubling up to MAX. */
const CONSUMER_BACKOFF = { initialMs: 500, maxMs: 30_000 };
/** How often each consumer commits the offsets its batches resolved. */
const COMMIT_INTERVAL_MS = 200;

export interface ConsumerGroupsOptions {
  kafka: Kafka;
  topicPrefix: string;
  log: (message: string) => void;
  /** Whether the bus is shut down: no consumer starts or restarts then. */
  isClosed: () => boolean;
  /** Settles once the bus is connected and its topics exist. */
  whenConnected: () => Promise<void> | null;
  /** Told of a crash's reason: the bus's last error. */
  onCrash: (reason: string) => void;
}

/** The bus's consumers: each in its group under the prefix, committing on an interval, started again whenever it cannot run. */
export class ConsumerGroups {
  private readonly consumers: Consumer[] = [];
  private readonly committers: OffsetCommitter[] = [];

  constructor(private readonly options: ConsumerGroupsOptions) {}

  /** Runs a consumer of `topics` in group `<prefix>.<groupId>`, started again with backoff whenever it cannot run. */
  run(
    groupId: string,
    topics: string[],
    eachBatch: (payload: EachBatchPayload) => Promise<void>,
    onAssigned?: (partitions: number) => void,
  ): Subscription {
    const { kafka, log, isClosed } = this.options;
    if (isClosed()) throw new AppError("unavailable", "The event bus is shut down.");
    const fullGroupId = groupIdOf(this.options.topicPrefix, groupId);
    const consumer = kafka.consumer({
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
      onError: (error) => log(`[kafka] ${fullGroupId}: offsets not committed (${messageOf(error)}); trying again`),
    });
    this.committers.push(committer);
    let closed = false;
    const stopped = () => closed || isClosed();
    const startOnce = async () => {
      await this.options.whenConnected();
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
    };
    // A start after a crash waits one step longer at its first failure than the very first start.
    const start = (firstAttempt: number) =>
      void retryWithBackoff(startOnce, {
        initialMs: backoffDelayMs(firstAttempt, CONSUMER_BACKOFF),
        maxMs: CONSUMER_BACKOFF.maxMs,
        isStopped: stopped,
        onRetry: (reason, delay) => log(`[kafka] consumer ${fullGroupId} could not start (${reason}); retrying in ${delay} ms`),
      }).catch(() => {});
    // Before partitions move, what this member finished is committed, so the next owner reads less again.
    consumer.on(consumer.events.REBALANCING, () => void committer.flush());
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      const assignment = event.payload.memberAssignment as Record<string, number[]>;
      committer.retain(assignment);
      const count = Object.values(assignment).reduce((sum, partitions) => sum + partitions.length, 0);
      onAssigned?.(count);
      log(`[kafka] ${fullGroupId}: this process now consumes ${count} partition(s)`);
    });
    // kafkajs restarts a crashed consumer on retriable errors; anything else is restarted here.
    consumer.on(consumer.events.CRASH, (event) => {
      const { error, restart } = event.payload;
      const reason = messageOf(error);
      this.options.onCrash(reason);
      if (!restart && !stopped()) {
        log(`[kafka] consumer ${fullGroupId} crashed (${reason}); starting it again`);
        void consumer.disconnect().finally(() => start(1));
      }
    });
    start(0);
    return {
      close: once(async () => {
        closed = true;
        await committer.close();
        await consumer.disconnect().catch(() => {});
      }),
    };
  }

  /** The steps that stop every consumer: commit what is left, then disconnect (each run even when an earlier one fails). */
  closeSteps(): Array<() => Promise<void>> {
    return [...this.committers.map((c) => () => c.close()), ...this.consumers.map((c) => () => c.disconnect())];
  }
}
