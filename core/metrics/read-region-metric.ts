import type { HistoryRollup, RegionSnapshot, Snapshot } from "./snapshot";
import type { MetricName } from "./thresholds";

/**
 * A region's value of a metric in a snapshot, or null when it was not measured this second (no
 * events means no latency or error rate: an idle region is not "fast" or "error-free").
 */
export function readRegionMetric(metric: MetricName, region: RegionSnapshot, snapshot: Pick<Snapshot, "system">): number | null {
  switch (metric) {
    case "processing_latency_ms":
      return region.eventsPerSecond > 0 ? region.latencyMs.p95 : null;
    case "error_rate_percent":
      return region.eventsPerSecond > 0 ? region.errorRatePercent : null;
    case "spilled_in_error_rate_percent":
      // 0 while nobody spills in, so an alert on it resolves once the spillover ends.
      return region.active ? region.spilledInErrorRatePercent : null;
    case "events_per_second":
      return region.active ? region.eventsPerSecond : null;
    case "consumer_lag_messages":
      return region.lag.messages;
    case "memory_utilization_percent":
      return snapshot.system.process.memoryPercent;
    case "inter_region_latency_ms":
      return region.interRegionLatencyMs;
    case "network_utilization_percent":
    case "disk_io_utilization_percent":
      return null;
  }
}

/** Metrics the history rollups keep, per region: the others (memory, inter-region latency, network, disk, spilled-in errors) are live only. */
export const HISTORY_METRICS: readonly MetricName[] = [
  "processing_latency_ms",
  "error_rate_percent",
  "events_per_second",
  "consumer_lag_messages",
];

/** A region's value of a metric in one history rollup, as the live reading would have it; null when history keeps no such metric or nothing was measured. */
export function readRollupMetric(metric: MetricName, rollup: HistoryRollup): number | null {
  switch (metric) {
    case "processing_latency_ms":
      return rollup.events > 0 ? rollup.latencyMs.p95 : null;
    case "error_rate_percent":
      return rollup.events > 0 ? rollup.errorRatePercent : null;
    case "events_per_second":
      return rollup.eventsPerSecond;
    case "consumer_lag_messages":
      return rollup.lag.messages;
    case "memory_utilization_percent":
    case "inter_region_latency_ms":
    case "network_utilization_percent":
    case "disk_io_utilization_percent":
    case "spilled_in_error_rate_percent":
      return null;
  }
}
