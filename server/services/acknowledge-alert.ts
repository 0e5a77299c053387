import type { AlertView } from "@/core/alerts/alert-rules";
import { AppError } from "../errors";
import type { PrismaClient } from "../db/generated/client";
import { ALERT_ROW_INCLUDE, toAlertView } from "./alert-rows";

/** A person takes ownership of a firing alert, with a note; 404 for an unknown alert, 409 unless it is firing. */
export async function acknowledgeAlert(prisma: PrismaClient, id: string, by: string, note: string, now: number): Promise<AlertView> {
  const at = new Date(now);
  const row = await prisma.$transaction(async (tx) => {
    const updated = await tx.alert.updateMany({
      where: { id, state: "firing" },
      data: { state: "acknowledged", acknowledgedAt: at, acknowledgedBy: by, note },
    });
    if (updated.count === 0) {
      const existing = await tx.alert.findUnique({ where: { id } });
      if (!existing) throw new AppError("not_found", `No alert ${id}.`);
      throw new AppError(
        "conflict",
        `The alert is ${existing.state}${existing.acknowledgedBy ? ` (by ${existing.acknowledgedBy})` : ""}; only a firing alert can be acknowledged.`,
      );
    }
    await tx.alertTransition.create({ data: { alertId: id, kind: "acknowledged", at, actor: by, note } });
    return tx.alert.findUniqueOrThrow({ where: { id }, include: ALERT_ROW_INCLUDE });
  });
  return toAlertView(row);
}
