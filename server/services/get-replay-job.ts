import type { ReplayJobProgress, ReplayOutcome } from "@/core/dlq/dlq-api";
import type { PrismaClient } from "../db/generated/client";

/** A replay job's progress, or null. */
export async function getReplayJob(prisma: PrismaClient, id: string): Promise<ReplayJobProgress | null> {
  const row = await prisma.replayJob.findUnique({ where: { id } });
  if (!row) return null;
  return {
    id: row.id,
    state: row.state as ReplayJobProgress["state"],
    requestedAt: row.requestedAt.getTime(),
    finishedAt: row.finishedAt?.getTime() ?? null,
    total: row.total,
    processed: row.processed,
    requeued: row.requeued,
    refused: row.refused,
    invalid: row.invalid,
    missing: row.missing,
    error: row.error,
    requestedBy: row.requestedBy,
  };
}

/** The outcome of each entry a job handled, in the order it handled them, at most `limit`. */
export async function listReplayJobOutcomes(prisma: PrismaClient, jobId: string, limit: number): Promise<ReplayOutcome[]> {
  const rows = await prisma.deadLetterAttempt.findMany({
    // Only a job's own outcomes carry its id; what the replayed events did later does not.
    where: { jobId },
    orderBy: { id: "asc" },
    take: limit,
    select: { deadLetterId: true, kind: true, detail: true, deadLetter: { select: { eventId: true } } },
  });
  return rows.map((row) => ({
    id: row.deadLetterId,
    eventId: row.deadLetter.eventId,
    outcome: row.kind.slice("replay_".length) as ReplayOutcome["outcome"],
    reason: row.detail,
  }));
}
