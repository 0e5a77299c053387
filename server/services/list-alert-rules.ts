import type { AlertRule } from "@/core/alerts/alert-rules";
import type { PrismaClient } from "../db/generated/client";
import { toAlertRule } from "./alert-rows";

/** Every rule not deleted, oldest first. */
export async function listAlertRules(prisma: PrismaClient): Promise<AlertRule[]> {
  const rows = await prisma.alertRule.findMany({ where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toAlertRule);
}
