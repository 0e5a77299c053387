import { runningDrillSchema, type RunningDrill } from "@/core/drills/drill-api";
import type { DrillRecord } from "@/core/drills/drills";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { DrillStore } from "../workers/drill-control";

export type DrillRow = Prisma.DrillGetPayload<object>;

/** A stored drill read back through the wire schema, so a bad row is named, never run. */
export function toDrillRecord(row: DrillRow): DrillRecord {
  const parsed = runningDrillSchema.safeParse({
    id: row.id,
    component: row.component,
    region: row.region ?? undefined,
    errorMessage: row.errorMessage,
    rate: row.rate,
    durationSeconds: row.durationSeconds,
    eventIdPrefix: row.eventIdPrefix ?? undefined,
    startedAt: row.startedAt.getTime(),
    endsAt: row.endsAt.getTime(),
    startedBy: row.startedBy,
    injected: row.injected,
  });
  if (!parsed.success) throw new AppError("internal", `Drill ${row.id} in the database is invalid: ${parsed.error.issues[0]?.message}`);
  const { region, eventIdPrefix, ...rest } = parsed.data;
  return {
    ...rest,
    ...(region === undefined ? {} : { region }),
    ...(eventIdPrefix === undefined ? {} : { eventIdPrefix }),
    endedAt: row.endedAt?.getTime() ?? null,
    endedBy: row.endedBy,
  };
}

/** Records a drill as it starts. */
async function saveDrillStart(prisma: PrismaClient, drill: RunningDrill): Promise<void> {
  await prisma.drill.create({
    data: {
      id: drill.id,
      component: drill.component,
      region: drill.region ?? null,
      errorMessage: drill.errorMessage,
      rate: drill.rate,
      durationSeconds: drill.durationSeconds,
      eventIdPrefix: drill.eventIdPrefix ?? null,
      startedAt: new Date(drill.startedAt),
      startedBy: drill.startedBy,
      endsAt: new Date(drill.endsAt),
    },
  });
}

/** Records that `by` stopped these drills at `at`; one already stopped keeps its first stop. */
async function saveDrillStop(prisma: PrismaClient, ids: readonly string[], at: number, by: string | null): Promise<void> {
  if (ids.length === 0) return;
  await prisma.drill.updateMany({ where: { id: { in: [...ids] }, endedAt: null }, data: { endedAt: new Date(at), endedBy: by } });
}

/** Adds failures this process injected to each drill's total. */
async function addDrillFailures(prisma: PrismaClient, counts: ReadonlyArray<{ id: string; count: number }>): Promise<void> {
  await Promise.all(counts.map(({ id, count }) => prisma.drill.updateMany({ where: { id }, data: { injected: { increment: count } } })));
}

/** Drills whose time is not up at `now`, stopped ones included (so a process running one learns it was stopped). */
export async function listCurrentDrills(prisma: PrismaClient, now: number): Promise<DrillRecord[]> {
  const rows = await prisma.drill.findMany({ where: { endsAt: { gt: new Date(now) } }, orderBy: { startedAt: "asc" } });
  return rows.map(toDrillRecord);
}

/** The drills table as the drill control uses it. */
export function createDrillStore(prisma: PrismaClient): DrillStore {
  return {
    saveStart: (drill) => saveDrillStart(prisma, drill),
    saveStop: (ids, at, by) => saveDrillStop(prisma, ids, at, by),
    addFailures: (counts) => addDrillFailures(prisma, counts),
    listCurrent: (now) => listCurrentDrills(prisma, now),
  };
}
