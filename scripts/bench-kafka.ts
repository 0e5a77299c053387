// End to end through a real broker on this machine (broker, Redis, the producer and the worker
// process share its two cores): producer → Kafka → workers → ledger, sustained, then drained
// until the books are exact.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import type { ViewerEvent } from "@/core/events/events";
import type { Snapshot } from "@/core/metrics/snapshot";
import { KafkaBus } from "@/server/bus/kafka/kafka-bus";
import { RedisLedger } from "@/server/store/redis-ledger";
import { RedisLiveStore } from "@/server/store/redis-live-store";
import { freePortBeside, service, start, stopAll } from "@/server/testing/services";
import { spawnServer, waitFor, type SpawnedServer } from "@/server/testing/spawn-server";
import { createPipeline } from "@/server/workers/pipeline";
import { countProducedEvents } from "@/server/workers/shared-books";

export interface KafkaBenchResult {
  produced: number;
  producedPerSecond: number;
  /** Events processed per second over the sustained phase. */
  processedPerSecond: number;
  /** Seconds from the end of producing until every event was processed. */
  drainSeconds: number;
  maxLagMessages: number;
  maxLagSeconds: number;
  exact: boolean;
  /** Processing latency (ingest → processed) at a light, steady load, and under the sustained load. */
  latency: Array<{ label: string; p50Ms: number; worstP95Ms: number }>;
  /** Producer alone, events packed N to a message (the encoding finding). */
  packed: Array<{ eventsPerMessage: number; eventsPerSecond: number }>;
}

const quiet = () => {};
/** The light load of the latency phase, in events/s, ingested 100 events a call. */
const LIGHT_RATE = 2000;
const fmtCount = (n: number) => n.toLocaleString("en-US");

/** Copies of `events` with fresh ids, so a long run never repeats an event_id. */
function freshBatch(events: readonly ViewerEvent[], from: number, size: number, round: number): ViewerEvent[] {
  const batch = new Array<ViewerEvent>(size);
  for (let i = 0; i < size; i++) {
    const event = events[(from + i) % events.length]!;
    batch[i] = { ...event, eventId: `${event.eventId}-${round}-${from + i}` };
  }
  return batch;
}

/** How fast the bus alone publishes these events (encoding included) when it packs N to a message. */
async function benchPackedProducer(
  brokers: string,
  events: readonly ViewerEvent[],
  eventsPerMessage: number,
  seconds: number,
): Promise<number> {
  const bus = new KafkaBus({
    brokers: [brokers],
    topicPrefix: `benchpack${eventsPerMessage}${randomBytes(3).toString("hex")}`,
    partitions: 3,
    eventsPerMessage,
    clientId: "bench-packed",
    log: quiet,
  });
  try {
    await bus.whenReady();
    let produced = 0;
    let round = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (performance.now() < deadline) {
          const from = produced;
          produced += 2000;
          await bus.publish("mumbai", freshBatch(events, from, 2000, round++), Date.now());
        }
      }),
    );
    return produced / ((performance.now() - started) / 1000);
  } finally {
    await bus.close();
  }
}

/** The median of `values` (0 when empty). */
function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Produces at `rate` events/s (0: as fast as it can) for `seconds` from this process, while a real
 * server process runs the workers, as a deployment would split ingest from processing; then waits
 * until the books show every event processed.
 */
