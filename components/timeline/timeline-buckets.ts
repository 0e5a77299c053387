import { TIMELINE_KINDS, type TimelineEntry } from "@/core/timeline/timeline";

type Kind = (typeof TIMELINE_KINDS)[number];

export type TimelineBucket = { start: number } & Record<Kind, number>;

/** Buckets of `bucketMs` from `from` up to `to` (the last one may be partial), with each kind's entries counted. */
export function bucketTimeline(entries: readonly TimelineEntry[], from: number, to: number, bucketMs: number): TimelineBucket[] {
  const count = Math.max(1, Math.ceil((to - from) / bucketMs));
  const buckets: TimelineBucket[] = Array.from({ length: count }, (_, i) => ({
    start: from + i * bucketMs,
    alert: 0,
    region: 0,
    replay: 0,
    silence: 0,
    drill: 0,
    audit: 0,
  }));
  for (const entry of entries) {
    if (entry.at < from || entry.at >= to) continue;
    buckets[Math.floor((entry.at - from) / bucketMs)]![entry.kind] += 1;
  }
  return buckets;
}

/** A bucket size that keeps the chart to at most about 72 bars: 5, 10, 15, 30 or 60 minutes. */
export function chooseBucketMs(spanMs: number): number {
  const minute = 60_000;
  return [5, 10, 15, 30, 60].map((m) => m * minute).find((size) => spanMs / size <= 72) ?? 60 * minute;
}
