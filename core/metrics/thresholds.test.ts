import { describe, expect, it } from "vitest";
import {
  METRIC_NAMES,
  METRIC_THRESHOLDS,
  evaluateThreshold,
  gradeAgainstThreshold,
  isBeyondThreshold,
  type MetricName,
} from "./thresholds";

describe("METRIC_THRESHOLDS", () => {
  it("has SPEC section 5's eight metrics and the spilled-in viewers' error rate (warning at the failover line), only throughput bad when low", () => {
    expect(
      METRIC_NAMES.map((m) => [m, METRIC_THRESHOLDS[m].warning, METRIC_THRESHOLDS[m].critical, METRIC_THRESHOLDS[m].direction]),
    ).toEqual([
      ["processing_latency_ms", 200, 500, "above"],
      ["events_per_second", 100_000, 50_000, "below"],
      ["error_rate_percent", 2, 5, "above"],
      ["memory_utilization_percent", 75, 90, "above"],
      ["consumer_lag_messages", 100_000, 500_000, "above"],
      ["network_utilization_percent", 70, 85, "above"],
      ["disk_io_utilization_percent", 80, 95, "above"],
      ["inter_region_latency_ms", 150, 300, "above"],
      ["spilled_in_error_rate_percent", 5, 10, "above"],
    ]);
  });

  it("grades region utilisation by SPEC section 2: warning above 80%, critical (spillover) above 85%", () => {
    expect(METRIC_THRESHOLDS.utilization_percent).toEqual({ warning: 80, critical: 85, direction: "above" });
    expect([80, 80.5, 85, 85.5].map((v) => evaluateThreshold("utilization_percent", v))).toEqual(["ok", "warning", "warning", "critical"]);
  });
});

describe("evaluateThreshold", () => {
  it.each([
    ["processing_latency_ms", 199, "ok"],
    ["processing_latency_ms", 200, "ok"],
    ["processing_latency_ms", 201, "warning"],
    ["processing_latency_ms", 500, "warning"],
    ["processing_latency_ms", 501, "critical"],
    ["error_rate_percent", 2, "ok"],
    ["error_rate_percent", 2.01, "warning"],
    ["error_rate_percent", 5, "warning"],
    ["error_rate_percent", 5.01, "critical"],
    ["memory_utilization_percent", 75, "ok"],
    ["memory_utilization_percent", 75.1, "warning"],
    ["memory_utilization_percent", 90, "warning"],
    ["memory_utilization_percent", 90.1, "critical"],
    ["consumer_lag_messages", 100_000, "ok"],
    ["consumer_lag_messages", 100_001, "warning"],
    ["consumer_lag_messages", 500_000, "warning"],
    ["consumer_lag_messages", 500_001, "critical"],
    ["network_utilization_percent", 70, "ok"],
    ["network_utilization_percent", 70.5, "warning"],
    ["network_utilization_percent", 85, "warning"],
    ["network_utilization_percent", 85.5, "critical"],
    ["disk_io_utilization_percent", 80, "ok"],
    ["disk_io_utilization_percent", 80.5, "warning"],
    ["disk_io_utilization_percent", 95, "warning"],
    ["disk_io_utilization_percent", 95.5, "critical"],
    ["inter_region_latency_ms", 150, "ok"],
    ["inter_region_latency_ms", 151, "warning"],
    ["inter_region_latency_ms", 300, "warning"],
    ["inter_region_latency_ms", 301, "critical"],
  ] as const)("%s at %s → %s", (metric: MetricName, value, level) => {
    expect(evaluateThreshold(metric, value)).toBe(level);
  });

  it.each([
    [250_000, "ok"],
    [100_001, "ok"],
    [100_000, "ok"],
    [99_999, "warning"],
    [50_000, "warning"],
    [49_999, "critical"],
    [0, "critical"],
  ] as const)("throughput is bad when LOW: events_per_second at %i → %s", (value, level) => {
    expect(evaluateThreshold("events_per_second", value)).toBe(level);
  });

  it("treats NaN as ok rather than inventing a breach", () => {
    expect(evaluateThreshold("processing_latency_ms", Number.NaN)).toBe("ok");
  });
});

describe("isBeyondThreshold / gradeAgainstThreshold", () => {
  it("is strict in both directions", () => {
    expect(isBeyondThreshold(10, 10, "above")).toBe(false);
    expect(isBeyondThreshold(10.001, 10, "above")).toBe(true);
    expect(isBeyondThreshold(10, 10, "below")).toBe(false);
    expect(isBeyondThreshold(9.999, 10, "below")).toBe(true);
  });

  it("grades a custom threshold", () => {
    const threshold = { warning: 10, critical: 20, direction: "above" as const };
    expect(gradeAgainstThreshold(threshold, 10)).toBe("ok");
    expect(gradeAgainstThreshold(threshold, 20)).toBe("warning");
    expect(gradeAgainstThreshold(threshold, 21)).toBe("critical");
  });
});
