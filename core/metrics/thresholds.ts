/**
 * SPEC section 5's metric thresholds. Each has a direction: most metrics are bad when above the
 * threshold, throughput (events_per_second) is bad when BELOW it (the source wrongly treated every
 * threshold as "above"). A value is beyond a threshold only when strictly past it.
 */
export const METRIC_NAMES = [
  "processing_latency_ms",
  "events_per_second",
  "error_rate_percent",
  "memory_utilization_percent",
  "consumer_lag_messages",
  "network_utilization_percent",
  "disk_io_utilization_percent",
  "inter_region_latency_ms",
  // Not in section 5's table: the error rate of viewers spilled in from other regions, which tells
  // errors that follow the viewers (content, clients) from a region's own (section 2's health rules).
  "spilled_in_error_rate_percent",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/**
 * Everything graded against a threshold: section 5's metrics, and section 2's region utilisation
 * (warning above 80%, spillover above 85%, which the board shows as critical).
 */
export const GRADED_NAMES = [...METRIC_NAMES, "utilization_percent"] as const;
export type GradedName = (typeof GRADED_NAMES)[number];

export type ThresholdDirection = "above" | "below";
export type ThresholdLevel = "ok" | "warning" | "critical";

export interface MetricThreshold {
  warning: number;
  critical: number;
  /** The bad direction: "above" = high values are bad, "below" = low values are bad. */
  direction: ThresholdDirection;
}

/** The one table of thresholds: the board, routing, health checks, alerts and cost all read it. */
export const METRIC_THRESHOLDS: Readonly<Record<GradedName, Readonly<MetricThreshold>>> = {
  processing_latency_ms: { warning: 200, critical: 500, direction: "above" },
  events_per_second: { warning: 100_000, critical: 50_000, direction: "below" },
  error_rate_percent: { warning: 2, critical: 5, direction: "above" },
  memory_utilization_percent: { warning: 75, critical: 90, direction: "above" },
  consumer_lag_messages: { warning: 100_000, critical: 500_000, direction: "above" },
  network_utilization_percent: { warning: 70, critical: 85, direction: "above" },
  disk_io_utilization_percent: { warning: 80, critical: 95, direction: "above" },
  inter_region_latency_ms: { warning: 150, critical: 300, direction: "above" },
  // Warning at the failover line (error rate's critical): past it the health check would have failed the region over.
  spilled_in_error_rate_percent: { warning: 5, critical: 10, direction: "above" },
  utilization_percent: { warning: 80, critical: 85, direction: "above" },
};

/** Whether a value is strictly beyond a limit in the bad direction (NaN never is). */
export function isBeyondThreshold(value: number, limit: number, direction: ThresholdDirection): boolean {
  return direction === "above" ? value > limit : value < limit;
}

/** Grades a value against a threshold: critical if strictly beyond critical, warning if strictly beyond warning, else ok. */
export function gradeAgainstThreshold(threshold: Readonly<MetricThreshold>, value: number): ThresholdLevel {
  if (isBeyondThreshold(value, threshold.critical, threshold.direction)) return "critical";
  if (isBeyondThreshold(value, threshold.warning, threshold.direction)) return "warning";
  return "ok";
}

/** Grades a value by the table, honouring its direction (throughput is bad when low). */
export function evaluateThreshold(metric: GradedName, value: number): ThresholdLevel {
  return gradeAgainstThreshold(METRIC_THRESHOLDS[metric], value);
}
