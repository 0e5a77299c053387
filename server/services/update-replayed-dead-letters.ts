import type { PrismaClient } from "../db/generated/client";
import type { DeadLetterRecord } from "../workers/dead-letter";

/** Counts a replay of each entry (the poison-loop guard reads it) before its event is sent again; answers the ids claimed. */
export async function claimDeadLettersForReplay(
  prisma: PrismaClient,
  claims: ReadonlyArray<{ id: string; seenReplayCount: number }>,
  at: number,
): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  // Each claim holds only if nobody replayed or resolved the entry since it was read: two jobs never both send it.
  const results = await prisma.$transaction(
    claims.map((claim) =>
      prisma.deadLetter.updateMany({
        where: { id: claim.id, replayCount: claim.seenReplayCount, resolvedAt: null },
        data: { replayCount: { increment: 1 }, lastReplayedAt: new Date(at) },
      }),
    ),
  );
  return new Set(claims.filter((_, i) => results[i]!.count === 1).map((claim) => claim.id));
}

/** Claims whose events never went out (the bus refused them): the replay is given back and its history removed. */
export async function releaseReplayClaims(prisma: PrismaClient, jobId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await prisma.$transaction([
    prisma.deadLetter.updateMany({ where: { id: { in: [...ids] } }, data: { replayCount: { decrement: 1 } } }),
    prisma.deadLetterAttempt.deleteMany({ where: { jobId, deadLetterId: { in: [...ids] } } }),
  ]);
}

/** A replayed entry's event was processed: the entry stays, resolved, and its history says so. */
export async function resolveDeadLetter(prisma: PrismaClient, id: string, at: number): Promise<void> {
  await prisma.$transaction([
    prisma.deadLetter.update({ where: { id }, data: { resolvedAt: new Date(at) } }),
    prisma.deadLetterAttempt.create({
      data: { deadLetterId: id, kind: "replay_processed", at: new Date(at), detail: "processed after the replay" },
    }),
  ]);
}

/**
 * A replayed entry failed again: the entry takes the new failure, keeping its replay count. Its
 * history keeps both: the first time it fails again, the original dead-lettering is written out
 * before the entry is overwritten (until then the entry itself tells it, which keeps new dead letters one insert).
 */
export async function recordDeadLetterFailure(prisma: PrismaClient, record: DeadLetterRecord): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const original = await tx.deadLetter.findUnique({ where: { id: record.id } });
    if (!original) return;
    const kept = await tx.deadLetterAttempt.count({ where: { deadLetterId: record.id, kind: "dead_lettered" } });
    if (kept === 0) {
      await tx.deadLetterAttempt.create({
        data: {
          deadLetterId: record.id,
          kind: "dead_lettered",
          at: original.deadLetteredAt,
          detail: original.error,
          severity: original.severity,
          component: original.component,
          retryCount: original.retryCount,
        },
      });
    }
    await tx.deadLetter.update({
      where: { id: record.id },
      data: {
        component: record.component,
        severity: record.severity,
        error: record.error,
        retryCount: record.retryCount,
        deadLetteredAt: new Date(record.deadLetteredAt),
      },
    });
    await tx.deadLetterAttempt.create({
      data: {
        deadLetterId: record.id,
        kind: "replay_failed",
        at: new Date(record.deadLetteredAt),
        detail: record.error,
        severity: record.severity,
        component: record.component,
        retryCount: record.retryCount,
      },
    });
  });
}
