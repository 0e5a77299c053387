import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ReplayJobProgress } from "@/core/dlq/dlq-api";
import { openDatabase, type Database } from "../db/database";
import { createReplayJob, failInterruptedReplayJobs } from "./save-replay-job";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function openPglite(): Promise<Database> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "signalbox-replay-jobs-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const db = await openDatabase({ dataDir: dir });
  cleanups.push(db.close);
  return db;
}

const T0 = Date.UTC(2026, 10, 26, 21, 0, 0);
const MINUTE = 60_000;

function runningJob(requestedAt: number): ReplayJobProgress {
  return {
    id: randomUUID(),
    state: "running",
    requestedAt,
    finishedAt: null,
    total: 10,
    processed: 0,
    requeued: 0,
    refused: 0,
    invalid: 0,
    missing: 0,
    error: null,
    requestedBy: "ravi",
  };
}

describe("failInterruptedReplayJobs", () => {
  it("fails only the running jobs whose process has been silent since the given time", async () => {
    const db = await openPglite();
    const silent = runningJob(T0);
    const reporting = runningJob(T0 + 8 * MINUTE);
    await createReplayJob(db.prisma, silent, { ids: [] });
    await createReplayJob(db.prisma, reporting, { ids: [] });

    expect(await failInterruptedReplayJobs(db.prisma, T0 + 10 * MINUTE, T0 + 5 * MINUTE)).toBe(1);
    const states = await db.prisma.replayJob.findMany({ orderBy: { requestedAt: "asc" }, select: { id: true, state: true, error: true } });
    expect(states).toEqual([
      { id: silent.id, state: "failed", error: "the server stopped while the job ran; replay what is still open again" },
      { id: reporting.id, state: "running", error: null },
    ]);
  });

  it("fails every running job when the one process starts again", async () => {
    const db = await openPglite();
    await createReplayJob(db.prisma, runningJob(T0), { ids: [] });
    await createReplayJob(db.prisma, runningJob(T0 + 9 * MINUTE), { ids: [] });
    expect(await failInterruptedReplayJobs(db.prisma, T0 + 10 * MINUTE)).toBe(2);
  });
});
