/** An alert's drill-down: its metric from a little before it fired to now (or a little after it resolved), from the history rollups. */
import { readRollupMetric } from "../metrics/read-region-metric";
import type { HistoryRollup } from "../metrics/snapshot";
import type { MetricName } from "../metrics/thresholds";
import type { RegionId } from "../routing/regions";
import type { AlertView } from "./alert-rules";

/** The longest span GET /api/history answers. */
export const MAX_ALERT_CHART_MS = 24 * 60 * 60 * 1000;
/** Context around the alert's life: at least this before the window that fired it, and this after it resolved. */
export const ALERT_CHART_MARGIN_MS = 60_000;

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
