import { randomUUID } from "node:crypto";
import type { AlertTransition } from "@/core/alerts/alert-evaluator";
import type { AlertView } from "@/core/alerts/alert-rules";
import type { RegionId } from "@/core/routing/regions";
import type { PrismaClient } from "../db/generated/client";
import { ALERT_ROW_INCLUDE, toAlertView } from "./alert-rows";

/**
 * Stores what the evaluator decided for one rule and region, with its transition, in one
 * transaction; returns the alert as it now stands.
 */
export async function recordAlertChange(
  prisma: PrismaClient,
  change: { ruleId: string; region: RegionId; transition: AlertTransition },
  now: number,
): Promise<AlertView> {
  const at = new Date(now);
  const { transition } = change;
  const row = await prisma.$transaction(async (tx) => {
    switch (transition.kind) {
      case "fire": {
        const id = randomUUID();
        await tx.alert.create({
          data: {
            id,
            ruleId: change.ruleId,
            region: change.region,
            state: "firing",
            severity: transition.severity,
            value: transition.value,
            firedAt: at,
          },
        });
        await tx.alertTransition.create({ data: { alertId: id, kind: "fired", at, value: transition.value, note: transition.severity } });
        return tx.alert.findUniqueOrThrow({ where: { id }, include: ALERT_ROW_INCLUDE });
      }
      case "reopen":
        await tx.alert.update({
          where: { id: transition.alertId },
          data: {
            state: "firing",
            severity: transition.severity,
            value: transition.value,
            resolvedAt: null,
            acknowledgedAt: null,
            acknowledgedBy: null,
            note: null,
            flaps: { increment: 1 },
          },
        });
        await tx.alertTransition.create({
          data: { alertId: transition.alertId, kind: "reopened", at, value: transition.value, note: "fired again within the flap window" },
        });
        break;
      case "severity":
        await tx.alert.update({ where: { id: transition.alertId }, data: { severity: transition.severity, value: transition.value } });
        await tx.alertTransition.create({
          data: {
            alertId: transition.alertId,
            kind: "severity",
            at,
            value: transition.value,
            note: transition.severity === "critical" ? "critical, up from warning" : "warning, down from critical",
          },
        });
        break;
      case "resolve":
        await tx.alert.update({ where: { id: transition.alertId }, data: { state: "resolved", resolvedAt: at, value: transition.value } });
        await tx.alertTransition.create({
          data: { alertId: transition.alertId, kind: "resolved", at, value: transition.value, note: "the condition cleared" },
        });
        break;
      case "escalate":
        await tx.alert.update({ where: { id: transition.alertId }, data: { escalatedAt: at } });
        await tx.alertTransition.create({ data: { alertId: transition.alertId, kind: "escalated", at, note: "not acknowledged in time" } });
        break;
    }
    return tx.alert.findUniqueOrThrow({ where: { id: transition.alertId }, include: ALERT_ROW_INCLUDE });
  });
  return toAlertView(row);
}
