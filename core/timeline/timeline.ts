/**
 * The incident timeline and an alert's own history as the API returns them, so the server and the
 * pages share one shape.
 */
import { z } from "zod";
import { REGION_IDS } from "../routing/regions";

export const TIMELINE_KINDS = ["alert", "region", "replay", "silence", "drill", "audit"] as const;

export const timelineEntrySchema = z.object({
  at: z.number(),
  /**
   * alert (a state change of an alert), region (failover, failback, breaker), replay, silence,
   * drill (started, stopped or run out), audit (a signed-in person's change that has no row of its own: rules, users).
   */
  kind: z.enum(TIMELINE_KINDS),
  /** What happened, in a word: fired, acknowledged, escalated, resolved, failover, breaker_trip, replay, drill_start… */
  action: z.string(),
  region: z.enum(REGION_IDS).nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  actor: z.string().nullable(),
  /** The alert an alert entry belongs to, for linking. */
  alertId: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineSchema = z.object({ entries: z.array(timelineEntrySchema) });

/** One step of an alert's life: a state change or a notification attempt. */
export const alertHistoryEntrySchema = z.object({
  kind: z.string(),
  at: z.number(),
  actor: z.string().nullable(),
  note: z.string().nullable(),
  value: z.number().nullable(),
});
export type AlertHistoryEntry = z.infer<typeof alertHistoryEntrySchema>;
