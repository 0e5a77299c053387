import type { FailureSeverity } from "@/core/dlq/failures";
import { findReplayGuardCount } from "@/core/dlq/replay-decision";
import type { PrismaClient } from "../db/generated/client";

export interface DeadLetterCounts {
  open: number;
  total: number;
  bySeverity: Record<FailureSeverity, number>;
  guarded: number;
}

/** Open (unresolved) entries by severity, those at the replay-count guard, and every entry kept. */
export async function summarizeDeadLetters(prisma: PrismaClient, maxReplays: number): Promise<DeadLetterCounts> {
  const [groups, total, guarded] = await Promise.all([
    prisma.deadLetter.groupBy({ by: ["severity"], where: { resolvedAt: null }, _count: { _all: true } }),
    prisma.deadLetter.count(),
    prisma.deadLetter.count({ where: { resolvedAt: null, replayCount: { gte: findReplayGuardCount(maxReplays) } } }),
  ]);
  const bySeverity: Record<FailureSeverity, number> = { CATASTROPHIC: 0, PERSISTENT: 0, TRANSIENT: 0 };
  for (const group of groups) bySeverity[group.severity as FailureSeverity] += group._count._all;
  return { open: Object.values(bySeverity).reduce((a, b) => a + b, 0), total, bySeverity, guarded };
}
