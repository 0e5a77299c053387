import { useMemo } from "react";
import { findZoneOffset, formatClockMinute, formatClockTime, formatDay } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { AXIS_TICK, CHART_COLORS } from "./chart-theme";
import { computeTimeTicks, PRESET_LABELS, type TimeRange } from "./time-range";
import type { SeriesPoint } from "./time-series";

export interface TimeChartProps {
  points: readonly SeriesPoint[];
  /** [from, to] in epoch ms; null until the first client render knows the time. */
  domain: [number, number] | null;
  loading: boolean;
  /** What the charts cover, for their titles and labels: "last 15 min", "26 Nov 14:00 – 15:30". */
  rangeLabel: string;
}

/** Ticks on whole steps of the clock the labels are read in (the time base's zone). */
function computeAxisTicks(domain: [number, number], timeZone: string): number[] {
  return computeTimeTicks(domain[0], domain[1], findZoneOffset(domain[0], timeZone));
}

/** "last 6 h", or a custom range as "26 Nov 14:00 – 15:30" (the end's day too when it differs), in the time base. */
export function describeRange(range: TimeRange, timeZone: string): string {
  if (range.kind === "last") return `last ${PRESET_LABELS[range.preset]}`;
  const fromDay = formatDay(range.from, timeZone);
  const toDay = formatDay(range.to, timeZone);
  return `${fromDay} ${formatClockMinute(range.from, timeZone)} – ${toDay === fromDay ? "" : `${toDay} `}${formatClockMinute(range.to, timeZone)}`;
}

/** The time axis every time chart shares: the chosen range, round ticks, clock labels in the time base. */
export function useTimeAxis(domain: [number, number] | null) {
  const { timeZone, label } = useTimeZone();
  return useMemo(() => {
    const ticks = domain ? computeAxisTicks(domain, timeZone) : [];
    return {
      zoneLabel: label,
      /** A tooltip's heading: "21:04:05 IST". */
      formatLabel: (value: unknown) => (typeof value === "number" ? `${formatClockTime(value, timeZone)} ${label}` : ""),
      axisProps: {
        dataKey: "t",
        type: "number",
        scale: "time",
        domain: domain ?? [0, 0],
        ticks,
        tickFormatter: (value: unknown) => (typeof value === "number" ? formatClockMinute(value, timeZone) : ""),
        allowDataOverflow: true,
        tick: AXIS_TICK,
        stroke: CHART_COLORS.axisLine,
        minTickGap: 16,
      } as const,
    };
  }, [domain, timeZone, label]);
}
