import type { EachBatchPayload } from "kafkajs";

/** A fetched message as a test writes it: offset, value, and optionally headers and a timestamp. */
export interface TestMessage {
  offset: number;
  value: string | Buffer | null;
  headers?: Record<string, string>;
  timestamp?: string;
  key?: string;
}

/** A kafkajs batch payload without a broker: records the offsets resolved and the heartbeats. */
export function makeBatchPayload(topic: string, partition: number, messages: readonly TestMessage[]) {
  const resolved: string[] = [];
  let heartbeats = 0;
  const payload = {
    batch: {
      topic,
      partition,
      messages: messages.map((m) => ({
        offset: String(m.offset),
        value: typeof m.value === "string" ? Buffer.from(m.value) : m.value,
        key: m.key === undefined ? null : Buffer.from(m.key),
        timestamp: m.timestamp ?? "1000",
        headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([name, value]) => [name, Buffer.from(value)])),
        attributes: 0,
      })),
      lastOffset: () => String(messages[messages.length - 1]?.offset ?? -1),
    },
    resolveOffset: (offset: string) => void resolved.push(offset),
    heartbeat: async () => void heartbeats++,
    isRunning: () => true,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { payload, resolved, heartbeats: () => heartbeats };
}
