"use client";

import { memo, useMemo } from "react";
import { useNow } from "@/components/ui/use-now";
import styles from "./board.module.css";
import { LagChart } from "./lag-chart";
import { LatencyChart } from "./latency-chart";
import { ThroughputChart } from "./throughput-chart";
import { SERIES_WINDOW_MS, type SeriesPoint } from "./time-series";

interface TimeChartsProps {
  points: readonly SeriesPoint[];
  loading: boolean;
  /** Server clock minus client clock, so the window's right edge is the server's "now". */
  clockOffsetMs: number;
  latestAt: number | null;
}

/** The 15-minute charts; owns the 1 s tick that slides their window even when no snapshot arrives. */
export const TimeCharts = memo(function TimeCharts({ points, loading, clockOffsetMs, latestAt }: TimeChartsProps) {
  const now = useNow();
  const domain = useMemo<[number, number] | null>(() => {
    if (now === 0) return null;
    const to = Math.max(now + clockOffsetMs, latestAt ?? 0);
    return [to - SERIES_WINDOW_MS, to];
  }, [now, clockOffsetMs, latestAt]);

  return (
    <div className={styles.timeCharts}>
      <ThroughputChart points={points} domain={domain} loading={loading} />
      <LatencyChart points={points} domain={domain} loading={loading} />
      <LagChart points={points} domain={domain} loading={loading} />
    </div>
  );
});
