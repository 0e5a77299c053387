import { stableUuidOf } from "@/server/stable-id";
import type { AlertRuleFields } from "@/core/alerts/alert-rules";
import type { PrismaClient } from "../db/generated/client";
import { toAlertRuleData } from "./alert-rows";

/** A default rule's id, the same in every process, so two processes seeding at once store each rule once. */
function defaultRuleId(rule: AlertRuleFields): string {
  return stableUuidOf(`signalbox default alert rule: ${rule.metric}`);
}

/**
 * Stores each default rule the database has never had, by its stable id (a deleted one keeps its row,
 * so it stays deleted; an edited one keeps its edits), so a default added later reaches existing
 * deployments too; returns how many were added.
 */
export async function seedAlertRules(prisma: PrismaClient, defaults: readonly AlertRuleFields[], now: number): Promise<number> {
  // One millisecond apart, so the defaults list in SPEC order.
  const { count } = await prisma.alertRule.createMany({
    data: defaults.map((rule, i) => ({
      id: defaultRuleId(rule),
      ...toAlertRuleData(rule),
      createdAt: new Date(now + i),
      updatedAt: new Date(now + i),
    })),
    skipDuplicates: true,
  });
  return count;
}
