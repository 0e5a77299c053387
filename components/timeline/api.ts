import { timelineSchema, type TimelineEntry } from "@/core/timeline/timeline";
import { fetchJson } from "@/components/ui/api-client";

export const TIMELINE_QUERY_KEY = ["timeline"] as const;

/** The timeline of the last `hours`, for one region or all (empty string). */
export function fetchTimeline(region: string, hours: number, signal: AbortSignal): Promise<{ entries: TimelineEntry[] }> {
  const params = new URLSearchParams({ from: String(Date.now() - hours * 3_600_000), limit: "1000" });
  if (region) params.set("region", region);
  return fetchJson("/api/timeline", `/api/timeline?${params}`, timelineSchema, signal);
}
