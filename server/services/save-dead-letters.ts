import type { PrismaClient } from "../db/generated/client";
import type { DeadLetterRecord } from "../workers/dead-letter";

/**
 * Stores dead-lettered events, and the first step of each one's history; an id written before (a
 * retried write, a redelivered DLQ message) is skipped, so its history is not written twice.
 */
export async function saveDeadLetters(prisma: PrismaClient, records: readonly DeadLetterRecord[]): Promise<void> {
  if (records.length === 0) return;
  await prisma.$transaction(async (tx) => {
    const created = await tx.deadLetter.createManyAndReturn({
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
      select: { id: true },
      skipDuplicates: true,
    });
    const fresh = new Set(created.map((row) => row.id));
    await tx.deadLetterAttempt.createMany({
      data: records
        .filter((r) => fresh.has(r.id))
        .map((r) => ({
          deadLetterId: r.id,
          kind: "dead_lettered",
          at: new Date(r.deadLetteredAt),
          detail: r.error,
          severity: r.severity,
          component: r.component,
          retryCount: r.retryCount,
        })),
    });
  });
}
