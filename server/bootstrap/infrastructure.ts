import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { hashPassword } from "../auth/passwords";
import { KafkaBus } from "../bus/kafka/kafka-bus";
import { openDatabase, type Database } from "../db/database";
import type { Env } from "../env";
import { createFirstAdmin } from "../services/user-accounts";
import { RedisLedger } from "../store/redis-ledger";
import { RedisLiveStore } from "../store/redis-live-store";
import { countProducedEvents } from "../workers/shared-books";
import { log } from "./log";
import { backoffDelayMs } from "../retry";

/** What the server stands on. Redis and Kafka are optional; without them the state and the bus live in this process. */
export interface Infrastructure {
  database: Database;
  redis: Redis | null;
  /** The live store in Redis; null keeps it in this process. */
  store: RedisLiveStore | null;
  /** The books every process shares; only with both Redis and Kafka. */
  ledger: RedisLedger | null;
  /** Started (it connects in the background); null: the in-process bus. */
  kafka: KafkaBus | null;
}

/** A fresh install gets `admin`, with ADMIN_PASSWORD or a one-time password printed here once. */
async function createAdminOnFirstStart(prisma: Parameters<typeof createFirstAdmin>[0], configured: string | undefined): Promise<void> {
  const password = configured ?? randomBytes(12).toString("base64url");
  if (!(await createFirstAdmin(prisma, await hashPassword(password), Date.now()))) return;
  if (configured) log("[auth] created user admin with the password in ADMIN_PASSWORD");
  else log(`[auth] created user admin with the one-time password ${password} (it is not shown again; change it on /admin/users)`);
}

function connectRedis(url: string): Redis {
  const redis = new Redis(url, {
    // Fail a command after a few reconnect attempts instead of queueing it forever while Redis is away.
    maxRetriesPerRequest: 2,
    retryStrategy: (attempt) => backoffDelayMs(attempt, { initialMs: 200, maxMs: 5000 }),
  });
  let errorLogged = 0;
  redis.on("error", (error: Error) => {
    // One line per 10 s at most: a Redis outage must not flood the log.
    if (Date.now() - errorLogged < 10_000) return;
    errorLogged = Date.now();
    log(`[redis] ${error.message}; reconnecting`);
  });
  redis.on("ready", () => log(`[redis] connected to ${url}`));
  return redis;
}

/** Opens the database (migrated, with a first admin), then Redis and Kafka where configured. */
export async function openInfrastructure(env: Env): Promise<Infrastructure> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  log(`[db] ${database.kind} at ${database.location}, migrations applied`);
  await createAdminOnFirstStart(database.prisma, env.ADMIN_PASSWORD);

  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : null;
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
  const store = redis
    ? new RedisLiveStore({
        redis,
        prefix: env.REDIS_KEY_PREFIX,
        heartbeatWindowMs: env.HEARTBEAT_WINDOW_SECONDS * 1000,
        idempotencyWindowMs: env.IDEMPOTENCY_WINDOW_SECONDS * 1000,
        onError: () => {},
      })
    : null;
  return { database, redis, store, ledger, kafka };
}
