import { DEFAULT_ALERT_RULES } from "@/core/alerts/alert-rules";
import { randomBytes } from "node:crypto";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Snapshot } from "@/core/metrics/snapshot";
import { createTestDatabase, type TestDatabase } from "./testing/postgres";
import { spawnServer, waitFor, type SpawnedServer } from "./testing/spawn-server";
import { makeWireEvents } from "./testing/wire-events";

async function post(server: SpawnedServer, events: unknown[]): Promise<Response> {
  return fetch(`${server.url}/api/events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(events),
  });
}

async function snapshot(server: SpawnedServer): Promise<Snapshot> {
  return (await server.signIn()).read<Snapshot>("/api/snapshot");
}

async function health(server: SpawnedServer): Promise<{ status: string; components: Record<string, { status: string; detail: string }> }> {
  return (await (await fetch(`${server.url}/api/healthz`)).json()) as never;
}

/** Partitions a process consumes, as its health says. */
async function consuming(server: SpawnedServer): Promise<number> {
  const detail = (await health(server)).components.bus?.detail ?? "";
  return Number(/consuming (\d+) of/.exec(detail)?.[1] ?? -1);
}

const settled = (total: number) => (s: Snapshot) => s.conservation.processed === total && s.conservation.queued === 0;

describe("Kafka, Redis and Postgres behind the same engine, in more than one process", () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const servers: SpawnedServer[] = [];
  const start = async () => {
    const server = await spawnServer(env, 90_000);
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await createTestDatabase(inject("postgresUrl"));
    const prefix = `t${randomBytes(4).toString("hex")}`;
    env = {
      SIMULATOR: "off",
      DATABASE_URL: database.url,
      KAFKA_BROKERS: inject("kafkaBrokers"),
      REDIS_URL: inject("redisUrl"),
      KAFKA_TOPIC_PREFIX: prefix,
      REDIS_KEY_PREFIX: prefix,
      KAFKA_PARTITIONS: "2",
      KAFKA_REPLICATION: "on",
      SNAPSHOT_INTERVAL_MS: "250",
    };
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  });

  it("counts exactly what was produced, splits partitions between two processes, and survives SIGKILL of one mid-stream", async () => {
    const a = await start();
    await waitFor(
      () => consuming(a),
      (n) => n === 12,
      60_000,
    );
    const first = makeWireEvents("k", 0, 6000);
    for (let i = 0; i < first.length; i += 1000) expect((await post(a, first.slice(i, i + 1000))).status).toBe(202);
    const one = await waitFor(
      () => snapshot(a),
      (s) => settled(6000)(s) && s.regions.every((r) => r.lag.messages === 0),
      60_000,
    );
    expect(one.conservation).toMatchObject({
      ingested: 6000,
      processed: 6000,
      queued: 0,
      inRetry: 0,
      deadLettered: 0,
      duplicates: 0,
      balanced: true,
    });
    // The group's lag, per partition of each region's topic, read from the broker.
    expect(one.regions.map((r) => r.lag)).toEqual(
      one.regions.map(() => ({ messages: 0, seconds: 0, partitions: [0, 1].map((partition) => ({ partition, messages: 0, seconds: 0 })) })),
    );

    // Every replication link of SPEC section 2 copied its source, marked with where it came from.
    const replicated = await waitFor(
      () => snapshot(a),
      (s) => s.replication.length === 8 && s.replication.every((l) => l.messages === 0),
      60_000,
    );
    expect(replicated.replication.map((l) => `${l.from}→${l.to} ${l.kind}`)).toEqual([
      "mumbai→delhi chain",
      "delhi→bangalore chain",
      "bangalore→hyderabad chain",
      "delhi→mumbai backup",
      "bangalore→mumbai backup",
      "hyderabad→mumbai backup",
      "pune→mumbai backup",
      "kolkata→mumbai backup",
    ]);
    const admin = new Kafka({ clientId: "scale-out-test", brokers: [inject("kafkaBrokers")], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const messagesOf = async (topic: string) => (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    const [source, copies] = [
      await messagesOf(`${env.KAFKA_TOPIC_PREFIX}.events.pune`),
      await messagesOf(`${env.KAFKA_TOPIC_PREFIX}.events.pune.replica.mumbai`),
    ];
    await admin.disconnect();
    expect(one.regions.find((r) => r.id === "pune")!.flow.routed).toBeGreaterThan(0);
    // Events travel packed: each of the source's messages is copied once, whatever it holds.
    expect(source).toBeGreaterThan(0);
    expect(copies).toBe(source);

    // A second process joins the group: the twelve partitions are split between the two.
    const b = await start();
    const [shareA, shareB] = await waitFor(
      () => Promise.all([consuming(a), consuming(b)]),
      ([x, y]) => x > 0 && y > 0 && x + y === 12,
      60_000,
    );
    expect(shareA + shareB).toBe(12);
    // Both processes seeded the default alert rules on the same database: each is stored once.
    const { rules } = await (await b.signIn()).read<{ rules: unknown[] }>("/api/alert-rules");
    expect(rules).toHaveLength(DEFAULT_ALERT_RULES.length);

    // Events sent to either process are counted once in the books both show.
    const second = makeWireEvents("k", 6000, 20_000);
    let sent = 0;
    for (let i = 0; i < second.length; i += 1000) {
      expect((await post(b, second.slice(i, i + 1000))).status).toBe(202);
      sent += 1000;
      // SIGKILL a process while it is consuming: what it had not settled is redelivered to the other.
      if (sent === 10_000) a.process.kill("SIGKILL");
    }
    const total = 26_000;
    const fromB = await waitFor(() => snapshot(b), settled(total), 90_000);
    expect(fromB.conservation).toMatchObject({
      ingested: total,
      processed: total,
      queued: 0,
      inRetry: 0,
      deadLettered: 0,
      duplicates: 0,
      balanced: true,
    });

    // The killed process comes back, takes its share again, and shows the very same books.
    const again = await start();
    await waitFor(
      () => consuming(again),
      (n) => n > 0,
      60_000,
    );
    const resend = makeWireEvents("k", 26_000, 2000);
    for (let i = 0; i < resend.length; i += 1000) expect((await post(again, resend.slice(i, i + 1000))).status).toBe(202);
    const [viewA, viewB] = await Promise.all([
      waitFor(() => snapshot(again), settled(28_000), 60_000),
      waitFor(() => snapshot(b), settled(28_000), 60_000),
    ]);
    expect(viewA.conservation).toEqual(viewB.conservation);
    expect(viewA.conservation).toMatchObject({ ingested: 28_000, processed: 28_000, duplicates: 0, balanced: true });
    expect(viewA.regions.map((r) => r.flow.routed)).toEqual(viewB.regions.map((r) => r.flow.routed));
  }, 300_000);

  it("counts a resent event_id once, as a duplicate, whichever process receives it", async () => {
    const [server] = servers.filter((s) => s.process.exitCode === null && s.process.signalCode === null);
    const before = (await snapshot(server!)).conservation;
    const events = makeWireEvents("dup", 0, 10);
    expect((await post(server!, events)).status).toBe(202);
    expect((await post(server!, events.slice(0, 4))).status).toBe(202);
    const after = await waitFor(
      () => snapshot(server!),
      (s) => s.conservation.processed === before.processed + 10 && s.conservation.duplicates === before.duplicates + 4,
      30_000,
    );
    expect(after.conservation.ingested - before.ingested).toBe(14);
    expect(after.conservation.balanced).toBe(true);
  }, 60_000);

  it("counts the valid events of a foreign producer's pack and shows its invalid events and unreadable message as rejected", async () => {
    const [server] = servers.filter((s) => s.process.exitCode === null && s.process.signalCode === null);
    const before = await snapshot(server!);
    const [a, b, c] = makeWireEvents("foreign", 0, 3);
    const producer = new Kafka({ clientId: "scale-out-foreign", brokers: [inject("kafkaBrokers")], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic: `${env.KAFKA_TOPIC_PREFIX}.events.delhi`,
      acks: -1,
      messages: [
        {
          partition: 0,
          value: JSON.stringify([
            { ...a, location: "Delhi" },
            { ...b, quality: "8k" },
            { ...c, location: "Delhi" },
          ]),
        },
        { partition: 1, value: "not json at all" },
        { partition: 1, value: JSON.stringify({ ...b, event_id: "foreign-single", location: "Delhi" }) },
      ],
    });
    await producer.disconnect();
    const after = await waitFor(
      () => snapshot(server!),
      (s) => s.conservation.processed === before.conservation.processed + 3,
      30_000,
    );
    const delhi = (s: Snapshot) => s.regions.find((r) => r.id === "delhi")!.flow;
    expect(delhi(after).routed - delhi(before).routed).toBe(3);
    expect(after.conservation.rejected - before.conservation.rejected).toBe(2);
    const skipped = (s: Snapshot) =>
      s.rejections.find((r) => r.reason === "not a valid event on the bus, or expired before it was read")?.count ?? 0;
    expect(skipped(after) - skipped(before)).toBe(2);
    expect(after.conservation).toMatchObject({ queued: 0, balanced: true });
  }, 60_000);
});
