import type { WireEvent } from "@/core/events/events";
import type { FailureSeverity } from "@/core/dlq/failures";
import type { RegionId } from "@/core/routing/regions";
import type { DeadLetter as DeadLetterRow, Prisma, PrismaClient } from "../db/generated/client";
import type { DeadLetterRecord } from "../workers/dead-letter";
import type { DrillComponent } from "@/core/drills/drill-api";

export interface DeadLetterQuery {
  region?: RegionId | undefined;
  severity?: FailureSeverity | undefined;
  component?: DrillComponent | undefined;
  /** Only these entries (a replay by ids). */
  ids?: readonly string[] | undefined;
  /** Only entries no replay has resolved yet. */
  unresolved?: boolean | undefined;
  /** Case-insensitive text in the event id or the error. */
  q?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  /** The last entry of the previous page: its dead-letter time and id. */
  after?: { at: number; id: string } | undefined;
  limit: number;
}

/** The Prisma condition for a query's filters and page boundary. */
function createDeadLetterWhere(query: Omit<DeadLetterQuery, "limit">): Prisma.DeadLetterWhereInput {
  return {
    ...(query.ids ? { id: { in: [...query.ids] } } : {}),
    ...(query.unresolved ? { resolvedAt: null } : {}),
    ...(query.region ? { region: query.region } : {}),
    ...(query.severity ? { severity: query.severity } : {}),
    ...(query.component ? { component: query.component } : {}),
    ...(query.q
      ? { OR: [{ eventId: { contains: query.q, mode: "insensitive" } }, { error: { contains: query.q, mode: "insensitive" } }] }
      : {}),
    deadLetteredAt: {
      ...(query.from !== undefined ? { gte: new Date(query.from) } : {}),
      ...(query.to !== undefined ? { lt: new Date(query.to) } : {}),
    },
    ...(query.after
      ? {
          AND: [
            {
              OR: [
                { deadLetteredAt: { lt: new Date(query.after.at) } },
                { deadLetteredAt: new Date(query.after.at), id: { lt: query.after.id } },
              ],
            },
          ],
        }
      : {}),
  };
}

/** Converts a stored row to the record the API and the engine share. */
export function convertDeadLetterRow(row: DeadLetterRow): DeadLetterRecord {
  return {
    id: row.id,
    eventId: row.eventId,
    region: row.region as RegionId,
    component: row.component as DrillComponent,
    severity: row.severity as FailureSeverity,
    error: row.error,
    retryCount: row.retryCount,
    event: row.event as unknown as WireEvent,
    firstFailedAt: row.firstFailedAt.getTime(),
    deadLetteredAt: row.deadLetteredAt.getTime(),
    replayCount: row.replayCount,
    lastReplayedAt: row.lastReplayedAt?.getTime() ?? null,
    resolvedAt: row.resolvedAt?.getTime() ?? null,
  };
}

/** Dead letters matching the filters, newest first, one page after `after`. */
export async function listDeadLetters(prisma: PrismaClient, query: DeadLetterQuery): Promise<DeadLetterRecord[]> {
  const rows = await prisma.deadLetter.findMany({
    where: createDeadLetterWhere(query),
    orderBy: [{ deadLetteredAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return rows.map(convertDeadLetterRow);
}

/** How many dead letters match the filters (a replay job's total before it starts). */
export async function countDeadLetters(prisma: PrismaClient, query: Omit<DeadLetterQuery, "limit" | "after">): Promise<number> {
  return prisma.deadLetter.count({ where: createDeadLetterWhere(query) });
}

/** One dead letter by id, or null. */
export async function getDeadLetter(prisma: PrismaClient, id: string): Promise<DeadLetterRecord | null> {
  const row = await prisma.deadLetter.findUnique({ where: { id } });
  return row ? convertDeadLetterRow(row) : null;
}
