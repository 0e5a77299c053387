import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import type { HistoryRollup, Snapshot } from "@/core/metrics/snapshot";

export const SERIES_WINDOW_MS = 15 * 60_000;
export const SERIES_MAX_POINTS = 1000;

/**
 * One moment on the time charts: events/s per region and overall latency. `t` is when the measured
 * window ends; `spanMs` is how long it covers (1 s for live points, a bucket for history).
 * Latency is null when nothing was measured, so the chart leaves a gap instead of drawing a false 0 ms.
 */
export type SeriesPoint = {
  t: number;
  spanMs: number;
  total: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Consumer lag over all regions: events behind, and the oldest unconsumed event's age (worst region). */
  lag: number;
  lagSeconds: number;
} & Record<RegionId, number>;

type RegionRates = Record<RegionId, number>;

function createZeroRates(): RegionRates {
  const rates = {} as RegionRates;
  for (const id of REGION_IDS) rates[id] = 0;
  return rates;
}

function sumRates(rates: RegionRates): number {
  let total = 0;
  for (const id of REGION_IDS) total += rates[id];
  return total;
}

/** The live point of one snapshot. */
export function convertSnapshotToPoint(snapshot: Snapshot): SeriesPoint {
  const rates = createZeroRates();
  let lag = 0;
  let lagSeconds = 0;
  for (const region of snapshot.regions) {
    rates[region.id] = region.eventsPerSecond;
    lag += region.lag.messages;
    lagSeconds = Math.max(lagSeconds, region.lag.seconds);
  }
  const measured = snapshot.totals.eventsPerSecond > 0;
  const { p50, p95, p99 } = snapshot.overall.latencyMs;
  return {
    t: snapshot.at,
    spanMs: 1000,
    ...rates,
    total: snapshot.totals.eventsPerSecond,
    p50: measured ? p50 : null,
    p95: measured ? p95 : null,
    p99: measured ? p99 : null,
    lag,
    lagSeconds,
  };
}

/**
 * One point per history bucket of `stepMs` (the answer's stepSeconds), at the bucket's end: region
 * rates from the per-region rollups, latency and lag from "all".
 */
export function convertRollupsToPoints(rollups: readonly HistoryRollup[], stepMs: number): SeriesPoint[] {
  const buckets = new Map<number, { rates: RegionRates; overall: HistoryRollup | null }>();
  for (const rollup of rollups) {
    let bucket = buckets.get(rollup.bucketStart);
    if (!bucket) {
      bucket = { rates: createZeroRates(), overall: null };
      buckets.set(rollup.bucketStart, bucket);
    }
    if (rollup.region === "all") bucket.overall = rollup;
    else bucket.rates[rollup.region] = rollup.eventsPerSecond;
  }
  const bucketStarts = [...buckets.keys()].sort((a, b) => a - b);
  const points: SeriesPoint[] = [];
  for (const bucketStart of bucketStarts) {
    const bucket = buckets.get(bucketStart);
    if (!bucket) continue;
    const { rates, overall } = bucket;
    const measured = overall !== null && overall.events > 0;
    points.push({
      t: bucketStart + stepMs,
      spanMs: stepMs,
      ...rates,
      total: overall?.eventsPerSecond ?? sumRates(rates),
      p50: measured ? overall.latencyMs.p50 : null,
      p95: measured ? overall.latencyMs.p95 : null,
      p99: measured ? overall.latencyMs.p99 : null,
      lag: overall?.lag.messages ?? 0,
      lagSeconds: overall?.lag.seconds ?? 0,
    });
  }
  return points;
}

/** Appends a live point in time order, dropping points older than the window and beyond the cap. */
export function appendLivePoint(points: readonly SeriesPoint[], point: SeriesPoint): readonly SeriesPoint[] {
  const last = points.at(-1);
  if (last && point.t <= last.t) return points;
  return trimSeries([...points, point], point.t);
}

/** Keeps the points inside [now - windowMs, ∞) and at most the newest SERIES_MAX_POINTS. */
export function trimSeries(points: readonly SeriesPoint[], now: number, windowMs = SERIES_WINDOW_MS): readonly SeriesPoint[] {
  const from = now - windowMs;
  let start = 0;
  while (start < points.length && (points[start]?.t ?? 0) < from) start++;
  start = Math.max(start, points.length - SERIES_MAX_POINTS);
  return start === 0 ? points : points.slice(start);
}

