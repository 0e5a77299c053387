import type { AlertPeak } from "@/core/alerts/alert-live";
import type { PrismaClient } from "../db/generated/client";

/** Stores the worst value an alert has seen, so it outlives a restart and other processes show it too. */
export async function updateAlertPeak(prisma: PrismaClient, alertId: string, peak: AlertPeak): Promise<void> {
  await prisma.alert.update({ where: { id: alertId }, data: { peakValue: peak.value, peakAt: new Date(peak.at) } });
}