export async function benchKafka(
  events: readonly ViewerEvent[],
  seconds: number,
  rate: number,
  eventsPerMessage: number,
  log: (line: string) => void,
): Promise<KafkaBenchResult> {
  const kafkaService = service("bench-kafka", "kafka.sh");
  const redisService = service("bench-redis", "redis.sh");
  const taken: number[] = [];
  const [brokers, redisUrl] = await Promise.all([
    start(kafkaService, await freePortBeside(taken)),
    start(redisService, await freePortBeside(taken)),
  ]);
  const redis = new Redis(redisUrl);
  const prefix = `bench${randomBytes(3).toString("hex")}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "signalbox-bench-kafka-"));
  const ledger = new RedisLedger(redis, prefix);
  const bus = new KafkaBus({
    brokers: [brokers],
    topicPrefix: prefix,
    partitions: 3,
    eventsPerMessage,
    clientId: "bench",
    log: quiet,
    onProduced: countProducedEvents(ledger),
  });
  let worker: SpawnedServer | null = null;
  try {
    await bus.whenReady();
    const store = new RedisLiveStore({ redis, prefix, heartbeatWindowMs: 15_000, idempotencyWindowMs: 30_000, onError: quiet });
    const { ingestor } = await createPipeline({ now: Date.now(), bus, store, consume: false });
    worker = await spawnServer(
      {
        SIMULATOR: "off",
        DATA_DIR: dataDir,
        KAFKA_BROKERS: brokers,
        REDIS_URL: redisUrl,
        KAFKA_TOPIC_PREFIX: prefix,
        REDIS_KEY_PREFIX: prefix,
        KAFKA_PARTITIONS: "3",
      },
      90_000,
    );
    const server = worker;
    const snapshot = async () => (await server.signIn()).read<Snapshot>("/api/snapshot");
    // Producing starts once the worker's group has joined, so the run measures processing, not the join.
    await waitFor(
      async () =>
        ((await (await fetch(`${server.url}/api/healthz`)).json()) as { components: { bus: { detail: string } } }).components.bus.detail,
      (detail) => /consuming [1-9]/.test(detail),
      60_000,
    );

    let maxLagMessages = 0;
    let maxLagSeconds = 0;
    // Each snapshot's latency covers its own 1-second window; a region turns WARNING on one window's p95.
    let latencies: Array<{ p50: number; p95: number }> = [];
    const sample = async () => {
      const s = await snapshot();
      maxLagMessages = Math.max(
        maxLagMessages,
        s.regions.reduce((sum, r) => sum + r.lag.messages, 0),
      );
      maxLagSeconds = Math.max(maxLagSeconds, ...s.regions.map((r) => r.lag.seconds));
      if (s.regions.some((r) => r.eventsPerSecond > 0)) latencies.push(s.overall.latencyMs);
      return s;
    };
    const takeLatency = (label: string) => {
      const taken = { label, p50Ms: medianOf(latencies.map((l) => l.p50)), worstP95Ms: Math.max(0, ...latencies.map((l) => l.p95)) };
      latencies = [];
      return taken;
    };
    let produced = 0;
    let round = 0;
    let started = performance.now();
    const sampler = setInterval(
      () =>
        void sample()
          .then(
            (s) =>
              process.env.BENCH_VERBOSE &&
              log(
                `  t+${((performance.now() - started) / 1000).toFixed(0)} s produced ${produced} processed ${s.conservation.processed} lag ${s.regions.reduce((n, r) => n + r.lag.messages, 0)} p95 ${s.overall.latencyMs.p95} ms`,
              ),
          )
          .catch((error: unknown) => log(`  sample failed: ${String(error)}`)),
      1000,
    );
    /** Ingests at `pace` events/s (0: as fast as it can), `batchSize` per call, from 4 callers at once. */
    const produceFor = async (pace: number, forSeconds: number, batchSize: number) => {
      const from0 = produced;
      started = performance.now();
      const deadline = started + forSeconds * 1000;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (performance.now() < deadline) {
            // Paced: ahead of the offered rate, wait; behind it, produce at once.
            if (pace > 0 && produced - from0 >= (pace * (performance.now() - started)) / 1000) {
              await new Promise((resolve) => setTimeout(resolve, 5));
              continue;
            }
            const from = produced;
            produced += batchSize;
            await ingestor.ingestValid(freshBatch(events, from, batchSize, round++));
          }
        }),
      );
    };
    // A light load first, as on a quiet evening: what an operator sees as processing latency, once
    // 5 s have warmed the processes up (the first seconds compile the hot paths).
    await produceFor(LIGHT_RATE, 5, LIGHT_RATE / 20);
    latencies = [];
    await produceFor(LIGHT_RATE, 15, LIGHT_RATE / 20);
    const light = takeLatency(`${fmtCount(LIGHT_RATE)} events/s`);
    const processedBefore = (await sample()).conservation.processed;
    const producedBefore = produced;
    latencies = [];
    await produceFor(rate, seconds, 2000);
    const produceSeconds = (performance.now() - started) / 1000;
    const processedAtEnd = (await sample()).conservation.processed - processedBefore;
    const loaded = takeLatency(`${rate > 0 ? fmtCount(rate) : "full speed"} events/s offered`);
    log(`  produced ${produced - producedBefore} in ${produceSeconds.toFixed(1)} s; ${processedAtEnd} processed by then`);
    const drainStarted = performance.now();
    let last = await sample();
    while ((last.conservation.processed < produced || last.conservation.queued > 0) && performance.now() - drainStarted < 300_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      last = await sample();
    }
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    clearInterval(sampler);
    // Every event processed exactly once; the producer's own retries may have written a few twice
    // to the broker, which the books show as duplicates (ingested counts them too).
    const exact = last.conservation.processed === produced && last.conservation.balanced;
    log(`  drained in ${drainSeconds.toFixed(1)} s: ${JSON.stringify(last.conservation)}`);
    await worker.stop();

    const packed: KafkaBenchResult["packed"] = [];
    for (const size of [1, 10, 100, 500, 1000]) {
      packed.push({ eventsPerMessage: size, eventsPerSecond: await benchPackedProducer(brokers, events, size, 10) });
    }
    return {
      produced,
      producedPerSecond: (produced - producedBefore) / produceSeconds,
      processedPerSecond: processedAtEnd / produceSeconds,
      drainSeconds,
      maxLagMessages,
      maxLagSeconds,
      exact,
      latency: [light, loaded],
      packed,
    };
  } finally {
    await worker?.stop();
    await bus.close();
    redis.disconnect();
    await stopAll([kafkaService, redisService]);
    await rm(dataDir, { recursive: true, force: true });
  }
}
