import { randomUUID } from "node:crypto";
import type { AlertRule, AlertRuleFields } from "@/core/alerts/alert-rules";
import { AppError } from "../errors";
import type { PrismaClient } from "../db/generated/client";
import { toAlertRule, toAlertRuleData } from "./alert-rows";

/** Creates a rule (no id) or replaces the fields of an existing one; 404 for an unknown or deleted id. */
export async function saveAlertRule(prisma: PrismaClient, fields: AlertRuleFields, now: number, id?: string): Promise<AlertRule> {
  if (id === undefined) {
    const row = await prisma.alertRule.create({
      data: { id: randomUUID(), ...toAlertRuleData(fields), createdAt: new Date(now), updatedAt: new Date(now) },
    });
    return toAlertRule(row);
  }
  const updated = await prisma.alertRule.updateMany({
    where: { id, deletedAt: null },
    data: { ...toAlertRuleData(fields), updatedAt: new Date(now) },
  });
  if (updated.count === 0) throw new AppError("not_found", `No alert rule ${id}.`);
  return toAlertRule(await prisma.alertRule.findUniqueOrThrow({ where: { id } }));
}
