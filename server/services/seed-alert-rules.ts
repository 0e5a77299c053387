import { stableUuidOf } from "@/server/stable-id";
import type { AlertRuleFields } from "@/core/alerts/alert-rules";
import type { PrismaClient } from "../db/generated/client";
import { toAlertRuleData } from "./alert-rows";

/** A default rule's id, the same in every process, so two processes seeding at once store each rule once. */
function defaultRuleId(rule: AlertRuleFields): string {
  return stableUuidOf(`signalbox default alert rule: ${rule.metric}`);
}

/** Stores `defaults` on a database that has never had a rule (deleted ones count, so they stay deleted); returns how many. */
export async function seedAlertRules(prisma: PrismaClient, defaults: readonly AlertRuleFields[], now: number): Promise<number> {
  if ((await prisma.alertRule.count()) > 0) return 0;
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
