import { formatClockTime } from "@/components/ui/format";
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
export function computeTimeTicks(from: number, to: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(from / TICK_STEP_MS) * TICK_STEP_MS; t <= to; t += TICK_STEP_MS) ticks.push(t);
  return ticks;
}

export function formatTimeTick(value: unknown): string {
  return typeof value === "number" ? formatClockTime(value) : "";
}

/** The time axis both 15-minute charts share: the sliding window, whole-minute ticks, clock labels. */
export function createTimeAxisProps(domain: [number, number], ticks: number[]) {
  return {
    dataKey: "t",
    type: "number",
    scale: "time",
    domain,
    ticks,
    tickFormatter: formatTimeTick,
    allowDataOverflow: true,
    tick: AXIS_TICK,
    stroke: CHART_COLORS.axisLine,
    minTickGap: 16,
  } as const;
}
