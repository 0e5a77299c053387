import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

describe("loadEnv", () => {
  it("gives the embedded defaults for an empty environment", () => {
    expect(loadEnv({})).toEqual({
      NODE_ENV: "production",
      HOST: "0.0.0.0",
      PORT: 3000,
      DATA_DIR: ".data",
      SIMULATOR: "on",
      SIMULATOR_VIEWERS: 200_000,
      SIMULATOR_HEARTBEAT_SECONDS: 10,
      SIMULATOR_ERROR_PERCENT: 1.2,
      SIMULATOR_SURGE_AT_SECONDS: 120,
      SIMULATOR_SURGE_SECONDS: 90,
      SIMULATOR_SURGE_FACTOR: 1.5,
      HEARTBEAT_WINDOW_SECONDS: 15,
      IDEMPOTENCY_WINDOW_SECONDS: 30,
      SNAPSHOT_INTERVAL_MS: 1000,
      ROUTING_STRATEGY: "proximity",
      HEALTH_CHECK_SECONDS: 30,
      FAILBACK_HOLD_SECONDS: 60,
      HEALTH_MIN_EVENTS: 200,
      AUTO_FAILOVER_MAX: 1,
      AUTO_FAILOVER_MIN_ACTIVE: 2,
      MAX_RETRIES: 3,
      MAX_IN_RETRY: 100_000,
      MAX_REPLAYS: 5,
      REPLAY_BATCH_SIZE: 500,
      REPLAY_PROGRESS_STEP: 50,
      SESSION_SWEEP_SECONDS: 15,
      CHECKPOINT_SECONDS: 5,
      ROLLUP_SECONDS: 10,
      HISTORY_BUFFER_LIMIT: 50_000,
      KAFKA_TOPIC_PREFIX: "signalbox",
      KAFKA_PARTITIONS: 3,
      KAFKA_EVENTS_PER_MESSAGE: 500,
      REDIS_KEY_PREFIX: "signalbox",
      KAFKA_REPLICATION: "off",
      PAGERDUTY_EVENTS_URL: "https://events.pagerduty.com/v2/enqueue",
      ALERT_EMAIL_FROM: "signalbox@localhost",
      TWILIO_API_URL: "https://api.twilio.com",
      WORKERS: "on",
    });
  });

  it("reads numbers, switches and a Postgres URL, treating empty values as unset", () => {
    const env = loadEnv({ PORT: "8080", SIMULATOR: "off", SIMULATOR_VIEWERS: "", DATABASE_URL: "postgresql://u:p@db:5432/signalbox" });
    expect([env.PORT, env.SIMULATOR, env.SIMULATOR_VIEWERS, env.DATABASE_URL]).toEqual([
      8080,
      "off",
      200_000,
      "postgresql://u:p@db:5432/signalbox",
    ]);
  });

  it("names every bad variable and why in one message", () => {
    expect(() => loadEnv({ PORT: "eighty", SIMULATOR: "maybe", DATABASE_URL: "mysql://db/x" })).toThrow(
      'Invalid configuration:\n  PORT: must be a number\n  DATABASE_URL: must be a postgres:// or postgresql:// URL\n  SIMULATOR: must be "on" or "off"',
    );
  });

  it("says the allowed range of a number out of bounds", () => {
    expect(() => loadEnv({ SIMULATOR_VIEWERS: "-1", ROLLUP_SECONDS: "1.5" })).toThrow(
      "Invalid configuration:\n  SIMULATOR_VIEWERS: must be at least 0\n  ROLLUP_SECONDS: must be a whole number",
    );
  });

  it("reads the real transports: a broker list and Redis", () => {
    const env = loadEnv({ KAFKA_BROKERS: " 10.0.0.1:9092, 10.0.0.2:9092 ", REDIS_URL: "redis://cache:6379", WORKERS: "off" });
    expect([env.KAFKA_BROKERS, env.REDIS_URL, env.WORKERS]).toEqual([["10.0.0.1:9092", "10.0.0.2:9092"], "redis://cache:6379", "off"]);
  });

  it("refuses Kafka without Redis, a broker without a port, and workers off without Kafka, saying why", () => {
    expect(() => loadEnv({ KAFKA_BROKERS: "a:1,b" })).toThrow(
      "Invalid configuration:\n  KAFKA_BROKERS.1: each broker must be host:port\n  REDIS_URL: must be set when KAFKA_BROKERS is: the books every process shares live in Redis",
    );
    expect(() => loadEnv({ WORKERS: "off" })).toThrow(
      "Invalid configuration:\n  WORKERS: can be off only with KAFKA_BROKERS: with the in-process bus nobody else would process the events",
    );
  });
});
