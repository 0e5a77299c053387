import type { EachBatchPayload } from "kafkajs";
import type { DeadLetterRecord } from "../../workers/dead-letter";
import { decodeDeadLetter, encodeDeadLetter } from "./messages";

/** Dead letters as DLQ-topic messages, keyed by their id. */
export function deadLetterMessagesOf(records: readonly DeadLetterRecord[]): Array<{ key: string; value: string }> {
  return records.map((r) => ({ key: r.id, value: encodeDeadLetter(r) }));
}

/** Hands a fetched DLQ batch's valid records to `handler`; the batch is resolved once it has stored them. */
export async function consumeDeadLetterBatch(
  payload: EachBatchPayload,
  handler: (records: DeadLetterRecord[]) => Promise<void>,
  log: (message: string) => void,
): Promise<void> {
  const { batch, resolveOffset, heartbeat } = payload;
  const records: DeadLetterRecord[] = [];
  for (const message of batch.messages) {
    const decoded = decodeDeadLetter(message.value);
    if (decoded.ok) records.push(decoded.value);
    else log(`[kafka] skipped ${batch.topic}/${batch.partition}@${message.offset}: ${decoded.reason}`);
  }
  await handler(records);
  resolveOffset(batch.lastOffset());
  await heartbeat();
}
