import { useMemo } from "react";
import { formatClockMinute, formatClockTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { AXIS_TICK, CHART_COLORS } from "./chart-theme";
import type { SeriesPoint } from "./time-series";

export interface TimeChartProps {
  points: readonly SeriesPoint[];
  /** [from, to] in epoch ms; null until the first client render knows the time. */
  domain: [number, number] | null;
  loading: boolean;
}

const TICK_STEP_MS = 3 * 60_000;

/** Tick marks on whole 3-minute boundaries inside [from, to], so labels do not crawl as the window slides. */
function computeTimeTicks(from: number, to: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(from / TICK_STEP_MS) * TICK_STEP_MS; t <= to; t += TICK_STEP_MS) ticks.push(t);
  return ticks;
}

/** The time axis the board's time charts share: the sliding window, whole-minute ticks, clock labels in the time base. */
export function useTimeAxis(domain: [number, number] | null) {
  const { timeZone, label } = useTimeZone();
  return useMemo(() => {
    const ticks = domain ? computeTimeTicks(domain[0], domain[1]) : [];
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
