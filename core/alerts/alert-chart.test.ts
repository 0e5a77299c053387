import { describe, expect, it } from "vitest";
import type { HistoryRollup } from "../metrics/snapshot";
import {
  buildAlertChartPoints,
  computeAlertChartDomain,
  computeAlertChartTicks,
  MAX_ALERT_CHART_MS,
  planAlertChartRange,
} from "./alert-chart";

const T0 = 1_764_000_000_000;

function rollup(region: HistoryRollup["region"], bucketStart: number, events: number, errorRatePercent: number): HistoryRollup {
  return {
    region,
    bucketStart,
    seconds: 10,
    events,
    errors: Math.round((events * errorRatePercent) / 100),
    viewers: 100,
    quality: { "360p": 0, "480p": 0, "720p": 0, "1080p": 0, "4K": 0 },
    eventsPerSecond: events / 10,
    latencyMs: { p50: 2, p95: 9, p99: 20 },
    errorRatePercent,
    utilizationPercent: 1,
    avgBufferHealth: 8,
    qualityChanges: 0,
    lag: { messages: 3, seconds: 0 },
  };
}

describe("planAlertChartRange", () => {
  it("starts a minute before the window that fired an active alert (two minutes at least) and ends now", () => {
    expect(planAlertChartRange({ firedAt: T0, resolvedAt: null, windowSeconds: 120 }, T0 + 300_000)).toEqual({
      from: T0 - 180_000,
      to: T0 + 300_000,
    });
    expect(planAlertChartRange({ firedAt: T0, resolvedAt: null, windowSeconds: 10 }, T0 + 5000)).toEqual({
      from: T0 - 120_000,
      to: T0 + 5000,
    });
  });

  it("ends a minute after a resolved alert (not in the future), and keeps to the last 24 hours", () => {
    expect(planAlertChartRange({ firedAt: T0, resolvedAt: T0 + 60_000, windowSeconds: 60 }, T0 + 3_600_000).to).toBe(T0 + 120_000);
    expect(planAlertChartRange({ firedAt: T0, resolvedAt: T0 + 60_000, windowSeconds: 60 }, T0 + 90_000).to).toBe(T0 + 90_000);
    const old = planAlertChartRange({ firedAt: T0, resolvedAt: null, windowSeconds: 60 }, T0 + 2 * MAX_ALERT_CHART_MS);
    expect(old).toEqual({ from: T0 + MAX_ALERT_CHART_MS, to: T0 + 2 * MAX_ALERT_CHART_MS });
  });
});

describe("buildAlertChartPoints", () => {
  it("takes the alert's region only, oldest first, with no value for a bucket without events", () => {
    const rollups = [
      rollup("pune", T0 + 10_000, 0, 0),
      rollup("all", T0, 500, 9),
      rollup("pune", T0, 200, 19.84),
      rollup("delhi", T0, 90, 1),
    ];
    expect(buildAlertChartPoints(rollups, "error_rate_percent", "pune")).toEqual([
      { t: T0, value: 19.84 },
      { t: T0 + 10_000, value: null },
    ]);
  });
});

describe("computeAlertChartTicks", () => {
  it("takes the smallest whole step that gives at most seven ticks", () => {
    const from = Date.UTC(2026, 10, 26, 15, 30, 20);
    expect(computeAlertChartTicks(from, from + 4 * 60_000).map((t) => new Date(t).toISOString().slice(11, 16))).toEqual([
      "15:31",
      "15:32",
      "15:33",
      "15:34",
    ]);
    expect(computeAlertChartTicks(from, from + 40 * 60_000).map((t) => new Date(t).toISOString().slice(11, 16))).toEqual([
      "15:40",
      "15:50",
      "16:00",
      "16:10",
    ]);
    expect(computeAlertChartTicks(from, from + 24 * 3_600_000)).toHaveLength(4);
  });
});

describe("computeAlertChartDomain", () => {
  it("holds every value and both lines from zero, up to a round number at least a tenth above the highest", () => {
    const points = [
      { t: T0, value: 68.57 },
      { t: T0 + 10_000, value: null },
    ];
    expect(computeAlertChartDomain(points, { warning: 15, critical: 45 })).toEqual([0, 80]);
    expect(computeAlertChartDomain([], { warning: 2, critical: 5 })).toEqual([0, 6]);
    expect(computeAlertChartDomain([{ t: T0, value: 110 }], { warning: 200, critical: 500 })).toEqual([0, 600]);
    expect(computeAlertChartDomain([{ t: T0, value: 90_000 }], { warning: 1.2, critical: 0.9 })).toEqual([0, 100_000]);
  });

  it("reaches below zero for a negative value, and spans at least one unit", () => {
    expect(computeAlertChartDomain([{ t: T0, value: -10 }], { warning: -2, critical: -5 })).toEqual([-10, 0]);
    expect(computeAlertChartDomain([], { warning: 0, critical: 0 })).toEqual([0, 1]);
  });
});
