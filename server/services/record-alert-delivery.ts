import type { AlertChannel, DeliveryKind } from "@/core/alerts/alert-channels";
import type { PrismaClient } from "../db/generated/client";

/** Keeps a notification attempt in the alert's history, beside its state changes, with its channel (null: a silence held it back). */
export async function recordAlertDelivery(
  prisma: PrismaClient,
  alertId: string,
  outcome: DeliveryKind,
  note: string,
  at: number,
  channel: AlertChannel | null,
): Promise<void> {
  await prisma.alertTransition.create({ data: { alertId, kind: outcome, at: new Date(at), note, channel } });
}
