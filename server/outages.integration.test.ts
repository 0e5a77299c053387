import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Snapshot } from "@/core/metrics/snapshot";
import { createTestDatabase, type TestDatabase } from "./testing/postgres";
import { freePortBeside, halt, service, start, stopAll } from "./testing/services";
import { spawnServer, waitFor, type SpawnedServer } from "./testing/spawn-server";
import { makeWireEvents } from "./testing/wire-events";

let sequence = 0;
const events = (count: number) => {
  const batch = makeWireEvents("o", sequence, count, 500);
  sequence += count;
  return batch;
};

type Health = { status: string; components: Record<string, { status: string; detail: string }> };

// This file's own Kafka and Redis, so stopping them never disturbs another test file.
describe("a broker or Redis that goes away and comes back", () => {
  const kafka = service("outage-kafka", "kafka.sh");
  const redis = service("outage-redis", "redis.sh");
  let kafkaPort = 0;
  let redisPort = 0;
  let database: TestDatabase;
  let server: SpawnedServer;

  const post = (batch: unknown[]) =>
    fetch(`${server.url}/api/events`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(batch) });
  const health = async () => (await (await fetch(`${server.url}/api/healthz`)).json()) as Health;
  const snapshot = async () => (await server.signIn()).read<Snapshot>("/api/snapshot");
  const settled = (total: number) => (s: Snapshot) => s.conservation.processed === total && s.conservation.queued === 0;

  beforeAll(async () => {
    const taken: number[] = [];
    kafkaPort = await freePortBeside(taken);
    redisPort = await freePortBeside(taken);
    database = await createTestDatabase(inject("postgresUrl"));
  });

  afterAll(async () => {
    await server?.stop();
    await stopAll([kafka, redis]);
    await database?.drop();
  });

  it("starts with the broker down, says why, and resumes by itself when it comes up", async () => {
    const redisUrl = await start(redis, redisPort);
    const prefix = `o${randomBytes(4).toString("hex")}`;
    server = await spawnServer(
      {
        SIMULATOR: "off",
        DATABASE_URL: database.url,
        KAFKA_BROKERS: `127.0.0.1:${kafkaPort}`,
        REDIS_URL: redisUrl,
        KAFKA_TOPIC_PREFIX: prefix,
        REDIS_KEY_PREFIX: prefix,
        KAFKA_PARTITIONS: "1",
        SNAPSHOT_INTERVAL_MS: "250",
      },
      90_000,
    );
    const down = await health();
    expect(down.status).toBe("degraded");
    expect(down.components.bus!.status).toBe("down");
    expect(down.components.bus!.detail).toContain(`Kafka at 127.0.0.1:${kafkaPort} unreachable`);
    const refused = await post(events(3));
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("Kafka is unreachable");

    await start(kafka, kafkaPort);
    const up = await waitFor(
      health,
      (h) => h.components.bus!.status === "up" && h.components.bus!.detail.includes("consuming 6 of 6"),
      90_000,
    );
    expect(up.status).toBe("ok");
    expect((await post(events(500))).status).toBe(202);
    expect((await waitFor(snapshot, settled(500), 60_000)).conservation).toMatchObject({ ingested: 500, processed: 500, balanced: true });
  }, 240_000);

  it("refuses events while the broker is stopped, and counts exactly what it took once the broker is back", async () => {
    await halt(kafka);
    const down = await waitFor(health, (h) => h.components.bus!.status === "down", 60_000);
    expect(down.components.bus!.detail).toContain("unreachable");
    const refused = await post(events(5));
    expect(refused.status).toBe(503);
    sequence -= 5;

    await start(kafka, kafkaPort);
    await waitFor(health, (h) => h.components.bus!.status === "up" && h.components.bus!.detail.includes("consuming 6 of 6"), 90_000);
    expect((await post(events(500))).status).toBe(202);
    const after = await waitFor(snapshot, settled(1000), 60_000);
    expect(after.conservation).toMatchObject({ ingested: 1000, processed: 1000, duplicates: 0, balanced: true });
  }, 240_000);

  it("shows Redis as down while it restarts, and keeps the books it had", async () => {
    await halt(redis);
    const down = await waitFor(health, (h) => h.components.store!.status === "down", 30_000);
    expect(down.components.store!.detail).toMatch(/Redis/);
    await start(redis, redisPort);
    await waitFor(health, (h) => h.components.store!.status === "up", 60_000);
    expect((await post(events(500))).status).toBe(202);
    const after = await waitFor(snapshot, settled(1500), 60_000);
    expect(after.conservation).toMatchObject({ ingested: 1500, processed: 1500, duplicates: 0, balanced: true });
  }, 180_000);
});
