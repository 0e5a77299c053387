import type { Admin } from "kafkajs";
import type { RegionId } from "@/core/routing/regions";
import { AppError } from "../../errors";
import { retryWithBackoff } from "../../retry";
import { allTopicsOf, type TopicNames } from "./topics";

/** A bus that cannot connect tries again after this, doubling up to MAX. */
const CONNECT_BACKOFF = { initialMs: 500, maxMs: 30_000 };

/**
 * Creates the topics that are missing and reads how many partitions each region's events topic has
 * (a topic made earlier may have more than configured).
 */
export async function ensureTopics(admin: Admin, topics: TopicNames, partitions: number): Promise<Map<RegionId, number[]>> {
  const existing = new Set(await admin.listTopics());
  const missing = allTopicsOf(topics).filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
    });
  }
  const metadata = await admin.fetchTopicMetadata({ topics: [...topics.regionByEvents.keys()] });
  const partitionsByRegion = new Map<RegionId, number[]>();
  for (const topic of metadata.topics) {
    partitionsByRegion.set(
      topics.regionByEvents.get(topic.name)!,
      topic.partitions.map((p) => p.partitionId).sort((a, b) => a - b),
    );
  }
  return partitionsByRegion;
}

export interface ConnectOptions {
  /** One try: connect, create the topics, connect the producer. */
  connect: () => Promise<void>;
  isClosed: () => boolean;
  /** Told of each failed try, with the wait before the next. */
  onRetry: (reason: string, delayMs: number) => void;
  /** Waits `ms`; the bus passes one whose timer its close clears. */
  sleep: (ms: number) => Promise<void>;
}

/**
 * Tries to connect until it succeeds, with backoff. Every failure is tried again: a broker being
 * started, a topic another process is creating, and leaders not yet elected all pass in time.
 */
export async function connectWithBackoff({ connect, isClosed, onRetry, sleep }: ConnectOptions): Promise<void> {
  if (isClosed()) throw new AppError("unavailable", "The event bus is shut down.");
  try {
    await retryWithBackoff(connect, { ...CONNECT_BACKOFF, isStopped: isClosed, onRetry, sleep });
  } catch {
    throw new AppError("unavailable", "The event bus is shut down.");
  }
}
