import type { DeadLetterAttempt } from "@/core/dlq/dlq-api";
import type { FailureSeverity } from "@/core/dlq/failures";
import type { PrismaClient } from "../db/generated/client";

/** An entry's history, oldest first. */
export async function listDeadLetterAttempts(prisma: PrismaClient, deadLetterId: string, limit: number): Promise<DeadLetterAttempt[]> {
  const rows = await prisma.deadLetterAttempt.findMany({ where: { deadLetterId }, orderBy: [{ at: "asc" }, { id: "asc" }], take: limit });
  return rows.map((row) => ({
    kind: row.kind as DeadLetterAttempt["kind"],
    at: row.at.getTime(),
    detail: row.detail,
    severity: (row.severity as FailureSeverity | null) ?? null,
    retryCount: row.retryCount,
    jobId: row.jobId,
  }));
}
