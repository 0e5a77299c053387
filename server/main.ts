import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import next from "next";
import { Server } from "socket.io";
import { REPLICATION_LINKS } from "@/core/routing/regions";
import { LoginLimiter } from "./auth/login-limiter";
import { PEER_HEADER } from "./auth/cookies";
import { hashPassword } from "./auth/passwords";
import { KafkaBus } from "./bus/kafka/kafka-bus";
import { RedisLedger } from "./store/redis-ledger";
import { RedisLiveStore } from "./store/redis-live-store";
import { countProducedEvents, SharedBooks } from "./workers/shared-books";
import { AlertEngine } from "./workers/alert-engine";
import type { AlertTransition } from "@/core/alerts/alert-evaluator";
import type { AlertNotice } from "@/core/alerts/alert-message";
import { AlertNotifier } from "./notify/alert-notifier";
import { recordAlertDelivery } from "./services/record-alert-delivery";
import { openDatabase } from "./db/database";
import { loadEnv } from "./env";
import type { ComponentHealth } from "./health";
import { once } from "./once";
import { setRuntime, type HealthReport } from "./runtime";
import { checkDatabase } from "./services/check-database";
import { saveRegionRollups } from "./services/save-region-rollups";
import { attachBoardSocket, startBoardSessionSweep, broadcastAlerts, broadcastDlqSummary, broadcastReplayJob, broadcastSnapshot, type BoardServer } from "./socket/board-socket";
import { attachPlayerSocket } from "./socket/player-socket";
import type { RollupRecord } from "@/core/metrics/history";
import { saveDeadLetters } from "./services/save-dead-letters";
import { loadEngineCheckpoint, saveEngineCheckpoint } from "./services/engine-checkpoint";
import { engineCountersSchema } from "./workers/engine-counters";
import { recordDeadLetterFailure, resolveDeadLetter } from "./services/update-replayed-dead-letters";
import { failInterruptedReplayJobs } from "./services/save-replay-job";
import { summarizeDeadLetters } from "./services/summarize-dead-letters";
import { DlqSummaryFeed } from "./workers/dlq-summary-feed";
import { ReplayRunner } from "./workers/replay-runner";
import { BackgroundWrites } from "./workers/background-writes";
import { BatchWriter } from "./workers/batch-writer";
import type { DeadLetterRecord } from "./workers/dead-letter";
import { FaultInjector } from "./workers/fault-injector";
import { createPipeline } from "./workers/pipeline";
import { saveRegionChange } from "./services/save-region-change";
import { createFirstAdmin } from "./services/user-accounts";
import { TrafficSimulator, startSimulator, type RunningSimulator } from "./workers/simulator";

const SHUTDOWN_GRACE_MS = 15_000;
const NETWORK_GRACE_MS = 3_000;
const STEP_DEADLINE_MS = 5_000;
/** A replay job reports after every batch; silent this long, the process running it has stopped. */
const REPLAY_SILENCE_MS = 5 * 60_000;
const log = (message: string) => console.log(`${new Date().toISOString()} ${message}`);

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// Renews the lease only if this process still holds it, in one step.
const RENEW_LEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const ALERT_LEASE_MS = 5000;

/** A lease in Redis that one process at a time holds (taken when free, renewed while held), so alerts are evaluated once. */
function holdAlertLease(redis: Redis, key: string): () => Promise<boolean> {
  const holder = randomUUID();
  return async () => {
    if ((await redis.set(key, holder, "PX", ALERT_LEASE_MS, "NX")) === "OK") return true;
    return (await redis.eval(RENEW_LEASE, 1, key, holder, ALERT_LEASE_MS)) === 1;
  };
}

/** A fresh install gets `admin`, with ADMIN_PASSWORD or a one-time password printed here once. */
async function createAdminOnFirstStart(prisma: Parameters<typeof createFirstAdmin>[0], configured: string | undefined): Promise<void> {
  const password = configured ?? randomBytes(12).toString("base64url");
  if (!(await createFirstAdmin(prisma, await hashPassword(password), Date.now()))) return;
  if (configured) log("[auth] created user admin with the password in ADMIN_PASSWORD");
  else log(`[auth] created user admin with the one-time password ${password} (it is not shown again; change it on /admin/users)`);
}

