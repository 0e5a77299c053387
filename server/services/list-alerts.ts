import type { AlertSeverity, AlertState, AlertView } from "@/core/alerts/alert-rules";
import type { RegionId } from "@/core/routing/regions";
import type { PrismaClient } from "../db/generated/client";
import { ALERT_ROW_INCLUDE, toAlertView } from "./alert-rows";

export interface AlertQuery {
  /** "active": firing or acknowledged. */
  state?: AlertState | "active" | undefined;
  region?: RegionId | undefined;
  severity?: AlertSeverity | undefined;
  ruleId?: string | undefined;
  /** Fired at or after, and before; epoch milliseconds. */
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
}

/** Alerts newest first, with their rules. */
export async function listAlerts(prisma: PrismaClient, query: AlertQuery): Promise<AlertView[]> {
  const state = query.state === "active" ? { in: ["firing", "acknowledged"] } : query.state;
  const rows = await prisma.alert.findMany({
    where: {
      ...(state ? { state } : {}),
      ...(query.region ? { region: query.region } : {}),
      ...(query.severity ? { severity: query.severity } : {}),
      ...(query.ruleId ? { ruleId: query.ruleId } : {}),
      ...(query.from !== undefined || query.to !== undefined
        ? {
            firedAt: {
              ...(query.from !== undefined ? { gte: new Date(query.from) } : {}),
              ...(query.to !== undefined ? { lt: new Date(query.to) } : {}),
            },
          }
        : {}),
    },
    include: ALERT_ROW_INCLUDE,
    orderBy: [{ firedAt: "desc" }, { id: "asc" }],
    take: query.limit,
  });
  return rows.map(toAlertView);
}

/** The last resolved alert of each rule and region since `since`, for flap suppression after a restart. */
export async function listRecentlyResolvedAlerts(
  prisma: PrismaClient,
  since: number,
): Promise<Array<{ id: string; ruleId: string; region: RegionId; resolvedAt: number }>> {
  const rows = await prisma.alert.findMany({
    where: { state: "resolved", resolvedAt: { gte: new Date(since) } },
    orderBy: { resolvedAt: "asc" },
  });
  return rows.map((row) => ({ id: row.id, ruleId: row.ruleId, region: row.region as RegionId, resolvedAt: row.resolvedAt!.getTime() }));
}
