import { formatIst } from "@/core/alerts/alert-message";
import { getRegionConfig, type RegionId } from "@/core/routing/regions";
import { REGION_ACTION_WORDS, type RegionAction } from "@/core/routing/region-state";
import { listDrillTimelineEntries } from "@/core/drills/drills";
import type { TimelineEntry } from "@/core/timeline/timeline";
import type { PrismaClient } from "../db/generated/client";
import { toDrillRecord } from "./drill-rows";

export interface TimelineQuery {
  from: number;
  to: number;
  region?: RegionId | undefined;
  limit: number;
  /** The present: a drill whose time is up by then has ended. */
  now: number;
}

/**
 * Successful actions shown as "audit" entries. Acknowledgements, silences, region changes, drills and
 * real replays already appear with their actor; sign-ins, dry runs and cost scenarios are no incident's story.
 */
export const TIMELINE_AUDIT_ACTIONS = [
  "alert-rule.create",
  "alert-rule.update",
  "alert-rule.delete",
  "user.create",
  "user.update",
  "user.delete",
] as const;

/**
 * One evening's incident timeline from Postgres, newest first: alert transitions (not delivery
 * attempts, which stay on the alert), region changes, dead-letter replays, silences, drills' starts
 * and ends, and the audit entries of TIMELINE_AUDIT_ACTIONS (which name no region, so a region
 * filter keeps them, like replays).
 */
export async function listTimeline(prisma: PrismaClient, query: TimelineQuery): Promise<TimelineEntry[]> {
  const at = { gte: new Date(query.from), lt: new Date(query.to) };
  const region = query.region;
  const [transitions, changes, replays, silences, audits, drills] = await Promise.all([
    prisma.alertTransition.findMany({
      where: {
        at,
        kind: { in: ["fired", "severity", "acknowledged", "escalated", "resolved", "reopened"] },
        ...(region ? { alert: { region } } : {}),
      },
      include: { alert: { include: { rule: true } } },
      orderBy: { at: "desc" },
      take: query.limit,
    }),
    prisma.regionChange.findMany({ where: { at, ...(region ? { region } : {}) }, orderBy: { at: "desc" }, take: query.limit }),
    // A replay names no single region; with a region filter only its own are not known, so all are shown.
    prisma.replayJob.findMany({ where: { requestedAt: at }, orderBy: { requestedAt: "desc" }, take: query.limit }),
    prisma.silence.findMany({
      where: { startsAt: at, ...(region ? { OR: [{ region }, { region: null }] } : {}) },
      orderBy: { startsAt: "desc" },
      take: query.limit,
    }),
    prisma.auditEntry.findMany({
      where: { at, outcome: "ok", action: { in: [...TIMELINE_AUDIT_ACTIONS] } },
      orderBy: { at: "desc" },
      take: query.limit,
    }),
    // Started, stopped or run out in the range; a drill on every region belongs to each region's story.
    prisma.drill.findMany({
      where: {
        OR: [
          { startedAt: at },
          { endedAt: at },
          { endedAt: null, endsAt: { gte: at.gte, lt: new Date(Math.min(query.to, query.now + 1)) } },
        ],
        ...(region ? { AND: [{ OR: [{ region }, { region: null }] }] } : {}),
      },
      orderBy: { startedAt: "desc" },
      take: query.limit,
    }),
  ]);
  const entries: TimelineEntry[] = [
    ...transitions.map((t) => ({
      at: t.at.getTime(),
      kind: "alert" as const,
      action: t.kind,
      region: t.alert.region as RegionId,
      title: `${t.alert.rule.name} ${t.kind}`,
      detail: t.note,
      actor: t.actor,
      alertId: t.alertId,
    })),
    ...changes.map((c) => ({
      at: c.at.getTime(),
      kind: "region" as const,
      action: c.action,
      region: c.region as RegionId,
      title: `${getRegionConfig(c.region as RegionId).name} ${REGION_ACTION_WORDS[c.action as RegionAction] ?? c.action} (${c.mode})`,
      detail: c.reason,
      actor: c.actor,
      alertId: null,
    })),
    ...replays.map((r) => ({
      at: r.requestedAt.getTime(),
      kind: "replay" as const,
      action: "replay",
      region: null,
      title: `Dead-letter replay of ${r.total} entr${r.total === 1 ? "y" : "ies"}${r.state === "done" ? "" : ` (${r.state}, ${r.processed} of ${r.total} handled)`}`,
      detail: `${r.requeued} requeued, ${r.refused} refused, ${r.invalid} invalid, ${r.missing} missing${r.error ? `; stopped: ${r.error}` : ""}`,
      actor: r.requestedBy,
      alertId: null,
    })),
    ...silences.map((s) => ({
      at: s.startsAt.getTime(),
      kind: "silence" as const,
      action: "silence",
      region: s.region as RegionId | null,
      title: `Silenced ${s.region ? getRegionConfig(s.region as RegionId).name : "every region"}${s.ruleId ? " for one rule" : ""} until ${formatIst(s.endsAt.getTime())}`,
      detail: s.reason,
      actor: s.createdBy,
      alertId: null,
    })),
    ...audits.map((a) => ({
      at: a.at.getTime(),
      kind: "audit" as const,
      action: a.action,
      region: null,
      title: `${a.action}${a.target ? ` ${a.target}` : ""}`,
      detail: a.detail,
      actor: a.actor,
      alertId: null,
    })),
    ...drills
      .flatMap((row) => listDrillTimelineEntries(toDrillRecord(row), query.now))
      .filter((entry) => entry.at >= query.from && entry.at < query.to),
  ];
  return entries.sort((a, b) => b.at - a.at).slice(0, query.limit);
}
