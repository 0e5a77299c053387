import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Snapshot } from "@/core/metrics/snapshot";
import type { ReplayResult } from "./http/replay-dead-letters";
import type { DeadLetterRecord } from "./workers/dead-letter";
import { createTestDatabase, type TestDatabase } from "./testing/postgres";
import { spawnServer, waitFor, type SpawnedServer } from "./testing/spawn-server";

let sequence = 0;
const event = (location: string) => ({
  event_id: `f-${++sequence}`,
  user_id: "u",
  device_id: "d",
  session_id: `s-${sequence}`,
  event_type: "play",
  timestamp: Date.now(),
  quality: "720p",
  location,
  content_id: "ipl-final",
  bitrate: 4000,
  buffer_health: 6,
  network_type: "4G",
});

/** The same drills on both deployments: everything in one process, and Kafka + Redis + Postgres. */
const DEPLOYMENTS = [
  ["in-process bus, memory, PGlite", async () => ({})],
  [
    "Kafka, Redis and Postgres",
    async (database: () => Promise<TestDatabase>) => {
      const prefix = `f${randomBytes(4).toString("hex")}`;
      return {
        DATABASE_URL: (await database()).url,
        KAFKA_BROKERS: inject("kafkaBrokers"),
        REDIS_URL: inject("redisUrl"),
        KAFKA_TOPIC_PREFIX: prefix,
        REDIS_KEY_PREFIX: prefix,
        KAFKA_PARTITIONS: "1",
      };
    },
  ],
] as const;