async function main(): Promise<void> {
  const env = loadEnv();
  const startedAt = Date.now();
  const dev = env.NODE_ENV === "development";

  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  log(`[db] ${database.kind} at ${database.location}, migrations applied`);
  await createAdminOnFirstStart(database.prisma, env.ADMIN_PASSWORD);

  // Redis and Kafka are optional; without them the state and the bus live in this process.
  const redis = env.REDIS_URL
    ? new Redis(env.REDIS_URL, {
        // Fail a command after a few reconnect attempts instead of queueing it forever while Redis is away.
        maxRetriesPerRequest: 2,
        retryStrategy: (attempt) => Math.min(200 * 2 ** attempt, 5000),
      })
    : null;
  let redisErrorLogged = 0;
  redis?.on("error", (error: Error) => {
    // One line per 10 s at most: a Redis outage must not flood the log.
    if (Date.now() - redisErrorLogged < 10_000) return;
    redisErrorLogged = Date.now();
    log(`[redis] ${error.message}; reconnecting`);
  });
  redis?.on("ready", () => log(`[redis] connected to ${env.REDIS_URL}`));
  const ledger = redis && env.KAFKA_BROKERS ? new RedisLedger(redis, env.REDIS_KEY_PREFIX) : null;
  const kafka = env.KAFKA_BROKERS
    ? new KafkaBus({
        brokers: env.KAFKA_BROKERS,
        topicPrefix: env.KAFKA_TOPIC_PREFIX,
        partitions: env.KAFKA_PARTITIONS,
        eventsPerMessage: env.KAFKA_EVENTS_PER_MESSAGE,
        clientId: `signalbox-${process.pid}`,
        log,
        onInvalidMessage: (region, reason) => log(`[kafka] skipped in ${region}: ${reason}`),
        ...(ledger ? { onProduced: countProducedEvents(ledger) } : {}),
      })
    : null;
  kafka?.start();

  const httpServer = createServer();
  const nextApp = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT, httpServer });
  await nextApp.prepare();

  // A hung client must not hold a request (or shutdown) open for Node's default five minutes.
  httpServer.requestTimeout = 60_000;
  // In dev, Next's reload socket needs the upgrades Socket.IO does not own; in production nobody does.
  const io: BoardServer = new Server(httpServer, {
    serveClient: false,
    destroyUpgrade: !dev,
    // With Redis, any process can reach any client (the streams adapter survives a Redis restart).
    ...(redis ? { adapter: createAdapter(redis, { streamName: `${env.REDIS_KEY_PREFIX}:socket.io` }) } : {}),
  });
  const players = attachPlayerSocket(io, env.INGEST_API_KEY);

  const faults = new FaultInjector();
  const dlqSummary = new DlqSummaryFeed({
    read: async () => ({ at: Date.now(), ...(await summarizeDeadLetters(database.prisma, env.MAX_REPLAYS)), maxReplays: env.MAX_REPLAYS }),
    publish: (summary) => broadcastDlqSummary(io, summary),
    coalesceMs: 1000,
    onError: (error) => console.error("[dlq] could not count the dead letters", error),
  });
  const saveAndAnnounceDeadLetters = async (records: readonly DeadLetterRecord[]) => {
    await saveDeadLetters(database.prisma, records);
    dlqSummary.markChanged();
  };
  const history = new BatchWriter<RollupRecord>({
    label: "history",
    noun: "rollup",
    save: (records) => {
      faults.check("history", null, Date.now());
      return saveRegionRollups(database.prisma, records);
    },
    bufferLimit: env.HISTORY_BUFFER_LIMIT,
    retryMs: 2000,
    log,
  });
  const deadLetters = new BatchWriter<DeadLetterRecord>({
    label: "dlq",
    noun: "dead letter",
    save: saveAndAnnounceDeadLetters,
    bufferLimit: env.HISTORY_BUFFER_LIMIT,
    retryMs: 2000,
    log,
  });
  // Region changes and dead-letter updates are written in the background; readers and shutdown settle them.
  const backgroundWrites = new BackgroundWrites((what, error) => console.error(`[db] could not ${what}`, error));
  const notifier = new AlertNotifier({
    channels: {
      webhookUrl: env.ALERT_WEBHOOK_URL,
      slackWebhookUrl: env.SLACK_WEBHOOK_URL,
      pagerDuty: env.PAGERDUTY_ROUTING_KEY ? { eventsUrl: env.PAGERDUTY_EVENTS_URL, routingKey: env.PAGERDUTY_ROUTING_KEY } : undefined,
      email: env.SMTP_URL && env.ALERT_EMAIL_TO?.length ? { smtpUrl: env.SMTP_URL, from: env.ALERT_EMAIL_FROM, to: env.ALERT_EMAIL_TO } : undefined,
      sms:
        env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM && env.ALERT_SMS_TO?.length
          ? { apiUrl: env.TWILIO_API_URL, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, from: env.TWILIO_FROM, to: env.ALERT_SMS_TO }
          : undefined,
    },
    record: (alertId, outcome, note) => recordAlertDelivery(database.prisma, alertId, outcome, note, Date.now()),
    log,
  });
  // A flap reopens quietly and a severity change waits for the next notice; everything else is announced.
  const NOTICES: Partial<Record<AlertTransition["kind"] | "acknowledge", AlertNotice>> = {
    fire: "fired",
    escalate: "escalated",
    acknowledge: "acknowledged",
    resolve: "resolved",
  };
  const alertEngine = await AlertEngine.start(
    {
      prisma: database.prisma,
      log,
      ...(redis && kafka ? { holdsLease: holdAlertLease(redis, `${env.REDIS_KEY_PREFIX}:alerts-lease`) } : {}),
      onChange: (alert, change, silence) => {
        // The engine exists by the time it reports a change: it only does so while evaluating.
        broadcastAlerts(io, { at: Date.now(), alerts: alertEngine.active() });
        const notice = NOTICES[change];
        if (!notice) return;
        if (!silence) {
          notifier.notify(alert, notice);
          return;
        }
        const note = `${notice}: silenced until ${new Date(silence.endsAt).toISOString()} by ${silence.createdBy} (${silence.reason})`;
        backgroundWrites.track("record a silenced notice", recordAlertDelivery(database.prisma, alert.id, "delivery_skipped", note, Date.now()));
      },
    },
    Date.now(),
  );
  // The pipeline starts after Next is ready, so its first window does not span the start-up.
  const { store, bus, regions, hub, processor, ingestor, subscription } = await createPipeline({
    now: Date.now(),
    strategy: env.ROUTING_STRATEGY,
    failbackHoldMs: env.FAILBACK_HOLD_SECONDS * 1000,
    heartbeatWindowMs: env.HEARTBEAT_WINDOW_SECONDS * 1000,
    idempotencyWindowMs: env.IDEMPOTENCY_WINDOW_SECONDS * 1000,
    rollupMs: env.ROLLUP_SECONDS * 1000,
    maxRetries: env.MAX_RETRIES,
    maxInRetry: env.MAX_IN_RETRY,
    faults,
    commands: players,
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
      backgroundWrites.track(`resolve dead letter ${id}`, resolveDeadLetter(database.prisma, id, Date.now()).then(() => dlqSummary.markChanged())),
    consume: env.WORKERS === "on",
    historyState: () => history.state(),
    alerts: () => alertEngine.active(),
    ...(kafka ? { replication: () => kafka.replicationLag() } : {}),
    ...(kafka
      ? {
          bus: kafka,
          durable: {
            flush: ({ retries, deadLetters: records }) => Promise.all([kafka.publishRetries(retries), kafka.publishDeadLetters(records)]).then(() => {}),
          },
        }
      : {}),
    ...(ledger ? { ledger } : {}),
    ...(redis
      ? {
          store: new RedisLiveStore({
            redis,
            prefix: env.REDIS_KEY_PREFIX,
            heartbeatWindowMs: env.HEARTBEAT_WINDOW_SECONDS * 1000,
            idempotencyWindowMs: env.IDEMPOTENCY_WINDOW_SECONDS * 1000,
            onError: () => {},
          }),
        }
      : {}),
  });
  // With Kafka, retries wait in retry topics and dead letters reach Postgres through the DLQ topic.
  const consuming = kafka && env.WORKERS === "on";
  const retrySubscription = consuming ? await kafka.subscribeRetries("retries", (batch) => processor.processRetryBatch(batch)) : null;
  const deadLetterSubscription = consuming
    ? await kafka.subscribeDeadLetters("dead-letters", saveAndAnnounceDeadLetters)
    : null;
  const mirrors = consuming && env.KAFKA_REPLICATION === "on" ? kafka.startMirrors(REPLICATION_LINKS) : null;
  const books = ledger && kafka ? new SharedBooks({ ledger, hub, listPartitions: () => kafka.listPartitions() }) : null;
  attachBoardSocket(io, () => hub.latestSnapshot(), database.prisma);
  const stopSessionSweep = startBoardSessionSweep(io, database.prisma, env.SESSION_SWEEP_SECONDS * 1000, log);

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

  const retries = setInterval(() => processor.runDueRetries(Date.now()), 250);
  const checkpoints = setInterval(() => {
    if (!books) backgroundWrites.track("checkpoint the engine", saveCheckpoint());
  }, env.CHECKPOINT_SECONDS * 1000);

  const handle = nextApp.getRequestHandler();
  httpServer.on("request", (req, res) => {
    // The sign-in limit counts per address; a client cannot choose its own.
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
    void handle(req, res);
  });

  // Windows, viewer expiry and stored times use the wall clock; only latency durations use the monotonic one.
  let ticking = false;
  let sharedErrorLogged = 0;
  const ticker = setInterval(() => {
    // A slow Redis or broker delays the next snapshot rather than stacking refreshes.
    if (ticking) return;
    ticking = true;
    const now = Date.now();
    void Promise.all([store.refresh(now), books?.refresh()])
      .catch((error: unknown) => {
        if (Date.now() - sharedErrorLogged < 10_000) return;
        sharedErrorLogged = Date.now();
        log(`[books] could not read the shared books (${error instanceof Error ? error.message : String(error)}); showing the last ones`);
      })
      .finally(() => {
        ticking = false;
        const snapshot = hub.tick(Date.now());
        broadcastSnapshot(io, snapshot);
        alertEngine.evaluate(snapshot).catch((error: unknown) => console.error("[alerts] evaluation failed", error));
      });
  }, env.SNAPSHOT_INTERVAL_MS);
  const healthCheck = setInterval(
    () => regions.checkHealth(hub.takeHealthMeasurements(), bus.health().status === "up", Date.now()),
    env.HEALTH_CHECK_SECONDS * 1000,
  );

  let simulator: RunningSimulator | null = null;
  if (env.SIMULATOR === "on") {
    const ticksPerSecond = 50;
    const traffic = new TrafficSimulator({
      viewers: env.SIMULATOR_VIEWERS,
      heartbeatSeconds: env.SIMULATOR_HEARTBEAT_SECONDS,
      errorPercent: env.SIMULATOR_ERROR_PERCENT,
      surgeAtSeconds: env.SIMULATOR_SURGE_AT_SECONDS,
      surgeSeconds: env.SIMULATOR_SURGE_SECONDS,
      surgeFactor: env.SIMULATOR_SURGE_FACTOR,
      ticksPerSecond,
    });
    simulator = startSimulator(traffic, (events) => ingestor.ingestValid(events), { ticksPerSecond, log });
    log(`[simulator] ${env.SIMULATOR_VIEWERS} viewers, surge ×${env.SIMULATOR_SURGE_FACTOR} at +${env.SIMULATOR_SURGE_AT_SECONDS} s`);
  }

  const settleWrites = async () => {
    await deadLetters.settle();
    await backgroundWrites.settle();
  };
  // With Kafka other processes share the database and run jobs of their own: only a job silent for
  // REPLAY_SILENCE_MS (its process stopped) is failed, by whichever process sweeps first.
  const sweepReplayJobs = async () => {
    const now = Date.now();
    const interrupted = await failInterruptedReplayJobs(database.prisma, now, kafka ? now - REPLAY_SILENCE_MS : now);
    if (interrupted > 0) log(`[dlq] ${interrupted} replay job(s) whose process stopped marked failed`);
  };
  await sweepReplayJobs();
  const replaySweep = kafka ? setInterval(() => void sweepReplayJobs().catch((error: unknown) => console.error("[dlq] replay sweep failed", error)), 60_000) : null;
  const replays = new ReplayRunner({
    prisma: database.prisma,
    maxReplays: env.MAX_REPLAYS,
    batchSize: env.REPLAY_BATCH_SIZE,
    ingestReplay: (event, id) => ingestor.ingestReplay(event, id),
    settleWrites,
    onProgress: (job) => {
      broadcastReplayJob(io, job);
      dlqSummary.markChanged();
    },
    log,
  });

  const checkHealth = async (): Promise<HealthReport> => {
    let databaseHealth: ComponentHealth;
    try {
      await withTimeout(checkDatabase(database.prisma), 2000, "the database");
      databaseHealth = { status: "up", detail: `${database.kind} at ${database.location}` };
    } catch (error) {
      databaseHealth = { status: "down", detail: error instanceof Error ? error.message : String(error) };
    }
    const components = {
      database: databaseHealth,
      bus: bus.health(),
      store: store.health(),
      history: history.health(),
      deadLetters: deadLetters.health(),
      simulator: simulator ? simulator.health() : { status: "off" as const, detail: "SIMULATOR=off" },
    };
    const degraded = Object.values(components).some((c) => c.status === "down");
    return { status: degraded ? "degraded" : "ok", startedAt, components };
  };
  setRuntime({
    ingestor,
    hub,
    regions,
    faults,
    database,
    checkHealth,
    alerts: alertEngine,
    routingStrategy: env.ROUTING_STRATEGY,
    maxReplays: env.MAX_REPLAYS,
    loginLimiter: new LoginLimiter(5, 5 * 60_000),
    ingestApiKey: env.INGEST_API_KEY,
    replays,
    settleWrites,
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${env.PORT} is already in use; set PORT to a free one`) : error),
    );
    httpServer.listen(env.PORT, env.HOST, resolve);
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  log(`[http] Signalbox ${dev ? "(dev) " : ""}listening on http://localhost:${port}`);

  const closeNetwork = async () => {
    io.disconnectSockets(true);
    io.engine.close();
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    // Connections still open after the grace period (a stalled upload, say) are cut, not waited for.
    const cut = setTimeout(() => httpServer.closeAllConnections(), NETWORK_GRACE_MS);
    await closed;
    clearTimeout(cut);
  };

  // Each step runs, within its own deadline, even if an earlier one failed or hung, so a shutdown
  // never leaves history unflushed.
  const shutdown = once(async () => {
    log("[shutdown] stopping");
    setRuntime(undefined);
    const steps: Array<[string, () => Promise<unknown> | unknown]> = [
      ["simulator", () => simulator?.stop()],
      ["ticker", () => {
        clearInterval(ticker);
        clearInterval(healthCheck);
        clearInterval(retries);
        clearInterval(checkpoints);
        if (replaySweep) clearInterval(replaySweep);
        stopSessionSweep();
        dlqSummary.close();
      }],
      ["network", closeNetwork],
      ["workers", () => Promise.all([subscription?.close(), retrySubscription?.close(), deadLetterSubscription?.close(), mirrors?.close()])],
      ["bus", () => bus.close()],
      ["waiting retries", () => {
        const drained = processor.drainRetries(Date.now());
        if (drained > 0) log(`[shutdown] ${drained} event(s) waiting for a retry went to the dead-letter queue`);
      }],
      ["final window", () => {
        hub.tick(Date.now());
        hub.flushRollups();
      }],
      ["notifications", () => notifier.close()],
      ["history", () => history.close()],
      ["dead letters", () => deadLetters.close()],
      ["background writes", () => backgroundWrites.settle()],
      ["checkpoint", () => (books ? undefined : saveCheckpoint())],
      ["next", () => nextApp.close()],
      ["database", () => database.close()],
      ["store", () => store.close()],
      ["redis", () => redis?.quit()],
    ];
    let failed = false;
    for (const [name, step] of steps) {
      try {
        await withTimeout(Promise.resolve(step()), STEP_DEADLINE_MS, `shutdown step "${name}"`);
      } catch (error) {
        failed = true;
        console.error(`[shutdown] ${name} failed`, error);
      }
    }
    const historyHealth = history.health();
    // Records still buffered (the database is down) are lost with the process: say so in the exit code.
    if (historyHealth.status === "down" || deadLetters.health().status === "down") failed = true;
    log(`[shutdown] ${failed ? "done with losses or errors" : "done"}: ${historyHealth.detail}`);
    process.exit(failed ? 1 : 0);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      setTimeout(() => {
        console.error(`[shutdown] still running after ${SHUTDOWN_GRACE_MS} ms; exiting`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
      void shutdown();
    });
  }
}

main().catch((error: unknown) => {
  console.error(`Signalbox could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
