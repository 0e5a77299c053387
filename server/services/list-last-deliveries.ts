import {
  ALERT_CHANNELS,
  DELIVERY_KINDS,
  describeDeliveryKind,
  isDeliveryKind,
  type AlertChannel,
  type LastDelivery,
} from "@/core/alerts/alert-channels";
import type { PrismaClient } from "../db/generated/client";

/** Each channel's most recent notification attempt, for whichever alert; channels never tried are absent. */
export async function listLastDeliveries(prisma: PrismaClient): Promise<Map<AlertChannel, LastDelivery>> {
  const rows = await Promise.all(
    ALERT_CHANNELS.map((channel) =>
      prisma.alertTransition.findFirst({
        where: { channel, kind: { in: [...DELIVERY_KINDS] } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
      }),
    ),
  );
  const last = new Map<AlertChannel, LastDelivery>();
  rows.forEach((row, index) => {
    if (!row || !isDeliveryKind(row.kind)) return;
    last.set(ALERT_CHANNELS[index]!, {
      outcome: describeDeliveryKind(row.kind),
      at: row.at.getTime(),
      note: row.note,
      alertId: row.alertId,
    });
  });
  return last;
}
