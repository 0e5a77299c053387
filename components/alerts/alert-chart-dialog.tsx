"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useRef } from "react";
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import {
  buildAlertChartPoints,
  computeAlertChartDomain,
  computeAlertChartTicks,
  planAlertChartRange,
  type AlertChartPoint,
} from "@/core/alerts/alert-chart";
import type { AlertView } from "@/core/alerts/alert-rules";
import { HISTORY_METRICS } from "@/core/metrics/read-region-metric";
import { getRegionConfig } from "@/core/routing/regions";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_CONTENT_STYLE, TOOLTIP_LABEL_STYLE } from "@/components/board/chart-theme";
import { EmptyState } from "@/components/ui/empty-state";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { formatClockMinute, formatZonedClockTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { fetchRegionHistory } from "./api";
import { describeAlertLines, formatMetricValue } from "./alert-format";
import { METRIC_LABELS } from "./metric-labels";
import styles from "./alerts.module.css";

/** An open alert's chart follows it: about one new rollup each time. */
const LIVE_REFRESH_MS = 10_000;

interface AlertChartDialogProps {
  alert: AlertView;
  onClose: () => void;
}

interface ChartData {
  range: { from: number; to: number };
  points: AlertChartPoint[];
}

/**
 * The alert's metric over its life, from history rollups of its region: from a little before the
 * window that fired it to now (or a little after it resolved), with its warning and critical lines.
 * A modal dialog: Escape or Close shuts it and focus goes back where it was.
 */
export function AlertChartDialog({ alert, onClose }: AlertChartDialogProps) {
  const zone = useTimeZone();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const kept = HISTORY_METRICS.includes(alert.metric);
  const open = alert.resolvedAt === null;

  const chart = useQuery({
    queryKey: ["alerts", "chart", alert.id, alert.resolvedAt],
    queryFn: async ({ signal }): Promise<ChartData> => {
      const range = planAlertChartRange(alert, Date.now());
      const history = await fetchRegionHistory(alert.region, range.from, range.to, signal);
      return { range, points: buildAlertChartPoints(history.rollups, alert.metric, alert.region) };
    },
    enabled: kept,
    refetchInterval: open ? LIVE_REFRESH_MS : false,
    // The previous chart stays while the next span loads, so it never blanks out.
    placeholderData: keepPreviousData,
  });

  const region = getRegionConfig(alert.region).name;
  const metric = METRIC_LABELS[alert.metric];
  const format = (value: number) => formatMetricValue(alert.metric, value);
  const lifetime = `fired ${formatZonedClockTime(alert.firedAt, zone)}${alert.resolvedAt !== null ? `, resolved ${formatZonedClockTime(alert.resolvedAt, zone)}` : ", still open"}`;
  const peak = alert.peak ? `peak ${format(alert.peak.value)} at ${formatZonedClockTime(alert.peak.at, zone)}` : null;

  return (
    <ModalDialog
      ref={dialogRef}
      className={styles.chartDialog}
      data-testid="alert-chart-dialog"
      data-severity={alert.severity}
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <header className={styles.chartHeader}>
        <h2 id={titleId} className={styles.chartTitle}>
          {metric} in {region} · {alert.ruleName}
        </h2>
        <button type="button" className={styles.chartClose} aria-label="Close the chart" onClick={() => dialogRef.current?.close()}>
          ×
        </button>
      </header>
      <p className={styles.chartMeta}>
        {describeAlertLines(alert)} · {lifetime}
        {peak ? ` · ${peak}` : ""} · times in {zone.label}, from the region&apos;s history rollups
      </p>
      {kept ? (
        <ChartBody alert={alert} data={chart.data ?? null} error={chart.isError ? chart.error.message : null} format={format} />
      ) : (
        <EmptyState
          inline
          title={`History keeps no ${metric.toLowerCase()}`}
          detail={`Only the live sparkline on the board shows it, over the rule's last ${alert.windowSeconds} s.`}
        />
      )}
    </ModalDialog>
  );
}

interface ChartBodyProps {
  alert: AlertView;
  data: ChartData | null;
  error: string | null;
  format: (value: number) => string;
}

function ChartBody({ alert, data, error, format }: ChartBodyProps) {
  const zone = useTimeZone();
  const domain = useMemo(() => (data ? computeAlertChartDomain(data.points, alert) : null), [data, alert]);
  const ticks = useMemo(() => (data ? computeAlertChartTicks(data.range.from, data.range.to) : []), [data]);
  if (error !== null && data === null) {
    return (
      <p className={styles.chartError} role="alert">
        The history could not be loaded: {error}. Retrying shortly.
      </p>
    );
  }
  if (data === null || domain === null) {
    return (
      <div className={styles.chartFrame} aria-busy="true">
        <Skeleton block />
      </div>
    );
  }
  const measured = data.points.filter((p) => p.value !== null);
  const label =
    `${METRIC_LABELS[alert.metric]} in ${getRegionConfig(alert.region).name} from ${formatZonedClockTime(data.range.from, zone)} to ` +
    `${formatZonedClockTime(data.range.to, zone)}: ${measured.length} of ${data.points.length} history buckets measured; ${describeAlertLines(alert)}.`;
  const peakInView = alert.peak !== null && alert.peak.at >= data.range.from && alert.peak.at <= data.range.to ? alert.peak : null;
  return (
    <figure className={styles.chartFrame} data-testid="alert-chart" aria-label={label}>
      {measured.length === 0 ? (
        <EmptyState
          title="Nothing measured in this span yet"
          detail="History is written in rollups every few seconds; the first ones arrive shortly after an alert fires."
        />
      ) : null}
      <LineChart
        style={{ width: "100%", height: "100%" }}
        responsive
        data={data.points}
        margin={{ top: 16, right: 16, bottom: 0, left: 4 }}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[data.range.from, data.range.to]}
          ticks={ticks}
          tickFormatter={(value: number) => formatClockMinute(value, zone.timeZone)}
          allowDataOverflow
          tick={AXIS_TICK}
          stroke={CHART_COLORS.axisLine}
        />
        <YAxis domain={domain} allowDataOverflow tickFormatter={format} tick={AXIS_TICK} stroke={CHART_COLORS.axisLine} width={84} />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(value: unknown) => (typeof value === "number" ? formatZonedClockTime(value, zone) : "")}
          formatter={(value: unknown) => (typeof value === "number" ? format(value) : "not measured")}
          contentStyle={TOOLTIP_CONTENT_STYLE}
          labelStyle={TOOLTIP_LABEL_STYLE}
        />
        <ReferenceLine
          y={alert.warning}
          stroke={CHART_COLORS.warning}
          strokeDasharray="6 4"
          label={{ value: `warning ${format(alert.warning)}`, position: "insideTopLeft", fill: CHART_COLORS.warning, fontSize: 12 }}
        />
        <ReferenceLine
          y={alert.critical}
          stroke={CHART_COLORS.critical}
          strokeDasharray="6 4"
          label={{ value: `critical ${format(alert.critical)}`, position: "insideTopLeft", fill: CHART_COLORS.critical, fontSize: 12 }}
        />
        <ReferenceLine
          x={alert.firedAt}
          stroke={CHART_COLORS.axis}
          strokeDasharray="2 3"
          label={{ value: "fired", position: "insideTopRight", fill: CHART_COLORS.axis, fontSize: 12 }}
        />
        {alert.resolvedAt !== null ? (
          <ReferenceLine
            x={alert.resolvedAt}
            stroke={CHART_COLORS.axis}
            strokeDasharray="2 3"
            label={{ value: "resolved", position: "insideTopRight", fill: CHART_COLORS.axis, fontSize: 12 }}
          />
        ) : null}
        {peakInView ? <ReferenceDot x={peakInView.at} y={peakInView.value} r={4} fill={CHART_COLORS.critical} stroke="none" /> : null}
        <Line
          dataKey="value"
          name={METRIC_LABELS[alert.metric]}
          type="linear"
          stroke={CHART_COLORS.p95}
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </figure>
  );
}
