import type { EachBatchPayload } from "kafkajs";
import { positionOf } from "@/core/events/event-pack";
import type { ViewerEvent } from "@/core/events/events";
import type { RegionId } from "@/core/routing/regions";
import type { BatchHandler, BusBatch, MessageTally } from "../event-bus";
import { decodeEventMessage } from "./messages";

/** A message on an events topic that is not a valid event: counted and skipped, never blocking its partition. */
export type InvalidMessageHandler = (region: RegionId, reason: string) => void;

/**
 * Hands a fetched batch of a region's events topic to the handler in runs: plain events together,
 * each replayed dead letter (marked by its `replay_of` header) on its own. Each run's offsets are
 * resolved after it succeeds.
 */
export async function consumeEventBatch(
  payload: EachBatchPayload,
  region: RegionId,
  handler: BatchHandler,
  onInvalid?: InvalidMessageHandler,
): Promise<void> {
  const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
  if (batch.messages.length === 0) return;
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
    run ??= {
      region,
      partition: batch.partition,
      baseOffset: offset,
      offsets: [],
      messages: [],
      ingestedAt: Number(message.timestamp),
      events: [],
    };
    if (replayOf !== undefined) run.replayOf = replayOf;
    const decoded = decodeEventMessage(message.value);
    const where = `Kafka message ${batch.topic}/${batch.partition}@${offset}`;
    if (!decoded.ok) {
      run.messages.push({ offset, slots: 1, invalid: 1 });
      onInvalid?.(region, `${where}: ${decoded.reason}`);
      continue;
    }
    let invalid = 0;
    decoded.value.forEach((parsed, index) => {
      if (parsed.ok) {
        run!.events.push(parsed.event);
        run!.offsets.push(positionOf(offset, index));
      } else {
        invalid++;
        onInvalid?.(region, `${where}, event ${index}: ${parsed.reason}`);
      }
    });
    run.messages.push({ offset, slots: decoded.value.length, invalid });
  }
  await flush(Number(batch.lastOffset()) + 1);
  await heartbeat();
}
