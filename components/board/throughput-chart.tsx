"use client";

import { memo, useMemo, type CSSProperties } from "react";
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { REGIONS } from "@/core/routing/regions";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCompact, formatRate } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "./charts.module.css";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_CONTENT_STYLE, TOOLTIP_LABEL_STYLE } from "./chart-theme";
import { REGION_COLORS } from "./region-colors";
import { computeTimeTicks, createTimeAxisProps, formatTimeTick, type TimeChartProps } from "./time-axis";
import { hasTraffic } from "./time-series";

function formatTooltipRate(value: unknown): string {
  return typeof value === "number" ? formatRate(value) : "";
}

/** Events/s per region over the last 15 minutes, stacked so the top edge is the platform total. */
export const ThroughputChart = memo(function ThroughputChart({ points, domain, loading }: TimeChartProps) {
  const ticks = useMemo(() => (domain ? computeTimeTicks(domain[0], domain[1]) : []), [domain]);
  const latest = points.at(-1);
  const empty = !hasTraffic(points);
  const label = empty
    ? "Throughput by region over the last 15 minutes: no traffic yet."
    : `Throughput by region over the last 15 minutes, stacked; latest total ${formatRate(latest?.total ?? 0)}.`;

  return (
    <Panel fill title="Throughput" meta="events/s by region · last 15 min">
      <figure className={styles.chartFrame} data-testid="chart-throughput" aria-label={label} aria-busy={loading || undefined}>
        {loading || !domain ? (
          <Skeleton block />
        ) : (
          <>
            <AreaChart
              className={styles.chart}
              style={{ width: "100%", height: "100%" }}
              responsive
              data={points}
              margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
            >
              <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
              <XAxis {...createTimeAxisProps(domain, ticks)} />
              <YAxis
                tickFormatter={(value: number) => formatCompact(value)}
                tick={AXIS_TICK}
                stroke={CHART_COLORS.axisLine}
                width={48}
                allowDecimals={false}
              />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={formatTimeTick}
                formatter={formatTooltipRate}
                contentStyle={TOOLTIP_CONTENT_STYLE}
                labelStyle={TOOLTIP_LABEL_STYLE}
              />
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
            </AreaChart>
            {empty ? <EmptyState title="No traffic yet" detail="Events per second appear here as viewers arrive." /> : null}
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
