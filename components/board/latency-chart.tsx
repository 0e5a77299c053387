"use client";

import { memo, useMemo, type CSSProperties } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { METRIC_THRESHOLDS } from "@/core/metrics/thresholds";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMs } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "./charts.module.css";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_CONTENT_STYLE, TOOLTIP_LABEL_STYLE } from "./chart-theme";
import { useTimeAxis, type TimeChartProps } from "./time-axis";
import type { SeriesPoint } from "./time-series";

const { warning: WARNING_MS, critical: CRITICAL_MS } = METRIC_THRESHOLDS.processing_latency_ms;

const SERIES = [
  { key: "p50", name: "p50", color: CHART_COLORS.p50, width: 1.5 },
  { key: "p95", name: "p95", color: CHART_COLORS.p95, width: 2 },
  { key: "p99", name: "p99", color: CHART_COLORS.p99, width: 1.5 },
] as const;

function formatTooltipMs(value: unknown): string {
  return typeof value === "number" ? formatMs(value) : "";
}

function formatAxisMs(value: number): string {
  return `${value} ms`;
}

const MIN_AXIS_MS = 0.01;

function keepPositive(value: number | null): number | null {
  return value === null ? null : Math.max(value, MIN_AXIS_MS);
}

function convertToLatencyPoint(point: SeriesPoint): LatencyPoint {
  return { t: point.t, p50: keepPositive(point.p50), p95: keepPositive(point.p95), p99: keepPositive(point.p99) };
}

function describeLatency(latest: SeriesPoint | undefined, rangeLabel: string): string {
  if (!latest) return `Overall latency, ${rangeLabel}: no traffic in this range.`;
  const p50 = formatMs(latest.p50 ?? Number.NaN);
  const p95 = formatMs(latest.p95 ?? Number.NaN);
  const p99 = formatMs(latest.p99 ?? Number.NaN);
  return (
    `Overall latency, ${rangeLabel}, on a log scale; latest p50 ${p50}, p95 ${p95}, p99 ${p99}. ` +
    `Warning at ${WARNING_MS} ms, critical at ${CRITICAL_MS} ms.`
  );
}

/**
 * A log axis from the power of ten below the fastest p50 to the one above max(p99, critical line):
 * healthy sub-10 ms latency stays readable while the 200 and 500 ms lines stay on the chart.
 */
function computeLogScale(points: readonly LatencyPoint[]): { domain: [number, number]; ticks: number[] } {
  let min = Number.POSITIVE_INFINITY;
  let max = CRITICAL_MS * 1.2;
  for (const point of points) {
    if (point.p50 !== null) min = Math.min(min, point.p50);
    if (point.p99 !== null) max = Math.max(max, point.p99);
  }
  // At least a factor of two below the fastest p50, so its line never sits on the axis.
  const lowerExponent = Number.isFinite(min) ? Math.floor(Math.log10(min / 2)) : 0;
  const upperExponent = Math.ceil(Math.log10(max));
  const ticks: number[] = [];
  for (let exponent = lowerExponent; exponent <= upperExponent; exponent++) {
    ticks.push(Number((10 ** exponent).toPrecision(1)));
  }
  return { domain: [ticks[0] ?? 1, ticks.at(-1) ?? 1000], ticks };
}

interface LatencyPoint {
  t: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** Platform p50/p95/p99 over the chosen range against the 200 ms warning and 500 ms critical lines. */
export const LatencyChart = memo(function LatencyChart({ points, domain, loading, rangeLabel }: TimeChartProps) {
  const axis = useTimeAxis(domain);
  const data = useMemo(() => points.map(convertToLatencyPoint), [points]);
  const scale = useMemo(() => computeLogScale(data), [data]);
  const latest = points.findLast((point) => point.p95 !== null);
  const empty = latest === undefined;
  const label = describeLatency(latest, rangeLabel);

  return (
    <Panel fill title="Latency" meta={`overall p50 / p95 / p99 · log scale · ${axis.zoneLabel}`}>
      <figure className={styles.chartFrame} data-testid="chart-latency" aria-label={label} aria-busy={loading || undefined}>
        {loading || !domain ? (
          <Skeleton block />
        ) : (
          <>
            <LineChart
              className={styles.chart}
              style={{ width: "100%", height: "100%" }}
              responsive
              data={data}
              margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
            >
              <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
              <XAxis {...axis.axisProps} />
              <YAxis
                scale="log"
                domain={scale.domain}
                ticks={scale.ticks}
                allowDataOverflow
                tickFormatter={formatAxisMs}
                tick={AXIS_TICK}
                stroke={CHART_COLORS.axisLine}
                width={62}
              />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={axis.formatLabel}
                formatter={formatTooltipMs}
                contentStyle={TOOLTIP_CONTENT_STYLE}
                labelStyle={TOOLTIP_LABEL_STYLE}
              />
              {/* Both labels hang under their lines (Recharts' "insideTop"), warning at the left and critical at the right:
                  close lines on a short chart never overprint them, and nothing is pushed above the plot. */}
              <ReferenceLine
                y={WARNING_MS}
                ifOverflow="hidden"
                stroke={CHART_COLORS.warning}
                strokeDasharray="6 4"
                label={{ value: `${WARNING_MS} ms warning`, position: "insideTopLeft", fill: CHART_COLORS.warning, fontSize: 11 }}
              />
              <ReferenceLine
                y={CRITICAL_MS}
                ifOverflow="hidden"
                stroke={CHART_COLORS.critical}
                strokeDasharray="6 4"
                label={{ value: `${CRITICAL_MS} ms critical`, position: "insideTopRight", fill: CHART_COLORS.critical, fontSize: 11 }}
              />
              {SERIES.map((series) => (
                <Line
                  key={series.key}
                  dataKey={series.key}
                  name={series.name}
                  type="linear"
                  stroke={series.color}
                  strokeWidth={series.width}
                  dot={false}
                  activeDot={false}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              ))}
            </LineChart>
            {empty ? <EmptyState title="No traffic in this range" detail="Latency percentiles appear once events are processed." /> : null}
          </>
        )}
      </figure>
      <ul className={styles.legend} aria-label="Latency series">
        {SERIES.map((series) => (
          <li key={series.key} className={styles.legendItem}>
            <span aria-hidden="true" className={styles.swatchLine} style={{ "--swatch": series.color } as CSSProperties} />
            {series.name}
          </li>
        ))}
        <li className={styles.legendItem}>
          <span aria-hidden="true" className={styles.swatchDashed} style={{ "--swatch": CHART_COLORS.warning } as CSSProperties} />
          warning {WARNING_MS} ms
        </li>
        <li className={styles.legendItem}>
          <span aria-hidden="true" className={styles.swatchDashed} style={{ "--swatch": CHART_COLORS.critical } as CSSProperties} />
          critical {CRITICAL_MS} ms
        </li>
      </ul>
    </Panel>
  );
});