describe.each(DEPLOYMENTS)("failures, drills and the dead-letter queue (%s)", (_name, transports) => {
  let dataDir: string;
  let server: SpawnedServer;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "signalbox-failures-"));
    const extra = await transports(async () => (database = await createTestDatabase(inject("postgresUrl"))));
    server = await spawnServer({ SIMULATOR: "off", DATA_DIR: dataDir, SNAPSHOT_INTERVAL_MS: "200", ROLLUP_SECONDS: "1", ...extra });
    // Kafka's consumer group needs a moment to join before the first drill.
    await waitFor(
      async () => (await (await fetch(`${server.url}/api/healthz`)).json()) as { status: string },
      (h) => h.status === "ok",
      60_000,
    );
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const send = async (method: string, url: string, body?: unknown) => (await server.signIn()).send(method, url, body);
  const snapshot = async () => (await server.signIn()).read<Snapshot>("/api/snapshot");
  const region = (s: Snapshot, id: string) => s.regions.find((r) => r.id === id)!;
  const drill = (component: string, regionId: string, errorMessage: string, durationSeconds = 60) =>
    send("POST", "/api/chaos", { component, region: regionId, errorMessage, rate: 1, durationSeconds });

  it("restores a batch from its checkpoint on CATASTROPHIC failures, dead-letters what still fails after 3 restores, and keeps the books balanced", async () => {
    expect((await drill("processor", "pune", "database_corruption in session store")).status).toBe(201);
    // One session, so one partition and one batch on either bus.
    const batch = [event("Pune"), event("Pune"), event("Pune")].map((e) => ({ ...e, session_id: "s-catastrophic" }));
    expect((await send("POST", "/api/events", batch)).status).toBe(202);
    const after = await waitFor(snapshot, (s) => region(s, "pune").flow.deadLettered === 3);
    expect(region(after, "pune").flow).toEqual({
      routed: 3,
      processed: 0,
      queued: 0,
      inRetry: 0,
      deadLettered: 3,
      duplicates: 0,
      balanced: true,
    });
    // Three restores of the batch (each pass sees all three events), then their dead letters: 3 + 3 failures seen.
    expect(region(after, "pune").failures).toEqual({ CATASTROPHIC: 6, PERSISTENT: 0, TRANSIENT: 0 });
    expect(after.conservation.balanced).toBe(true);

    // Dead letters reach Postgres through the DLQ topic, a moment after the books count them.
    const listed = await waitFor(
      async () => (await (await send("GET", "/api/dlq?region=pune")).json()) as { entries: DeadLetterRecord[] },
      (list) => list.entries.length === 3,
    );
    expect(listed.entries.map((e) => [e.severity, e.component, e.error, e.retryCount, e.event.location])).toEqual([
      ...Array.from({ length: 3 }, () => [
        "CATASTROPHIC",
        "processor",
        "database_corruption in session store (still failing after 3 restore(s) from the checkpoint)",
        3,
        "Pune",
      ]),
    ]);
    expect(await (await send("DELETE", "/api/chaos")).json()).toEqual({ ended: 1 });
  });

  it("pages the dead-letter queue by cursor and filters it", async () => {
    const first = (await (await send("GET", "/api/dlq?limit=2")).json()) as { entries: DeadLetterRecord[]; nextCursor: string | null };
    expect(first.entries).toHaveLength(2);
    const second = (await (await send("GET", `/api/dlq?limit=2&cursor=${first.nextCursor}`)).json()) as {
      entries: DeadLetterRecord[];
      nextCursor: string | null;
    };
    expect(second.entries).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(3);
    const none = (await (await send("GET", "/api/dlq?severity=TRANSIENT")).json()) as { entries: DeadLetterRecord[] };
    expect(none.entries).toEqual([]);
    const bad = await send("GET", "/api/dlq?severity=SEVERE");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      "severity: must be one of CATASTROPHIC, PERSISTENT, TRANSIENT",
    );
  });

  it("sends PERSISTENT failures down the alternative path, so they are still processed", async () => {
    await drill("processor", "delhi", "invalid_account: subscription expired");
    await send("POST", "/api/events", [event("Delhi"), event("Delhi")]);
    const after = await waitFor(snapshot, (s) => region(s, "delhi").processed === 2);
    expect([region(after, "delhi").alternativePath, region(after, "delhi").flow.deadLettered]).toEqual([2, 0]);
    await send("DELETE", "/api/chaos");
  });

  it("retries TRANSIENT failures with backoff without blocking other events, and processes them once the fault ends", async () => {
    await drill("processor", "kolkata", "segment fetch timeout", 2);
    await send("POST", "/api/events", [event("Kolkata"), event("Mumbai")]);
    // With Kafka the two regions' topics are consumed independently: wait for both, in either order.
    const during = await waitFor(snapshot, (s) => region(s, "mumbai").processed === 1 && region(s, "kolkata").flow.inRetry === 1);
    expect([region(during, "mumbai").processed, region(during, "kolkata").flow.inRetry, region(during, "kolkata").processed]).toEqual([
      1, 1, 0,
    ]);
    expect(during.conservation.balanced).toBe(true);
    const after = await waitFor(snapshot, (s) => region(s, "kolkata").processed === 1, 15_000);
    expect(region(after, "kolkata").flow).toMatchObject({ inRetry: 0, deadLettered: 0, balanced: true });
  }, 20_000);

  it("opens a region's breaker when its store keeps failing and spills new events to the nearest region", async () => {
    await drill("store", "hyderabad", "redis connection timeout", 30);
    await send("POST", "/api/events", [event("Hyderabad")]);
    const open = await waitFor(snapshot, (s) => region(s, "hyderabad").circuit === "open", 10_000);
    expect(region(open, "hyderabad").flow.queued).toBe(1);
    await send("POST", "/api/events", [event("Hyderabad")]);
    const spilled = await waitFor(snapshot, (s) => region(s, "bangalore").processed === 1);
    expect(region(spilled, "bangalore").processed).toBe(1);
    await send("DELETE", "/api/chaos");
    // The failed batch comes back on the consumer's retry backoff, which grows to 10 s while the store is down.
    const healed = await waitFor(snapshot, (s) => region(s, "hyderabad").processed === 1, 25_000);
    expect(region(healed, "hyderabad").processed).toBe(1);
    expect(healed.conservation).toMatchObject({ queued: 0, inRetry: 0, balanced: true });
  }, 50_000);

  it("a dry run says what a replay would do and changes nothing", async () => {
    const dry = (await (await send("POST", "/api/dlq/replay", { filter: { region: "pune" }, dryRun: true })).json()) as ReplayResult;
    expect(dry).toMatchObject({ jobId: null, dryRun: true, total: 3, requeued: 3, refused: 0, invalid: 0, missing: 0 });
    expect(new Set(dry.outcomes.map((o) => o.reason))).toEqual(new Set(["would be sent through the pipeline again"]));
    const listed = (await (await send("GET", "/api/dlq?region=pune")).json()) as { entries: DeadLetterRecord[] };
    expect(listed.entries.map((e) => e.replayCount)).toEqual([0, 0, 0]);
  });

  it("replays dead letters through the pipeline once the fault is gone, resolving them and recording the job", async () => {
    const before = await snapshot();
    const result = (await (await send("POST", "/api/dlq/replay", { filter: { region: "pune" }, dryRun: false })).json()) as ReplayResult;
    expect(result).toMatchObject({ dryRun: false, total: 3, requeued: 3, refused: 0 });
    expect(result.jobId).toMatch(/^[0-9a-f-]{36}$/);
    // The replays are counted by the process that sent them, pushed to the books at its next refresh.
    const after = await waitFor(
      snapshot,
      (s) => region(s, "pune").processed === 3 && s.conservation.replayed > before.conservation.replayed,
    );
    expect(after.conservation.replayed - before.conservation.replayed).toBe(3);
    expect(after.conservation.balanced).toBe(true);
    const listed = await waitFor(
      async () => ((await (await send("GET", "/api/dlq?region=pune")).json()) as { entries: DeadLetterRecord[] }).entries,
      (entries) => entries.every((e) => e.resolvedAt !== null),
    );
    expect(listed.map((e) => [e.replayCount, e.resolvedAt !== null])).toEqual([
      [1, true],
      [1, true],
      [1, true],
    ]);

    const again = (await (await send("POST", "/api/dlq/replay", { ids: [listed[0]!.id], dryRun: false })).json()) as ReplayResult;
    expect(again.outcomes.map((o) => [o.outcome, o.reason])).toEqual([["refused", "already processed after an earlier replay"]]);
  });

  it("refuses a poison event after 5 replays that all failed", async () => {
    await drill("processor", "kolkata", "data_loss on segment upload");
    await send("POST", "/api/events", [event("Kolkata")]);
    const [entry] = await waitFor(
      async () => ((await (await send("GET", "/api/dlq?region=kolkata")).json()) as { entries: DeadLetterRecord[] }).entries,
      (entries) => entries.length === 1,
    );
    for (let i = 1; i <= 5; i++) {
      const replay = (await (await send("POST", "/api/dlq/replay", { ids: [entry!.id], dryRun: false })).json()) as ReplayResult;
      expect(replay.requeued).toBe(1);
      // The next replay is refused until this one's outcome is in (it fails again, so the entry is dead-lettered anew).
      await waitFor(
        async () => ((await (await send("GET", "/api/dlq?region=kolkata")).json()) as { entries: DeadLetterRecord[] }).entries[0]!,
        (e) => e.replayCount === i && e.lastReplayedAt !== null && e.deadLetteredAt > e.lastReplayedAt,
      );
    }
    const refused = (await (await send("POST", "/api/dlq/replay", { ids: [entry!.id], dryRun: false })).json()) as ReplayResult;
    expect(refused.outcomes.map((o) => [o.outcome, o.reason])).toEqual([
      ["refused", "replayed 5 times already (limit 5); refused so a poison event cannot loop"],
    ]);
    const kept = ((await (await send("GET", `/api/dlq?region=kolkata`)).json()) as { entries: DeadLetterRecord[] }).entries;
    expect(kept.map((e) => [e.replayCount, e.resolvedAt, e.severity])).toEqual([[5, null, "CATASTROPHIC"]]);
    expect((await snapshot()).conservation.balanced).toBe(true);
    await send("DELETE", "/api/chaos");
  });

  it.each([
    [{ dryRun: true }, "give either ids or filter, not both and not neither"],
    [{ ids: ["nope"], dryRun: false }, "ids must be dead-letter ids"],
    [{ filter: {} }, "dryRun must be true or false"],
  ])("refuses the replay request %j: %s", async (body, message) => {
    const response = await send("POST", "/api/dlq/replay", body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
  });

  it("buffers history while its writes fail, shows the buffer on the snapshot, and writes it once they recover", async () => {
    await send("POST", "/api/chaos", { component: "history", errorMessage: "connection refused", rate: 1, durationSeconds: 60 });
    await send("POST", "/api/events", [event("Mumbai")]);
    const failing = await waitFor(snapshot, (s) => s.system.history.failing && s.system.history.buffered > 0);
    expect(failing.system.history).toMatchObject({ failing: true, error: "connection refused", limit: 50_000, dropped: 0 });
    await send("DELETE", "/api/chaos");
    const recovered = await waitFor(snapshot, (s) => !s.system.history.failing && s.system.history.buffered === 0, 15_000);
    expect(recovered.system.history).toEqual({ failing: false, error: null, buffered: 0, limit: 50_000, dropped: 0 });
  }, 30_000);

  it("refuses a drill it cannot run, with the reason", async () => {
    const response = await send("POST", "/api/chaos", { component: "kafka", errorMessage: "x", rate: 1, durationSeconds: 5 });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "component must be one of processor, store, commands, history",
    );
  });
});
