import type { PrismaClient } from "../db/generated/client";
import type { DeadLetterRecord } from "../workers/dead-letter";

/** Stores dead-lettered events in one statement; an id written before (a retried write) is skipped. */
export async function saveDeadLetters(prisma: PrismaClient, records: readonly DeadLetterRecord[]): Promise<void> {
  if (records.length === 0) return;
  await prisma.deadLetter.createMany({
    data: records.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      region: r.region,
      component: r.component,
      severity: r.severity,
      error: r.error,
      retryCount: r.retryCount,
      event: r.event as object,
      firstFailedAt: new Date(r.firstFailedAt),
      deadLetteredAt: new Date(r.deadLetteredAt),
      replayCount: r.replayCount,
      lastReplayedAt: r.lastReplayedAt === null ? null : new Date(r.lastReplayedAt),
      resolvedAt: r.resolvedAt === null ? null : new Date(r.resolvedAt),
    })),
    skipDuplicates: true,
  });
}
