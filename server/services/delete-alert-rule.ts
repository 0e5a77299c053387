import { AppError } from "../errors";
import type { PrismaClient } from "../db/generated/client";

/** Deletes a rule: it stops being evaluated, and the alerts it raised keep their history. */
export async function deleteAlertRule(prisma: PrismaClient, id: string, now: number): Promise<void> {
  const deleted = await prisma.alertRule.updateMany({
    where: { id, deletedAt: null },
    data: { deletedAt: new Date(now), enabled: false, updatedAt: new Date(now) },
  });
  if (deleted.count === 0) throw new AppError("not_found", `No alert rule ${id}.`);
}
