import { randomUUID } from "node:crypto";
import type { AlertRuleFields } from "@/core/alert-rules";
import type { PrismaClient } from "../db/generated/client";
import { toAlertRuleData } from "./alert-rows";

/** Stores `defaults` on a database that has never had a rule (deleted ones count, so they stay deleted); returns how many. */
export async function seedAlertRules(prisma: PrismaClient, defaults: readonly AlertRuleFields[], now: number): Promise<number> {
  if ((await prisma.alertRule.count()) > 0) return 0;
  // One millisecond apart, so the defaults list in SPEC order.
  await prisma.alertRule.createMany({
    data: defaults.map((rule, i) => ({ id: randomUUID(), ...toAlertRuleData(rule), createdAt: new Date(now + i), updatedAt: new Date(now + i) })),
  });
  return defaults.length;
}
