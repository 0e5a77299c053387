import type { PrismaClient } from "../db/generated/client";

export interface ReplayOutcome {
  id: string;
  eventId: string | null;
  outcome: "requeued" | "refused" | "invalid" | "missing";
  reason: string;
}

export interface ReplayJobRecord {
  id: string;
  requestedAt: number;
  requestedBy: string;
  selection: unknown;
  total: number;
  requeued: number;
  refused: number;
  invalid: number;
  outcomes: ReplayOutcome[];
}

/** Records a real replay with what happened to each entry. */
export async function saveReplayJob(prisma: PrismaClient, job: ReplayJobRecord): Promise<void> {
  await prisma.replayJob.create({
    data: {
      id: job.id,
      requestedAt: new Date(job.requestedAt),
      requestedBy: job.requestedBy,
      selection: job.selection as object,
      total: job.total,
      requeued: job.requeued,
      refused: job.refused,
      invalid: job.invalid,
      outcomes: job.outcomes as unknown as object[],
    },
  });
}
