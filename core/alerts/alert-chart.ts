/** An alert's drill-down: its metric from a little before it fired to now (or a little after it resolved), from the history rollups. */
import { readRollupMetric } from "../metrics/read-region-metric";
import type { HistoryRollup } from "../metrics/snapshot";
import type { MetricName } from "../metrics/thresholds";
import type { RegionId } from "../routing/regions";
import type { AlertView } from "./alert-rules";

/** The longest span GET /api/history answers. */
export const MAX_ALERT_CHART_MS = 24 * 60 * 60 * 1000;
/** Context around the alert's life: at least this before the window that fired it, and this after it resolved. */
const ALERT_CHART_MARGIN_MS = 60_000;

/**
 * The span to chart: from the start of the window that fired it, less a minute (two minutes at
 * least), to now, or a minute after it resolved; at most the last 24 hours of that.
 */
export function planAlertChartRange(
  alert: Pick<AlertView, "firedAt" | "resolvedAt" | "windowSeconds">,
  now: number,
): { from: number; to: number } {
  const lead = Math.max(2 * ALERT_CHART_MARGIN_MS, alert.windowSeconds * 1000 + ALERT_CHART_MARGIN_MS);
  const to = alert.resolvedAt === null ? now : Math.min(now, alert.resolvedAt + ALERT_CHART_MARGIN_MS);
  const from = Math.max(alert.firedAt - lead, to - MAX_ALERT_CHART_MS);
  return from < to ? { from, to } : { from: to - lead, to };
}

export interface AlertChartPoint {
  /** The rollup bucket's start, epoch ms. */
  t: number;
  /** null where the bucket measured nothing (no traffic), so the line breaks there. */
  value: number | null;
}

/** The region's rollups as points of the alert's metric, oldest first. */
export function buildAlertChartPoints(rollups: readonly HistoryRollup[], metric: MetricName, region: RegionId): AlertChartPoint[] {
  return rollups
    .filter((rollup) => rollup.region === region)
    .map((rollup) => ({ t: rollup.bucketStart, value: readRollupMetric(metric, rollup) }))
    .sort((a, b) => a.t - b.t);
}

const TICK_STEPS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360].map((minutes) => minutes * 60_000);

/** Time ticks on whole steps (1 minute to 6 hours) inside [from, to], the smallest step that gives at most `most` of them. */
export function computeAlertChartTicks(from: number, to: number, most = 7): number[] {
  const step = TICK_STEPS_MS.find((s) => Math.floor(to / s) - Math.ceil(from / s) + 1 <= most) ?? TICK_STEPS_MS.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

const NICE_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or above a positive `value`. */
function ceilNice(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return NICE_STEPS.map((step) => Number((step * power).toPrecision(12))).find((nice) => nice >= value) ?? 10 * power;
}

/**
 * A value axis that holds every point and both threshold lines, from zero unless a value is
 * negative, to a round number at least a tenth above the highest.
 */
export function computeAlertChartDomain(
  points: readonly AlertChartPoint[],
  lines: { warning: number; critical: number },
): [number, number] {
  const values = [lines.warning, lines.critical, ...points.flatMap((p) => (p.value === null ? [] : [p.value]))];
  const low = Math.min(0, ...values);
  const high = Math.max(...values);
  return [low, high > 0 ? ceilNice(high * 1.1) : low === high ? low + 1 : 0];
}