function hasLivePointWithin(sortedLive: readonly SeriesPoint[], from: number, to: number): boolean {
  let low = 0;
  let high = sortedLive.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sortedLive[mid]?.t ?? 0) <= from) low = mid + 1;
    else high = mid;
  }
  const candidate = sortedLive[low];
  return candidate !== undefined && candidate.t <= to;
}

/**
 * Live points folded into buckets of `stepMs` aligned as history's are, so a 6-hour chart's last
 * minutes are drawn at its 60 s step, not as 1 s spikes: rates are averaged over the seconds
 * measured, latency and lag keep the worst. The newest bucket ends at its newest point.
 */
export function foldPoints(points: readonly SeriesPoint[], stepMs: number): SeriesPoint[] {
  const folded: SeriesPoint[] = [];
  let bucket: { start: number; point: SeriesPoint; measuredMs: number } | null = null;
  const close = () => {
    if (!bucket) return;
    const { point, measuredMs } = bucket;
    for (const id of REGION_IDS) point[id] /= measuredMs;
    point.total /= measuredMs;
    folded.push(point);
  };
  for (const point of points) {
    const start = Math.floor((point.t - point.spanMs) / stepMs) * stepMs;
    if (!bucket || bucket.start !== start) {
      close();
      bucket = { start, measuredMs: 0, point: createEmptyPoint(point.t) };
    }
    const target = bucket.point;
    bucket.measuredMs += point.spanMs;
    for (const id of REGION_IDS) target[id] += point[id] * point.spanMs;
    target.total += point.total * point.spanMs;
    target.p50 = maxOrNull(target.p50, point.p50);
    target.p95 = maxOrNull(target.p95, point.p95);
    target.p99 = maxOrNull(target.p99, point.p99);
    target.lag = Math.max(target.lag, point.lag);
    target.lagSeconds = Math.max(target.lagSeconds, point.lagSeconds);
    target.t = Math.min(start + stepMs, point.t);
    target.spanMs = target.t - start;
  }
  close();
  return folded;
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}

/**
 * History fills only the time live points do not cover (before the page opened, or while the socket
 * was down); where both exist the live points win. A window longer than the live points are kept for
 * is drawn at history's `stepMs`, the live points folded to it. The result is sorted and trimmed.
 */
export function mergeSeries(
  history: readonly SeriesPoint[],
  livePoints: readonly SeriesPoint[],
  now: number,
  { windowMs = SERIES_WINDOW_MS, stepMs = 0 }: { windowMs?: number; stepMs?: number } = {},
): readonly SeriesPoint[] {
  const live = windowMs > SERIES_WINDOW_MS && stepMs > 0 ? foldPoints(livePoints, stepMs) : livePoints;
  const merged: SeriesPoint[] = [];
  let liveIndex = 0;
  for (const point of history) {
    if (hasLivePointWithin(live, point.t - point.spanMs, point.t)) continue;
    for (let next = live[liveIndex]; next && next.t < point.t; next = live[++liveIndex]) merged.push(next);
    merged.push(point);
  }
  merged.push(...live.slice(liveIndex));
  return trimSeries(breakGaps(merged), now, windowMs);
}

/** A point that says "nothing measured here": no events, no latency. */
function createEmptyPoint(t: number): SeriesPoint {
  return { t, spanMs: 0, ...createZeroRates(), total: 0, p50: null, p95: null, p99: null, lag: 0, lagSeconds: 0 };
}

/**
 * Where nothing was measured for longer than a point's span (the server was down), the charts drop
 * to nothing instead of drawing a line across the outage as if traffic had gone on.
 */
export function breakGaps(points: readonly SeriesPoint[]): SeriesPoint[] {
  const result: SeriesPoint[] = [];
  for (const point of points) {
    const previous = result.at(-1);
    if (previous && point.t - point.spanMs - previous.t > Math.max(previous.spanMs, point.spanMs, 1000)) {
      result.push(createEmptyPoint(previous.t + 1), createEmptyPoint(point.t - point.spanMs));
    }
    result.push(point);
  }
  return result;
}

/** The series holds traffic worth charting. */
export function hasTraffic(points: readonly SeriesPoint[]): boolean {
  return points.some((point) => point.total > 0);
}
