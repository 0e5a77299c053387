import { DEFAULT_HEALTH_THRESHOLDS } from "@/core/routing/region-health";
import { REPLICATION_LINKS } from "@/core/routing/regions";
import type { Subscription } from "../bus/event-bus";
import type { Env } from "../env";
import { loadEngineCheckpoint, saveEngineCheckpoint } from "../services/engine-checkpoint";
import { saveRegionChange } from "../services/save-region-change";
import { attachBoardSocket } from "../socket/board-socket";
import { recordDeadLetterFailure, resolveDeadLetter } from "../services/update-replayed-dead-letters";
import { engineCountersSchema } from "../workers/engine-counters";
import type { FaultInjector } from "../workers/fault-injector";
import { createPipeline, type Pipeline } from "../workers/pipeline";
import { SharedBooks } from "../workers/shared-books";
import type { Alerting } from "./alerting";
import type { Web } from "./http";
import type { Infrastructure } from "./infrastructure";
import { log } from "./log";
import type { Writers } from "./writers";

export interface Engine extends Pipeline {
  /** With Kafka and workers on, retries wait in retry topics and dead letters reach Postgres through the DLQ topic. */
  retrySubscription: Subscription | null;
  deadLetterSubscription: Subscription | null;
  mirrors: Subscription | null;
  /** The books every process shares (Redis and Kafka); null: this process keeps its own, checkpointed. */
  books: SharedBooks | null;
  saveCheckpoint(): Promise<void>;
}

export interface EngineParts {
  infrastructure: Infrastructure;
  web: Web;
  writers: Writers;
  alerting: Alerting;
  faults: FaultInjector;
}

/**
 * The pipeline (store, bus, routing, metrics, processing, ingest) wired to the database, the writers and
 * alerting, with the Kafka consumers, the shared books, the dashboards' socket and the counters of the last checkpoint.
 */
export async function startEngine(env: Env, { infrastructure, web, writers, alerting, faults }: EngineParts): Promise<Engine> {
  const { database, kafka, ledger, store } = infrastructure;
  const { backgroundWrites, deadLetters, dlqSummary, history } = writers;
  const pipeline = await createPipeline({
    now: Date.now(),
    strategy: env.ROUTING_STRATEGY,
    healthPolicy: {
      thresholds: DEFAULT_HEALTH_THRESHOLDS,
      minEvents: env.HEALTH_MIN_EVENTS,
      maxAutomaticFailovers: env.AUTO_FAILOVER_MAX,
      minActiveRegions: env.AUTO_FAILOVER_MIN_ACTIVE,
      failbackHoldMs: env.FAILBACK_HOLD_SECONDS * 1000,
    },
    heartbeatWindowMs: env.HEARTBEAT_WINDOW_SECONDS * 1000,
    idempotencyWindowMs: env.IDEMPOTENCY_WINDOW_SECONDS * 1000,
    rollupMs: env.ROLLUP_SECONDS * 1000,
    maxRetries: env.MAX_RETRIES,
    maxInRetry: env.MAX_IN_RETRY,
    faults,
    commands: web.players,
    onRollups: (records) => history.enqueue(records),
    onRegionChange: (change) => {
      log(`[regions] ${change.region} ${change.action} (${change.mode}): ${change.reason}`);
      backgroundWrites.track(`record ${change.action} of ${change.region}`, saveRegionChange(database.prisma, change));
    },
    deadLetter: (record, replayOf) => {
      if (replayOf === undefined) deadLetters.enqueue([record]);
      else {
        const write = recordDeadLetterFailure(database.prisma, record).then(() => dlqSummary.markChanged());
        backgroundWrites.track(`record the new failure of replayed dead letter ${replayOf}`, write);
      }
    },
    onReplayProcessed: (id) =>
      backgroundWrites.track(
        `resolve dead letter ${id}`,
        resolveDeadLetter(database.prisma, id, Date.now()).then(() => dlqSummary.markChanged()),
      ),
    consume: env.WORKERS === "on",
    historyState: () => history.state(),
    alerts: () => alerting.engine.active(),
    ...(kafka ? { replication: () => kafka.replicationLag() } : {}),
    ...(kafka
      ? {
          bus: kafka,
          durable: {
            flush: ({ retries, deadLetters: records }) =>
              Promise.all([kafka.publishRetries(retries), kafka.publishDeadLetters(records)]).then(() => {}),
          },
        }
      : {}),
    ...(ledger ? { ledger } : {}),
    ...(store ? { store } : {}),
  });
  const { hub, processor } = pipeline;
  const consuming = kafka && env.WORKERS === "on";
  const retrySubscription = consuming ? await kafka.subscribeRetries("retries", (batch) => processor.processRetryBatch(batch)) : null;
  const deadLetterSubscription = consuming ? await kafka.subscribeDeadLetters("dead-letters", writers.saveAndAnnounceDeadLetters) : null;
  const mirrors = consuming && env.KAFKA_REPLICATION === "on" ? kafka.startMirrors(REPLICATION_LINKS) : null;
  const books = ledger && kafka ? new SharedBooks({ ledger, hub, listPartitions: () => kafka.listPartitions() }) : null;
  attachBoardSocket(web.io, () => hub.latestSnapshot(), database.prisma);

  // With Kafka the books live in the Redis ledger, settled with each batch's offsets; a process
  // keeps no counts of its own to restore.
  const checkpoint = books ? null : await loadEngineCheckpoint(database.prisma);
  if (checkpoint) {
    const counters = engineCountersSchema.safeParse(checkpoint.state);
    if (counters.success) {
      hub.restoreCounters(counters.data);
      log(`[checkpoint] continuing the counters of ${new Date(checkpoint.at).toISOString()}`);
    } else {
      console.error(`[checkpoint] ignoring an unreadable checkpoint (${counters.error.issues[0]?.message}); counters start at zero`);
    }
  }
  const saveCheckpoint = () => saveEngineCheckpoint(database.prisma, hub.exportCounters(), Date.now());
  return { ...pipeline, retrySubscription, deadLetterSubscription, mirrors, books, saveCheckpoint };
}
