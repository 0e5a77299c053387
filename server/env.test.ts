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
      MAX_RETRIES: 3,
      MAX_IN_RETRY: 100_000,
      MAX_REPLAYS: 5,
      CHECKPOINT_SECONDS: 5,
      ROLLUP_SECONDS: 10,
      HISTORY_BUFFER_LIMIT: 50_000,
      KAFKA_TOPIC_PREFIX: "signalbox",
      KAFKA_PARTITIONS: 3,
      REDIS_KEY_PREFIX: "signalbox",
    });
  });

  it("reads numbers, switches and a Postgres URL, treating empty values as unset", () => {
    const env = loadEnv({ PORT: "8080", SIMULATOR: "off", SIMULATOR_VIEWERS: "", DATABASE_URL: "postgresql://u:p@db:5432/signalbox" });
    expect([env.PORT, env.SIMULATOR, env.SIMULATOR_VIEWERS, env.DATABASE_URL]).toEqual([8080, "off", 200_000, "postgresql://u:p@db:5432/signalbox"]);
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
});
