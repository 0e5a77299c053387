import type { PrismaClient } from "../db/generated/client";
import type { DeliveryOutcome } from "../notify/alert-notifier";

/** Keeps a notification attempt in the alert's history, beside its state changes. */
export async function recordAlertDelivery(
  prisma: PrismaClient,
  alertId: string,
  outcome: DeliveryOutcome,
  note: string,
  at: number,
): Promise<void> {
  await prisma.alertTransition.create({ data: { alertId, kind: outcome, at: new Date(at), note } });
}
