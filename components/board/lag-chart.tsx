"use client";

import { memo } from "react";
import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { METRIC_THRESHOLDS } from "@/core/metrics/thresholds";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCompact, formatInteger, formatSeconds } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "./charts.module.css";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_CONTENT_STYLE, TOOLTIP_LABEL_STYLE } from "./chart-theme";
import { useTimeAxis, type TimeChartProps } from "./time-axis";

const { warning: WARNING, critical: CRITICAL } = METRIC_THRESHOLDS.consumer_lag_messages;
const LAG_COLOR = "#3fd0c9";

function formatTooltip(value: unknown, name: unknown): string {
  if (typeof value !== "number") return "";
  return name === "oldest" ? formatSeconds(value) : `${formatInteger(value)} events`;
}

/** Events published and not yet consumed, over the chosen range, against the lag thresholds. */
export const LagChart = memo(function LagChart({ points, domain, loading, rangeLabel }: TimeChartProps) {
  const axis = useTimeAxis(domain);
  const latest = points.at(-1);
  // The threshold lines only enter the scale once lag comes near them, so a healthy backlog stays readable.
  const peak = points.reduce((max, point) => Math.max(max, point.lag), 0);
  const top = peak > WARNING / 2 ? Math.max(peak, WARNING) * 1.1 : Math.max(peak * 1.2, 10);
  const label = latest
    ? `Consumer lag, ${rangeLabel}; latest ${formatInteger(latest.lag)} events, oldest ${formatSeconds(latest.lagSeconds)}. Warning above ${formatInteger(WARNING)}, critical above ${formatInteger(CRITICAL)}.`
    : `Consumer lag, ${rangeLabel}: nothing measured in this range.`;

  return (
    <Panel
      fill
      title="Consumer lag"
      meta={`${latest ? `events behind · oldest ${formatSeconds(latest.lagSeconds)}` : "events behind"} · ${axis.zoneLabel}`}
    >
      <figure className={styles.chartFrame} data-testid="chart-lag" aria-label={label} aria-busy={loading || undefined}>
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
              <XAxis {...axis.axisProps} />
              <YAxis
                domain={[0, top]}
                tickFormatter={(value: number) => formatCompact(value)}
                tick={AXIS_TICK}
                stroke={CHART_COLORS.axisLine}
                width={48}
                allowDecimals={false}
              />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={axis.formatLabel}
                formatter={formatTooltip}
                contentStyle={TOOLTIP_CONTENT_STYLE}
                labelStyle={TOOLTIP_LABEL_STYLE}
              />
              {/* Both labels hang under their lines (Recharts' "insideTop"), warning at the left and critical at the right:
                  close lines on a short chart never overprint them, and nothing is pushed above the plot. */}
              <ReferenceLine
                y={WARNING}
                ifOverflow="hidden"
                stroke={CHART_COLORS.warning}
                strokeDasharray="6 4"
                label={{ value: `${formatCompact(WARNING)} warning`, position: "insideTopLeft", fill: CHART_COLORS.warning, fontSize: 11 }}
              />
              <ReferenceLine
                y={CRITICAL}
                ifOverflow="hidden"
                stroke={CHART_COLORS.critical}
                strokeDasharray="6 4"
                label={{
                  value: `${formatCompact(CRITICAL)} critical`,
                  position: "insideTopRight",
                  fill: CHART_COLORS.critical,
                  fontSize: 11,
                }}
              />
              <Area
                dataKey="lag"
                name="behind"
                type="linear"
                stroke={LAG_COLOR}
                fill={LAG_COLOR}
                fillOpacity={0.25}
                strokeWidth={1.5}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            </AreaChart>
            {latest ? null : (
              <EmptyState title="Nothing measured in this range" detail="The backlog between ingest and the workers shows here." />
            )}
          </>
        )}
      </figure>
    </Panel>
  );
});
