import type { MetricName } from "@/core/metrics/thresholds";

/** A metric's name for people. */
export const METRIC_LABELS: Record<MetricName, string> = {
  processing_latency_ms: "Processing latency p95",
  events_per_second: "Throughput",
  error_rate_percent: "Error rate",
  memory_utilization_percent: "Worker memory",
  consumer_lag_messages: "Consumer lag",
  network_utilization_percent: "Network utilisation",
  disk_io_utilization_percent: "Disk I/O utilisation",
  inter_region_latency_ms: "Inter-region latency",
  spilled_in_error_rate_percent: "Error rate of viewers spilled in",
};

/** The unit a metric's thresholds are written in. */
export const METRIC_UNITS: Record<MetricName, string> = {
  processing_latency_ms: "ms",
  events_per_second: "events/s",
  error_rate_percent: "%",
  memory_utilization_percent: "%",
  consumer_lag_messages: "events",
  network_utilization_percent: "%",
  disk_io_utilization_percent: "%",
  inter_region_latency_ms: "ms",
  spilled_in_error_rate_percent: "%",
};
