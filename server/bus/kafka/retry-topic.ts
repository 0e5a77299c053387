import type { EachBatchPayload } from "kafkajs";
import type { RegionId } from "@/core/routing/regions";
import type { RetryItem } from "../../workers/failure-handler";
import { decodeRetry, encodeRetry } from "./messages";

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

/** A retry further out than this is looked at again then (the backoff cap is 60 s). */
const MAX_RETRY_WAIT_MS = 60_000;
/** While a retry is not yet due, the consumer heartbeats this often. */
const WAIT_STEP_MS = 500;

/** The retry messages of `items` by topic, each keyed by its session so a session's retries stay in order. */
export function retryMessagesOf(
  items: readonly RetryItem[],
  retryTopicOf: (region: RegionId) => string,
): Array<{ topic: string; messages: Array<{ key: string; value: string }> }> {
  const byTopic = new Map<string, Array<{ key: string; value: string }>>();
  for (const item of items) {
    const topic = retryTopicOf(item.region);
    const messages = byTopic.get(topic) ?? [];
    messages.push({ key: item.event.sessionId, value: encodeRetry(item) });
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * Hands a fetched batch of a region's retry topic to `handler` in due runs: each retry waits in its
 * partition until it is due (heartbeating, never past the backoff cap), and invalid messages are
 * logged and skipped.
 */
export async function consumeRetryBatch(
  payload: EachBatchPayload,
  region: RegionId,
  handler: (batch: RetryBatch) => Promise<void>,
  log: (message: string) => void,
): Promise<void> {
  const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
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
        log(`[kafka] skipped ${batch.topic}/${batch.partition}@${message.offset}: ${decoded.reason}`);
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
      await new Promise((resolve) => setTimeout(resolve, Math.min(WAIT_STEP_MS, waitUntil - Date.now())));
      await heartbeat();
    }
  }
}
