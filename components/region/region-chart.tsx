"use client";

import { useMemo, type CSSProperties } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_CONTENT_STYLE, TOOLTIP_LABEL_STYLE } from "@/components/board/chart-theme";
import charts from "@/components/board/charts.module.css";
import { ClippedMark } from "@/components/board/clipped-mark";
import { fitValueScale } from "@/components/board/throughput-scale";
import { useTimeAxis } from "@/components/board/time-axis";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import type { RegionPoint } from "./region-series";
import styles from "./region-page.module.css";

type SeriesKey = Exclude<keyof RegionPoint, "t">;

interface RegionSeries {
  key: SeriesKey;
  name: string;
  color: string;
}

interface RegionChartProps {
  title: string;
  /** A short note beside the title: what the chart counts. */
  meta: string;
  /** The range shown, for the chart's description: "last 1 h". */
  rangeLabel: string;
  testId: string;
  points: readonly RegionPoint[];
  domain: [number, number];
  series: readonly RegionSeries[];
  /** line: one line a series; area: one filled series; stack: shares stacked to 100%. */
  kind: "line" | "area" | "stack";
  formatValue: (value: number) => string;
  /** The value axis's labels, when shorter than `formatValue`'s ("200 ms" for "200.0 ms"). */
  formatAxis?: (value: number) => string;
  /** Fit the axis to the range's typical values and mark clipped spikes (throughput-scale.ts); the first series only. */
  fit?: boolean;
  /** Warning and critical lines, drawn once the values come near them. */
  thresholds?: { warning: number; critical: number };
  loading: boolean;
}

function formatTooltipValue(format: (value: number) => string) {
  return (value: unknown) => (typeof value === "number" ? format(value) : "—");
}

/** One metric of a region's history over the chosen range, in the board's chart style. */
export function RegionChart({
  title,
  meta,
  rangeLabel,
  testId,
  points,
  domain,
  series,
  kind,
  formatValue,
  formatAxis = formatValue,
  fit,
  thresholds,
  loading,
}: RegionChartProps) {
  const axis = useTimeAxis(domain);
  const first = series[0]?.key;
  const scale = useMemo(() => {
    if (!fit || !first) return null;
    // Every bucket is one step long, so each counts the same.
    const values = points.flatMap((p) => {
      const value = p[first];
      return typeof value === "number" ? [{ t: p.t, value, spanMs: 1 }] : [];
    });
    return fitValueScale(values, true);
  }, [fit, first, points]);
  const peak = points.reduce((max, p) => Math.max(max, ...series.map((s) => p[s.key] ?? 0)), 0);
  const empty = !points.some((p) => series.some((s) => p[s.key] !== null));
  const latest = points.findLast((p) => first !== undefined && p[first] !== null);
  const describeLatest = (s: RegionSeries) => {
    const value = latest?.[s.key];
    return `${s.name} ${typeof value === "number" ? formatValue(value) : "—"}`;
  };
  const label = empty
    ? `${title}, ${rangeLabel}: nothing measured in this range.`
    : `${title}, ${rangeLabel}; latest ${series.map(describeLatest).join(", ")}.`;
  const yDomain: [number, number | "auto"] =
    kind === "stack"
      ? [0, 100]
      : scale
        ? [0, scale.top]
        : [0, thresholds && peak > thresholds.warning / 2 ? Math.max(peak, thresholds.warning) * 1.1 : "auto"];

  return (
    <Panel title={title} meta={meta}>
      <figure className={styles.chartFrame} data-testid={testId} aria-label={label} aria-busy={loading || undefined}>
        {loading ? (
          <Skeleton block />
        ) : (
          <>
            <ComposedChart
              className={charts.chart}
              style={{ width: "100%", height: "100%" }}
              responsive
              data={points}
              margin={{ top: 10, right: 8, bottom: 0, left: 0 }}
            >
              <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
              <XAxis {...axis.axisProps} />
              <YAxis
                domain={yDomain}
                ticks={kind === "stack" ? [0, 25, 50, 75, 100] : scale?.ticks}
                allowDataOverflow
                tickFormatter={formatAxis}
                tick={AXIS_TICK}
                stroke={CHART_COLORS.axisLine}
                width={64}
              />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={axis.formatLabel}
                formatter={formatTooltipValue(formatValue)}
                contentStyle={TOOLTIP_CONTENT_STYLE}
                labelStyle={TOOLTIP_LABEL_STYLE}
              />
              {thresholds ? (
                <>
                  <ReferenceLine y={thresholds.warning} ifOverflow="hidden" stroke={CHART_COLORS.warning} strokeDasharray="6 4" />
                  <ReferenceLine y={thresholds.critical} ifOverflow="hidden" stroke={CHART_COLORS.critical} strokeDasharray="6 4" />
                </>
              ) : null}
              {series.map((s) =>
                kind === "line" ? (
                  <Line
                    key={s.key}
                    dataKey={s.key}
                    name={s.name}
                    type="linear"
                    stroke={s.color}
                    strokeWidth={1.5}
                    dot={false}
                    activeDot={false}
                    isAnimationActive={false}
                    connectNulls={false}
                  />
                ) : (
                  <Area
                    key={s.key}
                    dataKey={s.key}
                    name={s.name}
                    type="linear"
                    stackId={kind === "stack" ? "shares" : undefined}
                    stroke={s.color}
                    fill={s.color}
                    fillOpacity={kind === "stack" ? 0.6 : 0.3}
                    strokeWidth={1.5}
                    dot={false}
                    activeDot={false}
                    isAnimationActive={false}
                    connectNulls={false}
                  />
                ),
              )}
              {scale?.clipped.map((point) => (
                <ReferenceDot
                  key={point.t}
                  x={point.t}
                  y={scale.top}
                  ifOverflow="hidden"
                  shape={(props: { cx?: number; cy?: number }) => (
                    <ClippedMark {...props} value={point.value} t={point.t} unit={series[0]?.name ?? ""} testId={`${testId}-clipped`} />
                  )}
                />
              ))}
            </ComposedChart>
            {empty ? (
              <EmptyState title="Nothing measured in this range" detail="This region had no traffic, or the server was down." />
            ) : null}
          </>
        )}
      </figure>
      {series.length > 1 ? (
        <ul className={charts.legend} aria-label={`${title} series`}>
          {series.map((s) => (
            <li key={s.key} className={charts.legendItem}>
              <span
                aria-hidden="true"
                className={kind === "line" ? charts.swatchLine : charts.swatch}
                style={{ "--swatch": s.color } as CSSProperties}
              />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
