"use client";

import { memo, useMemo, useState, type CSSProperties } from "react";
import { Area, AreaChart, CartesianGrid, ReferenceDot, Tooltip, XAxis, YAxis } from "recharts";
import { REGIONS } from "@/core/routing/regions";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCompact, formatRate } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "./charts.module.css";
import controls from "./time-controls.module.css";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_CONTENT_STYLE, TOOLTIP_LABEL_STYLE } from "./chart-theme";
import { ClippedMark } from "./clipped-mark";
import { REGION_COLORS } from "./region-colors";
import { fitValueScale, SPIKE_FACTOR, TYPICAL_QUANTILE, type ValueScale } from "./throughput-scale";
import { useTimeAxis, type TimeChartProps } from "./time-axis";
import { hasTraffic, type SeriesPoint } from "./time-series";

const FIT_TITLE =
  `Clip spikes: the axis reaches the highest point within ${SPIKE_FACTOR}× the range's ` +
  `${TYPICAL_QUANTILE * 100}th percentile (by time), so a burst of a few seconds does not flatten the rest; ` +
  "points above are drawn to the top edge and marked ▲ with their true value.";

interface TooltipEntry {
  dataKey?: unknown;
  name?: unknown;
  value?: unknown;
  color?: string;
  payload?: SeriesPoint;
}

function ThroughputTooltip({
  active,
  payload,
  label,
  top,
  formatLabel,
}: {
  active?: boolean;
  payload?: TooltipEntry[];
  label?: unknown;
  top: number;
  formatLabel: (value: unknown) => string;
}) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div style={TOOLTIP_CONTENT_STYLE}>
      <p style={TOOLTIP_LABEL_STYLE}>{formatLabel(label)}</p>
      <p className={controls.tooltipTotal}>
        total {formatRate(point.total)}
        {point.total > top ? <span className={controls.tooltipClipped}> ▲ above the axis</span> : null}
      </p>
      <ul className={controls.tooltipRows}>
        {(payload ?? []).map((entry) => (
          <li key={String(entry.dataKey)} style={{ color: entry.color }}>
            {String(entry.name)}: {typeof entry.value === "number" ? formatRate(entry.value) : "—"}
          </li>
        ))}
      </ul>
    </div>
  );
}

function describeThroughput(points: readonly SeriesPoint[], rangeLabel: string, scale: ValueScale | null): string {
  if (!hasTraffic(points)) return `Throughput by region, ${rangeLabel}: no traffic in this range.`;
  const clipped = scale && scale.clipped.length > 0 ? ` ${scale.clipped.length} points above ${formatRate(scale.top)} are clipped.` : "";
  return `Throughput by region, ${rangeLabel}, stacked; latest total ${formatRate(points.at(-1)?.total ?? 0)}.${clipped}`;
}

/** Events/s per region over the chosen range, stacked so the top edge is the platform total. */
export const ThroughputChart = memo(function ThroughputChart({
  points,
  domain,
  loading,
  rangeLabel,
  interactive,
}: TimeChartProps & { interactive: boolean }) {
  const [fit, setFit] = useState(true);
  const axis = useTimeAxis(domain);
  const scale = useMemo(
    () =>
      fitValueScale(
        points.map((p) => ({ t: p.t, value: p.total, spanMs: p.spanMs })),
        fit,
      ),
    [points, fit],
  );
  const empty = !hasTraffic(points);
  const top = scale?.top ?? 0;

  return (
    <Panel
      fill
      title="Throughput"
      meta={
        <>
          events/s by region · {axis.zoneLabel}{" "}
          {interactive ? (
            <button
              type="button"
              className={controls.toggle}
              aria-pressed={fit}
              title={FIT_TITLE}
              data-testid="throughput-fit"
              onClick={() => setFit((on) => !on)}
            >
              Clip spikes
            </button>
          ) : null}
        </>
      }
    >
      <figure
        className={styles.chartFrame}
        data-testid="chart-throughput"
        data-axis-top={scale?.top}
        aria-label={describeThroughput(points, rangeLabel, scale)}
        aria-busy={loading || undefined}
      >
        {loading || !domain ? (
          <Skeleton block />
        ) : (
          <>
            <AreaChart
              className={styles.chart}
              style={{ width: "100%", height: "100%" }}
              responsive
              data={points}
              margin={{ top: 10, right: 8, bottom: 0, left: 0 }}
            >
              <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
              <XAxis {...axis.axisProps} />
              <YAxis
                domain={scale ? [0, scale.top] : [0, "auto"]}
                ticks={scale?.ticks}
                allowDataOverflow
                tickFormatter={(value: number) => formatCompact(value)}
                tick={AXIS_TICK}
                stroke={CHART_COLORS.axisLine}
                width={48}
                allowDecimals={false}
              />
              <Tooltip isAnimationActive={false} content={<ThroughputTooltip top={top} formatLabel={axis.formatLabel} />} />
              {REGIONS.map((region) => (
                <Area
                  key={region.id}
                  dataKey={region.id}
                  name={region.name}
                  stackId="regions"
                  type="linear"
                  stroke={REGION_COLORS[region.id]}
                  fill={REGION_COLORS[region.id]}
                  fillOpacity={0.35}
                  strokeWidth={1.5}
                  dot={false}
                  activeDot={false}
                  isAnimationActive={false}
                />
              ))}
              {scale?.clipped.map((point) => (
                <ReferenceDot
                  key={point.t}
                  x={point.t}
                  y={top}
                  ifOverflow="hidden"
                  shape={(props: { cx?: number; cy?: number }) => (
                    <ClippedMark {...props} value={point.value} t={point.t} unit="events/s" testId="throughput-clipped" />
                  )}
                />
              ))}
            </AreaChart>
            {empty ? <EmptyState title="No traffic in this range" detail="Events per second appear here as viewers arrive." /> : null}
          </>
        )}
      </figure>
      <ul className={styles.legend} aria-label="Region colours">
        {REGIONS.map((region) => (
          <li key={region.id} className={styles.legendItem}>
            <span aria-hidden="true" className={styles.swatch} style={{ "--swatch": REGION_COLORS[region.id] } as CSSProperties} />
            {region.name}
          </li>
        ))}
      </ul>
    </Panel>
  );
});
