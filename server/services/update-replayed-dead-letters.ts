import type { PrismaClient } from "../db/generated/client";
import type { DeadLetterRecord } from "../workers/dead-letter";

/** Counts a replay of each entry (the poison-loop guard reads it) before its event is sent again. */
export async function markDeadLettersReplayed(prisma: PrismaClient, ids: readonly string[], at: number): Promise<void> {
  if (ids.length === 0) return;
  await prisma.deadLetter.updateMany({ where: { id: { in: [...ids] } }, data: { replayCount: { increment: 1 }, lastReplayedAt: new Date(at) } });
}

/** A replayed entry's event was processed: the entry stays, resolved. */
export async function resolveDeadLetter(prisma: PrismaClient, id: string, at: number): Promise<void> {
  await prisma.deadLetter.update({ where: { id }, data: { resolvedAt: new Date(at) } });
}

/** A replayed entry failed again: the entry takes the new failure, keeping its replay count. */
export async function recordDeadLetterFailure(prisma: PrismaClient, record: DeadLetterRecord): Promise<void> {
  await prisma.deadLetter.update({
    where: { id: record.id },
    data: {
      component: record.component,
      severity: record.severity,
      error: record.error,
      retryCount: record.retryCount,
      deadLetteredAt: new Date(record.deadLetteredAt),
    },
  });
}
