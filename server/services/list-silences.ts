import type { Silence } from "@/core/alerts/alert-rules";
import type { RegionId } from "@/core/routing/regions";
import type { PrismaClient } from "../db/generated/client";

/** Silences that have not ended by `now`, soonest end first. */
export async function listSilences(prisma: PrismaClient, now: number): Promise<Silence[]> {
  const rows = await prisma.silence.findMany({ where: { endsAt: { gt: new Date(now) } }, orderBy: { endsAt: "asc" } });
  return rows.map((row) => ({
    id: row.id,
    ruleId: row.ruleId,
    region: row.region as RegionId | null,
    reason: row.reason,
    createdBy: row.createdBy,
    startsAt: row.startsAt.getTime(),
    endsAt: row.endsAt.getTime(),
  }));
}
