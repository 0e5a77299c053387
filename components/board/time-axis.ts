import { formatClockTime } from "@/components/ui/format";
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

/** Ticks on whole steps of the clock the labels are read in (the browser's zone, as formatClockTime). */
export function computeAxisTicks(domain: [number, number]): number[] {
  const zoneOffsetMs = -new Date(domain[0]).getTimezoneOffset() * 60_000;
  return computeTimeTicks(domain[0], domain[1], zoneOffsetMs);
}

/** An axis label: "20:31" (ticks fall on whole minutes). */
export function formatTimeTick(value: unknown): string {
  return typeof value === "number" ? formatClockTime(value).slice(0, 5) : "";
}

/** A tooltip's time: "20:31:05". */
export function formatTooltipTime(value: unknown): string {
  return typeof value === "number" ? formatClockTime(value) : "";
}

const dayFormat = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "short" });

/** "last 6 h", or a custom range as "26 Nov 14:00 – 15:30" (the end's day too when it differs). */
export function describeRange(range: TimeRange): string {
  if (range.kind === "last") return `last ${PRESET_LABELS[range.preset]}`;
  const fromDay = dayFormat.format(range.from);
  const toDay = dayFormat.format(range.to);
  return `${fromDay} ${formatTimeTick(range.from)} – ${toDay === fromDay ? "" : `${toDay} `}${formatTimeTick(range.to)}`;
}

/** The time axis every time chart shares: the chosen range, round ticks, clock labels. */
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
