import { z } from "zod";
import { alertViewSchema, type AlertView } from "@/core/alerts/alert-rules";
import type { RegionId } from "@/core/routing/regions";
import { timelineSchema, type TimelineEntry } from "@/core/timeline/timeline";
import { fetchJson } from "@/components/ui/api-client";

const alertListSchema = z.object({ alerts: z.array(alertViewSchema) });

/** GET /api/alerts?region=&to=: a region's alerts that fired before `to` (null: up to now), newest first. */
export function fetchRegionAlerts(region: RegionId, to: number | null, signal: AbortSignal): Promise<{ alerts: AlertView[] }> {
  const params = new URLSearchParams({ region, limit: "200" });
  if (to !== null) params.set("to", String(Math.ceil(to)));
  return fetchJson("/api/alerts", `/api/alerts?${params}`, alertListSchema, signal);
}

/** GET /api/timeline?region=&from=&to=: a region's timeline entries in [from, to), newest first. */
export function fetchRegionTimeline(
  region: RegionId,
  from: number,
  to: number,
  signal: AbortSignal,
): Promise<{ entries: TimelineEntry[] }> {
  const params = new URLSearchParams({ region, from: String(Math.floor(from)), to: String(Math.ceil(to)), limit: "500" });
  return fetchJson("/api/timeline", `/api/timeline?${params}`, timelineSchema, signal);
}
