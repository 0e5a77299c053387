import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeadLetterDetail, DeadLetterPage, DlqSummary, ReplayJobDetail, ReplayJobProgress } from "@/core/dlq/dlq-api";
import { makeWireEvents } from "./testing/wire-events";
import { spawnServer, waitFor, type SpawnedServer, type TestClient } from "./testing/spawn-server";

const BATCH = 10;
/** Smaller than a batch, so a batch is sent in steps (10 = 4 + 4 + 2). */
const STEP = 4;
const ENTRIES = 25;

describe("the DLQ page's API: entries, counters and replay jobs", () => {
  let dataDir: string;
  let server: SpawnedServer;
  let socket: Socket;
  let operator: TestClient;
  const pushedJobs: ReplayJobProgress[] = [];
  const pushedSummaries: DlqSummary[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "signalbox-dlq-"));
    server = await spawnServer({
      SIMULATOR: "off",
      DATA_DIR: dataDir,
      SNAPSHOT_INTERVAL_MS: "200",
      REPLAY_BATCH_SIZE: String(BATCH),
      REPLAY_PROGRESS_STEP: String(STEP),
    });
    operator = await server.signIn("operator", "ravi");
    socket = io(server.url, { transports: ["websocket"], extraHeaders: { cookie: operator.cookie } });
    socket.on("replay_job", (job: ReplayJobProgress) => pushedJobs.push(job));
    socket.on("dlq_summary", (summary: DlqSummary) => pushedSummaries.push(summary));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  }, 120_000);

  afterAll(async () => {
    socket?.disconnect();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const send = (method: string, url: string, body?: unknown) => operator.send(method, url, body);
  const read = async <T>(url: string) => (await (await send("GET", url)).json()) as T;
  const errorOf = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string; details?: unknown } }).error;

  it("answers 400 naming the id for a malformed dead-letter id, and 404 for one nobody has", async () => {
    const malformed = await send("GET", "/api/dlq/not-a-uuid");
    expect(malformed.status).toBe(400);
    expect(await errorOf(malformed)).toEqual({
      code: "bad_request",
      message: "id: must be a dead-letter id (a UUID)",
      details: { fields: [{ path: "id", message: "must be a dead-letter id (a UUID)" }] },
    });
    const unknown = randomUUID();
    const missing = await send("GET", `/api/dlq/${unknown}`);
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toEqual({ code: "not_found", message: `No dead letter ${unknown}.` });
  });

  it("counts dead letters by severity in the summary, and pushes the counters to dashboards", async () => {
    expect(await read<DlqSummary>("/api/dlq/summary")).toMatchObject({ open: 0, total: 0, guarded: 0 });
    const drill = await send("POST", "/api/chaos", {
      component: "processor",
      region: "pune",
      errorMessage: "database_corruption in session store",
      rate: 1,
      durationSeconds: 60,
    });
    expect(drill.status).toBe(201);
    const events = makeWireEvents("dlq", 0, ENTRIES).map((e) => ({ ...e, location: "Pune" }));
    expect((await send("POST", "/api/events", events)).status).toBe(202);

    const summary = await waitFor(
      () => read<DlqSummary>("/api/dlq/summary"),
      (s) => s.open === ENTRIES,
    );
    expect(summary).toEqual({
      at: expect.any(Number),
      open: ENTRIES,
      total: ENTRIES,
      bySeverity: { CATASTROPHIC: ENTRIES, PERSISTENT: 0, TRANSIENT: 0 },
      guarded: 0,
      maxReplays: 5,
    });
    await waitFor(
      async () => pushedSummaries.at(-1)?.open,
      (open) => open === ENTRIES,
      5000,
    );
    expect(pushedSummaries.at(-1)).toMatchObject({ open: ENTRIES, bySeverity: { CATASTROPHIC: ENTRIES } });
    expect(await (await send("DELETE", "/api/chaos")).json()).toEqual({ ended: 1 });
  });

  it("opens one entry with its original event, the replay guard and its history", async () => {
    const [first] = (await read<DeadLetterPage>("/api/dlq?region=pune&limit=1")).entries;
    const detail = await read<DeadLetterDetail>(`/api/dlq/${first!.id}`);
    expect(detail.entry).toMatchObject({
      id: first!.id,
      region: "pune",
      severity: "CATASTROPHIC",
      component: "processor",
      retryCount: 3,
      replayCount: 0,
    });
    expect(detail.entry.event).toMatchObject({ event_id: first!.eventId, location: "Pune", content_id: "ipl-final" });
    expect(detail.maxReplays).toBe(5);
    expect(detail.history.map((h) => [h.kind, h.detail])).toEqual([
      ["failed", "first failure in processor"],
      ["dead_lettered", "database_corruption in session store (still failing after 3 restore(s) from the checkpoint)"],
    ]);
  });

  it("runs a replay over more entries than one batch as a job: progress stored and pushed after each step, exact counts at the end", async () => {
    const response = await send("POST", "/api/dlq/replay-jobs", { filter: { region: "pune" } });
    expect(response.status).toBe(202);
    const started = (await response.json()) as ReplayJobProgress;
    expect(started).toMatchObject({ state: "running", total: ENTRIES, processed: 0, requeued: 0, requestedBy: "ravi", finishedAt: null });

    await waitFor(
      async () => pushedJobs.filter((j) => j.id === started.id).at(-1)?.state,
      (state) => state === "done",
    );
    // Batches of 10 read from the database, each sent in steps of at most 4.
    expect(pushedJobs.filter((j) => j.id === started.id).map((j) => [j.state, j.processed, j.total, j.requeued])).toEqual([
      ["running", 0, ENTRIES, 0],
      ["running", 4, ENTRIES, 4],
      ["running", 8, ENTRIES, 8],
      ["running", 10, ENTRIES, 10],
      ["running", 14, ENTRIES, 14],
      ["running", 18, ENTRIES, 18],
      ["running", 20, ENTRIES, 20],
      ["running", 24, ENTRIES, 24],
      ["running", 25, ENTRIES, 25],
      ["done", 25, ENTRIES, 25],
    ]);

    const stored = await read<ReplayJobDetail>(`/api/dlq/replay-jobs/${started.id}`);
    expect(stored.job).toMatchObject({
      state: "done",
      total: ENTRIES,
      processed: ENTRIES,
      requeued: ENTRIES,
      refused: 0,
      invalid: 0,
      missing: 0,
      error: null,
    });
    expect(stored.job.finishedAt).toBeGreaterThanOrEqual(started.requestedAt);
    expect(stored.outcomes).toHaveLength(ENTRIES);
    expect(new Set(stored.outcomes.map((o) => `${o.outcome}: ${o.reason}`))).toEqual(
      new Set(["requeued: sent through the pipeline again"]),
    );
    expect(stored.truncated).toBe(false);

    const summary = await waitFor(
      () => read<DlqSummary>("/api/dlq/summary"),
      (s) => s.open === 0,
    );
    expect(summary).toMatchObject({ open: 0, total: ENTRIES, guarded: 0 });
  });

  it("adds each replay and its result to the entry's history", async () => {
    const [first] = (await read<DeadLetterPage>("/api/dlq?region=pune&limit=1")).entries;
    const detail = await read<DeadLetterDetail>(`/api/dlq/${first!.id}`);
    expect(detail.entry).toMatchObject({ replayCount: 1, resolvedAt: expect.any(Number) });
    expect(detail.history.map((h) => h.kind)).toEqual(["failed", "dead_lettered", "replay_requeued", "replay_processed"]);
    expect(detail.history[2]!.jobId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("counts refused and missing entries of a job by ids", async () => {
    const [first] = (await read<DeadLetterPage>("/api/dlq?region=pune&limit=1")).entries;
    const unknown = randomUUID();
    const started = (await (await send("POST", "/api/dlq/replay-jobs", { ids: [first!.id, unknown] })).json()) as ReplayJobProgress;
    const done = await waitFor(
      () => read<ReplayJobDetail>(`/api/dlq/replay-jobs/${started.id}`),
      (d) => d.job.state === "done",
    );
    expect(done.job).toMatchObject({ total: 2, processed: 2, requeued: 0, refused: 1, invalid: 0, missing: 1 });
    expect(done.outcomes.map((o) => [o.outcome, o.reason])).toEqual([["refused", "already processed after an earlier replay"]]);
  });

  it("keeps the original failure in the history when a replay fails again, and counts entries at the replay guard", async () => {
    await send("POST", "/api/chaos", {
      component: "processor",
      region: "delhi",
      errorMessage: "data_loss on segment upload",
      rate: 1,
      durationSeconds: 60,
    });
    await send(
      "POST",
      "/api/events",
      makeWireEvents("dlq-poison", 0, 1).map((e) => ({ ...e, location: "Delhi" })),
    );
    const [entry] = await waitFor(
      async () => (await read<DeadLetterPage>("/api/dlq?region=delhi")).entries,
      (entries) => entries.length === 1,
    );
    for (let i = 1; i <= 5; i++) {
      expect((await (await send("POST", "/api/dlq/replay", { ids: [entry!.id], dryRun: false })).json()).requeued).toBe(1);
      await waitFor(
        () => read<DeadLetterDetail>(`/api/dlq/${entry!.id}`),
        (d) => d.history.filter((h) => h.kind === "replay_failed").length === i,
      );
    }
    const detail = await read<DeadLetterDetail>(`/api/dlq/${entry!.id}`);
    expect(detail.entry).toMatchObject({ replayCount: 5, resolvedAt: null });
    expect(detail.history.map((h) => h.kind)).toEqual([
      "failed",
      "dead_lettered",
      ...Array.from({ length: 5 }, () => ["replay_requeued", "replay_failed"]).flat(),
    ]);
    expect(detail.history[1]!.at).toBe(entry!.deadLetteredAt);
    expect(await read<DlqSummary>("/api/dlq/summary")).toMatchObject({ open: 1, guarded: 1, bySeverity: { CATASTROPHIC: 1 } });
    await send("DELETE", "/api/chaos");
  });

  it("sends each entry once when two replays over the same entries start together, and counts an id asked for twice once", async () => {
    await send("POST", "/api/chaos", {
      component: "processor",
      region: "mumbai",
      errorMessage: "system_failure in the encoder",
      rate: 1,
      durationSeconds: 60,
      eventIdPrefix: "dlq-twice",
    });
    await send(
      "POST",
      "/api/events",
      makeWireEvents("dlq-twice", 0, 4).map((e) => ({ ...e, location: "Mumbai" })),
    );
    const entries = await waitFor(
      async () => (await read<DeadLetterPage>("/api/dlq?region=mumbai")).entries,
      (found) => found.length === 4,
    );
    await send("DELETE", "/api/chaos");
    const ids = entries.map((e) => e.id);

    const jobs = await Promise.all([
      send("POST", "/api/dlq/replay-jobs", { ids: [...ids, ids[0]!] }),
      send("POST", "/api/dlq/replay-jobs", { ids }),
    ]);
    const started = (await Promise.all(jobs.map((r) => r.json()))) as ReplayJobProgress[];
    expect(started.map((j) => j.total)).toEqual([4, 4]);
    const done = await Promise.all(
      started.map((job) =>
        waitFor(
          () => read<ReplayJobDetail>(`/api/dlq/replay-jobs/${job.id}`),
          (d) => d.job.state === "done",
        ),
      ),
    );
    expect(done[0]!.job.requeued + done[1]!.job.requeued).toBe(4);
    expect(done[0]!.job.refused + done[1]!.job.refused).toBe(4);
    for (const id of ids) {
      const detail = await waitFor(
        () => read<DeadLetterDetail>(`/api/dlq/${id}`),
        (d) => d.entry.resolvedAt !== null,
      );
      expect(detail.entry.replayCount).toBe(1);
      expect(detail.history.filter((h) => h.kind === "replay_requeued")).toHaveLength(1);
      expect(detail.history.filter((h) => h.kind === "replay_processed")).toHaveLength(1);
    }
  });

  it.each([
    ["/api/dlq/replay-jobs/42", 400, "id: must be a replay job id (a UUID)"],
    [`/api/dlq/replay-jobs/00000000-0000-4000-8000-000000000000`, 404, "No replay job 00000000-0000-4000-8000-000000000000."],
  ])("answers GET %s with %i", async (url, status, message) => {
    const response = await send("GET", url);
    expect(response.status).toBe(status);
    expect((await errorOf(response)).message).toBe(message);
  });

  it("refuses a replay job without a selection", async () => {
    const response = await send("POST", "/api/dlq/replay-jobs", {});
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toBe("give either ids or filter, not both and not neither");
  });
});
