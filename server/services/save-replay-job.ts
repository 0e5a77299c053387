import type { ReplayJobProgress, ReplayOutcome } from "@/core/dlq/dlq-api";
import type { PrismaClient } from "../db/generated/client";

/** Records a replay job as it starts; its progress is updated after every batch. */
export async function createReplayJob(prisma: PrismaClient, job: ReplayJobProgress, selection: unknown): Promise<void> {
  await prisma.replayJob.create({
    data: {
      id: job.id,
      requestedAt: new Date(job.requestedAt),
      requestedBy: job.requestedBy,
      heartbeatAt: new Date(job.requestedAt),
      selection: selection as object,
      state: job.state,
      total: job.total,
      processed: job.processed,
      requeued: job.requeued,
      refused: job.refused,
      invalid: job.invalid,
      missing: job.missing,
    },
  });
}

/** Stores a job's progress. */
export async function updateReplayJob(prisma: PrismaClient, job: ReplayJobProgress): Promise<void> {
  await prisma.replayJob.update({
    where: { id: job.id },
    data: {
      state: job.state,
      total: job.total,
      processed: job.processed,
      requeued: job.requeued,
      refused: job.refused,
      invalid: job.invalid,
      missing: job.missing,
      error: job.error,
      finishedAt: job.finishedAt === null ? null : new Date(job.finishedAt),
      heartbeatAt: new Date(),
    },
  });
}

/** One batch's outcomes become steps in each entry's history; ids no dead letter has are only counted. */
export async function recordReplayOutcomes(
  prisma: PrismaClient,
  jobId: string,
  outcomes: readonly ReplayOutcome[],
  at: number,
): Promise<void> {
  const recorded = outcomes.filter((o) => o.outcome !== "missing");
  if (recorded.length === 0) return;
  await prisma.deadLetterAttempt.createMany({
    data: recorded.map((o) => ({ deadLetterId: o.id, jobId, kind: `replay_${o.outcome}`, at: new Date(at), detail: o.reason })),
  });
}

/**
 * Jobs left running by a process that stopped: they will not finish, so they are marked failed.
 * Only those whose last report is older than `silentSince` (all of them when it is `at`).
 */
export async function failInterruptedReplayJobs(prisma: PrismaClient, at: number, silentSince = at): Promise<number> {
  const { count } = await prisma.replayJob.updateMany({
    where: { state: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(silentSince) } }] },
    data: { state: "failed", error: "the server stopped while the job ran; replay what is still open again", finishedAt: new Date(at) },
  });
  return count;
}
