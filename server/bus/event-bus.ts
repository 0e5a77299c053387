import type { ViewerEvent } from "@/core/events/events";
import type { RegionId } from "@/core/routing/regions";
import type { Lag } from "@/core/metrics/snapshot";
import type { ComponentHealth } from "../health";

export interface RegionLag extends Lag {
  partitions: Array<Lag & { partition: number }>;
}

/** One message of a durable bus as the books count it. */
export interface MessageTally {
  offset: number;
  /** Events the message carried, valid or not (an unreadable message counts as one). */
  slots: number;
  /** Of those, how many were not valid events. */
  invalid: number;
}

/** A batch of events of one region's partition, delivered to exactly one member of a consumer group. */
export interface BusBatch {
  region: RegionId;
  partition: number;
  /** Offset of the first message in its partition (the in-process bus holds one event per offset; Kafka packs several). */
  baseOffset: number;
  /** When the events were accepted at ingest (epoch ms), for ingest → processed latency. */
  ingestedAt: number;
  events: readonly ViewerEvent[];
  /** Offset after the last message of the batch; with `offsets` and `messages`, set by buses whose position outlives the process. */
  nextOffset?: number;
  /** Each event's own position (`positionOf(offset, index in its message)`), unique even when a message packs many. */
  offsets?: readonly number[];
  /** The batch's messages: how many events each carried, and how many of those were not valid events. */
  messages?: readonly MessageTally[];
  /** Set when the batch replays one dead letter: that entry's id (the batch then holds its one event). */
  replayOf?: string;
}

/**
 * Resolving (or returning) acknowledges the batch: its offsets are committed for the group.
 * Throwing or rejecting leaves them uncommitted, so the batch is delivered again (at least once).
 */
export type BatchHandler = (batch: BusBatch) => Promise<void> | void;

export interface Subscription {
  close(): Promise<void>;
}

/**
 * The event bus between ingest and the workers: one topic per region, partitioned, consumed by
 * consumer groups with at-least-once delivery. In-process today; Kafka implements the same shape.
 */
export interface EventBus {
  readonly kind: "in-process" | "kafka";
  /** Appends events already routed to `region`; resolves when the bus has taken them (waits while it is full). */
  publish(region: RegionId, events: readonly ViewerEvent[], ingestedAt: number, options?: { replayOf?: string }): Promise<void>;
  /** Joins consumer group `groupId`; partitions are shared among the group's members. */
  subscribe(groupId: string, handler: BatchHandler): Promise<Subscription>;
  /** The processing group's lag on a region: published and not yet committed (events in process, messages on Kafka), and the oldest one's age. */
  lag(region: RegionId): RegionLag;
  health(): ComponentHealth;
  /** Stops delivery and waits for in-flight batches; safe to call twice. */
  close(): Promise<void>;
}
