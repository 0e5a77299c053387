"use client";

import { memo, useMemo, type ReactNode } from "react";
import { formatWindow } from "@/components/ui/format";
import { useNow } from "@/components/ui/use-now";
import styles from "./board.module.css";
import { LagChart } from "./lag-chart";
import { LatencyChart } from "./latency-chart";
import { RangeControl } from "./range-control";
import { ThroughputChart } from "./throughput-chart";
import controls from "./time-controls.module.css";
import { describeRange } from "./time-axis";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { PRESET_MS, type TimeRange } from "./time-range";
import type { SeriesPoint } from "./time-series";

interface TimeChartsProps {
  range: TimeRange;
  onRangeChange: (range: TimeRange) => void;
  points: readonly SeriesPoint[];
  loading: boolean;
  /** Server clock minus client clock, so a "last" range's right edge is the server's "now". */
  clockOffsetMs: number;
  latestAt: number | null;
  /** The snapshot time a paused board is frozen at (a "last" range then ends there); null while live. */
  frozenAt: number | null;
  /** The answered history's step in ms (0 before it arrives), said beside the range. */
  stepMs: number;
  /** The pause control, at the toolbar's end. */
  pauseControl: ReactNode;
  /** false on the board's wall: no range picker or Clip spikes, only what the charts show. */
  interactive: boolean;
}

/** Only what falls inside the domain is drawn, so the axes are fitted to what is shown. */
function selectVisible(points: readonly SeriesPoint[], domain: [number, number] | null): readonly SeriesPoint[] {
  if (!domain) return points;
  const [from, to] = domain;
  return points.filter((point) => point.t >= from && point.t - point.spanMs <= to);
}

/** The time charts and their toolbar (range, pause); owns the 1 s tick that slides a "last" range even when no snapshot arrives. */
export const TimeCharts = memo(function TimeCharts({
  range,
  onRangeChange,
  points,
  loading,
  clockOffsetMs,
  latestAt,
  frozenAt,
  stepMs,
  pauseControl,
  interactive,
}: TimeChartsProps) {
  const now = useNow();
  const domain = useMemo<[number, number] | null>(() => {
    if (range.kind === "custom") return [range.from, range.to];
    if (frozenAt !== null) return [frozenAt - PRESET_MS[range.preset], frozenAt];
    if (now === 0) return null;
    const to = Math.max(now + clockOffsetMs, latestAt ?? 0);
    return [to - PRESET_MS[range.preset], to];
  }, [range, frozenAt, now, clockOffsetMs, latestAt]);
  const visible = useMemo(() => selectVisible(points, domain), [points, domain]);
  const { timeZone } = useTimeZone();
  const rangeLabel = describeRange(range, timeZone);

  return (
    <section className={controls.charts} aria-label={`Charts, ${rangeLabel}`} data-testid="time-charts">
      <div className={controls.toolbar}>
        {interactive ? <RangeControl range={range} onChange={onRangeChange} name="board-range" /> : null}
        <p className={controls.rangeNote} data-testid="range-note">
          {rangeLabel}
          {stepMs > 0 ? ` · history in ${formatWindow(stepMs)} steps` : ""}
        </p>
        {pauseControl}
      </div>
      <div className={styles.timeCharts}>
        <ThroughputChart points={visible} domain={domain} loading={loading} rangeLabel={rangeLabel} interactive={interactive} />
        <LatencyChart points={visible} domain={domain} loading={loading} rangeLabel={rangeLabel} />
        <LagChart points={visible} domain={domain} loading={loading} rangeLabel={rangeLabel} />
      </div>
    </section>
  );
});
